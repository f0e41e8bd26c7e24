"""`process_batch`: the one pure entry point that local workers and the Ray adapter both map over records.

A record is a plain dict as in a JSONL corpus line (`text` or `html`, optional `id`, `url`, `title`,
`published`, `publisher`). The result, one dict per record and in the same order, is either a Report
(`model_dump(mode="json")`) or a failure `{"id": …, "error": …}`. Plain data in, plain data out: nothing
spaCy-specific crosses a process or machine boundary, so `Doc._` extensions never need pickling.
"""

from __future__ import annotations

import functools
from typing import Any

from dateline.errors import DatelineError
from dateline.model import Article
from dateline.pipeline import Pipeline
from dateline.settings import Settings

FAILURE_KEY = "error"


@functools.cache
def _process_pipeline() -> Pipeline:
    """One pipeline per process (per Ray actor): the spaCy model and gazetteer load once."""
    return Pipeline(Settings())


def article_from_record(record: dict[str, Any], settings: Settings | None = None) -> Article:
    """A corpus record → Article, through the same reader the JSONL ingest uses for each line."""
    from dateline.ingest.corpora import _record_article

    where = f"record {record.get('id')}" if record.get("id") is not None else "record"
    return _record_article(record, where, settings or Settings())


def process_batch(records: list[dict[str, Any]], pipeline: Pipeline | None = None) -> list[dict[str, Any]]:
    """Reports (as dicts) for a batch of corpus records, in input order; bad records become failure dicts."""
    pipeline = pipeline or _process_pipeline()
    results: list[dict[str, Any] | None] = [None] * len(records)
    articles: list[Article] = []
    slots: list[int] = []
    for index, record in enumerate(records):
        try:
            articles.append(article_from_record(record, pipeline.settings))
            slots.append(index)
        except DatelineError as err:
            results[index] = {"id": record.get("id"), FAILURE_KEY: str(err)}
    for index, report in zip(slots, pipeline.pipe(articles), strict=True):
        results[index] = report.model_dump(mode="json")
    return [r for r in results if r is not None]


def is_failure(result: dict[str, Any]) -> bool:
    return FAILURE_KEY in result and "article" not in result
