"""Tolls of events whose victims are told before the verb, and of a crowd's act told as the sequel of another
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize(("text", "dead"), [
    ("Two suspected thieves were hacked to death by a mob in Kisumu on Tuesday.", 2),
    ("Two men were clubbed to death by a mob in Ibadan on Thursday.", 2),
    (("Residents in Eldoret caught two men accused of stealing a motorbike on Monday. The men were beaten to death "
      "before officers arrived."), 2),
])
def test_a_lynching_told_in_the_passive_counts_its_victims(pipeline: Pipeline, text: str, dead: int) -> None:
    [event] = events_of(pipeline, text)
    assert event.fatalities == dead


def test_a_plural_that_refers_back_does_not_dispute_the_number_told(pipeline: Pipeline) -> None:
    # the soldiers of the second sentence are the five of the first: 5, not the least a plural allows
    events = events_of(pipeline, ("Five soldiers were killed in an ambush near Gao on Monday, the army said. The "
                              "soldiers were killed when gunmen opened fire on their patrol near Gao."))
    assert [e.fatalities for e in events] == [5]
    assert "fatalities_disputed" not in events[0].flags


@pytest.mark.parametrize("text", [
    ("A suspect died in police custody in Kakamega on Monday; residents then attacked the police station, setting "
     "two vehicles alight."),
    "A motorcyclist was killed by a police truck in Kisumu on Monday, and angry residents later set the truck on fire.",
])
def test_a_death_a_crowd_then_rises_against_is_not_its_toll(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Mob violence"
    assert not event.fatalities


def test_a_killing_followed_by_a_crowd_keeps_its_own_toll(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Gunmen killed three villagers in Bokkos on Monday, and residents then blocked the "
                                 "highway in protest.")
    assert [e.fatalities for e in events if e.sub_event_type == "Attack"] == [3]


def test_an_earlier_ambush_that_left_soldiers_dead_has_their_toll(pipeline: Pipeline) -> None:
    # the earlier act told in an "after" clause takes the dead it left, not the "a" of "a convoy"
    text = ("Troops killed six insurgents near Beni on Friday, three days after an ambush on a convoy left five "
            "soldiers dead.")
    tolls = sorted((str(e.event_date), e.fatalities) for e in events_of(pipeline, text))
    assert tolls == [("2024-03-05", 5), ("2024-03-08", 6)]
