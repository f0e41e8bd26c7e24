"""dateline's accuracy on the tuning split, in one run, written to benchmarks/results/accuracy.json.

    python -m benchmarks.accuracy                    # every tuning set, every row (slow: one full run)
    python -m benchmarks.accuracy --limit 200        # 200 rows spread evenly over each set, to iterate
    python -m benchmarks.accuracy --limit 200 --sample --only acled case2021

Data sets (read in place from ../shared/eval, never copied into the repository; a missing one is skipped):
- acled: ACLED notes as gold (`dateline evaluate` rules): event detected, event_type, sub_event_type,
  event_date exact, fatalities exact, country, admin1, location name, point within 25 km. Field accuracy is over
  all rows: a note with no predicted event counts as wrong for every field.
- case2021: CASE 2021 task 2. The first predicted event's sub-type against the label; the five non-ACLED labels
  (MAN_MADE_DISASTER, NATURAL_DISASTER, DIPLO, ORG_CRIME, ATTRIB) mean "no event", so they and a text without
  an event share the class NO_EVENT. Support-weighted F1 over the gold classes (25 ACLED + NO_EVENT), and over
  the 25 ACLED classes on the rows whose label is one of them.
- glocon: GLOCON documents, "reports a protest or riot event": label 1 against 0 (label 2 ignored); positive
  when dateline finds a Protests or Riots event. F1 of the positive class.
- event_location: per sentence, the event dateline reports for the annotated verb (the one whose text covers
  the verb, else the first) has a location whose text overlaps a gold LOCATION span.
These are tuning-split figures: the held-out split is scored separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.evaluate import Scores, run_evaluation
from dateline.evaluate.compare import TextIndex, ranges_overlap
from dateline.evaluate.events import event_ranges
from dateline.evaluate.run import reports_for, spread
from dateline.ingest import article_from_text
from dateline.model import Article, Event, Report
from dateline.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared")) / "eval"
sys.path.insert(0, str(REPO / "tools"))  # event_location: the event-location rows, spans repaired
RESULTS = REPO / "benchmarks" / "results" / "accuracy.json"

CASE_LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration",
}
NON_ACLED = {"MAN_MADE_DISASTER", "NATURAL_DISASTER", "DIPLO", "ORG_CRIME", "ATTRIB"}
NO_EVENT = "NO_EVENT"
ACLED_FIGURES = ("event_type", "sub_event_type", "event_date", "time_precision", "fatalities", "country",
                 "admin1", "location", "within_25km", "coordinates", "geo_precision", "actor1", "actor2")


# --- metrics (pure) --------------------------------------------------------------------------------------


def f1_per_class(gold: list[str], pred: list[str]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[label] = {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
                      "support": tp + fn}
    return out


def weighted_f1(gold: list[str], pred: list[str]) -> float | None:
    """F1 per gold class, averaged with the class's share of the gold rows as weight (scikit-learn's
    `average="weighted"`: classes that only appear in predictions weigh nothing)."""
    if not gold:
        return None
    per = f1_per_class(gold, pred)
    return sum(v["f1"] * v["support"] for v in per.values()) / len(gold)


def binary_prf(gold: list[bool], pred: list[bool]) -> dict[str, Any]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    prec = tp / (tp + fp) if tp + fp else None
    rec = tp / (tp + fn) if tp + fn else None
    f1 = 2 * prec * rec / (prec + rec) if prec and rec else (0.0 if prec is not None and rec is not None else None)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "f1": f1, "accuracy": acc,
            "n": len(gold)}


def case_label(report: Report) -> str:
    """The first predicted event's sub-type as a CASE label; no event (or a sub-type CASE lacks) → NO_EVENT."""
    by_name = {name.lower(): label for label, name in CASE_LABELS.items()}
    if not report.events:
        return NO_EVENT
    return by_name.get((report.events[0].sub_event_type or "").lower(), NO_EVENT)


def event_for_verb(events: list[Event], verb: tuple[int, int] | None) -> Event | None:
    if not events:
        return None
    if verb is not None:
        for ev in events:
            trigger = [(s.start, s.end) for k, s in ev.evidence.items() if k in {"sub_event_type", "event_type"}]
            if ranges_overlap([verb], trigger):
                return ev
        for ev in events:
            if ranges_overlap([verb], event_ranges(ev)) and len(event_ranges(ev)) and ev.location:
                return ev
    return events[0]


def location_ranges(event: Event, article: Article) -> list[tuple[int, int]]:
    """Where the event's location sits in the input text: its evidence span, else its name found in the text;
    mapped back to raw offsets when ingest cleaned the text."""
    span = event.evidence.get("location")
    ranges = [(span.start, span.end)] if span else TextIndex(article.text).find_all(event.location or "")
    if article.offset_map:
        mapped = []
        for s, e in ranges:
            rs, re_ = article.raw_offset(s), article.raw_offset(e)
            if rs is not None and re_ is not None:
                mapped.append((rs, re_))
        return mapped
    return ranges


# --- data sets -------------------------------------------------------------------------------------------


def read_jsonl(path: Path, limit: int | None, sample: bool, seed: int,
               keep: Callable[[dict[str, Any]], bool] = lambda r: True) -> list[dict[str, Any]]:
    if path.name == "event_location_tune.jsonl":
        import event_location  # its token-offset LOCATION spans put back at their characters

        every = list(event_location.read(path))
    else:
        every = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in every if keep(r)]
    if limit is not None and limit < len(rows):
        rows = [rows[i] for i in spread(len(rows), limit, sample, seed)]
    return rows


def run_reports(rows: list[dict[str, Any]], pipeline: Pipeline, label: str) -> tuple[list[Report], Scores]:
    scores = Scores()
    articles = [article_from_text(r["text"], article_id=str(r["id"])) for r in rows]
    return reports_for(articles, pipeline, scores, label=label), scores


def bench_acled(pipeline: Pipeline, limit: int | None, sample: bool, seed: int) -> dict[str, Any]:
    path = EVAL / "acled_notes_tune.jsonl"
    scores = run_evaluation([path], limit=limit, sample=sample, seed=seed, pipeline=pipeline)
    figures = {"event_detected": scores.value("acled", "", "recall")}
    figures.update({name: scores.value("acled", name) for name in ACLED_FIGURES})
    return {"n": scores.documents, "figures": figures, "targets": {
        "event_type": 0.90, "sub_event_type": 0.75, "event_date": 0.98, "within_25km": 0.90},
        "scores": scores.to_json()["scores"], "warnings": scores.warnings}


def bench_case(pipeline: Pipeline, limit: int | None, sample: bool, seed: int) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "case2021_task2_tune.jsonl", limit, sample, seed)
    reports, scores = run_reports(rows, pipeline, "case2021")
    gold = [NO_EVENT if r["label"] in NON_ACLED else r["label"] for r in rows]
    pred = [case_label(rep) for rep in reports]
    acled_rows = [i for i, g in enumerate(gold) if g != NO_EVENT]
    none_rows = [i for i, g in enumerate(gold) if g == NO_EVENT]
    confusion = Counter(f"{gold[i]} -> {pred[i]}" for i in range(len(gold)) if gold[i] != pred[i])
    return {
        "n": len(rows),
        "figures": {
            "weighted_f1_26": weighted_f1(gold, pred),
            "weighted_f1_25_acled_rows": weighted_f1([gold[i] for i in acled_rows], [pred[i] for i in acled_rows]),
            "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else None,
            "no_event_correct": (sum(pred[i] == NO_EVENT for i in none_rows) / len(none_rows)) if none_rows else None,
        },
        "reference_points": {"best_system_weighted_f1_30": 0.771, "best_system_weighted_f1_25": 0.839},
        "per_class": f1_per_class(gold, pred),
        "top_confusions": confusion.most_common(15),
        "warnings": scores.warnings,
    }


def bench_glocon(pipeline: Pipeline, limit: int | None, sample: bool, seed: int) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "glocon_docs_tune.jsonl", limit, sample, seed, keep=lambda r: r["label"] in (0, 1))
    reports, scores = run_reports(rows, pipeline, "glocon")
    gold = [r["label"] == 1 for r in rows]
    # The same document-level predicate users get: a protest or riot anywhere, violence when the report leads with it.
    from dateline.extraction.events import reports_event

    pred = [reports_event(rep) for rep in reports]
    return {"n": len(rows), "figures": binary_prf(gold, pred), "warnings": scores.warnings}


def bench_event_location(pipeline: Pipeline, limit: int | None, sample: bool, seed: int) -> dict[str, Any]:
    rows = read_jsonl(EVAL / "event_location_tune.jsonl", limit, sample, seed,
                      keep=lambda r: any(s["label"] == "LOCATION" for s in r["spans"]))
    reports, scores = run_reports(rows, pipeline, "event_location")
    hits = with_event = 0
    for row, rep in zip(rows, reports, strict=True):
        gold_locs = [(s["start"], s["end"]) for s in row["spans"] if s["label"] == "LOCATION"]
        verb = next(((s["start"], s["end"]) for s in row["spans"] if s["label"] == "VERB"), None)
        ev = event_for_verb(list(rep.events), verb)
        if ev is None:
            continue
        with_event += 1
        if ev.location and ranges_overlap(location_ranges(ev, rep.article), gold_locs):
            hits += 1
    n = len(rows)
    return {"n": n, "figures": {
        "location_overlap": hits / n if n else None,
        "location_overlap_when_event": hits / with_event if with_event else None,
        "event_detected": with_event / n if n else None,
    }, "warnings": scores.warnings}


BENCHES: dict[str, tuple[str, Callable[[Pipeline, int | None, bool, int], dict[str, Any]]]] = {
    "acled": ("acled_notes_tune.jsonl", bench_acled),
    "case2021": ("case2021_task2_tune.jsonl", bench_case),
    "glocon": ("glocon_docs_tune.jsonl", bench_glocon),
    "event_location": ("event_location_tune.jsonl", bench_event_location),
}


def write_results(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")


def summary(results: dict[str, Any]) -> str:
    lines = ["dateline accuracy on the TUNING split" + (f" (limit {results['limit']} per set)"
                                                       if results["limit"] else "")]
    for name, res in results["sets"].items():
        if res.get("skipped"):
            lines.append(f"  {name}: skipped ({res['skipped']})")
            continue
        figs = ", ".join(f"{k} {'—' if v is None else f'{v:.3f}' if isinstance(v, float) else v}"
                         for k, v in res["figures"].items() if k not in {"tp", "fp", "fn"})
        failed = f", {res['failed']} failed/timed out" if res.get("failed") else ""
        lines.append(f"  {name} (n={res['n']}, {res['seconds']:.0f}s{failed}): {figs}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="examples:\n  python -m benchmarks.accuracy --limit 200\n"
                                            "  python -m benchmarks.accuracy --only acled --limit 100 --sample")
    parser.add_argument("--limit", type=int, default=None, help="rows per data set, spread evenly (default: all)")
    parser.add_argument("--sample", action="store_true", help="a random sample of --limit rows, not the first")
    parser.add_argument("--seed", type=int, default=0, help="seed of --sample")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHES), help="run only these data sets")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"JSON results (default {RESULTS})")
    args = parser.parse_args(argv)

    pipeline = Pipeline()
    results: dict[str, Any] = {
        "format": "dateline-accuracy/1", "split": "tuning",
        "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "limit": args.limit, "sample": args.sample, "seed": args.seed, "sets": {},
    }
    try:
        from dateline.version import PIPELINE_VERSION

        results["pipeline_version"] = PIPELINE_VERSION
    except ImportError:  # pragma: no cover
        pass
    for name in args.only or list(BENCHES):
        filename, bench = BENCHES[name]
        if not (EVAL / filename).exists():
            results["sets"][name] = {"skipped": f"{EVAL / filename} is absent"}
            continue
        start = time.perf_counter()
        res = bench(pipeline, args.limit, args.sample, args.seed)
        res["seconds"] = time.perf_counter() - start
        res["failed"] = sum(1 for w in res.get("warnings", []) if "dateline failed" in w)
        results["sets"][name] = res
        print(f"{name}: done in {res['seconds']:.0f}s", file=sys.stderr)
        write_results(args.out, results)  # after each set: a long run that is stopped keeps what it measured
    write_results(args.out, results)
    print(summary(results))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
