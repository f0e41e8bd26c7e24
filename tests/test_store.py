"""The store on SQLite and PostgreSQL: idempotent writes, round trips, filters, review and audit, schema checks."""

from __future__ import annotations

import datetime as dt

import pytest
import test_store_fixtures
from sqlalchemy import text
from test_store_fixtures import (
    make_article,
    make_event,
    make_report,
    protest_report,
    span_of,
)

from dateline.model import Quote, Report, Statement
from dateline.store import EventFilter, SchemaOutdatedError, Store, StoreError

db_url = test_store_fixtures.db_url  # the fixture: one database per backend

TEXT_A = "BAGHDAD (Nov 2) - Protesters stormed the provincial building in Baghdad on Wednesday, police said."
TEXT_B = "Demonstrators tried to storm a government office in the Iraqi capital on October 30."


def test_new_database_gets_schema_and_report_round_trips(db_url: str) -> None:
    report = protest_report(TEXT_A, "stormed", fatalities=3)
    quote_span = span_of(TEXT_A, "police said")
    report.quotes.append(Quote(id="Q1", span=quote_span, kind="indirect", speaker="police"))
    report.statements.append(Statement(id="S1", plover="ACCUSE", actor="police", evidence=quote_span))
    with Store(db_url) as store:
        result = store.add_reports([report])
        assert (result.stored, result.skipped, result.events) == (1, 0, 1)
        back = store.get_report(result.article_ids[0])
    assert isinstance(back, Report)
    assert back.article.text == TEXT_A
    assert back.events[0].fatalities == 3
    assert back.events[0].evidence["sub_event_type"].text == "stormed"
    assert back.events[0].event_date == dt.date(2019, 10, 30)
    assert back.quotes[0].speaker == "police"
    assert back.statements[0].plover == "ACCUSE"
    assert back == report


def test_same_report_twice_is_stored_once(db_url: str) -> None:
    report = protest_report(TEXT_A, "stormed")
    with Store(db_url) as store:
        store.add_reports([report, report])
        second = store.add_reports([report])
        counts = store.counts()
        assert store.processed_hashes([report.article.content_hash or "", "nope"]) == {report.article.content_hash}
    assert second.skipped == 1 and second.stored == 0
    assert (counts["articles"], counts["reports"], counts["events"]) == (1, 1, 1)


def test_new_pipeline_version_adds_report_and_only_current_events_are_read(db_url: str) -> None:
    old = protest_report(TEXT_A, "stormed", fatalities=1)
    new = protest_report(TEXT_A, "stormed", fatalities=2)
    new.pipeline_version = "9.9.9"
    with Store(db_url) as store:
        store.add_reports([old])
        store.add_reports([new])
        counts = store.counts()
        current = store.query_events()
        every = store.query_events(EventFilter(all_versions=True))
    assert (counts["articles"], counts["reports"], counts["events"]) == (1, 2, 2)
    assert [e["fatalities"] for e in current] == [2]
    assert sorted(e["fatalities"] for e in every) == [1, 2]


def test_event_filters(db_url: str) -> None:
    reports = [
        protest_report(TEXT_A, "stormed"),
        protest_report(TEXT_B, "storm", event_date=dt.date(2019, 11, 5), country="Iraq", admin1="Basra",
                       latitude=30.5, longitude=47.8, event_type="Protests", sub_event_type="Peaceful protest",
                       actor1="Protesters (Iraq)", inter1=6),
    ]
    with Store(db_url) as store:
        store.add_reports(reports)
        assert store.count_events() == 2
        assert [e["admin1"] for e in store.query_events(EventFilter(date_from=dt.date(2019, 11, 1)))] == ["Basra"]
        assert len(store.query_events(EventFilter(country="iraq"))) == 2
        assert [e["event_type"] for e in store.query_events(EventFilter(event_type=["Riots"]))] == ["Riots"]
        assert [e["admin1"] for e in store.query_events(EventFilter(actor="protesters"))] == ["Basra"]
        # bbox around Basra only (min_lon, min_lat, max_lon, max_lat)
        assert [e["admin1"] for e in store.query_events(EventFilter(bbox=(47.0, 30.0, 48.5, 31.0)))] == ["Basra"]
        assert store.count_events(EventFilter(review_status="accepted")) == 0
        assert [e["admin1"] for e in store.query_events(EventFilter(limit=1, offset=1))] == ["Basra"]
        per_day = store.events_per_day()
    assert per_day == [{"date": "2019-10-30", "event_type": "Riots", "count": 1},
                       {"date": "2019-11-05", "event_type": "Protests", "count": 1}]


def test_review_corrects_event_and_appends_audit(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([protest_report(TEXT_A, "stormed", fatalities=3)])
        event_id = store.query_events()[0]["id"]
        after = store.review_event(event_id, "ana", "correct", {"fatalities": 2, "admin1": "Baghdad Gov."},
                                   comment="wire says two")
        assert after["review_status"] == "corrected" and after["fatalities"] == 2
        store.review_event(event_id, "ben", "accept")
        with pytest.raises(ValueError, match="not an event column"):
            store.review_event(event_id, "ben", "correct", {"evidence": {}})
        with pytest.raises(ValueError, match="fatalities"):
            store.review_event(event_id, "ben", "correct", {"fatalities": "many"})
        with pytest.raises(KeyError):
            store.review_event(10_000, "ben", "accept")
        history = store.history(event_id)
        model = store.event_model(event_id)
        assert store.count_events(EventFilter(review_status="accepted")) == 1
    assert [h["action"] for h in history] == ["correct", "accept"]
    assert history[0]["user"] == "ana"
    assert history[0]["changes"]["fatalities"] == {"old": 3, "new": 2}
    assert history[0]["comment"] == "wire says two"
    assert model is not None and model.fatalities == 2 and model.admin1 == "Baghdad Gov."


def test_api_tokens_store_hashes(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_api_token("ana", "h1")
        with pytest.raises(ValueError, match="exists"):
            store.add_api_token("ana", "h2")
        assert store.api_token_name("h1") == "ana"
        assert store.api_token_name("nope") is None
        assert [t["name"] for t in store.list_api_tokens()] == ["ana"]
        assert store.delete_api_token("ana") is True
        assert store.api_token_name("h1") is None


def test_failures_are_recorded_once(db_url: str) -> None:
    with Store(db_url) as store:
        run_id = store.start_run(["corpus.jsonl"])
        store.add_reports([], run_id=run_id, failures=[("corpus.jsonl:3", "empty input", None)])
        store.add_reports([], run_id=run_id, failures=[("corpus.jsonl:3", "empty input", None)])
        store.update_run(run_id, status="finished", failures=1)
        failures = store.failures()
        runs = store.runs()
    assert [(f["item"], f["reason"]) for f in failures] == [("corpus.jsonl:3", "empty input")]
    assert runs[0]["status"] == "finished" and runs[0]["failures"] == 1


def test_old_database_asks_for_upgrade(db_url: str) -> None:
    Store(db_url).close()
    store = Store(db_url, check=False)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    with pytest.raises(SchemaOutdatedError, match="newer dateline"):
        Store(db_url)
    store.close()


def test_database_without_revision_asks_for_upgrade(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    Store(url).close()
    store = Store(url, check=False)
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    with pytest.raises(SchemaOutdatedError, match="no schema revision"):
        Store(url)
    store.close()


def test_bad_url_is_one_line_error() -> None:
    with pytest.raises(StoreError, match="unsupported database driver"):
        Store("nonsense://")


def test_quote_and_statement_with_multiple_events_keep_order(db_url: str) -> None:
    text_ = "Police fired tear gas at protesters in Basra. Gunmen attacked a checkpoint in Kirkuk."
    events = [make_event(text_, "fired tear gas", "E1", event_type="Protests"),
              make_event(text_, "attacked", "E2", event_type="Battles")]
    with Store(db_url) as store:
        res = store.add_report(make_report(make_article(text_), events))
        back = store.get_report(res.article_ids[0])
        art = store.get_article(res.article_ids[0])
    assert back is not None and [e.id for e in back.events] == ["E1", "E2"]
    assert art is not None and art["text"] == text_


def test_migrations_create_exactly_the_declared_tables(db_url: str) -> None:
    """A table change without a migration fails here (alembic's autogenerate finds the difference)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from dateline.store.tables import Base

    with Store(db_url) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
