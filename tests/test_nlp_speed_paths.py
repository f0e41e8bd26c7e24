"""dateline's spaCy components take shortcuts that must give what the plain pass gives: each test runs both on
texts of its own and compares."""

from __future__ import annotations

import pytest

from dateline.ingest.metadata import dateline_end
from dateline.nlp.components.paragraphs import DATELINE_LINES, mark_paragraph_starts

TEXTS = [
    ("Protesters blocked the road\n\nBy Staff Reporter\n\nKISUMU, Kenya — Hundreds of traders closed the market "
     "on Monday.\n\nPolice fired tear gas."),
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


def test_first_characters_read_from_the_pattern() -> None:
    import re

    from dateline.nlp.first_chars import first_char_lookahead, with_first_char_lookahead

    assert first_char_lookahead(r"\b(?:abc|(?i:de)f)\b") == "(?=(?-i:[a])|(?i:[d]))"
    assert first_char_lookahead(r"[a-c]x|(?=q)z") == "(?=(?-i:[abcz]))"  # a lookahead consumes nothing
    assert first_char_lookahead(r"(?:on\s+)?[12]\d") == "(?=(?-i:[12o]))"
    assert first_char_lookahead(r"\b(?:may|june)", re.IGNORECASE) == "(?=(?i:[jm]))"
    for unknown in (r"a?", r"\d+", r"[^x]y", r".z", r"(a)?\1b"):  # empty match, wide classes, a back-reference
        assert first_char_lookahead(unknown) is None
    assert with_first_char_lookahead(r"(?i)(ab|cd)").pattern == r"(?i)(ab|cd)"  # a global flag stays first


def _date_phrases() -> list[str]:
    """Every name of the date lexicon, in the forms the explicit patterns read (with and without a lead word)."""
    from dateline.nlp.components.dates import MONTHS, WEEKDAYS, holidays

    months = [m.title() for m in MONTHS] + [f"{m.title()}." for m in MONTHS if len(m) <= 4]
    days = [*holidays()["fixed"], *holidays()["easter"]]
    phrases = []
    for lead in ("", "on ", "Since ", "in ", "mid-", "AROUND ", "last ", "at ", "the end of ", "x"):
        phrases += [f"{lead}{m} 5, 2021" for m in months] + [f"{lead}3rd {m}" for m in months]
        phrases += [f"{lead}{w.title()}, 4 {m}" for w in WEEKDAYS for m in months[:3]]
        phrases += [f"{lead}{d} 2019" for d in days] + [f"{lead}{d}" for d in days]
        phrases += [f"{lead}2019-10-30", f"{lead}12-14 March", f"{lead}March 3 to April 5", f"{lead}2009"]
    return phrases


def test_date_patterns_with_lookahead_find_what_the_plain_ones_do() -> None:
    import re

    from dateline.nlp.components import dates as D

    plain = {
        "explicit": re.compile("|".join(f"(?P<{k}{i}>{p})" for i, (k, p) in enumerate(D._EXPLICIT_PATTERNS))),
        "anchor": re.compile(rf"{D._MONTH}|\b{D._YEAR}|\b{D._HOLIDAY}"),
        "lexical": re.compile(r"(?i)\b(?:" + "|".join(D._LEXICAL_WORDS) + r")\b"),
    }
    fast = {"explicit": D._EXPLICIT_RE, "anchor": D._EXPLICIT_ANCHOR_RE, "lexical": D._LEXICAL_ANCHOR_RE}
    assert all(fast[k].pattern.startswith("(?=") for k in fast)  # the shortcut is in use
    lexical = [*D._LEXICAL_WORDS, *(w.upper() for w in D._LEXICAL_WORDS), *(w.title() for w in D._LEXICAL_WORDS)]
    texts = [f"Rebels said {p} that troops, (they) fled." for p in _date_phrases()]
    texts += [f"Gunmen struck {w} and again {w}s later." for w in lexical]
    texts += ["Between 25 and 28 October 2019, protests grew; by Easter Monday last year they ended."]
    for name, pattern in fast.items():
        for text in texts:
            got = [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
            assert got == [(m.span(), m.lastgroup) for m in plain[name].finditer(text)], (name, text)
    assert D._EXPLICIT_RE.search("Rebels said on March 5, 2021 that").group(0) == "on March 5, 2021"


def test_words_each_matcher_pattern_needs() -> None:
    from dateline.nlp.components.dates import needed_words

    patterns = [
        [{"LOWER": {"IN": ["in", "over"]}, "OP": "?"}, {"LOWER": "the"}, {"LOWER": {"IN": ["past", "last"]}},
         {"LEMMA": "day"}],
        [{"LIKE_NUM": True}, {"LOWER": "days", "OP": "+"}, {"LOWER": "ago"}],
    ]
    assert needed_words(patterns) == [(frozenset({"the"}), frozenset({"past", "last"})),
                                      (frozenset({"days"}), frozenset({"ago"}))]
    assert needed_words([[{"LIKE_NUM": True}, {"LEMMA": "year"}]]) is None  # no word it needs: never skip


DATE_TEXTS = [
    "Gunmen attacked the village on Friday night and again three days later, residents said.",
    "The army has fought there for years. At the time, few people knew. The day after, the road reopened.",
    "Protests have grown in recent weeks; over the past 48 hours police arrested 20 people, two years ago.",
    "Officials said the talks would take time. This year the budget doubled. Back then, nobody paid.",
    "Hours later a second blast hit the market, a week after the first, in the same period as the raids.",
    "Many years of war, the times of trouble, and the day of the vote: none is a date the rules read here.",
]


def test_date_matcher_finds_the_same_with_windows_skipped(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.nlp.components.dates import _lexical_matches

    finder = nlp.get_pipe("dateline_dates")
    found = []
    for text in DATE_TEXTS:
        doc = nlp(text)
        every = _lexical_matches(doc, finder.matcher)
        assert _lexical_matches(doc, finder.matcher, finder.needed) == every
        found += [doc[s:e].text for _, s, e in every]
    assert "three days later" in found and "in recent weeks" in found and "two years ago" in found
    assert "Back then" in found and "the same period" in found


def test_a_text_whose_anchors_no_pattern_can_use_is_skipped(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.attrs import LOWER

    from dateline.nlp.components.dates import _may_match

    finder = nlp.get_pipe("dateline_dates")
    doc = nlp.make_doc(DATE_TEXTS[-1])
    assert not _may_match(set(doc.to_array(LOWER).tolist()), finder.needed)
    assert _may_match(set(nlp.make_doc(DATE_TEXTS[0]).to_array(LOWER).tolist()), finder.needed)
