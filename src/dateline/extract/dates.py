"""Date expressions → resolved dates (first pass from spaCy NER; the dates work replaces it)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, DateMention, Span
from dateline.resources import Resources


def dates_from_doc(article: Article, doc: Doc, resources: Resources) -> list[DateMention]:
    """Every date expression in the article, resolved against the article's publication date."""
    return [
        DateMention(span=Span.of(article.text, ent.start_char, ent.end_char), kind="vague", time_precision=3)
        for ent in doc.ents
        if ent.label_ == "DATE"
    ]


def date_for_event(
    dates: list[DateMention], trigger: Span, sentence: Span, paragraph: Span, article: Article
) -> DateMention | None:
    """The date expression that governs an event (same clause, sentence, then paragraph), or None."""
    return next((d for d in dates if sentence.start <= d.span.start < sentence.end), None)
