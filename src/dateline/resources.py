"""Read-only resources shared by the extract stage, each loaded once, lazily, and handed in.

Tests and workers build one `Resources` and pass it down (dependency injection), so nothing re-reads a
file per document and a test can swap in a small resource.
"""

from __future__ import annotations

import functools
from typing import Any

from dateline.settings import Settings


class Resources:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @functools.cached_property
    def nlp(self) -> Any:
        from dateline.nlp.pipeline import get_nlp

        return get_nlp(self.settings.spacy_model)

    @functools.cached_property
    def gazetteer(self) -> Any:
        """The GeoNames gazetteer (dateline.geo.gazetteer), built into the cache dir on first use."""
        from dateline.geo.gazetteer import load_gazetteer

        return load_gazetteer(self.settings.cache_dir)

    @functools.cached_property
    def codebook(self) -> Any:
        """The ACLED codebook (event types, sub-types, inter codes, regions), parsed once."""
        from dateline.codebook import default_codebook

        return default_codebook()


@functools.cache
def default_resources() -> Resources:
    return Resources()
