"""`dateline watch` and files rewritten under the same name: what changed is coded again, nothing else is."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from test_watch import article, db_url  # noqa: F401 - db_url is a fixture (SQLite, and PostgreSQL when set)

from dateline.store import Store
from dateline.watch import Watcher, WatchOptions


def _pass(store: Store, sources: list[str], pipeline):  # type: ignore[no-untyped-def]
    options = WatchOptions(interval=10, settle=0.0, merge=False)
    return next(Watcher(sources, store, options=options, pipeline=pipeline).run(once=True))


def _retimed(path: Path, seconds: int = 10) -> None:
    """Give a file another modification time, as a save a moment later does, without waiting for a file system
    that ticks coarsely (back in time: a time to come would be a file still being written)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def _row(i: int, text: str | None = None) -> str:
    return json.dumps({"id": f"r{i}", "text": text or article(i), "published": "2021-03-02"}) + "\n"


def test_a_folders_rewritten_files_are_read_again_and_only_what_changed_is_coded(
        db_url: str, tmp_path: Path, pipeline, caplog) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    # an analyst's corrected article saved under its name, and rows a scraper appended to its export, never
    # reached the store: the folder's file names had been seen
    caplog.set_level(logging.INFO, logger="dateline.watch")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(article(1), encoding="utf-8")
    (inbox / "b.jsonl").write_text(_row(2) + _row(3) + _row(4), encoding="utf-8")
    (inbox / "c.txt").write_text(article(5), encoding="utf-8")
    (inbox / "d.txt").write_text(article(6), encoding="utf-8")
    corrected = article(1).replace("about 21 demonstrators", "about 210 demonstrators")
    with Store(db_url) as store:
        first = _pass(store, [str(inbox)], pipeline)
        (inbox / "a.txt").write_text(corrected, encoding="utf-8")
        _retimed(inbox / "a.txt")
        with (inbox / "b.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(_row(7))
        _retimed(inbox / "b.jsonl")
        _retimed(inbox / "c.txt")  # touched: a new time, the same bytes
        (inbox / "d.txt").unlink()  # removed and put back unchanged
        (inbox / "d.txt").write_text(article(6), encoding="utf-8")
        _retimed(inbox / "d.txt")
        second = _pass(store, [str(inbox)], pipeline)
        third = _pass(store, [str(inbox)], pipeline)
        (inbox / "b.jsonl").write_text(_row(2) + _row(3, article(30)) + _row(4) + _row(7), encoding="utf-8")
        _retimed(inbox / "b.jsonl", 20)
        regenerated = _pass(store, [str(inbox)], pipeline)
        texts = {a["id"]: store.get_article(a["id"])["text"] for a in store.list_articles()}  # type: ignore[index]
    assert first.stored == 6
    assert (second.stored, second.skipped) == (2, 3)  # the corrected article and the new row; old rows skipped
    assert second.updated == 5  # a.txt and the four rows of b.jsonl
    assert corrected.strip() in [t.strip() for t in texts.values()]  # the correction is in the store…
    assert article(1).strip() in [t.strip() for t in texts.values()]  # …beside the version coded before
    assert (third.new_items, third.stored) == (0, 0)
    assert (regenerated.stored, regenerated.skipped) == (1, 3)  # the one changed row
    assert len(texts) == 9
    updates = [r.getMessage() for r in caplog.records if ": updated: " in r.getMessage()]
    assert updates == [f"{inbox}: updated: a.txt", f"{inbox}: updated: b.jsonl", f"{inbox}: updated: b.jsonl"]


def test_files_seen_before_their_versions_were_kept_are_read_again_only_once_rewritten(
        db_url: str, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    # a watch of an earlier release knows its folder's files by name only: an upgrade must not code them all again
    from sqlalchemy import update

    from dateline.store.tables import WatchItemRow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(3):
        (inbox / f"a{i}.txt").write_text(article(i), encoding="utf-8")
    with Store(db_url) as store:
        first = _pass(store, [str(inbox)], pipeline)
        (inbox / "a2.txt").write_text(article(12), encoding="utf-8")  # edited while the old release watched
        with store.session() as s:
            s.execute(update(WatchItemRow).values(updated=None, content_hash=None))
        upgraded = _pass(store, [str(inbox)], pipeline)
        (inbox / "a1.txt").write_text(article(11), encoding="utf-8")  # written after it was read
        changed = _pass(store, [str(inbox)], pipeline)
        again = _pass(store, [str(inbox)], pipeline)
    assert first.stored == 3
    assert (upgraded.new_items, upgraded.stored) == (1, 1)  # a2 written after it was read; a0 and a1 only recorded
    assert (changed.new_items, changed.updated, changed.stored) == (1, 1, 1)
    assert (again.new_items, again.stored) == (0, 0)


def test_a_watched_jsonl_file_regenerated_with_a_changed_row_is_read_again(
        db_url: str, tmp_path: Path, pipeline, caplog) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    # a scraper that regenerates its export with one row corrected: the watch read only past its byte offset,
    # so a file of the same size gave nothing, and a longer one a cut line taken for invalid JSON
    caplog.set_level(logging.INFO, logger="dateline.watch")
    corpus = tmp_path / "wire.jsonl"
    rows = [_row(i) for i in range(4)]
    corpus.write_text("".join(rows[:3]), encoding="utf-8")
    same_size = article(1).replace("jobs", "pays")
    longer = article(1).replace("jobs", "their pay")
    with Store(db_url) as store:
        first = _pass(store, [str(corpus)], pipeline)
        corpus.write_text(rows[0] + _row(1, same_size) + rows[2], encoding="utf-8")
        _retimed(corpus)
        regenerated = _pass(store, [str(corpus)], pipeline)
        _retimed(corpus, 20)  # touched
        touched = _pass(store, [str(corpus)], pipeline)
        corpus.write_text(rows[0] + _row(1, longer) + rows[2] + rows[3], encoding="utf-8")
        longer_pass = _pass(store, [str(corpus)], pipeline)
        with corpus.open("a", encoding="utf-8") as fh:
            fh.write(_row(4))
        appended = _pass(store, [str(corpus)], pipeline)
        failures = store.failures()
        texts = [store.get_article(a["id"])["text"].strip() for a in store.list_articles()]  # type: ignore[index]
    assert first.stored == 3
    assert (regenerated.stored, regenerated.skipped, regenerated.updated) == (1, 2, 3)
    assert (touched.new_items, touched.stored) == (0, 0)
    assert (longer_pass.stored, longer_pass.skipped, longer_pass.updated) == (2, 2, 3)  # the changed row, the new
    assert (appended.new_items, appended.stored, appended.skipped, appended.updated) == (1, 1, 0, 0)
    assert failures == []
    assert same_size.strip() in texts and longer.strip() in texts and len(texts) == 7
    updates = [r.getMessage() for r in caplog.records if ": updated: " in r.getMessage()]
    assert len(updates) == 2 and all(u.startswith(f"{corpus}: updated: ") for u in updates)


def test_a_long_jsonl_file_read_in_chunks_then_appended_to_is_not_read_again(
        db_url: str, tmp_path: Path, pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    # what was read is known by its hash, carried from chunk to chunk (an overlong line included) and pass to
    # pass: an append must not look like a rewrite (every row read again), nor must a source a watch of an
    # earlier release read
    from sqlalchemy import update

    from dateline import watch
    from dateline.settings import Settings
    from dateline.store.tables import WatchSourceRow

    monkeypatch.setattr(watch, "READ_CHUNK", 1)
    settings = Settings(max_input_bytes=len(_row(0)) + 40)  # a chunk is then about two rows
    corpus = tmp_path / "wire.jsonl"
    huge = json.dumps({"id": "huge", "text": "word " * 3000}) + "\n"  # over the size limit: skipped as it is read
    corpus.write_text(_row(0) + _row(1) + huge + _row(2) + _row(3) + _row(4), encoding="utf-8")
    options = WatchOptions(interval=10, settle=0.0, merge=False)
    with Store(db_url) as store:
        first = next(Watcher([str(corpus)], store, settings, options=options, pipeline=pipeline).run(once=True))
        with corpus.open("a", encoding="utf-8") as fh:
            fh.write(_row(5))
        appended = next(Watcher([str(corpus)], store, settings, options=options, pipeline=pipeline).run(once=True))
        with store.session() as s:  # as a database of an earlier release left it
            s.execute(update(WatchSourceRow).values(etag=None, last_modified=None))
        with corpus.open("a", encoding="utf-8") as fh:
            fh.write(_row(6))
        upgraded = next(Watcher([str(corpus)], store, settings, options=options, pipeline=pipeline).run(once=True))
    assert (first.stored, first.failures) == (5, 1)
    assert (appended.new_items, appended.stored, appended.skipped) == (1, 1, 0)
    assert (upgraded.new_items, upgraded.stored, upgraded.skipped) == (1, 1, 0)


def test_a_watched_file_is_read_again_when_its_bytes_change_not_when_it_is_touched(
        tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    # touching a watched file read it again, and the pass reported a new item, found already stored
    report = tmp_path / "report.txt"
    report.write_text(article(1), encoding="utf-8")
    corrected = article(1).replace("about 21 demonstrators", "about 210 demonstrators")
    with Store(f"sqlite:///{tmp_path / 'f.sqlite'}") as store:
        first = _pass(store, [str(report)], pipeline)
        _retimed(report)
        touched = _pass(store, [str(report)], pipeline)
        report.write_text(corrected, encoding="utf-8")
        rewritten = _pass(store, [str(report)], pipeline)
        texts = [store.get_article(a["id"])["text"].strip() for a in store.list_articles()]  # type: ignore[index]
    assert first.stored == 1
    assert (touched.new_items, touched.skipped) == (0, 0)
    assert (rewritten.new_items, rewritten.updated, rewritten.stored) == (1, 1, 1)
    assert corrected.strip() in texts and len(texts) == 2
