"""Who is hit and what is fired decide between a battle, violence against civilians and remote violence.

Sentences written for these tests (none from an eval file); the expected coding is worked out from the ACLED
codebook: an attack on armed or security forces is an Armed clash even when one side fires; small arms alone
are a clash, heavy weapons fired from afar a shelling; an attack answered with fire by the side attacked is a
clash; an unorganised group attacking police is mob violence; a trigger word whose sentence names a warship,
a stated demand or, in the next sentence, the wounded, is an event."""

from __future__ import annotations

import pytest

from dateline.ingest import article_from_text
from dateline.model import Report
from dateline.pipeline import Pipeline

PUBLISHED = "2022-03-14"

# (text, sub-event types of the events found, in order)
CASES: dict[str, tuple[str, list[str]]] = {
    # the head noun of who was hit: a policewoman, gang members, a patrol (even a "civilian police" one)
    "policewoman": ("Gunmen shot dead a policewoman in the centre of Kano on Monday.", ["Armed clash"]),
    "gang_members": ("Unknown assailants killed two gang members in a slum of Recife on Friday.", ["Armed clash"]),
    "civilian_police_patrol": ("Rebels opened fire on a civilian police patrol near Bossangoa on Tuesday.",
                               ["Armed clash"]),
    "positions_of_peoples_militia": (("Government troops fired at the positions of the People's Militia near "
                                     "Debaltseve on Sunday."), ["Armed clash"]),
    # civilians hit: violence against civilians, whatever the attackers are called
    "shopkeepers": ("Militants shot dead three shopkeepers in the market of Gao on Sunday.", ["Attack"]),
    # small arms the only weapons named: a clash; heavy weapons alone: a shelling
    "small_arms_only": ("Monitors recorded 40 shots involving small arms near Horlivka on Sunday.", ["Armed clash"]),
    "mortars_only": ("Monitors recorded 12 explosions involving mortars near Horlivka on Sunday.",
                     ["Shelling/artillery/missile attack"]),
    # machine guns of heavy calibre are heavy weapons
    "heavy_calibre": ("Rebel forces fired 14.5mm machine guns at farms near Hays on Sunday.",
                      ["Shelling/artillery/missile attack"]),
    "machine_guns_said_heavy": ("Rebel forces fired machine guns, reportedly heavy, at farms near Hays on Sunday.",
                                ["Shelling/artillery/missile attack"]),
    # the attacked side fires back in the next sentence: one clash
    "grenade_return_fire": (("Militants threw a grenade at a police station in Garissa on Monday. Officers "
                            "responded with gunfire and the attackers fled."), ["Armed clash"]),
    # civilians hit: police firing at the attackers afterwards does not make the grenade attack a clash (the
    # police fire is its own event)
    "grenade_on_civilians": (("Gunmen threw a grenade into a bar in Mandera on Saturday, wounding six people. "
                             "Police later opened fire on the attackers."), ["Grenade", "Armed clash"]),
    # an unorganised group attacking police or guards: rioters, not an armed group
    "youths_attack_police": ("Youths attacked two police officers at a market in Kasese on Monday.",
                             ["Mob violence"]),
    # the conflict world named by a naval platform, a stated demand, or the wounded in the next sentence
    "gunboats": ("Navy gunboats shelled the coast near Rafah on Tuesday.", ["Shelling/artillery/missile attack"]),
    "march_to_ask": ("Bus drivers marched through Lusaka on Monday to ask for fuel subsidies.",
                     ["Peaceful protest"]),
    "clash_then_injured": ("Two groups clashed over a land dispute in Kitgum on Sunday. Nine people were injured.",
                           ["Mob violence"]),
    "passive_person": ("In Puebla on Friday, a man and a woman were shot in a drive-by incident.", ["Attack"]),
    # figurative: no weapon, no wounded, no demand
    "parties_clash": ("The two parties clashed over the budget in parliament on Tuesday. The vote was postponed.",
                      []),
    "stocks_rally": ("Mining stocks rallied in Johannesburg on Monday as the rand weakened.", []),
}


@pytest.fixture(scope="module")
def reports(pipeline: Pipeline) -> dict[str, Report]:
    keys = list(CASES)
    articles = [article_from_text(CASES[k][0], article_id=k, publisher="Test Wire", published=PUBLISHED)
                for k in keys]
    return dict(zip(keys, pipeline.pipe(articles)))


@pytest.mark.parametrize("case", sorted(CASES))
def test_coding(case: str, reports: dict[str, Report]) -> None:
    report = reports[case]
    got = [e.sub_event_type for e in report.events]
    assert got == CASES[case][1], f"{CASES[case][0]} -> {got} (rejected: {report.rejected})"


def test_return_fire_needs_the_attacked_side(pipeline: Pipeline) -> None:
    from dateline.extract import classify

    assert classify.RETURN_FIRE.search("police responded with gunfire")
    assert classify.RETURN_FIRE.search("a shoot-out broke out between the police and the suspects")
    assert not classify.RETURN_FIRE.search("police opened an investigation into the attack")
