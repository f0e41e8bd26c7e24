"""Quotes and their speakers (to be built by the quotes work)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Quote
from dateline.resources import Resources


def quotes_from_doc(article: Article, doc: Doc, resources: Resources) -> list[Quote]:
    return []
