"""A damaged, truncated, empty or foreign database file: every command says so in one line and exits
non-zero, the server answers 503 (JSON for the API, a page for the dashboard), and nothing is silently created in its place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from test_store_fixtures import protest_report
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import SchemaOutdatedError, Store, StoreError
from dateline.store import db as store_db

TEXT = "BAGHDAD (Nov 2) - Protesters stormed the provincial building in Baghdad on Wednesday, police said."


def _filled(path: Path) -> Path:
    with Store(f"sqlite:///{path}") as store:
        for i in range(40):
            store.add_reports([protest_report(f"{TEXT} Report {i}. " + "Filler sentence. " * 200, "stormed")])
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _garbage(path: Path) -> Path:
    path.write_bytes(os.urandom(64 * 1024))
    return path


def _truncated(path: Path) -> Path:
    _filled(path)
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size // 3)
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


DAMAGES = {"garbage": _garbage, "truncated": _truncated, "empty": _empty}
COMMANDS = [["db", "info"], ["failures"], ["export", "-f", "acled"], ["run", "nothing.txt", "--no-progress"],
            ["serve"], ["merge"], ["token", "list"]]


@pytest.mark.parametrize("damage", sorted(DAMAGES))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] if c[0] != "db" else "db-info")
def test_every_command_on_a_damaged_database_prints_one_line_and_exits_nonzero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str, command: list[str]
) -> None:
    monkeypatch.setattr(store_db, "ZERO_BYTE_WAIT", 0.1)
    path = DAMAGES[damage](tmp_path / "corpus.sqlite")
    size = path.stat().st_size
    result = CliRunner().invoke(app, [*command, "--db", str(path)])
    assert result.exit_code not in (0, None), result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("error: "), result.output
    assert "Traceback" not in result.output
    assert any(word in lines[-1] for word in ("damaged", "empty", "not a database")), lines[-1]
    assert path.stat().st_size == size  # nothing written into it


def test_an_empty_file_is_not_taken_as_a_new_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_db, "ZERO_BYTE_WAIT", 0.1)
    path = _empty(tmp_path / "x.sqlite")
    with pytest.raises(StoreError, match=r"empty \(0 bytes\).*delete it"):
        Store(f"sqlite:///{path}")
    assert path.stat().st_size == 0


def test_a_missing_file_is_still_a_new_database(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'new.sqlite'}") as store:
        assert store.counts()["articles"] == 0


def test_db_upgrade_without_a_version_table_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    with Store(url) as store, store.engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    with pytest.raises(SchemaOutdatedError, match="no schema revision"):
        Store(url, check=False).upgrade()
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", url])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].startswith("error: ")


def test_a_dashboard_page_on_a_damaged_file_is_a_page_saying_so_and_the_json_feeds_stay_json(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    path = _filled(tmp_path / "live.sqlite")
    store = Store(f"sqlite:///{path}")
    client = TestClient(create_app(store), raise_server_exceptions=False)
    assert client.get("/ui/events").status_code == 200
    store.engine.dispose()
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 3)
    page = client.get("/ui/events")
    assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
    assert "The database cannot be read" in page.text and "damaged" in page.text
    feed = client.get("/ui/points.json")
    assert feed.status_code == 503 and "damaged" in feed.json()["detail"]


def test_the_server_answers_503_json_when_the_file_is_damaged_after_start(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    path = _filled(tmp_path / "live.sqlite")
    store = Store(f"sqlite:///{path}")
    client = TestClient(create_app(store), raise_server_exceptions=False)
    assert client.get("/events").status_code == 200
    store.engine.dispose()
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 3)
    resp = client.get("/events", params={"limit": 500})
    assert resp.status_code == 503
    assert "damaged" in resp.json()["detail"]


@pytest.mark.parametrize("command", [["export", "-f", "acled"], ["failures"], ["merge"], ["db", "info"], ["token", "list"],
                                     ["alert", "list"], ["alert", "check"], ["alert", "remove", "basra-riots"],
                                     ["token", "revoke", "--name", "alice"]])
def test_a_reading_command_on_a_misspelt_database_path_says_there_is_none(tmp_path: Path, command: list[str]) -> None:
    # `dateline export --db corpsu.sqlite` used to make an empty database there and export 0 events
    missing = tmp_path / "corpsu.sqlite"
    result = CliRunner().invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"error: {missing}: no such database; "
                                     f"`dateline run FILES --db {missing}` creates one")
    assert not missing.exists()
