"""Who the sides of an event are, sixth round: a clause told beside the main one with a doer of its own, a
description that points back only to a group of its kind, a group in power that is also the target's state.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    """The kept events of the text (events sent to review left out)."""
    return [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]


@pytest.mark.parametrize(("text", "place", "country"), [
    ("Gunmen killed a teacher in Dosso on Tuesday, whereas in Tillaberi soldiers killed ten jihadists on Wednesday.",
     "Tillaberi", "Niger"),
    ("Bandits killed two herders in Zamfara on Monday, while in Katsina soldiers killed five bandits on Tuesday.",
     "Katsina", "Nigeria"),
    (("Gunmen killed a teacher in Dosso on Tuesday, whereas in Tillaberi soldiers killed ten jihadists on Wednesday, "
      "officials said."), "Tillaberi", "Niger"),
])
def test_a_contrast_clause_with_its_own_subject_keeps_its_own_doer(pipeline: Pipeline, text: str, place: str,
                                                                  country: str) -> None:
    [event] = [e for e in _kept(pipeline, text) if e.location == place]
    assert event.actor1 == f"Military Forces of {country}"
    assert event.actor2 == f"Unidentified Armed Group ({country})"


def test_a_clause_without_a_subject_of_its_own_shares_the_main_clauses_before_a_closing_credit(
        pipeline: Pipeline) -> None:
    text = ("Boko Haram fighters killed four soldiers in Gwoza on Saturday and abducted 12 farmers in Bama on Sunday, "
            "police said.")
    [event] = [e for e in _kept(pipeline, text) if e.location == "Bama"]
    assert event.actor1 == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


def test_a_description_does_not_point_back_to_a_group_of_another_kind(pipeline: Pipeline) -> None:
    text = ("YPG fighters stormed the village of Tal Hamis in Hasakah province on Monday. "
            "The jihadists lost their last stronghold in the area on Tuesday.")
    [event] = [e for e in _kept(pipeline, text) if e.event_date.day == 12]
    # the group that stormed the village took it; the jihadists, named by no one, lost it
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "YPG: People's Protection Units"
    assert event.actor2 == "Unidentified Armed Group (Syria)"


def test_rebels_are_no_peacekeeping_mission_named_before(pipeline: Pipeline) -> None:
    text = ("MONUSCO peacekeepers patrolled the road north of Beni on Monday. "
            "On Tuesday the rebels killed six farmers near Oicha.")
    [event] = [e for e in _kept(pipeline, text) if e.sub_event_type == "Attack"]
    assert event.actor1 == "Unidentified Armed Group (Democratic Republic of Congo)"


def test_a_description_points_back_to_the_one_group_of_its_kind(pipeline: Pipeline) -> None:
    text = ("YPG fighters clashed with Islamic State militants near Tal Hamis in Hasakah province on Monday. "
            "The jihadists killed three civilians in the village of Tal Brak on Tuesday.")
    [event] = [e for e in _kept(pipeline, text) if e.sub_event_type == "Attack"]
    assert event.actor1 == "Islamic State (Syria)"
    assert event.actor2 == "Civilians (Syria)"


@pytest.mark.parametrize("text", [
    "A Taliban roadside bomb killed two soldiers in Kandahar on Monday.",
    "Taliban fighters attacked an army checkpoint in Kandahar on Monday, killing three soldiers.",
])
def test_a_group_in_power_that_strikes_its_states_forces_acts_as_the_group(pipeline: Pipeline, text: str) -> None:
    [event] = _kept(pipeline, text)  # told in 2024, when the Taliban rule Afghanistan
    assert event.actor1 == "Taliban"
    assert event.actor2 == "Military Forces of Afghanistan"


def test_a_group_in_power_that_strikes_another_states_forces_is_its_state(pipeline: Pipeline) -> None:
    # (named as Afghans: in Pakistan a bare "Taliban" are the Pakistani Taliban, test_actors_round7)
    [event] = _kept(pipeline, "An Afghan Taliban roadside bomb killed two Pakistani soldiers in Kurram on Monday.")
    assert event.actor1 == "Military Forces of Afghanistan"
    assert event.actor2 == "Military Forces of Pakistan"


@pytest.mark.parametrize(("text", "actor1"), [
    ("Russian bombers struck the town of Saraqeb in Idlib province on Monday, killing nine civilians.",
     "Military Forces of Russia"),
    (("Russian bombers have stepped up their raids on Idlib province this month. "
      "Air strikes hit a market in Saraqeb on Monday, killing nine."), "Military Forces of Russia"),
])
def test_bombers_a_nationality_names_are_that_states_aircraft(pipeline: Pipeline, text: str, actor1: str) -> None:
    [event] = [e for e in _kept(pipeline, text) if e.location and e.location.startswith("Saraq")]
    assert event.actor1 == actor1


@pytest.mark.parametrize("text", [
    "An Afghan suicide bomber killed five people at a market in Kunduz on Monday.",
    "A Syrian suicide bomber blew himself up at a checkpoint in Azaz on Monday, killing four civilians.",
])
def test_a_suicide_bomber_with_a_nationality_is_a_person(pipeline: Pipeline, text: str) -> None:
    [event] = _kept(pipeline, text)
    assert event.actor1.startswith("Unidentified Armed Group")


def test_the_side_that_took_over_ground_the_other_left_comes_first(pipeline: Pipeline) -> None:
    [event] = _kept(pipeline, "Government troops withdrew from the town of Kiwanja and M23 rebels took it over "
                              "without a fight on Tuesday.")
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert event.actor1 == "M23: March 23 Movement"
    assert event.actor2 == "Military Forces of the Democratic Republic of Congo"


def test_a_withdrawal_that_names_no_taker_has_the_side_that_left_as_its_one_actor(pipeline: Pipeline) -> None:
    # (a strategic development needs no second side: no unknown taker is made up for a withdrawal)
    [event] = _kept(pipeline, "Islamic State fighters withdrew from Manbij on Tuesday.")
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert event.actor1 == "Islamic State (Syria)"
    assert event.actor2 is None
