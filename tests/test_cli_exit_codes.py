"""One rule for every command: an option's value dateline cannot take exits 2 with one line naming the option
(as Typer's own range checks do); an input, a file or the database that stops a command exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "iraq-2019-11-02-mek.txt"
GOLD = Path(__file__).resolve().parent / "data" / "gold_tiny.json"


@pytest.fixture
def db(tmp_path: Path) -> str:
    from dateline.store import Store

    url = f"sqlite:///{tmp_path / 'codes.sqlite'}"
    with Store(url):
        pass
    return url


@pytest.mark.parametrize(("args", "option"), [
    (["extract", str(EXAMPLE), "--format", "csv"], "--format 'csv'"),
    (["export", "--format", "csv"], "--format 'csv'"),
    (["export", "--where", "date>=last-week"], "--where 'date>=last-week'"),
    (["export", "--where", "when=today"], "--where 'when=today'"),
    (["export", "--where", "status=done"], "--where 'status=done'"),
    (["export", "--where", "event_type=Riot"], "--where 'event_type=Riot'"),
    (["export", "--where", "country=Narnia"], "--where 'country=Narnia'"),
    (["export", "--format", "parquet"], "--format parquet"),
    (["export", "--format", "plover", "--merged"], "--merged"),
    (["alert", "add", "x", "--country", "Narnia"], "--country 'Narnia'"),
    (["alert", "add", "x", "--type", "Riot"], "--type 'Riot'"),
    (["alert", "add", "x", "--bbox", "1,2"], "--bbox '1,2'"),
    (["alert", "add", "x", "--webhook", "example.org/hook"], "--webhook 'example.org/hook'"),
    (["alert", "add", "x", "--bbox", "46,34,44,33"], "bbox"),
])
def test_a_value_an_option_cannot_take_exits_2_on_one_line_naming_it(db: str, args: list[str], option: str) -> None:
    # the same kind of mistake exited 1 from some commands and 2 from others, so a script could not tell a
    # mistyped command line from a run that failed
    if args[0] != "extract":
        args = [*args, "--db", db]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and option in line


def test_a_db_that_is_no_url_and_a_token_name_it_cannot_take_exit_2(tmp_path: Path) -> None:
    cli = CliRunner()
    url = cli.invoke(app, ["db", "info", "--db", "postgresql:/user@host/db"])
    name = cli.invoke(app, ["token", "create", "--name", " ", "--db", str(tmp_path / "t.sqlite")])
    assert (url.exit_code, name.exit_code) == (2, 2)
    assert "--db 'postgresql:/***@host/db': not a database URL" in url.stderr
    assert name.stderr.strip() == "error: token name: give 1 to 200 characters, e.g. --name alice"


def test_an_input_or_database_that_stops_a_command_still_exits_1(tmp_path: Path) -> None:
    cli = CliRunner()
    missing = cli.invoke(app, ["extract", str(tmp_path / "none.txt")])
    no_db = cli.invoke(app, ["export", "--db", str(tmp_path / "none.sqlite")])
    no_gold = cli.invoke(app, ["evaluate", str(tmp_path / "none.json")])
    assert missing.exit_code == no_db.exit_code == no_gold.exit_code == 1


def test_the_exit_codes_are_documented_in_the_commands_help() -> None:
    text = CliRunner().invoke(app, ["--help"]).output
    assert "Exit codes" in text and "2 a usage mistake" in text
