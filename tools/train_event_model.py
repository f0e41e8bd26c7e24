"""Train the event-decision model that ships in `src/dateline/data/models/event_decision.json`.

    python tools/train_event_model.py            # train on the development half, write the model and its card

Training data, all licence-clean (see ../shared/eval/README.md and docs/annotation.md):
- dateline's own labels on the **development half** of the Guardian world-news and BBC news articles
  (weights only; the texts stay in ../shared);
- sentences written for dateline (`gold/labels/written.jsonl`), positives of every sub-type and hard negatives.
Never the test half, and never ACLED, CASE or GLOCON rows or labels.

Each event the rules propose becomes a row of named features (`dateline.extract.decide.event_features`),
labelled 1 when it tells an incident the annotators coded. A logistic regression (scikit-learn, used only
here) is fitted; its out-of-fold probabilities (folds grouped by article, so no article scores itself) fit a
Platt (sigmoid) calibration map and choose the threshold (both on real articles' rows only): the lowest probability at which the kept events reach
precision >= 0.85 on those out-of-fold predictions. The shipped JSON holds feature names, weights, the map and
the threshold; scoring needs only numpy.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.event_gold import feature_rows, labelled_articles

MODEL_PATH = ROOT / "src" / "dateline" / "data" / "models" / "event_decision.json"
TRAIN_SOURCES = {"guardian", "bbc", "written", "evloc"}
REAL_ARTICLES = {"guardian", "bbc"}  # whole articles; written texts and single sentences are not
REAL_WEIGHT = 3.0
TARGET_PRECISION = 0.85
C_GRID = (0.03, 0.1, 0.3, 1.0)
FOLDS = 5
SUBTYPE_C = 3.0
# The sub-type model never overrules the codebook's hand-written sub-type rules (a switch above 1): out of fold
# it gains under a point on the annotated texts, and even at 0.9 it contradicts rules the codebook states
# (tests/test_events*.py: "suspects killed in a police raid" became force against protesters). Its choice is
# shown to reviewers as a hint instead.
SUBTYPE_SWITCH = 1.01


def out_of_fold(x: Any, y: np.ndarray, groups: np.ndarray, c: float, weight: np.ndarray) -> np.ndarray:
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        model = LogisticRegression(C=c, max_iter=2000)
        model.fit(x[train], y[train], sample_weight=weight[train])
        oof[test] = model.predict_proba(x[test])[:, 1]
    return oof


def choose_threshold(p: np.ndarray, y: np.ndarray, target: float) -> tuple[float, float, float]:
    """Lowest cut at which the kept events' expected precision (the mean calibrated probability of what is
    kept) reaches the target; (threshold, observed precision, observed recall) at that cut.

    Counting the kept positives instead would let a handful of development events move the cut by a tenth;
    the calibrated curve is fitted to all of them and moves smoothly."""
    for t in np.round(np.linspace(0.0, 1.0, 1001), 3):
        kept = p >= t
        if kept.any() and float(p[kept].mean()) >= target:
            return float(t), float(y[kept].mean()), float(y[kept].sum() / max(1, y.sum()))
    return 1.0, 1.0, 0.0


def platt_map(p: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Platt scaling of out-of-fold probabilities, tabulated on a grid so the package interpolates it.
    A sigmoid has two parameters: on a few dozen positives it is steadier than an isotonic step map."""
    logit = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1)).reshape(-1, 1)
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(logit, y)
    grid = np.linspace(0.0, 1.0, 201)
    grid_logit = np.log(np.clip(grid, 1e-6, 1 - 1e-6) / np.clip(1 - grid, 1e-6, 1)).reshape(-1, 1)
    return grid, platt.predict_proba(grid_logit)[:, 1]


def pr_points(p: np.ndarray, y: np.ndarray) -> str:
    """Precision where the kept events first reach each recall level (to see what a threshold can buy)."""
    order = np.argsort(-p)
    hits = np.cumsum(y[order])
    out = []
    for level in (0.2, 0.4, 0.5, 0.6, 0.7, 0.8):
        k = int(np.searchsorted(hits, level * max(1, y.sum())))
        if k < len(order):
            out.append(f"R{level:.1f}:P{hits[k] / (k + 1):.2f}")
    return " ".join(out)


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 5) -> list[dict[str, float]]:
    rows = []
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in itertools.pairwise(edges):
        sel = (p >= lo) & ((p < hi) if hi < 1 else (p <= hi))
        if sel.any():
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(sel.sum()), "mean_p": round(float(p[sel].mean()), 3),
                         "observed": round(float(y[sel].mean()), 3)})
    return rows


def train_subtype(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The sub-type model, on the events the annotators kept (their sub-type is the label). The switch (how sure
    it must be to override the rules) is SUBTYPE_SWITCH; out-of-fold accuracy is printed for every cut."""
    kept = [r for r in rows if r["label"] and r.get("gold_sub_event_type")]
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([r["features"] for r in kept])
    y = np.array([r["gold_sub_event_type"] for r in kept])
    rule = np.array([r["sub_event_type"] for r in kept])
    groups = np.array([r["article"] for r in kept])
    top = np.empty(len(y), dtype=object)
    top_p = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        fold = LogisticRegression(C=SUBTYPE_C, max_iter=3000).fit(x[train], y[train])
        proba = fold.predict_proba(x[test])
        top[test], top_p[test] = fold.classes_[proba.argmax(1)], proba.max(1)
    accuracy = {t: float(np.mean(np.where(top_p >= t, top, rule) == y)) for t in (0.4, 0.5, 0.7, 0.8, 0.9, 1.01)}
    print("sub-type accuracy out of fold by switch:", {t: round(a, 3) for t, a in accuracy.items()})
    switch = SUBTYPE_SWITCH
    final = LogisticRegression(C=SUBTYPE_C, max_iter=3000).fit(x, y)
    print(f"sub-type: rules {float(np.mean(rule == y)):.3f}, combined out-of-fold {accuracy[switch]:.3f} "
          f"(switch at {switch}) on {len(kept)} kept events")
    return {"features": list(vec.get_feature_names_out()), "classes": [str(c) for c in final.classes_],
            "coef": [[round(float(v), 5) for v in row] for row in final.coef_],
            "intercept": [round(float(v), 5) for v in final.intercept_], "switch": switch,
            "card": {"rows": len(kept), "rules_accuracy_out_of_fold": round(float(np.mean(rule == y)), 3),
                     "combined_accuracy_out_of_fold": round(accuracy[switch], 3)}}


def main() -> None:
    items = list(labelled_articles("dev", TRAIN_SOURCES))
    rows = feature_rows(items)
    if not rows:
        raise SystemExit("no labelled development articles: annotate first (docs/annotation.md)")
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([r["features"] for r in rows])
    y = np.array([1 if r["label"] else 0 for r in rows])
    groups = np.array([r["article"] for r in rows])
    real = np.array([r["source"] in REAL_ARTICLES for r in rows])
    # Whole real articles are what dateline reads; written texts and lone sentences help, but count for less.
    weight = np.where(real, REAL_WEIGHT, 1.0)
    print(f"{len(rows)} candidate events from {len(items)} articles; {int(y.sum())} kept by the annotators; "
          f"{x.shape[1]} features")
    scores = {}
    for c in C_GRID:
        oof = out_of_fold(x, y, groups, c, weight)
        scores[c] = (log_loss(y, np.clip(oof, 1e-6, 1 - 1e-6)), oof)
        print(f"C={c}: out-of-fold log loss {scores[c][0]:.4f}")
    c_best = min(scores, key=lambda c: scores[c][0])
    oof = scores[c_best][1]
    # Calibration and the threshold come from real articles only: written sentences are short and clean, and
    # would make the model look surer than it is on news.
    calib_x, calib_y = platt_map(oof[real], y[real])
    calibrated = np.interp(oof[real], calib_x, calib_y)
    threshold, precision, recall = choose_threshold(calibrated, y[real], TARGET_PRECISION)
    print("out-of-fold on real articles, precision at recall:", pr_points(oof[real], y[real]))
    final = LogisticRegression(C=c_best, max_iter=2000).fit(x, y, sample_weight=weight)
    names = list(vec.get_feature_names_out())
    by_source = {s: int(sum(1 for r in rows if r["source"] == s)) for s in sorted({r["source"] for r in rows})}
    card = {
        "name": "dateline event decision",
        "trained": dt.date.today().isoformat(),
        "model": f"logistic regression (L2, C={c_best}) over {len(names)} named features + Platt calibration",
        "training_data": "dateline's own labels on the development half of gold/splits.json (Guardian world news "
                         "2019, BBC news 2004-05), on 400 sentences of the development half of event_location_tune "
                         "(MIT), and texts written for dateline (gold/labels/written.jsonl, synth-*.jsonl)",
        "rows": len(rows), "positives": int(y.sum()), "rows_by_source": by_source, "articles": len(items),
        "threshold": threshold,
        "out_of_fold_at_threshold": {"precision": round(precision, 3), "recall": round(recall, 3)},
        "out_of_fold_log_loss": round(scores[c_best][0], 4),
        "calibration_rows": int(real.sum()), "calibration_positives": int(y[real].sum()),
        "reliability_out_of_fold": reliability(calibrated, y[real]),
    }
    model = {"features": names, "coef": [round(float(v), 6) for v in final.coef_[0]],
             "intercept": round(float(final.intercept_[0]), 6),
             "calib_x": [round(float(v), 6) for v in calib_x],
             "calib_y": [round(float(v), 6) for v in calib_y], "threshold": threshold, "card": card}
    model["subtype"] = train_subtype(rows)
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    top = sorted(zip(final.coef_[0], names, strict=True), key=lambda t: -abs(t[0]))[:25]
    print(json.dumps(card, indent=1))
    print("strongest features:", ", ".join(f"{n} {w:+.2f}" for w, n in top))
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
