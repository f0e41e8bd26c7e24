"""Compare two event-decision models on the development sets, each difference with a paired bootstrap interval.

    python tools/compare_decisions.py NEW.json                      # NEW against the shipped model
    python tools/compare_decisions.py NEW.json --base OLD.json      # NEW against OLD
    python tools/compare_decisions.py NEW.json --only glocon --only dev2

`tools/train_event_model.py` writes its model into the package; copy the shipped file aside first and pass the
two files here. The development sets that judge a retrained model are small: the tuning split's GLOCON
development half holds 18 articles that report a contentious event, our own gold's dev2 half 25 coded events, so
one article moves a figure by two to five points. Each figure is printed for both models with the difference's
95 % interval from a paired bootstrap over the set's rows (articles or notes) and how many rows changed outcome;
an interval that holds zero is no evidence either way. Only development halves are read: the tuning split's
"dev" halves (gold/tuning_split.json) and own gold dev2 (GLOCON texts, which train nothing). The rules run once
per text; only the decision differs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from benchmarks.accuracy import EVAL, NO_EVENT, NON_ACLED, binary_prf, case_label, read_jsonl, weighted_f1
from benchmarks.event_gold import labelled_articles, match
from dateline.evaluate.events import best_event
from dateline.extraction import build_report
from dateline.extraction import decide as decide_mod
from dateline.extraction.decide import NEEDS_REVIEW, EventModel
from dateline.extraction.events import reports_event
from dateline.ingest import article_from_text
from dateline.model import Article, Event, Report
from dateline.resources import Resources
from dateline.settings import Settings

TUNING_SPLIT = ROOT / "gold" / "tuning_split.json"
SHIPPED = ROOT / "src" / "dateline" / "data" / "models" / decide_mod.MODEL_FILE
RESAMPLES = 2000
Outcome = Any  # one row's outcome under one model; a set's score function reads a list of them


def read_model(path: Path) -> EventModel:
    try:
        return EventModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as exc:
        raise SystemExit(f"error: {path}: not an event-decision model ({exc})") from exc


def kept(report: Report) -> list[Event]:
    return [e for e in report.events if NEEDS_REVIEW not in e.flags]


def reports_under(models: list[EventModel], articles: list[tuple[Article, Any]], resources: Resources
                  ) -> Iterator[tuple[Any, list[Report]]]:
    """Each article parsed once, then reported once under each model (the module's model swapped in turn)."""
    shipped = decide_mod.event_model
    try:
        for doc, (article, row) in resources.nlp.pipe(((a.text, (a, r)) for a, r in articles), as_tuples=True,
                                                      batch_size=16):
            reports = []
            for model in models:
                decide_mod.event_model = lambda model=model: model
                reports.append(build_report(article, doc, resources))
            yield row, reports
    finally:
        decide_mod.event_model = shipped


def tuning_dev(file_name: str, keep: Callable[[dict[str, Any]], bool] = lambda r: True) -> list[dict[str, Any]]:
    dev = {str(i) for i in json.loads(TUNING_SPLIT.read_text(encoding="utf-8"))[file_name]["dev"]}
    return [r for r in read_jsonl(EVAL / f"{file_name}.jsonl", None, False, 0, keep) if str(r["id"]) in dev]


def plain_articles(rows: list[dict[str, Any]]) -> list[tuple[Article, Any]]:
    return [(article_from_text(r["text"], article_id=str(r["id"])), r) for r in rows]


def acled_outcome(row: dict[str, Any], report: Report) -> Outcome:
    event = best_event(row, kept(report))  # as `dateline evaluate` scores a note
    return event is not None and event.event_type == row["event_type"]


def case_outcome(row: dict[str, Any], report: Report) -> Outcome:
    gold = NO_EVENT if row["label"] in NON_ACLED else row["label"]
    return gold, case_label(report.model_copy(update={"events": kept(report)}))


def glocon_outcome(row: dict[str, Any], report: Report) -> Outcome:
    return row["label"] == 1, reports_event(report)


def gold_outcome(item: Any, report: Report) -> Outcome:
    events = kept(report)
    return len(match(item, events)), len(events), len(item.gold_ranges)  # right, kept, coded


def accuracy(outcomes: list[Outcome]) -> float:
    return sum(outcomes) / max(1, len(outcomes))


def case_f1(outcomes: list[Outcome]) -> float:
    return weighted_f1([g for g, _ in outcomes], [p for _, p in outcomes]) or 0.0


def binary_f1(outcomes: list[Outcome]) -> float:
    return binary_prf([g for g, _ in outcomes], [p for _, p in outcomes])["f1"] or 0.0


def gold_f1(outcomes: list[Outcome]) -> float:
    right, kept_n, coded = (sum(o[k] for o in outcomes) for k in range(3))
    return 2 * right / max(1, kept_n + coded)


SETS: dict[str, tuple[str, Callable[[], list[tuple[Article, Any]]], Callable[..., Outcome],
                      Callable[[list[Outcome]], float]]] = {
    "acled": ("ACLED notes dev, event_type", lambda: plain_articles(tuning_dev("acled_notes_tune")),
              acled_outcome, accuracy),
    "case": ("CASE dev, weighted F1", lambda: plain_articles(tuning_dev("case2021_task2_tune")), case_outcome,
             case_f1),
    "glocon": ("GLOCON dev, F1", lambda: plain_articles(tuning_dev("glocon_docs_tune", lambda r: r["label"] in (0, 1))),
               glocon_outcome, binary_f1),
    "dev2": ("own gold dev2, kept events F1", lambda: [(it.article, it) for it in labelled_articles("dev2", {"glocon"})],
             gold_outcome, gold_f1),
}


def paired_interval(base: list[Outcome], new: list[Outcome], score: Callable[[list[Outcome]], float],
                    seed: int = 0) -> tuple[float, float]:
    """95 % interval of score(new) - score(base) over rows resampled with replacement, the same rows for both."""
    rng = random.Random(seed)
    n = len(base)
    diffs = []
    for _ in range(RESAMPLES):
        rows = [rng.randrange(n) for _ in range(n)]
        diffs.append(score([new[i] for i in rows]) - score([base[i] for i in rows]))
    diffs.sort()
    return diffs[int(0.025 * RESAMPLES)], diffs[int(0.975 * RESAMPLES) - 1]


def compare(name: str, base: EventModel, new: EventModel, resources: Resources) -> str:
    title, articles, outcome, score = SETS[name]
    pairs = [(outcome(row, a), outcome(row, b)) for row, (a, b) in reports_under([base, new], articles(), resources)]
    base_out, new_out = [p[0] for p in pairs], [p[1] for p in pairs]
    low, high = paired_interval(base_out, new_out, score)
    changed = sum(1 for a, b in pairs if a != b)
    return (f"{title:32} base {score(base_out):.3f}  new {score(new_out):.3f}  difference "
            f"{score(new_out) - score(base_out):+.3f} (95 % {low:+.3f} to {high:+.3f}); {changed} of {len(pairs)} rows changed")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("new", type=Path, help="the candidate model (JSON as tools/train_event_model.py writes it)")
    ap.add_argument("--base", type=Path, default=SHIPPED, help="the model to compare with (default: the shipped one)")
    ap.add_argument("--only", action="append", choices=sorted(SETS), help="score only this set (repeatable)")
    args = ap.parse_args(argv)
    if not EVAL.is_dir():
        raise SystemExit(f"error: {EVAL} not found: the development sets live in ../shared/eval (or $DATELINE_SHARED/eval)")
    base, new = read_model(args.base), read_model(args.new)
    resources = Resources(Settings())
    for name in args.only or list(SETS):
        print(compare(name, base, new, resources), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
