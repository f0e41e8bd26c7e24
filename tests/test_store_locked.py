"""A write transaction SQLite turns down as locked is run again, not lost (store/repository.py,
`retried_when_locked`): in WAL mode SQLite answers "database is locked" at once, without busy_timeout, when a
transaction cannot get the write lock it needs while another run commits."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from test_store_fixtures import make_article, make_event, make_report

from dateline.store import Store
from dateline.store.db import StoreError

TEXT = "Protesters marched to the ministry in Basra on Sunday, organisers said."


def _refuse_article_inserts(store: Store, times: int) -> list[str]:
    """Make the next `times` INSERTs into articles fail as SQLite does when another writer holds the lock."""
    refused: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO ARTICLES") and len(refused) < times:
            refused.append(statement)
            raise sqlite3.OperationalError("database is locked")

    event.listen(store.engine, "before_cursor_execute", before)
    return refused


def test_a_batch_refused_as_locked_is_stored_once_on_the_next_attempt(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'd.sqlite'}") as store:
        refused = _refuse_article_inserts(store, times=2)
        result = store.add_reports([make_report(make_article(TEXT), [make_event(TEXT, "marched")])])
        counts = store.counts()
    assert len(refused) == 2
    assert len(result.article_ids) == 1
    assert (counts["articles"], counts["reports"], counts["events"]) == (1, 1, 1)


def test_a_database_that_stays_locked_is_still_a_one_line_error(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'd.sqlite'}") as store:
        _refuse_article_inserts(store, times=100)
        with pytest.raises(StoreError, match="database is locked"):
            store.add_reports([make_report(make_article(TEXT), [make_event(TEXT, "marched")])])
        assert store.counts()["articles"] == 0
