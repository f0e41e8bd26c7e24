"""GET /export writes the same records as `dateline export` on the same database: ids and properties alike."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fastapi.testclient import TestClient
from test_store_fixtures import protest_report

from dateline.api import create_app
from dateline.store import Store
from dateline.store.exports import export


def _store(path: Path) -> Store:
    store = Store(str(path))
    # one event stored with the ISO3 + digits id older versions wrote, one stored with none
    store.add_reports([protest_report("Protesters stormed the hall in Baghdad.", "stormed", event_id_cnty="IRQ1234567"),
                       protest_report("Rioters burned tyres in Baghdad.", "burned", event_id_cnty=None)])
    return store


def test_api_acled_csv_has_the_ids_of_dateline_export(tmp_path: Path) -> None:
    with _store(tmp_path / "db.sqlite") as store:
        api = TestClient(create_app(store)).get("/export", params={"format": "acled"}).text
        export(store, "acled", [], tmp_path / "cli.csv")
    cli = (tmp_path / "cli.csv").read_text(encoding="utf-8")
    ids = [row["event_id_cnty"] for row in csv.DictReader(io.StringIO(api))]
    assert ids == [row["event_id_cnty"] for row in csv.DictReader(io.StringIO(cli))]
    assert all(i.startswith("DL-IRQ-") for i in ids)


def test_api_geojson_has_the_properties_of_dateline_export(tmp_path: Path) -> None:
    with _store(tmp_path / "db.sqlite") as store:
        api = TestClient(create_app(store)).get("/export", params={"format": "geojson"}).json()
        export(store, "geojson", [], tmp_path / "cli.geojson")
    cli = json.loads((tmp_path / "cli.geojson").read_text(encoding="utf-8"))
    assert [f["properties"] for f in api["features"]] == [f["properties"] for f in cli["features"]]
    assert all(f["properties"]["event_id_cnty"].startswith("DL-IRQ-") for f in api["features"])
