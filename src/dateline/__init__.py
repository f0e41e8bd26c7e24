"""dateline: news reports to verified, geocoded, source-attributed event data."""

from __future__ import annotations

import sys
import types
from importlib.metadata import PackageNotFoundError, version
from typing import Any

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


class _CallableStage(types.ModuleType):
    """The extract stage's package, callable as the documented `dateline.extract(source)`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Report:
        from dateline.pipeline import extract as run

        return run(*args, **kwargs)


class _Package(types.ModuleType):
    """`dateline` itself. Importing the subpackage `dateline.extract` (the first extraction does) binds its
    module to the name of the function `dateline.extract`, so a second `dateline.extract(path)` in the same
    program failed with "'module' object is not callable". The subpackage is made callable as the function
    instead, and `import dateline.extract.decide` keeps finding the modules."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and type(value) is types.ModuleType:
            value.__class__ = _CallableStage
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
if isinstance(sys.modules.get(f"{__name__}.extract"), types.ModuleType):  # imported before this line ran
    sys.modules[f"{__name__}.extract"].__class__ = _CallableStage

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
