"""Who the sides of an event are, fourth round: the people a sentence names by their place in a force ("an officer
in the rebel force", "members of their unit") are of that force. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    """The one kept event of the text (events sent to review left out)."""
    [event] = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    return event


@pytest.mark.parametrize(("text", "actor2"), [
    ("Government troops killed an officer in the rebel force during a raid near Goma on Monday.",
     "Unidentified Armed Group (Democratic Republic of Congo)"),
    ("Soldiers shot dead two officers of the rebel force near Beni on Tuesday, the army said.",
     "Unidentified Armed Group (Democratic Republic of Congo)"),
])
def test_an_officer_of_an_armed_group_is_no_policeman(pipeline: Pipeline, text: str, actor2: str) -> None:
    event = _kept(pipeline, text)
    assert event.actor1 == "Military Forces of the Democratic Republic of Congo"
    assert event.actor2 == actor2


@pytest.mark.parametrize("text", [
    "A roadside bomb killed two members of the brigade near Maiduguri on Sunday.",
    "A landmine killed three members of their platoon near Maiduguri on Sunday.",
    "A roadside bomb wounded four members of the 45th battalion near Maiduguri on Sunday.",
])
def test_members_of_a_unit_are_soldiers_not_civilians(pipeline: Pipeline, text: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor2 == "Military Forces of Nigeria"


def test_members_of_a_rebel_brigade_are_the_rebels(pipeline: Pipeline) -> None:
    event = _kept(pipeline, "Government troops killed six members of a rebel brigade near Goma on Monday.")
    assert event.actor2 == "Unidentified Armed Group (Democratic Republic of Congo)"


@pytest.mark.parametrize(("text", "actor2"), [
    ("A translator who worked with American forces was shot dead by gunmen in Kandahar on Monday, police said.",
     "Civilians (Afghanistan)"),
    ("A man who worked with the army was shot dead in Maiduguri on Monday.", "Civilians (Nigeria)"),
    ("Gunmen shot dead a woman who had served in the police in Kano on Monday.", "Civilians (Nigeria)"),
])
def test_forces_a_victim_worked_with_are_no_side_of_the_killing(pipeline: Pipeline, text: str, actor2: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Attack"
    assert event.actor1.startswith("Unidentified Armed Group")
    assert event.actor2 == actor2


def test_soldiers_who_were_attacked_are_still_a_side(pipeline: Pipeline) -> None:
    event = _kept(pipeline, "Militants killed two soldiers who were guarding a bridge near Maiduguri on Monday.")
    assert event.sub_event_type == "Armed clash"
    assert event.actor2 == "Military Forces of Nigeria"


@pytest.mark.parametrize(("text", "country"), [
    ("A landmine killed four members of a pro-government militia near Mopti on Tuesday, officials said.", "Mali"),
    ("A roadside bomb killed two militants near Gao on Monday.", "Mali"),
])
def test_an_armed_group_hit_by_a_bomb_no_one_is_named_for_is_its_second_side(
        pipeline: Pipeline, text: str, country: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 == f"Unidentified Armed Group ({country})"
    assert event.actor2 == f"Unidentified Armed Group ({country})"


@pytest.mark.parametrize(("text", "actor2"), [
    ("Militants attacked the checkpoint near Bama on Monday. Soldiers fought them off for two hours.",
     "Military Forces of Nigeria"),
    (("Gunmen attacked a checkpoint outside Kaura Namoda on Sunday night. Police repelled the attackers after a gun "
      "battle, a spokesman said."), "Police Forces of Nigeria"),
])
def test_the_side_that_fought_back_told_in_the_next_sentence_is_the_second_side(
        pipeline: Pipeline, text: str, actor2: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"
    assert event.actor2 == actor2


def test_a_force_someone_is_an_officer_in_acts_in_its_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # "X is an officer in the rebel force that took the town": the copula says who X is; the force is no patient
    from dateline.codebook import default_codebook
    from dateline.extraction.actor_phrases import actor_mentions

    text = ("The colonel is a deputy commander in the 5,000-strong rebel force that, backed by Rwanda, seized "
            "the town on Sunday.")
    sent = next(nlp(text).sents)
    [(mention, role)] = [(m, r) for m, r in actor_mentions(sent, default_codebook()) if m.text == "rebel"]
    assert mention.kind == "unidentified_armed"
    assert role != "patient"
