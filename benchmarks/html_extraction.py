"""How well dateline's HTML ingest finds an article's main text, on real news pages.

Runs `dateline.ingest.article_from_html` on every page listed in `../shared/eval/html/manifest.jsonl` (tuning
data, not in this repository) and scores the extracted text against the human-written article body with
token-level precision, recall and F1 (bag of lower-cased word tokens, as in the article-extraction benchmark
that the pages come from). dateline puts the page title on the article's first line; the body score leaves
that line out, since the expected bodies hold no headline, and the full-text score keeps it.

    python benchmarks/html_extraction.py [--eval-dir ../shared/eval/html] [--out benchmarks/results/html_extraction.json]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO.parent / "shared" / "eval" / "html"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "html_extraction.json"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> collections.Counter[str]:
    return collections.Counter(t.lower() for t in _TOKEN.findall(text))


def prf(predicted: str, expected: str) -> tuple[float, float, float]:
    """Token-level precision, recall and F1 of `predicted` against `expected` (multiset overlap)."""
    pred, gold = tokens(predicted), tokens(expected)
    overlap = sum((pred & gold).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(gold.values()) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def body_of(article_text: str, title: str | None) -> str:
    """The article text without the title line that HTML ingest puts first."""
    if title and article_text.startswith(title):
        return article_text[len(title):].lstrip("\n")
    return article_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    manifest = args.eval_dir / "manifest.jsonl"
    if not manifest.exists():
        print(f"no benchmark pages at {args.eval_dir} (expected manifest.jsonl there)", file=sys.stderr)
        return 2

    from dateline.errors import InputError
    from dateline.ingest import article_from_html
    from dateline.settings import Settings

    settings = Settings()
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = []
    started = time.perf_counter()
    for row in rows:
        html = (args.eval_dir / row["html"]).read_bytes()
        expected = (args.eval_dir / row["expected_text"]).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        try:
            article = article_from_html(html, url=row.get("url"), settings=settings, source=row["html"])
            text, title, error = article.text, article.title, None
        except InputError as err:
            text, title, error = "", None, str(err)
        seconds = time.perf_counter() - t0
        p, r, f = prf(body_of(text, title), expected)
        _, _, f_full = prf(text, expected)
        pages.append({"name": row["name"], "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                      "f1_with_title": round(f_full, 4), "seconds": round(seconds, 3), "error": error})
    elapsed = time.perf_counter() - started

    def mean(key: str) -> float:
        return round(statistics.fmean(page[key] for page in pages), 4)

    summary = {"pages": len(pages), "precision": mean("precision"), "recall": mean("recall"), "f1": mean("f1"),
               "f1_with_title": mean("f1_with_title"), "failed": sum(1 for p in pages if p["error"]),
               "seconds_total": round(elapsed, 2), "pages_per_second": round(len(pages) / elapsed, 2)}
    width = max(len(p["name"]) for p in pages)
    print(f"{'page':<{width}}  {'P':>6} {'R':>6} {'F1':>6}")
    for page in pages:
        note = f"  ({page['error']})" if page["error"] else ""
        print(f"{page['name']:<{width}}  {page['precision']:6.3f} {page['recall']:6.3f} {page['f1']:6.3f}{note}")
    print(f"{'MEAN':<{width}}  {summary['precision']:6.3f} {summary['recall']:6.3f} {summary['f1']:6.3f}")
    print(f"mean F1 with the title line: {summary['f1_with_title']:.3f}; {summary['pages']} pages, "
          f"{summary['failed']} without text, {summary['pages_per_second']:.1f} pages/s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"benchmark": "html_extraction", "split": "tuning (../shared/eval/html)",
                                    "metric": "token-level P/R/F1 of the main text vs the expected body",
                                    "summary": summary, "pages": pages}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
