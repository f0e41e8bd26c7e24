"""The quote finder: a registered spaCy component that marks quoted passages on the Doc.

It scans characters, not tokens, because quote marks are ambiguous in ways a tokenizer does not resolve:
’ is both an apostrophe ("Iran’s", "protesters’ skulls") and a closing single quote; straight quotes do not
say whether they open or close; and real articles mix marks up (‘Not Iran, Not Syria!” closes a single quote
with a double mark). The rules follow newspaper typography:

- a double quote opened at the start of a paragraph and not closed there continues when the next paragraph
  opens with a quote mark again (the convention for multi-paragraph quotes); where the text has lost its
  paragraph breaks (feeds and archives often join paragraphs into one line), an opening mark after a finished
  sentence inside an open quote is that convention's reopening mark, not a quote within the quote;
- an unclosed quote ends with its paragraph, unless the paragraph runs on long after it (the breaks lost
  again): then it ends with its first sentence, so a missing mark never swallows the narrative after it;
- single quotes inside double quotes are quotes within the quote; after a chant cue ("chanting:", "the
  slogan") they are slogans;
- a paragraph that ends with a colon after a reporting cue ("the statement reads:") introduces a block quote:
  the next paragraph, when it carries no quote marks of its own.

Spans go to `doc.spans["dl_quotes"]`; each span covers the quoted words without their marks and its label is
the kind: "direct", "nested", "slogan" or "block". The extract stage finds the speakers.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.text import doc_text
from dateline.yaml_files import packaged_pattern

SPAN_KEY = "dl_quotes"

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
# every character find_quotes acts on; it jumps from one to the next instead of stepping through the text
_ANY_MARK = re.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"'") + "]")

# Words before a quoted passage that make it a chant or slogan rather than speech.
_CHANT_CUE = re.compile(packaged_pattern("quote_cues.yaml", "chant_cue"), re.IGNORECASE)
# A paragraph ending with one of these before its colon introduces a block quote.
_BLOCK_CUE = re.compile(packaged_pattern("quote_cues.yaml", "block_cue"), re.IGNORECASE)


@dataclass(frozen=True)
class QuoteRun:
    """One quoted passage as character offsets: [start, end) are the words, without the marks."""

    start: int
    end: int
    kind: str  # direct | nested | slogan | block
    depth: int = 0


@dataclass
class _Open:
    mark: str  # "d" double, "s" single
    pos: int  # index of the opening mark
    straight: bool
    depth: int
    # The last opening or reopening mark of the quote (a multi-paragraph quote reopens each paragraph).
    segment: int = -1

    def __post_init__(self) -> None:
        if self.segment < 0:
            self.segment = self.pos


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs as [start, end) offsets; any line break ends one (cleaned text keeps one per line)."""
    bounds = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            bounds.append((m.start(), m.end()))
    return bounds


def _starts_with_open_mark(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and (stripped[0] in OPEN_DOUBLE or stripped[0] == '"')


def find_quotes(text: str) -> list[QuoteRun]:
    """Every quoted passage in `text`, outermost first within each paragraph, in text order."""
    runs: list[QuoteRun] = []
    paragraphs = _paragraph_bounds(text)
    carried: _Open | None = None  # a double quote continuing from the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        stack: list[_Open] = []
        i = p_start
        if carried is not None:
            # The reopening mark of a continued paragraph does not start a new quote.
            lead = len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
            i = p_start + lead + 1
            stack.append(carried)
            carried = None
        while i < p_end:
            mark = _ANY_MARK.search(text, i, p_end)
            if mark is None:
                break  # no quotation mark left in the paragraph: the other characters change nothing
            i = mark.start()
            ch = text[i]
            prev = text[i - 1] if i > p_start else " "
            nxt = text[i + 1] if i + 1 < p_end else " "
            top = stack[-1] if stack else None
            if ch in OPEN_DOUBLE:
                _open_double(stack, runs, text, p_start, i, straight=False)
            elif ch in CLOSE_DOUBLE:
                if top is None:
                    # A ” used as an opening mark (some sites use one glyph for both).
                    if not _is_word(prev) and _is_word(nxt):
                        stack.append(_Open("d", i, False, 0))
                elif top.mark == "s" and _later_double_close(text, i + 1, p_end):
                    # ‘Not Iran, Not Syria!” … guided,” — the first ” closes the single quote by mistake.
                    runs.append(_close(stack.pop(), i, text))
                else:
                    while stack:
                        opened = stack.pop()
                        runs.append(_close(opened, i, text))
                        if opened.mark == "d":
                            break
            elif ch == '"':
                open_double = next((o for o in reversed(stack) if o.mark == "d" and o.straight), None)
                if open_double is not None and not (prev.isspace() and _is_word(nxt)):
                    while stack:
                        opened = stack.pop()
                        runs.append(_close(opened, i, text))
                        if opened is open_double:
                            break
                else:
                    _open_double(stack, runs, text, p_start, i, straight=True)
            elif ch in OPEN_SINGLE:
                if not _is_word(prev):
                    stack.append(_Open("s", i, False, len(stack)))
            elif ch in CLOSE_SINGLE or ch == "'":
                straight = ch == "'"
                if top is not None and top.mark == "s" and top.straight == straight and not _is_word(nxt):
                    runs.append(_close(stack.pop(), i, text))
                elif straight and not _is_word(prev) and _is_word(nxt):
                    stack.append(_Open("s", i, True, len(stack)))
            i += 1
        # Paragraph end: an open double quote continues if the next paragraph reopens, else it ends here.
        open_doubles = [o for o in stack if o.mark == "d"]
        if open_doubles:
            outer = open_doubles[0]
            next_para = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            if next_para is not None and _starts_with_open_mark(text, *next_para):
                carried = outer
                continue
            runs.append(_close(outer, _unclosed_end(text, outer, p_start, p_end), text))
    runs.extend(_block_quotes(text, paragraphs))
    runs = [r for r in runs if text[r.start : r.end].strip()]
    return sorted(_classify(text, runs), key=lambda r: (r.start, -r.end))


# An unclosed quote running on this far past its opening mark to the paragraph's end has lost its closing
# mark rather than spanning a paragraph: a long newspaper paragraph is about 600 characters.
_RUN_ON_CHARS = 600
_SENTENCE_END = re.compile(r"[.!?…][’'\"]?(?=\s)")


def _open_double(stack: list[_Open], runs: list[QuoteRun], text: str, p_start: int, i: int, straight: bool) -> None:
    """An opening double mark at `i`. After a finished sentence inside an open outermost double quote it is the
    reopening mark of a multi-paragraph quote whose paragraph break was lost ("“We will fight. “Nobody stops
    us,”"), unless the open quote's last part already runs on past a paragraph's length: then that quote lost
    its closing mark, ends with its first sentence, and this mark opens a new quote."""
    top = stack[-1] if stack else None
    before = text[p_start:i].rstrip()
    reopening = (top is not None and top.mark == "d" and top.depth == 0 and top.straight == straight
                 and i > p_start and text[i - 1].isspace() and bool(before) and before[-1] in ".!?…")
    if reopening and top is not None:
        if i - top.segment <= _RUN_ON_CHARS:
            top.segment = i
            return
        runs.append(_close(stack.pop(), _first_sentence_end(text, top.segment, i), text))
    stack.append(_Open("d", i, straight, len(stack)))


def _first_sentence_end(text: str, start: int, end: int) -> int:
    m = _SENTENCE_END.search(text, start + 1, end)
    return m.end() if m else end


def _unclosed_end(text: str, opened: _Open, p_start: int, p_end: int) -> int:
    """Where a quote that never closes ends: its paragraph's end, or its last part's first sentence's when the
    paragraph runs on long past it (see `_RUN_ON_CHARS`). A quote carried in from an earlier paragraph keeps
    the end."""
    if opened.pos < p_start or p_end - opened.segment <= _RUN_ON_CHARS:
        return p_end
    return _first_sentence_end(text, opened.segment, p_end)


def _later_double_close(text: str, start: int, end: int) -> bool:
    """True when a closing double mark follows before any opening one (so an open double still awaits it)."""
    for ch in text[start:end]:
        if ch in OPEN_DOUBLE:
            return False
        if ch in CLOSE_DOUBLE:
            return True
    return False


def _close(opened: _Open, close_pos: int, text: str) -> QuoteRun:
    start = opened.pos + 1
    kind = "direct" if opened.depth == 0 else "nested"
    return QuoteRun(start=start, end=close_pos, kind=kind, depth=opened.depth)


def _block_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteRun]:
    runs = []
    for (p_start, p_end), following in itertools.pairwise(paragraphs):
        if not _BLOCK_CUE.search(text[p_start:p_end]):
            continue
        body = text[following[0] : following[1]]
        if any(mark in body for mark in OPEN_DOUBLE + CLOSE_DOUBLE + '"'):
            continue  # the quote carries its own marks and the scanner has it
        lead = len(body) - len(body.lstrip())
        runs.append(QuoteRun(start=following[0] + lead, end=following[1], kind="block"))
    return runs


def _classify(text: str, runs: list[QuoteRun]) -> list[QuoteRun]:
    """Mark chants and slogans by the cue that introduces them (within the same sentence)."""
    out = []
    for run in runs:
        before = text[max(0, run.start - 80) : run.start - 1]
        before = re.split(r"[.!?]\s", before)[-1]
        if run.kind in ("direct", "nested") and _CHANT_CUE.search(before):
            run = QuoteRun(run.start, run.end, "slogan", run.depth)
        out.append(run)
    return out


@Language.factory("dateline_quotes")
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


class QuoteFinder:
    """Writes every quoted passage to `doc.spans["dl_quotes"]`, labelled with its kind."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for run in find_quotes(doc_text(doc)):
            span = doc.char_span(run.start, run.end, label=run.kind, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc
