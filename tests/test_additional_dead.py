"""A later telling that counts more dead of the same event ("three soldiers were also killed", "two other
villagers were killed") adds to its toll; another figure for the same dead is still a dispute, the lowest
coded (codebook section 6). Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

PUBLISHED = "2023-05-18"


@pytest.mark.parametrize(("text", "dead"), [
    (("Troops repelled an attack on a base near Menaka on Monday, killing four militants. Two soldiers were also "
      "killed."), 6),
    ("Gunmen killed five herders near Mangu on Monday. Three other villagers were also killed in a nearby hamlet.", 8),
    (("Militants killed seven gendarmes in an attack on a post near Titao on Monday. Nine of the attackers were "
      "also killed, the army said."), 16),
])
def test_more_dead_told_later_add_to_the_toll(pipeline: Pipeline, text: str, dead: int) -> None:
    # before: the later figure was taken as another estimate of the same dead, and the lowest was coded
    events = pipeline.extract_text(text, published=PUBLISHED).events
    assert [e.fatalities for e in events] == [dead]


def test_another_figure_for_the_same_dead_is_still_disputed(pipeline: Pipeline) -> None:
    text = ("Gunmen killed six people in Mangu on Monday, police said. Local leaders said nine people were killed "
            "in the attack.")
    events = pipeline.extract_text(text, published=PUBLISHED).events
    assert [e.fatalities for e in events] == [6]
    assert "fatalities_disputed" in events[0].flags


@pytest.mark.parametrize(("text", "coded"), [
    (("A gunman opened fire on diners at a cafe in Quetta on Friday, killing two people before he was shot dead by "
      "police."), ("Unidentified Armed Group (Pakistan)", 3)),
    (("An attacker opened fire at a bus stop in Haifa on Monday, killing two people before being shot dead by "
      "police."), ("Unidentified Armed Group (Israel)", 3)),
])
def test_an_attacker_killed_after_the_act_is_not_its_perpetrator_but_counts(pipeline: Pipeline, text: str,
                                                                            coded: tuple) -> None:
    # before: the police that shot the attacker became the attack's perpetrator, and the attacker's death was a
    # lower figure for the same dead (1) or none
    events = pipeline.extract_text(text, published=PUBLISHED).events
    assert [(e.actor1, e.fatalities) for e in events] == [coded]


def test_dead_of_another_time_told_after_a_protest_are_not_its_toll(pipeline: Pipeline) -> None:
    # before: the next sentence's "more than 90 people" of a year before became the march's dead
    text = ("Worshippers marched through Khash on Friday chanting slogans. Security forces opened fire on the "
            "marchers, wounding at least 15 people. In October last year, security forces killed more than 80 "
            "people in the town.")
    events = [e for e in pipeline.extract_text(text, published=PUBLISHED).events if "needs_review" not in e.flags]
    assert [e.fatalities for e in events] == [None]
