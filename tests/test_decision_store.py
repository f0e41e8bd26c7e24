"""Events the decision leaves for review: out of exports, the API and the map by default, kept in the store,
first in the review queue, back in when accepted or when the cut is lowered."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app, queries
from dateline.api.auth import create_token
from dateline.extraction.decide import review_threshold
from dateline.merge import merge_events
from dateline.store import EventFilter, Store
from dateline.store.exports import export
from tests.test_store_fixtures import PROTEST_FIELDS, db_url, make_article, make_event, make_report  # noqa: F401 - db_url is a fixture

SURE = "Rioters stormed the ministry in Baghdad on Wednesday."
UNSURE = "Protests have rocked Baghdad for weeks, officials said."


def _reports(cut: float) -> list:  # type: ignore[type-arg]
    sure = make_report(make_article(SURE, publisher="Wire A"),
                       [make_event(SURE, "stormed", confidence=min(1.0, cut + 0.1), **PROTEST_FIELDS)])
    unsure = make_report(make_article(UNSURE, publisher="Wire B"),
                         [make_event(UNSURE, "Protests", confidence=max(0.0, cut - 0.3),
                                     flags=["needs_review"], **PROTEST_FIELDS)])
    return [sure, unsure]


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]  # noqa: F811
    """The two events on SQLite, and on PostgreSQL when DATELINE_TEST_PG_URL is set."""
    with Store(db_url) as s:
        s.add_reports(_reports(review_threshold()))
        yield s


def _csv_notes_count(text: str) -> int:
    return len(list(csv.DictReader(io.StringIO(text))))


def test_filter_keeps_confident_and_reviewed_events(store: Store) -> None:
    cut = review_threshold()
    assert len(store.query_events(EventFilter())) == 2
    kept = store.query_events(EventFilter(min_confidence=cut))
    assert [e["confidence"] >= cut for e in kept] == [True]
    unsure = next(e for e in store.query_events(EventFilter()) if e["confidence"] < cut)
    token = create_token(store, "reviewer")
    client = TestClient(create_app(store))
    reply = client.patch(f"/events/{unsure['id']}", json={"action": "accept"},
                         headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200, reply.text
    assert len(store.query_events(EventFilter(min_confidence=cut))) == 2


def test_export_leaves_out_events_for_review_unless_the_cut_is_zero(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    export(store, "acled", [], out, min_confidence=review_threshold())
    assert _csv_notes_count(out.read_text()) == 1
    export(store, "acled", [], out, min_confidence=0.0)
    assert _csv_notes_count(out.read_text()) == 2


def test_plover_export_leaves_out_events_for_review_as_the_other_formats_do(tmp_path: Path) -> None:
    # the PLOVER export used to write every event of each matching article's stored report: an article with
    # one kept event brought its events left for review along, which the ACLED, GeoJSON and Parquet exports
    # of the same filter leave out
    cut = review_threshold()
    text = f"{SURE} {UNSURE}"
    both = make_report(make_article(text, publisher="Wire A"), [
        make_event(text, "stormed", "E1", confidence=min(1.0, cut + 0.1), **PROTEST_FIELDS),
        make_event(text, "Protests", "E2", confidence=max(0.0, cut - 0.3), flags=["needs_review"], **PROTEST_FIELDS),
    ])
    out = tmp_path / "p.jsonl"
    with Store(f"sqlite:///{tmp_path / 'p.sqlite'}") as store:
        store.add_reports([both])
        export(store, "plover", [], out, min_confidence=cut)
        assert [line["text"] for line in map(json.loads, out.read_text().splitlines())] == ["stormed"]
        export(store, "plover", [], out, min_confidence=0.0)
        assert sorted(line["text"] for line in map(json.loads, out.read_text().splitlines())) == ["Protests", "stormed"]
        api = TestClient(create_app(store)).get("/export", params={"format": "plover"})
        assert [line["text"] for line in map(json.loads, api.text.splitlines())] == ["stormed"]


def test_api_events_default_to_the_cut_and_accept_a_lower_one(store: Store) -> None:
    client = TestClient(create_app(store))
    assert client.get("/events").json()["total"] == 1
    assert client.get("/events", params={"min_confidence": 0}).json()["total"] == 2
    assert client.get("/events", params={"min_confidence": 2}).status_code == 422


def test_api_next_page_keeps_the_lower_cut_the_client_asked_for(store: Store) -> None:
    # `next` used to drop min_confidence=0: page two fell back to the default cut and came back empty
    client = TestClient(create_app(store))
    first = client.get("/events", params={"min_confidence": 0, "limit": 1}).json()
    assert first["total"] == 2 and first["next"]
    second = client.get(first["next"]).json()
    assert second["total"] == 2 and [e["confidence"] < review_threshold() for e in second["items"]] == [True]
    assert second["next"] is None


def test_review_queue_shows_events_left_for_review_first(store: Store) -> None:
    cut = review_threshold()
    first = queries.queue_next(store, EventFilter(min_confidence=cut))
    event = next(e for e in store.query_events(EventFilter()) if e["id"] == first)
    assert event["confidence"] < cut
    second = queries.queue_next(store, EventFilter(min_confidence=cut), after=first)
    assert second is not None and second != first
    assert queries.count_pending(store, EventFilter(min_confidence=cut)) == 2


def test_merge_takes_only_kept_events(store: Store) -> None:
    stats = merge_events(store, review_threshold())
    assert stats.total == 1


def _geojson_flags(store: Store, tmp_path: Path, min_confidence: float) -> dict[str, list[str]]:
    """Each exported event's flags by its review status and confidence side of the default cut."""
    out = tmp_path / "e.geojson"
    export(store, "geojson", [], out, min_confidence=min_confidence)
    return {f"{p['review_status']}:{'sure' if p['confidence'] >= 0.5 else 'unsure'}": p["flags"]
            for p in (feat["properties"] for feat in json.loads(out.read_text())["features"])}


@pytest.fixture
def configured_cut(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Sets DATELINE_MIN_CONFIDENCE for the process, as a user does, and forgets it afterwards."""
    from dateline.extraction import decide

    def set_cut(value: float) -> None:
        monkeypatch.setenv("DATELINE_MIN_CONFIDENCE", str(value))
        decide._default_threshold.cache_clear()

    yield set_cut
    monkeypatch.delenv("DATELINE_MIN_CONFIDENCE", raising=False)
    decide._default_threshold.cache_clear()


def test_export_shows_needs_review_only_while_the_event_waits_for_a_reviewer(store: Store, tmp_path: Path) -> None:
    # an accepted event kept its extraction-time `needs_review` flag: GeoJSON and Parquet showed it beside
    # review_status=accepted
    assert review_threshold() > 0.4 and review_threshold() < 0.6  # the fixture's sure/unsure sides of 0.5
    assert _geojson_flags(store, tmp_path, 0.0) == {"pending:sure": [], "pending:unsure": ["needs_review"]}
    unsure = next(e for e in store.query_events(EventFilter()) if e["confidence"] < review_threshold())
    store.review_event(unsure["id"], "ana", "accept")
    assert _geojson_flags(store, tmp_path, review_threshold()) == {"pending:sure": [], "accepted:unsure": []}
    assert store.query_events(EventFilter(article_id=unsure["article_id"]))[0]["flags"] == ["needs_review"]


def test_export_flags_events_under_the_cut_in_force_not_the_cut_at_extraction(
        store: Store, tmp_path: Path, configured_cut) -> None:  # type: ignore[no-untyped-def]
    # a user who lowered the cut got the events it now keeps flagged as needing review in their exports
    unsure = next(e for e in store.query_events(EventFilter()) if e["confidence"] < review_threshold())
    configured_cut(unsure["confidence"] - 0.05)
    assert _geojson_flags(store, tmp_path, review_threshold()) == {"pending:sure": [], "pending:unsure": []}
    # and one who raised it above an event stored without the flag sees it flagged
    configured_cut(0.99)
    assert _geojson_flags(store, tmp_path, 0.0) == {"pending:sure": ["needs_review"],
                                                    "pending:unsure": ["needs_review"]}


def test_parquet_export_shows_needs_review_only_while_the_event_waits(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    unsure = next(e for e in store.query_events(EventFilter()) if e["confidence"] < review_threshold())
    store.review_event(unsure["id"], "ana", "correct", {"fatalities": 2})
    out = tmp_path / "e.parquet"
    export(store, "parquet", [], out, min_confidence=review_threshold())
    rows = pq.read_table(out).to_pylist()
    assert sorted((row["review_status"], row["flags"]) for row in rows) == [("corrected", []), ("pending", [])]


def test_api_shows_needs_review_only_while_the_event_waits_for_a_reviewer(store: Store) -> None:
    # the API's event JSON kept the extraction-time flag after a reviewer accepted the event, so it said
    # needs_review beside review_status=accepted
    client = TestClient(create_app(store))
    listed = {e["id"]: e for e in client.get("/events", params={"min_confidence": 0}).json()["items"]}
    unsure = next(e for e in listed.values() if e["confidence"] < review_threshold())
    assert unsure["flags"] == ["needs_review"]
    token = create_token(store, "reviewer")
    reply = client.patch(f"/events/{unsure['id']}", json={"action": "accept"},
                         headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200, reply.text
    assert reply.json()["event"]["flags"] == []
    assert client.get(f"/events/{unsure['id']}").json()["event"]["flags"] == []
    assert [e["flags"] for e in client.get("/events").json()["items"]] == [[], []]


def test_api_flags_events_under_the_cut_in_force(store: Store, configured_cut) -> None:  # type: ignore[no-untyped-def]
    unsure = next(e for e in store.query_events(EventFilter()) if e["confidence"] < review_threshold())
    configured_cut(unsure["confidence"] - 0.05)
    items = TestClient(create_app(store)).get("/events").json()["items"]
    assert [(e["id"], e["flags"]) for e in items if e["id"] == unsure["id"]] == [(unsure["id"], [])]


def test_api_events_echo_the_cut_they_applied(store: Store) -> None:
    # `filters` left the cut out, so a client could not tell a page at the default cut from one at 0
    client = TestClient(create_app(store))
    assert client.get("/events").json()["filters"] == {"min_confidence": review_threshold()}
    lowered = client.get("/events", params={"min_confidence": 0, "country": "Iraq"}).json()["filters"]
    assert lowered == {"country": "Iraq", "min_confidence": 0.0}


@pytest.mark.parametrize("reason", ["place_ambiguous", "sums_incidents"])
def test_an_event_sent_to_review_whatever_its_probability_stays_out_until_accepted(
        db_url: str, tmp_path: Path, reason: str) -> None:  # noqa: F811
    # a summed lead scored above the cut was exported beside the incidents it sums (their dead counted twice),
    # and, once the flag was judged at read time, with no sign that it waits for a reviewer
    cut = review_threshold()
    text = "Gunmen killed nine people in two attacks in Kaduna on Sunday."
    event = make_event(text, "killed", confidence=min(1.0, cut + 0.2), flags=[reason, "needs_review"],
                       **PROTEST_FIELDS)
    with Store(db_url) as store:
        store.add_reports([make_report(make_article(text, publisher="Wire C"), [event])])
        assert store.query_events(EventFilter(min_confidence=cut)) == []
        (stored,) = store.query_events(EventFilter())
        assert "needs_review" in queries.event_record(stored).flags
        out = tmp_path / "events.geojson"
        export(store, "geojson", [], out, min_confidence=cut)
        assert json.loads(out.read_text(encoding="utf-8"))["features"] == []
        store.review_event(stored["id"], "reviewer", "accept")
        (kept,) = store.query_events(EventFilter(min_confidence=cut))
        assert "needs_review" not in queries.event_record(kept).flags


@pytest.mark.parametrize("reason", ["place_ambiguous", "sums_incidents"])
def test_cut_zero_keeps_an_event_sent_to_review_whatever_its_probability(
        db_url: str, tmp_path: Path, reason: str) -> None:  # noqa: F811
    # `dateline export --min-confidence 0` and `GET /events?min_confidence=0` left it out, though 0 keeps every
    # event and `dateline extract --format acled --min-confidence 0` wrote it
    text = "Gunmen killed nine people in two attacks in Kaduna on Sunday."
    event = make_event(text, "killed", confidence=0.9, flags=[reason, "needs_review"], **PROTEST_FIELDS)
    with Store(db_url) as store:
        store.add_reports([make_report(make_article(text, publisher="Wire C"), [event])])
        out = tmp_path / "everything.csv"
        assert export(store, "acled", [], out, min_confidence=0.0).startswith("wrote 1 event")
        listed = TestClient(create_app(store)).get("/events", params={"min_confidence": 0}).json()["items"]
        assert [e["flags"] for e in listed] == [[reason, "needs_review"]]  # listed, and still waiting for review
        assert "1 merged events in all" in merge_events(store, 0.0).summary()


def test_review_queue_shows_an_event_sent_to_review_whatever_its_probability_first(db_url: str) -> None:  # noqa: F811
    # the queue ordered by confidence alone, so a summed lead at 0.9, flagged "needs review" in the table, came
    # after every kept event
    cut = review_threshold()
    kept_text = "Rioters stormed the ministry in Baghdad on Wednesday."
    summed_text = "Gunmen killed nine people in two attacks in Kaduna on Sunday."
    with Store(db_url) as store:
        store.add_reports([make_report(make_article(kept_text, publisher="Wire A"),
                                       [make_event(kept_text, "stormed", confidence=0.9, **PROTEST_FIELDS)]),
                           make_report(make_article(summed_text, publisher="Wire B"),
                                       [make_event(summed_text, "killed", confidence=0.9,
                                                   flags=["sums_incidents", "needs_review"], **PROTEST_FIELDS)])])
        by_flags = {bool(e["flags"]): e["id"] for e in store.query_events(EventFilter())}
        kept_id, summed_id = by_flags[False], by_flags[True]
        assert queries.queue_next(store, EventFilter(min_confidence=cut)) == summed_id
        assert queries.queue_next(store, EventFilter(min_confidence=cut), after=summed_id) == kept_id
        assert queries.queue_next(store, EventFilter(min_confidence=cut), after=kept_id) is None
