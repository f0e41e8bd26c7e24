"""`--format table`: as wide as the terminal, evidence wrapped on words and never cut mid-word."""

from __future__ import annotations

import re

import pytest

from dateline.cli_table import render_report
from dateline.model import Report


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_the_table_fits_the_width_it_is_given(example_report: Report, width: int) -> None:
    text = render_report(example_report, width=width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_the_table_takes_the_terminals_width(example_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "90")  # what rich reads when stdout is not a terminal
    assert max(len(line) for line in render_report(example_report).splitlines()) <= 90


@pytest.mark.parametrize("width", [80, 160])
def test_no_word_is_cut_inside(example_report: Report, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # every word printed is a whole word of the report (or a label), never the front part of a longer one
    monkeypatch.setenv("COLUMNS", str(width))
    text = render_report(example_report)
    vocabulary = set(re.findall(r"[A-Za-z]{3,}", example_report.model_dump_json()))
    vocabulary |= {"events", "evidence", "actors", "fatalities", "claimed", "precision", "type", "location",
                   "dead", "rejected", "candidates", "reason", "text", "quotes", "kind", "speaker", "quote",
                   "statements", "plover", "actor", "target", "relayed", "claims", "subject", "chain", "source",
                   "profile", "loaded", "language", "sentences", "first", "hand", "more", "sub", "event", "date",
                   "left", "kept", "review", "marked"}  # labels; the report also holds its path, whatever it is
    printed = set(re.findall(r"[A-Za-z]{3,}", text))
    cut = {w for w in printed - vocabulary if any(v.startswith(w) for v in vocabulary)}
    assert not cut, f"words cut short: {sorted(cut)[:10]}"


def test_a_narrow_table_labels_each_events_probability_p(example_report: Report) -> None:
    # the README explains the tables' `p`; on an 80-column terminal the number stood unlabelled after the place
    text = " ".join(render_report(example_report, width=80).split())
    for ev in example_report.events:
        mark = "?" if "needs_review" in ev.flags else ""
        assert f"p {ev.confidence:.2f}{mark}" in text, ev.id
