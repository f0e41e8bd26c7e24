"""`dateline merge` after an article was revised: the revision takes its earlier telling's place."""

from __future__ import annotations

import datetime as dt
import hashlib

import test_store_fixtures
from test_store_fixtures import protest_report

from dateline.merge import merge_events
from dateline.model import Article, Report
from dateline.store import Store

db_url = test_store_fixtures.db_url

FIRST = "BAGHDAD (Nov 2) - Rioters stormed the provincial building in Baghdad on Wednesday, killing three guards."
REVISED = ("BAGHDAD (Nov 2) - Rioters stormed the provincial building in Baghdad on Wednesday, killing twelve "
           "guards, police and medics said.")
OTHER = "Rioters stormed a government building in Baghdad on Wednesday and killed five guards, witnesses said."


def told(text: str, fatalities: int, *, url: str = "https://wire.example/2019/riot", publisher: str = "Wire",
         **fields: object) -> Report:
    report = protest_report(text, "stormed", fatalities=fatalities, **fields)
    digest = hashlib.sha256(text.encode()).hexdigest()
    report.article = Article(id=digest[:16], text=text, content_hash=digest, source_kind="feed", url=url,
                             publisher=publisher, published=dt.date(2019, 11, 2))
    return report


def test_a_revision_takes_the_place_of_its_earlier_telling_in_its_merged_event(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, 3)])
        merge_events(store)
        [before] = store.query_merged()
        store.add_reports([told(REVISED, 12)])  # the same day: no "toll rose" cue, no later date
        merge_events(store)
        [after] = store.query_merged()
    assert after["uid"] == before["uid"]  # the same incident: its id, so no rule alerts twice
    assert (after["fatalities"], after["source_count"], after["independent_count"]) == (12, 1, 1)
    assert "fatalities" not in after["disputes"]


def test_an_undated_revision_joins_its_earlier_telling(db_url: str) -> None:
    undated = {"event_date": None, "year": None, "time_precision": None}
    with Store(db_url) as store:
        store.add_reports([told(FIRST, 3, **undated)])
        merge_events(store)
        [before] = store.query_merged()
        store.add_reports([told(REVISED, 12, **undated)])
        merge_events(store)
        merged = store.query_merged()
    assert [(m["uid"], m["fatalities"], m["source_count"]) for m in merged] == [(before["uid"], 12, 1)]


def test_a_revision_stays_beside_the_other_outlets_of_its_incident(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, 3), told(OTHER, 5, url="https://daily.example/riot", publisher="Daily")])
        merge_events(store)
        [before] = store.query_merged()
        store.add_reports([told(REVISED, 12)])
        stats = merge_events(store)
        [after] = store.query_merged()
        sources = store.get_merged_event(after["id"])["sources"]  # type: ignore[index]
    assert after["uid"] == before["uid"] and stats.unlinked == 1
    assert sorted(s["publisher"] for s in sources) == ["Daily", "Wire"]
    # two outlets of one day: the conservative rule over the revised figure and the other outlet's
    assert [d["value"] for d in after["disputes"]["fatalities"]] in ([5, 12], [12, 5])


def test_a_merged_event_whose_only_telling_the_revision_dropped_is_removed(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, 3)])
        merge_events(store)
        store.add_reports([told(REVISED, 12, location="Basra", admin1="Basra", latitude=30.5, longitude=47.8,
                                event_date=dt.date(2019, 11, 1))])
        merge_events(store)
        merged = store.query_merged()
    assert [(m["location"], m["fatalities"]) for m in merged] == [("Basra", 12)]
