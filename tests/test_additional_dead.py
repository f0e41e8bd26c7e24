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
