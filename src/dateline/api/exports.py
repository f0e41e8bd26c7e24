"""`GET /export`: the store's exporters (`dateline.export`) rendered into one HTTP response body.

Exports carry reviewed values. Rejected events are left out unless the request asks for them by filtering
on review_status=rejected, because an analyst exporting a dataset means the events that survived review.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from dateline.model import Event
from dateline.store import EventFilter, Store

FORMATS: dict[str, tuple[str, str]] = {
    "acled": ("text/csv; charset=utf-8", "dateline-events.csv"),
    "geojson": ("application/geo+json", "dateline-events.geojson"),
    "parquet": ("application/vnd.apache.parquet", "dateline-events.parquet"),
    "plover": ("application/x-ndjson", "dateline-statements.jsonl"),
    "evidence": ("application/json", "dateline-evidence.json"),
}
# Until the store's exporters land, the API writes these two itself, with the ACLED column order.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def _events(store: Store, f: EventFilter) -> Iterator[Event]:
    if f.review_status is None:
        f.review_status = ["pending", "accepted", "corrected"]
    return store.iter_events(f)


def _acled_csv(events: Iterator[Event]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    for e in events:
        row: list[Any] = []
        for col in ACLED_COLUMNS:
            value = getattr(e, col)
            if col == "fatalities" and value is None:
                value = 0  # unknown is 0 in ACLED's CSV, null in the model
            row.append("" if value is None else value)
        writer.writerow(row)
    return buf.getvalue().encode("utf-8")


def _geojson(events: Iterator[Event]) -> bytes:
    features = []
    for e in events:
        if e.latitude is None or e.longitude is None:
            continue
        props = e.model_dump(mode="json", exclude={"latitude", "longitude", "mentions"})
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                "properties": props,
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")


def _library_exporter(fmt: str) -> Callable[[Store, EventFilter], bytes] | None:
    """The store's exporter for `fmt` when `dateline.export` provides one (see docs/api.md)."""
    try:
        from dateline import export as library
    except ImportError:
        return None
    render = getattr(library, "export_bytes", None)
    if render is None:
        return None

    def run(store: Store, f: EventFilter) -> bytes:
        data: bytes = render(store, fmt, f)
        return data

    return run


def render_export(store: Store, f: EventFilter, fmt: str) -> tuple[bytes, str, str]:
    """(body, media type, file name) of the export; LookupError for an unknown or unavailable format."""
    if fmt not in FORMATS:
        raise LookupError(f"format {fmt!r}: use one of {', '.join(FORMATS)}")
    media_type, filename = FORMATS[fmt]
    library = _library_exporter(fmt)
    if library is not None:
        if f.review_status is None:
            f.review_status = ["pending", "accepted", "corrected"]
        return library(store, f), media_type, filename
    if fmt == "acled":
        return _acled_csv(_events(store, f)), media_type, filename
    if fmt == "geojson":
        return _geojson(_events(store, f)), media_type, filename
    raise LookupError(
        f"format {fmt!r} needs the store's exporters (dateline.export), not installed in this build"
    )
