"""Scoring ACLED rows used as gold: the notes are the text, the row is the one event it describes.

- `acled` detection row: recall of "at least one event predicted for the note" (a note always reports an
  event; other predicted events may be legitimate secondary events, so precision is not measured).
- field accuracy of the best-fitting predicted event (sub-type, then place, then event type, then date), over
  ALL rows: a note with no predicted event counts as wrong for every scored field.
"""

from __future__ import annotations

from dateline.evaluate.events import best_event, score_fields
from dateline.evaluate.gold import GoldDoc
from dateline.evaluate.scores import Scores
from dateline.model import Report

KIND = "acled"


def score_acled(gold: GoldDoc, report: Report, scores: Scores) -> None:
    row = scores.prf(KIND, precision=False)
    scores.count("acled: predicted events", len(report.events))
    for gold_event in gold.events:
        pred = best_event(gold_event, list(report.events))
        if pred is None:
            row.fn += 1
            scores.errors.append({"doc": gold.id, "kind": KIND, "item": gold.id, "field": "(missed)",
                                  "gold": gold_event.get("sub_event_type"), "pred": None})
        else:
            row.tp += 1
        score_fields(gold_event, pred, scores, KIND, gold.id)
