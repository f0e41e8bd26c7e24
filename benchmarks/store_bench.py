"""What storage costs a corpus run: articles/s with and without writing to SQLite and PostgreSQL, in one run.

The benchmark corpus is read in place (never copied). Articles are ingested once; the pipeline extracts them
once (timed: extraction without storage); then the same reports go through the runner's write path — the
content-hash lookup that makes runs resumable and one transaction per batch of 64 articles — into a fresh
SQLite file and a fresh PostgreSQL database (timed: the storage cost). A run with storage costs extraction +
storage, so the ratio is (extract + store) / extract; the target is ≤ 1.10 (storage adds at most 10%).

    python benchmarks/store_bench.py --limit 300
    python benchmarks/store_bench.py --limit 1000 --pg-url postgresql+psycopg://dateline:dateline@127.0.0.1/dateline_test

Writes benchmarks/results/store.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "bench" / "news_1000.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "store.json"


def read_articles(path: Path, limit: int) -> list:  # type: ignore[type-arg]
    from itertools import islice

    from dateline.model import Article
    from dateline.runner import read_inputs
    from dateline.settings import Settings

    items = islice(read_inputs([str(path)], Settings()), limit)
    return [a for a in items if isinstance(a, Article)]


@contextmanager
def pg_database(url: str) -> Iterator[str]:
    """A fresh, empty database on the server of `url`, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"dateline_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def store_reports(url: str, reports: list, batch_size: int = 64) -> dict[str, float]:  # type: ignore[type-arg]
    """Time the runner's write path for `reports` into the database at `url` (schema created beforehand)."""
    from dateline.runner import RunStats, _Todo, _write_batch, chunked
    from dateline.settings import Settings
    from dateline.store import Store
    from dateline.version import PIPELINE_VERSION

    with Store(url) as store:
        stats = RunStats()
        t0 = time.perf_counter()
        stats.run_id = store.start_run(["bench"], PIPELINE_VERSION)
        todo = _Todo(store, Settings(), stats, PIPELINE_VERSION)
        # the lookup the runner does per chunk of input articles, then one transaction per batch
        fresh = list(todo.articles(r.article for r in reports))
        assert len(fresh) == len(reports), "benchmark database was not empty"
        for batch in chunked(reports, batch_size):
            _write_batch(store, batch, todo, stats)
        store.update_run(stats.run_id, status="finished")
        elapsed = time.perf_counter() - t0
        counts = store.counts()
    return {"seconds": elapsed, "articles": counts["articles"], "events": counts["events"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=300, help="articles to use (the corpus has 1000)")
    parser.add_argument("--pg-url", default=os.environ.get("DATELINE_TEST_PG_URL"),
                        help="a PostgreSQL server URL (a scratch database is created on it); default: "
                             "DATELINE_TEST_PG_URL; without it PostgreSQL is skipped")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one article may take")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"error: {args.corpus}: benchmark corpus not found", file=sys.stderr)
        return 1

    from dateline.pipeline import Pipeline
    from dateline.runner import Failure, safe_pipe
    from dateline.store import Store

    articles = read_articles(args.corpus, args.limit)
    pipeline = Pipeline()
    list(pipeline.pipe(articles[:5]))  # load the model and resources outside the timing
    reports, failed, wasted = [], [], 0.0
    t0 = last = time.perf_counter()
    # the runner's own extraction loop; time spent on an article that failed (e.g. ran over the time limit)
    # is not extraction of a stored article, so it is left out of both sides of the ratio
    for item in safe_pipe(pipeline, articles, 64, timeout=args.timeout):
        now = time.perf_counter()
        if isinstance(item, Failure):
            failed.append({"item": item.item, "reason": item.reason})
            wasted += now - last
        else:
            reports.append(item)
        last = now
    extract_s = time.perf_counter() - t0 - wasted
    n = len(reports)
    result: dict[str, object] = {
        "corpus": str(args.corpus.name), "articles": n, "events": sum(len(r.events) for r in reports),
        "extract_seconds": round(extract_s, 2), "extract_articles_per_s": round(n / extract_s, 2),
        "extraction_failures": failed,
        "method": "extract once (no storage), then the runner's write path (hash lookup + one transaction per "
                  "64 articles) into each fresh database; ratio = (extract + store) / extract",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_avg_1m": round(os.getloadavg()[0], 2)},
        "backends": {},
    }
    backends: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        Store(url).close()
        backends["sqlite"] = store_reports(url, reports)
    if args.pg_url:
        with pg_database(args.pg_url) as url:
            Store(url).close()
            backends["postgresql"] = store_reports(url, reports)
    else:
        print("note: no --pg-url / DATELINE_TEST_PG_URL: PostgreSQL skipped", file=sys.stderr)
    for b in backends.values():
        store_s = float(b["seconds"])  # type: ignore[arg-type]
        b["store_seconds"] = round(store_s, 3)
        b["store_ms_per_article"] = round(1000 * store_s / n, 2)
        b["articles_per_s_with_storage"] = round(n / (extract_s + store_s), 2)
        b["time_ratio_vs_extract_only"] = round((extract_s + store_s) / extract_s, 4)
        b["storage_adds_percent"] = round(100 * store_s / extract_s, 2)
        b["within_10_percent"] = store_s <= 0.10 * extract_s
        del b["seconds"]
    result["backends"] = backends
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
