"""Events whose country no other word of their report supports: a check of places that needs no labels.

    DATELINE_SHARED=../shared python tools/place_audit.py            # development halves + news_1000
    DATELINE_SHARED=../shared python tools/place_audit.py --kept     # kept events only

Runs dateline over the own gold's development halves (Guardian, BBC, news pages, GLOCON dev and dev2) and the
1,000 `news_1000` articles, and lists each event whose country is supported by no place of the report other
than the event's own and by no demonym, while the report's other places point elsewhere: where a name that is no
place, or a namesake abroad, carries an event out of the country the report is about ("newspapers including El
Watan reported" read as a French village in a report on Algeria; docs/models.md, geo25). The blind halves are
never read. Prints one line per event and a count; nothing is written.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
_WORD = re.compile(r"[A-Z][\w'’-]+")


def texts() -> list[tuple[str, object]]:
    from benchmarks import event_gold
    from dateline.ingest import article_from_text

    out = [(it.label["id"], it.article) for half in ("dev", "dev2")
           for it in event_gold.labelled_articles(half, {"guardian", "bbc", "html", "glocon"})]
    seen = {aid for aid, _ in out}
    for line in (SHARED / "bench" / "news_1000.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] not in seen:
            out.append((row["id"], article_from_text(row["text"], article_id=str(row["id"]))))
    return out


def unsupported(report, book) -> list:  # type: ignore[no-untyped-def]
    """The report's events whose country only their own place supports, while its other places point elsewhere."""
    demonyms = {book.demonym_iso3(w) for w in set(_WORD.findall(report.article.text))} - {None}
    out = []
    for event in report.events:
        iso = book.iso3(event.country) if event.country else None
        if iso is None or iso in demonyms:
            continue
        own = event.evidence.get("location")
        others = {book.iso3(p.country) for p in report.places
                  if p.country and (own is None or p.span.start != own.start)} - {None}
        if others and iso not in others:
            out.append(event)
    return out


def main(argv: list[str]) -> int:
    from dateline.codebook import default_codebook
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    kept_only = "--kept" in argv
    items = texts()
    book = default_codebook()
    found = events = 0
    for (aid, _), report in zip(items, Pipeline(Settings()).pipe([a for _, a in items])):
        events += len(report.events)
        for event in unsupported(report, book):
            kept = "needs_review" not in event.flags
            if kept_only and not kept:
                continue
            found += 1
            print(f"{aid}\t{'kept' if kept else 'review'}\t{event.country}\t{event.location}\t"
                  f"{event.mentions[0].text[:120]!r}")
    print(f"{found} of {events} events in {len(items)} texts have a country no other word of their report supports")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
