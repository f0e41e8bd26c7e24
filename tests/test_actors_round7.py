"""Who the sides of an event are, seventh round: a bare group name that means another group in the event's
country. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept(pipeline: Pipeline, text: str, published: str = "2024-03-14"):  # type: ignore[no-untyped-def]
    """The kept events of the text (events sent to review left out)."""
    return [e for e in events_of(pipeline, text, published) if "needs_review" not in e.flags]


TTP = "TTP: Tehreek-i-Taliban Pakistan"


@pytest.mark.parametrize(("text", "published", "actor2"), [
    ("A Taliban roadside bomb killed two Pakistani soldiers in Kurram district on Tuesday.", "2024-03-14",
     "Military Forces of Pakistan"),
    ("Taliban militants attacked a police station in Swat on Monday, killing three officers.", "2024-03-14",
     "Police Forces of Pakistan"),
    # (before the Taliban took power in Kabul, too: in Pakistan the bare name is the Pakistani Taliban)
    ("Taliban militants attacked a police station in Swat on Monday, killing three officers.", "2012-05-10",
     "Police Forces of Pakistan"),
])
def test_a_bare_taliban_in_pakistan_is_the_pakistani_taliban(pipeline: Pipeline, text: str, published: str,
                                                              actor2: str) -> None:
    [event] = _kept(pipeline, text, published)
    assert event.country == "Pakistan"
    assert (event.actor1, event.actor2) == (TTP, actor2)


@pytest.mark.parametrize("text", [
    "Afghan Taliban fighters fired mortars at Pakistani border posts in Kurram on Saturday.",
    "Taliban border guards clashed with Pakistani troops near Chaman on Sunday.",
])
def test_the_taliban_named_as_afghans_or_as_a_states_force_in_pakistan_are_afghanistans(pipeline: Pipeline,
                                                                                        text: str) -> None:
    [event] = _kept(pipeline, text)
    assert {event.actor1, event.actor2} == {"Military Forces of Afghanistan", "Military Forces of Pakistan"}


def test_a_bare_taliban_in_afghanistan_keeps_its_reading(pipeline: Pipeline) -> None:
    [event] = _kept(pipeline, "Taliban fighters killed two gunmen in a raid in Jalalabad on Monday.")
    assert event.actor1 == "Military Forces of Afghanistan"


@pytest.mark.parametrize(("text", "country"), [
    ("Police shot dead a suspected bomber near a market in Maiduguri on Monday.", "Nigeria"),
    ("Security forces shot dead two suspected bombers in Quetta on Wednesday.", "Pakistan"),
])
def test_forces_that_kill_a_bomber_fight_an_armed_man(pipeline: Pipeline, text: str, country: str) -> None:
    # the bomber is an armed attacker, no civilian, and "bombers" with a person word are no aircraft
    [event] = _kept(pipeline, text)
    assert event.sub_event_type == "Armed clash"
    assert event.actor2 == f"Unidentified Armed Group ({country})"


def test_a_bomber_arrested_is_an_armed_groups_man(pipeline: Pipeline) -> None:
    [event] = _kept(pipeline, "Police arrested a suspected bomber in Maiduguri on Monday.")
    assert (event.actor1, event.actor2) == ("Police Forces of Nigeria", "Unidentified Armed Group (Nigeria)")


@pytest.mark.parametrize(("text", "country"), [
    (("YPG fighters stormed the village of Tal Tamr on Monday. The insurgents later shelled a Turkish army post near "
      "the border, killing two soldiers."), "Syria"),
    (("Wazalendo fighters stormed the village of Kibumba on Monday. The rebels later shelled an army post near Sake, "
      "killing two soldiers."), "Democratic Republic of Congo"),
])
def test_insurgents_and_rebels_are_no_kurdish_or_state_allied_militia_named_before(pipeline: Pipeline, text: str,
                                                                                   country: str) -> None:
    [event] = [e for e in _kept(pipeline, text) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert event.actor1 == f"Unidentified Armed Group ({country})"


def test_insurgents_after_an_insurgent_group_are_that_group(pipeline: Pipeline) -> None:
    text = ("PKK fighters attacked a gendarmerie post in Hakkari on Monday. The insurgents later ambushed a patrol near "
            "Semdinli, killing two soldiers.")
    [event] = [e for e in _kept(pipeline, text) if e.location == "Semdinli"]
    assert event.actor1 == "PKK: Kurdistan Workers Party"


@pytest.mark.parametrize(("text", "actors"), [
    ("Kurdish-led forces advanced on Manbij on Monday. Islamic State fighters withdrew from the town on Tuesday.",
     ("QSD: Syrian Democratic Forces", "Islamic State (Syria)")),
    ("M23 rebels advanced on Goma on Sunday. Government troops withdrew from the city on Monday.",
     ("M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo")),
])
def test_a_withdrawal_naming_only_the_leaver_was_to_the_side_that_moved_on_the_place(
        pipeline: Pipeline, text: str, actors: tuple[str, str]) -> None:
    [event] = [e for e in _kept(pipeline, text) if e.sub_event_type == "Non-violent transfer of territory"]
    assert (event.actor1, event.actor2) == actors  # the taker first, the side that left second


@pytest.mark.parametrize("text", [
    # another place: the side that advanced took nothing the withdrawal left
    "Kurdish-led forces advanced on Manbij on Monday. Islamic State fighters withdrew from Raqqa on Tuesday.",
    # another paragraph: the move may be another front's
    "Kurdish-led forces advanced on Manbij on Monday.\n\nIslamic State fighters withdrew from Manbij on Tuesday.",
])
def test_a_withdrawal_takes_no_taker_from_a_move_on_another_place_or_paragraph(pipeline: Pipeline, text: str) -> None:
    [event] = [e for e in _kept(pipeline, text) if e.sub_event_type == "Non-violent transfer of territory"]
    assert (event.actor1, event.actor2) == ("Islamic State (Syria)", None)


def test_an_earlier_act_told_in_an_after_clause_takes_no_doer_from_the_main_clause(pipeline: Pipeline) -> None:
    text = ("Soldiers killed four militants in Gwoza on Wednesday, two days after an attack on a checkpoint that killed "
            "three policemen.")
    [earlier] = [e for e in _kept(pipeline, text) if e.event_date.day == 11]
    # no one is named for the attack on the checkpoint: not the soldiers of the main clause
    assert (earlier.actor1, earlier.actor2) == ("Unidentified Armed Group (Nigeria)", "Police Forces of Nigeria")
