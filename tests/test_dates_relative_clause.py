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
