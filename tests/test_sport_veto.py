"""The sport veto (rule_cues.yaml SPORTS, SPORTS_EXCEPT) on sentences written for these tests: a sports word
does not make a sentence sport when the sentence also tells arms or fighters."""

from __future__ import annotations

import pytest

from dateline.extraction.classify import not_an_event_reason
from dateline.pipeline import Pipeline

PUBLISHED = "2021-05-10"
SPORT = "sport, not a political event"


@pytest.mark.parametrize("text", [
    "The striker scored twice as the home team won the derby in Leeds on Saturday.",
    "Rival fans clashed outside the stadium after the cup final on Sunday.",
])
def test_sport_sentences_are_vetoed(text: str) -> None:
    assert not_an_event_reason(text) == SPORT


@pytest.mark.parametrize("text", [
    # "squad" is a sports word, but a squad of soldiers hit by a bomb is an explosion
    "A squad of soldiers on patrol near the border was hit by a roadside bomb on Sunday.",
    # the place is a sports ground, the event is a bombing
    "Explosives hidden in a bag detonated on a football pitch in the town on Friday, wounding two boys.",
    # "round" of talks, but air strikes hit the valley
    "At least a dozen air strikes hit the valley on Monday, a day after a new round of talks broke down.",
])
def test_arms_in_a_sentence_with_a_sports_word_are_no_sport(text: str) -> None:
    assert not_an_event_reason(text) != SPORT


def test_a_bomb_on_a_sports_ground_is_an_explosion_event(pipeline: Pipeline) -> None:
    report = pipeline.extract_text(
        "Explosives hidden in a bag detonated on a football pitch in Kandahar on Friday, wounding two boys.",
        publisher="Test Wire", published=PUBLISHED)
    assert [e.event_type for e in report.events] == ["Explosions/Remote violence"]


def test_a_partys_league_in_a_clash_of_activists_is_no_sport(pipeline: Pipeline) -> None:
    # before: "League" of a party's name made the clash of two parties' activists a sport, vetoed
    assert not_an_event_reason("Supporters of the opposition party clashed with ruling Muslim League activists in "
                               "Multan, leaving 30 injured.") is None
    events = pipeline.extract_text("Supporters of the opposition party clashed with ruling Muslim League activists "
                                   "in Multan on Monday, leaving 30 injured.", published=PUBLISHED).events
    assert [e.sub_event_type for e in events] == ["Mob violence"]
