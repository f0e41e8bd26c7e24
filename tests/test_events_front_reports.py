"""The daily formulas of front-line and air-defence reports: drones destroyed in flight are a disrupted weapon,
attacks beaten back are a clash with the attackers' state, the units a report names are its forces, and where a
ministry spoke is not where its air defences fired. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize("text", [
    "Russia's air defence systems destroyed 14 Ukrainian drones over the Kursk region overnight, the ministry said.",
    "Belarusian air defences destroyed a drone over the Vitebsk region on Friday.",
])
def test_drones_destroyed_in_flight_are_a_disrupted_weapon(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Disrupted weapons use"


def test_jets_that_destroyed_a_drone_factory_struck_it(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Israeli jets destroyed a drone factory near Tyre on Tuesday.")
    assert event.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text", [
    "Ukrainian troops beat back seven Russian assaults near Toretsk on Wednesday, the General Staff said.",
    "Ukrainian paratroopers repelled Russian infantry near Robotyne on Monday.",
])
def test_attacks_beaten_back_are_a_clash_with_the_attackers_state(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == ("Military Forces of Ukraine", "Military Forces of Russia")


def test_where_a_ministry_spoke_is_not_where_the_drones_were_downed(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Air defences destroyed nine drones over the Belgorod region, the defence ministry in Moscow said.")
    assert event.admin1 == "Belgorod Oblast"


def test_who_reports_the_fighting_is_no_side_of_it(pipeline: Pipeline) -> None:
    # before: ", villagers said" made a clash between unorganised groups (Mob violence, rioters on both sides)
    [event] = events_of(pipeline, "Clashes broke out near Hpakant on Friday, killing two people, villagers said.")
    assert event.sub_event_type == "Armed clash"


@pytest.mark.parametrize(("text", "actor1"), [
    ("Boko Haram abducted and killed nine fishermen near Maiduguri on Monday, relatives said.",
     "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("Unidentified assailants shot dead a village chief in Kidal region on Tuesday, locals said.",
     "Unidentified Armed Group (Mali)"),
    ("A group of raiders shot dead four herders near Kadugli on Sunday.", "Unidentified Armed Group (Sudan)"),
])
def test_armed_killers_credited_to_residents_are_no_mob(pipeline: Pipeline, text: str, actor1: str) -> None:
    # before: the credit's "relatives" or "locals", or "a group of" raiders, made the killing Mob violence by rioters
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.actor1) == ("Attack", actor1)


def test_a_mob_credited_to_witnesses_stays_a_mob(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "A mob of residents beat a man to death in Onitsha on Sunday, witnesses said.")
    assert (event.sub_event_type, event.actor1) == ("Mob violence", "Rioters (Nigeria)")


@pytest.mark.parametrize(("text", "sub", "actor1", "actor2"), [
    ("The junta bombed a camp for displaced people in Kachin state on Monday, killing 19 civilians.",
     "Air/drone strike", "Military Forces of Myanmar", "Civilians (Myanmar)"),
    ("The Karen National Liberation Army attacked a junta camp near Kawkareik on Monday.",
     "Armed clash", "KNLA: Karen National Liberation Army", "Military Forces of Myanmar"),
    ("The Arakan Army said its fighters had killed 25 junta soldiers near Kyauktaw on Sunday.",
     "Armed clash", "AA: Arakan Army", "Military Forces of Myanmar"),
])
def test_a_junta_is_the_army_and_a_group_speaks_for_its_fighters(pipeline: Pipeline, text: str, sub: str,
                                                                  actor1: str, actor2: str) -> None:
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.actor1, event.actor2) == (sub, actor1, actor2)


def test_a_town_where_foreign_troops_act_stays_in_its_country(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Russian troops attacked a school in Kherson on Monday, wounding two teachers.")
    assert event.country == "Ukraine"


@pytest.mark.parametrize("text", [
    "TNLA fighters overran a junta outpost near Namhsan on Sunday.",
    "Rebels seized the army garrison in Mogaung on Tuesday.",
    "The TNLA said on Monday its troops had seized two junta camps near Namtu.",
])
def test_an_outpost_garrison_or_camp_taken_is_ground(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize("text", [
    "Kurdish forces raided an Islamic State hideout near Raqqa on Monday.",
    "Turkish artillery shelled Kurdish positions near Tal Tamr on Monday.",
])
def test_kurdish_is_a_people_not_the_state_of_iraq(pipeline: Pipeline, text: str) -> None:
    # before: "Kurdish" was Iraq's nationality, so Kurdish forces in Syria became Military Forces of Iraq
    [event] = events_of(pipeline, text)
    assert "Iraq" not in f"{event.actor1} {event.actor2}" and event.country == "Syria"


@pytest.mark.parametrize(("text", "sub_type", "actor1"), [
    ("Assailants stormed a displacement camp near Bunia overnight, hacking 12 people to death, a local official said.",
     "Attack", "Unidentified Armed Group (Democratic Republic of Congo)"),
    ("The raiders stormed the village of Tudun Wada on motorcycles and abducted 30 residents, police said.",
     "Abduction/forced disappearance", "Unidentified Armed Group (Nigeria)"),
])
def test_attackers_who_storm_a_place_are_no_rioters(pipeline: Pipeline, text: str, sub_type: str, actor1: str) -> None:
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.actor1) == (sub_type, actor1)


def test_service_members_are_troops_and_a_foreign_base_does_not_move_the_event(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "A rocket attack on a base in Erbil wounded three American service members on Tuesday.")
    assert event.actor2 == "Military Forces of the United States"
    [event] = events_of(pipeline, "Militants fired rockets at a U.S. base in the Syrian town of Al-Shaddadi on Wednesday.")
    assert (event.country, event.actor1) == ("Syria", "Unidentified Armed Group (Syria)")


@pytest.mark.parametrize(("text", "actors"), [
    ("On Wednesday, al Qaeda-linked JNIM militants ambushed a military convoy near Niono, killing several soldiers.",
     ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali")),
    ("Al Qaeda-affiliated militants raided a police post near Djibo on Tuesday, killing three officers.",
     ("Unidentified Armed Group (Burkina Faso)", "Police Forces of Burkina Faso")),
])
def test_a_sponsor_or_affiliate_is_no_side(pipeline: Pipeline, text: str, actors: tuple[str, str]) -> None:
    # before: "al Qaeda-linked" made Al Qaeda the other side, and the soldiers or police attacked were lost
    [event] = events_of(pipeline, text)
    assert (event.actor1, event.actor2) == actors


def test_forces_loyal_to_the_government_are_its_forces(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Forces loyal to the government repelled a Houthi attack near Marib on Wednesday, "
                                  "killing 10 of the rebels.")
    assert (event.actor1, event.actor2) == ("Military Forces of Yemen (2016-) Supreme Political Council",
                                            "Military Forces of Yemen")


@pytest.mark.parametrize(("text", "actors"), [
    ("Fighters of the Southern Transitional Council clashed with AQAP militants in Shabwa on Monday.",
     ("STC: Southern Transitional Council", "AQAP: Al Qaeda in the Arabian Peninsula")),
    ("Fighters of the Sudan Liberation Movement clashed with the RSF near Tawila on Monday.",
     ("SLM/A: Sudan Liberation Movement/Army", "Rapid Support Forces")),
    # the drone a group launched is its own, not the event country's army
    ("The Islamic Resistance in Iraq said it had launched a drone at a U.S. base in Erbil on Monday.",
     ("Islamic Resistance in Iraq", "Military Forces of the United States")),
])
def test_named_groups_of_sudan_yemen_and_iraq(pipeline: Pipeline, text: str, actors: tuple[str, str]) -> None:
    [event] = events_of(pipeline, text)
    assert (event.actor1, event.actor2) == actors


def test_the_rebels_are_the_rebel_group_the_report_named_before(pipeline: Pipeline) -> None:
    text = ("M23 rebels captured the town of Nyanzale in North Kivu on Sunday, residents said.\n\n"
            "On Monday, the rebels shelled a displacement camp outside Sake, killing four people.")
    shelling = events_of(pipeline, text)[-1]
    assert (shelling.sub_event_type, shelling.actor1) == ("Shelling/artillery/missile attack", "M23: March 23 Movement")


def test_the_attackers_stay_unidentified_when_no_group_was_named(pipeline: Pipeline) -> None:
    text = "Gunmen killed five villagers in Zamfara state on Monday.\n\nThe attackers fled on motorcycles, police said."
    assert [e.actor1 for e in events_of(pipeline, text)] == ["Unidentified Armed Group (Nigeria)"]


def test_a_group_that_claimed_the_bombing_is_its_perpetrator_not_a_second_bombing(pipeline: Pipeline) -> None:
    text = ("A suicide car bomb exploded at a military base in the town of Bulo Burde on Tuesday, killing five "
            "soldiers, a Somali army officer said.\n\nAl Shabaab claimed the bombing in a statement on its Telegram "
            "channel.")
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.actor1) == ("Suicide bomb", "Al Shabaab")


@pytest.mark.parametrize(("text", "sub_type", "actor1"), [
    # "said in a statement that …" is where the report comes from: the act keeps its own doer
    (("The Iraqi army said in a statement that a suicide bomber had blown himself up at a checkpoint near Tarmiyah "
     "on Sunday, killing two officers."), "Suicide bomb", "Unidentified Armed Group (Iraq)"),
    (("The FNDC coalition said in a statement that security forces had shot dead a protester during a march in "
     "Conakry on Tuesday."), "Excessive force against protesters", "Protesters (Guinea)"),
])
def test_an_act_reported_in_a_statement_is_the_act(pipeline: Pipeline, text: str, sub_type: str, actor1: str) -> None:
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.actor1) == (sub_type, actor1)
