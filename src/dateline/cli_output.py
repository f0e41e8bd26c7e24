"""What `dateline extract` does between reading inputs and printing: batching, progress, formats, summary.

A single document is all or nothing: a bad input raises its `InputError` (the CLI prints it, exit code 1).
An article that is read but not coded (not English) is written with `not_coded` set and named in a one-line
warning on stderr; the exit code is 1 when no article was coded.
Several documents (more than one argument, a directory, a glob, a JSONL corpus) run to the end: a bad item is
reported on stderr and skipped, a progress bar counts on stderr, and a summary line counts both kinds.
Reports come out in input order; with `--format jsonl` a JSONL corpus gives one line per article read.
The export formats (`acled`, `plover`) hold what the decision keeps, as `dateline export` does: an event under the
cut (`--min-confidence`, default the shipped model's) is left out and counted on stderr, and so, at any cut above 0,
is one the decision sends to review whatever its probability, as the store's exports do. The report formats
(`json`, `jsonl`, `table`) list every event, those waiting for review flagged `needs_review`: judged at the review
cut (DATELINE_MIN_CONFIDENCE, else the shipped model's), the rule every reader of the store follows
(`dateline.review`); `--min-confidence` chooses rows to write, not which need review.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Self

import typer

from dateline.errors import DatelineError, InputError, UsageError
from dateline.model import Article, Event, Report
from dateline.outputs import open_output
from dateline.pipeline import Pipeline
from dateline.review import forced_review, report_at_cut
from dateline.settings import Settings

# json/jsonl: Reports; table: a terminal view; plover: PLOVER JSONL, one line per statement
# (dateline.export.plover); acled: ACLED CSV, one row per event, 31 columns (dateline.export.acled).
FORMATS = ("json", "jsonl", "table", "plover", "acled")
EXPORT_FORMATS = ("plover", "acled")  # rows meant to be used as data: only the events the decision keeps


def _articles(pipeline: Pipeline, inputs: list[str], failures: list[InputError],
              on_failure: Callable[[InputError], None]) -> Iterator[Article]:
    for source in inputs:
        for item in pipeline.read(source):
            if isinstance(item, InputError):
                failures.append(item)
                on_failure(item)
            else:
                yield item


class _Writer:
    """Writes reports in one format; several reports in `json` make one JSON array.

    A source that looked single can still hold several articles (a JSONL corpus on stdin), so in `json` the
    first report waits until the second shows whether an array is needed.
    """

    def __init__(self, fmt: str, out: IO[str], many: bool, cut: float = 0.0, review_cut: float = 0.0) -> None:
        self.fmt, self.out, self.many, self.cut, self.review_cut = fmt, out, many, cut, review_cut
        self.count = 0
        self.left_out = 0  # events under the cut, not written in an export format
        self.held_for_review = 0  # events the decision sends to review whatever the cut, not written either
        self._held: str | None = None

    def write(self, report: Report) -> None:
        from dateline.cli_table import render_report

        report = report_at_cut(report, self.review_cut)
        if self.fmt in EXPORT_FORMATS:
            report = self._kept_only(report)
        if self.fmt == "jsonl":
            self.out.write(report.model_dump_json() + "\n")
        elif self.fmt == "json":
            body = report.model_dump_json(indent=2)
            if self.count == 0 and not self.many:
                self._held = body
            else:
                if self._held is not None:
                    self.out.write("[\n" + self._held)
                    self._held = None
                    self.many = True
                self.out.write(("[\n" if self.count == 0 else ",\n") + body)
        elif self.fmt == "plover":
            from dateline.export.plover import plover_jsonl

            self.out.write(plover_jsonl(report))
        elif self.fmt == "acled":
            from dateline.export.acled import write_acled_csv

            write_acled_csv([report], self.out, header=self.count == 0)
        else:
            self.out.write(render_report(report) + "\n")
        self.count += 1

    def _kept_only(self, report: Report) -> Report:
        kept: list[Event] = []
        for event in report.events:
            if event.confidence < self.cut:
                self.left_out += 1
            elif self.cut > 0 and forced_review(event.flags):
                self.held_for_review += 1
            else:
                kept.append(event)
        return report.model_copy(update={"events": kept})

    def close(self) -> None:
        if self._held is not None:
            self.out.write(self._held + "\n")
        elif self.fmt == "json" and self.many:
            self.out.write("\n]\n" if self.count else "[]\n")


def run_extract(inputs: list[str], fmt: str, output: Path | None, settings: Settings,
                min_confidence: float = 0.0) -> int:
    """Extract every input and write reports; returns the process exit code. `min_confidence` is the cut the
    export formats keep events at."""
    from dateline.extraction.decide import review_threshold
    from dateline.ingest.sources import is_multi

    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if not inputs:
        raise DatelineError("give at least one input: a file, directory, glob, JSONL corpus, URL or - for stdin")
    many = len(inputs) > 1 or any(is_multi(source) for source in inputs)
    pipeline = Pipeline(settings)
    failures: list[InputError] = []
    not_coded = 0
    out: IO[str] = open_output(output) if output else sys.stdout
    writer = _Writer(fmt, out, many, cut=min_confidence, review_cut=review_threshold(settings))
    try:
        with Progress(show=many, total=_known_total(inputs)) as progress:
            def skipped(err: InputError) -> None:
                if many:  # a single input's error is raised after the run, as the command's one error line
                    progress.note(f"skipped: {err}")
                    progress.tick()

            for report in pipeline.pipe(_articles(pipeline, inputs, failures, skipped)):
                if report.not_coded:  # read but not coded (not English, too long): say so on one line
                    not_coded += 1
                    progress.note(f"warning: {_name(report.article)}: not coded: {report.not_coded}")
                writer.write(report)
                progress.tick()
        writer.close()
    finally:
        if output:
            out.close()
    if writer.left_out:
        typer.echo(f"{writer.left_out} event(s) under the cut {min_confidence:g} left out of the {fmt} output "
                   "(--min-confidence 0 keeps them)", err=True)
    if writer.held_for_review:
        typer.echo(f"{writer.held_for_review} event(s) left out of the {fmt} output for a reviewer whatever the cut "
                   "above 0 (a place or a toll the text does not settle; --format table lists them)", err=True)
    if not many and writer.count + len(failures) > 1:
        # one input that held several items (a feed URL, a corpus on stdin): its bad items are skipped like a
        # corpus's, not made the command's one error after the good ones were written
        for err in failures:
            typer.echo(f"skipped: {err}", err=True)
        many = True
    if not many and failures:
        raise failures[0]
    coded = writer.count - not_coded
    if many:
        typer.echo(f"{coded} article(s) extracted, {len(failures)} input(s) skipped"
                   + (f", {not_coded} not coded" if not_coded else ""), err=True)
    return 0 if coded else 1


def _name(article: Article) -> str:
    return article.path or article.url or article.id


def _known_total(inputs: list[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (files, not corpus lines)."""
    from dateline.ingest.sources import directory_files, is_url, reader_for, unusable_path

    total = 0
    for source in inputs:
        if source == "-" or is_url(source) or unusable_path(source):
            total += 1
            continue
        path = Path(source)
        if path.is_dir():
            files = directory_files(path)
        elif path.exists():
            files = [path]
        else:
            import glob

            files = [Path(p) for p in glob.glob(source, recursive=True)]
            if not files:
                total += 1  # reported as one failure
                continue
        for file in files:
            if file.is_dir():
                return None
            if reader_for(file) is not None:
                return None  # a corpus: its line count is unknown until read
            total += 1
    return total


class Progress:
    """A rich progress bar on stderr for long work (`label`: "extracting", "merging"); notes print above it.
    Silent when not a terminal."""

    def __init__(self, show: bool, total: int | None, label: str = "extracting", lazy: bool = False) -> None:
        self.show = show and sys.stderr.isatty()
        self.total, self.label = total, label
        self.lazy = lazy  # drawn at the first `update`: work with nothing to count shows no bar
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Self:
        if self.show and not self.lazy:
            self._start()
        return self

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._bar.__enter__()
        self._task = self._bar.add_task(self.label, total=self.total)

    def tick(self) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1)

    def update(self, done: int, total: int) -> None:
        """Set the bar to `done` of `total` (for work that counts itself, as `merge_events` does)."""
        if self.show and self._bar is None:
            self.total = total
            self._start()
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total)

    def note(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            typer.echo(message, err=True)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def dump_json(obj: object) -> str:
    return json.dumps(obj, indent=2, default=str)
