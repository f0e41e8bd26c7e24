"""One ACLED-style note per event, generated from its fields and the clause that reports it:
"On 30 October 2019, demonstrators attempted to storm the Iranian embassy in Baghdad (Baghdad). [size=no report]"."""

from __future__ import annotations

import datetime as dt
import re

from dateline.model import Event

_LEAD = re.compile(r"^[\s\"“”‘’'(\[]+|[\s\"“”‘’')\]]+$")
_TRAIL = re.compile(r",?\s+(?:according to|citing|reported|as reported by|said|says|the report (?:adds|reads))\b.*$",
                    re.IGNORECASE)
_LEADING_DATE = re.compile(r"^(?:on|around|between|during|in|last|this|early|late)\b[^,]{0,40},\s+", re.IGNORECASE)


_COMMON_STARTS = {"the", "a", "an", "these", "this", "those", "some", "several", "many", "hundreds", "thousands",
                  "dozens", "angry", "demonstrators", "protesters", "rioters", "gunmen", "police", "security",
                  "unidentified", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "armed",
                  "residents", "villagers", "students", "workers", "militants", "soldiers", "troops", "they",
                  "more", "at", "over", "about", "around", "suspected", "unknown", "local", "members", "supporters"}
_TEMPLATES = {
    "Peaceful protest": "{a1} demonstrated", "Protest with intervention": "{a2} intervened in a demonstration by {a1}",
    "Excessive force against protesters": "{a2} used force against {a1}",
    "Violent demonstration": "{a1} rioted", "Mob violence": "{a1} attacked {a2}",
    "Armed clash": "{a1} clashed with {a2}", "Government regains territory": "{a1} regained territory from {a2}",
    "Non-state actor overtakes territory": "{a1} took territory from {a2}",
    "Air/drone strike": "{a1} carried out an air or drone strike on {a2}",
    "Shelling/artillery/missile attack": "{a1} shelled {a2}", "Remote explosive/landmine/IED": "an explosive device hit {a2}",
    "Suicide bomb": "a suicide bomber attacked {a2}", "Grenade": "{a1} threw a grenade at {a2}",
    "Chemical weapon": "{a1} used a chemical weapon against {a2}", "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}", "Sexual violence": "{a1} sexually assaulted {a2}",
    "Arrests": "{a1} arrested {a2}", "Agreement": "{a1} reached an agreement with {a2}",
    "Change to group/activity": "{a1} changed its activity", "Disrupted weapons use": "{a1} disrupted a weapons use",
    "Headquarters or base established": "{a1} established a base", "Looting/property destruction": "{a1} looted or destroyed property",
    "Non-violent transfer of territory": "{a1} handed over territory", "Other": "{a1}: {sub}",
}


def format_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def clause_for_note(text: str) -> str:
    """The reporting clause cleaned for a note: quotes and attribution tails removed, lower-cased start."""
    clause = _LEAD.sub("", text.strip())
    clause = _TRAIL.sub("", clause)
    clause = _LEADING_DATE.sub("", clause)
    clause = clause.rstrip(" .,;:")
    first = clause.split(" ", 1)[0].lower() if clause else ""
    if first in _COMMON_STARTS:
        clause = clause[0].lower() + clause[1:]
    return clause


def make_note(event: Event, clause: str | None) -> str:
    """ACLED's note: date, what happened (from the reporting clause), place with admin1, fatalities, size."""
    parts: list[str] = []
    when = f"On {format_date(event.event_date)}, " if event.event_date else ""
    what = clause_for_note(clause) if clause else ""
    if not what or len(what) > 240 or len(what) < 20:
        what = _template(event)
    where = ""
    if event.location and event.location.lower() not in what.lower():
        where = f" in {event.location}"
    admin = f" ({event.admin1})" if event.admin1 else (f" ({event.country})" if event.country and not where else "")
    parts.append(f"{when}{what}{where}{admin}.")
    if event.fatalities:
        parts.append(f"{event.fatalities} {'fatality' if event.fatalities == 1 else 'fatalities'}.")
    if event.event_type in {"Protests", "Riots"}:
        parts.append("[size=no report]")
    note = " ".join(parts)
    return note[0].upper() + note[1:] if note else note


def _template(event: Event) -> str:
    a1 = event.actor1 or "an unidentified group"
    a2 = event.actor2 or "unidentified targets" if "{a2}" in _TEMPLATES.get(event.sub_event_type or "", "") else ""
    out = _TEMPLATES.get(event.sub_event_type or "", "{a1}: {sub}").format(a1=a1, a2=a2 or "unidentified actors",
                                                                              sub=event.sub_event_type)
    return out
