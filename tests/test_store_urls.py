"""Database URLs a user gets wrong (a typo, a wrong password, a server that is down): every command says what is
wrong in one line, exits 1, and never prints the password. The PostgreSQL cases that need a running server
skip when DATELINE_TEST_PG_URL is not set."""

from __future__ import annotations

import contextlib
import importlib.util
import socket
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from test_store_fixtures import PG_URL
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import db as store_db

COMMANDS = [["db", "info"], ["db", "upgrade"], ["export", "-f", "acled"], ["merge"], ["failures"],
            ["run", "nothing.txt", "--no-progress"], ["token", "list"], ["alert", "list"], ["serve", "--port", "1"]]


def _one_line_error(command: list[str], url: str, code: int = 1) -> str:
    result = CliRunner().invoke(app, [*command, "--db", url])
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "s3cret" not in result.output
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_port_that_is_no_number_is_one_line_without_the_password(command: list[str]) -> None:
    line = _one_line_error(command, "postgresql+psycopg://ana:s3cret@db.example:54x2/team", 2)
    assert "not a database URL" in line and "ana:***@db.example:54x2/team" in line


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_at_sign_left_in_the_password_is_named_and_no_part_of_the_password_is_printed(command: list[str]) -> None:
    line = _one_line_error(command, "postgresql+psycopg://ana:s3cret@Home@127.0.0.1:1/team", 2)
    assert "%40" in line and "ana:***@127.0.0.1:1/team" in line
    assert "Home" not in line


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_server_that_is_not_running_is_one_line_saying_what_to_check(command: list[str]) -> None:
    pytest.importorskip("psycopg")
    line = _one_line_error(command, f"postgresql+psycopg://ana:s3cret@127.0.0.1:{_free_port()}/team")
    assert "cannot connect: Connection refused; check the host, port" in line, line


def _pg_url(**parts: str) -> str:
    if not PG_URL:
        pytest.skip("DATELINE_TEST_PG_URL not set: no PostgreSQL server for this test")
    return make_url(PG_URL).set(**parts).render_as_string(hide_password=False)  # type: ignore[arg-type]


@pytest.mark.postgres
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_wrong_password_is_one_line_naming_it_without_printing_it(command: list[str]) -> None:
    url = _pg_url(password="s3cret")
    engine = create_engine(url)
    with contextlib.suppress(Exception), engine.connect():
        pytest.skip("this PostgreSQL server accepts any password (trust authentication)")
    engine.dispose()
    line = _one_line_error(command, url)
    assert "cannot connect: password authentication failed for user" in line, line
    assert line.endswith("check the user name and password in --db or DATELINE_DB_URL")


@pytest.mark.postgres
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_missing_database_is_one_line_saying_to_create_it(command: list[str]) -> None:
    line = _one_line_error(command, _pg_url(database="dateline_no_such_db"))
    assert 'cannot connect: database "dateline_no_such_db" does not exist; create it on the server' in line, line


def test_a_server_that_takes_the_connection_and_never_answers_is_given_up_on(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    monkeypatch.setattr(store_db, "CONNECT_TIMEOUT", 2)
    outcome: dict[str, object] = {}

    def command(url: str) -> None:
        try:
            outcome["line"] = _one_line_error(["db", "info"], url)
        except BaseException as err:  # noqa: BLE001 - reported by the test below
            outcome["error"] = err

    with socket.socket() as server:  # the kernel completes the handshake; nothing ever replies
        server.bind(("127.0.0.1", 0))
        server.listen()
        worker = threading.Thread(target=command, args=(
            f"postgresql+psycopg://ana:s3cret@127.0.0.1:{server.getsockname()[1]}/team",), daemon=True)
        worker.start()
        worker.join(30)
        hung = worker.is_alive()
    worker.join(5)  # closing the socket ends a connection attempt still waiting
    assert not hung, "the command was still waiting for the server after 30 s"
    assert "error" not in outcome, outcome.get("error")
    assert "cannot connect: connection timeout expired; check the host, port" in str(outcome["line"])


@pytest.mark.parametrize("url", ["postgresql+psycopg:/ana:s3cret@db.example/team", "postgresql:ana:s3cret@db/team"])
def test_a_url_missing_a_slash_is_refused_not_made_a_sqlite_file_named_after_it(
        url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Protesters marched in Basra on Monday, police said.", encoding="utf-8")
    line = _one_line_error(["run", "a.txt", "--no-progress"], url, 2)  # the value is no URL: a usage mistake
    assert "not a database URL: a URL has '://' after its scheme" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no database was made in the folder


@pytest.mark.parametrize(("url", "module", "advice"), [
    ("postgresql+psycopg2://ana:s3cret@db/team", "psycopg2", "write the URL as postgresql+psycopg://"),
    ("mysql://ana:s3cret@db/team", "MySQLdb", "dateline stores in SQLite or PostgreSQL"),
])
def test_a_driver_that_is_not_installed_gets_advice_that_helps(url: str, module: str, advice: str) -> None:
    # `pip install 'dateline[postgres]'` brings psycopg 3: it installs neither psycopg2 nor a MySQL driver.
    if importlib.util.find_spec(module) is not None:
        pytest.skip(f"{module} is installed here")
    line = _one_line_error(["db", "info"], url)
    assert f"the database driver '{module}' is not installed; {advice}" in line, line


def test_a_unix_socket_that_is_not_there_is_named_in_the_error(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    line = _one_line_error(["db", "info"], f"postgresql+psycopg://ana:s3cret@/team?host={tmp_path}&port=5499")
    assert f'cannot connect: connection to server on socket "{tmp_path}/.s.PGSQL.5499" failed: No such file' in line
