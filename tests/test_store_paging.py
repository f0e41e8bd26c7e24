"""Event pages come in the store's one documented order — event date (undated last), then id — whatever the
offset, page size or filter, on SQLite and PostgreSQL.

The expected order is worked out in Python from the rows' own (id, date) read with no ORDER BY, and is also
checked against the plain full-row `ORDER BY … OFFSET … LIMIT` statement the store used before it paged over
the ids, so the faster query returns exactly what the old one did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import test_store_fixtures
from sqlalchemy import select
from test_store_fixtures import PG_URL, make_article, make_event, make_report, pg_database

from dateline.model import Report
from dateline.store import EventFilter, Store
from dateline.store.tables import EventRow, ReportRow

db_url = test_store_fixtures.db_url  # the fixture: one database per backend

# Few distinct dates so many events tie on the date and the id must break the tie; None = undated.
DATES = [dt.date(2020, 3, 1), None, dt.date(2019, 12, 31), dt.date(2020, 3, 1), dt.date(2020, 1, 15), None]
TYPES = [("Protests", "Peaceful protest"), ("Riots", "Mob violence"), ("Battles", "Armed clash")]
COUNTRIES = ["Iraq", "Syria", "Lebanon", "Iraq"]


def paging_reports(n_articles: int = 12, per_article: int = 5) -> list[Report]:
    """Hand-made reports whose events cycle through dates (with ties and undated ones), types and countries,
    written in an order unrelated to their dates."""
    reports = []
    k = 0
    for a in range(n_articles):
        words = [f"Story {a}."]
        events = []
        for i in range(per_article):
            etype, sub = TYPES[k % len(TYPES)]
            trigger = f"incident {a}-{i}"
            words.append(f"An {trigger} was reported.")
            text = " ".join(words)
            date = DATES[k % len(DATES)]  # 60 events: 10 per slot
            events.append(
                make_event(
                    text, trigger, f"E{i + 1}", event_date=date, event_type=etype, sub_event_type=sub,
                    country=COUNTRIES[(k + a) % len(COUNTRIES)],
                )
            )
            k += 1
        text = " ".join(words)
        reports.append(make_report(make_article(text), events))
    return reports


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One filled database per backend for the whole module: the tests only read it."""
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path_factory.mktemp('paging') / 'paging.sqlite'}"])
    elif not PG_URL:
        pytest.skip("DATELINE_TEST_PG_URL not set: no PostgreSQL server for this test")
    else:
        urls = pg_database()
    url = next(urls)
    s = Store(url)
    s.add_reports(paging_reports())
    yield s
    s.close()
    next(urls, None)  # drops the PostgreSQL database


def expected_ids(store: Store, keep: Any = lambda r: True, current_only: bool = True) -> list[int]:
    """All matching ids in the documented order, sorted here in Python from unordered rows."""
    stmt = select(EventRow.id, EventRow.event_date, EventRow.event_type, EventRow.country, ReportRow.current).join(
        ReportRow, ReportRow.id == EventRow.report_id
    )
    with store.session() as s:
        rows = [r for r in s.execute(stmt).all() if (r.current or not current_only) and keep(r)]
    rows.sort(key=lambda r: (r.event_date is None, r.event_date or dt.date.min, r.id))
    return [r.id for r in rows]


def old_page_ids(store: Store, f: EventFilter) -> list[int]:
    """The page as the full-row sort with OFFSET/LIMIT (the store's previous query) returns it."""
    stmt = store.event_query(f).order_by(EventRow.event_date.is_(None), EventRow.event_date, EventRow.id)
    stmt = stmt.offset(f.offset)
    if f.limit is not None:
        stmt = stmt.limit(f.limit)
    with store.session() as s:
        return [row.id for row in s.scalars(stmt)]


FILTERS: list[tuple[dict[str, Any], Any]] = [
    ({}, lambda r: True),
    ({"event_type": "Riots"}, lambda r: r.event_type == "Riots"),
    ({"country": "iraq"}, lambda r: r.country == "Iraq"),
    ({"date_from": dt.date(2020, 1, 1)}, lambda r: r.event_date is not None and r.event_date >= dt.date(2020, 1, 1)),
    ({"event_type": ["Protests", "Battles"], "country": "Syria"},
     lambda r: r.event_type in {"Protests", "Battles"} and r.country == "Syria"),
]


def test_fixture_has_ties_and_undated_events(store: Store) -> None:
    ids = expected_ids(store)
    assert len(ids) == 60
    with store.session() as s:
        dates = list(s.scalars(select(EventRow.event_date)))
    assert dates.count(None) == 20  # undated events must sort last
    assert dates.count(dt.date(2020, 3, 1)) == 20  # ties broken by id


@pytest.mark.parametrize("params, keep", FILTERS)
@pytest.mark.parametrize("limit", [1, 7, 50])
def test_every_page_matches_the_documented_order(store: Store, params: dict[str, Any], keep: Any,
                                                 limit: int) -> None:
    want = expected_ids(store, keep)
    assert want, "each filter must match something, or the test proves nothing"
    for offset in range(0, len(want) + limit, limit):
        f = EventFilter(**params, limit=limit, offset=offset)
        got = [e["id"] for e in store.query_events(f)]
        assert got == want[offset : offset + limit], (params, limit, offset)
        assert got == old_page_ids(store, f), (params, limit, offset)


@pytest.mark.parametrize("params, keep", FILTERS)
@pytest.mark.parametrize("offset", [0, 3, 25])
def test_streaming_in_small_chunks_continues_where_the_last_chunk_ended(store: Store, params: dict[str, Any],
                                                                        keep: Any, offset: int) -> None:
    # chunk=4 forces many keyset continuations, across date ties and into the undated tail.
    want = expected_ids(store, keep)[offset:]
    got = [row.id for row in store.iter_event_rows(EventFilter(**params, offset=offset), chunk=4)]
    assert got == want
    limited = [row.id for row in store.iter_event_rows(EventFilter(**params, offset=offset, limit=9), chunk=4)]
    assert limited == want[:9]


def test_rows_come_back_whole_and_in_order(store: Store) -> None:
    page = store.query_events(EventFilter(limit=5, offset=38))
    assert [e["id"] for e in page] == expected_ids(store)[38:43]
    for e in page:
        assert e["event_type"] in {t for t, _ in TYPES}
        assert e["evidence"]["sub_event_type"]["text"].startswith("incident ")


def test_only_current_reports_unless_all_versions(db_url: str) -> None:
    store = Store(db_url)
    try:
        reports = paging_reports(n_articles=3)
        old = [r.model_copy(update={"pipeline_version": "0.0-old"}) for r in reports]
        store.add_reports(old)
        store.add_reports(reports)
        current = expected_ids(store)
        everything = expected_ids(store, current_only=False)
        assert len(current) == 15 and len(everything) == 30
        got = [e["id"] for e in store.query_events(EventFilter(limit=4, offset=4))]
        assert got == current[4:8]
        got_all = [row.id for row in store.iter_event_rows(EventFilter(all_versions=True, offset=2), chunk=4)]
        assert got_all == everything[2:]
    finally:
        store.close()


@pytest.mark.parametrize("params, keep", [FILTERS[0], FILTERS[2]])
def test_api_next_links_walk_every_event_once_in_order(store: Store, params: dict[str, Any], keep: Any) -> None:
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    client = TestClient(create_app(store))
    url: str | None = "/events?" + "&".join([*(f"{k}={v}" for k, v in params.items()), "limit=7"])
    seen: list[int] = []
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        url = body["next"]
    assert seen == expected_ids(store, keep)
