"""dateline: news reports to verified, geocoded, source-attributed event data."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from dateline.model import (
    Actor,
    Article,
    Claim,
    DateMention,
    Event,
    Place,
    Quote,
    RejectedCandidate,
    Report,
    SourceProfile,
    Span,
    Statement,
)
from dateline.pipeline import Pipeline, extract

try:
    __version__ = version("dateline")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "DateMention",
    "Event",
    "Pipeline",
    "Place",
    "Quote",
    "RejectedCandidate",
    "Report",
    "SourceProfile",
    "Span",
    "Statement",
    "__version__",
    "extract",
]
