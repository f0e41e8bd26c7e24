"""A blank line ends a sentence.

The packaged parser segments sentences from syntax alone, so a headline without a full stop, the byline under it
and the lead paragraph can come out as one "sentence" ("Angry residents storm Basra council By Wire Desk BASRA,
Iraq — Hundreds of protesters stormed ..."). Everything dateline reads per sentence (the event's trigger and
clause, its place and date, quotes) then mixes the headline's words with the lead's. The parser keeps sentence
starts set before it runs, so this component marks the first token after each blank line as one.
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
    return doc
