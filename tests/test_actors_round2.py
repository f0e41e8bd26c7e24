"""Who the sides of an event are, second round: who investigates an act is none of them, a side that speaks of
what it destroyed is the one that did it, and a crowd of supporters that attacks riots. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize(("text", "actor1"), [
    ("Police launched an investigation into Sunday's killing of a teacher by gunmen in Kaduna.",
     "Unidentified Armed Group (Nigeria)"),
    ("Police in Karachi opened an investigation after gunmen shot dead a shopkeeper on Monday.",
     "Unidentified Armed Group (Pakistan)"),
    ("Police in Kenya opened a manhunt after bandits killed three herders in Samburu on Monday.",
     "Unidentified Armed Group (Kenya)"),
])
def test_who_investigates_a_killing_did_not_do_it(pipeline: Pipeline, text: str, actor1: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.actor1 == actor1
    assert "Police" not in (event.actor2 or "")


def test_police_who_shoot_and_then_investigate_still_shot(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Police shot dead two robbers in Lagos on Monday and launched an investigation.")
    assert event.actor1 == "Police Forces of Nigeria"


@pytest.mark.parametrize(("text", "actors"), [
    ("A Russian tank was destroyed near Bakhmut on Tuesday, Ukrainian forces said.",
     ("Military Forces of Ukraine", "Military Forces of Russia")),
    ("Three Azerbaijani soldiers were killed near the border on Tuesday, Armenian forces said.",
     ("Military Forces of Armenia", "Military Forces of Azerbaijan")),
    ("Russian positions were shelled near Kupiansk on Tuesday, Ukrainian forces said.",
     ("Military Forces of Ukraine", "Military Forces of Russia")),
])
def test_a_side_that_tells_of_its_enemys_losses_inflicted_them(pipeline: Pipeline, text: str,
                                                                actors: tuple[str, str]) -> None:
    [event] = events_of(pipeline, text)
    assert (event.actor1, event.actor2) == actors


@pytest.mark.parametrize("text", [
    "Two Ukrainian soldiers were killed near Avdiivka on Tuesday, the Ukrainian military said.",
    "A soldier was killed in an attack on a checkpoint near Quetta on Tuesday, police said.",
])
def test_forces_that_tell_of_their_own_state_losses_only_report_them(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.actor1.startswith("Unidentified Armed Group")


@pytest.mark.parametrize(("text", "actor1"), [
    ("A drone attack hit an apartment block in Sumy on Tuesday, killing two people.",
     "Unidentified Armed Group (Ukraine)"),
    ("A Russian drone hit an apartment block in Sumy on Tuesday, killing two people.", "Military Forces of Russia"),
    ("Warplanes bombed a village in Sagaing region on Tuesday, killing seven people.", "Military Forces of Myanmar"),
])
def test_an_unowned_drone_over_a_country_struck_from_abroad_is_not_its_own(pipeline: Pipeline, text: str,
                                                                           actor1: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.actor1 == actor1


@pytest.mark.parametrize("text", [
    "Supporters of the opposition leader attacked a police station in Kisumu on Tuesday after his arrest.",
    "Supporters of the ruling party attacked a police post in Dhaka on Tuesday, injuring four officers.",
])
def test_supporters_who_attack_the_police_riot(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.event_type == "Riots"
    assert event.actor1.startswith("Rioters")


def test_supporters_of_a_rebel_commander_stay_armed(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Supporters of the slain rebel commander attacked an army checkpoint in Kismayo "
                                  "on Tuesday.")
    assert event.sub_event_type == "Armed clash"


@pytest.mark.parametrize(("text", "actor1"), [
    (("Boko Haram fighters raided the town of Gwoza in Borno state on Monday, residents said.\n\n"
     "Militants burned dozens of homes and killed nine villagers, a local official said."),
     "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    (("TTP fighters attacked a police station in Bannu district on Monday, officials said.\n\n"
     "Militants then abducted four teachers from a nearby school, a local official said."),
     "TTP: Tehreek-i-Taliban Pakistan"),
    (("Al Shabaab fighters overran a village near Jowhar on Monday, residents said.\n\n"
     "Militants executed three elders accused of spying, a local elder said."), "Al Shabaab"),
])
def test_wire_copy_carries_the_group_to_the_next_one_sentence_paragraph(pipeline: Pipeline, text: str,
                                                                         actor1: str) -> None:
    events = events_of(pipeline, text, published="2019-03-14")
    assert events[-1].actor1 == actor1


@pytest.mark.parametrize(("text", "actors"), [
    (("Islamic State militants have lost much ground in Raqqa province this year. On Monday, their strongholds in "
     "Tabqa fell to Kurdish fighters after days of heavy fighting."),
     ("QSD: Syrian Democratic Forces", "Islamic State (Syria)")),
    (("Al Shabaab has been pushed out of several towns in Hiraan. On Tuesday the town of Mahas fell to government "
     "troops after a day of fighting."), ("Military Forces of Somalia", "Al Shabaab")),
])
def test_ground_taken_from_the_group_the_paragraph_named_before(pipeline: Pipeline, text: str,
                                                                  actors: tuple[str, str]) -> None:
    events = events_of(pipeline, text, published="2017-05-14")
    assert (events[-1].actor1, events[-1].actor2) == actors
