"""A live page's time headers ("14:32 GMT —", "10.45am:", "Update, 3pm:", "BREAKING:") date the entries under
them on the report's day (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of

MONDAY = "2024-05-20"


@pytest.mark.parametrize("text", [
    ("Ukraine war live: Russian strikes hit Kharkiv\n\n14:32 GMT — Rockets hit a residential district of Kharkiv, "
     "killing two people, the regional governor said."),
    "Kenya protests live\n\n10.45am: Police fire tear gas at protesters in Nairobi's central business district.",
    "Kenya protests live\n\nUpdate, 3pm:\nDemonstrators set fire to tyres on Mombasa Road in Nairobi.",
    "BREAKING: Gunmen open fire on worshippers at a mosque in Kano, killing three people.",
    "Sudan live\n\n08:15 — The RSF shelled El Fasher, killing five civilians.",
])
def test_an_entry_under_a_time_header_is_on_the_report_day(pipeline: Pipeline, text: str) -> None:
    events = [e for e in events_of(pipeline, text, published=MONDAY) if "needs_review" not in e.flags]
    assert events
    for event in events:
        assert (event.event_date, event.time_precision) == (dt.date(2024, 5, 20), 1)
        assert "date_defaulted" not in event.flags


def test_a_day_told_in_the_entry_comes_before_its_header(pipeline: Pipeline) -> None:
    [event] = [e for e in events_of(pipeline, "Ukraine live\n\n14:32 GMT — Rockets hit a residential district of "
                                              "Kharkiv on Sunday night, killing two people, the governor said.",
                                    published=MONDAY) if "needs_review" not in e.flags]
    assert event.event_date == dt.date(2024, 5, 19)


def test_a_clock_time_inside_a_sentence_dates_nothing(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Police fired tear gas at protesters in Lagos at 10.45am, witnesses said.",
                        published=MONDAY)
    assert event.time_precision == 3
    assert "date_defaulted" in event.flags
