"""`dateline evaluate` end to end: the CLI on a tiny hand-made gold with `--pred`, and the pipeline run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.evaluate import run_evaluation

DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold_tiny.json"
PRED = DATA / "gold_tiny_pred.json"


def test_evaluate_cli_prints_table_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--pred", str(PRED), "--report", str(out)])
    assert result.exit_code == 0, result.output
    # gold_tiny has 3 events; the prediction matches E1 only and adds one on the boycott sentence (a not-event):
    # tp 1, fp 1, fn 2 → P 0.500, R 0.333, F1 0.400.
    line = next(ln for ln in result.stdout.splitlines() if "events" in ln and "(detection)" in ln)
    assert "0.500" in line and "0.333" in line and "0.400" in line
    data = json.loads(out.read_text())
    events = data["scores"]["events"]["_detection"]
    assert (events["tp"], events["fp"], events["fn"]) == (1, 1, 2)
    assert events["f1"] == pytest.approx(0.4)
    # E1's fields by hand: date 03-02 in list, point 11 km off (0.1° lat), fatalities null → 0 = gold 0.
    for name in ("event_date", "coordinates", "within_25km", "fatalities", "actor1", "location"):
        assert data["scores"]["events"][name]["accuracy"] == 1.0, name
    assert data["scores"]["not_events"]["not predicted as event"]["accuracy"] == 0.0
    assert data["scores"]["quotes"]["_detection"]["f1"] == 1.0
    assert data["documents"] == 1
    assert any(e["field"] == "(missed)" and e["item"] == "E2" for e in data["errors"])


def test_evaluate_cli_names_a_missing_gold_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "nope.json"), "--pred", str(PRED)])
    assert result.exit_code != 0
    assert "nope.json" in result.output and "no such gold file" in result.output


def test_evaluate_cli_rejects_a_prediction_that_is_not_a_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"hello": 1}\n')
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--pred", str(bad)])
    assert result.exit_code != 0 and "not a dateline Report" in result.output


def test_evaluate_without_pred_runs_the_pipeline_on_the_gold_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    scores = run_evaluation([GOLD], pipeline=pipeline, progress=False)
    assert scores.documents == 1
    row = scores.rows[("events", "")]
    assert row.n == 3  # the three required gold events are scored whatever the pipeline finds
    assert "events" in scores.table()


def test_evaluate_report_in_a_new_folder_is_written_and_a_folder_is_refused_before_scoring(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "scores" / "tiny.json"
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--pred", str(PRED), "--report", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["documents"] == 1
    scored: list[int] = []
    monkeypatch.setattr("dateline.evaluate.run_evaluation", lambda *a, **k: scored.append(1))
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--pred", str(PRED), "--report", str(tmp_path)])
    assert result.exit_code == 1 and not scored  # no scoring time spent on a report that cannot be written
    assert result.stderr.strip() == f"error: {tmp_path}: cannot write the output there (is a directory)"


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_evaluate_limit_below_one_is_refused_not_reported_as_an_empty_gold_file(limit: str) -> None:
    # `--limit 0` used to print "warning: the gold files hold no documents" and an empty table
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--pred", str(PRED), "--limit", limit])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: --limit {limit}: expected a positive number of documents"
