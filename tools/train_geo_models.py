"""Train the geocoder's two small models (dev time only: needs scikit-learn, `pip install -e .[dev]`).

    DATELINE_SHARED=../shared python tools/train_geo_models.py toponym
    DATELINE_SHARED=../shared python tools/train_geo_models.py event_place
    DATELINE_SHARED=../shared python tools/train_geo_models.py evaluate     # blind-half figures, no training

Training data (licence-clean, see docs/models.md): the DEV half of event_location_tune.jsonl (MIT,
A. Halterman 2019; ids in gold/event_location_split.json) and gold/toponyms_written.jsonl (our own sentences).
The TEST half is only scored, by `evaluate`, after the weights are written. Weights go to
src/dateline/geo/data/*.json as plain {feature: weight}; run time needs no scikit-learn.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
DATA = REPO / "src" / "dateline" / "geo" / "data"
SPLIT = REPO / "gold" / "event_location_split.json"
WRITTEN = REPO / "gold" / "toponyms_written.jsonl"
PLACE_NER = {"GPE", "LOC", "FAC"}


def event_location_rows(half: str) -> list[dict]:
    ids = set(json.loads(SPLIT.read_text())[half])
    path = SHARED / "eval" / "event_location_tune.jsonl"
    return [r for r in map(json.loads, path.open()) if r["id"] in ids]


def resources():  # type: ignore[no-untyped-def]
    from dateline.resources import Resources

    return Resources()


def spacy_only(res):  # type: ignore[no-untyped-def]
    nlp = res.nlp
    return nlp, [p for p in nlp.pipe_names if p.startswith("dateline_")]


def toponym_examples(res, rows: list[dict], written: bool):  # type: ignore[no-untyped-def]
    """(features, label, group, text) per candidate. event_location: a candidate overlapping a LOCATION span
    is a place; one that NER does not call a place is a (weak) negative; an NER place that is not the event's
    location is left out (most such are real places the data does not label)."""
    from dateline.geo.models import english_words
    from dateline.nlp.components.places import candidate_features, propose_toponyms

    nlp, dl = spacy_only(res)
    words = english_words(nlp)
    gaz = res.gazetteer
    out = []
    with nlp.select_pipes(disable=dl):
        docs = nlp.pipe([r["text"] for r in rows], batch_size=64)
        for row, doc in zip(rows, docs):
            if written:
                pos = [(s["start"], s["end"]) for s in row["spans"] if s["label"] == "PLACE"]
                neg = [(s["start"], s["end"]) for s in row["spans"] if s["label"] == "NOT_PLACE"]
            else:
                pos = [(s["start"], s["end"]) for s in row["spans"] if s["label"] == "LOCATION"]
                neg = None
            for cand in propose_toponyms(doc, gaz):
                if cand.source == "LANDMARK":
                    continue
                span = doc[cand.start : cand.end]
                a, b = span.start_char, span.end_char
                if any(a < e and s < b for s, e in pos):
                    label = 1
                elif neg is not None:
                    if not any(a < e and s < b for s, e in neg):
                        continue
                    label = 0
                else:
                    # a weak negative: a sample showed four in five of them to be real places the data does not
                    # label (not the event's place), so event_location_tune gives positives only
                    continue
                out.append((candidate_features(doc, cand, gaz, words), label, row["id"], span.text, row["text"]))
    return out


def fit(examples, c: float = 1.0):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([e[0] for e in examples])
    y = [e[1] for e in examples]
    clf = LogisticRegression(C=c, max_iter=2000, class_weight=None)
    clf.fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.feature_names_, clf.coef_[0]) if abs(w) > 1e-6}
    return weights, round(float(clf.intercept_[0]), 5)


def prf(examples, model, threshold):  # type: ignore[no-untyped-def]
    tp = fp = fn = 0
    for x, y, *_ in examples:
        p = model.probability(x) >= threshold
        tp += p and y
        fp += p and not y
        fn += (not p) and y
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return round(pr, 4), round(rc, 4), round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0, sum(e[1] for e in examples), sum(1 - e[1] for e in examples)


def train_toponym() -> None:
    from sklearn.model_selection import GroupKFold

    from dateline.geo.models import LinearModel

    res = resources()
    written = [r for r in map(json.loads, WRITTEN.open()) if r["half"] == "dev"]
    dev = toponym_examples(res, event_location_rows("dev"), written=False)
    own = toponym_examples(res, written, written=True)
    data = dev + own
    print(f"examples: event_location dev {len(dev)} ({sum(e[1] for e in dev)} places), written {len(own)} "
          f"({sum(e[1] for e in own)} places)")
    # threshold and C from 5-fold cross-validation on dev (grouped by sentence), for precision at high recall
    groups = [e[2] for e in data]
    best = None
    for c in (0.3, 1.0, 3.0):
        oof: list[tuple[float, int, bool]] = []
        for tr, te in GroupKFold(n_splits=5).split(data, groups=groups):
            w, b = fit([data[i] for i in tr], c)
            m = LinearModel("cv", w, b, 0.5)
            oof += [(m.probability(data[i][0]), data[i][1], data[i][2].startswith("written")) for i in te]
        for t in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            ev = [(p >= t, y) for p, y, _ in oof]
            tp = sum(1 for p, y in ev if p and y)
            fp = sum(1 for p, y in ev if p and not y)
            fn = sum(1 for p, y in ev if not p and y)
            pr, rc = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            # places lost cost more than names kept: the resolver's context rules catch some of the latter
            score = 2 * pr * rc / (pr + rc) if rc >= 0.97 else rc - 1
            print(f"C={c} t={t}: precision {pr:.3f} recall {rc:.3f}")
            if best is None or score > best[0]:
                best = (score, c, t, pr, rc)
    _, c, t, pr, rc = best
    weights, bias = fit(data, c)
    model = {"name": "toponym recognizer", "weights": dict(sorted(weights.items())), "bias": bias, "threshold": t,
             "trained_on": "event_location_tune.jsonl dev half (MIT, A. Halterman 2019) + gold/toponyms_written.jsonl",
             "C": c, "examples": len(data), "cv_dev": {"precision": round(pr, 4), "recall": round(rc, 4)}}
    (DATA / "toponym_model.json").write_text(json.dumps(model, indent=1) + "\n")
    print("chosen", c, t, pr, rc, "features", len(weights))


def train_event_place() -> None:
    raise NotImplementedError


def evaluate_toponym(res) -> dict:  # type: ignore[no-untyped-def]
    """Blind figures: recall on the TEST half's event LOCATION spans, precision and recall on the held-out
    templates of the written sentences (the only labelled negatives)."""
    from dateline.geo.models import TOPONYM_MODEL, load_model

    model = load_model(TOPONYM_MODEL)
    out = {}
    for name, rows, written in (("event_location_test", event_location_rows("test"), False),
                                ("written_test", [r for r in map(json.loads, WRITTEN.open()) if r["half"] == "test"], True),
                                ("written_dev", [r for r in map(json.loads, WRITTEN.open()) if r["half"] == "dev"], True)):
        ex = toponym_examples(res, rows, written)
        pr, rc, f1, n_pos, n_neg = prf(ex, model, model.threshold)
        out[name] = {"precision": pr, "recall": rc, "f1": f1, "places": n_pos, "non_places": n_neg}
        for x, y, _, text, sent in ex:
            p = model.probability(x)
            if (p >= model.threshold) != bool(y) and name != "event_location_test":
                print(f"  {name} {'FN' if y else 'FP'} p={p:.2f} {text!r} | {sent[:100]}")
    return out


def evaluate() -> None:
    res = resources()
    print(json.dumps({"toponym": evaluate_toponym(res)}, indent=1))


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "toponym"
    if what == "toponym":
        train_toponym()
    elif what == "event_place":
        train_event_place()
    elif what == "evaluate":
        evaluate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
