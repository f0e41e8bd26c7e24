"""Corpus runs: stream inputs through the pipeline into the store, resumably, in bounded memory.

`run_corpus(inputs, store, settings)` reads files, directories, JSONL corpora, RSS/Atom feeds and WARC archives
one item at a time; articles already processed by this pipeline version are skipped (looked up by content hash
in chunks); the rest are extracted and written in batches, ONE transaction per batch holding the articles, their
reports and the batch's failures. A process killed at any moment (kill -9) therefore leaves only whole
batches: the next run skips what was committed and redoes the rest, so no article is lost or stored twice.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from dateline.errors import DatelineError, InputError
from dateline.model import Article, Report
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.repository import content_hash
from dateline.version import PIPELINE_VERSION

T = TypeVar("T")
# `dateline run` exit codes (1 is an error that stopped the run, 2 a command-line usage error, 130 Ctrl-C)
EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 3, 4
LOOKUP_CHUNK = 256  # articles whose hashes are checked against the store in one query
RECENT_HASHES = 100_000  # duplicates within one run are caught in this window (bounded memory)


@dataclass
class RunStats:
    run_id: int | None = None
    articles: int = 0
    skipped: int = 0
    events: int = 0
    failures: int = 0
    started: float = field(default_factory=time.perf_counter)
    notes: list[str] = field(default_factory=list)

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.articles / self.elapsed if self.elapsed > 0 else 0.0

    def summary(self) -> str:
        return (f"run {self.run_id}: {self.articles} articles stored, {self.events} events, {self.skipped} "
                f"already done, {self.failures} failures in {self.elapsed:.1f} s ({self.rate:.1f} articles/s)")

    @property
    def exit_code(self) -> int:
        """The run's outcome for scripts (`dateline run --help` documents it): EXIT_OK, EXIT_PARTIAL when some
        items failed, EXIT_NOTHING when no article was stored or found already done."""
        if self.articles == 0 and self.skipped == 0:
            return EXIT_NOTHING
        return EXIT_PARTIAL if self.failures else EXIT_OK

    def outcome(self) -> str | None:
        """One line on what went wrong, for the user (None when every item was stored or already done)."""
        where = f"`dateline failures --run {self.run_id}`"
        if self.exit_code == EXIT_NOTHING:
            if self.failures:
                return f"nothing was extracted: all {self.failures} input item(s) failed (see {where})"
            return "nothing was extracted: the inputs hold no articles"
        if self.failures:
            return f"{self.failures} input item(s) failed and were not extracted (see {where})"
        return None


@dataclass
class Failure:
    """An item that produced no report; `article` is set when the failure came after ingest."""

    item: str
    reason: str
    digest: str | None = None


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    if size < 1:  # islice(…, 0) would end the stream at once: every article silently left unread
        raise ValueError(f"batch size must be at least 1, not {size}")
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk


# -- reading ---------------------------------------------------------------------------------------------
def _expand(source: str) -> Iterator[str | Path | InputError]:
    """A directory becomes its files (sorted, recursive, hidden files skipped), or an InputError when it has
    none (an empty directory is a failure of the run, not nothing); anything else stays as is."""
    from dateline.ingest.sources import is_url, unusable_input

    refused = None if is_url(source) else unusable_input(source)
    if refused is not None:
        yield refused
        return
    path = Path(source)
    if path.is_dir():
        found = False
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                found = True
                yield child
        if not found:
            yield InputError(source, "directory holds no files")
    else:
        yield source


def read_inputs(inputs: Sequence[str], settings: Settings) -> Iterator[Article | InputError]:
    """Every article (or the reason it is not one) of every input, in order, one at a time."""
    from dateline.ingest import read_source
    from dateline.ingest.feeds import looks_like_feed, read_feed
    from dateline.ingest.warc import is_warc, read_warc

    for source in inputs:
        for item in _expand(source):
            if isinstance(item, InputError):
                yield item
                continue
            path = Path(item)
            try:
                if isinstance(item, Path) or path.exists():
                    if is_warc(path):
                        yield from read_warc(path, settings)
                        continue
                    if looks_like_feed(path):
                        yield from read_feed(path, settings)
                        continue
                yield from read_source(str(item), settings)
            except DatelineError as err:  # a reader that raises instead of yielding: record it and go on
                yield err if isinstance(err, InputError) else InputError(str(item), str(err))


def check_article(article: Article, settings: Settings) -> str | None:
    """Why an ingested article cannot be coded (None when it can): no text, too large, not English."""
    from dateline.pipeline import uncodable_reason

    if not article.text.strip():
        return "no main text"
    if len(article.text.encode("utf-8", "ignore")) > settings.max_input_bytes:
        return f"too large (over {settings.max_input_bytes} bytes)"
    return uncodable_reason(article, settings.max_article_chars)


def _item_name(article: Article) -> str:
    return article.path or article.url or article.id


# -- extraction ------------------------------------------------------------------------------------------
class ExtractionTimeout(Exception):
    """An article took longer than the per-article time limit."""


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ExtractionTimeout in this block after `seconds` (main thread on Unix only; elsewhere no limit)."""
    usable = (seconds and seconds > 0 and hasattr(signal, "SIGALRM")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _expire(_signum: int, _frame: object) -> None:
        raise ExtractionTimeout

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failure_reason(err: BaseException, timeout: float | None) -> str:
    if isinstance(err, ExtractionTimeout):
        return f"extraction timed out (over {timeout:g} s)"
    return f"extraction error: {type(err).__name__}: {err}"[:500]


def safe_pipe(pipeline: Any, articles: Iterable[Article], chunk: int,
              timeout: float | None = None) -> Iterator[Report | Failure]:
    """`Pipeline.pipe` that survives a bad article. Each report must arrive within `timeout` seconds of the
    previous one; when the pipeline raises or runs over, the reports already made are kept and the rest of the
    chunk is redone one article at a time, so only the article at fault becomes a Failure and the run neither
    ends nor hangs."""
    for batch in chunked(articles, chunk):
        done = 0
        stream = iter(pipeline.pipe(batch))
        try:
            while done < len(batch):
                with deadline(timeout):
                    report = next(stream)
                done += 1
                yield report
        except Exception:  # noqa: BLE001 - isolate the article at fault below
            for article in batch[done:]:
                try:
                    with deadline(timeout):
                        report = pipeline.extract_article(article)
                except Exception as err:  # noqa: BLE001 - any crash is one article's failure
                    yield Failure(_item_name(article), _failure_reason(err, timeout), content_hash(article))
                else:
                    yield report


def _parallel_pipe(articles: Iterable[Article], workers: int, settings: Settings,
                   notes: list[str]) -> Iterator[Report] | None:
    try:
        from dateline.parallel import pipe_parallel
    except ImportError:
        notes.append("dateline.parallel is not available: running in a single process")
        return None
    return pipe_parallel(articles, workers, settings)


# -- the run ---------------------------------------------------------------------------------------------
class _Todo:
    """Filters the input stream down to articles not yet processed; collects failures on the way."""

    def __init__(self, store: Store, settings: Settings, stats: RunStats, version: str) -> None:
        self.store, self.settings, self.stats, self.version = store, settings, stats, version
        self.failures: list[Failure] = []
        self.recent: OrderedDict[str, None] = OrderedDict()
        self.copies: list[tuple[str, Article]] = []  # exact copies from other outlets (dateline.reprints)

    def flush_copies(self, final: bool = False) -> None:
        """Record other outlets' exact copies; those whose original is not written yet wait (up to the end)."""
        from dateline.reprints import record_copies

        if self.copies and (final or len(self.copies) >= LOOKUP_CHUNK):
            pending = record_copies(self.store, self.copies)
            self.copies = [] if final else pending[-RECENT_HASHES:]

    def _seen(self, digest: str) -> bool:
        if digest in self.recent:
            return True
        self.recent[digest] = None
        if len(self.recent) > RECENT_HASHES:
            self.recent.popitem(last=False)
        return False

    def flush_failures(self) -> None:
        failures, self.failures = self.failures, []
        self.store.add_failures([(f.item, f.reason, f.digest) for f in failures], run_id=self.stats.run_id)
        self.stats.failures += len(failures)
        self.store.update_run(self.stats.run_id or 0, failures=len(failures))

    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for chunk in chunked(items, LOOKUP_CHUNK):
            fresh: list[Article] = []
            for item in chunk:
                if isinstance(item, InputError):
                    self.failures.append(Failure(item.source, item.reason))
                    continue
                reason = check_article(item, self.settings)
                if reason:
                    self.failures.append(Failure(_item_name(item), reason, content_hash(item)))
                    continue
                fresh.append(item)
            if len(self.failures) >= LOOKUP_CHUNK:  # a long run of bad items: write them now, memory stays bounded
                self.flush_failures()
            done = self.store.processed_hashes([content_hash(a) for a in fresh], self.version)
            for article in fresh:
                digest = content_hash(article)
                if digest in done or self._seen(digest):
                    self.stats.skipped += 1
                    if article.publisher or article.url:
                        self.copies.append((digest, article))
                    continue
                yield article


def run_corpus(inputs: Sequence[str], store: Store, settings: Settings | None = None, *, workers: int = 1,
               batch_size: int = 64, pipeline: Any = None, timeout: float | None = 120.0,
               on_batch: Callable[[RunStats], None] | None = None,
               items: Iterable[Article | InputError] | None = None) -> RunStats:
    """Extract every not-yet-processed article of `inputs` into `store`; returns the run's totals.

    `items` replaces reading `inputs` with articles read elsewhere (`dateline watch` reads only what is new;
    `inputs` then only names the run).
    `on_batch` is called after each committed batch (the CLI's progress bar). `pipeline` lets tests and
    benchmarks hand in a loaded `Pipeline`. `timeout` bounds the seconds one article may take (single-process
    runs): an article over it is recorded as a failure and the run goes on.
    """
    settings = settings or (pipeline.settings if pipeline is not None else Settings())
    stats = RunStats()
    stats.run_id = store.start_run(list(inputs), PIPELINE_VERSION)
    todo = _Todo(store, settings, stats, PIPELINE_VERSION)
    articles = todo.articles(read_inputs(inputs, settings) if items is None else items)
    results: Iterable[Report | Failure] | None = None
    if workers > 1:
        results = _parallel_pipe(articles, workers, settings, stats.notes)
    if results is None:
        if pipeline is None:
            from dateline.pipeline import Pipeline

            pipeline = Pipeline(settings)
        results = safe_pipe(pipeline, articles, max(settings.batch_size, 1) * 2, timeout)
    with _run_status(store, stats):
        for batch in chunked(results, batch_size):
            _write_batch(store, batch, todo, stats)
            todo.flush_copies()
            if on_batch:
                on_batch(stats)
        if todo.failures:
            _write_batch(store, [], todo, stats)
        todo.flush_copies(final=True)
    if on_batch:
        on_batch(stats)
    return stats


def _write_batch(store: Store, batch: list[Report | Failure], todo: _Todo, stats: RunStats) -> None:
    reports = [r for r in batch if isinstance(r, Report)]
    failures = todo.failures + [f for f in batch if isinstance(f, Failure)]
    todo.failures = []
    result = store.add_reports(reports, run_id=stats.run_id,
                               failures=[(f.item, f.reason, f.digest) for f in failures])
    stats.articles += result.stored
    stats.skipped += result.skipped
    stats.events += result.events
    stats.failures += len(failures)
    store.update_run(stats.run_id or 0, articles=result.stored, skipped=result.skipped, events=result.events,
                     failures=len(failures))


def run_reports(reports: Iterable[Report | DatelineError], store: Store, *, inputs: Sequence[str] = (),
                batch_size: int = 64, on_batch: Callable[[RunStats], None] | None = None) -> RunStats:
    """Store reports computed elsewhere (the Ray cluster) with the same batching, skipping and failures."""
    stats = RunStats()
    stats.run_id = store.start_run(list(inputs), PIPELINE_VERSION)
    todo = _Todo(store, Settings(), stats, PIPELINE_VERSION)

    def items() -> Iterator[Report | Failure]:
        for item in reports:
            if isinstance(item, Report):
                yield item
            else:
                source = getattr(item, "source", None) or "ray"
                yield Failure(str(source), getattr(item, "reason", None) or str(item))

    with _run_status(store, stats):
        for batch in chunked(items(), batch_size):
            _write_batch(store, batch, todo, stats)
            if on_batch:
                on_batch(stats)
    return stats


@contextlib.contextmanager
def _run_status(store: Store, stats: RunStats) -> Iterator[None]:
    """Record how the run's writing ended: finished, interrupted (Ctrl-C: the run stopped, nothing went wrong, the
    next one resumes it) or failed."""
    status = "failed"
    try:
        yield
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        with contextlib.suppress(Exception):  # never mask the original error
            store.update_run(stats.run_id, status=status)


class Progress:
    """A one-line progress display on stderr: articles/s, events found, failures (plain text when not a tty)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._bar: Any = None
        self._task: Any = None
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress as RichProgress
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = RichProgress(
                SpinnerColumn(), TextColumn("{task.fields[line]}"), TimeElapsedColumn(),
                console=Console(stderr=True), transient=False,
            )
            self._task = self._bar.add_task("run", line="starting…")
            self._bar.start()
        self._last = 0.0

    def __call__(self, stats: RunStats) -> None:
        line = (f"{stats.articles} articles ({stats.rate:.1f}/s) · {stats.events} events · "
                f"{stats.failures} failures · {stats.skipped} skipped")
        if self._bar is not None:
            self._bar.update(self._task, line=line)
        elif self.enabled and time.perf_counter() - self._last > 10:
            self._last = time.perf_counter()
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
