"""PLOVER JSONL: one line per verbal event (statement) of a report, and optionally per ACLED event.

Statements are PLOVER's verbal events as dateline codes them. ACLED events map onto PLOVER's material types
by sub-event type (`EVENT_TYPES` below: protests and riots → PROTEST with a mode, battles and remote violence
→ FIGHT, violence against civilians → ASSAULT, force against protesters and arrests → COERCE, agreements →
AGREE); sub-types PLOVER has no type for are left out.

Fields follow PLOVER's event record (openeventdata/PLOVER): `id`, `date`, `event` (the PLOVER type),
`mode` and `context` (empty unless known), `actor` and `recipient` (dateline's ACLED-style names),
`location`, plus what a reviewer needs to check the record: `text` (the evidence sentence) with its
character offsets, `claimed_by` (publisher → relays), and the article's `article_id`, `publisher`,
`published` and `url`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from dateline.model import Event, Report, Statement

# ACLED sub-event type → (PLOVER event type, mode).
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "Peaceful protest": ("PROTEST", "demonstrate"),
    "Protest with intervention": ("PROTEST", "demonstrate"),
    "Excessive force against protesters": ("COERCE", "repression"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("PROTEST", "riot"),
    "Armed clash": ("FIGHT", "small arms"),
    "Government regains territory": ("FIGHT", "territory"),
    "Non-state actor overtakes territory": ("FIGHT", "territory"),
    "Shelling/artillery/missile attack": ("FIGHT", "artillery"),
    "Air/drone strike": ("FIGHT", "aerial"),
    "Remote explosive/landmine/IED": ("ASSAULT", "bombing"),
    "Suicide bomb": ("ASSAULT", "bombing"),
    "Grenade": ("ASSAULT", "bombing"),
    "Attack": ("ASSAULT", "physical"),
    "Abduction/forced disappearance": ("ASSAULT", "abduction"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Arrests": ("COERCE", "arrest"),
    "Agreement": ("AGREE", ""),
}
# ACLED names the protesters actor1 and the force that met them actor2; PLOVER's actor is the one who acts.
ACTED_BY_ACTOR2 = frozenset({"Excessive force against protesters"})


def plover_record(report: Report, statement: Statement) -> dict[str, Any]:
    article = report.article
    return {
        "id": f"{article.id}:{statement.id}",
        "date": statement.date.isoformat() if statement.date else None,
        "event": statement.plover,
        "mode": "",
        "context": "",
        "actor": statement.actor,
        "recipient": statement.target,
        "location": statement.location,
        "text": statement.evidence.text,
        "start": statement.evidence.start,
        "end": statement.evidence.end,
        "claimed_by": list(statement.claimed_by),
        "article_id": article.id,
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
    }


def event_record(report: Report, event: Event) -> dict[str, Any] | None:
    """A PLOVER record for an ACLED event, or None when PLOVER has no type for its sub-type."""
    plover = EVENT_TYPES.get(event.sub_event_type or "")
    if plover is None:
        return None
    article = report.article
    evidence = event.mentions[0] if event.mentions else None
    actor, recipient = event.actor1, event.actor2
    if event.sub_event_type in ACTED_BY_ACTOR2:
        actor, recipient = recipient, actor
    return {
        "id": f"{article.id}:{event.id}",
        "date": event.event_date.isoformat() if event.event_date else None,
        "event": plover[0],
        "mode": plover[1],
        "context": event.sub_event_type,
        "actor": actor,
        "recipient": recipient,
        "location": event.location,
        "text": evidence.text if evidence else None,
        "start": evidence.start if evidence else None,
        "end": evidence.end if evidence else None,
        "claimed_by": list(event.claimed_by),
        "article_id": article.id,
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
    }


def plover_lines(reports: Iterable[Report], events: bool = True) -> Iterator[str]:
    """JSON lines (with newline): every statement of every report, then its events PLOVER can type."""
    for report in reports:
        for statement in report.statements:
            yield json.dumps(plover_record(report, statement), ensure_ascii=False) + "\n"
        if events:
            for event in report.events:
                record = event_record(report, event)
                if record is not None:
                    yield json.dumps(record, ensure_ascii=False) + "\n"


def plover_jsonl(report: Report) -> str:
    """The PLOVER JSONL text of one report (`dateline extract --format plover`)."""
    return "".join(plover_lines([report]))


def write_plover_jsonl(reports: Iterable[Report], out: IO[str]) -> int:
    """Write PLOVER JSONL for many reports (`dateline export --format plover`); returns the record count."""
    count = 0
    for line in plover_lines(reports):
        out.write(line)
        count += 1
    return count
