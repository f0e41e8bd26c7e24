"""A revised article (the same JSONL record, URL or file with a new text) takes its earlier telling's place."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
import test_store_fixtures
from test_store_fixtures import make_event, make_report, protest_report

from dateline.model import Article, Report
from dateline.store import EventFilter, Store

db_url = test_store_fixtures.db_url

FIRST = "BAGHDAD (Nov 2) - Rioters stormed the provincial building in Baghdad on Wednesday, killing three guards."
REVISED = ("BAGHDAD (Nov 2) - Rioters stormed the provincial building in Baghdad on Wednesday, killing twelve "
           "guards, police and medics said.")
SECOND_STORY = ("BAGHDAD (Nov 2) - Rioters stormed the provincial building in Baghdad on Wednesday. "
                "In Basra, a bomb killed two soldiers at a checkpoint on Tuesday.")


def told(text: str, *, kind: str = "jsonl", record_id: str | None = "AFP-17", url: str | None = None,
         path: str | None = "/data/wire.jsonl:3", fatalities: int = 3, **fields: object) -> Report:
    """One telling of the Baghdad riot as a corpus record (its id and path) or a page (its URL)."""
    report = protest_report(text, "stormed", fatalities=fatalities, **fields)
    digest = hashlib.sha256(text.encode()).hexdigest()
    report.article = Article(id=record_id or digest[:16], text=text, content_hash=digest, source_kind=kind,  # type: ignore[arg-type]
                             path=path, url=url, publisher="Wire", published=dt.date(2019, 11, 2))
    return report


def test_a_revised_record_replaces_the_events_of_its_earlier_text(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, fatalities=3)])
        store.add_reports([told(REVISED, fatalities=12, path="/data/wire.jsonl:9")])  # rows added above it
        current = store.query_events()
        every = store.query_events(EventFilter(all_versions=True))
        counts = store.counts()
    assert [e["fatalities"] for e in current] == [12]
    assert sorted(e["fatalities"] for e in every) == [3, 12]  # the earlier telling is kept, not listed
    assert (counts["articles"], counts["reports"]) == (2, 2)


def test_the_same_url_or_file_with_a_new_text_is_a_revision(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, kind="feed", record_id=None, path=None, url="https://wire.example/a/17")])
        store.add_reports([told(REVISED, kind="feed", record_id=None, path=None, url="https://wire.example/a/17",
                                fatalities=12)])
        store.add_reports([told(FIRST + " ", kind="text", record_id=None, path="/inbox/riot.txt", fatalities=5)])
        store.add_reports([told(REVISED + " ", kind="text", record_id=None, path="/inbox/riot.txt", fatalities=6)])
        assert sorted(e["fatalities"] for e in store.query_events()) == [6, 12]


def test_other_records_urls_and_files_stay_side_by_side(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, record_id="AFP-17")])
        store.add_reports([told(REVISED, record_id="AFP-18", fatalities=12)])  # another record of the corpus
        store.add_reports([told(FIRST + " ", kind="html", record_id=None, path=None, url="https://wire.example/")])
        store.add_reports([told(REVISED + " ", kind="html", record_id=None, path=None, url="https://wire.example/",
                                fatalities=4)])  # a front page names no story
        store.add_reports([told(FIRST + "  ", record_id="AFP-17", path="/other/corpus.jsonl:1", fatalities=5)])
        assert sorted(e["fatalities"] for e in store.query_events()) == [3, 3, 4, 5, 12]


def _with_a_bomb_in_basra(report):  # type: ignore[no-untyped-def]
    """The report with a second event, a bomb in Basra, that its revision no longer tells."""
    report.events.append(make_event(SECOND_STORY, "bomb", "E2", event_date=dt.date(2019, 10, 29),
                                    event_type="Explosions/Remote violence",
                                    sub_event_type="Remote explosive/landmine/IED", location="Basra"))
    return report


def test_an_event_the_revision_no_longer_tells_leaves_the_lists(db_url: str) -> None:
    two = _with_a_bomb_in_basra(told(SECOND_STORY))
    with Store(db_url) as store:
        store.add_reports([two])
        assert store.count_events() == 2
        store.add_reports([told(REVISED, fatalities=12)])
        assert [e["location"] for e in store.query_events()] == ["Baghdad"]
        assert store.count_events(EventFilter(all_versions=True)) == 3


def test_a_review_is_carried_to_the_revision_and_stays_on_the_earlier_event(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, fatalities=3)])
        [old] = store.query_events()
        store.review_event(old["id"], "ana", "correct", {"admin1": "Baghdad Gov."})
        store.add_reports([told(REVISED, fatalities=12)])
        [new] = store.query_events()
        carried = store.history(new["id"])
        kept = store.history(old["id"])
    assert (new["review_status"], new["admin1"], new["fatalities"]) == ("corrected", "Baghdad Gov.", 12)
    assert [h["action"] for h in carried] == ["carry"] and str(old["id"]) in carried[0]["comment"]
    assert [h["action"] for h in kept] == ["correct"]


def test_a_corrected_figure_the_revision_tells_anew_is_left_as_told_for_review(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, fatalities=3)])
        [old] = store.query_events()
        store.review_event(old["id"], "ana", "correct", {"fatalities": 4})
        store.add_reports([told(REVISED, fatalities=12)])
        [new] = store.query_events()
        [carry] = store.history(new["id"])
    assert (new["fatalities"], new["review_status"]) == (12, "pending")
    assert "fatalities 12 (reviewed 4)" in carry["comment"]


def test_a_reviewed_event_the_revision_drops_is_marked_superseded(db_url: str) -> None:
    two = _with_a_bomb_in_basra(told(SECOND_STORY))
    with Store(db_url) as store:
        store.add_reports([two])
        bomb = next(e for e in store.query_events() if e["location"] == "Basra")
        store.review_event(bomb["id"], "ana", "accept")
        store.add_reports([told(REVISED, fatalities=12)])
        history = store.history(bomb["id"])
        status = store.get_event(bomb["id"])["review_status"]  # type: ignore[index]
    assert [h["action"] for h in history] == ["accept", "supersede"]
    assert "article revised" in history[1]["comment"] and status == "accepted"


def test_the_last_telling_in_a_batch_wins(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([told(FIRST, fatalities=3), told(REVISED, fatalities=12)])
        assert [e["fatalities"] for e in store.query_events()] == [12]


def test_an_article_of_no_story_key_is_never_superseded(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([make_report(told(FIRST).article.model_copy(update={"id": "x", "path": None,
                                                                              "source_kind": "stdin"}),
                                       told(FIRST).events)])
        store.add_reports([told(REVISED, kind="stdin", record_id=None, path=None, fatalities=12)])
        assert sorted(e["fatalities"] for e in store.query_events()) == [3, 12]


def test_articles_stored_before_the_upgrade_are_superseded_by_their_revision(db_url: str) -> None:
    from alembic import command

    from dateline.store import db

    with Store(db_url) as store:
        store.add_reports([told(FIRST, fatalities=3)])
        [reviewed] = store.query_events()
        store.review_event(reviewed["id"], "ana", "accept")
        cfg = db.alembic_config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
        kept = store.count_events(EventFilter(all_versions=True))
        before, after = db.upgrade(store.engine)
        store.add_reports([told(REVISED, fatalities=12)])
        current = sorted((e["fatalities"], e["review_status"]) for e in store.query_events())
    assert kept == 1 and (before, after) == ("0005", db.head_revision())
    assert current == [(12, "accepted")]


def test_a_file_stored_before_the_upgrade_from_a_relative_path_is_superseded_from_another_folder(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the upgrade leaves such an article keyless (its folder is unknown), so its revision, read as
    # corpus/news/riot.txt from the folder above, stood beside it and both were listed
    from alembic import command

    from dateline.store import db

    (tmp_path / "corpus" / "news").mkdir(parents=True)
    with Store(db_url) as store:
        monkeypatch.chdir(tmp_path / "corpus")
        store.add_reports([told(FIRST, kind="text", record_id=None, path="news/riot.txt", fatalities=3)])
        store.add_reports([told(SECOND_STORY, kind="text", record_id=None, path="other/riot.txt", fatalities=5)])
        cfg = db.alembic_config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
        db.upgrade(store.engine)
        monkeypatch.chdir(tmp_path)
        store.add_reports([told(REVISED, kind="text", record_id=None, path="corpus/news/riot.txt", fatalities=12)])
        current = sorted(e["fatalities"] for e in store.query_events())
    assert current == [5, 12]  # another file of the same name is another story


def test_the_api_and_exports_list_the_revision_only_unless_asked(db_url: str) -> None:
    from fastapi.testclient import TestClient

    from dateline.api import create_app
    from dateline.store.exports import event_stream

    with Store(db_url) as store:
        store.add_reports([told(FIRST, fatalities=3)])
        [old] = store.query_events()
        store.add_reports([told(REVISED, fatalities=12)])
        client = TestClient(create_app(store), base_url="http://localhost")
        listed = client.get("/events").json()
        exported = [event.fatalities for event, _ in event_stream(store, EventFilter())]
        earlier = client.get(f"/events/{old['id']}").json()
    assert [e["fatalities"] for e in listed["items"]] == [12]
    assert exported == [12]
    assert earlier["event"]["fatalities"] == 3  # still there by its id, for the record


def test_two_runs_storing_texts_of_one_story_at_once_leave_one_current(db_url: str) -> None:
    # on PostgreSQL each run missed the other's uncommitted article, and both texts stayed current
    import threading

    from dateline.store.repository import BatchResult

    with Store(db_url) as first, Store(db_url) as second:
        other = threading.Thread(target=second.add_reports, args=([told(REVISED, fatalities=12)],))
        with first.session() as s:
            first._add_many(s, [told(FIRST, fatalities=3)], None, BatchResult())
            other.start()  # stores its text while this one is not committed yet
            other.join(timeout=2)
        other.join()
        current = first.query_events()
        every = first.query_events(EventFilter(all_versions=True))
    assert len(current) == 1 and len(every) == 2
