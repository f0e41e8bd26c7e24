"""A blank line ends a sentence.

The packaged parser segments sentences from syntax alone, so a headline without a full stop, the byline under it
and the lead paragraph can come out as one "sentence" ("Angry residents storm Basra council By Wire Desk BASRA,
Iraq — Hundreds of protesters stormed ..."). Everything dateline reads per sentence (the event's trigger and
clause, its place and date, quotes) then mixes the headline's words with the lead's. The parser keeps sentence
starts set before it runs, so this component marks the first token after each blank line as one, and the lead's
first word after a wire dateline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and prev.is_space and prev.text.count("\n") >= 2:
            tok.is_sent_start = True
    _mark_story_after_dateline(doc)
    return doc


DATELINE_LINES = 4  # the lines a dateline may open: after a headline, a subtitle and a byline at most


def _mark_story_after_dateline(doc: Doc) -> None:
    """The lead's first word after its dateline ("KINSHASA, March 13 (Reuters) - Rebels killed …") starts the
    sentence: parsed with the city, the city became the subject of the lead's verb, a speaker and a source."""
    from dateline.ingest.metadata import (
        dateline_end,  # ingest's layout rules; loaded when a Doc is first made
    )

    text = doc.text
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
