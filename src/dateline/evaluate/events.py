"""Event scoring: one-to-one Hungarian matching of gold and predicted events, then field accuracy.

Matching (DESIGN.md "Gold files and scoring"):
- a pair may match only when some gold evidence string, found in the article text, overlaps a span of the
  predicted event (its `mentions` or any `evidence` span). A gold event without evidence (or whose evidence is
  not in the text) may match a prediction with the same sub-type and the same place or date;
- among allowed pairs the assignment maximises agreement: sub-type, then place, then date, then required over
  optional gold, then the amount of overlapping text (scipy's `linear_sum_assignment`).

Counting: a matched required gold event is a true positive; an unmatched one a miss; an unmatched prediction
spurious. An `optional` gold event is matched when it can be, and then its prediction counts neither way. A
matched pair that breaks the gold's `must_not` is not a match: the gold event counts as missed (if required)
and the prediction as spurious.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from dateline.evaluate.compare import (
    TextIndex,
    as_date,
    as_options,
    is_scored,
    names_equal,
    overlap_chars,
    ranges_overlap,
    value_matches,
    within_km,
)
from dateline.evaluate.scores import Scores
from dateline.model import Event

KIND = "events"
PLAIN_FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "country", "admin1", "location",
                "geo_precision", "actor1", "actor2", "fatalities", "claimed_by")
# Scored field order in the table: coordinates follow location.
FIELD_ORDER = ("event_type", "sub_event_type", "event_date", "time_precision", "country", "admin1", "location",
               "coordinates", "within_25km", "geo_precision", "actor1", "actor2", "fatalities", "claimed_by")

# must_not grammar (case-insensitive; text after ":" or ";" is the reason and is ignored):
#   "geocode to PLACE in COUNTRY"  → fails when the event's location is PLACE and its country is COUNTRY
#   "geocode to PLACE"             → fails when the event's location or country is PLACE
#   "code as VALUE" / "be coded as VALUE" → fails when the event's event_type or sub_event_type is VALUE
_GEOCODE = re.compile(r"geocoded?\s+(?:it\s+)?(?:to|as)\s+(?P<place>[^:;,.]+?)(?:\s+in\s+(?P<country>[^:;,.]+?))?"
                      r"\s*(?:[:;,.]|$)", re.IGNORECASE)
_CODE_AS = re.compile(r"\bcoded?\s+as\s+(?P<value>[^:;,.]+?)\s*(?:[:;,.]|$)", re.IGNORECASE)


@dataclass
class EventMatch:
    gold: dict[str, Any]
    pred: Event
    failed: str | None = None  # the must_not rule the prediction broke


def event_ranges(event: Event) -> list[tuple[int, int]]:
    spans = list(event.mentions) + list(event.evidence.values())
    return [(s.start, s.end) for s in spans]


def gold_ranges(gold: dict[str, Any], index: TextIndex) -> tuple[list[tuple[int, int]], list[str]]:
    """Ranges of the gold's evidence strings in the text, and the strings that were not found."""
    found: list[tuple[int, int]] = []
    missing: list[str] = []
    for text in as_options(gold.get("evidence")):
        hits = index.find_all(str(text))
        if hits:
            found += hits
        else:
            missing.append(str(text))
    return found, missing


def place_matches(gold: dict[str, Any], pred: Event) -> bool:
    if is_scored(gold.get("location")) and value_matches("location", gold["location"], pred.location):
        return True
    near = within_km(gold.get("latitude"), gold.get("longitude"), pred.latitude, pred.longitude)
    if near:
        return True
    if not is_scored(gold.get("location")) and is_scored(gold.get("admin1")):
        return value_matches("admin1", gold["admin1"], pred.admin1)
    return False


def date_matches(gold: dict[str, Any], pred: Event) -> bool:
    return is_scored(gold.get("event_date")) and value_matches("event_date", gold["event_date"], pred.event_date)


def subtype_matches(gold: dict[str, Any], pred: Event) -> bool:
    return is_scored(gold.get("sub_event_type")) and value_matches(
        "sub_event_type", gold["sub_event_type"], pred.sub_event_type)


def pair_weight(gold: dict[str, Any], granges: list[tuple[int, int]], pred: Event) -> float:
    """0 when the pair may not match; otherwise higher is a better match."""
    pranges = event_ranges(pred)
    sub, place, date = subtype_matches(gold, pred), place_matches(gold, pred), date_matches(gold, pred)
    if granges:
        if not ranges_overlap(granges, pranges):
            return 0.0
    elif not (sub and (place or date)):
        return 0.0
    span_len = sum(e - s for s, e in granges) or 1
    overlap = min(1.0, overlap_chars(granges, pranges) / span_len) if granges else 0.0
    return 10.0 + 4.0 * sub + 2.0 * place + 1.0 * date + 0.5 * (not gold.get("optional")) + 0.25 * overlap


def assign(weights: np.ndarray) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one pairs (row, col) with positive weight."""
    if weights.size == 0:
        return []
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if weights[r, c] > 0]


def must_not_violation(rule: str, pred: Event) -> bool | None:
    """True/False for a rule in the supported grammar; None when the rule is not understood."""
    m = _GEOCODE.search(rule)
    if m:
        place, country = m.group("place").strip(), (m.group("country") or "").strip()
        if country:
            return names_equal(place, pred.location) and names_equal(country, pred.country)
        return names_equal(place, pred.location) or names_equal(place, pred.country)
    m = _CODE_AS.search(rule)
    if m:
        value = m.group("value").strip()
        return names_equal(value, pred.sub_event_type) or names_equal(value, pred.event_type)
    return None


def _failed_rule(gold: dict[str, Any], pred: Event, scores: Scores, doc_id: str) -> str | None:
    for rule in as_options(gold.get("must_not")):
        verdict = must_not_violation(str(rule), pred)
        if verdict is None:
            scores.warnings.append(f"{doc_id} {gold.get('id', '?')}: must_not {rule!r} is not in the supported "
                                   "grammar (geocode to PLACE [in COUNTRY] | code as VALUE); not checked")
        elif verdict:
            return str(rule)
    return None


def match_events(golds: list[dict[str, Any]], preds: list[Event], index: TextIndex, scores: Scores,
                 doc_id: str) -> tuple[list[EventMatch], list[int], list[int]]:
    """Matches, indexes of unmatched gold events, indexes of unmatched predictions."""
    ranges = []
    for g in golds:
        found, missing = gold_ranges(g, index)
        for text in missing:
            scores.warnings.append(f"{doc_id} {g.get('id', '?')}: gold evidence not found in the text: {text[:60]!r}")
        ranges.append(found)
    weights = np.array([[pair_weight(g, r, p) for p in preds] for g, r in zip(golds, ranges, strict=True)],
                       dtype=float).reshape(len(golds), len(preds))
    pairs = assign(weights)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    matches = [EventMatch(golds[gi], preds[pi], _failed_rule(golds[gi], preds[pi], scores, doc_id))
               for gi, pi in pairs]
    return (matches, [i for i in range(len(golds)) if i not in matched_g],
            [i for i in range(len(preds)) if i not in matched_p])


def score_fields(gold: dict[str, Any], pred: Event | None, scores: Scores, kind: str, doc_id: str) -> None:
    """Field accuracy of one gold event against its predicted event (None = no prediction: every field wrong)."""
    item = str(gold.get("id", "?"))
    for name in FIELD_ORDER:
        if name in ("coordinates", "within_25km"):
            _score_coordinates(gold, pred, scores, kind, doc_id, name)
            continue
        if name not in gold or not is_scored(gold[name]):
            continue
        value = getattr(pred, name) if pred is not None else None
        ok = pred is not None and value_matches(name, gold[name], value)
        shown = value.isoformat() if hasattr(value, "isoformat") else value
        scores.field_result(kind, name, ok, doc=doc_id, item=item, gold=gold[name], pred=shown)


def _score_coordinates(gold: dict[str, Any], pred: Event | None, scores: Scores, kind: str, doc_id: str,
                       name: str) -> None:
    """`coordinates`: within 25 km when the gold geo_precision is 1, inside the gold admin1 when it is 2 or 3
    (any of a list); `within_25km`: the distance alone. Scored only when the gold gives a point."""
    plat = pred.latitude if pred else None
    plon = pred.longitude if pred else None
    near = within_km(gold.get("latitude"), gold.get("longitude"), plat, plon)
    if near is None:
        return
    ok = near
    if name == "coordinates":
        precisions = {int(p) for p in as_options(gold.get("geo_precision")) if str(p).strip().isdigit()} or {1}
        ok = (1 in precisions and near) or (
            bool(precisions - {1}) and pred is not None and is_scored(gold.get("admin1"))
            and value_matches("admin1", gold["admin1"], pred.admin1))
    scores.field_result(kind, name, bool(ok), doc=doc_id, item=str(gold.get("id", "?")),
                        gold=[gold.get("latitude"), gold.get("longitude")], pred=[plat, plon])


def score_events(golds: list[dict[str, Any]], preds: list[Event], index: TextIndex, scores: Scores,
                 doc_id: str) -> list[EventMatch]:
    detection = scores.prf(KIND)
    matches, missed, spurious = match_events(golds, preds, index, scores, doc_id)
    for m in matches:
        optional = bool(m.gold.get("optional"))
        if m.failed:
            scores.count("events: must_not violations")
            scores.errors.append({"doc": doc_id, "kind": KIND, "item": m.gold.get("id"), "field": "(must_not)",
                                  "gold": m.failed, "pred": m.pred.id})
            detection.fp = (detection.fp or 0) + 1
            if not optional:
                detection.fn += 1
            continue
        if not optional:
            detection.tp += 1
        score_fields(m.gold, m.pred, scores, KIND, doc_id)
    for gi in missed:
        gold = golds[gi]
        if gold.get("optional"):
            continue
        detection.fn += 1
        scores.errors.append({"doc": doc_id, "kind": KIND, "item": gold.get("id"), "field": "(missed)",
                              "gold": (as_options(gold.get("evidence")) or [None])[0], "pred": None})
    for pi in spurious:
        detection.fp = (detection.fp or 0) + 1
        pred = preds[pi]
        scores.errors.append({"doc": doc_id, "kind": KIND, "item": pred.id, "field": "(spurious)", "gold": None,
                              "pred": pred.mentions[0].text[:160] if pred.mentions else pred.sub_event_type})
    return matches


def best_event(gold: dict[str, Any], preds: list[Event]) -> Event | None:
    """The prediction that best fits one gold event: sub-type, then place, then event type, then date."""
    if not preds:
        return None

    def key(p: Event) -> tuple[bool, bool, bool, bool]:
        etype = is_scored(gold.get("event_type")) and value_matches("event_type", gold["event_type"], p.event_type)
        return (subtype_matches(gold, p), place_matches(gold, p), etype, date_matches(gold, p))

    return max(preds, key=key)  # max keeps the first of equals: the article's earliest event


def iso(value: object) -> str | None:
    d = as_date(value)
    return d.isoformat() if d else None
