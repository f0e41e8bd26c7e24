"""Cleaning: ad residue, repeated lines, boilerplate and whitespace go; the offset map leads back to the raw text."""

from __future__ import annotations

import itertools
import random

import pytest

from dateline.ingest.cleaning import clean_text, line_removal_reason
from dateline.model import OffsetSegment


def assert_map_round_trips(raw: str, clean: str, segments: list[OffsetSegment]) -> None:
    """Every kept segment is a verbatim copy: raw[raw_start:+len] == clean[clean_start:+len]."""
    covered = 0
    for seg in segments:
        assert seg.length > 0
        assert raw[seg.raw_start : seg.raw_start + seg.length] == clean[seg.clean_start : seg.clean_start + seg.length]
        covered += seg.length
    # Segments never overlap and are in order in both texts.
    for a, b in itertools.pairwise(segments):
        assert a.clean_start + a.length <= b.clean_start
        assert a.raw_start + a.length <= b.raw_start
    # Whatever is not mapped is an inserted separator: a space or a line break, never content.
    mapped = set()
    for seg in segments:
        mapped.update(range(seg.clean_start, seg.clean_start + seg.length))
    assert all(clean[i] in " \n" for i in range(len(clean)) if i not in mapped)
    assert covered <= len(clean)


@pytest.mark.parametrize("line", ["728 x 90", "300x250", "970×250", "[ 160 x 600 ]", "Advertisement",
                                  "- Advertisement -", "Story continues below advertisement"])
def test_banner_sizes_and_ad_labels_are_ad_residue(line: str) -> None:
    assert line_removal_reason(line) == "ad_residue"


@pytest.mark.parametrize("line", ["Share this article", "Share on Facebook", "Email | Print | Share",
                                  "We use cookies to improve your experience.", "Accept all cookies",
                                  "Cookie policy", "Subscribe to our newsletter", "Follow us on Twitter"])
def test_share_cookie_and_newsletter_lines_are_boilerplate(line: str) -> None:
    assert line_removal_reason(line) == "boilerplate"


@pytest.mark.parametrize("line", [
    "Police fired tear gas at 300 protesters in Basra.",
    "The children ate a cookie before the rally began.",
    "Protesters shared photos of the march on Facebook, organisers said, and police made no arrests.",
    "A 728 x 90 banner was hung over the square.",
])
def test_ordinary_sentences_are_kept(line: str) -> None:
    assert line_removal_reason(line) is None


def test_example_loses_banner_and_duplicate_subtitle(example_text: str) -> None:
    cleaned = clean_text(example_text)
    subtitle = "Massive rallies in cities checkered across central and southern Iraq"
    assert "728 x 90" not in cleaned.text
    assert cleaned.text.count(subtitle) == 1
    assert cleaned.text.startswith("The largest demonstrations in Iraq against Iran’s malign influence\n\n")
    reasons = {(r.text, r.reason) for r in cleaned.removed}
    assert ("728 x 90", "ad_residue") in reasons
    assert (subtitle, "repeated_line") in reasons
    assert_map_round_trips(example_text, cleaned.text, cleaned.offset_map)


def test_removed_text_points_at_the_raw_input(example_text: str) -> None:
    for removed in clean_text(example_text).removed:
        assert example_text[removed.raw_start : removed.raw_end] == removed.text


def test_whitespace_is_normalised_and_paragraphs_kept() -> None:
    raw = "Title  line \r\n\r\n\r\n\r\n\tFirst\u00a0 paragraph\there.   \r\nsame paragraph\rline\n\n\n\nLast."
    cleaned = clean_text(raw)
    assert cleaned.text == "Title line\n\nFirst paragraph here.\nsame paragraph\nline\n\nLast."
    assert_map_round_trips(raw, cleaned.text, cleaned.offset_map)


def test_first_copy_of_a_repeated_line_stays() -> None:
    raw = "Headline\n\nA line that repeats.\nA line that repeats.\n\nEnd."
    cleaned = clean_text(raw)
    assert cleaned.text == "Headline\n\nA line that repeats.\n\nEnd."
    assert [r.raw_start for r in cleaned.removed if r.reason == "repeated_line"] == [raw.rindex("A line")]


def test_repeat_detection_ignores_whitespace_differences() -> None:
    cleaned = clean_text("One  two three\n\nOne two three  \n")
    assert cleaned.text == "One two three"


def test_control_characters_are_dropped_and_recorded() -> None:
    raw = "Soft\u00adhyphen and zero\u200bwidth\x07 bell"
    cleaned = clean_text(raw)
    assert cleaned.text == "Softhyphen and zerowidth bell"
    assert {r.text for r in cleaned.removed if r.reason == "control_chars"} == {"\u00ad", "\u200b", "\x07"}
    assert_map_round_trips(raw, cleaned.text, cleaned.offset_map)


def test_raw_offset_maps_cleaned_positions_back(example_text: str) -> None:
    from dateline.ingest import article_from_text

    article = article_from_text(example_text)
    word = "Tahrir Square"
    clean_at = article.text.index(word)
    raw_at = article.raw_offset(clean_at)
    assert raw_at is not None
    assert example_text[raw_at : raw_at + len(word)] == word


def test_clean_text_input_gives_one_segment() -> None:
    raw = "Title\n\nBody one.\n\nBody two."
    cleaned = clean_text(raw)
    assert cleaned.text == raw
    assert cleaned.offset_map == [OffsetSegment(clean_start=0, raw_start=0, length=len(raw))]


def test_offset_map_round_trips_on_random_messy_text() -> None:
    """Many random mixtures of content, blanks, ads, repeats and odd whitespace: the map always holds."""
    pieces = ["Protesters marched.", "Police said", "728 x 90", "Share", "  ", "\t", "\u00a0", "\r\n", "\n",
              "\r", "\n\n\n", "word", "x\u200by", "Advertisement", "Protesters marched.", " - ", "“quoted”"]
    rng = random.Random(20191102)
    for _ in range(300):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        cleaned = clean_text(raw)
        assert_map_round_trips(raw, cleaned.text, cleaned.offset_map)
        assert "\n\n\n" not in cleaned.text
        assert cleaned.text == cleaned.text.strip()
        assert all(line == line.strip() for line in cleaned.text.split("\n"))
