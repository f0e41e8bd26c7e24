"""The text of a parsed document, read once.

spaCy's `Doc.text` joins every token's text on each access (about a millisecond for a news article), and the
extract stage asks for it thousands of times per corpus: speaker descriptions, claim sentences, date anchors.
The joined string is kept in the document's `user_data`, which the document carries through the pipeline; the
text of a Doc never changes after tokenization (retokenizing merges tokens, not characters).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = ("dateline", "text")


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return text
