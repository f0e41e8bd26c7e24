"""Reviews: corrections checked against the ACLED codebook with derived fields recomputed, optimistic
concurrency (versions, 409), reviews that survive re-extraction, and an audit log that outlives events and
tokens. SQLite always, PostgreSQL when DATELINE_TEST_PG_URL is set.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading

import pytest
import test_store_fixtures
from fastapi.testclient import TestClient
from sqlalchemy import delete
from test_store_fixtures import protest_report

from dateline.api import create_app
from dateline.api.auth import create_token
from dateline.store import Store
from dateline.store.repository import EditConflict, Reviewer
from dateline.store.tables import ArticleRow, EventRow

db_url = test_store_fixtures.db_url

TEXT = "BAGHDAD (Nov 2) - Protesters stormed the provincial building in Baghdad on Wednesday, police said."


def _one_event(store: Store, **fields: object) -> int:
    store.add_reports([protest_report(TEXT, "stormed", **fields)])
    return int(store.query_events()[0]["id"])


# -- 15: corrections checked against the codebook -------------------------------------------------------
@pytest.mark.parametrize(("changes", "message"), [
    ({"latitude": 999}, "latitude"),
    ({"longitude": -181}, "longitude"),
    ({"fatalities": -5}, "fatalities"),
    ({"fatalities": 2**63}, "fatalities"),
    ({"country": "Narnia"}, "country"),
    ({"sub_event_type": "Teleportation"}, "sub_event_type"),
    ({"event_type": "Protests"}, "event_type"),  # the sub-type stays Violent demonstration: a Riot
    ({"inter1": 99}, "inter1"),
    ({"interaction": 12}, "interaction"),
    ({"iso": 4}, "iso"),
    ({"year": 1999}, "year"),
    ({"actor1": "x" * 301}, "actor1"),
])
def test_corrections_outside_the_codebook_are_refused_and_change_nothing(
    db_url: str, changes: dict, message: str
) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        before = store.get_event(event_id)
        with pytest.raises(ValueError, match=message):
            store.review_event(event_id, "ana", "correct", changes)
        after = store.get_event(event_id)
        assert store.history(event_id) == []
    assert after == before


def test_corrections_recompute_derived_fields(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        out = store.review_event(event_id, "ana", "correct", {
            "event_date": "2020-01-05", "sub_event_type": "Peaceful protest", "inter1": 6, "inter2": 1,
            "country": "united kingdom",
        })
        history = store.history(event_id)
    assert out["year"] == 2020
    assert (out["event_type"], out["disorder_type"]) == ("Protests", "Demonstrations")
    assert out["interaction"] == 16
    assert (out["country"], out["iso"], out["region"]) == ("United Kingdom", 826, "Europe")
    assert history[0]["changes"]["year"] == {"old": 2019, "new": 2020}
    assert history[0]["changes"]["event_type"] == {"old": "Riots", "new": "Protests"}


def test_api_correction_outside_the_codebook_is_422(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        token = create_token(store, "ana")
        client = TestClient(create_app(store))
        for fields in ({"latitude": 999}, {"country": "Narnia"}, {"inter1": 99}, {"fatalities": -5},
                       {"sub_event_type": "Teleportation"}, {"fatalities": 2**63}):
            resp = client.patch(f"/events/{event_id}", json={"action": "correct", "fields": fields},
                                headers={"Authorization": f"Bearer {token}"})
            assert resp.status_code == 422, (fields, resp.text)
            assert next(iter(fields)) in resp.json()["detail"]


@pytest.mark.parametrize(("changes", "message"), [
    ({"civilian_targeting": "maybe"}, "civilian_targeting: 'maybe' is not ACLED's value"),
    ({"source_scale": "Galactic"}, "source_scale: 'galactic' is not an ACLED source scale"),
    ({"source_scale": "National-Planetary"}, "source_scale: 'planetary' is not an ACLED source scale"),
])
def test_civilian_targeting_and_source_scale_take_only_acled_words(
    db_url: str, changes: dict, message: str
) -> None:
    # both were stored as typed, so an export carried a value no ACLED reader knows
    with Store(db_url) as store:
        event_id = _one_event(store)
        before = store.get_event(event_id)
        with pytest.raises(ValueError, match=message):
            store.review_event(event_id, "ana", "correct", changes)
        assert store.get_event(event_id) == before and store.history(event_id) == []


def test_civilian_targeting_and_source_scale_are_written_as_acled_spells_them(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        out = store.review_event(event_id, "ana", "correct", {
            "civilian_targeting": "civilian targeting", "source_scale": "international-national"})
        cleared = store.review_event(event_id, "ana", "correct", {"civilian_targeting": None})
    assert (out["civilian_targeting"], out["source_scale"]) == ("Civilian targeting", "National-International")
    assert cleared["civilian_targeting"] is None


def test_a_review_cannot_clear_the_sub_event_type(db_url: str) -> None:
    # event_type follows the sub-type, so a cleared sub-type left "Riots" with no sub-type to justify it
    with Store(db_url) as store:
        event_id = _one_event(store)
        before = store.get_event(event_id)
        token = create_token(store, "ana")
        client = TestClient(create_app(store))
        resp = client.patch(f"/events/{event_id}", json={"action": "correct", "fields": {"sub_event_type": None}},
                            headers={"Authorization": f"Bearer {token}"})
        after = store.get_event(event_id)
        assert store.history(event_id) == []
    assert resp.status_code == 422, resp.text
    assert resp.json()["detail"] == (
        "sub_event_type: cannot be cleared; set another sub-event type, or reject the event")
    assert after == before and after is not None and after["event_type"] == "Riots"


# -- 16: optimistic concurrency ------------------------------------------------------------------------
def test_a_review_based_on_a_stale_version_is_a_conflict(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        seen = store.get_event(event_id)
        assert seen is not None and seen["version"] == 1
        store.review_event(event_id, "ana", "correct", {"fatalities": 2}, expected_version=1)
        with pytest.raises(EditConflict, match="version 2"):
            store.review_event(event_id, "ben", "correct", {"fatalities": 7}, expected_version=1)
        assert store.get_event(event_id)["fatalities"] == 2  # type: ignore[index]
        assert len(store.history(event_id)) == 1


def test_api_uses_etag_and_if_match_and_answers_409(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        token = create_token(store, "ana")
        client = TestClient(create_app(store))
        auth = {"Authorization": f"Bearer {token}"}
        etag = client.get(f"/events/{event_id}").headers["etag"]
        assert etag == '"1"'
        first = client.patch(f"/events/{event_id}", json={"action": "correct", "fields": {"fatalities": 2}},
                             headers={**auth, "If-Match": etag})
        assert first.status_code == 200 and first.headers["etag"] == '"2"'
        stale = client.patch(f"/events/{event_id}", json={"action": "correct", "fields": {"fatalities": 9}},
                             headers={**auth, "If-Match": etag})
        assert stale.status_code == 409 and "reload" in stale.json()["detail"]
        by_body = client.patch(f"/events/{event_id}", json={"action": "accept", "version": 1}, headers=auth)
        assert by_body.status_code == 409
        ok = client.patch(f"/events/{event_id}", json={"action": "accept", "version": 2}, headers=auth)
        assert ok.status_code == 200 and ok.json()["event"]["version"] == 3


def test_concurrent_corrections_chain_old_to_previous_new(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store, fatalities=0)
        errors: list[BaseException] = []

        def correct(value: int) -> None:
            try:
                with Store(db_url) as mine:
                    mine.review_event(event_id, f"r{value}", "correct", {"fatalities": value})
            except BaseException as err:  # noqa: BLE001 - collected for the assertion below
                errors.append(err)

        threads = [threading.Thread(target=correct, args=(v,)) for v in range(1, 9)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        history = store.history(event_id)
        final = store.get_event(event_id)
    assert errors == []
    assert len(history) == 8
    chain = [h["changes"]["fatalities"] for h in history]
    assert chain[0]["old"] == 0
    for previous, entry in itertools.pairwise(chain):
        assert entry["old"] == previous["new"]
    assert final is not None and final["fatalities"] == chain[-1]["new"] and final["version"] == 9


# -- 17: reviews survive re-extraction -----------------------------------------------------------------
def test_reextraction_carries_the_review_over_with_an_audit_row(db_url: str) -> None:
    with Store(db_url) as store:
        old_id = _one_event(store, fatalities=1)
        store.review_event(old_id, "ana", "correct", {"fatalities": 4, "admin1": "Baghdad Gov."})
        newer = protest_report(TEXT, "stormed", fatalities=1)
        newer.pipeline_version = "9.9.9"
        store.add_reports([newer])
        [current] = store.query_events()
        history = store.history(current["id"])
        old_history = store.history(old_id)
    assert current["id"] != old_id
    assert current["review_status"] == "corrected"
    assert (current["fatalities"], current["admin1"]) == (4, "Baghdad Gov.")
    assert [h["action"] for h in history] == ["carry"]
    assert history[0]["changes"]["fatalities"] == {"old": 1, "new": 4}
    assert str(old_id) in history[0]["comment"] and history[0]["user"] == "dateline"
    assert [h["action"] for h in old_history] == ["correct"]


def test_reextraction_without_a_matching_event_leaves_the_new_one_for_review(db_url: str) -> None:
    with Store(db_url) as store:
        old_id = _one_event(store)
        store.review_event(old_id, "ana", "reject")
        newer = protest_report(TEXT, "police said", location="Basra", event_date=dt.date(2019, 10, 29))
        newer.pipeline_version = "9.9.9"
        store.add_reports([newer])
        [current] = store.query_events()
        old_history = store.history(old_id)
    assert current["review_status"] == "pending"
    assert [h["action"] for h in old_history] == ["reject", "supersede"]


# -- 18: the audit log keeps everything ----------------------------------------------------------------
def test_audit_rows_outlive_their_event_and_times_are_utc(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        uid = store.get_event(event_id)["uid"]  # type: ignore[index]
        store.review_event(event_id, "ana", "accept")
        with store.session() as s:
            s.execute(delete(ArticleRow))  # removing the article removes its events
        with store.session() as s:
            assert s.get(EventRow, event_id) is None
        history = store.history(event_id)
    assert [h["action"] for h in history] == ["accept"]
    assert history[0]["event_uid"] == uid
    at = dt.datetime.fromisoformat(history[0]["at"])
    assert at.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - at) < dt.timedelta(minutes=5)


def test_a_recreated_token_name_is_told_apart_in_the_audit_log(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        client = TestClient(create_app(store))
        first = create_token(store, "ana")
        client.patch(f"/events/{event_id}", json={"action": "accept"}, headers={"Authorization": f"Bearer {first}"})
        store.delete_api_token("ana")
        second = create_token(store, "ana")
        client.patch(f"/events/{event_id}", json={"action": "reject"}, headers={"Authorization": f"Bearer {second}"})
        history = client.get(f"/events/{event_id}/history").json()
    assert [h["user"] for h in history] == ["ana", "ana"]
    # SQLite may give the new token the old id; its creation time still tells them apart
    tokens = [(h["token_id"], h["token_created_at"]) for h in history]
    assert None not in tokens[0] + tokens[1] and tokens[0] != tokens[1]


def test_store_reviewer_object_records_its_token(db_url: str) -> None:
    with Store(db_url) as store:
        event_id = _one_event(store)
        made = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
        store.review_event(event_id, Reviewer("ana", 7, made), "accept")
        [entry] = store.history(event_id)
    assert entry["token_id"] == 7 and dt.datetime.fromisoformat(entry["token_created_at"]) == made


def test_migration_0002_keeps_audit_rows_both_ways(db_url: str) -> None:
    from alembic import command

    from dateline.store import db

    with Store(db_url) as store:
        event_id = _one_event(store)
        store.review_event(event_id, "ana", "correct", {"fatalities": 3})
        cfg = db.alembic_config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        before, after = db.upgrade(store.engine)
        history = store.history(event_id)
        store.review_event(event_id, "ben", "accept")  # ids continue after the copied rows
        ids = [h["id"] for h in store.history(event_id)]
    assert (before, after) == ("0001", db.head_revision())
    assert history[0]["changes"]["fatalities"] == {"old": None, "new": 3}
    assert history[0]["event_uid"] is not None
    assert ids[1] > ids[0]


def test_event_page_history_shows_a_cleared_or_unset_value_as_empty_not_python_none(db_url: str) -> None:
    # the history read "fatalities: None → 4", Python's word for nothing
    with Store(db_url) as store:
        event_id = _one_event(store, fatalities=None, admin2="Karkh")
        store.review_event(event_id, "ana", "correct", {"fatalities": 4, "admin2": None})
        page = TestClient(create_app(store), base_url="http://localhost").get(f"/ui/events/{event_id}").text
    history = page[page.index('id="history"'):]
    history = history[:history.index("</ol>")]
    assert '<code>fatalities</code>: <span class="muted">(empty)</span> → 4' in history
    assert '<code>admin2</code>: Karkh → <span class="muted">(empty)</span>' in history
    assert "None" not in history
