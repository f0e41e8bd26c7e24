"""Events on dateline's own gold set (docs/annotation.md): precision and recall per source and half.

    python -m benchmarks.event_gold                  # both halves, model on (the shipped decision)
    python -m benchmarks.event_gold --half dev       # the development half only
    python -m benchmarks.event_gold --half dev2      # the second development half (GLOCON protest wire)
    python -m benchmarks.event_gold --rules-only     # every event the rules propose, no learned decision
    python -m benchmarks.event_gold --half fresh     # the second blind half: score it once per released model
    python -m benchmarks.event_gold --half fresh2    # the third (mostly GLOCON protest wire copy), likewise
    python -m benchmarks.event_gold --half fresh3    # the fourth, half GLOCON and half BBC, likewise
    python -m benchmarks.event_gold --half fresh --half fresh2 --half fresh3    # each, then the three together
    python -m benchmarks.event_gold --half dev2 --reliability   # and probability against outcome, by bin
    python -m benchmarks.event_gold --half dev --candidates      # every candidate the decision judges
    python -m benchmarks.event_gold --half dev --candidates --misses   # and each coded event none of them tells

The **test** half was frozen before any rule or model was written and is never used to develop: report its
figures as blind, the dev half's as development figures. The **fresh** half (BBC and GLOCON articles nobody
had used, drawn after the test half had been scored three times) is a second blind half, scored only when named. A predicted event counts when the decision keeps it
(no `needs_review` flag); it matches a gold event when one of its passages (trigger or mention sentences)
overlaps one of the gold event's evidence spans, one to one, greedily by overlap. Texts are read in place from
../shared; labels from gold/labels/. Also prints, for the ordinary-news source (bbc), the share of articles
that get any event, and sub-type accuracy on matched events. Writes benchmarks/results/event_gold.json.

`--rules-only` scores the rules with the decision off, when their soft vetoes reject outright; `--candidates`
scores every candidate the decision is given (soft vetoes proposed, flagged `rule_rejected:`), the recall no
decision can exceed. `--misses` lists, on the development halves only, each coded event no scored event tells:
its passage, and the rules' rejections of that passage (reason and trigger), or that one event told it together
with another coded event.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.stats import binomtest

import gold as gold_tool
from benchmarks.geo_bench import same_name
from dateline.extraction import build_report
from dateline.extraction.decide import NEEDS_REVIEW, ArticleContext, event_features
from dateline.ingest import article_from_text
from dateline.model import Article, Event, Report
from dateline.resources import Resources
from dateline.settings import Settings

RESULTS = ROOT / "benchmarks" / "results" / "event_gold.json"


@dataclass
class LabelledArticle:
    label: dict[str, Any]
    article: Article
    gold_ranges: list[list[tuple[int, int]]] = field(default_factory=list)  # per gold event, in article.text
    not_event_ranges: list[tuple[int, int, str]] = field(default_factory=list)


def _article_of(label: dict[str, Any], rec: dict[str, Any]) -> Article:
    fields: dict[str, Any] = {"article_id": label["id"]}
    if rec.get("title"):
        fields["title"] = rec["title"]
    if rec.get("published"):
        fields["published"] = str(rec["published"])[:10]
    return article_from_text(rec["text"], **fields)


def _map_range(raw: str, clean: str, start: int, end: int) -> tuple[int, int] | None:
    """The gold span's place in dateline's cleaned text: the same words, found near the same offset. Cleaning
    collapses runs of spaces and line breaks ("Erias  Lukwago", a sentence broken over lines), so words are
    matched with any whitespace between them; a span that could not be found would leave its coded event with no
    passage, and every candidate telling it would count (and be trained) as no event."""
    words = raw[start:end]
    if clean[start:end] == words:
        return start, end
    at = clean.find(words, max(0, start - 2000))
    if at < 0:
        at = clean.find(words)
    if at >= 0:
        return at, at + len(words)
    tokens = words.split()
    if not tokens:
        return None
    pattern = re.compile(r"\s+".join(re.escape(t) for t in tokens))
    found = pattern.search(clean, max(0, start - 2000)) or pattern.search(clean)
    return (found.start(), found.end()) if found else None


def labelled_articles(half: str | None, sources: set[str]) -> Iterator[LabelledArticle]:
    labels = gold_tool.load_labels(half, sources)
    texts: dict[str, dict[str, dict[str, Any]]] = {}
    for label in sorted(labels, key=lambda r: (r["source"], r["id"])):
        source = label["source"]
        if source == "written":
            rec = {"text": label["text"], "title": label.get("title"), "published": label.get("published")}
        else:
            if source not in texts:
                texts[source] = gold_tool.texts(source)
            rec = texts[source][label["id"]]
        article = _article_of(label, rec)
        item = LabelledArticle(label, article)
        for ev in label["events"]:
            ranges = [_map_range(rec["text"], article.text, s["start"], s["end"]) for s in ev["evidence"]]
            item.gold_ranges.append([r for r in ranges if r is not None])
        for ne in label["not_events"]:
            r = _map_range(rec["text"], article.text, ne["evidence"]["start"], ne["evidence"]["end"])
            if r is not None:
                item.not_event_ranges.append((r[0], r[1], ne["reason"]))
        yield item


def event_ranges(event: Event) -> list[tuple[int, int]]:
    ranges = [(m.start, m.end) for m in event.mentions]
    trig = event.evidence.get("sub_event_type")
    if trig is not None:
        ranges.append((trig.start, trig.end))
    return ranges


def match(item: LabelledArticle, events: list[Event]) -> dict[int, int]:
    """Predicted event index → gold event index, one to one: as many pairs of overlapping passages as there can
    be, then, among equally many, pairs whose places agree (one passage may tell several coded events, one act at
    each of several listed places), then the largest overlaps. A maximum matching, not a greedy one: taking the
    best-looking pair first can leave an event unpaired that another pairing would match."""
    def place_then_overlap(ev: Event, j: int, ov: int) -> float:
        where = item.label["events"][j].get("location")
        return PLACE * (bool(where) and location_agrees(ev, where)) + min(ov, PLACE - 1)

    return assign(item, events, place_then_overlap)


PAIR, PLACE = 1e6, 1e4  # a pair outweighs any place agreement, which outweighs any overlap (in characters)


def assign(item: LabelledArticle, events: list[Event], prefer: Callable[[Event, int, int], float]) -> dict[int, int]:
    """The maximum one-to-one matching of events to coded events whose passages overlap; among matchings of
    equal size, the one with the highest total `prefer(event, gold index, overlap)`, which must stay under PAIR."""
    if not events or not item.gold_ranges:
        return {}
    score = np.zeros((len(events), len(item.gold_ranges)))
    for i, ev in enumerate(events):
        pr = event_ranges(ev)
        for j, gr in enumerate(item.gold_ranges):
            if (ov := gold_tool.overlap(pr, gr)) > 0:
                score[i, j] = PAIR + prefer(ev, j, ov)
    rows, cols = linear_sum_assignment(score, maximize=True)
    return {int(i): int(j) for i, j in zip(rows, cols, strict=True) if score[i, j] > 0}


def tellings(item: LabelledArticle, events: list[Event]) -> dict[int, int]:
    """Candidate index → the coded event it is the one telling of, for a one-to-one training label. Several
    candidates often overlap one coded incident (two clauses of one sentence, a retelling further down); only
    the best is its telling: agreeing with the coder's sub-type, else event type, then the passage closest to the
    coded evidence (most shared characters, fewest outside it)."""
    def type_then_closeness(ev: Event, j: int, ov: int) -> float:
        coded = item.label["events"][j]
        agrees = 2 if ev.sub_event_type and ev.sub_event_type == coded.get("sub_event_type") else \
            1 if ev.event_type and ev.event_type == coded.get("event_type") else 0
        outside = sum(e - s for s, e in event_ranges(ev)) - ov
        return PLACE * agrees + min(max(ov - outside, -CLOSE), CLOSE) + CLOSE

    return assign(item, events, type_then_closeness)


CLOSE = PLACE / 2 - 1  # the closeness term's half range: it never outweighs one step of type agreement


def passage_duplicates(item: LabelledArticle, events: list[Event], told: dict[int, int]) -> set[int]:
    """Candidates that overlap a coded incident whose telling (`tellings`) is another candidate of the same
    passage: a second clause of a one-event sentence. A retelling in a passage of its own is not one of them."""
    out = set()
    for i, ev in enumerate(events):
        if i in told:
            continue
        pr = event_ranges(ev)
        for k, j in told.items():
            if gold_tool.overlap(pr, item.gold_ranges[j]) > 0 and gold_tool.overlap(pr, event_ranges(events[k])) > 0:
                out.add(i)
    return out


def gold_index(item: LabelledArticle, event: Event) -> int | None:
    """The coded incident the event tells (the one its passages overlap most), or None."""
    pr = event_ranges(event)
    best = max(range(len(item.gold_ranges)), key=lambda j: gold_tool.overlap(pr, item.gold_ranges[j]), default=None)
    if best is None or gold_tool.overlap(pr, item.gold_ranges[best]) == 0:
        return None
    return best


def gold_of(item: LabelledArticle, event: Event) -> dict[str, Any] | None:
    best = gold_index(item, event)
    return None if best is None else item.label["events"][best]


def run(items: list[LabelledArticle], settings: Settings,
        decide: bool = True) -> Iterator[tuple[LabelledArticle, Report, Any]]:
    """dateline on each labelled article; yields the report and the spaCy doc (for features)."""
    resources = Resources(settings)
    nlp = resources.nlp
    stream = ((it.article.text, it) for it in items)
    for doc, it in nlp.pipe(stream, as_tuples=True, batch_size=16):
        yield it, build_report(it.article, doc, resources, decide=decide), doc


def feature_rows(items: list[LabelledArticle]) -> list[dict[str, Any]]:
    """One row per event the rules propose: its features, its label (it overlaps a coded incident), whether it is
    that incident's one telling (`tellings`) or a second candidate of its telling's passage, its article, and its text's digest (folds are grouped by text: some
    sources repeat a sentence under several ids)."""
    rows = []
    for it, report, doc in run(items, Settings(event_model=True), decide=False):
        ctx = ArticleContext.of(it.article, doc, report.events, report.quotes, report.dates)
        group = hashlib.sha1(" ".join(it.article.text.split()).encode()).hexdigest()
        told = tellings(it, report.events)
        second = passage_duplicates(it, report.events, told)
        for i, ev in enumerate(report.events):
            rows.append({"article": it.label["id"], "group": group, "source": it.label["source"],
                         "features": event_features(ev, doc, ctx),
                         "label": gold_index(it, ev) is not None, "telling": i in told, "second_in_passage": i in second,
                         "sub_event_type": ev.sub_event_type,
                         "gold_sub_event_type": (gold_of(it, ev) or {}).get("sub_event_type")})
    return rows


DEVELOPMENT = {"dev", "dev2"}  # halves read while developing; the others are blind
COUNTS = ("articles", "gold", "pred", "tp", "articles_with_event", "subtype_ok", "placed", "country_ok",
          "located", "location_ok")


def place_counts(it: LabelledArticle, events: list[Event]) -> dict[str, int]:
    """Places of the coded events that any candidate matches (kept or flagged for review: where an event happened
    is judged apart from whether it is kept): the coder's country, and the coder's location named by the event's
    location, district or province (names compared loosely, as the ACLED-notes place check does)."""
    counts = dict.fromkeys(("placed", "country_ok", "located", "location_ok"), 0)
    for i, j in match(it, events).items():
        gold, ev = it.label["events"][j], events[i]
        if gold.get("country"):
            counts["placed"] += 1
            counts["country_ok"] += same_name(ev.country, gold["country"])
        if gold.get("location"):
            counts["located"] += 1
            counts["location_ok"] += location_agrees(ev, gold["location"])
    return counts


def location_agrees(event: Event, name: str, gazetteer: Any = None) -> bool:
    """The coder's location is named by the event's location, district or province (loosely, as the ACLED-notes
    place check compares names), or is another name the gazetteer knows for the very place the event was put at:
    a coder's spelling that GeoNames keeps as an alternate name ("Abu Kamal" for the town GeoNames calls "Albu
    Kamal") is the same place, not a miss."""
    if any(same_name(n, name) for n in (event.location, event.admin2, event.admin1)):
        return True
    if event.geonameid is None:
        return False
    gaz = gazetteer if gazetteer is not None else Resources().gazetteer
    return any(e.geonameid == event.geonameid for e in gaz.lookup(name, loose=False))


RELIABILITY_BINS = (0.2, 0.4, 0.6, 0.8, 1.0)


def reliability(pairs: list[tuple[float, bool]]) -> list[dict[str, Any]]:
    """Events by probability bin (0-0.2 ... 0.8-1): how many, their mean probability, and the share that tell a
    coded incident. A calibrated model's two last columns agree."""
    rows = []
    low = 0.0
    for high in RELIABILITY_BINS:
        inside = [(p, hit) for p, hit in pairs if low <= p < high or (high == 1.0 and p == 1.0)]
        rows.append({"bin": f"{low:.1f}-{high:.1f}", "events": len(inside),
                     "mean_probability": round(sum(p for p, _ in inside) / len(inside), 3) if inside else None,
                     "share_coded": round(sum(hit for _, hit in inside) / len(inside), 3) if inside else None})
        low = high
    return rows


def count(items: list[LabelledArticle], decision: str = "model",
          calibration: list[tuple[float, bool]] | None = None,
          misses: list[str] | None = None) -> dict[str, dict[str, int]]:
    """Per source: articles, coded events, kept events, kept events matching a coded one, and so on. `decision`
    is "model", "rules only" or "candidates" (every candidate the decision judges, none dropped). With
    `calibration`, every listed event (kept or flagged for review) is appended as (probability, tells a coded
    incident); with `misses`, a line for each coded event that no kept event tells."""
    by_source: dict[str, dict[str, int]] = {}
    settings = Settings(event_model=decision != "rules only")
    for it, report, _ in run(items, settings, decide=decision != "candidates"):
        if calibration is not None:
            calibration.extend((e.confidence, gold_index(it, e) is not None) for e in report.events)
        kept = [e for e in report.events if NEEDS_REVIEW not in e.flags]
        pairs = match(it, kept)
        if misses is not None:
            misses.extend(missed(it, kept, set(pairs.values()), report))
        s = by_source.setdefault(it.label["source"], dict.fromkeys(COUNTS, 0))
        s["articles"] += 1
        s["gold"] += len(it.gold_ranges)
        s["pred"] += len(kept)
        s["tp"] += len(pairs)
        s["articles_with_event"] += 1 if kept else 0
        for i, j in pairs.items():
            if kept[i].sub_event_type == it.label["events"][j].get("sub_event_type"):
                s["subtype_ok"] += 1
        for k, v in place_counts(it, report.events).items():
            s[k] += v
    return by_source


def missed(it: LabelledArticle, kept: list[Event], told: set[int], report: Report) -> Iterator[str]:
    """A line for each coded event no kept event is matched to: the article, the coded sub-type, its passage,
    and why the rules let it go there (their rejections of an overlapping sentence, or an event of theirs that
    tells it but was matched to another coded event of the same passage)."""
    text = it.article.text
    for j, ranges in enumerate(it.gold_ranges):
        if j in told:
            continue
        gold = it.label["events"][j]
        why = [f"{r.reason}({r.trigger}{': ' + r.detail if r.detail else ''})" for r in report.rejected
               if gold_tool.overlap([(r.span.start, r.span.end)], ranges) > 0]
        if any(gold_tool.overlap(event_ranges(e), ranges) > 0 for e in kept):
            why.insert(0, "merged: told by an event matched to another coded event")
        passage = " | ".join(" ".join(text[s:e].split()) for s, e in ranges)
        yield (f"{it.label['source']}\t{it.label['id']}\t{gold.get('sub_event_type')}\t{passage[:300]}\t"
               f"{'; '.join(why) or 'no candidate, no rejection'}")


def figures_of(by_source: dict[str, dict[str, int]]) -> dict[str, Any]:
    out = {src: _figures(s) for src, s in sorted(by_source.items())}
    out["all"] = _figures({k: sum(s[k] for s in by_source.values()) for k in COUNTS})
    return out


def _figures(s: dict[str, float]) -> dict[str, float]:
    p = s["tp"] / s["pred"] if s["pred"] else 1.0
    r = s["tp"] / s["gold"] if s["gold"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"articles": int(s["articles"]), "gold": int(s["gold"]), "pred": int(s["pred"]), "tp": int(s["tp"]),
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
            "precision_95": interval_95(s["tp"], s["pred"]), "recall_95": interval_95(s["tp"], s["gold"]),
            "articles_with_event": round(s["articles_with_event"] / s["articles"], 3) if s["articles"] else 0.0,
            "subtype_acc": round(s["subtype_ok"] / s["tp"], 3) if s["tp"] else 0.0,
            "placed": int(s["placed"]),
            "country": round(s["country_ok"] / s["placed"], 3) if s["placed"] else 0.0,
            "located": int(s["located"]),
            "location": round(s["location_ok"] / s["located"], 3) if s["located"] else 0.0}


def interval_95(hits: float, total: float) -> list[float]:
    """Wilson 95 % interval of a proportion. The blind halves hold a few dozen events, so a figure there moves by
    a tenth with two or three events: the interval says how far apart two figures must be to differ."""
    if not total:
        return [0.0, 1.0]
    ci = binomtest(int(hits), int(total)).proportion_ci(confidence_level=0.95, method="wilson")
    return [round(float(ci.low), 3), round(float(ci.high), 3)]


def _print(title: str, decision: str, figures: dict[str, Any]) -> None:
    print(f"== {title}, {decision}")
    print(f"{'source':9} {'articles':>8} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'art.w/ev':>8} {'subtype':>7} | {'placed':>6} {'country':>7} {'located':>7} {'location':>8}")
    for src, f in figures.items():
        print(f"{src:9} {f['articles']:8} {f['gold']:5} {f['pred']:5} {f['precision']:6.3f} {f['recall']:6.3f} "
              f"{f['f1']:6.3f} {f['articles_with_event']:8.3f} {f['subtype_acc']:7.3f} | {f['placed']:6} "
              f"{f['country']:7.3f} {f['located']:7} {f['location']:8.3f}")
    both = figures["all"]
    print(f"all: precision {both['precision']:.3f} (95 % {both['precision_95'][0]:.2f}-{both['precision_95'][1]:.2f}), "
          f"recall {both['recall']:.3f} (95 % {both['recall_95'][0]:.2f}-{both['recall_95'][1]:.2f})")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=["dev", "dev2", "test", "fresh", "fresh2", "fresh3"], action="append",
                    help="default: dev and test; the later blind halves (fresh, fresh2, fresh3) only when named")
    ap.add_argument("--rules-only", action="store_true",
                    help="score every event the rules propose with the decision off (soft vetoes reject)")
    ap.add_argument("--candidates", action="store_true",
                    help="score every candidate the decision judges, soft vetoes included: the recall it can reach")
    ap.add_argument("--misses", action="store_true",
                    help="list the coded events of the development halves that no scored event tells")
    ap.add_argument("--sources", default="guardian,bbc,glocon,html")
    ap.add_argument("--reliability", action="store_true",
                    help="also print, per half, every listed event's probability against whether it is coded")
    args = ap.parse_args(argv)
    if args.rules_only and args.candidates:
        ap.error("--rules-only and --candidates score different things: choose one")
    halves = args.half or ["dev", "test"]
    if args.misses and not set(halves) <= DEVELOPMENT:
        ap.error("--misses reads the coded events one by one: name development halves only (--half dev, --half dev2)")
    decision = "rules only" if args.rules_only else "candidates" if args.candidates else "model"
    results: dict[str, Any] = {"decision": decision}
    blind: dict[str, dict[str, int]] = {}
    for half in halves:
        items = list(labelled_articles(half, set(args.sources.split(","))))
        calibration: list[tuple[float, bool]] = []
        misses: list[str] = []
        counts = count(items, decision, calibration if args.reliability else None, misses if args.misses else None)
        results[half] = figures_of(counts)
        _print(f"{half} half ({'development' if half in DEVELOPMENT else 'blind: never used to develop'})",
               results["decision"], results[half])
        if args.reliability:
            results[half]["reliability"] = reliability(calibration)
            for row in results[half]["reliability"]:
                print(f"  probability {row['bin']}: {row['events']:4} events, mean {row['mean_probability']}, "
                      f"share coded {row['share_coded']}")
        if misses:
            print(f"-- {len(misses)} coded events of the {half} half that no scored event tells "
                  "(source, id, sub-type, passage, why):")
            print("\n".join(misses))
        if half not in DEVELOPMENT:
            for src, c in counts.items():
                pooled = blind.setdefault(src, dict.fromkeys(COUNTS, 0))
                for k in COUNTS:
                    pooled[k] += c[k]
    blind_halves = [h for h in halves if h not in DEVELOPMENT]
    if len(blind_halves) > 1:  # the blind halves together: more events, so rougher figures get firmer
        name = "+".join(blind_halves)
        results[name] = figures_of(blind)
        _print(f"{name} together (blind)", results["decision"], results[name])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    suffix = {"rules only": "_rules", "candidates": "_candidates"}.get(decision, "")
    RESULTS.with_name(f"event_gold{suffix}.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
