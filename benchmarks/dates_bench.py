"""Dates benchmark: event_date / time_precision accuracy on the ACLED-notes tuning split, and what the date
stage costs in time.

    python benchmarks/dates_bench.py                      # full tuning set + 200 benchmark articles
    python benchmarks/dates_bench.py --notes 200 --articles 50   # quick look while iterating

Accuracy: each ACLED note opens with the event's date ("On 29 April 2020, ..."). The notes carry no article
date, so the date expressions resolve on their own (absolute dates need no base). The event's trigger is taken
to be the root of the note's first sentence; `date_for_event` picks the governing expression exactly as in the
pipeline. Figures are on the TUNING split (`../shared/eval/acled_notes_tune.jsonl`, read in place).

Throughput: texts from `../shared/bench/news_1000.jsonl` (read in place, never copied), parsed by the bare
English model and by the model plus the `dateline_dates` component plus `dates_from_doc`, alternately, in
one run; the ratio of the best times is the date stage's cost. The stage's own time on already-parsed Docs is
also reported, since on a shared machine the end-to-end ratio carries a few percent of noise.

Writes `benchmarks/results/dates.json`.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NOTES = SHARED / "eval" / "acled_notes_tune.jsonl"
BENCH = SHARED / "bench" / "news_1000.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "dates.json"


def _nlp(with_dates: bool) -> Any:
    from dateline.nlp.components import dates as _registers_factory  # noqa: F401
    from dateline.nlp.pipeline import build_nlp

    nlp = build_nlp(components=False)
    if with_dates:
        nlp.add_pipe("dateline_dates")
    return nlp


def tuning_accuracy(limit: int | None) -> dict[str, Any]:
    from dateline.extraction.dates import date_for_event, dates_from_doc
    from dateline.model import Article, Span

    rows = [json.loads(line) for line in NOTES.open(encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    nlp = _nlp(True)
    date_ok = prec_ok = both_ok = 0
    confusion: collections.Counter[str] = collections.Counter()
    misses: list[dict[str, Any]] = []
    texts = [r["text"] for r in rows]
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=64), strict=True):
        text = row["text"]
        article = Article(id=row["id"], text=text, published=None)
        mentions = dates_from_doc(article, doc, None)  # type: ignore[arg-type]
        sent = next(iter(doc.sents))
        root = sent.root
        line_end = text.find("\n")
        mention = date_for_event(
            mentions,
            Span.of(text, root.idx, root.idx + len(root.text)),
            Span.of(text, sent.start_char, sent.end_char),
            Span.of(text, 0, len(text) if line_end < 0 else line_end),
            article,
        )
        got_date = mention.event_date.isoformat() if mention and mention.event_date else None
        got_prec = mention.time_precision if mention else None
        gold_date, gold_prec = row["event_date"], int(row["time_precision"])
        d_ok, p_ok = got_date == gold_date, got_prec == gold_prec
        date_ok += d_ok
        prec_ok += p_ok
        both_ok += d_ok and p_ok
        confusion[f"gold {gold_prec} → got {got_prec}"] += 1
        if not (d_ok and p_ok):
            misses.append(
                {"id": row["id"], "gold": [gold_date, gold_prec], "got": [got_date, got_prec],
                 "span": mention.span.text if mention else None, "text": text[:140]}
            )  # fmt: skip
    n = len(rows)
    return {
        "split": "tuning (acled_notes_tune.jsonl)",
        "n": n,
        "event_date_exact": round(date_ok / n, 4),
        "time_precision_exact": round(prec_ok / n, 4),
        "both_exact": round(both_ok / n, 4),
        "precision_confusion": dict(sorted(confusion.items())),
        "misses": misses,
    }


def throughput(n_articles: int, rounds: int = 2) -> dict[str, Any]:
    from dateline.extraction.dates import dates_from_doc
    from dateline.model import Article

    texts: list[str] = []
    with BENCH.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_articles:
                break
    chars = sum(map(len, texts))
    published = dt.date(2005, 1, 1)  # the corpus has no dates; any base exercises the same code
    bare, with_dates = _nlp(False), _nlp(True)
    list(bare.pipe(texts[:5]))
    list(with_dates.pipe(texts[:5]))  # warm up both (lazy imports, vocab growth)

    def run_bare() -> float:
        t = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=64):
            pass
        return time.perf_counter() - t

    def run_with() -> tuple[float, int]:
        t = time.perf_counter()
        found = 0
        for i, doc in enumerate(with_dates.pipe(texts, batch_size=64)):
            found += len(dates_from_doc(Article(id=str(i), text=texts[i], published=published), doc, None))  # type: ignore[arg-type]
        return time.perf_counter() - t, found

    bare_times, with_times, found = [], [], 0
    for _ in range(rounds):
        bare_times.append(run_bare())
        t, found = run_with()
        with_times.append(t)

    # The stage alone on Docs the model has already parsed: component + resolution.
    from dateline.nlp.components.dates import DateFinder

    finder = DateFinder(bare.vocab)  # the Docs below belong to the bare model's vocabulary
    docs = list(bare.pipe(texts, batch_size=64))
    t = time.perf_counter()
    for i, doc in enumerate(docs):
        finder(doc)
        dates_from_doc(Article(id=str(i), text=texts[i], published=published), doc, None)  # type: ignore[arg-type]
    stage = time.perf_counter() - t
    best_bare, best_with = min(bare_times), min(with_times)
    return {
        "corpus": "news_1000.jsonl (first articles, read in place)",
        "articles": len(texts),
        "chars": chars,
        "bare_model_s": [round(x, 3) for x in bare_times],
        "with_dates_s": [round(x, 3) for x in with_times],
        "ratio_with_over_without": round(best_with / best_bare, 4),
        "stage_only_s": round(stage, 3),
        "stage_share_of_bare_model": round(stage / best_bare, 4),
        "date_mentions_found": found,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=None, help="use only the first N tuning notes")
    parser.add_argument("--articles", type=int, default=200, help="benchmark articles for throughput")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    out: dict[str, Any] = {"benchmark": "dates", "run_at": dt.datetime.now(dt.UTC).isoformat()}
    if NOTES.exists():
        out["tuning"] = tuning_accuracy(args.notes)
        tun = out["tuning"]
        print(f"tuning split, n={tun['n']}: event_date exact {tun['event_date_exact']:.2%}, "
              f"time_precision exact {tun['time_precision_exact']:.2%}, both {tun['both_exact']:.2%}")  # fmt: skip
        print("  precision confusion:", tun["precision_confusion"])
        for miss in tun["misses"][:30]:
            print("  miss", miss["id"], "gold", miss["gold"], "got", miss["got"], "|", miss["text"][:100])
    else:
        print(f"no tuning data at {NOTES}: accuracy skipped")
    if not args.skip_throughput and BENCH.exists():
        out["throughput"] = thr = throughput(args.articles)
        print(f"throughput, {thr['articles']} articles: bare model {thr['bare_model_s']} s, with dates "
              f"{thr['with_dates_s']} s, ratio {thr['ratio_with_over_without']:.3f}; stage alone {thr['stage_only_s']} s "
              f"= {thr['stage_share_of_bare_model']:.2%} of the bare model")  # fmt: skip
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
