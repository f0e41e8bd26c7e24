"""Multi-core extraction: the same `Pipeline.pipe`, spread over worker processes, results in input order.

Workers receive articles as JSON strings and send reports back as JSON strings: plain data only, so nothing
spaCy-specific (Doc extensions, Language objects) is ever pickled. Each worker builds its pipeline once.
Memory stays bounded: at most `2 × workers` chunks are in flight however long the input stream is.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from dateline.model import Article, Report
from dateline.pipeline import Pipeline
from dateline.settings import Settings

CHUNK_SIZE = 16


@functools.cache
def _worker_pipeline(settings_json: str) -> Pipeline:
    return Pipeline(Settings.model_validate_json(settings_json))


def _extract_chunk(settings_json: str, articles_json: list[str]) -> list[str]:
    pipeline = _worker_pipeline(settings_json)
    articles = [Article.model_validate_json(a) for a in articles_json]
    return [report.model_dump_json() for report in pipeline.pipe(articles)]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[str]]:
    stream = iter(articles)
    while chunk := list(islice(stream, size)):
        yield [article.model_dump_json() for article in chunk]


def pipe_parallel(
    articles: Iterable[Article], workers: int, settings: Settings | None = None, chunk_size: int = CHUNK_SIZE
) -> Iterator[Report]:
    """Reports for `articles` in input order, computed by `workers` processes (1 = in this process)."""
    settings = settings or Settings()
    if workers <= 1:
        yield from Pipeline(settings).pipe(articles)
        return
    settings_json = settings.model_dump_json()
    # fork shares the already-imported libraries with the workers; the model itself loads per worker, lazily.
    context = mp.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[list[str]]] = deque()
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(_extract_chunk, settings_json, chunk))
            if len(pending) >= 2 * workers:
                yield from _reports(pending.popleft())
        while pending:
            yield from _reports(pending.popleft())


def _reports(future: Future[list[str]]) -> Iterator[Report]:
    for report_json in future.result():
        yield Report.model_validate_json(report_json)
