"""The annotate stage: one spaCy Language per process, with dateline's registered components."""

from dateline.nlp.pipeline import build_nlp, get_nlp

__all__ = ["build_nlp", "get_nlp"]
