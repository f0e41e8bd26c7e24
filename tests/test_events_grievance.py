"""A killing told in an "after …" clause of what a crowd did is the crowd's grievance (codebook: deaths that are
the demonstrators' grievance are not the demonstration's): it neither decides the sub-type nor adds dead or a
side. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize("text", [
    "Youths rioted in Bobo-Dioulasso on Monday after a policeman shot dead a motorcycle taxi driver.",
    "Rioters burned cars and looted shops in Clichy-sous-Bois on Tuesday night after police shot dead a teenager.",
    "Residents burned tyres and blocked roads in Kisumu on Monday after police killed a hawker.",
])
def test_the_killing_a_crowd_rises_against_is_no_part_of_its_riot(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Violent demonstration"
    assert not event.fatalities
    assert event.actor2 is None


def test_a_riot_that_leaves_dead_keeps_its_toll(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Rioters clashed with police in Kisumu on Monday, leaving two people dead.")
    assert event.sub_event_type == "Violent demonstration"
    assert event.fatalities == 2


def test_a_killing_after_an_attack_is_still_the_attack(pipeline: Pipeline) -> None:
    # not a crowd's act in the main clause: the clause of time tells the same violence, and it counts
    [event] = events_of(pipeline, "Two soldiers were killed near Gao on Monday after their vehicle hit a roadside bomb.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.fatalities == 2


def test_a_killing_a_week_after_a_bombing_is_not_told_by_it(pipeline: Pipeline) -> None:
    # measured from the event ("a week after"), the clause tells an earlier incident, not this one's means
    [event, *_] = events_of(pipeline, "Five people were killed in Gao on Monday, a week after a bomb killed ten in Kidal.")
    assert event.sub_event_type != "Remote explosive/landmine/IED"
    assert event.fatalities == 5


def test_an_act_measured_days_back_is_no_side_of_the_main_act(pipeline: Pipeline) -> None:
    # "a day after X attacked a police station": the earlier attack's target is no side of today's shelling
    [event, *_] = events_of(pipeline, ("The army shelled rebel positions near Mellit on Monday, a day after rebel "
                                       "fighters attacked the police post in the town."))
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor2 != "Police Forces of Sudan"


@pytest.mark.parametrize(("text", "sub"), [
    ("Troops retook Kalehe on Monday.", "Government regains territory"),
    ("Government forces recaptured Mellit from the RSF on Monday.", "Government regains territory"),
])
def test_a_named_place_retaken_is_territory(pipeline: Pipeline, text: str, sub: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == sub


@pytest.mark.parametrize("text", [
    ("Hezbollah said it fired rockets at an army base in Metula in response to an Israeli strike that killed a "
     "farmer in the village of Aitaroun on Wednesday."),
    ("Al Shabaab shelled the airport in Baidoa on Monday in retaliation for an air strike that killed four of its "
     "fighters near Bardere."),
])
def test_the_act_retaliated_for_is_no_part_of_the_retaliation(pipeline: Pipeline, text: str) -> None:
    # before: the earlier strike's toll, and its state as the attacker, went to the rockets or shells fired back
    [event, *_] = events_of(pipeline, text)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert not event.fatalities
    assert event.actor1 in {"Hezbollah", "Al Shabaab"}


@pytest.mark.parametrize("text", [
    "Mourners carried the bodies of three paramedics killed in an air strike through the streets of Khan Younis on Friday.",
    "Crowds in Tubas buried on Tuesday two men killed in a drone strike on Monday.",
])
def test_a_funeral_is_no_new_strike(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


def test_bodies_recovered_still_tell_the_strike(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "The bodies of 12 people killed in an air strike were recovered in Saraqeb on Monday.")
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities == 12


def test_a_mourned_death_is_no_part_of_the_dispersal_of_the_mourners(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Police fired tear gas at mourners carrying the body of a student killed by police "
                                  "in Kisumu on Monday.")
    assert event.sub_event_type == "Protest with intervention"
    assert not event.fatalities
