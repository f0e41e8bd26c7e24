"""Near-duplicate detection at corpus scale: time and peak memory per 1,000 articles, and how well copies are found.

The 1,000 benchmark articles are read in place (never copied) and replicated, with small random edits, into
N articles (default 100,000): every replica of an article gets a new byline line, loses one paragraph or
sentence half the time, and has a few words replaced or dropped. Each replica is a copy of its original, so the
truth is known: a replica should join the cluster of the first article made from the same original, and no
cluster should hold articles made from different originals (unless the originals themselves are copies).

Two measurements, one run:
- `index`: `dateline.reprints.ReprintIndex` (in memory): signatures + LSH look-up + verification, N articles;
- `store`: `dateline.reprints.assign_reprints` on a SQLite store holding the first `--store-n` articles
  (the path `dateline merge` takes; the articles are inserted first, untimed).

    python benchmarks/reprints_bench.py                      # 100,000 articles in memory, 10,000 in SQLite
    python benchmarks/reprints_bench.py --n 20000 --store-n 5000

Each measurement runs in a fresh child process; peak memory is the growth of its peak RSS over the baseline
taken just before the timed part (texts are made on the fly and dropped, so the figure is the detector's own
state; for `store`, the database's pages are on disk and in SQLite's cache). Writes
benchmarks/results/reprints.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS_CANDIDATES = [REPO.parent / "shared" / "bench" / "news_1000.jsonl", Path("/work/shared/bench/news_1000.jsonl")]
RESULTS = REPO / "benchmarks" / "results" / "reprints.json"
WORDS = ("officials", "reported", "local", "sources", "update", "statement", "Tuesday", "earlier", "city")


def corpus_path(given: str | None) -> Path:
    for path in ([Path(given)] if given else CORPUS_CANDIDATES):
        if path.exists():
            return path
    sys.exit("benchmark corpus news_1000.jsonl not found; pass --corpus PATH")


def originals(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def edit(text: str, rng: random.Random, n: int) -> str:
    """A replica: new byline, maybe one paragraph (or a sentence) trimmed, a few words changed or dropped."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    if len(paras) > 2 and rng.random() < 0.5:
        del paras[rng.randrange(1, len(paras))]
    elif len(paras) == 1 and rng.random() < 0.5:
        sentences = paras[0].split(". ")
        if len(sentences) > 3:
            del sentences[rng.randrange(1, len(sentences))]
            paras = [". ".join(sentences)]
    words = "\n\n".join(paras).split(" ")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(words))
        if rng.random() < 0.5:
            words[i] = rng.choice(WORDS)
        else:
            del words[i]
    return f"By reporter {n}, Outlet {n % 997}\n\n" + " ".join(words)


def replicas(texts: list[str], n: int, seed: int = 7) -> Iterator[tuple[int, int, str]]:
    """(article number, original number, text): the originals first, then edited replicas round-robin."""
    rng = random.Random(seed)
    for i in range(n):
        source = i % len(texts)
        yield i, source, texts[source] if i < len(texts) else edit(texts[source], rng, i)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def score(assign: dict[int, int], sources: dict[int, int]) -> dict[str, float]:
    """Recall: replicas placed in the cluster of their original. Purity: clusters holding one original's copies."""
    first_cluster = {}
    for article, source in sorted(sources.items()):
        first_cluster.setdefault(source, assign[article])
    replicas_ = [a for a in sources if a >= len(first_cluster)]
    found = sum(assign[a] == first_cluster[sources[a]] for a in replicas_)
    members: dict[int, set[int]] = {}
    for article, cluster in assign.items():
        members.setdefault(cluster, set()).add(sources[article])
    mixed = sum(1 for s in members.values() if len(s) > 1)
    return {"replicas": len(replicas_), "recall": round(found / max(len(replicas_), 1), 5),
            "clusters": len(members), "mixed_clusters": mixed,
            "originals_in_mixed_clusters": sum(len(s) for s in members.values() if len(s) > 1)}


def bench_index(texts: list[str], n: int) -> dict[str, object]:
    from dateline.reprints import ReprintIndex, signature

    signature("warm up the permutations")
    base = peak_rss_mib()
    index = ReprintIndex()
    assign: dict[int, int] = {}
    sources: dict[int, int] = {}
    compared = Counter[str]()
    start = time.perf_counter()
    for article, source, text in replicas(texts, n):
        result = index.add(article, text)
        assign[article], sources[article] = result.cluster_id, source
        compared["indexed" if result.indexed else "not_indexed"] += 1
    elapsed = time.perf_counter() - start
    peak = peak_rss_mib() - base
    return {"articles": n, "seconds": round(elapsed, 2), "ms_per_1000": round(elapsed / n * 1e6, 1),
            "articles_per_s": round(n / elapsed), "peak_rss_growth_mib": round(peak, 1),
            "mib_per_1000": round(peak / n * 1000, 3),
            "band_keys": len(index.buckets), "indexed_articles": compared["indexed"], **score(assign, sources)}


def bench_store(texts: list[str], n: int) -> dict[str, object]:
    from sqlalchemy import select

    from dateline.reprints import assign_reprints, signature
    from dateline.store import Store
    from dateline.store.tables import ArticleReprintRow, utcnow

    signature("warm up the permutations")  # datasketch's import is not the detector's memory

    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/reprints.sqlite") as store:
        sources: dict[int, int] = {}
        batch: list[dict[str, object]] = []

        for article, source, text in replicas(texts, n):
            batch.append({"content_hash": f"{article:064d}", "article_key": str(article), "source_kind": "text",
                          "text": text, "data": {}, "created_at": utcnow(), "_source": source})
            if len(batch) == 1000:
                _insert(store, batch, sources)
        if batch:
            _insert(store, batch, sources)
        base = peak_rss_mib()
        start = time.perf_counter()
        stats = assign_reprints(store)
        elapsed = time.perf_counter() - start
        peak = peak_rss_mib() - base
        with store.session() as s:
            assign = dict(s.execute(select(ArticleReprintRow.article_id, ArticleReprintRow.cluster_id)).all())
        size = Path(f"{tmp}/reprints.sqlite").stat().st_size
    by_order = {i: sources[a] for i, a in enumerate(sorted(sources))}
    order = {a: i for i, a in enumerate(sorted(sources))}
    assign_by_order = {order[a]: order.get(c, c) for a, c in assign.items()}
    return {"articles": n, "seconds": round(elapsed, 2), "ms_per_1000": round(elapsed / n * 1e6, 1),
            "articles_per_s": round(n / elapsed), "peak_rss_growth_mib": round(peak, 1),
            "copies": stats.copies, "database_mib": round(size / 2**20, 1), **score(assign_by_order, by_order)}


def _insert(store: object, batch: list[dict[str, object]], sources: dict[int, int]) -> None:
    from sqlalchemy import insert

    from dateline.store.tables import ArticleRow

    rows = [{k: v for k, v in r.items() if k != "_source"} for r in batch]
    with store.session() as s:  # type: ignore[attr-defined]
        ids = s.execute(insert(ArticleRow).returning(ArticleRow.id, sort_by_parameter_order=True), rows).scalars().all()
    for article_id, row in zip(ids, batch, strict=True):
        sources[article_id] = int(row["_source"])  # type: ignore[call-overload]
    batch.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles for the in-memory index")
    parser.add_argument("--store-n", type=int, default=10_000, help="articles for the SQLite path (0 = skip)")
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--phase", choices=("index", "store"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    texts = originals(corpus_path(args.corpus))
    if args.phase:  # child process: one measurement, JSON on the last line
        result = bench_index(texts, args.n) if args.phase == "index" else bench_store(texts, args.store_n)
        print(json.dumps(result))
        return
    out: dict[str, object] = {"corpus": "news_1000.jsonl", "originals": len(texts), "machine": platform.platform(),
                              "cpus": os.cpu_count(), "load_average": os.getloadavg()[0]}
    for phase, n in (("index", args.n), ("store", args.store_n)):
        if not n:
            continue
        cmd = [sys.executable, __file__, "--phase", phase, "--n", str(args.n), "--store-n", str(args.store_n)]
        if args.corpus:
            cmd += ["--corpus", args.corpus]
        done = subprocess.run(cmd, check=True, capture_output=True, text=True)
        out[phase] = json.loads(done.stdout.strip().splitlines()[-1])
        print(phase, json.dumps(out[phase], indent=2), flush=True)
    from dateline.reprints import BANDS, NUM_PERM, ROWS, THRESHOLD

    out["parameters"] = {"num_perm": NUM_PERM, "bands": BANDS, "rows": ROWS, "threshold": THRESHOLD}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
