"""Scoring one `dateline-gold/1` article against one predicted `Report`: article metadata, events,
not-events, quotes, statements, attributions and places. Events live in `evaluate.events`."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from dateline.evaluate.compare import (
    TextIndex,
    as_options,
    is_scored,
    names_overlap,
    opening_words,
    ranges_overlap,
    value_matches,
    within_km,
)
from dateline.evaluate.events import assign, event_ranges, score_events
from dateline.evaluate.gold import GoldDoc
from dateline.evaluate.scores import Scores
from dateline.model import Quote, Report, Span

ARTICLE_FIELDS = ("title", "subtitle", "publisher", "published", "dateline_place")
# "X (second copy)" in boilerplate_removed: X may stay once, its repetition must go.
_COPY_NOTE = re.compile(r"\s*\((second|repeated|duplicate)[^)]*\)\s*$", re.IGNORECASE)


def score_article(gold: GoldDoc, report: Report, scores: Scores) -> None:
    index = TextIndex(report.article.text)
    data = gold.data
    _score_metadata(data.get("article") or {}, report, index, scores, gold.id)
    # A kind the gold leaves out (no key, or null) is not scored, as a field left out is not: scored against
    # nothing, every prediction of it would count as spurious. An empty list says the article holds none.
    if data.get("events") is not None:
        score_events(list(data["events"]), list(report.events), index, scores, gold.id)
    _score_not_events(list(data.get("not_events") or []), report, index, scores, gold.id)
    if data.get("quotes") is not None:
        _score_quotes(list(data["quotes"]), list(report.quotes), scores, gold.id)
    if data.get("statements") is not None:
        _score_statements(list(data["statements"]), report, index, scores, gold.id)
    _score_attributions(list(data.get("attributions") or []), report, index, scores, gold.id)
    _score_places(list(data.get("places") or []), report, scores, gold.id)


def _score_metadata(gold: dict[str, Any], report: Report, index: TextIndex, scores: Scores, doc: str) -> None:
    art = report.article
    for name in ARTICLE_FIELDS:
        if name in gold and is_scored(gold[name]):
            value = getattr(art, name)
            shown = value.isoformat() if hasattr(value, "isoformat") else value
            scores.field_result("article", name, value is not None and value_matches(name, gold[name], value),
                                doc=doc, item="article", gold=gold[name], pred=shown)
    if is_scored(gold.get("publisher_kind")):
        kind = report.source_profile.publisher_kind if report.source_profile else None
        scores.field_result("article", "publisher_kind", kind is not None and
                            value_matches("publisher_kind", gold["publisher_kind"], kind),
                            doc=doc, item="article", gold=gold["publisher_kind"], pred=kind)
    for text in as_options(gold.get("boilerplate_removed")):
        base = _COPY_NOTE.sub("", str(text))
        allowed = 1 if base != str(text) else 0
        left = index.count(base)
        scores.field_result("article", "boilerplate_removed", left <= allowed, doc=doc, item="article",
                            gold=text, pred=f"{left} left in text")
    loaded = [s.span.text for s in report.source_profile.loaded_language] if report.source_profile else []
    for text in as_options(gold.get("loaded_language_examples")):
        found = any(names_overlap(text, got) for got in loaded)
        scores.field_result("article", "loaded_language recall", found, doc=doc, item="article", gold=text,
                            pred=None)


def _score_not_events(items: list[dict[str, Any]], report: Report, index: TextIndex, scores: Scores,
                      doc: str) -> None:
    for item in items:
        granges = [r for text in as_options(item.get("evidence")) for r in index.find_all(str(text))]
        if not granges:
            scores.warnings.append(f"{doc}: not_event evidence not found in the text: "
                                   f"{str(item.get('evidence'))[:60]!r}")
            continue
        offenders = [e.id for e in report.events if ranges_overlap(granges, event_ranges(e))]
        if offenders:
            scores.count("not_events: predicted as events", len(offenders))
        scores.field_result("not_events", "not predicted as event", not offenders, doc=doc,
                            item=str(item.get("evidence"))[:60], gold=item.get("why"), pred=offenders or None)


# --- quotes ----------------------------------------------------------------------------------------------


def quote_opening_matches(gold_start: str, pred: Quote, n: int = 5, slack: int = 3) -> bool:
    """The gold's first n words start the predicted quote, or start within its first `slack` words (a span
    that keeps an opening quote mark, a dash or a "he said:" lead-in still counts)."""
    want = opening_words(gold_start, n)
    if not want:
        return False
    got = opening_words(pred.span.text, len(want) + slack)
    return any(got[i:i + len(want)] == want for i in range(slack + 1))


def _speaker_ok(gold: dict[str, Any], pred: Quote) -> bool:
    if not is_scored(gold.get("speaker")):
        return True
    return any(names_overlap(g, pred.speaker) for g in as_options(gold["speaker"]))


def _score_quotes(golds: list[dict[str, Any]], preds: list[Quote], scores: Scores, doc: str) -> None:
    full = scores.prf("quotes")
    text_only = scores.prf("quotes", "opening words")
    weights = np.array([[(10.0 + 2.0 * _speaker_ok(g, p) + 0.5 * (not g.get("optional")))
                         if quote_opening_matches(str(g.get("starts_with", "")), p) else 0.0 for p in preds]
                        for g in golds], dtype=float).reshape(len(golds), len(preds))
    pairs = assign(weights)
    matched_p = {pi for _, pi in pairs}
    matched_g: dict[int, int] = dict(pairs)
    for gi, gold in enumerate(golds):
        optional = bool(gold.get("optional"))
        pi = matched_g.get(gi)
        if pi is None:
            if not optional:
                full.fn += 1
                text_only.fn += 1
                scores.errors.append({"doc": doc, "kind": "quotes", "item": gold.get("starts_with"),
                                      "field": "(missed)", "gold": gold.get("speaker"), "pred": None})
            continue
        pred = preds[pi]
        speaker_ok = _speaker_ok(gold, pred)
        if not optional:
            text_only.tp += 1
            if speaker_ok:
                full.tp += 1
            else:
                full.fn += 1
                full.fp = (full.fp or 0) + 1
        if is_scored(gold.get("speaker")):
            scores.field_result("quotes", "speaker", speaker_ok, doc=doc, item=str(gold.get("starts_with")),
                                gold=gold["speaker"], pred=pred.speaker)
        for name in ("kind", "speaker_named"):
            if name in gold and is_scored(gold[name]):
                value = getattr(pred, name)
                ok = value == gold[name] if isinstance(gold[name], bool) else value_matches(name, gold[name], value)
                scores.field_result("quotes", name, ok, doc=doc, item=str(gold.get("starts_with")),
                                    gold=gold[name], pred=value)
    spurious = len([pi for pi in range(len(preds)) if pi not in matched_p])
    full.fp = (full.fp or 0) + spurious
    text_only.fp = (text_only.fp or 0) + spurious


# --- statements ------------------------------------------------------------------------------------------


def _score_statements(golds: list[dict[str, Any]], report: Report, index: TextIndex, scores: Scores,
                      doc: str) -> None:
    row = scores.prf("statements")
    preds = list(report.statements)

    def allowed(g: dict[str, Any], granges: list[tuple[int, int]], p: Any) -> bool:
        plover_ok = not is_scored(g.get("plover")) or value_matches("plover", g["plover"], p.plover)
        actor_ok = not is_scored(g.get("actor")) or any(names_overlap(a, p.actor) for a in as_options(g["actor"]))
        return plover_ok and actor_ok and ranges_overlap(granges, [(p.evidence.start, p.evidence.end)])

    granges = [[r for t in as_options(g.get("evidence")) for r in index.find_all(str(t))] for g in golds]
    weights = np.array([[10.0 + 0.5 * (not g.get("optional")) if allowed(g, r, p) else 0.0 for p in preds]
                        for g, r in zip(golds, granges, strict=True)], dtype=float).reshape(len(golds), len(preds))
    pairs = dict(assign(weights))
    for gi, gold in enumerate(golds):
        pi = pairs.get(gi)
        if gold.get("optional"):
            continue
        if pi is None:
            row.fn += 1
            scores.errors.append({"doc": doc, "kind": "statements", "item": gold.get("plover"),
                                  "field": "(missed)", "gold": str(gold.get("evidence"))[:120], "pred": None})
            continue
        row.tp += 1
        pred = preds[pi]
        for name in ("target", "date", "location", "claimed_by"):
            if name in gold and is_scored(gold[name]):
                value = getattr(pred, name)
                ok = (any(names_overlap(t, value) for t in as_options(gold[name])) if name == "target"
                      else value_matches(name, gold[name], value))
                scores.field_result("statements", name, ok, doc=doc, item=str(gold.get("plover")),
                                    gold=gold[name], pred=value.isoformat() if hasattr(value, "isoformat") else value)
    # Unmatched predictions are spurious; one matched to an optional gold statement counts neither way.
    row.fp = (row.fp or 0) + len(preds) - len(pairs)


# --- attributions ----------------------------------------------------------------------------------------


def _claim_units(report: Report) -> list[tuple[list[str], list[tuple[int, int]]]]:
    """(names, text ranges) of every attribution the report makes: its claims and its events' claimed_by."""
    subjects: dict[tuple[str, str], list[Span]] = {}
    for e in report.events:
        subjects[("event", e.id)] = list(e.mentions) + list(e.evidence.values())
    for q in report.quotes:
        subjects[("quote", q.id)] = [q.span] + ([q.cue] if q.cue else [])
    for s in report.statements:
        subjects[("statement", s.id)] = [s.evidence]
    units: list[tuple[list[str], list[tuple[int, int]]]] = []
    for claim in report.claims:
        spans = ([claim.evidence] if claim.evidence else []) + subjects.get((claim.subject, claim.subject_id), [])
        spans += [link.span for link in claim.chain if link.span]
        units.append(([link.name for link in claim.chain], [(s.start, s.end) for s in spans]))
    for e in report.events:
        if e.claimed_by:
            units.append((list(e.claimed_by), event_ranges(e)))
    return units


def _score_attributions(golds: list[dict[str, Any]], report: Report, index: TextIndex, scores: Scores,
                        doc: str) -> None:
    """Recall only: the gold lists the notable attributions, not every first-hand claim of the publisher."""
    row = scores.prf("attributions", precision=False)
    units = _claim_units(report)
    for gold in golds:
        if gold.get("optional"):
            continue
        granges = [r for t in as_options(gold.get("evidence")) for r in index.find_all(str(t))]
        hits = [names for names, ranges in units if ranges_overlap(granges, ranges)
                and any(names_overlap(c, n) for c in as_options(gold.get("claimant")) for n in names)]
        if hits:
            row.tp += 1
        else:
            row.fn += 1
            scores.errors.append({"doc": doc, "kind": "attributions", "item": gold.get("claimant"),
                                  "field": "(missed)", "gold": str(gold.get("evidence"))[:120], "pred": None})
        if is_scored(gold.get("via")):
            ok = any(names_overlap(v, n) for names in hits for n in names for v in as_options(gold["via"]))
            scores.field_result("attributions", "via", ok, doc=doc, item=str(gold.get("claimant")),
                                gold=gold["via"], pred=hits[0] if hits else None)


# --- places ----------------------------------------------------------------------------------------------


def _score_places(golds: list[dict[str, Any]], report: Report, scores: Scores, doc: str) -> None:
    """Recall only (the gold names the places that matter, not every toponym); fields on found places."""
    row = scores.prf("places", precision=False)
    for gold in golds:
        mention = str(gold.get("mention", ""))
        found = [p for p in report.places if names_overlap(mention, p.mention) or names_overlap(mention, p.span.text)]
        if not found:
            row.fn += 1
            scores.errors.append({"doc": doc, "kind": "places", "item": mention, "field": "(missed)",
                                  "gold": gold.get("country"), "pred": None})
            continue
        row.tp += 1
        # Several mentions of one name: judge the best-resolved one.
        place = max(found, key=lambda p: (is_scored(gold.get("country")) and value_matches(
            "country", gold["country"], p.country), p.latitude is not None))
        for name in ("country", "admin1", "within"):
            if name in gold and is_scored(gold[name]):
                value = getattr(place, name)
                ok = (any(names_overlap(w, value) for w in as_options(gold[name])) if name == "within"
                      else value_matches(name, gold[name], value))
                scores.field_result("places", name, ok, doc=doc, item=mention, gold=gold[name], pred=value)
        near = within_km(gold.get("latitude"), gold.get("longitude"), place.latitude, place.longitude)
        if near is not None:
            scores.field_result("places", "within_25km", near, doc=doc, item=mention,
                                gold=[gold.get("latitude"), gold.get("longitude")],
                                pred=[place.latitude, place.longitude])
