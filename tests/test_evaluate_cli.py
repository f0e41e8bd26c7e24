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
    assert result.exit_code == 2  # a usage mistake, as every option's value out of range
    assert result.stderr.strip() == f"error: --limit {limit}: expected a positive number of documents"


def test_unreadable_gold_and_prediction_files_are_one_line_each(tmp_path: Path) -> None:
    # a folder given as --pred, and bytes that are not UTF-8, used to end in a Python traceback
    binary = b"\xff\xfe\x00\x01\x02 not text"
    cases = {"folder": tmp_path}
    for name in ("gold.json", "gold.jsonl", "gold.csv", "gold.xlsx"):
        cases[name] = tmp_path / name
        cases[name].write_bytes(binary)
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--pred", str(tmp_path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stderr.strip() == f"error: {tmp_path}: is a folder, not a predictions file"
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--pred", str(cases["gold.json"])])
    assert result.stderr.strip().startswith(f"error: {cases['gold.json']}: not UTF-8 text (byte 0xff")
    for name in ("gold.json", "gold.jsonl", "gold.csv", "gold.xlsx"):
        result = CliRunner().invoke(app, ["evaluate", str(cases[name]), "--pred", str(PRED)])
        assert result.exit_code == 1, name
        assert isinstance(result.exception, SystemExit), name
        assert len(result.stderr.strip().splitlines()) == 1 and str(cases[name]) in result.stderr, name


def test_gold_and_predictions_cut_inside_a_string_say_where_in_one_reading_line(tmp_path: Path) -> None:
    # "line 2 is not valid JSON (Unterminated string starting at)" named no column, and a whole JSON document
    # cut the same way read "(Unterminated string starting at at line 1)"
    cut = '{"format": "dateline-gold/1", "id": "a", "text": "Protesters marched'
    (tmp_path / "gold.jsonl").write_text('{"format": "dateline-gold/1", "id": "b", "text": "x"}\n' + cut + "\n",
                                         encoding="utf-8")
    (tmp_path / "gold.json").write_text(cut, encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text("{}\n" + cut + "\n", encoding="utf-8")
    for gold, pred, message in (
            (tmp_path / "gold.jsonl", PRED, "line 2 is not valid JSON (Unterminated string starting at column 50)"),
            (tmp_path / "gold.json", PRED, "not valid JSON (Unterminated string starting at line 1, column 50)"),
            (GOLD, tmp_path / "pred.jsonl", "line 2 is not valid JSON (Unterminated string starting at column 50)")):
        result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(pred)])
        assert result.exit_code == 1
        assert result.stderr.strip().endswith(message), result.stderr


ACLED_HEADER = "event_id_cnty,event_date,event_type,sub_event_type,country,latitude,longitude,fatalities,notes\n"
ACLED_ROW = 'KEN1,{date},Protests,Peaceful protest,Kenya,{lat},36.8,{deaths},"Teachers marched in Nairobi."\n'


@pytest.mark.parametrize(("cells", "message"), [
    ({"date": "next Tuesday"}, "row 1: event_date 'next Tuesday' is not a date"),
    ({"lat": "north"}, "row 1: latitude 'north' is not a number in -90..90"),
    ({"lat": "123.4"}, "row 1: latitude '123.4' is not a number in -90..90"),
    ({"deaths": "several"}, "row 1: fatalities 'several' is not a whole number"),
])
def test_acled_gold_cell_that_is_not_a_date_or_number_is_named(tmp_path: Path, cells: dict[str, str],
                                                               message: str) -> None:
    # such a cell used to be scored as dateline's miss, silently
    gold = tmp_path / "acled.csv"
    values = {"date": "2024-03-04", "lat": "-1.28", "deaths": "0", **cells}
    gold.write_text(ACLED_HEADER + ACLED_ROW.format(**values), encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(PRED)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {gold}: {message}" + (
        " (YYYY-MM-DD or 02 November 2019)" if "event_date" in message else "")


def test_acled_gold_with_good_cells_and_an_acled_style_date_loads(tmp_path: Path) -> None:
    from dateline.evaluate.gold import load_gold

    gold = tmp_path / "acled.csv"
    gold.write_text(ACLED_HEADER + ACLED_ROW.format(date="04 March 2024", lat="-1.28", deaths="2"), encoding="utf-8")
    [doc] = load_gold([gold])
    assert doc.events[0]["event_date"] == "04 March 2024" and doc.events[0]["fatalities"] == "2"


@pytest.mark.parametrize("name", ["gold.json", "gold.jsonl", "gold.csv"])
def test_an_empty_gold_file_is_an_error_not_an_empty_table(tmp_path: Path, name: str) -> None:
    # an empty .jsonl printed an empty table and exited 0, which a script reads as a clean score
    empty = tmp_path / name
    empty.write_text("\n" if name != "gold.csv" else "notes,event_type\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), str(empty), "--pred", str(PRED)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {empty}: holds no gold documents (an empty file?)"


@pytest.mark.parametrize(("part", "typo", "field"), [
    (None, "evnts", "events"),
    ("events", "sub_event_typ", "sub_event_type"),
    ("quotes", "speeker", "speaker"),
    ("article", "publshed", "published"),
])
def test_a_misspelt_gold_key_stops_the_run_instead_of_going_unscored(
        tmp_path: Path, part: str | None, typo: str, field: str) -> None:
    # a gold with "evnts" (or an event's "sub_event_typ") was scored as if it had no events (no such field)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    target = gold if part is None else gold[part] if part == "article" else gold[part][0]
    target[typo] = target.pop(field)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / gold["text_file"]).write_text((DATA / gold["text_file"]).read_text(encoding="utf-8"),
                                              encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(path), "--pred", str(PRED)])
    assert result.exit_code == 1
    where = "" if part is None else f" {part}" + (" #1" if part != "article" else "")
    assert result.stderr.strip() == (f"error: {path}: gold {gold['id']!r}{where}: unknown key {typo!r}, did you "
                                     f"mean {field!r}? (it would not be scored)")


def test_annotators_own_keys_in_a_gold_file_are_left_alone(tmp_path: Path) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    gold["events"][0]["comment"] = "checked twice"
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / gold["text_file"]).write_text((DATA / gold["text_file"]).read_text(encoding="utf-8"),
                                              encoding="utf-8")
    assert CliRunner().invoke(app, ["evaluate", str(path), "--pred", str(PRED)]).exit_code == 0


@pytest.mark.parametrize("name", ["pred.json", "pred.jsonl"])
def test_an_empty_predictions_file_is_an_error_not_a_score_of_zero(tmp_path: Path, name: str) -> None:
    # an empty --pred file scored every figure 0 and exited 0, its one warning lost among evidence warnings
    empty = tmp_path / name
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--pred", str(empty)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {empty}: holds no predicted reports (an empty file?)"
