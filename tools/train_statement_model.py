"""Train the statement-decision model that ships in `src/dateline/data/models/statement_decision.json`.

    python tools/train_statement_model.py                 # train on the first half, write the model and its card
    python tools/train_statement_model.py --out /tmp/s.json --rows /tmp/rows.json
                                                          # a variant elsewhere; the first run saves the feature
                                                          # rows, later runs train from them in seconds

Training data: dateline's own statement labels (`gold/statements/guardian_bbc_dev.jsonl`, guide
docs/annotation.md "Statements") of the **first half** of `gold/splits.json` "statements" only (the second half is
the held-out figure of `benchmarks/statements_bench.py`); the Guardian and BBC texts stay in ../shared.

Every cue word the rules weigh (`statements.statement_candidates`: those they emit and those they turn down, with
the reason) becomes a row of named features (`statement_decision.statement_features`), labelled 1 when its cue
overlaps a labelled statement's trigger. An L2 logistic regression (scikit-learn, used only here) is fitted with
the clause words under a stronger prior (their columns scaled by WORD_SCALE); out-of-fold probabilities (folds
grouped by article, so no article scores itself) fit a Platt (sigmoid) calibration map and choose the cut: the
one with the highest F1 over the first half's statements, the ones no candidate finds counted as misses. The
shipped JSON holds feature names, weights, the map and the cut; scoring needs only numpy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

MODEL_PATH = ROOT / "src" / "dateline" / "data" / "models" / "statement_decision.json"
WRITTEN = ROOT / "gold" / "statements" / "written.jsonl"
C = 0.1
WORD_SCALE = 0.5  # clause words reach the fit scaled by this: an L2 prior four times as strong as the others'
MIN_WORD_ROWS = 3  # a clause word used by fewer candidates gets no weight
FOLDS = 5


def feature_rows(with_written: bool = False) -> list[dict[str, Any]]:
    """One row per candidate of the first half: article, features, label, the rules' verdict, gold count."""
    import gold as gold_tool
    from benchmarks.event_gold import _article_of
    from benchmarks.statements_bench import _mapped, halves, load, source_of
    from dateline.extraction import dates as dates_mod
    from dateline.extraction import quotes as quotes_mod
    from dateline.extraction.statement_decision import statement_features
    from dateline.extraction.statements import KEPT, statement_candidates
    from dateline.geo import resolve as geo_resolve
    from dateline.resources import Resources
    from dateline.settings import Settings

    half_of = halves()
    labels = [lab for lab in load() if half_of[lab["id"]] == "dev"]  # the held-out half is never read here
    texts = {src: gold_tool.texts(src) for src in sorted({source_of(lab["id"]) for lab in labels})}
    resources = Resources(Settings())
    rows: list[dict[str, Any]] = []
    items = [(lab, texts[source_of(lab["id"])][lab["id"]]) for lab in labels]
    if with_written:
        items += [(lab, {"text": lab["text"]}) for lab in load(WRITTEN)]
    stream = ((_article_of(lab, rec).text, (lab, rec)) for lab, rec in items)
    for doc, (label, rec) in resources.nlp.pipe(stream, as_tuples=True, batch_size=16):
        article = _article_of(label, rec)
        places = geo_resolve.places_from_doc(article, doc, resources)
        dates = dates_mod.dates_from_doc(article, doc, resources)
        quotes = quotes_mod.quotes_from_doc(article, doc, resources)
        gold = [_mapped(rec["text"], article, g["start"], g["end"]) for g in label["statements"]]
        found: set[int] = set()
        for cand in statement_candidates(article, doc, resources, places, dates, quotes):
            trig = cand.statement.trigger
            hit = next((i for i, (s, e) in enumerate(gold) if min(e, trig.end) > max(s, trig.start)), None)
            y = int(hit is not None and hit not in found)  # one candidate per labelled statement, as scored
            if hit is not None:
                found.add(hit)
            rows.append({"article": label["id"], "y": y, "kept": cand.verdict == KEPT, "written": "text" in label,
                         "features": statement_features(cand, doc, quotes)})
        if "text" not in label:
            rows.append({"article": label["id"], "gold": len(gold)})
    return rows


def f1_at(p: np.ndarray, y: np.ndarray, gold: int, cut: float) -> tuple[float, float, float]:
    kept = p >= cut
    tp = float(y[kept].sum())
    precision = tp / max(1, int(kept.sum()))
    recall = tp / max(1, gold)
    return precision, recall, 2 * precision * recall / (precision + recall) if tp else 0.0


def platt(p: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Platt scaling of out-of-fold probabilities, tabulated on a grid so the package interpolates it."""
    def logit(q: np.ndarray) -> np.ndarray:
        return np.log(np.clip(q, 1e-6, 1 - 1e-6) / np.clip(1 - q, 1e-6, 1)).reshape(-1, 1)
    fitted = LogisticRegression(C=1e6, max_iter=1000).fit(logit(p), y)
    grid = np.linspace(0.0, 1.0, 201)
    return grid, fitted.predict_proba(logit(grid))[:, 1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--rows", type=Path, help="feature rows: written on the first run, read after")
    parser.add_argument("--with-written", action="store_true",
                        help=f"also train on {WRITTEN.name} (tried; it lowers the out-of-fold F1: docs/models.md)")
    args = parser.parse_args(argv)
    if args.rows is not None and args.rows.exists():
        all_rows = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        all_rows = feature_rows(args.with_written)
        if args.rows is not None:
            args.rows.write_text(json.dumps(all_rows), encoding="utf-8")
    gold = sum(r["gold"] for r in all_rows if "gold" in r)
    rows = [r for r in all_rows if "y" in r]
    y = np.array([r["y"] for r in rows])
    real = np.array([not r["written"] for r in rows])
    rules = np.array([r["kept"] for r in rows], dtype=float)
    groups = np.array([r["article"] for r in rows])
    seen = Counter(k for r in rows for k in r["features"] if k.startswith("w="))
    feats = [{k: v for k, v in r["features"].items() if not k.startswith("w=") or seen[k] >= MIN_WORD_ROWS}
             for r in rows]
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(feats).toarray()
    names = list(vec.get_feature_names_out())
    scale = np.array([WORD_SCALE if n.startswith("w=") else 1.0 for n in names])
    xs = x * scale

    # folds of the real articles; the written texts train in every fold and are never scored
    oof = np.zeros(len(y))
    (real_rows,) = np.nonzero(real)
    for train, test in GroupKFold(n_splits=FOLDS).split(xs[real], y[real], groups[real]):
        train = np.concatenate([real_rows[train], np.flatnonzero(~real)])
        fold = LogisticRegression(C=C, max_iter=5000).fit(xs[train], y[train])
        oof[real_rows[test]] = fold.predict_proba(xs[real_rows[test]])[:, 1]
    oof, y_all, y, rules = oof[real], y, y[real], rules[real]
    calib_x, calib_y = platt(oof, y)
    calibrated = np.interp(oof, calib_x, calib_y)
    cuts = np.round(np.linspace(0.05, 0.95, 91), 2)
    scores = [(f1_at(calibrated, y, gold, float(t))[2], -float(t)) for t in cuts]
    threshold = -max(scores)[1]
    p_oof, r_oof, f_oof = f1_at(calibrated, y, gold, threshold)
    p_rules, r_rules, f_rules = f1_at(rules, y, gold, 0.5)

    model = LogisticRegression(C=C, max_iter=5000).fit(xs, y_all)
    coef = model.coef_[0] * scale
    card = {
        "what": "probability that a coder keeps a statement the rules propose (dateline/extraction/statement_decision.py)",
        "data": f"first half of gold/statements/guardian_bbc_dev.jsonl: {len(set(groups[real]))} articles, {len(y)} "
                f"candidates, {int(y.sum())} of {gold} labelled statements found by a candidate"
                + (f"; {WRITTEN.name}: {len(set(groups[~real]))} written texts, {int((~real).sum())} candidates, "
                   f"{int(y_all[~real].sum())} statements" if (~real).any() else ""),
        "model": f"L2 logistic regression (C={C}; clause words scaled by {WORD_SCALE}, used by >= {MIN_WORD_ROWS} "
                 f"candidates) over {len(names)} features, Platt calibration on {FOLDS}-fold out-of-fold scores "
                 "grouped by article",
        "threshold": f"{threshold}: the highest out-of-fold F1 on the first half",
        "first_half_out_of_fold": {"precision": round(p_oof, 3), "recall": round(r_oof, 3), "f1": round(f_oof, 3)},
        "first_half_rules": {"precision": round(p_rules, 3), "recall": round(r_rules, 3), "f1": round(f_rules, 3)},
        "candidate_recall": round(float(y.sum()) / max(1, gold), 3),
    }
    out = {"features": names, "coef": [round(float(c), 6) for c in coef],
           "intercept": round(float(model.intercept_[0]), 6),
           "calib_x": [round(float(v), 4) for v in calib_x], "calib_y": [round(float(v), 6) for v in calib_y],
           "threshold": threshold, "card": card}
    args.out.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=1))


if __name__ == "__main__":
    main()
