"""How much of the places that coders write down is in dateline's place index at all (dev time only).

    DATELINE_SHARED=../shared python tools/geo_coverage.py             # summary
    DATELINE_SHARED=../shared python tools/geo_coverage.py --list 40   # also the first 40 absent names

Two sources: the `location` column of the ACLED tuning notes (`acled_notes_tune.jsonl`, evaluation only) and
the LOCATION spans of the *dev* half of `event_location_tune.jsonl` (ids in gold/event_location_split.json;
the test half is never read here). A name is *in the index* when `Gazetteer.lookup` (exact or loose key) finds
a record, *in the country* when one of those records is in the row's country (ACLED only). An absent name is
put in one class, first match wins:
- neighbourhood: ACLED's "Town - Quarter" / "Town-Quarter" form, the town in the index;
- name + place word: "Aleppo Governorate", "Jobar District": the name without the last word is in the index
  (the recognizer reads such a span as the name and the word, so this is no loss);
- partial name: the index finds the span once some other word is dropped ("Tal Tamer" → "Tal");
- admin2: ACLED wrote the name as the row's admin2 (a district coded at its own name);
- spelling: the index has a same-consonant name in the country (`lookup_in_country`), i.e. another spelling;
- feature (evloc only): a street, road, building, camp, border crossing or natural feature word;
- village/other: none of these, mostly villages and small localities GeoNames' cities500 lacks.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
SPLIT = REPO / "gold" / "event_location_split.json"
PLACE_WORD = re.compile(r"(?i)governorate|province|district|city|town|village|camp|quarter|suburb|area|region|"
                        r"neighbou?rhood|municipality|county|state")
FEATURE = re.compile(r"\b(street|road|avenue|square|highway|bridge|market|mosque|church|school|hospital|prison|"
                     r"camp|base|airport|port|border|crossing|river|lake|mountains?|valley|hills?|desert|sea|gulf|"
                     r"strait|island|coast|park|university|embassy|hotel|station|checkpoint|residence|house|"
                     r"office|building|palace|compound)\b", re.IGNORECASE)


def _country_code(gaz, name: str) -> str | None:  # type: ignore[no-untyped-def]
    from dateline.geo.gazetteer import KIND_COUNTRY

    return next((e.cc for e in gaz.lookup(name) if e.kind == KIND_COUNTRY), None)


def classify(gaz, name: str, cc: str | None, admin2: str | None = None) -> str:  # type: ignore[no-untyped-def]
    """'in country', 'elsewhere' or the class of an absent name (see the module docstring)."""
    from dateline.geo.gazetteer import fold

    found = gaz.lookup(name)
    if found:
        return "in country" if cc is None or any(e.cc == cc for e in found) else "elsewhere"
    words = name.split()
    town = re.split(r"\s+-\s+|-(?=[A-Z])", name, maxsplit=1)
    if len(town) == 2 and gaz.lookup(town[0]):
        return "neighbourhood"
    if len(words) > 1 and PLACE_WORD.fullmatch(words[-1]) and gaz.lookup(" ".join(words[:-1])):
        return "name + place word"
    if len(words) > 1 and any(gaz.lookup(" ".join(words[:i] + words[i + 1 :])) for i in range(len(words))):
        return "partial name"
    if admin2 and fold(admin2) == fold(name):
        return "admin2"
    if cc and gaz.lookup_in_country(name, cc):
        return "spelling"
    if FEATURE.search(name):
        return "feature"
    return "village/other"


def acled(gaz, listing: int) -> Counter[str]:  # type: ignore[no-untyped-def]
    rows = [json.loads(line) for line in (SHARED / "eval" / "acled_notes_tune.jsonl").open()]
    tally: Counter[str] = Counter()
    shown = 0
    for row in rows:
        cc = _country_code(gaz, row["country"])
        label = classify(gaz, row["location"], cc, row.get("admin2"))
        tally[label] += 1
        if label not in ("in country", "elsewhere") and shown < listing:
            shown += 1
            print(f"  acled {label:14} {row['location']!r} ({row['admin2']} / {row['admin1']} / {row['country']}; precision {row['geo_precision']})")
    return tally


def evloc(gaz, listing: int) -> Counter[str]:  # type: ignore[no-untyped-def]
    dev = set(json.loads(SPLIT.read_text())["dev"])
    tally: Counter[str] = Counter()
    shown = 0
    for line in (SHARED / "eval" / "event_location_tune.jsonl").open():
        row = json.loads(line)
        if row["id"] not in dev:
            continue
        for span in row["spans"]:
            if span["label"] != "LOCATION":
                continue
            label = classify(gaz, span["text"], None)
            tally[label] += 1
            if label not in ("in country", "elsewhere") and shown < listing:
                shown += 1
                print(f"  evloc {label:14} {span['text']!r}")
    return tally


def report(name: str, tally: Counter[str]) -> None:
    total = sum(tally.values())
    absent = total - tally["in country"] - tally["elsewhere"]
    print(f"{name}: {total} names; in the index {tally['in country'] + tally['elsewhere']} "
          f"({tally['elsewhere']} only outside the row's country); absent {absent} ({absent / total:.1%})")
    for label in ("neighbourhood", "name + place word", "partial name", "admin2", "spelling", "feature", "village/other"):
        if tally[label]:
            print(f"  {label:14} {tally[label]:4}  ({tally[label] / total:.1%})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", type=int, default=0, help="print this many absent names per source")
    args = parser.parse_args()
    from dateline.resources import Resources

    gaz = Resources().gazetteer
    report("ACLED tuning notes, location", acled(gaz, args.list))
    report("event_location dev half, LOCATION spans", evloc(gaz, args.list))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
