"""Event detection and classification on the tuning split, in one command.

    python -m benchmarks.events_bench                 # every row of the three sets (one full run)
    python -m benchmarks.events_bench --limit 150     # 150 rows spread evenly over each set, to iterate
    python -m benchmarks.events_bench --errors /tmp/ev_errors.jsonl   # also write the dev half's misses

Prints the four figures issue 4 is measured by, and writes them to benchmarks/results/events.json:
- ACLED notes (`acled_notes_tune.jsonl`): event_type and sub_event_type accuracy, fatalities exact, actor1 and
  actor2 (ACLED's names, compared loosely as `dateline evaluate` does), of the predicted event that best fits the
  note (as `dateline evaluate` picks it; a note with no event is wrong);
- CASE 2021 task 2: weighted F1 of the first predicted event's sub-type (the 5 non-ACLED labels = no event);
- GLOCON: F1 of `dateline.extraction.events.reports_event` ("the article reports a contentious event that
  happened", label 1 against 0, label 2 ignored).
Each figure is also given per frozen half of the tuning set (gold/tuning_split.json): develop on the dev half,
whose misses --errors writes; the test half's figures are reported, its rows never read. Eval files are read in
place from ../shared/eval (never copied); a missing file is skipped. The held-out split is scored separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
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
from dateline.evaluate.compare import value_matches
from dateline.evaluate.events import best_event
from dateline.extraction.events import reports_event
from dateline.model import Report
from dateline.pipeline import Pipeline
from dateline.settings import Settings

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "events.json"
TUNING_SPLIT = REPO / "gold" / "tuning_split.json"


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


def _halves(name: str, rows: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Row positions per frozen half of the tuning set (gold/tuning_split.json): error analysis reads dev only."""
    split = json.loads(TUNING_SPLIT.read_text(encoding="utf-8"))[name]
    half_of = {i: h for h, ids in split.items() for i in ids}
    out: dict[str, list[int]] = {"dev": [], "test": []}
    for k, row in enumerate(rows):
        out[half_of[str(row["id"])]].append(k)
    return out


def _by_half(name: str, rows: list[dict[str, Any]], score: Callable[[list[int]], dict[str, Any]]) -> dict[str, Any]:
    halves = _halves(name, rows)
    return {"n": len(rows), "figures": score(list(range(len(rows)))),
            "halves": {h: {"n": len(ks), "figures": score(ks)} for h, ks in halves.items() if ks}}


def bench_acled(pipeline: Pipeline, limit: int | None, errors: list[dict[str, Any]]) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "acled_notes_tune.jsonl", limit, False, 0)
    reports, _ = run_reports(rows, pipeline, "acled")
    hits: list[dict[str, bool]] = []
    for row, rep in zip(rows, reports, strict=True):
        ev = best_event(row, _events(rep))  # as `dateline evaluate` scores a note
        got = {"event_type": ev.event_type if ev else None, "sub_event_type": ev.sub_event_type if ev else None,
               "fatalities": (ev.fatalities or 0) if ev else None}
        gold = {"event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
                "fatalities": int(row.get("fatalities") or 0)}
        hits.append({k: got[k] == gold[k] for k in gold})
        # ACLED's actor names, compared as `dateline evaluate` does (period of office and case ignored)
        hits[-1].update({k: ev is not None and value_matches(k, row.get(k) or "", getattr(ev, k) or "")
                         for k in ("actor1", "actor2")})
        if got != gold:
            errors.append({"set": "acled", "id": row["id"], "gold": gold, "text": row["text"][:400], **_first(rep)})

    def score(ks: list[int]) -> dict[str, Any]:
        return {k: sum(hits[i][k] for i in ks) / len(ks)
                for k in ("event_type", "sub_event_type", "fatalities", "actor1", "actor2")}

    return _by_half("acled_notes_tune", rows, score)


def bench_case(pipeline: Pipeline, limit: int | None, errors: list[dict[str, Any]]) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "case2021_task2_tune.jsonl", limit, False, 0)
    reports, _ = run_reports(rows, pipeline, "case2021")
    gold = [NO_EVENT if r["label"] in NON_ACLED else r["label"] for r in rows]
    pred = [case_label(rep.model_copy(update={"events": _events(rep)})) for rep in reports]
    for row, g, p, rep in zip(rows, gold, pred, reports, strict=True):
        if g != p:
            errors.append({"set": "case2021", "id": row["id"], "gold": row["label"], "pred": p,
                           "text": row["text"][:400], **_first(rep)})
    return _by_half("case2021_task2_tune", rows,
                    lambda ks: {"weighted_f1": weighted_f1([gold[i] for i in ks], [pred[i] for i in ks])})


def bench_glocon(pipeline: Pipeline, limit: int | None, errors: list[dict[str, Any]]) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "glocon_docs_tune.jsonl", limit, False, 0, keep=lambda r: r["label"] in (0, 1))
    reports, _ = run_reports(rows, pipeline, "glocon")
    gold = [r["label"] == 1 for r in rows]
    pred = [reports_event(_unflagged(rep) if ALL_CANDIDATES else rep) for rep in reports]
    for row, g, p, rep in zip(rows, gold, pred, reports, strict=True):
        if g != p:
            errors.append({"set": "glocon", "id": row["id"], "gold": g, "pred": p, "text": row["text"][:300],
                           **_first(rep)})
    return _by_half("glocon_docs_tune", rows,
                    lambda ks: binary_prf([gold[i] for i in ks], [pred[i] for i in ks]))


BENCHES = {"acled": ("acled_notes_tune.jsonl", bench_acled), "case2021": ("case2021_task2_tune.jsonl", bench_case),
           "glocon": ("glocon_docs_tune.jsonl", bench_glocon)}


def _figures(figures: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in figures.items()
                     if isinstance(v, float) and k in {"event_type", "sub_event_type", "fatalities", "actor1", "actor2",
                                                       "weighted_f1", "f1", "precision", "recall"})


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
    if args.errors:  # the dev half's misses only: the test half is never read for error analysis
        split = json.loads(TUNING_SPLIT.read_text(encoding="utf-8"))
        dev = {n: set(split[filename.removesuffix(".jsonl")]["dev"]) for n, (filename, _) in BENCHES.items()}
        errors = [e for e in errors if str(e["id"]) in dev[e["set"]]]
        args.errors.write_text("".join(json.dumps(e, default=str) + "\n" for e in errors), encoding="utf-8")
    print("dateline events on the TUNING split" + (f" (limit {args.limit} per set)" if args.limit else ""))
    for name, res in results["sets"].items():
        if "skipped" in res:
            print(f"  {name}: skipped ({res['skipped']})")
            continue
        print(f"  {name} (n={res['n']}, {res['seconds']:.0f}s): {_figures(res['figures'])}")
        for half, sub in res.get("halves", {}).items():
            print(f"    {half:4} half (n={sub['n']}): {_figures(sub['figures'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
