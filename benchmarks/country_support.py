"""Events in a country no word of their report supports: how many, and in which texts.

    python -m benchmarks.country_support                      # every development corpus
    python -m benchmarks.country_support --corpus notes       # one of: gold, notes, example, news
    python -m benchmarks.country_support --show 40            # and the first 40 unsupported events, with why
    python -m benchmarks.country_support --places --show 40   # every place below country level, not only events'

dateline promises that no event lands in a country its report gives no word for: no place that points to it, no
nationality word, no armed group or force with a home there, no dateline or outlet of it (`country_support` in
geo/resolve.py reads those words as the resolver does before it picks any reading). An event whose country is
missing there rests on a namesake's reading alone ("gunmen attacked Kani" placed in Japan). Every event the
pipeline lists counts, kept or flagged for review, since a reviewer sees both.

Development texts only: the dev and dev2 halves of the own gold (gold/splits.json), the dev half of the ACLED
notes (gold/tuning_split.json), the bundled example, and the first `--news` articles of bench/news_1000.jsonl
that no gold split uses. Writes benchmarks/results/country_support.json (with `--places`,
country_support_places.json).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from benchmarks.geo_bench import NOTES, SHARED, note_halves
from dateline.codebook import default_codebook
from dateline.extraction import build_report
from dateline.extraction.decide import NEEDS_REVIEW
from dateline.geo.resolve import AMBIGUOUS, UNDECIDED, country_support
from dateline.ingest import article_from_text
from dateline.model import Article, Event, Place, Report
from dateline.resources import Resources
from dateline.settings import Settings

RESULTS = ROOT / "benchmarks" / "results" / "country_support.json"
EXAMPLE = ROOT / "examples" / "iraq-2019-11-02-mek.txt"
NEWS = SHARED / "bench" / "news_1000.jsonl"
SPLITS = ROOT / "gold" / "splits.json"
CORPORA = ("gold", "notes", "example", "news")


def gold_articles() -> Iterator[Article]:
    from benchmarks.event_gold import labelled_articles

    for half in ("dev", "dev2"):
        for item in labelled_articles(half, {"guardian", "bbc", "glocon", "html"}):
            yield item.article


def note_articles() -> Iterator[Article]:
    halves = note_halves()
    for line in NOTES.open():
        row = json.loads(line)
        if halves.get(row["id"]) == "dev":
            yield Article(id=row["id"], text=row["text"])


def example_articles() -> Iterator[Article]:
    yield article_from_text(EXAMPLE.read_text(), article_id="example")


def news_articles(limit: int) -> Iterator[Article]:
    """The first `limit` articles of the news sample that no gold split (of any source or half) uses."""
    used = {i for halves in json.loads(SPLITS.read_text()).values() for ids in halves.values() for i in ids}
    taken = 0
    for line in NEWS.open():
        rec = json.loads(line)
        if rec["id"] in used:
            continue
        yield article_from_text(rec["text"], article_id=rec["id"], **({"title": rec["title"]} if rec.get("title") else {}))
        taken += 1
        if taken >= limit:
            return


def _place_of(event: Event, report: Report) -> Place | None:
    """The place of the text the event was put at."""
    span = event.evidence.get("location")
    return next((p for p in report.places if (span is not None and p.span.start == span.start)
                 or (span is None and p.geonameid == event.geonameid)), None)


def cause(place: Place | None, cc: str, gaz: Any) -> str:
    """Why an unsupported event is where it is: two namesakes the resolver said nothing decides between (and
    flagged so), a reading of the place's own name that no other word confirms, or no word at all (a look-alike
    spelling, a country from elsewhere)."""
    if place is None:
        return "no place of the text"
    if (place.reason or "").startswith((AMBIGUOUS, UNDECIDED)):
        return "namesakes nothing decides"
    # (a village the index lacks, kept at the town the text puts it in, rests on that town's name)
    if any(e.cc == cc for name in {place.mention, place.name} if name for e in gaz.lookup(name, loose=False)):
        return "its own name only"
    return "no word"


def check(articles: Iterator[Article], resources: Resources, places: bool = False) -> dict[str, Any]:
    """Events listed (with `places`, the located places below country level instead), those in a country no
    word supports, and each of those with its text's id and why."""
    gaz, book = resources.gazetteer, default_codebook()
    counted = 0
    unsupported: list[dict[str, Any]] = []
    stream = ((a.text, a) for a in articles)
    for doc, article in resources.nlp.pipe(stream, as_tuples=True, batch_size=16):
        report = build_report(article, doc, resources)
        support: dict[str, str] | None = None
        for ev, place in _items(report, places):
            iso3 = book.iso3(ev.country) if ev.country else None
            cc = gaz.cc_of_iso3(iso3) if iso3 else None
            counted += 1
            support = support if support is not None else country_support(article, doc, gaz)
            if cc is None or cc not in support:
                event = isinstance(ev, Event)
                unsupported.append({"id": article.id, "event": ev.id if event else ev.mention, "country": ev.country,
                                    "location": ev.location if event else ev.name, "geo_precision": ev.geo_precision,
                                    "kept": NEEDS_REVIEW not in ev.flags if event else True,
                                    "cause": cause(place, cc or "", gaz),
                                    "place": f"{place.mention!r}: {place.reason}" if place else None,
                                    "supported": sorted(support)})
    return {"counted": counted, "unsupported": len(unsupported),
            "share": round(len(unsupported) / counted, 4) if counted else 0.0,
            "kept": sum(u["kept"] for u in unsupported), "causes": dict(Counter(u["cause"] for u in unsupported)),
            "ids": sorted({u["id"] for u in unsupported}), "cases": unsupported}


def _items(report: Report, places: bool) -> list[tuple[Event | Place, Place | None]]:
    """(what is checked, the place of the text it stands on): each event with a country, or each place put at
    a point below country level."""
    if places:
        return [(p, p) for p in report.places if p.country and p.latitude is not None and p.kind != "country"]
    return [(ev, _place_of(ev, report)) for ev in report.events if ev.country]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=CORPORA, action="append", help="default: all four")
    ap.add_argument("--news", type=int, default=300, help="unlabelled news articles to read (default 300)")
    ap.add_argument("--show", type=int, default=0, help="print this many unsupported events, with their places")
    ap.add_argument("--places", action="store_true",
                    help="check every place put at a point below country level, not only the events' places")
    args = ap.parse_args(argv)
    resources = Resources(Settings())
    readers = {"gold": gold_articles, "notes": note_articles, "example": example_articles,
               "news": lambda: news_articles(args.news)}
    results: dict[str, Any] = {}
    shown = 0
    for name in args.corpus or CORPORA:
        r = results[name] = check(readers[name](), resources, args.places)
        print(f"{name:8} {'places' if args.places else 'events'} {r['counted']:5}  unsupported {r['unsupported']:4} ({r['share']:.1%}, kept "
              f"{r['kept']})  {r['causes']}  texts: {', '.join(r['ids']) or '-'}")
        for case in r["cases"]:
            if shown < args.show:
                shown += 1
                print(f"   {case['id']} {case['event']}: {case['location']} / {case['country']} "
                      f"(precision {case['geo_precision']}, {'kept' if case['kept'] else 'review'}; {case['cause']}); "
                      f"{case['place']}; supported: {case['supported']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.with_name(f"country_support{'_places' if args.places else ''}.json").write_text(
        json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
