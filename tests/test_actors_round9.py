"""Who the sides of an event are, ninth round: a group's name and a description of it in apposition are one side, a
bare machine of war yields to the side named as striking with it, and the parties of an agreement. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept(pipeline: Pipeline, text: str, published: str = "2024-03-14"):  # type: ignore[no-untyped-def]
    """The kept events of the text (events sent to review left out)."""
    return [e for e in events_of(pipeline, text, published) if "needs_review" not in e.flags]


def test_a_description_in_apposition_to_a_groups_name_is_that_group(pipeline: Pipeline) -> None:
    # ("Kurdish militia" alone would be the SDF in Syria; beside the YPG's name it only describes the YPG)
    [event] = _kept(pipeline, "The Kurdish militia, the YPG, pulled out of Tal Rifaat on Tuesday.")
    assert event.actor1 == "YPG: People's Protection Units"
    assert event.actor2 is None


def test_a_groups_name_with_a_description_after_it_leaves_the_other_side_second(pipeline: Pipeline) -> None:
    [event] = _kept(pipeline, "The YPG, a Kurdish militia, attacked Turkish positions near Afrin on Sunday.")
    assert event.actor1 == "YPG: People's Protection Units"
    assert event.actor2 == "Military Forces of Turkey"


def test_a_peoples_fighters_named_alone_still_name_its_force(pipeline: Pipeline) -> None:
    [event] = _kept(pipeline, "Kurdish fighters attacked Turkish positions near Afrin on Sunday.")
    assert event.actor1 == "QSD: Syrian Democratic Forces"


@pytest.mark.parametrize(("text", "actor1"), [
    ("Drone strikes by the US-led coalition killed six civilians in a village near Raqqa on Thursday.",
     "Global Coalition Against Daesh"),
    ("Drone strikes by Turkish forces killed four people in a village near Qamishli on Thursday.",
     "Military Forces of Turkey"),
])
def test_a_bare_machine_of_war_was_the_named_strikers(pipeline: Pipeline, text: str, actor1: str) -> None:
    # (the drone alone would stand for Syria's own military; the strikes' by-agent says whose drones they were)
    [event] = [e for e in events_of(pipeline, text, "2018-05-10") if e.sub_event_type == "Air/drone strike"]
    assert event.actor1 == actor1
    assert event.actor2 == "Civilians (Syria)"


def test_a_bare_machine_of_war_with_no_striker_named_stays_the_states(pipeline: Pipeline) -> None:
    [event] = [e for e in events_of(pipeline, "Drone strikes killed six civilians in a village near Raqqa on Thursday.",
                                    "2018-05-10") if e.sub_event_type == "Air/drone strike"]
    assert event.actor1 == "Military Forces of Syria"


def test_a_sides_sponsor_or_affiliate_is_no_side_of_an_arrest(pipeline: Pipeline) -> None:
    # (the regime's word names no force: the arrest's default doer is the police; the arrested are the second side)
    text = ("Fighters of Hayat Tahrir al-Sham, an al-Qaida-linked group, were arrested by the regime in Idlib on "
            "Thursday.")
    [event] = [e for e in events_of(pipeline, text, "2018-07-20") if e.sub_event_type == "Arrests"]
    assert event.actor1 == "Police Forces of Syria"
    assert event.actor2 == "HTS: Hayat Tahrir al Sham"


@pytest.mark.parametrize(("text", "parties"), [
    ("The truce between the army and Hayat Tahrir al-Sham took effect in Idlib on Thursday.",
     {"Military Forces of Syria", "HTS: Hayat Tahrir al Sham"}),
    ("Al Shabaab and the Somali army agreed to a ceasefire in Baidoa on Thursday.",
     {"Al Shabaab", "Military Forces of Somalia"}),
])
def test_a_deal_has_both_parties_the_sentence_names(pipeline: Pipeline, text: str, parties: set[str]) -> None:
    [event] = [e for e in events_of(pipeline, text, "2018-07-20") if e.sub_event_type == "Agreement"]
    assert {event.actor1, event.actor2} == parties


@pytest.mark.parametrize(("text", "sub_event_type", "actor2"), [
    (("Al Shabaab fighters attacked a town in Lower Shabelle last week.\n\nOn Monday the group stormed a military base "
      "near Kismayo and killed ten soldiers."), "Armed clash", "Military Forces of Somalia"),
    (("Al Shabaab has lost ground in the south.\n\nOn Monday the armed group stormed a military base near Kismayo and "
      "killed ten soldiers."), "Armed clash", "Military Forces of Somalia"),
    (("Al Shabaab claimed the bombing of a hotel in Mogadishu last week.\n\nOn Monday the group stormed a village near "
      "Kismayo and killed five villagers."), "Attack", "Civilians (Somalia)"),
])
def test_the_group_is_the_armed_group_the_report_named_before(pipeline: Pipeline, text: str, sub_event_type: str,
                                                               actor2: str) -> None:
    # (a bare "group" reads as a crowd to the sub-type rules; told after a named armed group it is that group)
    [event] = [e for e in events_of(pipeline, text, "2018-05-10") if "Kismayo" in (e.location or "")]
    assert event.sub_event_type == sub_event_type
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 == actor2


@pytest.mark.parametrize("text", [
    "The group stormed a police station near Kismayo on Monday and burned it.",
    "A group of youths stormed a police station in Kismayo on Monday and burned it.",
])
def test_a_group_no_armed_group_was_named_before_stays_a_crowd(pipeline: Pipeline, text: str) -> None:
    [event] = [e for e in events_of(pipeline, text, "2018-05-10") if "Kismayo" in (e.location or "")]
    assert event.event_type == "Riots"
    assert event.actor1 == "Rioters (Somalia)"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Israeli warplanes struck Iranian targets near Damascus on Monday.", "Military Forces of Israel",
     "Military Forces of Iran"),
    ("The United States launched missile strikes on Syrian government targets near Homs on Saturday.",
     "Military Forces of the United States", "Military Forces of Syria"),
])
def test_the_targets_a_state_is_named_on_were_its_forces(pipeline: Pipeline, text: str, actor1: str,
                                                          actor2: str) -> None:
    [event] = [e for e in events_of(pipeline, text, "2018-05-10") if e.event_type == "Explosions/Remote violence"]
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(("text", "actor2"), [
    ("Israeli jets struck targets near Damascus on Monday.", None),
    ("Russian jets struck civilian targets in Idlib on Monday, killing nine people.", "Civilians (Syria)"),
])
def test_targets_no_state_is_named_on_are_no_states_forces(pipeline: Pipeline, text: str, actor2: str | None) -> None:
    [event] = [e for e in events_of(pipeline, text, "2018-05-10") if e.event_type == "Explosions/Remote violence"]
    assert event.actor2 == actor2


@pytest.mark.parametrize("text", [
    ("Islamic State is in retreat across Iraq after losing its stronghold, Mosul, last month in an offensive by Iraqi "
     "forces."),
    ("Islamic State fighters massacred villagers near Hit last year.\n\nThe group is in retreat across Iraq after "
     "losing its stronghold, Mosul, last month in an offensive by Iraqi forces."),
])
def test_who_is_in_retreat_after_losing_ground_gave_it_up(pipeline: Pipeline, text: str) -> None:
    # ("the group" is the subject of "is", yet it is the side that lost the ground, not the one that took it)
    [event] = [e for e in events_of(pipeline, text, "2017-10-20") if e.sub_event_type == "Government regains territory"]
    assert (event.actor1, event.actor2) == ("Military Forces of Iraq", "Islamic State (Iraq)")
