"""Train the incident model that ships in `src/dateline/data/models/incident_model.json`.

    python tools/train_incident_model.py          # train on the development half, write the model and its card

The model says whether two events of one report tell the same incident (`dateline.extraction.incidents`). Its rows
are pairs of events the rules propose in one text, both telling an incident the annotators coded; the label is
whether they tell the same one. Training data, all licence-clean (see ../shared/eval/README.md and
docs/annotation.md): dateline's own labels on the **development half** of the Guardian and BBC articles and of
event_location_tune's sentences (MIT), and every text written for dateline, including the sets the event-decision
model leaves out (`HELD_OUT_WRITTEN` there: they were held out for what they did to terse single-incident notes,
which have no pairs; their long war reports retell incidents as real ones do). Never the test half, never ACLED,
CASE or GLOCON rows or labels.

A logistic regression over named pair features; out-of-fold figures (folds grouped by text) are printed and kept
in the card. Two events are merged when the model finds it more likely than not (THRESHOLD): a missed merge
lists one incident twice, a wrong one loses an incident, and the issue that asked for this counts both as
errors of the same weight.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.event_gold import gold_index, labelled_articles, run
from dateline.extraction.incidents import ReportText, pair_features
from dateline.settings import Settings

MODEL_PATH = ROOT / "src" / "dateline" / "data" / "models" / "incident_model.json"
SOURCES = {"guardian", "bbc", "written", "evloc"}
REAL = {"guardian", "bbc", "evloc"}
REAL_WEIGHT = 3.0  # as for the event-decision model: published articles over written ones
C = 1.0
FOLDS = 5
THRESHOLD = 0.5


def pair_rows() -> list[dict[str, Any]]:
    """Every pair of coded-incident candidates within one development text, with its label."""
    rows: list[dict[str, Any]] = []
    items = list(labelled_articles("dev", SOURCES))
    for it, report, doc in run(items, Settings(event_model=True), decide=False):
        text = ReportText(it.article.text, [s.start_char for s in doc.sents])
        group = hashlib.sha1(" ".join(it.article.text.split()).encode()).hexdigest()
        coded = [(e, k) for e in report.events if (k := gold_index(it, e)) is not None]
        for i, (a, ka) in enumerate(coded):
            for b, kb in coded[i + 1:]:
                rows.append({"features": pair_features(a, b, text), "label": int(ka == kb), "group": group,
                             "source": it.label["source"]})
    return rows


def figures(p: np.ndarray, y: np.ndarray, threshold: float) -> dict[str, float]:
    merged = p >= threshold
    return {"pairs": len(y), "same": int(y.sum()),
            "average_precision": round(float(average_precision_score(y, p)), 3) if 0 < y.sum() < len(y) else None,
            "precision": round(float(y[merged].mean()), 3) if merged.any() else None,
            "recall": round(float(y[merged].sum() / max(1, y.sum())), 3)}


def main() -> None:
    rows = pair_rows()
    y = np.array([r["label"] for r in rows])
    source = np.array([r["source"] for r in rows])
    groups = np.array([r["group"] for r in rows])
    weight = np.where(np.isin(source, sorted(REAL)), REAL_WEIGHT, 1.0)
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([r["features"] for r in rows])
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        fold = LogisticRegression(C=C, max_iter=3000).fit(x[train], y[train], sample_weight=weight[train])
        oof[test] = fold.predict_proba(x[test])[:, 1]
    real = np.isin(source, sorted(REAL))
    out_of_fold = {"all": figures(oof, y, THRESHOLD), "real_news": figures(oof[real], y[real], THRESHOLD),
                   "written": figures(oof[~real], y[~real], THRESHOLD)}
    print("pairs by source and label:", dict(Counter(zip(source.tolist(), y.tolist(), strict=True))))
    for name, fig in out_of_fold.items():
        print(f"out of fold, {name}: {fig}")
    model = LogisticRegression(C=C, max_iter=3000).fit(x, y, sample_weight=weight)
    names = list(vec.get_feature_names_out())
    card = {"trained": dt.date.today().isoformat(), "data": "dateline's own labels, development half only "
            "(Guardian, BBC, event_location sentences) and texts written for dateline",
            "pairs": dict(Counter(source.tolist())), "same_incident_pairs": int(y.sum()),
            "model": f"logistic regression, L2, C={C}, {len(names)} features", "threshold": THRESHOLD,
            "out_of_fold": out_of_fold}
    MODEL_PATH.write_text(json.dumps({"features": names, "coef": [round(float(c), 6) for c in model.coef_[0]],
                                      "intercept": round(float(model.intercept_[0]), 6), "threshold": THRESHOLD,
                                      "card": card}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({len(names)} features)")


if __name__ == "__main__":
    main()
