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
])
def test_a_contrast_clause_with_its_own_subject_keeps_its_own_doer(pipeline: Pipeline, text: str, place: str,
                                                                  country: str) -> None:
    [event] = [e for e in _kept(pipeline, text) if e.location == place]
    assert event.actor1 == f"Military Forces of {country}"
    assert event.actor2 == f"Unidentified Armed Group ({country})"

