"""Reprints: copies of one wire story are coded each, but count as ONE independent source in merge."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import test_store_fixtures
from test_store_fixtures import make_article, make_event, make_report, protest_report

from dateline.merge import merge_events
from dateline.reprints import THRESHOLD, ReprintIndex, signature, similarity
from dateline.runner import run_corpus
from dateline.store import Store

db_url = test_store_fixtures.db_url

WIRE = [
    ("{place_upper}, Iraq, {day} — Hundreds of protesters stormed the provincial council building in {place} on "
     "{weekday}, setting fire to the entrance and hurling stones at police, officials said."),
    ("Residents have complained for weeks about shortages of clean drinking water and long power cuts during the "
     "summer heat, which often pushes temperatures in the south above fifty degrees."),
    ("Shops near the council building stayed closed for the rest of the day, and traffic was diverted away from "
     "the city centre, witnesses said."),
    ("The provincial governor asked residents to stay calm and said new water treatment stations would open "
     "before the end of the month."),
    ("Engineers from the water ministry arrived in the city last week to inspect pumping stations along the "
     "river, a ministry spokesman said in a written statement."),
]
BASRA = {"place": "Basra", "place_upper": "BASRA", "day": "July 17, 2019", "weekday": "Wednesday"}
MOSUL = {"place": "Mosul", "place_upper": "MOSUL", "day": "July 19, 2019", "weekday": "Friday"}
HEADLINES = ["Crowd storms council offices in {p}", "Water protest turns violent in {p}",
             "{p} council building set alight", "Angry residents storm {p} council", "Unrest in {p} over water"]
REPORTERS = ["Staff Reporter", "Amal Hassan", "Our Correspondent", "Wire Desk", "Nadia Karim"]
FILLER = str.split("market shares rose as the central bank held its rate while the football club signed a young "
                   "striker and the council approved a new library budget for the autumn with teachers welcoming "
                   "longer holidays and farmers reporting a strong harvest of wheat and barley this season")


def copies(story: dict[str, str], outlets: int, seed: int) -> list[dict[str, str]]:
    """The wire story as `outlets` outlets run it: own headline, byline, one paragraph trimmed, a word edited."""
    rng = random.Random(seed)
    out = []
    for i in range(outlets):
        paras = [p.format(**story) for p in WIRE]
        if i % 2:
            del paras[rng.randrange(1, len(paras))]  # a trimmed paragraph (never the lead)
        if i % 3 == 1:
            paras[-1] = paras[-1].replace("said", "told reporters", 1)
        byline = f"By {REPORTERS[i % len(REPORTERS)]}, {story['place']} Outlet {i:02d}"
        out.append({"id": f"{story['place']}-{i}", "title": HEADLINES[i % len(HEADLINES)].format(p=story["place"]),
                    "publisher": f"{story['place']} Outlet {i:02d}", "published": "2019-07-20",
                    "url": f"https://outlet{i}.example/{story['place'].lower()}", "text": "\n\n".join([byline, *paras])})
    return out


def unrelated(n: int, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = [" ".join(rng.choice(FILLER) for _ in range(rng.randint(8, 16))).capitalize() + "."
                     for _ in range(rng.randint(4, 8))]
        out.append({"id": f"other-{i}", "title": f"Item {i}", "publisher": f"Paper {i % 37}",
                    "published": "2019-07-18", "text": " ".join(sentences)})
    return out


def test_wire_story_reprinted_by_twenty_outlets_is_one_event_with_one_independent_source(
        tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    records = copies(BASRA, 20, seed=1) + copies(MOSUL, 3, seed=2) + unrelated(200, seed=3)
    random.Random(4).shuffle(records)
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        stats = run_corpus([str(corpus)], store, pipeline=pipeline, timeout=None)
        assert stats.articles == len(records)
        merge = merge_events(store)
        merged = [m for m in store.query_merged() if m["event_type"] in ("Riots", "Protests")]
        basra = [m for m in merged if m["admin1"] == "Basra"]
        mosul = [m for m in merged if m["admin1"] != "Basra"]
        detail = store.get_merged_event(basra[0]["id"]) if basra else None
        own = [store.get_event(s["event_id"])["confidence"] for s in detail["sources"]] if detail else []
    # text alone cannot tell the Mosul story from a copy of the Basra one (same words, another town and day):
    # all 23 are one reprint cluster, and the events' own fields keep the two incidents apart below
    assert merge.reprints is not None and merge.reprints.copies == 22
    # one incident → one merged event, every copy coded and linked, one independent source
    assert len(basra) == 1, [(m["location"], m["source_count"]) for m in basra]
    assert basra[0]["source_count"] == 20 and basra[0]["independent_count"] == 1
    # twenty copies confirm no more than one: the merged confidence is a copy's own (copies differ by a word or
    # two, so their own probabilities may differ in the third decimal), never raised above all of them
    assert own and basra[0]["fields"]["confidence"] == max(own)
    # the ACLED-style source lists each outlet once
    outlets = basra[0]["fields"]["source"].split("; ")
    assert len(outlets) == len(set(outlets)) == 20
    # the same words about another town and day stay another event
    assert len(mosul) == 1 and mosul[0]["source_count"] == 3 and mosul[0]["independent_count"] == 1
    assert mosul[0]["location"] == "Mosul"


def test_signature_similarity_separates_copies_from_other_stories() -> None:
    basra, mosul = copies(BASRA, 2, seed=1), copies(MOSUL, 1, seed=1)
    a, b, c = (signature(r["text"]) for r in (basra[0], basra[1], mosul[0]))
    other = signature(unrelated(1, seed=9)[0]["text"])
    assert similarity(a, b) >= THRESHOLD  # a trimmed paragraph, a new byline
    assert similarity(a, other) < 0.1
    assert similarity(a, c) < 1.0


def test_index_clusters_copies_without_comparing_all_pairs() -> None:
    index = ReprintIndex()
    records = copies(BASRA, 20, seed=1) + unrelated(50, seed=5)
    results = [index.add(i, r["text"]) for i, r in enumerate(records)]
    assert {r.cluster_id for r in results[:20]} == {0}
    assert all(r.cluster_id == r.article_id for r in results[20:])
    # close copies add no index rows: the story is indexed by few representatives
    indexed = {a for ids in index.buckets.values() for a in ids}
    assert len(indexed & set(range(20))) < 20


def _copy_text(i: int) -> str:
    return (f"Outlet {i} - Protesters stormed the Baghdad provincial council building on Wednesday, and three "
            "people were killed, police said. Officials promised an inquiry into the shooting by the end of the "
            "week, and the governor called for calm in the capital while shops stayed closed.")


def test_copy_that_lost_the_town_joins_its_siblings_event(db_url: str) -> None:
    reports = [protest_report(_copy_text(i), "stormed", publisher=f"Outlet {i}", confidence=0.7) for i in range(3)]
    # a copy whose town was trimmed away: only the country is known, so the usual place rule says "not near"
    text = _copy_text(3)
    vague = make_event(text, "stormed", event_date=dt.date(2019, 10, 30), event_type="Riots",
                       sub_event_type="Violent demonstration", country="Iraq", location="Iraq", latitude=33.0,
                       longitude=43.7, geo_precision=3, confidence=0.7)
    reports.append(make_report(make_article(text, publisher="Outlet 3"), [vague]))
    # an independent report of the same riot in other words
    reports.append(protest_report("Rioters attacked the council offices in Baghdad, a local reporter saw.",
                                  "attacked", publisher="Local Eye", confidence=0.6))
    with Store(db_url) as store:
        store.add_reports(reports)
        stats = merge_events(store)
        merged = store.query_merged()
    assert stats.total == 1 and stats.reprint_joins >= 1
    assert merged[0]["source_count"] == 5 and merged[0]["independent_count"] == 2
    # two independent sources raise confidence: 1 - (1 - 0.7)(1 - 0.6)
    assert merged[0]["fields"]["confidence"] == 0.88


def test_exact_copies_from_other_outlets_are_named_not_coded_again(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    story = copies(BASRA, 1, seed=1)[0]
    records = [story, {**story, "id": "b", "publisher": "Second Outlet", "url": "https://second.example/x"},
               {**story, "id": "c", "publisher": "Third Outlet", "url": "https://third.example/y"}]
    corpus = tmp_path / "exact.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        first = run_corpus([str(corpus)], store, pipeline=pipeline, timeout=None)
        again = run_corpus([str(corpus)], store, pipeline=pipeline, timeout=None)  # a rerun adds nothing
        merge_events(store)
        merged = [m for m in store.query_merged() if m["admin1"] == "Basra"]
        counts = store.counts()
        with store.session() as s:
            from sqlalchemy import func, select

            from dateline.store.tables import ArticleCopyRow

            n_copies = s.scalar(select(func.count()).select_from(ArticleCopyRow))
    assert first.articles == 1 and first.skipped == 2 and again.articles == 0
    assert counts["articles"] == 1 and n_copies == 2
    assert merged[0]["source_count"] == 1 and merged[0]["independent_count"] == 1
    assert merged[0]["fields"]["source"] == "Basra Outlet 00; Second Outlet; Third Outlet"


def test_merged_exports_carry_independent_sources(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from dateline.store.exports import export

    reports = [protest_report(_copy_text(i), "stormed", publisher=f"Outlet {i}", confidence=0.7) for i in range(3)]
    with Store(f"sqlite:///{tmp_path / 'x.sqlite'}") as store:
        store.add_reports(reports)
        merge_events(store)
        export(store, "parquet", output=tmp_path / "m.parquet", merged=True)
        export(store, "geojson", output=tmp_path / "m.geojson", merged=True)
    table = pq.read_table(tmp_path / "m.parquet").to_pylist()
    feature = json.loads((tmp_path / "m.geojson").read_text())["features"][0]["properties"]
    assert [(r["source_count"], r["independent_sources"]) for r in table] == [(3, 1)]
    assert feature["independent_sources"] == 1 and feature["source"] == "Outlet 0; Outlet 1; Outlet 2"


def test_lsh_bands_are_datasketchs_optimum() -> None:
    from datasketch.lsh import _optimal_param

    from dateline.reprints import BANDS, LSH_THRESHOLD, NUM_PERM, ROWS

    assert (BANDS, ROWS) == _optimal_param(LSH_THRESHOLD, NUM_PERM, 0.5, 0.5)
