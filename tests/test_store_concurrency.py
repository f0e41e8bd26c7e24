"""Several dateline processes on one database: a new database gets its schema once, two runs over the same
corpus both finish and store each article once, and runs whose process died are marked interrupted.

Runs on SQLite always and on PostgreSQL when DATELINE_TEST_PG_URL is set.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import test_store_fixtures
from test_run import STUB, _corpus, _expected_events
from test_store_fixtures import make_article, make_event, make_report
from typer.testing import CliRunner

from dateline.store import Store
from dateline.store.db import make_engine

db_url = test_store_fixtures.db_url

TEXT = "Protesters marched to the ministry in Basra on Sunday, organisers said."


def _open_and_store(url: str, barrier: multiprocessing.synchronize.Barrier, queue: multiprocessing.Queue) -> None:
    try:
        barrier.wait(timeout=30)
        with Store(url) as store:  # the schema is created here, by whichever process gets there first
            store.add_reports([make_report(make_article(TEXT), [make_event(TEXT, "marched")])])
        queue.put("ok")
    except Exception as err:  # noqa: BLE001 - report any failure to the test process
        queue.put(f"{type(err).__name__}: {err}")


def test_processes_opening_one_new_database_together_make_the_schema_once(db_url: str) -> None:
    ctx = multiprocessing.get_context("fork")
    n = 4
    barrier, queue = ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=_open_and_store, args=(db_url, barrier, queue)) for _ in range(n)]
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    assert results == ["ok"] * n
    with Store(db_url) as store:
        counts = store.counts()
    assert (counts["articles"], counts["reports"], counts["events"]) == (1, 1, 1)


def _connect(url: str, barrier: multiprocessing.synchronize.Barrier, queue: multiprocessing.Queue) -> None:
    try:
        barrier.wait(timeout=30)
        engine = make_engine(url)  # its first connection switches the new file to WAL
        with engine.connect():
            pass
        engine.dispose()
        queue.put("ok")
    except Exception as err:  # noqa: BLE001 - report any failure to the test process
        queue.put(f"{type(err).__name__}: {err}")


def test_processes_connecting_to_one_new_file_together_all_get_wal_mode(tmp_path: Path) -> None:
    # SQLite's switch to WAL takes an exclusive lock without waiting; the race shows in a few rounds of ten.
    ctx = multiprocessing.get_context("fork")
    n, rounds = 8, 60
    for round_ in range(rounds):
        path = tmp_path / f"new{round_}.sqlite"
        barrier, queue = ctx.Barrier(n), ctx.Queue()
        procs = [ctx.Process(target=_connect, args=(f"sqlite:///{path}", barrier, queue)) for _ in range(n)]
        for proc in procs:
            proc.start()
        results = [queue.get(timeout=120) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
        assert results == ["ok"] * n, (round_, sorted(set(results)))
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _run_script(tmp_path: Path, url: str, corpus: Path, name: str, delay: float = 0.0, batch: int = 4) -> Path:
    script = tmp_path / f"{name}.py"
    script.write_text(STUB + textwrap.dedent(f"""
        from dateline.runner import run_corpus
        from dateline.store import Store
        with Store({url!r}) as store:
            run_corpus([{str(corpus)!r}], store, pipeline=StubPipeline(delay={delay}), batch_size={batch})
    """), encoding="utf-8")
    return script


def test_two_runs_of_one_corpus_into_one_new_database_both_finish_and_store_everything_once(
    db_url: str, tmp_path: Path
) -> None:
    n = 150
    corpus = _corpus(tmp_path / "c.jsonl", n)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    # batches of one article, at the same pace: the two runs keep trying to store the same article together
    scripts = [_run_script(tmp_path, db_url, corpus, f"run{i}", delay=0.005, batch=1) for i in range(2)]
    procs = [subprocess.Popen([sys.executable, str(s)], env=env, stderr=subprocess.PIPE, text=True)
             for s in scripts]
    errors = [proc.communicate(timeout=300)[1] for proc in procs]
    if [proc.returncode for proc in procs] != [0, 0]:
        pytest.fail("\n".join(errors), pytrace=False)  # the whole traceback: an assert message is cut
    with Store(db_url) as store:
        counts = store.counts()
        keys = sorted(a["article_key"] for a in store.list_articles(limit=1000))
        runs = store.runs()
    assert keys == sorted(f"a{i}" for i in range(n))
    assert (counts["articles"], counts["reports"], counts["events"]) == (n, n, _expected_events(n))
    assert [r["status"] for r in runs] == ["finished", "finished"]
    assert sum(r["articles"] for r in runs) == n  # each article counted by the run that stored it


def test_a_killed_run_is_marked_interrupted_by_the_next_run(db_url: str, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 200)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    script = _run_script(tmp_path, db_url, corpus, "slow", delay=0.2)
    with Store(db_url) as watcher:
        proc = subprocess.Popen([sys.executable, str(script)], env=env)
        deadline = time.monotonic() + 60
        while not watcher.runs() and time.monotonic() < deadline:
            time.sleep(0.05)
        running = watcher.runs()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert running[0]["status"] == "running"
        assert running[0]["pid"] == proc.pid and running[0]["host"] and running[0]["heartbeat_at"]
        assert watcher.runs()[0]["status"] == "running"  # nobody has looked yet
        watcher.start_run(["next"])
        runs = {r["id"]: r for r in watcher.runs()}
    assert runs[running[0]["id"]]["status"] == "interrupted"
    assert runs[running[0]["id"]]["finished_at"] is not None


def test_db_info_marks_runs_whose_process_is_gone(db_url: str) -> None:
    from dateline.cli import app
    from dateline.store.tables import RunRow

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with Store(db_url) as store:
        alive = store.start_run(["mine"])  # this process: alive
        dead = store.start_run(["theirs"])
        with store.session() as s:
            row = s.get(RunRow, dead)
            assert row is not None
            row.pid = gone.pid
    result = CliRunner().invoke(app, ["db", "info", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "interrupted" in result.output
    with Store(db_url) as store:
        status = {r["id"]: r["status"] for r in store.runs()}
    assert status == {alive: "running", dead: "interrupted"}


def test_a_schema_finished_by_another_process_between_two_reads_is_no_damage(tmp_path: Path,
                                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The race the test above can hit under load, made certain: this process reads "no revision yet", then
    another process commits the whole schema before this one looks again."""
    from sqlalchemy import create_engine

    from dateline.store import db

    url = f"sqlite:///{tmp_path / 'race.sqlite'}"
    with Store(url):  # "the other process": the whole schema, committed
        pass
    real = db.current_revision
    stale = [None]  # the first read, made before the other process committed

    def revision(engine):  # type: ignore[no-untyped-def]
        return stale.pop() if stale else real(engine)

    monkeypatch.setattr(db, "current_revision", revision)
    engine = create_engine(url)
    db.check_schema(engine)  # must not take a finished schema for a damaged one
    assert real(engine) == db.head_revision()
