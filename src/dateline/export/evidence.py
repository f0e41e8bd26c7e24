"""Evidence export: every event with each field's value and the span of article text that supports it.

The document (`format: "dateline-evidence/1"`) lists events; each has its ids, the article it came from, and
`fields`: {field: {"value": …, "evidence": {"start", "end", "text"} or null}} for every ACLED column, plus
`mentions` (every passage reporting the event) and `claimed_by`. Offsets are into the article's cleaned text.
Written event by event, in bounded memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.model import Event
from dateline.store.tables import EVENT_COLUMNS

FORMAT = "dateline-evidence/1"


def evidence_record(event: Event, extra: dict[str, Any]) -> dict[str, Any]:
    data = event.model_dump(mode="json")
    fields = {
        name: {"value": data[name], "evidence": event.evidence[name].model_dump() if name in event.evidence else None}
        for name in EVENT_COLUMNS
    }
    # spans for things that are not columns (e.g. "trigger", actor names) are kept too
    others = {k: v.model_dump() for k, v in event.evidence.items() if k not in fields}
    return {
        **extra,
        "event_local_id": event.id,
        "fields": fields,
        "other_evidence": others,
        "mentions": [m.model_dump() for m in event.mentions],
        "claimed_by": event.claimed_by,
        "actors": [a.model_dump(mode="json") for a in event.actors],
        "flags": event.flags,
    }


def write_evidence(events: Iterable[tuple[Event, dict[str, Any]]], out: TextIO) -> int:
    written = 0
    out.write(json.dumps({"format": FORMAT})[:-1] + ', "events": [\n')
    for event, extra in events:
        out.write(("" if written == 0 else ",\n") + json.dumps(evidence_record(event, extra), ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written
