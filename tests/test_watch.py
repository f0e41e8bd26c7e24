"""`dateline watch`: only what is new is coded, exactly once, across restarts, kill -9 and source errors."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import test_store_fixtures
from sqlalchemy.engine import make_url
from test_store_fixtures import PG_URL, pg_database

from dateline.store import Store
from dateline.watch import Watcher, WatchOptions

db_url = test_store_fixtures.db_url
REPO = Path(__file__).resolve().parents[1]
TOWNS = ["Basra", "Mosul", "Kirkuk", "Najaf", "Karbala", "Hilla", "Ramadi", "Samarra", "Tikrit", "Erbil"]


def article(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (f"{town.upper()}, Iraq, March {1 + i % 28}, 2021 — Item {i}: about {20 + i} demonstrators gathered "
            f"outside the governor's office in {town} on Monday to demand jobs, local officials said.\n\n"
            f"The crowd dispersed peacefully in the evening, according to witness number {i}.\n")


def write_atomically(folder: Path, name: str, text: str) -> None:
    tmp = folder / f".{name}.part"  # hidden while being written: the watch skips it
    tmp.write_text(text, encoding="utf-8")
    tmp.rename(folder / name)


def counts(db: Path) -> dict[str, int]:
    if not db.exists():  # connecting would create an empty file, which dateline refuses as no database
        return {"articles": 0, "reports": 0, "watch_items": 0}
    con = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=30)
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "reports", "watch_items")}
    except sqlite3.OperationalError:
        return {"articles": 0, "reports": 0, "watch_items": 0}
    finally:
        con.close()


def test_watch_codes_each_file_once_while_the_folder_fills(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    total = 12
    done = threading.Event()

    def fill() -> None:
        for i in range(total):
            write_atomically(inbox, f"a{i:02d}.txt", article(i))
            time.sleep(0.05)
        done.set()

    stop = threading.Event()
    passes = []
    with Store(f"sqlite:///{tmp_path / 'w.sqlite'}") as store:
        watcher = Watcher([str(inbox)], store, options=WatchOptions(interval=0.05, settle=0.0, merge=True),
                          pipeline=pipeline)
        writer = threading.Thread(target=fill)
        writer.start()
        deadline = time.monotonic() + 120
        for stats in watcher.run(stop=stop):
            passes.append(stats)
            if done.is_set() and stats.new_items == 0 and sum(p.stored for p in passes) >= total:
                stop.set()
            assert time.monotonic() < deadline, "watch did not take every file in time"
        writer.join()
        again = next(Watcher([str(inbox)], store, pipeline=pipeline).run(once=True))
        stored = store.counts()
    assert sum(p.stored for p in passes) == total  # every file extracted once…
    assert sum(p.skipped for p in passes) == 0  # …and never a second time
    assert sum(p.new_items for p in passes) == total
    assert len([p for p in passes if p.new_items]) > 1  # the folder filled while the watch ran
    assert again.new_items == 0 and again.stored == 0  # a new watcher (a restart) finds nothing new
    assert stored["articles"] == stored["reports"] == total


def test_watch_resumes_after_sigkill_without_duplicates_or_misses(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.sqlite"
    inbox.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "dateline", "watch", str(inbox), "--db", str(db), "--interval", "0.2",
           "--settle", "0", "--no-merge", "--quiet"]
    for i in range(8):
        write_atomically(inbox, f"a{i:02d}.txt", article(i))
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while counts(db)["articles"] < 1:  # killed in the middle of its work
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "watch stored nothing"
            time.sleep(0.05)
        for i in range(8, 12):
            write_atomically(inbox, f"a{i:02d}.txt", article(i))
        time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    after_kill = counts(db)
    for i in range(12, 16):
        write_atomically(inbox, f"a{i:02d}.txt", article(i))
    done = subprocess.run([*cmd, "--once"], env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    final = counts(db)
    assert after_kill["articles"] < 16
    assert final == {"articles": 16, "reports": 16, "watch_items": 16}
    con = sqlite3.connect(db)
    paths = [p for (p,) in con.execute("SELECT path FROM articles")]
    con.close()
    assert sorted(Path(p).name for p in paths) == [f"a{i:02d}.txt" for i in range(16)]


def test_ctrl_c_stops_a_watch_in_the_middle_of_a_long_pass(tmp_path: Path) -> None:
    # Ctrl-C only asked the watch to stop after its pass: over a long JSONL file that was every line of it
    # (minutes), and a second Ctrl-C did nothing more
    import json

    corpus, db, total = tmp_path / "wire.jsonl", tmp_path / "w.sqlite", 200
    corpus.write_text("".join(json.dumps({"id": f"r{i}", "text": article(i)}) + "\n" for i in range(total)),
                      encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "dateline", "watch", str(corpus), "--db", str(db), "--interval", "0.2",
           "--no-merge", "--quiet"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while counts(db)["articles"] < 1:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "watch stored nothing"
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=20)  # at once, not after the pass; a busy machine is slow
    finally:
        proc.kill()
        proc.wait()
    assert counts(db)["articles"] < total  # stopped mid-pass, not after it
    assert proc.returncode == 0
    assert stderr.strip() == "stopped: what was stored is kept; the next start goes on from there"
    done = subprocess.run([*cmd, "--once"], env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert counts(db)["articles"] == counts(db)["reports"] == total  # each line stored once, none missed


def _feed(items: list[int]) -> bytes:
    entries = "".join(
        f"<item><title>Item {i}</title><link>https://news.example/{i}</link><guid>news-{i}</guid>"
        f"<pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate><description>{article(i)}</description></item>"
        for i in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>{entries}'
            "</channel></rss>").encode()


@contextmanager
def feed_server(state: dict[str, object]) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state["requests"].append(self.headers.get("If-None-Match"))  # type: ignore[attr-defined]
            if state.get("fail"):
                self.send_response(503)
                self.end_headers()
                return
            etag = f'"v{state["version"]}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            body = state["body"] if "body" in state else _feed(state["items"])  # type: ignore[arg-type]
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
    finally:
        server.shutdown()
        server.server_close()


def test_feed_url_uses_conditional_requests_and_backs_off_on_errors(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    state: dict[str, object] = {"version": 1, "items": [1, 2], "requests": []}
    with feed_server(state) as url, Store(f"sqlite:///{tmp_path / 'f.sqlite'}") as store:
        options = WatchOptions(interval=10, merge=False)
        first = next(Watcher([url], store, options=options, pipeline=pipeline).run(once=True))
        unchanged = next(Watcher([url], store, options=options, pipeline=pipeline).run(once=True))
        state.update(version=2, items=[1, 2, 3])
        changed = next(Watcher([url], store, options=options, pipeline=pipeline).run(once=True))
        state["fail"] = True
        failed = next(Watcher([url], store, options=options, pipeline=pipeline).run(once=True))
        with store.session() as s:
            from dateline.store.tables import WatchSourceRow

            row = s.query(WatchSourceRow).one()
            failures, error, due = row.failures, row.last_error, row.next_poll_at - row.last_polled_at
    assert first.stored == 2
    assert unchanged.new_items == 0 and state["requests"][1] == '"v1"'  # type: ignore[index]
    assert changed.new_items == 1 and changed.stored == 1  # only the new entry
    assert failed.errors == 1 and failures == 1 and "503" in (error or "")
    assert due.total_seconds() >= 20  # back-off: interval × 2


ATTACK = ("MOSUL, Iraq — Gunmen attacked a police checkpoint on the road to Mosul airport on Monday, killing five "
          "policemen, a security official said.\n\nThe attackers fled in two cars, the official said.\n")
TOLL_RAISED = ("MOSUL, Iraq — Gunmen attacked a police checkpoint on the road to Mosul airport on Monday. The death "
               "toll rose to 12, a security official said.\n\nThe attackers fled in two cars, the official said.\n")


def _versioned_feed(entries: list[tuple[str, str, str, str | None]]) -> bytes:
    """An RSS feed of (guid, title, text, atom:updated or None) entries, all first published on Monday."""
    items = "".join(
        f"<item><title>{title}</title><link>https://news.example/{guid}</link><guid>{guid}</guid>"
        f"<pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate>"
        + (f"<atom:updated>{updated}</atom:updated>" if updated else "")
        + f"<description>{text}</description></item>"
        for guid, title, text, updated in entries)
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            f"<title>Example Wire</title>{items}</channel></rss>").encode()


def test_an_entry_updated_in_place_is_coded_again_and_merge_takes_its_revised_toll(
        tmp_path: Path, pipeline, caplog) -> None:  # type: ignore[no-untyped-def]
    # a site raised a toll from 5 to 12 under the same guid: the watch had seen the guid and never read it again
    import logging

    from dateline.extraction.decide import review_threshold
    from dateline.merge import merge_events

    caplog.set_level(logging.INFO, logger="dateline.watch")
    calm = ("calm-1", "Jobs protest in Basra", article(1), "2021-03-01T09:00:00Z")
    state: dict[str, object] = {"version": 1, "requests": [], "body": _versioned_feed(
        [("attack-7", "Checkpoint attack near Mosul", ATTACK, "2021-03-01T10:00:00Z"), calm])}
    with feed_server(state) as url, Store(f"sqlite:///{tmp_path / 'u.sqlite'}") as store:
        options = WatchOptions(interval=10, merge=False)
        first = next(Watcher([url], store, options=options, pipeline=pipeline).run(once=True))
        state.update(version=2, body=_versioned_feed(
            [("attack-7", "Checkpoint attack near Mosul: toll rises", TOLL_RAISED, "2021-03-02T08:00:00Z"), calm]))
        second = next(Watcher([url], store, options=options, pipeline=pipeline).run(once=True))
        state.update(version=3, body=_versioned_feed(  # nothing to code: text that varies under the same update
            [("attack-7", "Checkpoint attack near Mosul: toll rises", f"{TOLL_RAISED}Updated 5 minutes ago.",
              "2021-03-02T08:00:00Z"),
             (*calm[:3], "2021-03-02T09:00:00Z")]))  # and a later update date over the same text
        third = next(Watcher([url], store, options=options, pipeline=pipeline).run(once=True))
        merge_events(store, review_threshold())
        tellings = [a for a in store.list_articles() if a["url"] == "https://news.example/attack-7"]
        merged = [m for m in store.query_merged() if m["event_type"] == "Battles"]
    assert first.stored == 2
    assert (second.new_items, second.stored) == (1, 1)  # the updated entry, not the calm one
    assert second.updated == 1 and "(1 updated)" in second.summary()
    assert (third.new_items, third.stored) == (0, 0)
    updates = [r.getMessage() for r in caplog.records if ": updated: " in r.getMessage()]
    assert updates == [f"{url}: updated: Checkpoint attack near Mosul: toll rises"]
    assert [a["published"] for a in tellings] == ["2021-03-01", "2021-03-02"]  # the update told on its day
    # the update supersedes its earlier telling (same link): one source, the revised toll
    assert len(merged) == 1 and merged[0]["source_count"] == 1
    assert merged[0]["fatalities"] == 12


def test_an_entry_without_update_dates_is_coded_again_when_its_text_changes(
        tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    # an RSS feed with only pubDate: feedparser reports the pubDate as "updated", which never moves
    feed = tmp_path / "wire.rss"
    calm = ("calm-1", "Jobs protest in Basra", article(1), None)
    feed.write_bytes(_versioned_feed([("attack-7", "Checkpoint attack", ATTACK, None), calm]))
    with Store(f"sqlite:///{tmp_path / 'h.sqlite'}") as store:
        options = WatchOptions(interval=10, merge=False)
        first = next(Watcher([str(feed)], store, options=options, pipeline=pipeline).run(once=True))
        feed.write_bytes(_versioned_feed([("attack-7", "Checkpoint attack", TOLL_RAISED, None), calm]))
        second = next(Watcher([str(feed)], store, options=options, pipeline=pipeline).run(once=True))
        feed.write_bytes(_versioned_feed([("attack-7", "Checkpoint attack", TOLL_RAISED, None), calm]) + b"\n")
        third = next(Watcher([str(feed)], store, options=options, pipeline=pipeline).run(once=True))
        urls = [a["url"] for a in store.list_articles()]
    assert first.stored == 2
    assert (second.new_items, second.stored) == (1, 1)
    assert second.updated == 1
    assert (third.new_items, third.stored) == (0, 0)  # the feed file changed, its entries did not
    assert urls.count("https://news.example/attack-7") == 2


def test_entries_seen_before_the_upgrade_are_not_coded_again_but_their_later_changes_are(
        db_url: str, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    # a database of the previous schema knows its seen entries by guid only: upgrading must not re-code them all
    from alembic import command

    from dateline.store import db

    feed = tmp_path / "wire.rss"
    calm = ("calm-1", "Jobs protest in Basra", article(1), None)
    feed.write_bytes(_versioned_feed([("attack-7", "Checkpoint attack", ATTACK, None), calm]))
    options = WatchOptions(interval=10, merge=False)
    with Store(db_url) as store:
        first = next(Watcher([str(feed)], store, options=options, pipeline=pipeline).run(once=True))
        cfg = db.alembic_config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")
        before, after = db.upgrade(store.engine)
        feed.write_bytes(_versioned_feed([("attack-7", "Checkpoint attack", ATTACK, None), calm]) + b"\n")
        kept = next(Watcher([str(feed)], store, options=options, pipeline=pipeline).run(once=True))
        feed.write_bytes(_versioned_feed([("attack-7", "Checkpoint attack", TOLL_RAISED, None), calm]))
        changed = next(Watcher([str(feed)], store, options=options, pipeline=pipeline).run(once=True))
    assert first.stored == 2 and (before, after) == ("0004", db.head_revision())
    assert (kept.new_items, kept.stored) == (0, 0)  # versions recorded, nothing coded again
    assert (changed.new_items, changed.updated, changed.stored) == (1, 1, 1)


def test_a_failing_source_is_named_once_in_the_warning(tmp_path: Path, pipeline, caplog) -> None:  # type: ignore[no-untyped-def]
    # the warning read "http://…/feed.rss: http://…/feed.rss: HTTP 500; next try in 2 s"
    import logging

    state: dict[str, object] = {"version": 1, "items": [1], "requests": [], "fail": True}
    caplog.set_level(logging.WARNING, logger="dateline.watch")
    with feed_server(state) as url, Store(f"sqlite:///{tmp_path / 'f.sqlite'}") as store:
        next(Watcher([url], store, options=WatchOptions(interval=10, merge=False), pipeline=pipeline).run(once=True))
    assert [r.getMessage() for r in caplog.records] == [f"{url}: HTTP 503; next try in 20 s"]


def test_items_that_failed_are_logged_as_a_problem_quiet_shows(tmp_path: Path, pipeline, caplog) -> None:  # type: ignore[no-untyped-def]
    # with --quiet, `watch --once` ended "1 item(s) failed (see the log above …)" over an empty log
    import logging

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    caplog.set_level(logging.WARNING, logger="dateline.watch")
    with Store(f"sqlite:///{tmp_path / 'w.sqlite'}") as store:
        options = WatchOptions(interval=10, settle=0, merge=False)
        next(Watcher([str(inbox)], store, options=options, pipeline=pipeline).run(once=True))
    assert [r.getMessage() for r in caplog.records] == [
        f"{inbox}: 1 new items: 0 articles stored, 0 already stored, 1 failures (run 1)"]


def test_growing_jsonl_is_read_from_where_it_stopped(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    import json

    corpus = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": article(i), "published": "2021-03-02"}) + "\n" for i in range(5)]
    corpus.write_text("".join(lines[:3]) + lines[3][:20], encoding="utf-8")  # the 4th line half written
    with Store(f"sqlite:///{tmp_path / 'j.sqlite'}") as store:
        first = next(Watcher([str(corpus)], store, pipeline=pipeline, options=WatchOptions(merge=False)).run(once=True))
        corpus.write_text("".join(lines), encoding="utf-8")
        second = next(Watcher([str(corpus)], store, pipeline=pipeline,
                              options=WatchOptions(merge=False)).run(once=True))
        paths = sorted(a["path"] for a in store.list_articles())
    assert first.stored == 3 and second.stored == 2 and second.skipped == 0
    assert paths == [f"{corpus}:{i}" for i in range(1, 6)]


def test_overlong_jsonl_line_is_recorded_and_skipped(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    import json

    from dateline.settings import Settings

    corpus = tmp_path / "wire.jsonl"
    huge = json.dumps({"id": "huge", "text": "word " * 3000}) + "\n"
    corpus.write_text(huge + json.dumps({"id": "ok", "text": article(1)}) + "\n", encoding="utf-8")
    settings = Settings(max_input_bytes=2000)
    with Store(f"sqlite:///{tmp_path / 'l.sqlite'}") as store:
        stats = next(Watcher([str(corpus)], store, settings, pipeline=pipeline,
                             options=WatchOptions(merge=False)).run(once=True))
        failures = store.failures()
        paths = [a["path"] for a in store.list_articles()]
    assert stats.stored == 1 and stats.failures == 1
    assert failures[0]["item"] == f"{corpus}:1" and "size limit" in failures[0]["reason"]
    assert paths == [f"{corpus}:2"]


def test_a_bad_jsonl_line_fails_with_the_reason_a_run_gives(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    # a watched JSONL line cut inside a string was recorded as "invalid JSON line (JSONDecodeError)", where
    # `dateline run` names what is wrong and where
    import json

    from dateline.runner import run_corpus
    from dateline.settings import Settings

    corpus = tmp_path / "wire.jsonl"
    corpus.write_bytes(b'{"id": "cut", "text": "Protesters marched\n' + b'{"text": "\xff\xfe"}\n'
                       + json.dumps({"id": "ok", "text": article(1)}).encode() + b"\n")
    reasons = []
    for name in ("watch", "run"):
        with Store(f"sqlite:///{tmp_path / name}.sqlite") as store:
            if name == "watch":
                next(Watcher([str(corpus)], store, Settings(), pipeline=pipeline,
                             options=WatchOptions(merge=False)).run(once=True))
            else:
                run_corpus([str(corpus)], store, Settings())
            reasons.append([(f["item"], f["reason"]) for f in store.failures()])
    assert reasons[0] == reasons[1] == [
        (f"{corpus}:1", "invalid JSON (Unterminated string starting at column 23)"),
        (f"{corpus}:2", "line is not UTF-8 encoded JSON")]


def test_watch_once_exits_3_when_a_source_cannot_be_read(tmp_path: Path) -> None:
    # a cron job running `dateline watch … --once` on a folder that is gone used to see exit 0
    from typer.testing import CliRunner

    from dateline.cli import app

    db = str(tmp_path / "w.sqlite")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    ok = CliRunner().invoke(app, ["watch", str(inbox), "--once", "--db", db, "--quiet"])
    assert ok.exit_code == 0, ok.output
    gone = CliRunner().invoke(app, ["watch", str(inbox), str(tmp_path / "gone"), "--once", "--db", db, "--quiet"])
    assert gone.exit_code == 3
    assert "warning: 1 source(s) could not be read, 0 item(s) failed" in gone.stderr


def test_idle_passes_stay_out_of_the_log_and_an_interval_of_zero_is_refused(
        tmp_path: Path, pipeline, caplog) -> None:  # type: ignore[no-untyped-def]
    # with --interval 2 every idle source wrote "0 new items" to the log every 2 s; --interval 0 polled
    # (and logged) twenty times a second
    import logging

    from typer.testing import CliRunner

    from dateline.cli import app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_atomically(inbox, "a00.txt", article(0))
    caplog.set_level(logging.INFO, logger="dateline.watch")
    with Store(f"sqlite:///{tmp_path / 'w.sqlite'}") as store:
        watcher = Watcher([str(inbox)], store, options=WatchOptions(interval=0.05, settle=0.0, merge=False),
                          pipeline=pipeline)
        runs = watcher.run()
        first, second, third = next(runs), next(runs), next(runs)
    assert (first.new_items, second.new_items, third.new_items) == (1, 0, 0)
    passes = [r.getMessage() for r in caplog.records if r.getMessage().startswith("pass:")]
    assert passes == [first.summary()]  # the pass that stored the file, and no idle one
    result = CliRunner().invoke(app, ["watch", str(inbox), "--db", str(tmp_path / "w.sqlite"), "--interval", "0"])
    assert result.exit_code == 2 and "--interval" in result.output


@pytest.mark.postgres
def test_watch_waits_out_a_database_server_that_stops_taking_connections(tmp_path: Path) -> None:
    if not PG_URL:
        pytest.skip("DATELINE_TEST_PG_URL not set: no PostgreSQL server for this test")
    from sqlalchemy import create_engine, text

    admin = create_engine(make_url(PG_URL), isolation_level="AUTOCOMMIT")

    def allow(name: str, yes: bool) -> None:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(yes).lower()}'))
            if not yes:  # as a restart does: every open connection goes
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                             {"n": name})

    (tmp_path / "inbox").mkdir()
    stop = threading.Event()
    passes = 0
    with contextmanager(pg_database)("dateline_watch") as url:
        name = str(make_url(url).database)
        back = threading.Timer(1.5, allow, args=(name, True))
        try:
            with Store(url) as store:
                watcher = Watcher([str(tmp_path / "inbox")], store, options=WatchOptions(interval=0.1, settle=0.0))
                for _ in watcher.run(stop=stop):
                    passes += 1
                    if passes == 1:
                        allow(name, False)
                        back.start()
                    else:
                        stop.set()
        finally:
            back.cancel()
            allow(name, True)
    admin.dispose()
    assert passes == 2  # the pass after the outage ran: the watch did not stop


def test_a_handled_ctrl_c_that_landed_in_exec_code_exits_by_status_not_by_sigint() -> None:
    # Ctrl-C that lands in code exec() runs (a dataclass built during a lazy import) makes CPython kill the process
    # with SIGINT at exit, though dateline caught it: `watch` then "crashed" at random instead of exiting 0
    script = ("from dateline.cli import _interrupt_handled\n"
              "try:\n"
              "    exec('raise KeyboardInterrupt')\n"
              "except KeyboardInterrupt:\n"
              "    _interrupt_handled()\n")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
