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
    [event] = _kept(pipeline, "The Kurdish militia, the YPG, withdrew from Afrin on Sunday.")
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
