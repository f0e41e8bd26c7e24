"""A country's own name that the small NER model calls a person ("Mali's army said …") is the country, unless the
text writes the word as a person's name too. Sentences of our own, none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _countries(resources, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {p.mention: p.country for p in geocode_text(text, resources)}


@pytest.mark.parametrize(
    "text",
    [
        "Mali's army said jihadists killed ten soldiers near the border.",
        "Mali said on Sunday that gunmen had attacked a checkpoint.",
    ],
)
def test_a_country_the_ner_calls_a_person_stays_the_country(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _countries(resources, text).get("Mali") == "Mali"


def test_the_word_written_as_a_persons_name_elsewhere_is_the_person(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Mali said on Sunday that she would stand again. Mali Toure, a teacher, leads the party."
    assert "Mali" not in _countries(resources, text)
