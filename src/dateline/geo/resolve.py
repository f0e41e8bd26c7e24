"""Toponym → Place (first pass from spaCy NER; the geocoding work replaces it with gazetteer resolution)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Place, Span
from dateline.resources import Resources


def places_from_doc(article: Article, doc: Doc, resources: Resources) -> list[Place]:
    """Every toponym mention in the article, resolved as far as the context allows."""
    return [
        Place(mention=ent.text, span=Span.of(article.text, ent.start_char, ent.end_char))
        for ent in doc.ents
        if ent.label_ in {"GPE", "LOC", "FAC"}
    ]


def place_for_event(places: list[Place], sentence: Span, paragraph: Span, article: Article) -> Place | None:
    """The place where an event reported in `sentence` happened (None when the text does not say)."""
    return next((p for p in places if sentence.start <= p.span.start < sentence.end), None)
