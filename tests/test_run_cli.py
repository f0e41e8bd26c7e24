"""`dateline run` from the command line: exit codes that tell a script what happened, `--published`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import dateline.pipeline
from dateline.cli import app
from dateline.pipeline import Pipeline
from dateline.resources import Resources
from dateline.store import Store

PROTEST = "Nurses marched to the health ministry in Kampala on Monday, demanding unpaid wages, police said."


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, resources: Resources) -> CliRunner:
    # the runner builds a Pipeline per run: hand it the session's loaded resources
    monkeypatch.setattr(dateline.pipeline, "Pipeline",
                        lambda settings=None: Pipeline(settings, resources=resources))
    return CliRunner()


def _run(cli: CliRunner, db: str, *args: str) -> tuple[int, str]:
    result = cli.invoke(app, ["run", *args, "--db", db, "--no-progress"])
    return result.exit_code, result.stderr


def _failures(db: str) -> list[tuple[str, str]]:
    with Store(db) as store:
        return [(row["item"], row["reason"]) for row in store.failures(limit=100)]


@pytest.mark.parametrize("kind", ["empty file", "binary file", "missing path", "empty directory"])
def test_a_run_that_did_nothing_says_so_and_exits_4(cli: CliRunner, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "input"
    if kind == "empty file":
        target.write_bytes(b"")
    elif kind == "binary file":
        target.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    elif kind == "empty directory":
        target.mkdir()
    db = str(tmp_path / "db.sqlite")
    code, stderr = _run(cli, db, str(target))
    assert code == 4
    assert "error: nothing was extracted: all 1 input item(s) failed" in stderr
    assert [item for item, _ in _failures(db)] == [str(target)]  # recorded, the empty directory too


def test_a_partly_failed_run_counts_its_failures_and_exits_3(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PROTEST, encoding="utf-8")
    db = str(tmp_path / "db.sqlite")
    code, stderr = _run(cli, db, str(tmp_path / "good.txt"), str(tmp_path / "gone.txt"))
    assert code == 3
    assert "warning: 1 input item(s) failed and were not extracted (see `dateline failures --run 1`)" in stderr
    code, stderr = _run(cli, db, str(tmp_path / "good.txt"))  # all done already: nothing failed
    assert code == 0 and "failed" not in stderr


def test_run_takes_a_publication_date(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PROTEST, encoding="utf-8")
    db = str(tmp_path / "db.sqlite")
    code, _ = _run(cli, db, str(tmp_path / "good.txt"), "--published", "2019-11-02")
    assert code == 0
    with Store(db) as store:
        assert str(store.get_article(1)["published"]) == "2019-11-02"  # type: ignore[index]


@pytest.mark.parametrize("command", ["run", "extract"])
def test_a_year_alone_is_no_publication_date(cli: CliRunner, tmp_path: Path, command: str) -> None:
    (tmp_path / "good.txt").write_text(PROTEST, encoding="utf-8")
    extra = ["--db", str(tmp_path / "db.sqlite")] if command == "run" else []
    result = cli.invoke(app, [command, str(tmp_path / "good.txt"), "--published", "2003", *extra])
    assert result.exit_code == 2  # a usage error, as `dateline run --help` lists the exit codes; 1 is a failed run
    assert result.stderr.strip() == ("error: --published '2003': expected the day the article was published, as "
                                     "YYYY-MM-DD (a year alone is not a publication date)")


def test_run_help_documents_the_exit_codes(cli: CliRunner) -> None:
    text = " ".join(cli.invoke(app, ["run", "--help"]).stdout.split())
    assert "Exit codes: 0 every item was stored or already done; 3 some items failed" in text
    assert "4 nothing was extracted" in text


def test_a_spanish_article_is_a_failure_with_its_language(cli: CliRunner, tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "en.txt").write_text(PROTEST, encoding="utf-8")
    (news / "es.txt").write_text(
        "Cientos de enfermeras marcharon el lunes hasta el ministerio de salud en Kampala para exigir el pago de "
        "salarios atrasados, según informó la policía.", encoding="utf-8")
    db = str(tmp_path / "db.sqlite")
    code, _ = _run(cli, db, str(news))
    assert code == 3
    assert _failures(db) == [(str(news / "es.txt"), "not English (language es); dateline codes English text only")]


@pytest.mark.parametrize("option", [["--batch", "0"], ["--batch", "-1"], ["--workers", "0"], ["--timeout", "-5"]])
def test_a_batch_or_worker_count_below_one_is_a_usage_error_not_an_empty_run(
        cli: CliRunner, tmp_path: Path, option: list[str]) -> None:
    # `--batch 0` used to store nothing and say "the inputs hold no articles" (exit 4); `--batch -1` crashed
    (tmp_path / "good.txt").write_text(PROTEST, encoding="utf-8")
    db = str(tmp_path / "db.sqlite")
    code, stderr = _run(cli, db, str(tmp_path / "good.txt"), *option)
    assert code == 2
    assert option[0] in stderr and "Traceback" not in stderr


def test_failures_says_when_its_list_was_cut(cli: CliRunner, tmp_path: Path) -> None:
    # `dateline failures` showed the oldest 100 and stopped without a word: the latest run's were hidden
    db = str(tmp_path / "db.sqlite")
    code, _ = _run(cli, db, *(str(tmp_path / f"gone{i}.txt") for i in range(3)))
    assert code == 4
    cut = cli.invoke(app, ["failures", "--db", db, "--limit", "2"])
    assert cut.exit_code == 0
    assert [line.split("\t")[1] for line in cut.stdout.splitlines()] == [str(tmp_path / f"gone{i}.txt") for i in (0, 1)]
    assert "more failures than the 2 shown" in cut.stderr
    whole = cli.invoke(app, ["failures", "--db", db, "--limit", "3"])
    assert len(whole.stdout.splitlines()) == 3 and "more failures" not in whole.stderr


def test_run_given_text_where_a_file_name_goes_records_one_failure(cli: CliRunner, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    text = "Gunmen attacked a church in Kaduna on Sunday, killing four worshippers, police said. " * 4
    result = cli.invoke(app, ["run", text, "--db", db])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output


def test_failures_of_a_run_that_does_not_exist_say_so(cli: CliRunner, tmp_path: Path) -> None:
    # `dateline failures --run 9` on a database of two runs answered "no failures", as for a clean run
    db = str(tmp_path / "db.sqlite")
    (tmp_path / "good.txt").write_text(PROTEST, encoding="utf-8")
    assert _run(cli, db, str(tmp_path / "good.txt"))[0] == 0
    assert _run(cli, db, str(tmp_path / "gone.txt"))[0] == 4
    clean = cli.invoke(app, ["failures", "--db", db, "--run", "1"])
    assert clean.exit_code == 0 and clean.stderr.strip() == "no failures"
    missing = cli.invoke(app, ["failures", "--db", db, "--run", "9"])
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "error: no run 9 in this database: its runs are 1 to 2"


def test_a_failure_met_again_is_listed_under_the_run_that_names_it(cli: CliRunner, tmp_path: Path) -> None:
    # a second run of the same corpus said "1 input item(s) failed (see `dateline failures --run 2`)", and that
    # command answered "no failures": the item stayed filed under run 1
    db = str(tmp_path / "db.sqlite")
    (tmp_path / "good.txt").write_text(PROTEST, encoding="utf-8")
    inputs = [str(tmp_path / "good.txt"), str(tmp_path / "gone.txt")]
    assert _run(cli, db, *inputs)[0] == 3
    code, stderr = _run(cli, db, *inputs)
    assert code == 3 and "see `dateline failures --run 2`" in stderr
    listed = cli.invoke(app, ["failures", "--db", db, "--run", "2"])
    assert listed.exit_code == 0
    assert listed.stdout == f"2\t{tmp_path / 'gone.txt'}\tno such file or directory\n"
    assert len(_failures(db)) == 1  # still one row: a failure met on every pass is not listed once per pass
