"""`GET /export`: the store's exporters (`dateline.export`) rendered into one HTTP response body.

Exports carry reviewed values. Rejected events are left out unless the request filters on
review_status=rejected, because an analyst exporting a dataset means the events that survived review.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.model import Event
from dateline.store import EventFilter, Store
from dateline.store.exports import (
    event_stream,
    plover_reports,
    with_articles,
    with_dateline_ids,
    without_rejected,
)

FORMATS: dict[str, tuple[str, str]] = {
    "acled": ("text/csv; charset=utf-8", "dateline-events.csv"),
    "geojson": ("application/geo+json", "dateline-events.geojson"),
    "parquet": ("application/vnd.apache.parquet", "dateline-events.parquet"),
    "plover": ("application/x-ndjson", "dateline-plover.jsonl"),
    "evidence": ("application/json", "dateline-evidence.json"),
}


def _pairs(store: Store, f: EventFilter, fmt: str = "") -> Iterator[tuple[Event, dict[str, Any]]]:
    """(event with reviewed values, the store's bookkeeping) pairs, as `dateline export` builds them, so both
    write the same ids and properties for the same database."""
    return with_dateline_ids(event_stream(store, f, with_article=fmt == "evidence"))


def _plover(store: Store, f: EventFilter) -> bytes:
    from dateline.export.plover import write_plover_jsonl

    reports = plover_reports(store, f, _pairs(store, f))
    buf = io.StringIO()
    write_plover_jsonl(reports, buf)
    return buf.getvalue().encode("utf-8")


def render_export(store: Store, f: EventFilter, fmt: str) -> tuple[bytes, str, str]:
    """(body, media type, file name) of the export; LookupError for an unknown format."""
    if fmt not in FORMATS:
        raise LookupError(f"format {fmt!r}: use one of {', '.join(FORMATS)}")
    media_type, filename = FORMATS[fmt]
    f = without_rejected(f)
    buf = io.StringIO()
    if fmt == "acled":
        from dateline.export.acled import write_acled_csv

        write_acled_csv(with_articles(store, _pairs(store, f)), buf)
    elif fmt == "geojson":
        from dateline.export.geojson import write_geojson

        write_geojson(_pairs(store, f), buf)
    elif fmt == "evidence":
        from dateline.export.evidence import write_evidence

        write_evidence(_pairs(store, f, fmt), buf)
    elif fmt == "plover":
        return _plover(store, f), media_type, filename
    else:  # parquet needs a file: write to a temporary one and hand back its bytes
        from dateline.export.parquet import write_parquet

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / filename
            write_parquet(_pairs(store, f), path)
            return path.read_bytes(), media_type, filename
    return buf.getvalue().encode("utf-8"), media_type, filename
