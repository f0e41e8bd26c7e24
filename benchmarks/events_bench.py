"""Event detection and classification on the tuning split, in one command.

    python -m benchmarks.events_bench                 # every row of the three sets (one full run)
    python -m benchmarks.events_bench --limit 150     # 150 rows spread evenly over each set, to iterate
    python -m benchmarks.events_bench --errors /tmp/ev_errors.jsonl   # also write the misses, for error analysis

Prints the four figures issue 4 is measured by, and writes them to benchmarks/results/events.json:
- ACLED notes (`acled_notes_tune.jsonl`): event_type and sub_event_type accuracy, fatalities exact, of the
  predicted event that best fits the note (as `dateline evaluate` picks it; a note with no event is wrong);
- CASE 2021 task 2: weighted F1 of the first predicted event's sub-type (the 5 non-ACLED labels = no event);
- GLOCON: F1 of `dateline.extract.events.reports_event` ("the article reports a contentious event that
  happened", label 1 against 0, label 2 ignored).
Eval files are read in place from ../shared/eval (never copied); a missing file is skipped. Tuning-split
figures only: the held-out split is scored separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.accuracy import (
    EVAL,
    NO_EVENT,
    NON_ACLED,
    binary_prf,
    case_label,
    read_jsonl,
    run_reports,
    weighted_f1,
)
from dateline.evaluate.events import best_event
from dateline.extract.events import reports_event
from dateline.model import Report
from dateline.pipeline import Pipeline
from dateline.settings import Settings

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "events.json"


# Events as a user sees them: the ones the decision keeps (no `needs_review` flag); --all-candidates scores
# every event the rules alone emit (no learned decision, the rules' own vetoes apply), to compare.
ALL_CANDIDATES = False


def _events(rep: Report) -> list[Any]:
    return list(rep.events) if ALL_CANDIDATES else [e for e in rep.events if "needs_review" not in e.flags]


def _unflagged(rep: Report) -> Report:
    return rep.model_copy(update={"events": [e.model_copy(update={"flags": [f for f in e.flags if f != "needs_review"]})
                                             for e in rep.events]})


def _first(rep: Report) -> dict[str, Any]:
    return {"events": [(e.event_type, e.sub_event_type, e.confidence, e.fatalities, e.mentions[0].text[:160])
                       for e in rep.events[:4]],
            "rejected": [(r.reason, r.trigger) for r in rep.rejected[:4]]}


def bench_acled(pipeline: Pipeline, limit: int | None, errors: list[dict[str, Any]]) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "acled_notes_tune.jsonl", limit, False, 0)
    reports, _ = run_reports(rows, pipeline, "acled")
    hit = {"event_type": 0, "sub_event_type": 0, "fatalities": 0}
    for row, rep in zip(rows, reports, strict=True):
        ev = best_event(row, _events(rep))  # as `dateline evaluate` scores a note
        got = {"event_type": ev.event_type if ev else None, "sub_event_type": ev.sub_event_type if ev else None,
               "fatalities": (ev.fatalities or 0) if ev else None}
        gold = {"event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
                "fatalities": int(row.get("fatalities") or 0)}
        for k in hit:
            hit[k] += got[k] == gold[k]
        if got != gold:
            errors.append({"set": "acled", "id": row["id"], "gold": gold, "text": row["text"][:400], **_first(rep)})
    n = len(rows)
    return {"n": n, "figures": {k: v / n for k, v in hit.items()}}


def bench_case(pipeline: Pipeline, limit: int | None, errors: list[dict[str, Any]]) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "case2021_task2_tune.jsonl", limit, False, 0)
    reports, _ = run_reports(rows, pipeline, "case2021")
    gold = [NO_EVENT if r["label"] in NON_ACLED else r["label"] for r in rows]
    pred = [case_label(rep.model_copy(update={"events": _events(rep)})) for rep in reports]
    for row, g, p, rep in zip(rows, gold, pred, reports, strict=True):
        if g != p:
            errors.append({"set": "case2021", "id": row["id"], "gold": row["label"], "pred": p,
                           "text": row["text"][:400], **_first(rep)})
    return {"n": len(rows), "figures": {"weighted_f1": weighted_f1(gold, pred)}}


def bench_glocon(pipeline: Pipeline, limit: int | None, errors: list[dict[str, Any]]) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "glocon_docs_tune.jsonl", limit, False, 0, keep=lambda r: r["label"] in (0, 1))
    reports, _ = run_reports(rows, pipeline, "glocon")
    gold = [r["label"] == 1 for r in rows]
    pred = [reports_event(_unflagged(rep) if ALL_CANDIDATES else rep) for rep in reports]
    for row, g, p, rep in zip(rows, gold, pred, reports, strict=True):
        if g != p:
            errors.append({"set": "glocon", "id": row["id"], "gold": g, "pred": p, "text": row["text"][:300],
                           **_first(rep)})
    return {"n": len(rows), "figures": binary_prf(gold, pred)}


BENCHES = {"acled": ("acled_notes_tune.jsonl", bench_acled), "case2021": ("case2021_task2_tune.jsonl", bench_case),
           "glocon": ("glocon_docs_tune.jsonl", bench_glocon)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="examples:\n  python -m benchmarks.events_bench --limit 150\n"
                                            "  python -m benchmarks.events_bench --only glocon --errors /tmp/e.jsonl")
    parser.add_argument("--all-candidates", action="store_true",
                        help="score every event the rules alone emit (no learned decision; their vetoes apply)")
    parser.add_argument("--limit", type=int, default=None, help="rows per data set, spread evenly (default: all)")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHES), help="run only these data sets")
    parser.add_argument("--errors", type=Path, default=None, help="write misclassified rows here (outside the repo)")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"JSON results (default {RESULTS})")
    args = parser.parse_args(argv)
    global ALL_CANDIDATES
    ALL_CANDIDATES = args.all_candidates
    if ALL_CANDIDATES and args.out == RESULTS:
        args.out = RESULTS.with_name("events_all_candidates.json")
    pipeline = Pipeline(Settings(event_model=False)) if ALL_CANDIDATES else Pipeline()
    results: dict[str, Any] = {"format": "dateline-events-bench/1", "split": "tuning", "limit": args.limit,
                               "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "sets": {}}
    errors: list[dict[str, Any]] = []
    for name in args.only or list(BENCHES):
        filename, bench = BENCHES[name]
        if not (EVAL / filename).exists():
            results["sets"][name] = {"skipped": f"{EVAL / filename} is absent"}
            continue
        start = time.perf_counter()
        res = bench(pipeline, args.limit, errors)
        res["seconds"] = round(time.perf_counter() - start, 1)
        results["sets"][name] = res
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        args.errors.write_text("".join(json.dumps(e, default=str) + "\n" for e in errors), encoding="utf-8")
    print("dateline events on the TUNING split" + (f" (limit {args.limit} per set)" if args.limit else ""))
    for name, res in results["sets"].items():
        if "skipped" in res:
            print(f"  {name}: skipped ({res['skipped']})")
            continue
        figs = ", ".join(f"{k} {v:.3f}" for k, v in res["figures"].items()
                         if isinstance(v, float) and k in {"event_type", "sub_event_type", "fatalities",
                                                           "weighted_f1", "f1", "precision", "recall"})
        print(f"  {name} (n={res['n']}, {res['seconds']:.0f}s): {figs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
