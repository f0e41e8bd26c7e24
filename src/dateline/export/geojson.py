"""GeoJSON export: a FeatureCollection with one Point feature per located event, every field as a property.

Written feature by feature, so an export of any size runs in bounded memory. Events without coordinates have
no point to draw and are left out (the caller is told how many). Coordinates are [longitude, latitude] as
RFC 7946 requires.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.model import Event


def feature(event: Event, extra: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The GeoJSON Feature of one event (None when it has no coordinates)."""
    if event.latitude is None or event.longitude is None:
        return None
    props = event.model_dump(mode="json")
    props["event_local_id"] = props.pop("id")
    props.update(extra or {})
    return {
        "type": "Feature",
        "id": props.get("uid") or props["event_local_id"],
        "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
        "properties": props,
    }


def write_geojson(events: Iterable[tuple[Event, dict[str, Any]]], out: TextIO) -> tuple[int, int]:
    """Write a FeatureCollection of (event, extra properties) pairs; returns (written, left out)."""
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [\n')
    for event, extra in events:
        feat = feature(event, extra)
        if feat is None:
            skipped += 1
            continue
        out.write(("" if written == 0 else ",\n") + json.dumps(feat, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, skipped
