"""A wire story keeps its own day: words relative to "now" count from the date of its dateline, not from the day
a site ran it. The record below says published Tuesday 5 March 2024; the dateline says Sunday 3 March."""

from __future__ import annotations

import pytest

from tests.conftest import events_of

FILED = "BAGHDAD, March 3 (Reuters) - "


@pytest.mark.parametrize(("body", "day", "precision"), [
    # before: counted from the Tuesday of publication (Monday 4 March, the day after filing)
    ("A roadside bomb killed three soldiers north of Baghdad on Monday, security sources said.", "2024-02-26", 1),
    ("Gunmen killed two police officers in Baghdad yesterday, officials said.", "2024-03-02", 1),
    # the filing day's own weekday is that day
    ("Gunmen killed two police officers in Baghdad on Sunday, officials said.", "2024-03-03", 1),
    # an undated event is the story's day, not the day the site ran it (before: 5 March)
    ("Protesters marched in central Baghdad to demand jobs, witnesses said.", "2024-03-03", 3),
])
def test_a_wire_storys_days_count_from_its_dateline(pipeline, body: str, day: str,  # type: ignore[no-untyped-def]
                                                    precision: int) -> None:
    [event] = events_of(pipeline, FILED + body, published="2024-03-05")
    assert (str(event.event_date), event.time_precision) == (day, precision)


def test_a_dateline_after_publication_changes_nothing(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a dateline later than the record's date is no filing day before publication: Monday is the 4th
    [event] = events_of(pipeline, "BAGHDAD, March 7 (Reuters) - A roadside bomb killed three soldiers north of "
                                  "Baghdad on Monday, security sources said.", published="2024-03-05")
    assert str(event.event_date) == "2024-03-04"
