"""Parquet export (pyarrow): one row per event, typed columns (dates as date32, codes as int32, coordinates as
float64, lists as list<string>, spans as JSON text), written in row groups so memory stays bounded."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.model import Event

ROW_GROUP = 5000

SCHEMA = pa.schema([
    ("uid", pa.string()), ("store_id", pa.int64()), ("event_local_id", pa.string()), ("article_id", pa.int64()),
    ("review_status", pa.string()), ("source_count", pa.int32()), ("independent_sources", pa.int32()),
    ("event_id_cnty", pa.string()), ("event_date", pa.date32()), ("year", pa.int32()),
    ("time_precision", pa.int8()), ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("disorder_type", pa.string()), ("event_type", pa.string()), ("sub_event_type", pa.string()),
    ("actor1", pa.string()), ("assoc_actor_1", pa.string()), ("inter1", pa.int8()),
    ("actor2", pa.string()), ("assoc_actor_2", pa.string()), ("inter2", pa.int8()),
    ("interaction", pa.int16()), ("civilian_targeting", pa.string()), ("iso", pa.int32()),
    ("region", pa.string()), ("country", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()),
    ("admin3", pa.string()), ("location", pa.string()), ("latitude", pa.float64()),
    ("longitude", pa.float64()), ("geo_precision", pa.int8()), ("geonameid", pa.int64()),
    ("source", pa.string()), ("source_scale", pa.string()), ("notes", pa.string()),
    ("fatalities", pa.int32()), ("tags", pa.string()), ("timestamp", pa.int64()),
    ("confidence", pa.float64()), ("claimed_by", pa.list_(pa.string())), ("flags", pa.list_(pa.string())),
    ("actors_json", pa.string()), ("evidence_json", pa.string()), ("disputes_json", pa.string()),
])


def row(event: Event, extra: dict[str, Any]) -> dict[str, Any]:
    data = event.model_dump(mode="python")
    out: dict[str, Any] = {name: data.get(name) for name in SCHEMA.names if name in data}
    out["event_local_id"] = event.id
    out["actors_json"] = json.dumps([a.model_dump(mode="json") for a in event.actors], ensure_ascii=False)
    out["evidence_json"] = json.dumps({k: v.model_dump() for k, v in event.evidence.items()}, ensure_ascii=False)
    disputes = extra.get("disputes")
    out["disputes_json"] = json.dumps(disputes, ensure_ascii=False) if disputes else None
    for key in ("uid", "store_id", "article_id", "review_status", "source_count", "independent_sources"):
        out[key] = extra.get(key)
    return out


def write_parquet(events: Iterable[tuple[Event, dict[str, Any]]], path: str | Path) -> int:
    """Write (event, extra) pairs to a Parquet file; returns the number of rows."""
    total = 0
    with pq.ParquetWriter(str(path), SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for event, extra in events:
            batch.append(row(event, extra))
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                total += len(batch)
                batch = []
        if batch or total == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
            total += len(batch)
    return total
