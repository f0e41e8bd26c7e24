"""Who the sides of an event are, fifth round: the side that lost ground comes second, machines of war with a
nationality, a device's owner, a unit's possessor, a government that lost a town. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    """The one kept event of the text (events sent to review left out)."""
    [event] = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    return event


def test_rebels_that_lost_a_stronghold_are_the_second_side_of_ground_the_government_regains(
        pipeline: Pipeline) -> None:
    event = _kept(pipeline, "The rebels lost their last stronghold in Idlib province on Wednesday.")
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1 == "Military Forces of Syria"
    assert event.actor2 == "Opposition Rebels (Syria)"


@pytest.mark.parametrize("text", [
    "Government troops withdrew from the town of Menaka on Tuesday after days of rebel shelling.",
    "Government troops withdrew from the town of Menaka on Tuesday after days of fighting.",
])
def test_troops_that_withdrew_under_fire_are_the_second_side(pipeline: Pipeline, text: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.actor2 == "Military Forces of Mali"
