"""Middle East wire: the victims' trade is no labour strike, a strike that hit something came from the air, an
armed act in an "after" clause with its own doer is an earlier incident, victims told in the active voice count,
a speaker reports its own strike through a pronoun, and a state that only comments is no place. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from dateline.extraction.fatalities import count_fatalities
from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize("text", [
    "An Israeli strike killed five aid workers of a charity in Khan Younis on Monday.",
    "A Russian strike on a bakery in Sarmin killed three workers on Tuesday.",
])
def test_the_victims_trade_is_no_labour_strike(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Air/drone strike"


def test_a_strike_that_hit_a_house_came_from_the_air(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "A strike on a house in the Tal al-Sultan district of Rafah killed four people on "
                                  "Tuesday, medics said.")
    assert event.sub_event_type == "Air/drone strike"


def test_an_armed_act_after_which_another_came_is_no_side_of_it(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "The PKK attacked a Turkish base in Zakho on Wednesday after Turkish drones killed "
                                  "three of its members.")
    assert (event.sub_event_type, event.actor1) == ("Armed clash", "PKK: Kurdistan Workers Party")
    assert not event.fatalities


@pytest.mark.parametrize(("text", "value"), [
    ("An Israeli strike on a house in Bint Jbeil killed a woman and her three sons on Tuesday.", 4),
    ("A drone strike killed a man and his brother in Kafr Nabl on Wednesday.", 2),
    ("An Israeli drone struck a car near Nabatieh on Wednesday, killing Hassan Sabra, a Hezbollah commander.", 1),
])
def test_victims_told_in_the_active_voice_count(text: str, value: int) -> None:
    assert count_fatalities(text).value == value


def test_a_speaker_reports_its_own_strike_through_a_pronoun(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "The Israeli army said it struck a Hezbollah weapons depot near Hermel on Tuesday.")
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", "Military Forces of Israel")


def test_a_state_that_only_comments_is_no_place(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "An air strike on a convoy near Al-Qaim killed six fighters on Tuesday. "
                                  "Washington denied involvement.")
    assert event.country == "Iraq"


@pytest.mark.parametrize("text", [
    "Israeli strikes killed 64 people across the Gaza Strip in the past 24 hours, the health ministry said on Tuesday.",
    "Israeli strikes killed at least 30 people across the enclave on Tuesday, health officials said.",
])
def test_a_toll_across_a_territory_is_no_incident(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


def test_a_state_that_carried_out_a_strike_acts(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Israel carried out a strike on a house in Khan Younis on Tuesday, killing four people.")
    assert (event.actor1, event.country) == ("Military Forces of Israel", "Palestine")


def test_unnamed_soldiers_in_the_west_bank_are_israels(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Soldiers shot dead a Palestinian man near Qalqilya on Tuesday.")
    assert event.actor1 == "Military Forces of Israel"


def test_prisoners_exchanged_are_an_agreement(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "The army and the rebels swapped 30 captives near Bunia on Tuesday under a deal.")
    assert event.sub_event_type == "Agreement"
