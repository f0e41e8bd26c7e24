"""PLOVER statements (verbal events) on dateline's own gold set: precision, recall, F1 and type agreement per half.

    python -m benchmarks.statements_bench              # both halves
    python -m benchmarks.statements_bench --errors     # and the development half's false and missed statements,
                                                       # each with its sentence

Gold: `gold/statements/guardian_bbc_dev.jsonl` (ids and character offsets, labelled by the guide in
docs/annotation.md, "Statements"), over Guardian and BBC development articles cut into two halves by
`gold/splits.json` ("statements"). A predicted statement matches a gold one when their trigger spans overlap, one
to one (largest overlap first); the PLOVER type is scored apart, as the share of matches with the gold type. A
false statement whose trigger overlaps a labelled not-statement is counted under that label's reason. Rules are
written from the first half's errors only (`--errors` prints nothing of the second); the second half is the
held-out figure. Texts are read in place from ../shared (DATELINE_SHARED); without them the benchmark says so and
stops. Writes benchmarks/results/statements.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import gold as gold_tool
from benchmarks.event_gold import _article_of, _map_range
from dateline.extraction import build_report
from dateline.model import Article, Statement
from dateline.resources import Resources
from dateline.settings import Settings

GOLD = ROOT / "gold" / "statements" / "guardian_bbc_dev.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "statements.json"
HALVES = ("dev", "test")


def source_of(article_id: str) -> str:
    return article_id.split("-", 1)[0]


def load(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def halves() -> dict[str, str]:
    split = json.loads((ROOT / "gold" / "splits.json").read_text(encoding="utf-8"))["statements"]
    return {article_id: half for half in HALVES for article_id in split[half]}


def statement_range(st: Statement) -> tuple[int, int]:
    span = st.trigger or st.evidence
    return span.start, span.end


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs whose spans overlap, one to one, largest overlap first."""
    pairs = [(gold_tool.overlap([g], [p]), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)]
    return gold_tool.one_to_one([c for c in pairs if c[0] > 0])


def _mapped(raw: str, article: Article, start: int, end: int) -> tuple[int, int]:
    return _map_range(raw, article.text, start, end) or (start, end)


_ENDS = (". ", "? ", "! ", ".\u201d ", "?\u201d ", "\n")  # a sentence's end, with a closing quote mark or not


def _sentence_at(text: str, start: int) -> str:
    """The sentence (or headline line) holding character `start`, for reading a miss in its context."""
    lo = max([0] + [text.rfind(m, 0, start) + len(m) for m in _ENDS if text.rfind(m, 0, start) != -1])
    ends = [e + len(m.rstrip()) for m in _ENDS if (e := text.find(m, start)) != -1]
    return " ".join(text[lo:min(ends) if ends else len(text)].split())


def score_article(label: dict[str, Any], raw: str, article: Article, statements: list[Statement]) -> dict[str, Any]:
    """Counts for one article, and its errors (false statements with the not-statement reason they hit, misses
    with their sentence)."""
    gold = [_mapped(raw, article, g["start"], g["end"]) for g in label["statements"]]
    nots = [(*_mapped(raw, article, n["start"], n["end"]), n["reason"]) for n in label["not_statements"]]
    pred = [statement_range(s) for s in statements]
    pairs = match(gold, pred)
    matched_pred = {j for _, j in pairs}
    matched_gold = {i for i, _ in pairs}
    type_ok = sum(label["statements"][i]["plover"] == statements[j].plover for i, j in pairs)
    false, reasons = [], Counter()
    for j, st in enumerate(statements):
        if j in matched_pred:
            continue
        s, e = pred[j]
        reason = next((r for ns, ne, r in nots if min(e, ne) > max(s, ns)), "unlabelled")
        reasons[reason] += 1
        false.append({"plover": st.plover, "reason": reason, "trigger": article.text[s:e],
                      "sentence": st.evidence.text[:220]})
    missed = [{"plover": label["statements"][i]["plover"], "trigger": article.text[g[0]:g[1]],
               "why": label["statements"][i]["why"], "sentence": _sentence_at(article.text, g[0])[:300]}
              for i, g in enumerate(gold) if i not in matched_gold]
    return {"gold": len(gold), "pred": len(pred), "tp": len(pairs), "type_ok": type_ok, "false_by_reason": reasons,
            "false": false, "missed": missed}


def figures(c: dict[str, Any]) -> dict[str, Any]:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"articles": c["articles"], "gold": c["gold"], "pred": c["pred"], "tp": c["tp"],
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "type_accuracy": round(c["type_ok"] / c["tp"], 3) if c["tp"] else None,
            "false_by_reason": dict(c["false_by_reason"].most_common())}


def run(path: Path = GOLD, show_errors: bool = False) -> dict[str, Any] | None:
    labels = load(path)
    try:
        texts = {src: gold_tool.texts(src) for src in sorted({source_of(lab["id"]) for lab in labels})}
    except SystemExit as missing:
        print(f"statements benchmark skipped: {missing}")
        return None
    half_of = halves()
    resources = Resources(Settings())
    items = []
    for label in labels:
        rec = texts[source_of(label["id"])][label["id"]]
        items.append((label, rec["text"], _article_of(label, rec)))
    counts = {h: {"articles": 0, "gold": 0, "pred": 0, "tp": 0, "type_ok": 0, "false_by_reason": Counter()}
              for h in HALVES}
    stream = ((article.text, (label, raw, article)) for label, raw, article in items)
    for doc, (label, raw, article) in resources.nlp.pipe(stream, as_tuples=True, batch_size=16):
        report = build_report(article, doc, resources)
        half = half_of[label["id"]]
        scored = score_article(label, raw, article, list(report.statements))
        c = counts[half]
        c["articles"] += 1
        for key in ("gold", "pred", "tp", "type_ok"):
            c[key] += scored[key]
        c["false_by_reason"].update(scored["false_by_reason"])
        if show_errors and half == "dev":  # the second half's errors are never read
            for f in scored["false"]:
                print(f"FALSE {label['id']} {f['plover']} [{f['reason']}] {f['trigger']!r}: {f['sentence']}")
            for m in scored["missed"]:
                print(f"MISSED {label['id']} {m['plover']} {m['trigger']!r}: {m['why']}\n    {m['sentence']}")
    return {h: figures(counts[h]) for h in HALVES}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print the development half's errors")
    args = parser.parse_args(argv)
    result = run(show_errors=args.errors)
    if result is None:
        return
    for half in HALVES:
        f = result[half]
        print(f"{half:>4}: {f['articles']} articles, gold {f['gold']}, found {f['pred']}, matched {f['tp']}  "
              f"P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  type {f['type_accuracy']}  "
              f"false by reason {f['false_by_reason']}")
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
