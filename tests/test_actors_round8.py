"""Who the sides of an event are, eighth round: a state force named by the word on the post it held, a group's name
that opens on a word other than its head, the NDF by its acronym, and communal violence between two communities.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept(pipeline: Pipeline, text: str, published: str = "2024-03-14"):  # type: ignore[no-untyped-def]
    """The kept events of the text (events sent to review left out)."""
    return [e for e in events_of(pipeline, text, published) if "needs_review" not in e.flags]


@pytest.mark.parametrize(("text", "actor2"), [
    ("Kurdish militants attacked a gendarmerie post in Hakkari on Tuesday.", "Police Forces of Turkey"),
    ("PKK fighters attacked a gendarmerie checkpoint in Hakkari on Tuesday.", "Police Forces of Turkey"),
    ("Gunmen attacked a National Guard checkpoint in Kasserine province on Tuesday.", "Military Forces of Tunisia"),
])
def test_a_post_named_by_its_state_force_was_held_by_that_force(pipeline: Pipeline, text: str, actor2: str) -> None:
    [event] = _kept(pipeline, text)
    assert event.event_type == "Battles"
    assert event.actor2 == actor2
