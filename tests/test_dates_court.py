"""A day of the courts dates the hearing, not the arrest told with it. Reports published on Thursday 14 March
2024 (Monday is the 11th, Tuesday the 12th, Wednesday the 13th, Saturday the 9th)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("text", [
    # before: the hearing's day was the arrest's own, precision 1
    "Two men arrested over the killing of a police officer in Kisumu were arraigned on Wednesday.",
    "Five suspects detained after clashes in Kisumu were brought before a judge on Wednesday.",
])
def test_a_hearing_day_only_bounds_the_arrest_told_with_it(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, text)
    assert (str(event.event_date), event.time_precision) == ("2024-03-13", 2)


@pytest.mark.parametrize(("text", "day"), [
    # the arrest's own day wins over the hearing's, in its sentence or the one before
    ("Police arrested two men on Saturday after a protest in Nairobi. They will appear in court on Monday.",
     "2024-03-09"),
    ("Police arrested 12 protesters in Harare on Saturday. They appeared before a magistrate on Monday.",
     "2024-03-09"),
    # one act of one day: arrested and charged on Monday
    ("Three men were arrested and charged on Monday over the attack on a police station in Kisumu.", "2024-03-11"),
])
def test_an_arrest_keeps_its_own_day(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, text)
    assert (str(event.event_date), event.time_precision) == (day, 1)


def test_an_arrest_told_as_last_week_keeps_it_beside_a_court_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, "The suspects, arrested last week during clashes in Nairobi, appeared in court on "
                                  "Monday.")
    assert (event.date_start, event.date_end) == (dt.date(2024, 3, 4), dt.date(2024, 3, 10))
