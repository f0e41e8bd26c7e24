"""War wire from Syria, Iraq, Turkey and the Sahel: verbs of bombardment, raids that only arrest, blockades that
security forces break up, and prisons hit from the air. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Syrian warplanes pounded the town of Jisr al-Shughour on Friday.", "Air/drone strike"),
    ("Government troops pounded rebel positions near Latamneh on Friday.", "Shelling/artillery/missile attack"),
])
def test_pounding_a_place_is_a_bombardment(pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == sub_event_type


@pytest.mark.parametrize("text", [
    "Heavy rain pounded the coast of Kerala on Monday.",
    "The opposition hammered the government over rising fuel prices on Monday.",
])
def test_pounding_without_armed_actors_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Iraqi troops arrested four Islamic State suspects in a raid on a village near Tikrit on Thursday.",
    "Turkish police detained 17 suspected PKK members in raids across Van on Tuesday.",
])
def test_a_raid_that_only_arrests_is_arrests(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Arrests"


def test_security_forces_who_shoot_road_blockers_use_excessive_force(pipeline: Pipeline) -> None:
    text = "Security forces shot dead four protesters who were blocking a bridge in Diwaniya on Tuesday."
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Excessive force against protesters"


@pytest.mark.parametrize("text", [
    "Government shelling hit the central prison in Idlib on Monday, killing three inmates, a monitor said.",
    "A drone struck a jail in Misrata on Friday, wounding nine inmates, the health ministry said.",
])
def test_a_prison_hit_from_the_air_or_by_shells_is_no_common_crime(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.event_type == "Explosions/Remote violence"


def test_the_standfirst_under_the_headline_is_part_of_the_header() -> None:
    from dateline.ingest import article_from_text
    text = ("Iraqi forces kill six in Baghdad\nLive rounds fired at crowds near the bridges as promises fail to quell "
            "anger\n\nIraqi security forces shot dead six protesters in central Baghdad on Saturday, medics said.\n")
    article = article_from_text(text, published="2019-11-10")
    assert article.header_end() == text.index("\n\n")


@pytest.mark.parametrize("framing", [
    "The ambush came as the army prepared an offensive on rebel strongholds in the Nuba mountains.",
    "The killings took place near a checkpoint where soldiers and militiamen had quarrelled for weeks.",
    "The deaths brought to more than 200 the number of people killed in the region since January.",
])
def test_a_sentence_that_frames_the_incident_told_is_no_second_event(pipeline: Pipeline, framing: str) -> None:
    lead = "Rebels killed 11 soldiers in an ambush near Kadugli on Sunday, the army said."
    events = events_of(pipeline, f"{lead}\n\n{framing}")
    assert len(events) == 1 and len(events[0].mentions) >= 2


def test_an_earlier_incident_the_frame_measures_from_is_still_told(pipeline: Pipeline) -> None:
    text = ("Farmers blocked a highway near Sinop on Monday, the company said.\n\n"
            "The blockade came three days after protesters attacked a company warehouse in Sorriso, causing damage.")
    events = events_of(pipeline, text)
    assert any(e.location == "Sorriso" for e in events)


@pytest.mark.parametrize("text", [
    ("Traders marched to the municipal offices in Mthatha on Thursday to demand the reopening of the market. Police "
     "said nobody had been arrested."),
    "Nurses picketed outside the provincial hospital in Kimberley on Monday. None of the strikers were arrested.",
])
def test_a_denied_arrest_is_no_intervention(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Peaceful protest"


def test_bare_officers_who_disperse_a_crowd_are_the_police(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Officers fired rubber bullets to disperse striking miners in Rustenburg on Friday.")
    assert event.sub_event_type == "Protest with intervention"


@pytest.mark.parametrize("text", [
    "In Ariha, whose market was busy before the siege, traders reopened a handful of stalls on Monday.",
    "In Saraqeb, which had 30,000 residents before the offensive, only a few families remained on Friday.",
])
def test_an_act_that_only_marks_a_time_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


def test_a_road_blockade_over_a_road_death_is_a_demonstration(pipeline: Pipeline) -> None:
    text = "Residents blocked the road near Mahikeng with burning tyres on Tuesday after a child was knocked down by a taxi."
    [event] = events_of(pipeline, text)
    assert event.event_type == "Riots"


@pytest.mark.parametrize("text", [
    "Floods blocked roads in the district on Monday, killing four people.",
    "Five workers burned to death when a gas tanker exploded near Mahikeng on Monday.",
])
def test_accidents_and_disasters_stay_out(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


def test_the_side_hit_counting_its_own_dead_gives_the_strikes_toll(pipeline: Pipeline) -> None:
    text = ("An Israeli air strike hit a warehouse near Qusayr on Sunday, a monitor said.\n\n"
            "Hezbollah said four of its fighters had been killed in the strike.")
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.fatalities) == ("Air/drone strike", 4)


@pytest.mark.parametrize(("text", "location"), [
    ("Houthi rebels seized Hodeidah on Monday.", "Al Hudaydah"),
    ("Islamic State fighters seized Hit on Sunday after clashes with Iraqi forces.", "Hit"),
    ("Jihadists captured Djibo on Wednesday after fighting with soldiers, residents said.", "Djibo"),
    ("Rebels seized Palmyra on Sunday after clashes with the Syrian army.", "Tadmur"),
])
def test_a_town_seized_or_captured_by_its_bare_name_is_ground_taken_there(pipeline: Pipeline, text: str,
                                                                        location: str) -> None:
    # NER reads several of these towns as a person or an organisation; the places component keeps them as towns
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.location, event.geo_precision) == (
        "Non-state actor overtakes territory", location, 1)


def test_people_seized_stay_an_abduction(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Gunmen seized two aid workers in Kidal on Monday.")
    assert event.sub_event_type == "Abduction/forced disappearance"


@pytest.mark.parametrize(("text", "sub_event_type"), [
    (("After weeks of shelling, the militia withdrew from the town of Tal Rifaat before dawn as Turkish-backed "
      "fighters moved in."), "Non-state actor overtakes territory"),
    ("Government troops withdrew from the town of Kidal on Monday after days of rebel shelling.",
     "Non-state actor overtakes territory"),
    ("Rebels retreated from the town of Uvira as government troops advanced on Friday.",
     "Government regains territory"),
    ("Under heavy pressure from the army, the rebels withdrew from the town of Uvira on Friday.",
     "Government regains territory"),
])
def test_ground_given_up_under_fire_was_taken_by_the_other_side(pipeline: Pipeline, text: str,
                                                                 sub_event_type: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == [sub_event_type]


@pytest.mark.parametrize("text", [
    "The rebels withdrew from the town of Uvira on Sunday under a deal brokered by Angola.",
    "The army withdrew from the town of Uvira on Friday without a fight.",
])
def test_ground_handed_over_under_a_deal_or_without_a_fight_stays_non_violent(pipeline: Pipeline, text: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == ["Non-violent transfer of territory"]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("The army drove the militants out of their last stronghold in Idlib province on Sunday.",
     "Government regains territory"),
    ("Islamic State lost its capital Raqqa on Tuesday after a four-month campaign by Kurdish-led forces.",
     "Non-state actor overtakes territory"),
    ("The government lost the town of Palmyra to Islamic State fighters on Sunday.",
     "Non-state actor overtakes territory"),
])
def test_ground_a_side_lost_or_was_driven_from_changed_hands(pipeline: Pipeline, text: str,
                                                            sub_event_type: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == [sub_event_type]


def test_the_side_that_lost_its_capital_is_not_the_one_that_took_it(pipeline: Pipeline) -> None:
    text = "Islamic State lost its capital Raqqa on Tuesday after a four-month campaign by Kurdish-led forces."
    [event] = events_of(pipeline, text)
    assert event.actor2 is not None and event.actor2.startswith("Islamic State")


@pytest.mark.parametrize("text", [
    "The bank lost its capital reserves in the crisis last year.",
    "The ruling party lost the town of Nakuru to the opposition in the election.",
])
def test_capital_or_a_town_lost_outside_war_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Two soldiers were killed on Thursday when they entered a building rigged with booby traps in Mosul.",
    ("A deminer was killed in Sirte on Wednesday while trying to reach a girl who had wandered into a house "
     "rigged with booby traps."),
])
def test_a_death_told_with_the_device_that_caused_it_is_an_explosive_device(pipeline: Pipeline, text: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == ["Remote explosive/landmine/IED"]


def test_people_killed_at_a_mine_are_not_killed_by_a_landmine(pipeline: Pipeline) -> None:
    text = "Gunmen killed five miners at a gold mine near Kidal on Monday."
    assert "Remote explosive/landmine/IED" not in [e.sub_event_type for e in events_of(pipeline, text)]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Russian forces launched a salvo of missiles fired from ships and planes at Kyiv overnight, killing three people.",
     "Air/drone strike"),
    ("Israeli planes fired missiles at a house in Gaza City on Tuesday, killing five people.", "Air/drone strike"),
    ("Rebels fired rockets at the airport in Mogadishu on Friday, damaging two planes.",
     "Shelling/artillery/missile attack"),
])
def test_missiles_that_planes_fire_are_an_air_strike(pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == [sub_event_type]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Rebels fired rocket-propelled grenades at an army convoy near Beni on Monday, killing two soldiers.",
     "Armed clash"),
    (("A Kurdish fighter was hit by a rocket-propelled grenade fired by Islamic State militants while assisting his "
      "unit on the front line near Raqqa on Tuesday."), "Armed clash"),
    ("Militants fired RPGs at a residential area of Mogadishu on Friday, killing a child.",
     "Shelling/artillery/missile attack"),
])
def test_rpg_fire_at_fighters_is_the_fighting_itself(pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == [sub_event_type]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Boko Haram fighters raided the town of Gwoza on Tuesday.", "Attack"),
    ("The village of Gwoza was raided by bandits on Sunday night.", "Attack"),
    ("Police raided the offices of an opposition newspaper in Harare on Monday.", "Arrests"),
    ("Gunmen raided a police post in Zamfara on Monday, killing two officers.", "Armed clash"),
])
def test_a_raid_is_a_battle_only_when_armed_men_are_hit(pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == [sub_event_type]


@pytest.mark.parametrize(("text", "coded"), [
    # pulling out of or falling back from a place gives it up; "without a fight / resistance" says how
    ("Government troops pulled out of the town of Ansongo on Tuesday without a fight.",
     [("Non-violent transfer of territory", "Military Forces of Mali")]),
    ("The rebels fell back from their positions near Rutshuru on Monday without resistance.",
     [("Non-violent transfer of territory", "Unidentified Armed Group (Democratic Republic of Congo)")]),
    # a place handed over, the place told before the side it goes to: the taker is actor1
    ("The rebels handed over the town of Ansongo to the army on Tuesday without a fight.",
     [("Non-violent transfer of territory", "Military Forces of Mali")]),
])
def test_ground_pulled_out_of_or_handed_over_without_a_fight(pipeline: Pipeline, text: str,
                                                            coded: list[tuple[str, str]]) -> None:
    assert [(e.sub_event_type, e.actor1) for e in events_of(pipeline, text)] == coded


@pytest.mark.parametrize("text", [
    "The rebels pulled out of the peace talks in Doha on Monday.",
    "Foreign investors pulled out of the mining deal on Monday.",
    "Oil prices fell back from a record high on Monday.",
])
def test_pulling_out_of_talks_or_a_deal_gives_up_no_ground(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []
