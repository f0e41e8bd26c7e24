"""Database URLs a user gets wrong (a typo, a wrong password, a server that is down): every command says what is
wrong in one line, exits 1, and never prints the password. The PostgreSQL cases that need a running server
skip when DATELINE_TEST_PG_URL is not set."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dateline.cli import app

COMMANDS = [["db", "info"], ["db", "upgrade"], ["export", "-f", "acled"], ["merge"], ["failures"],
            ["run", "nothing.txt", "--no-progress"], ["token", "list"], ["alert", "list"], ["serve", "--port", "1"]]


def _one_line_error(command: list[str], url: str) -> str:
    result = CliRunner().invoke(app, [*command, "--db", url])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "s3cret" not in result.output
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_port_that_is_no_number_is_one_line_without_the_password(command: list[str]) -> None:
    line = _one_line_error(command, "postgresql+psycopg://ana:s3cret@db.example:54x2/team")
    assert "not a database URL" in line and "ana:***@db.example:54x2/team" in line


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_at_sign_left_in_the_password_is_named_and_no_part_of_the_password_is_printed(command: list[str]) -> None:
    line = _one_line_error(command, "postgresql+psycopg://ana:s3cret@Home@127.0.0.1:1/team")
    assert "%40" in line and "ana:***@127.0.0.1:1/team" in line
    assert "Home" not in line
