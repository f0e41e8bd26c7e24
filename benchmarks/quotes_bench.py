"""Quote attribution accuracy on dateline's own annotated sentences, PARC3-style: cue, source, content F1.

    python benchmarks/quotes_bench.py [tests/data/quotes_gold.jsonl] [--errors]

`tests/data/quotes_gold.jsonl` holds sentences written for dateline (not from any evaluation file), each
with its quotes (content, source, cue, kind) and claim chains (an anchor word and publisher → … → source).

Scoring, per quote: a predicted quote matches a gold one when their character ranges overlap by at least
half of the gold content (one-to-one, greedy by overlap). Content F1 counts matches; cue F1 counts matches
whose cue word is the gold cue (over quotes that have a cue); source F1 counts matches whose speaker
contains or is contained in the gold source after normalisation (over quotes that have a source). Claim
chains are scored as exact (every link matches in order).

Reference point: BBC's citron reports, on PARC 3.0 test data, cue F1 82.3 and source F1 82.0
(github.com/bbc/citron). PARC 3.0 is a different corpus (Penn Treebank WSJ) with stricter span rules, so
the comparison is indicative, not like for like.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import gold as gold_tool  # the own-gold tool's one-to-one pairing, shared by every matching benchmark

GOLD = REPO / "tests" / "data" / "quotes_gold.jsonl"
CITRON = {"cue": 82.3, "source": 82.0}


def norm(name: str | None) -> str:
    text = (name or "").lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b(the|a|an|one)\b", " ", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def names_match(gold: str | None, pred: str | None) -> bool:
    g, p = norm(gold), norm(pred)
    return bool(g and p) and (f" {g} " in f" {p} " or f" {p} " in f" {g} ")


def load(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _f1(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp,
            "pred": n_pred, "gold": n_gold}


def _match(text: str, golds: list[dict[str, Any]], preds: list[Any]) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(golds):
        gs = text.find(g["content"])
        ge = gs + len(g["content"])
        for pi, p in enumerate(preds):
            overlap = min(ge, p.span.end) - max(gs, p.span.start)
            if overlap >= 0.5 * (ge - gs):
                pairs.append((overlap, gi, pi))
    return gold_tool.one_to_one(pairs)


def _claim_chain(pipeline: Any, item: dict[str, Any], claim: dict[str, Any]) -> list[str]:
    """Run claims.attribute with a stand-in event whose trigger is the anchor word."""
    from dateline.extraction import claims as claims_mod
    from dateline.ingest import article_from_text
    from dateline.model import Event, Span

    article = article_from_text(item["text"], publisher=item["publisher"])
    doc = pipeline.resources.nlp(article.text)
    report = pipeline.extract_article(article)
    start = article.text.find(claim["anchor"])
    trigger = Span.of(article.text, start, start + len(claim["anchor"]))
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    event = Event(id="E1", evidence={"sub_event_type": trigger},
                  mentions=[Span.of(article.text, sent.start_char, sent.end_char)])
    claims_mod.attribute(article, doc, [event], report.quotes, [])
    return event.claimed_by


def run(path: Path = GOLD, show_errors: bool = False) -> dict[str, Any]:
    from dateline.ingest import article_from_text
    from dateline.pipeline import Pipeline

    pipeline = Pipeline()
    tp = {"content": 0, "cue": 0, "source": 0}
    n_pred = {"content": 0, "cue": 0, "source": 0}
    n_gold = {"content": 0, "cue": 0, "source": 0}
    chains_ok = chains = 0
    errors: list[str] = []
    for item in load(path):
        report = pipeline.extract_article(article_from_text(item["text"], publisher=item["publisher"]))
        text = report.article.text
        golds, preds = item["quotes"], report.quotes
        n_gold["content"] += len(golds)
        n_gold["cue"] += sum(1 for g in golds if g.get("cue"))
        n_gold["source"] += sum(1 for g in golds if g.get("source"))
        n_pred["content"] += len(preds)
        n_pred["cue"] += sum(1 for p in preds if p.cue)
        n_pred["source"] += sum(1 for p in preds if p.speaker)
        matched = _match(text, golds, preds)
        for gi, pi in matched:
            g, p = golds[gi], preds[pi]
            tp["content"] += 1
            cue_ok = bool(g.get("cue")) and p.cue is not None and p.cue.text.lower() == g["cue"].lower()
            src_ok = bool(g.get("source")) and names_match(g["source"], p.speaker)
            tp["cue"] += cue_ok
            tp["source"] += src_ok
            if (g.get("cue") and not cue_ok) or (g.get("source") and not src_ok):
                errors.append(f"{item['id']}: {g['content'][:40]!r} gold {g.get('source')!r}/{g.get('cue')!r} "
                              f"pred {p.speaker!r}/{p.cue.text if p.cue else None!r}")
        for gi, g in enumerate(golds):
            if gi not in {m[0] for m in matched}:
                errors.append(f"{item['id']}: missed {g['content'][:50]!r} ({g['kind']})")
        for pi, p in enumerate(preds):
            if pi not in {m[1] for m in matched}:
                errors.append(f"{item['id']}: spurious {p.span.text[:50]!r} ({p.kind}, {p.speaker!r})")
        for claim in item.get("claims", []):
            chains += 1
            got = _claim_chain(pipeline, item, claim)
            ok = len(got) == len(claim["chain"]) and all(names_match(g, p) for g, p in zip(claim["chain"], got))
            chains_ok += ok
            if not ok:
                errors.append(f"{item['id']}: chain for {claim['anchor']!r} gold {claim['chain']} pred {got}")
    result = {k: _f1(tp[k], n_pred[k], n_gold[k]) for k in tp}
    result["claim_chains"] = {"correct": chains_ok, "total": chains, "accuracy": chains_ok / chains if chains else 0.0}
    result["errors"] = errors
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD, help=f"annotated sentences (default: {GOLD})")
    parser.add_argument("--errors", action="store_true", help="also print each quote and chain dateline got wrong")
    args = parser.parse_args(argv)
    path = args.gold
    if not path.is_file():
        parser.error(f"{path}: no such file; give a JSONL file of annotated sentences, as {GOLD.name}")
    result = run(path)
    print(f"quote attribution on {path.name} (dateline's own annotated sentences)")
    print(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}   citron PARC3 F1")
    for key in ("cue", "source", "content"):
        r = result[key]
        ref = f"{CITRON[key]:.1f}" if key in CITRON else "-"
        print(f"{key:10}{100 * r['precision']:7.1f}{100 * r['recall']:7.1f}{100 * r['f1']:7.1f}   {ref:>6}"
              f"   (tp {r['tp']}, pred {r['pred']}, gold {r['gold']})")
    c = result["claim_chains"]
    print(f"claim chains exact: {c['correct']}/{c['total']} ({100 * c['accuracy']:.1f}%)")
    if args.errors:
        print("\n".join(result["errors"]))


if __name__ == "__main__":
    main()
