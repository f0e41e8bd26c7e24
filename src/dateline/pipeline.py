"""The library's front door: `Pipeline` runs ingest → annotate → extract; `extract()` does it for one input.

The CLI, the HTTP API and the cluster adapter are thin shells over these calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article, Report
from dateline.resources import Resources
from dateline.settings import Settings


class Pipeline:
    """Holds the loaded resources; build one per process and reuse it for every article."""

    def __init__(self, settings: Settings | None = None, resources: Resources | None = None) -> None:
        self.settings = settings or (resources.settings if resources else Settings())
        self.resources = resources or Resources(self.settings)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Report]:
        """Reports for articles, in input order; spaCy annotates them in batches."""
        from dateline.extract import build_report

        nlp = self.resources.nlp
        stream = ((article.text, article) for article in articles)
        for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=self.settings.batch_size):
            yield build_report(article, doc, self.resources)

    def extract_article(self, article: Article) -> Report:
        return next(self.pipe([article]))

    def extract_text(self, text: str, **article_fields: object) -> Report:
        from dateline.ingest import article_from_text

        return self.extract_article(article_from_text(text, **article_fields))  # type: ignore[arg-type]

    def read(self, source: str | Path) -> Iterator[Article | InputError]:
        from dateline.ingest import read_source

        return read_source(str(source), self.settings)


def extract(source: str | Path, settings: Settings | None = None) -> Report:
    """Extract one input: a path, a URL or "-" for stdin. Raises InputError when it holds no article."""
    pipeline = Pipeline(settings)
    for item in pipeline.read(source):
        if isinstance(item, InputError):
            raise item
        return pipeline.extract_article(item)
    raise InputError(str(source), "no article found")
