"""Places (geo18): a name in a byline line ("By X Y", "Reporting by X; Editing by Y", "X Y, Staff Reporter") is a
reporter's or editor's, never a place. Sentences are our own; the first test fails without the change."""

from __future__ import annotations

import pytest

BODY = "Protesters blocked the highway in Kenya on Tuesday, demanding water, police said."


def _mentions(pipeline, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.mention for p in pipeline.extract_text(text).places]


def test_a_credit_line_at_the_end_of_a_story_gives_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "Sydney Omondi" became a place, kept at the story's country
    text = BODY + "\n\nReporting by Sydney Omondi; Editing by Chester Lincoln"
    assert _mentions(pipeline, text) == ["Kenya"]


@pytest.mark.parametrize(("text", "names"), [
    ("By Adan Smith\n\n" + BODY, ["Adan Smith"]),
    ("Reporting by Adan Smith in Nairobi; Editing by Lamu Otieno", ["Adan Smith", "Lamu Otieno"]),
    ("Sydney Omondi, Staff Reporter\n" + BODY, ["Sydney Omondi"]),
    ("Staff Reporter Sydney Omondi\n" + BODY, ["Sydney Omondi"]),
    ("By Jane Doe CAPE TOWN - Residents blockaded the roads.", ["Jane Doe"]),  # the dateline city stays a place
    ("Staff Reporter CAPE TOWN - Residents blockaded the roads.", []),
    ("By Friday, Baghdad was calm again.", []),  # a day, not a reporter
    ("The town was attacked by Taliban fighters.", []),  # "by" inside a sentence
])
def test_the_names_a_byline_line_gives(text: str, names: list[str]) -> None:
    from dateline.nlp.components.places import _byline_names

    assert [text[s:e] for s, e in _byline_names(text)] == names


def test_a_place_after_a_reporters_name_stays_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "Nairobi" in _mentions(pipeline, BODY + "\n\nReporting by Adan Smith in Nairobi; Editing by Lamu Otieno")
