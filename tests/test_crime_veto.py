"""The common-crime veto's family words (rule_cues.yaml CRIME) on sentences written for these tests: a relative
names domestic violence when they are the one harmed by, or harming, the other; a relative hurt beside the
victim ("he was shot and his wife injured") says nothing about who shot."""

from __future__ import annotations

import pytest

from dateline.extraction.classify import CRIME


@pytest.mark.parametrize("text", [
    "A man stabbed his wife to death at their home on Sunday.",
    "The woman was beaten by her husband after an argument.",
    "His former girlfriend allegedly stabbed him in the kitchen.",
    "The farmer killed his own daughter with an axe.",
])
def test_violence_between_relatives_is_domestic_crime(text: str) -> None:
    assert CRIME.search(text.lower())


@pytest.mark.parametrize("text", [
    "A pastor was shot dead and his daughter injured by gunmen outside the church on Sunday.",
    "A district officer and his brother were shot and badly wounded on the highway on Friday.",
    "The mayor was killed in an ambush on the highway; his wife and children were unharmed.",
])
def test_a_relative_beside_the_victim_is_no_domestic_crime(text: str) -> None:
    assert not CRIME.search(text.lower())


def test_an_armed_attack_on_a_prison_is_no_common_crime(pipeline) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.classify import not_an_event_reason

    # before: "inmates" made the gangs' assault on a prison a common crime, vetoed
    text = "Gangs attacked the main prison in Les Cayes on Saturday, freeing about 800 inmates."
    assert not_an_event_reason(text) is None
    assert [e.actor1 for e in pipeline.extract_text(text, published="2024-03-12").events] == ["Unidentified Gang (Haiti)"]
