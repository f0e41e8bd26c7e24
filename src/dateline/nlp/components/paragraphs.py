"""A blank line ends a sentence.

The packaged parser segments sentences from syntax alone, so a headline without a full stop, the byline under it
and the lead paragraph can come out as one "sentence" ("Angry residents storm Basra council By Wire Desk BASRA,
Iraq — Hundreds of protesters stormed ..."). Everything dateline reads per sentence (the event's trigger and
clause, its place and date, quotes) then mixes the headline's words with the lead's. The parser keeps sentence
starts set before it runs, so this component marks the first token after each blank line as one, and the lead's
first word after a wire dateline.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    for i in _words_after_blank_lines(doc):
        doc[i].is_sent_start = True
    _mark_story_after_dateline(doc)
    return doc


def _words_after_blank_lines(doc: Doc) -> list[int]:
    """Each word (not whitespace) that follows a whitespace token holding two line breaks or more. The pairs are
    picked from the document's IS_SPACE array, so only the whitespace tokens before a word become Token objects:
    building two Tokens per word of the article cost more than the rest of this component."""
    if len(doc) < 2:
        return []
    space = doc.to_array(IS_SPACE).astype(bool)
    after_space = np.flatnonzero(space[:-1] & ~space[1:]) + 1
    return [i for i in after_space.tolist() if doc[i - 1].text.count("\n") >= 2]


DATELINE_LINES = 4  # the lines a dateline may open: after a headline, a subtitle and a byline at most


def _mark_story_after_dateline(doc: Doc) -> None:
    """The lead's first word after its dateline ("KINSHASA, March 13 (Reuters) - Rebels killed …") starts the
    sentence: parsed with the city, the city became the subject of the lead's verb, a speaker and a source."""
    from dateline.ingest.metadata import (
        dateline_end,  # ingest's layout rules; loaded when a Doc is first made
    )

    text = _leading_lines(doc, DATELINE_LINES)
    start = 0
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


def _leading_lines(doc: Doc, lines: int) -> str:
    """The document's text up to its `lines`-th line break (all of it if it has fewer), whole tokens: the rule
    above reads no further, and `Doc.text` would join every token of the article. The prefix holds the text's
    first `lines` line breaks, so each line the rule reads is whole and at the same offsets as in `Doc.text`."""
    parts: list[str] = []
    breaks = 0
    for tok in doc:
        parts.append(tok.text_with_ws)
        breaks += parts[-1].count("\n")
        if breaks >= lines:
            break
    return "".join(parts)
