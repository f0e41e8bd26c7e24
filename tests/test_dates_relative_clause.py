"""A relative clause on a place that recalls its past ("in Karbala, where 40 pilgrims were killed in 2019") does
not date the act the sentence reports. Reports published on Thursday 14 March 2024 (Friday the 8th)."""

from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("text", [
    "In Karbala, where 40 pilgrims were killed in a bombing in 2019, protesters marched to demand jobs.",
    "Hundreds of people rallied in Nasiriyah, where security forces shot dead 30 demonstrators in November 2019.",
])
def test_a_place_s_past_does_not_make_today_s_protest_history(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # before: the protest took the clause's year and was rejected as history
    report = pipeline.extract_text(text, published="2024-03-14")
    assert not [r for r in report.rejected if r.reason == "history"]
    [protest] = report.events
    assert (str(protest.event_date), protest.time_precision) == ("2024-03-14", 3)
    assert "date_defaulted" in protest.flags


@pytest.mark.parametrize("text", [
    "In Karbala, where 40 pilgrims were killed in 2019, protesters marched on Friday to demand jobs.",
    "Protesters marched on Friday in Karbala, where 40 pilgrims were killed in 2019, to demand jobs.",
])
def test_the_protest_keeps_its_own_day_beside_a_place_s_past(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    [protest] = events_of(pipeline, text)
    assert (str(protest.event_date), protest.time_precision) == ("2024-03-08", 1)


def test_a_clause_on_the_actors_tells_their_part_of_the_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "who" opens the protesters' own act: its day is the event's
    [event] = events_of(pipeline, "Protesters, who had blocked the road on Tuesday, were dispersed by police.")
    assert str(event.event_date) == "2024-03-12"


# A "which" clause on the act's own noun tells of the act: its day dates it (Monday 11, Tuesday 12, Friday 8 March).
@pytest.mark.parametrize(("text", "day"), [
    ("Dock workers in Mombasa pressed on with their strike, which entered its third day on Monday.", "2024-03-11"),
    ("Nurses in Eldoret began a sit-in, which started on Tuesday outside the county hospital.", "2024-03-12"),
    ("The march by traders, which took place on Friday in Lahore, ended peacefully.", "2024-03-08"),
])
def test_a_clause_on_the_act_s_own_noun_dates_the_act(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    # before: the act fell back to the report's day (precision 3), as if the clause told of a thing beside it
    [event] = events_of(pipeline, text)
    assert (str(event.event_date), event.time_precision) == (day, 1)
    assert "date_defaulted" not in event.flags


def test_a_clause_on_what_another_act_ends_still_dates_only_that(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the sit-in began on Tuesday; its dispersal, the event, is not told a day
    [event] = events_of(pipeline, "Police broke up the sit-in by nurses in Nakuru, which began on Tuesday.")
    assert "date_defaulted" in event.flags
