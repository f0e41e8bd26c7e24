"""`run_evaluation`: load gold, get predictions (a file, or dateline run on the gold's own text), score."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from dateline.errors import DatelineError, InputError, UsageError, json_fault
from dateline.evaluate.acled import score_acled
from dateline.evaluate.articles import score_article
from dateline.evaluate.gold import GoldDoc, load_gold, read_text_file
from dateline.evaluate.scores import Scores
from dateline.model import Article, Report

# Seconds one article may take before it is scored as empty (a stuck stage must not stall a benchmark).
DEFAULT_TIMEOUT = 60.0


def run_evaluation(gold: list[Path], pred: Path | None = None, *, limit: int | None = None,
                   sample: bool = False, seed: int = 0, pipeline: object | None = None,
                   progress: bool = True, min_confidence: float | None = None) -> Scores:
    """Score predictions (or a fresh dateline run) against gold files.

    `limit` keeps N gold documents spread evenly over the files (a random N with `sample`, by `seed`);
    `pipeline` lets callers and tests hand in an already loaded `Pipeline`. Events count as a user's exports
    hold them: those the decision keeps (no `needs_review` flag), or under `min_confidence` (default: the user's
    DATELINE_MIN_CONFIDENCE) those whose confidence reaches it and that the decision did not send to review
    whatever their probability (0: every event the rules propose).
    """
    if min_confidence is None:
        from dateline.settings import Settings

        # the user's cut (DATELINE_MIN_CONFIDENCE) moves what the exports hold, so it moves what is scored
        min_confidence = Settings().min_confidence
    docs = select(load_gold([Path(g) for g in gold]), limit, sample, seed)
    scores = Scores(gold_files=[str(g) for g in gold])
    if not docs:
        scores.warnings.append("the gold files hold no documents")
        return scores
    if pred is not None:
        reports = pair_predictions(docs, read_predictions(Path(pred)), scores)
    else:
        reports = run_pipeline(docs, pipeline, scores, progress=progress)
    for doc, report in zip(docs, reports, strict=True):
        score_document(doc, kept_events(report, min_confidence), scores)
    return scores


def kept_events(report: Report, min_confidence: float | None) -> Report:
    """The report with only the events a user's exports would hold at this cut: under a cut above 0, those the
    exports' rule (`review.review_flags`) does not send to review; without one, those the decision kept."""
    from dateline.review import NEEDS_REVIEW, review_flags

    if min_confidence is None:
        kept = [e for e in report.events if NEEDS_REVIEW not in e.flags]
    else:
        kept = [e for e in report.events if min_confidence <= 0
                or NEEDS_REVIEW not in review_flags(e.flags, e.confidence, "pending", min_confidence)]
    return report if len(kept) == len(report.events) else report.model_copy(update={"events": kept})


def score_document(doc: GoldDoc, report: Report, scores: Scores) -> None:
    scores.documents += 1
    if doc.kind == "acled":
        score_acled(doc, report, scores)
    else:
        score_article(doc, report, scores)


def select(docs: list[GoldDoc], limit: int | None, sample: bool, seed: int) -> list[GoldDoc]:
    if limit is not None and limit < 1:  # 0 would score nothing and report "no documents" in the gold files
        raise UsageError(f"--limit {limit}: expected a positive number of documents")
    if limit is None or limit >= len(docs):
        return docs
    return [docs[i] for i in spread(len(docs), limit, sample, seed)]


def spread(total: int, limit: int, sample: bool = False, seed: int = 0) -> list[int]:
    """`limit` indexes of `total`: evenly spaced (gold files are often grouped by source or label, so the first
    N would not be representative), or a random sample when `sample`; both reproducible."""
    if limit >= total:
        return list(range(total))
    if sample:
        return sorted(random.Random(seed).sample(range(total), limit))
    return [i * total // limit for i in range(limit)]


# --- predictions from a file -----------------------------------------------------------------------------


def read_predictions(path: Path) -> list[Report]:
    """Reports from a JSON file (one Report, a list, or {"reports": [...]}) or JSONL (one Report per line)."""
    text = read_text_file(path, "predictions")
    if not text.strip():  # scored, it would read as a dateline that found nothing, under a page of warnings
        raise DatelineError(f"{path}: holds no predicted reports (an empty file?)")
    records: list[object]
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        records = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise DatelineError(f"{path}: line {lineno} is not valid JSON ({json_fault(err)})") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise DatelineError(f"{path}: not valid JSON ({json_fault(err, line=True)})") from None
        records = data if isinstance(data, list) else data.get("reports", [data]) if isinstance(data, dict) else []
    reports = []
    for i, rec in enumerate(records, 1):
        try:
            reports.append(Report.model_validate(rec))
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise DatelineError(f"{path}: report {i} is not a dateline Report ({where}: {first['msg']})") from None
    return reports


def pair_predictions(docs: list[GoldDoc], reports: list[Report], scores: Scores) -> list[Report]:
    """The report for each gold document: by `article.id` == gold id, else by position when no id matches."""
    by_id = {r.article.id: r for r in reports}
    if any(d.id in by_id for d in docs):
        paired = []
        for doc in docs:
            report = by_id.get(doc.id)
            if report is None:
                scores.warnings.append(f"{doc.id}: no predicted report with this article.id; scored as empty")
                report = empty_report(doc)
            paired.append(report)
        return paired
    if len(reports) < len(docs):
        scores.warnings.append(f"{len(reports)} predicted reports for {len(docs)} gold documents (paired by "
                               "order); the rest scored as empty")
    elif len(reports) > len(docs):  # e.g. a corpus's reports scored against one gold file: the first was used
        scores.warnings.append(f"{len(reports)} predicted reports for {len(docs)} gold documents (paired by "
                               f"order, no article.id matched a gold id); only the first {len(docs)} scored")
    return [reports[i] if i < len(reports) else empty_report(doc) for i, doc in enumerate(docs)]


def empty_report(doc: GoldDoc) -> Report:
    return Report(article=Article(id=doc.id, text=doc.text or ""))


# --- predictions from dateline itself --------------------------------------------------------------------


def gold_article(doc: GoldDoc, pipeline: object) -> Article:
    """The article dateline would read for this gold document (the gold's id kept)."""
    from dateline.ingest import article_from_text

    if doc.text_path is not None:
        for item in pipeline.read(doc.text_path):  # type: ignore[attr-defined]
            if isinstance(item, InputError):
                raise DatelineError(f"{doc.source}: cannot read text_file: {item}")
            return item.model_copy(update={"id": doc.id})
        raise DatelineError(f"{doc.source}: text_file {doc.text_path} holds no article")
    return article_from_text(doc.text or "", article_id=doc.id)


def run_pipeline(docs: list[GoldDoc], pipeline: object | None, scores: Scores, *,
                 progress: bool = True) -> list[Report]:
    """dateline's reports for the gold texts, in batches through `Pipeline.pipe`."""
    from dateline.pipeline import Pipeline

    pipe = pipeline if pipeline is not None else Pipeline()
    return reports_for([gold_article(doc, pipe) for doc in docs], pipe, scores, progress=progress)


def reports_for(articles: list[Article], pipe: object, scores: Scores, *, progress: bool = True,
                label: str = "evaluating", timeout: float | None = DEFAULT_TIMEOUT) -> list[Report]:
    """One report per article, in order, batched through `pipe.pipe` with a progress bar.

    Uses the runner's `safe_pipe`, as `dateline run` does: an article that crashes a stage or takes longer than
    `timeout` seconds is named in `scores.warnings` and scored as empty, so one bug neither ends nor stalls
    a long evaluation.
    """
    from dateline.runner import safe_pipe

    size = max(1, getattr(getattr(pipe, "settings", None), "batch_size", 32))
    reports: list[Report] = []
    with progress_bar(len(articles), show=progress and len(articles) > 1, label=label) as tick:
        for item in safe_pipe(pipe, articles, size, timeout):
            article = articles[len(reports)]
            if isinstance(item, Report):
                reports.append(item)
            else:
                reason = getattr(item, "reason", str(item))
                scores.warnings.append(f"{article.id}: dateline failed ({reason}); scored as empty")
                scores.count("documents dateline failed on")
                reports.append(Report(article=article))
            tick(1)
    return reports


class progress_bar:
    """A rich progress bar on stderr when it is a terminal; a silent counter otherwise."""

    def __init__(self, total: int, show: bool = True, label: str = "evaluating") -> None:
        self.total = total
        self.label = label
        self.show = show and sys.stderr.isatty()

    def __enter__(self) -> Callable[[int], None]:
        if not self.show:
            return lambda n=1: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             console=Console(stderr=True), transient=True)
        self._bar.__enter__()
        task = self._bar.add_task("evaluate", total=self.total)
        return lambda n=1: self._bar.update(task, advance=n)

    def __exit__(self, *exc: object) -> None:
        if self.show:
            self._bar.__exit__(*exc)  # type: ignore[arg-type]

