"""`dateline export` from the store: GeoJSON, Parquet, evidence JSON, ACLED CSV and PLOVER JSONL, with filters
and reviewed values, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import test_store_fixtures
from test_store_fixtures import make_article, make_event, make_report, protest_report

from dateline.merge import merge_events
from dateline.model import parse_event_id_cnty
from dateline.store import EventFilter, Store
from dateline.store.exports import ExportError, export, parse_where

db_url = test_store_fixtures.db_url

BAGHDAD = "Protesters stormed the council building in Baghdad on Wednesday, killing three, police said."
BAGHDAD_2 = "Demonstrators tried to storm a government office in the Iraqi capital; five were shot dead."
BASRA = "In Basra, demonstrators blocked the port road on Friday."
NOWHERE = "A protest took place somewhere on Friday."


def _fill(store: Store) -> None:
    store.add_reports([
        protest_report(BAGHDAD, "stormed", fatalities=3, publisher="Wire"),
        protest_report(BAGHDAD_2, "tried to storm", fatalities=5, publisher="Partisan", confidence=0.5),
        protest_report(BASRA, "blocked", event_date=dt.date(2019, 11, 1), admin1="Basra", location="Basra",
                       latitude=30.51, longitude=47.81, event_type="Protests", sub_event_type="Peaceful protest",
                       disorder_type="Demonstrations", actor1="Protesters (Iraq)", inter1=6),
        protest_report(NOWHERE, "protest", event_date=dt.date(2019, 11, 1), latitude=None, longitude=None,
                       admin1=None, location=None, geo_precision=None),
    ])


def test_geojson_has_points_with_all_fields_and_reviewed_values(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    with Store(db_url) as store:
        _fill(store)
        first = store.query_events()[0]
        store.review_event(first["id"], "ana", "correct", {"fatalities": 2})
        message = export(store, "geojson", [], out)
    doc = json.loads(out.read_text())
    assert doc["type"] == "FeatureCollection"
    assert len(doc["features"]) == 3 and "1 without coordinates" in message
    by_loc = {f["properties"]["admin1"]: f for f in doc["features"]}
    basra = by_loc["Basra"]
    assert basra["geometry"] == {"type": "Point", "coordinates": [47.81, 30.51]}  # [lon, lat]
    assert basra["properties"]["sub_event_type"] == "Peaceful protest"
    assert basra["properties"]["evidence"]["sub_event_type"]["text"] == "blocked"
    reviewed = next(f for f in doc["features"] if f["properties"]["uid"] == first["uid"])
    assert reviewed["properties"]["fatalities"] == 2 and reviewed["properties"]["review_status"] == "corrected"


def test_parquet_columns_are_typed(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    with Store(db_url) as store:
        _fill(store)
        export(store, "parquet", ["country=Iraq"], out)
    table = pq.read_table(out)
    assert table.num_rows == 4
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("fatalities").type == pa.int32()
    assert table.schema.field("claimed_by").type == pa.list_(pa.string())
    rows = table.to_pylist()
    assert sorted(r["fatalities"] for r in rows if r["fatalities"] is not None) == [3, 5]
    assert json.loads(rows[0]["evidence_json"])["sub_event_type"]["end"] > 0


def test_parquet_rows_carry_the_store_id_the_api_and_geojson_use(db_url: str, tmp_path: Path) -> None:
    # GeoJSON and the evidence JSON gave each event its `store_id` (the id of GET /events/{id} and the
    # dashboard's event page); Parquet rows had none, so they could not be linked back to either
    with Store(db_url) as store:
        _fill(store)
        ids = {event["uid"]: event["id"] for event in store.query_events(EventFilter(min_confidence=0.0))}
        export(store, "parquet", [], tmp_path / "e.parquet", min_confidence=0.0)
        export(store, "geojson", [], tmp_path / "e.geojson", min_confidence=0.0)
    rows = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert len(rows) == 4 and {row["uid"]: row["store_id"] for row in rows} == ids
    features = json.loads((tmp_path / "e.geojson").read_text())["features"]
    assert all(ids[f["properties"]["uid"]] == f["properties"]["store_id"] for f in features)


def test_evidence_json_keeps_every_fields_span(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "ev.json"
    with Store(db_url) as store:
        _fill(store)
        export(store, "evidence", ["admin1=Basra"], out)
    doc = json.loads(out.read_text())
    assert doc["format"] == "dateline-evidence/1"
    (event,) = doc["events"]
    span = event["fields"]["sub_event_type"]["evidence"]
    assert BASRA[span["start"]:span["end"]] == span["text"] == "blocked"
    assert event["fields"]["admin1"] == {"value": "Basra", "evidence": None}
    assert event["article"]["publisher"] == "Example News"


def test_filters_by_date_type_and_status(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    with Store(db_url) as store:
        _fill(store)
        export(store, "geojson", ["date>=2019-11-01", "event_type=Protests"], out)
        names = [f["properties"]["admin1"] for f in json.loads(out.read_text())["features"]]
        export(store, "geojson", ["status=accepted"], out)
        accepted = json.loads(out.read_text())["features"]
    assert names == ["Basra"]
    assert accepted == []


def test_acled_csv_export_has_the_31_columns_and_stable_ids(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    with Store(db_url) as store:
        _fill(store)
        export(store, "acled", ["admin1=Basra"], out)
        first = out.read_text()
        export(store, "acled", ["admin1=Basra"], out)
    rows = list(csv.DictReader(io.StringIO(first)))
    assert len(rows) == 1 and len(rows[0]) == 31
    assert rows[0]["sub_event_type"] == "Peaceful protest" and rows[0]["admin1"] == "Basra"
    assert rows[0]["event_id_cnty"].startswith("DL-IRQ-")
    assert out.read_text() == first  # same database, same ids


def test_stored_acled_like_ids_export_in_datelines_form(db_url: str, tmp_path: Path) -> None:
    # an event stored by an older version carries "IRQ7034662", which reads like a real ACLED id
    out = tmp_path / "e.csv"
    report = protest_report(BASRA, "blocked", admin1="Basra", event_id_cnty="IRQ7034662")
    with Store(db_url) as store:
        store.add_reports([report])
        export(store, "acled", [], out)
        first = out.read_text()
        export(store, "geojson", [], tmp_path / "e.geojson")
    ids = [row["event_id_cnty"] for row in csv.DictReader(io.StringIO(first))]
    geo = [f["properties"]["event_id_cnty"] for f in json.loads((tmp_path / "e.geojson").read_text())["features"]]
    assert len(ids) == 1 and parse_event_id_cnty(ids[0]) is not None and ids == geo


def test_merged_events_have_ids_of_their_own(db_url: str, tmp_path: Path) -> None:
    with Store(db_url) as store:
        _fill(store)
        merge_events(store)
        export(store, "acled", [], tmp_path / "events.csv")
        export(store, "acled", [], tmp_path / "merged.csv", merged=True)
    events = {r["event_id_cnty"] for r in csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text()))}
    merged = [r["event_id_cnty"] for r in csv.DictReader(io.StringIO((tmp_path / "merged.csv").read_text()))]
    assert merged and all(parse_event_id_cnty(i) for i in merged) and not events & set(merged)


def test_a_merged_export_before_any_merge_says_to_merge_first(db_url: str, tmp_path: Path) -> None:
    with Store(db_url) as store:
        _fill(store)
        before = export(store, "acled", [], tmp_path / "m.csv", merged=True)
        merge_events(store)
        after = export(store, "acled", [], tmp_path / "m.csv", merged=True)
    assert before == f"wrote 0 events to {tmp_path / 'm.csv'} (the database holds no merged events yet: " \
                     "run `dateline merge` first)"
    assert "dateline merge" not in after and not after.startswith("wrote 0 ")


def test_merged_export_has_one_row_per_real_event(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "m.parquet"
    with Store(db_url) as store:
        _fill(store)
        merge_events(store)
        export(store, "parquet", [], out, merged=True)
    rows = pq.read_table(out).to_pylist()
    baghdad = [r for r in rows if r["admin1"] == "Baghdad"]
    assert len(baghdad) == 1 and baghdad[0]["source_count"] == 2 and baghdad[0]["fatalities"] == 3
    assert json.loads(baghdad[0]["disputes_json"])["fatalities"][0]["value"] in (3, 5)


def test_plover_export_runs_on_stored_reports(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    with Store(db_url) as store:
        _fill(store)
        message = export(store, "plover", ["admin1=Basra"], out)
    lines = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    assert f"wrote PLOVER records of 1 article to {out}" == message  # not "1 articles"
    assert all(line.get("event") for line in lines)


def test_bad_where_is_a_clear_error() -> None:
    with pytest.raises(ExportError, match="unknown filter"):
        parse_where(["colour=red"])
    with pytest.raises(ExportError, match="YYYY-MM-DD"):
        parse_where(["date>=yesterday"])
    with pytest.raises(ExportError, match="status is one of"):
        parse_where(["status=maybe"])
    f = parse_where(["date=2019-10-30", "type=Riots,Protests", "status=accepted,corrected"])
    assert f.date_from == f.date_to == dt.date(2019, 10, 30)
    assert f.event_type == ["Riots", "Protests"] and f.review_status == ["accepted", "corrected"]


def test_where_takes_acled_type_names_in_any_case_and_refuses_unknown_ones() -> None:
    # `-w event_type=protests` or `=Protest` used to export nothing, as if there were no such events
    f = parse_where(["event_type=protests,RIOTS", "sub_event_type=peaceful protest"])
    assert f.event_type == ["Protests", "Riots"] and f.sub_event_type == ["Peaceful protest"]
    with pytest.raises(ExportError, match=r"'Protest' is not an ACLED event type: did you mean Protests"):
        parse_where(["event_type=Protest"])
    with pytest.raises(ExportError, match="not an ACLED sub-event type"):
        parse_where(["sub_event_type=Riots"])


def test_where_takes_a_country_by_name_alias_or_code_and_refuses_no_country() -> None:
    # `-w country=IRQ` or a misspelt name exported nothing and exited 0, as if no event were stored there
    assert parse_where(["country=IRQ"]).country == parse_where(["country=iraq"]).country == "Iraq"
    with pytest.raises(ExportError, match=r"'Irqa' is no country: did you mean Iraq"):
        parse_where(["country=Irqa"])


def test_cli_export_and_merge(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with Store(db) as store:
        _fill(store)
    cli = CliRunner()
    merged = cli.invoke(app, ["merge", "--db", db])
    assert merged.exit_code == 0 and "3 merged events in all" in merged.output
    out = tmp_path / "x.geojson"
    res = cli.invoke(app, ["export", "--db", db, "-f", "geojson", "-w", "admin1=Basra", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert len(json.loads(out.read_text())["features"]) == 1
    assert f"wrote 1 event to {out}" in res.output  # one event, not "1 events"
    bad = cli.invoke(app, ["export", "--db", db, "-f", "geojson", "-w", "when=today"])
    assert bad.exit_code == 2 and "unknown filter" in bad.output


@pytest.mark.parametrize("fmt", ["acled", "geojson", "parquet", "plover", "evidence"])
def test_export_makes_the_output_folder_and_refuses_a_folder_as_file(tmp_path: Path, fmt: str) -> None:
    # `-o exports/new/…` used to end in a FileNotFoundError traceback; a folder as -o in IsADirectoryError
    from typer.testing import CliRunner

    from dateline.cli import app

    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with Store(db) as store:
        _fill(store)
    cli = CliRunner()
    out = tmp_path / "exports" / "new" / f"events.{fmt}"
    res = cli.invoke(app, ["export", "--db", db, "-f", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 0
    bad = cli.invoke(app, ["export", "--db", db, "-f", fmt, "-o", str(tmp_path)])
    assert bad.exit_code == 1
    assert bad.stderr.strip() == f"error: {tmp_path}: cannot write the output there (is a directory)"


def test_a_date_filter_the_shell_cut_short_says_to_quote_it() -> None:
    # `--where date>=2019-10-01` unquoted reaches dateline as "date" (the shell redirects the rest to a file)
    with pytest.raises(ExportError, match=r"quote the filter, e.g. --where 'date>=2019-10-01'"):
        parse_where(["date"])


def test_an_event_a_reviewer_rejected_stays_out_of_the_export_unless_asked_for(tmp_path: Path) -> None:
    # `dateline export` used to write rejected events as data (the API's export already left them out)
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    out = tmp_path / "e.csv"
    with Store(db) as store:
        _fill(store)
        basra = next(e["id"] for e in store.query_events(EventFilter()) if e["admin1"] == "Basra")
        store.review_event(event_id=basra, user="ana", action="reject", comment="a road closure, not a protest")
        export(store, "acled", [], out)
        assert "Basra" not in {row["admin1"] for row in csv.DictReader(out.open())}
        export(store, "acled", ["status=rejected"], out)
        assert [row["admin1"] for row in csv.DictReader(out.open())] == ["Basra"]


def test_stored_events_export_with_their_articles_timestamp_as_extract_gives_it(tmp_path: Path) -> None:
    # `dateline export -f acled` used to write timestamp 0 (1 January 1970) on every row, where
    # `dateline extract -f acled` writes the article's publication day; the fixtures' articles came out on
    # 2 November 2019: 1572652800 is its midnight UTC
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    db = f"sqlite:///{tmp_path / 't.sqlite'}"
    out = tmp_path / "e.csv"
    with Store(db) as store:
        _fill(store)
        export(store, "acled", [], out, min_confidence=0.0)
        assert {row["timestamp"] for row in csv.DictReader(out.open())} == {"1572652800"}
        api = TestClient(create_app(store)).get("/export", params={"format": "acled", "min_confidence": 0})
        assert {row["timestamp"] for row in csv.DictReader(io.StringIO(api.text))} == {"1572652800"}


def test_a_stored_event_with_no_date_anywhere_exports_empty_date_columns(tmp_path: Path) -> None:
    # neither the text nor the article gives a day: `dateline export -f acled` wrote year 0 and timestamp 0
    out = tmp_path / "e.csv"
    undated = make_event(NOWHERE, "protest", **{**test_store_fixtures.PROTEST_FIELDS, "event_date": None,
                                                 "year": None, "time_precision": None})
    with Store(f"sqlite:///{tmp_path / 't.sqlite'}") as store:
        store.add_reports([make_report(make_article(NOWHERE), [undated])])
        export(store, "acled", [], out, min_confidence=0.0)
        export(store, "parquet", [], tmp_path / "e.parquet", min_confidence=0.0)
    (row,) = csv.DictReader(out.open())
    assert [row[name] for name in ("event_date", "year", "time_precision", "timestamp")] == ["", "", "", ""]
    (stored,) = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [stored[name] for name in ("event_date", "year", "time_precision", "timestamp")] == [None] * 4
