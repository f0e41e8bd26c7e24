"""What `dateline extract` does between reading inputs and printing: batching, progress, formats, summary."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import typer

from dateline.errors import DatelineError, InputError
from dateline.model import Article, Report
from dateline.pipeline import Pipeline
from dateline.settings import Settings

FORMATS = ("json", "jsonl", "table")


def _articles(pipeline: Pipeline, inputs: list[str], failures: list[InputError]) -> Iterator[Article]:
    for source in inputs:
        for item in pipeline.read(source):
            if isinstance(item, InputError):
                failures.append(item)
                typer.echo(f"skipped: {item}", err=True)
            else:
                yield item


def run_extract(inputs: list[str], fmt: str, output: Path | None, settings: Settings) -> int:
    """Extract every input and write reports; returns the process exit code."""
    from dateline.cli_table import render_report

    if fmt not in FORMATS:
        raise DatelineError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    pipeline = Pipeline(settings)
    failures: list[InputError] = []
    reports: Iterator[Report] = pipeline.pipe(_articles(pipeline, inputs, failures))
    single = len(inputs) == 1 and not _is_corpus(inputs[0])
    out: IO[str] = output.open("w", encoding="utf-8") if output else sys.stdout
    done = 0
    try:
        with _progress(show=not single) as tick:
            for report in reports:
                done += 1
                tick()
                if fmt == "jsonl":
                    out.write(report.model_dump_json() + "\n")
                elif fmt == "json":
                    out.write(report.model_dump_json(indent=2) + "\n")
                else:
                    out.write(render_report(report) + "\n")
    finally:
        if output:
            out.close()
    if single and failures:
        raise failures[0]
    if not single:
        typer.echo(f"{done} article(s) extracted, {len(failures)} failed", err=True)
    if done == 0:
        return 1
    return 0


def _is_corpus(source: str) -> bool:
    path = Path(source)
    return path.is_dir() or path.suffix.lower() in {".jsonl", ".ndjson"} or any(c in source for c in "*?[")


class _progress:
    """A spinner-style counter on stderr for multi-item runs (rich), silent for a single file."""

    def __init__(self, show: bool) -> None:
        self.show = show and sys.stderr.isatty()

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.show:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.fields[rate]}"), transient=False,
        )
        self._progress.__enter__()
        task = self._progress.add_task("extract", total=None, rate="")
        return lambda: self._progress.update(task, advance=1)

    def __exit__(self, *exc: object) -> None:
        if self.show:
            self._progress.__exit__(*exc)  # type: ignore[arg-type]


def dump_json(obj: object) -> str:
    return json.dumps(obj, indent=2, default=str)
