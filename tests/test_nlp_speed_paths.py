"""dateline's spaCy components take shortcuts that must give what the plain pass gives: each test runs both on
texts of its own and compares."""

from __future__ import annotations

import pytest

from dateline.ingest.metadata import dateline_end
from dateline.nlp.components.paragraphs import DATELINE_LINES, mark_paragraph_starts

TEXTS = [
    "Protesters blocked the road\n\nBy Staff Reporter\n\nKISUMU, Kenya — Hundreds of traders closed the market on "
    "Monday.\n\nPolice fired tear gas.",
    "Troops shell border town\nSubtitle line here\nBy A Writer\nGOMA, March 13 (Reuters) - Rebels attacked a camp.",
    "One long line with no break at all, where gunmen attacked a bus and police said six people died.",
    "Headline\n \n\nNAIROBI (AP) — A strike shut schools.\n\n\n\nSecond paragraph.\n\nThird.",
    "\n\nLeading blank lines\n\nLAGOS, Nigeria — Farmers marched.",
    "",
    "Short\n\n",
    "Title\n\nIntro line one\n\nIntro line two\n\nBAMAKO, Mali — Too late for the dateline rule.",
]


def _plain_paragraph_starts(doc) -> None:  # type: ignore[no-untyped-def]
    """The component as first written: every word read as a Token, the whole `Doc.text` scanned."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and prev.is_space and prev.text.count("\n") >= 2:
            tok.is_sent_start = True
    text, start = doc.text, 0
    for _ in range(DATELINE_LINES):
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        if line.strip():
            offset = dateline_end(line)
            if offset is not None:
                tok = doc.char_span(start + offset, start + offset + 1, alignment_mode="expand")
                if tok is not None and tok.start > 0:
                    doc[tok.start].is_sent_start = True
                return
        if end < 0:
            return
        start = end + 1


@pytest.mark.parametrize("text", TEXTS)
def test_paragraph_and_dateline_starts_as_the_plain_pass(nlp, text) -> None:  # type: ignore[no-untyped-def]
    fast, plain = nlp.make_doc(text), nlp.make_doc(text)
    mark_paragraph_starts(fast)
    _plain_paragraph_starts(plain)
    assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in plain]


def test_the_lead_after_a_wire_dateline_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("Troops shell border town\n\nGOMA, March 13 (Reuters) - Rebels attacked a camp.")
    mark_paragraph_starts(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Troops", "GOMA", "Rebels"]  # the first word always starts one


def test_leading_lines_stop_after_the_lines_the_dateline_rule_reads(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.nlp.components.paragraphs import _leading_lines

    doc = nlp.make_doc("Title\nSubtitle\nBy Writer\nKYIV, May 2 - Drones hit.\nMore text.\nEven more.")
    assert _leading_lines(doc, 4) == "Title\nSubtitle\nBy Writer\nKYIV, May 2 - Drones hit.\n"
    assert _leading_lines(nlp.make_doc("No break here."), 4) == "No break here."
