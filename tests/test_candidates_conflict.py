"""Candidate events of armed conflict: the rules propose them through general frames of war reporting.

Sentences written for these tests (none from an eval file); the expected sub-type follows the ACLED codebook
(docs/codebook.md, sections 3 and 10): armed actors targeting positions or ground fight (Armed clash), from the
air it is an air strike, at homes or markets from afar a shelling; armed actors entering or advancing into a place,
a place that falls to a side, a side driven out of a place or losing control of it are changes of territory;
fighters leaving on buses under a deal hand the ground over; an RPG fired at fighters is fighting; people killed
when a place is set ablaze, and corpses found, are violence against civilians. Each frame has a sentence in
another sense that must give no candidate. The tests read the rules' candidates (no learned decision)."""

from __future__ import annotations

import pytest

from dateline.extraction import build_report
from dateline.model import Article
from dateline.resources import Resources

PUBLISHED = "2024-03-06"

# (text, a sub-event type among the candidates; None: no candidate at all)
CASES: dict[str, tuple[str, str | None]] = {
    # an armed actor targeting: ground (clash), from the air (air strike), homes from afar (shelling)
    "army_targets_positions": (("The army continued its operations in the hills east of Idlib on Monday, targeting "
                                "the militants' positions near the village of Kafr Zita."), "Armed clash"),
    "air_force_targets": ("The air force targeted rebel hideouts in the countryside of Hama on Tuesday.",
                          "Air/drone strike"),
    "rebels_target_homes": ("Rebel forces targeted the residential districts of Aleppo on Sunday.",
                            "Shelling/artillery/missile attack"),
    "tax_targets": ("The new tax targets wealthy families in the capital.", None),
    "advertisers_target": ("Advertisers targeted young voters in Lagos last week.", None),
    # entering or advancing into a place
    "troops_entered_village": ("Government troops entered the village of Tal Sharqi on Sunday.",
                               "Government regains territory"),
    "rebels_advance_into": ("Rebel fighters made rapid advances into the market square of Jisr al-Shughur on Friday.",
                            "Non-state actor overtakes territory"),
    "delegation_entered": ("The delegation entered the city of Geneva on Monday for talks.", None),
    "prevented_from_entering": (("Soldiers prevented a rebel column from entering the town of Tal Tamr on "
                                 "Monday."), None),
    "police_entered_stadium": ("Police entered the stadium in Cardiff after the match on Saturday.", None),
    "shares_advanced": ("Shares advanced to a record high in Tokyo on Monday.", None),
    # armed men invading a village; locusts invading farms
    "bandits_invaded": ("Armed bandits invaded the village of Dansadau in Zamfara on Monday night.", "Attack"),
    "locusts_invaded": ("Locusts invaded farms across the north of Kenya this month.", None),
    # a counterattack is fighting
    "counterattack": ("Rebel groups launched a counterattack near Jableh on Wednesday.", "Armed clash"),
    # ground that fell to a side, a side driven out, a side that lost control
    "fell_to_militants": ("The town of Ras Kamboni fell to the militants on Thursday.",
                          "Non-state actor overtakes territory"),
    "fell_to_army": ("The rebel stronghold of Bani Walid fell to the army on Thursday.",
                     "Government regains territory"),
    "drove_out": ("Government troops drove the rebels out of the town of Bambari on Saturday.",
                  "Government regains territory"),
    "lost_control": ("The insurgents lost control of the district of Nad Ali on Sunday.",
                     "Government regains territory"),
    "lost_capital": ("The militia lost its self-declared capital to government troops on Sunday.",
                     "Government regains territory"),
    "army_lost_control": ("The army lost control of the town of Kidal on Sunday.",
                          "Non-state actor overtakes territory"),
    "prices_fell_to": ("Oil prices fell to a six-month low in London on Monday.", None),
    "lost_council": ("The opposition lost control of the city council in the election.", None),
    # fighters and civilians leaving on buses under a deal
    "buses_left": (("Under the deal, about 40 buses left the besieged town of Madaya on Friday carrying rebel "
                    "fighters and their families."), "Non-violent transfer of territory"),
    "school_buses": ("School buses left the depot at dawn carrying pupils to the fair in Nakuru.", None),
    # an RPG (a grenade launcher: a heavy weapon, codebook 7) fired at fighters
    "rpg_rounds": ("Two militiamen were hit by RPG rounds near the old bridge of Sirte on Friday.",
                   "Shelling/artillery/missile attack"),
    "rpg_game": ("The studio released a new RPG for consoles in Tokyo on Friday.", None),
    # a place set ablaze with people killed; a sky "set ablaze" by the sunset
    "set_house_ablaze": ("Attackers set the chief's house ablaze in Bawku on Friday, leaving four people dead.",
                         "Attack"),
    "sunset_ablaze": ("The sunset set the sky over the bay ablaze in Durban on Saturday.", None),
    # corpses found, a body found bound; a hiker's body found
    "corpses_found": ("Fourteen corpses were found near the village of Mavivi on Tuesday.", "Attack"),
    "body_tied": ("The body of a missing land activist was found in a river near Zamora, his hands tied with rope.",
                  "Attack"),
    "hiker_body": ("The body of a hiker was found near a trail in the park on Sunday.", None),
    # people seized are abducted; a firing by gunmen is an attack, the firing of a manager is not
    "seized_workers": ("Militants seized four aid workers on the road to Kidal on Monday.",
                       "Abduction/forced disappearance"),
    "gunmen_firing": ("Gunmen in a car resorted to indiscriminate firing at a mosque in Bannu on Sunday.",
                      "Attack"),
    "manager_firing": ("The firing of the club manager surprised the fans in Madrid on Friday.", None),
    # points and blocks of a district seized: ground taken
    "seized_points": ("Government troops seized several points inside the Sheikh Maqsoud district on Tuesday.",
                      "Government regains territory"),
    # an armed side that occupied ground, told as an act, took it; the occupied territories, forces that occupy a
    # share of a country (a state of affairs) and police occupying offices take none
    "rebels_occupied_town": ("Rebel fighters occupied the town of Nyanzale on Monday.",
                             "Non-state actor overtakes territory"),
    "militants_occupied_villages": ("Militants occupied two villages in the north of the province on Tuesday.",
                                    "Non-state actor overtakes territory"),
    "troops_reoccupied_town": ("Government troops reoccupied the town of Menaka on Sunday.",
                               "Government regains territory"),
    "town_occupied_by_fighters": ("The town of Boni was occupied by Islamist fighters on Friday.",
                                  "Non-state actor overtakes territory"),
    "occupied_territories": ("Settlers planted olive trees near a village in the occupied West Bank on Monday.", None),
    "forces_occupy_a_share": ("Foreign forces occupy about a fifth of the country.", None),
    "police_occupied_offices": ("Police occupied the offices of the electoral commission in Harare on Monday.", None),
}


@pytest.fixture(scope="module")
def candidates(resources: Resources) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, (text, _) in CASES.items():
        article = Article(id=key, text=text, published=PUBLISHED)
        report = build_report(article, resources.nlp(text), resources, decide=False)
        out[key] = [e.sub_event_type for e in report.events]
    return out


@pytest.mark.parametrize("case", sorted(CASES))
def test_conflict_candidate(case: str, candidates: dict[str, list[str]]) -> None:
    text, expected = CASES[case]
    got = candidates[case]
    if expected is None:
        assert got == [], f"{text} -> {got}"
    else:
        assert expected in got, f"{text} -> {got}"
