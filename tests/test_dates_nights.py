"""A night runs over two calendar days and is coded on its first, precision 1, however the report names it. The
reports below are published on Thursday 14 March 2024 (Monday is the 11th, Tuesday the 12th, Saturday the 9th)."""

from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize(("text", "day"), [
    # before: "overnight" counted from the publication day (the 13th), "into Tuesday" unread
    ("Gunmen killed four villagers near Kaduna overnight into Tuesday, police said.", "2024-03-11"),
    ("Overnight into Tuesday, gunmen killed four villagers near Kaduna, police said.", "2024-03-11"),
    # before: the 13th again, the named day unread
    ("Gunmen killed four villagers near Kaduna overnight Saturday, police said.", "2024-03-09"),
    ("Gunmen killed four villagers near Kaduna overnight on Monday, police said.", "2024-03-11"),
    # before: the day closest before the verb, Tuesday, the night's second day
    ("On the night of Monday to Tuesday, gunmen killed four villagers near Kaduna, police said.", "2024-03-11"),
    ("On Sunday night into Monday, gunmen killed four villagers near Kaduna, police said.", "2024-03-10"),
    # before: a two-day range, precision 2
    ("Gunmen killed four villagers near Kaduna on the night of 12 to 13 March, police said.", "2024-03-12"),
    ("Gunmen killed four villagers near Kaduna in the night from Saturday to Sunday, police said.", "2024-03-09"),
    # a time of one named day is that day: the early hours of Sunday are Sunday's, late Friday night Friday's
    ("In the early hours of Sunday, gunmen killed four villagers near Kaduna, police said.", "2024-03-10"),
    ("Gunmen killed four villagers near Kaduna late on Friday night, police said.", "2024-03-08"),
])
def test_a_night_is_coded_on_its_first_day(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, text)
    assert (str(event.event_date), event.time_precision) == (day, 1)
