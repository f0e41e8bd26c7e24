"""Place accuracy on the GLOCON tuning DEV half, against the hand gold `gold/places_glocon_dev.jsonl`.

Local South African protest reports are where dateline's event places are weakest; this scorer reruns dateline on
the dev documents of `../shared/eval/glocon_docs_tune.jsonl` (the "dev" ids of `gold/tuning_split.json`
"glocon_docs_tune"; the "test" ids are never read), matches each gold event to dateline's event whose first
mention overlaps it (offsets into the cleaned `Article.text`; else the event that merged that mention), and prints:

- location accuracy: the resolved place's name (or an alternate name the index knows for it) equals the gold
  place, or lies within 10 km of it when the index knows the gold place in the gold province's country;
  a gold "none" is right when dateline's place is no more specific than a province (precision 3 or no place);
- country accuracy (every gold event here is in the country named in `country`, South Africa by default);
- the misses, with dateline's place and its reason, for error analysis of the dev half only.

    PYTHONPATH=src DATELINE_SHARED=../shared python tools/score_glocon_places.py            # score
    PYTHONPATH=src DATELINE_SHARED=../shared python tools/score_glocon_places.py --dump F   # events to label

The gold holds ids, offsets and place names only (no article text). Evaluation only: these rows never train a
shipped model.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
GOLD = ROOT / "gold" / "places_glocon_dev.jsonl"
PLACE_TYPES = {"Protests", "Riots"}


def dev_rows() -> list[dict[str, Any]]:
    dev = set(json.loads((ROOT / "gold" / "tuning_split.json").read_text())["glocon_docs_tune"]["dev"])
    rows = []
    with (SHARED / "eval" / "glocon_docs_tune.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in dev:
                rows.append(row)
    return rows


def run(rows: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    from dateline.ingest import article_from_text
    from dateline.pipeline import Pipeline

    pipe = Pipeline()
    articles = [article_from_text(r["text"], article_id=r["id"]) for r in rows]
    return list(zip(articles, pipe.pipe(articles), strict=True))


def first_mention(event: Any) -> tuple[int, int]:
    spans = sorted(event.mentions, key=lambda s: s.start) or [event.evidence.get("event_type")]
    span = spans[0]
    return (span.start, span.end) if span is not None else (0, 0)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def dump(pairs: list[tuple[Any, Any]], path: Path) -> None:
    """Every event of every dev doc with its sentence, for hand labelling (kept outside the repo)."""
    with path.open("w") as out:
        for article, report in pairs:
            for ev in report.events:
                s, e = first_mention(ev)
                text = article.text
                a, b = max(0, text.rfind(". ", 0, s) - 200), min(len(text), e + 250)
                out.write(json.dumps({"id": article.id, "start": s, "end": e, "type": ev.event_type,
                                      "sub": ev.sub_event_type, "conf": round(ev.confidence, 2),
                                      "dl": [ev.location, ev.admin1, ev.country, ev.geo_precision],
                                      "ctx": text[a:b]}) + "\n")


def same_place(gaz: Any, gold: str, ev: Any) -> bool:
    """The gold name is the resolved place's name, or a name under which the index finds that very place."""
    from dateline.geo.gazetteer import fold

    if ev.location and fold(ev.location) == fold(gold):
        return True
    return ev.geonameid is not None and any(e.geonameid == ev.geonameid for e in gaz.lookup(gold, loose=False))


def letters(name: str) -> str:
    from dateline.geo.gazetteer import fold

    return "".join(ch for ch in fold(name) if ch.isalpha())


def gold_points(gaz: Any, place: str, admin1: str, cc: str) -> list[tuple[float, float]]:

    pts: list[tuple[float, float]] = []
    for e in gaz.lookup(place, loose=False):
        if e.cc != cc or e.kind_name == "country":
            continue
        if admin1 and letters(gaz.admin1_name(e) or admin1) != letters(admin1):
            continue
        pts.append((e.latitude, e.longitude))
    return pts


def score(pairs: list[tuple[Any, Any]], gold: list[dict[str, Any]], show: int) -> dict[str, Any]:
    from dateline.resources import Resources

    gaz = Resources().gazetteer
    by_id = {a.id: (a, r) for a, r in pairs}
    n = loc = cty = unmatched = 0
    kinds = {"unrest": [0, 0], "other": [0, 0]}
    misses = []
    for g in gold:
        if g["id"] not in by_id:
            continue
        n += 1
        article, report = by_id[g["id"]]
        ev = next((e for e in report.events if first_mention(e)[0] < g["end"] and g["start"] < first_mention(e)[1]),
                  None) or next((e for e in report.events  # merged into another event: any of its mentions
                                 if any(s.start < g["end"] and g["start"] < s.end for s in e.mentions)), None)
        if ev is None:
            unmatched += 1
            kinds[g.get("kind", "unrest")][0] += 1
            misses.append({**g, "got": None, "why": "no event overlaps the gold first mention"})
            continue
        cc = g.get("country", "ZA")  # null: the text names no one country
        country_ok = cc is None or (ev.country or "") == (gaz.country_name(cc) or cc)
        cty += country_ok
        if g["place"] == "none":
            ok = (ev.geo_precision or 3) >= 3 or ev.location is None
        else:
            ok = any(same_place(gaz, p, ev) for p in [g["place"], *g.get("alt", [])])
            if not ok and ev.latitude is not None and (ev.geo_precision or 3) <= 2:
                pts = [p for name in [g["place"], *g.get("alt", [])] for p in gold_points(gaz, name, g.get("admin1", ""), cc)]
                ok = any(km((ev.latitude, ev.longitude), p) <= 10 for p in pts)
        loc += ok
        kinds[g.get("kind", "unrest")][0] += 1
        kinds[g.get("kind", "unrest")][1] += ok
        if not ok:
            misses.append({"id": g["id"], "start": g["start"], "gold": [g["place"], g.get("admin1")],
                           "got": [ev.location, ev.admin1, ev.country, ev.geo_precision],
                           "mention": article.text[g["start"]:g["end"]], "note": g.get("note", "")})
    matched = n - unmatched
    # Over every gold event, a story dateline no longer codes counts as a place miss, so the figure moves with
    # event extraction too; over the matched events it measures the places alone.
    out = {"events": n, "location": round(loc / max(n, 1), 3), "country": round(cty / max(n, 1), 3),
           "unmatched": unmatched, "location_of_matched": round(loc / max(matched, 1), 3),
           "country_of_matched": round(cty / max(matched, 1), 3), **{f"location_{k}": f"{v[1]}/{v[0]}" for k, v in kinds.items()}}
    print(json.dumps(out))
    for m in misses[:show]:
        print(json.dumps(m, ensure_ascii=False))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path, default=None, help="write every dev event with context here")
    parser.add_argument("--misses", type=int, default=100, help="print this many misses")
    args = parser.parse_args(argv)
    pairs = run(dev_rows())
    if args.dump:
        dump(pairs, args.dump)
        return 0
    gold = [json.loads(x) for x in GOLD.read_text().splitlines() if x.strip()]
    score(pairs, gold, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
