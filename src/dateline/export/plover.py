"""PLOVER JSONL: one line per verbal event (statement) of a report, and optionally per ACLED event.

Statements are PLOVER's verbal events as dateline codes them. ACLED events map onto PLOVER's material types
by sub-event type (`acled_events` in data/plover.yaml: protests and riots → PROTEST, force against protesters and
arrests → COERCE, battles, remote violence and violence against civilians → ASSAULT, agreements → AGREE; a
chemical weapon is the one sub-type that names a PLOVER context, cbrn);
sub-types PLOVER has no type for are left out.

Fields follow PLOVER's event record (openeventdata/PLOVER, manual draft 0.8): `id`, `date`, `event` (a list of
PLOVER types, as the draft's "list of event categories"; dateline gives one), `mode` and `context` (lists of PLOVER's
own words, null unless one is known), `source` and `recipient` (lists of PLOVER's
actor objects: `code`, `sector`, `actor_text`, plus dateline's `acled_name`; the source is the side that acts, each side's ACLED associated
actors after its actor),
`actor` (the acting side's ACLED-style name, a field PLOVER does not have, kept for existing readers), `location`,
and for an ACLED event `event_loc` (PLOVER's location
object: geonameid, name, latitude, longitude, cc3), plus what a reviewer needs to check the record:
`sub_event_type` (an ACLED event's sub-type), `text` (the evidence sentence) with its character offsets in
PLOVER's `text_info` object and, as before, in `start` and `end`, `cite_info` (PLOVER's citation object: article id,
url, title, language, publisher, coder, codebook), `claimed_by` (publisher → relays), and the article's
`article_id`, `publisher`, `published` and `url`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from dateline.codebook import default_codebook
from dateline.model import Event, Report, Span, Statement
from dateline.yaml_files import packaged_yaml


def acled_events() -> dict[str, dict[str, Any]]:
    """ACLED sub-event type → {"event", "mode", and optionally "source" and "recipient", the ACLED actors on each
    side}: `acled_events` of the packaged plover.yaml."""
    return dict(packaged_yaml("plover.yaml")["acled_events"])


@functools.cache
def _actor_rules() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]], dict[int, str]]:
    """(name pattern → code, name pattern → sector, inter code → sector) from plover.yaml."""
    data = packaged_yaml("plover.yaml")
    codes = [(re.compile(rule["pattern"]), str(rule["code"])) for rule in data["actor_codes"]]
    sectors = [(re.compile(rule["pattern"]), str(rule["sector"])) for rule in data["actor_sectors"]["names"]]
    by_inter = {int(k): str(v) for k, v in data["actor_sectors"]["inter"].items()}
    return codes, sectors, by_inter


_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\)")


def _name_country(name: str) -> str | None:
    """ISO alpha-3 of the country an ACLED name names: the whole name ("Rwanda"), a "(Country)", or the words after
    "of" ("Police Forces of Afghanistan National Directorate of Security" → AFG)."""
    book = default_codebook()
    plain = _PERIOD.sub("", name).strip()
    if code := book.iso3(plain):
        return code
    for inner in reversed(re.findall(r"\(([^()]+)\)", plain)):
        if code := book.iso3(inner):
            return code
    if of := re.search(r"\bof (?:the )?(.+)$", plain):
        words = of.group(1).split()
        for n in range(len(words), 0, -1):  # the longest run that is a country: "Democratic Republic of Congo"
            if code := book.iso3(" ".join(words[:n])):
                return code
    return None


def actor_object(name: str | None, inter: int | None = None, text: str | None = None,
                 country: str | None = None) -> dict[str, Any] | None:
    """PLOVER's actor object for an ACLED-style name: `code`, `sector`, `actor_text` (the words of the article that
    named the actor, else the name), and `acled_name`. `country` is the event's, for a name that names none."""
    if not name:
        return None
    codes, sectors, by_inter = _actor_rules()
    code = next((value for pattern, value in codes if pattern.search(name)), None)
    code = code or _name_country(name) or default_codebook().iso3(country)
    sector = next((value for pattern, value in sectors if pattern.search(name)), None) or by_inter.get(inter or 0)
    return {"code": code, "sector": sector, "actor_text": text or name, "acled_name": name}


def plover_record(report: Report, statement: Statement) -> dict[str, Any]:
    article = report.article
    return {
        "id": f"{article.id}:{statement.id}",
        "date": statement.date.isoformat() if statement.date else None,
        "event": [statement.plover],
        "mode": _words(statement.mode),
        "context": None,
        "actor": statement.actor,
        "source": _listed(actor_object(statement.actor)),
        "recipient": _listed(actor_object(statement.target)),
        "location": statement.location,
        "text": statement.evidence.text,
        "text_info": _text_info(statement.evidence),
        "cite_info": _cite_info(report),
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
    plover = acled_events().get(event.sub_event_type or "")
    if plover is None:
        return None
    article = report.article
    evidence = _telling(event)
    sides = {"actor1": _side(event, "actor1", event.inter1, event.assoc_actor_1),
             "actor2": _side(event, "actor2", event.inter2, event.assoc_actor_2)}
    source = [actor for side in plover.get("source", ["actor1"]) for actor in sides[side]]
    recipient = [actor for side in plover.get("recipient", ["actor2"]) for actor in sides[side]]
    return {
        "id": f"{article.id}:{event.id}",
        "date": event.event_date.isoformat() if event.event_date else None,
        "event": [plover["event"]],
        "mode": _words(plover.get("mode")),
        "context": _words(plover.get("context")),
        "sub_event_type": event.sub_event_type,
        "actor": source[0]["acled_name"] if source else None,
        "source": source,
        "recipient": recipient,
        "location": event.location,
        "event_loc": _event_loc(event),
        "text": evidence.text if evidence else None,
        "text_info": _text_info(evidence),
        "cite_info": _cite_info(report),
        "start": evidence.start if evidence else None,
        "end": evidence.end if evidence else None,
        "claimed_by": list(event.claimed_by),
        "article_id": article.id,
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
    }


def _text_info(span: Span | None) -> dict[str, Any] | None:
    """PLOVER's text information object: where `text` lies in the article (offsets into its cleaned text)."""
    return {"start": span.start, "end": span.end} if span is not None else None


def _cite_info(report: Report) -> dict[str, Any]:
    """PLOVER's citation object for the article a record was coded from, and what coded it."""
    article = report.article
    coder = f"dateline {report.pipeline_version}" if report.pipeline_version else "dateline"
    return {"citation": article.id, "url": article.url, "title": article.title, "language": article.language,
            "publication": article.publisher, "coder": coder, "codebook": packaged_yaml("plover.yaml").get("version")}


def _words(value: str | list[str] | None) -> list[str] | None:
    """PLOVER's list form of a mode or context from plover.yaml (one word or several); null when none applies,
    as PLOVER asks, never an empty list."""
    if not value:
        return None
    return [value] if isinstance(value, str) else list(value)


def _listed(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [actor] if actor is not None else []


def _side(event: Event, field: str, inter: int | None, associated: str | None) -> list[dict[str, Any]]:
    """One ACLED side as PLOVER actor objects: the actor, then its associated actors (ACLED's assoc_actor_1/2,
    several joined with ";"), which PLOVER lists as further members of the same source or recipient. The inter
    code is the actor's alone, so an associated actor's sector comes from its name only."""
    names = [name.strip() for name in (associated or "").split(";")]
    actors = [actor_object(getattr(event, field), inter, _said(event, field), event.country)]
    actors += [actor_object(name, None, None, event.country) for name in names if name]
    return [actor for actor in actors if actor is not None]


def _said(event: Event, field: str) -> str | None:
    span = event.evidence.get(field)
    return span.text if span is not None else None


def _event_loc(event: Event) -> dict[str, Any] | None:
    """PLOVER's location object (GeoNames' field names, plus `cc3`, the ISO alpha-3 code), or None without a place."""
    loc = {"geonameid": event.geonameid, "name": event.location, "latitude": event.latitude,
           "longitude": event.longitude, "cc3": default_codebook().iso3(event.country)}
    return loc if any(value is not None for value in loc.values()) else None


def _telling(event: Event) -> Span | None:
    """The passage the event was coded from: the mention holding its sub-type's evidence. Mentions run in text
    order, so the first is often a headline that only repeats the event."""
    trigger = event.evidence.get("sub_event_type")
    if trigger is not None:
        for mention in event.mentions:
            if mention.start <= trigger.start and trigger.end <= mention.end:
                return mention
    return event.mentions[0] if event.mentions else None


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
