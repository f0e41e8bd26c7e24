"""One event per place of a list: "airstrikes near Haditha, Mosul and Qaim", "protests in Basra, Nasiriyah and
Baghdad on Friday". ACLED codes an event per location and day, so one act told of several listed places is one
event at each (docs/codebook.md, section 4; docs/annotation.md codes them so). The rules find the act once, at
the place `place_for_event` chose; this module finds the list that place belongs to and copies the candidate to
every other item.

A list here is two to six resolved places of one sentence at the same level (towns or provinces),
joined by commas and a final "and"/"or" (the last item may be a name the place index lacks: "near Haditha,
Mosul and Tell Marfouzat" gives Haditha and Mosul their events, and no place for the third). Names of different
levels joined by commas are a written hierarchy ("Tonala, Jalisco and Zapopan"), not a list. A list after "from", "to" or "between" names where people came from
or a route's ends, not where the act happened, and stays one event.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan

from dateline.geo.resolve import list_closes_with_unknown_name
from dateline.model import Place

if TYPE_CHECKING:
    from dateline.extract.events import Candidate

MAX_ITEMS = 6  # longer runs of names are roll calls ("delegates from France, Germany, …"), not one act's places
_COMMA = re.compile(r"^\s*,\s*(?:the\s+)?$")
_AND_OR = re.compile(r"^\s*,?\s*(?:and|or)\s+(?:the\s+)?$")
# Countries are left out: a list of countries in news is who takes part or where people cross to ("units engaged
# in Syria from Britain and France", "warrants executed in the US, Britain and Norway"), rarely one act's places.
_LEVEL = {"city": "town", "landmark": "town", "admin2": "division", "admin1": "division"}
# Prepositions whose list is not where the act happened: origins, destinations and routes.
_NOT_WHERE = {"from", "to", "between", "towards", "toward"}
_LOOKBACK = 8  # tokens before the list's first name searched for its preposition ("near three Iraqi cities, …")


def one_per_listed_place(cand: Candidate, places: list[Place], sent: SpacySpan) -> list[Candidate]:
    """The candidate, and a copy for every other place of the list its place belongs to (in text order, the
    rules' own place first). A copy carries no toll: a figure told for the whole act belongs to no one place, and
    counting it at every place would multiply the dead (codebook, section 6: conservative)."""
    items = listed_places(cand.place, places, sent) if cand.place is not None else []
    if len(items) < 2:
        return [cand]
    own = (cand.place.span.start, cand.place.span.end)
    copies = [dataclasses.replace(cand, place=p, fatality_text="") for p in items if (p.span.start, p.span.end) != own]
    return [cand, *copies]


def listed_places(place: Place, places: list[Place], sent: SpacySpan) -> list[Place]:
    """The places of the list `place` is an item of (itself included), or [] when it is in none."""
    text = sent.doc.text
    inside = sorted((p for p in places if sent.start_char <= p.span.start and p.span.end <= sent.end_char),
                    key=lambda p: p.span.start)
    # the event's place may be a copy of the sentence's (place_for_event adjusts it): found by its words' span
    k = next((i for i, p in enumerate(inside) if (p.span.start, p.span.end) == (place.span.start, place.span.end)), None)
    if k is None:
        return []
    first = last = k
    while first > 0 and _joined(text, inside[first - 1], inside[first]):
        first -= 1
    while last + 1 < len(inside) and _joined(text, inside[last], inside[last + 1]):
        last += 1
    items = inside[first : last + 1]
    gaps = [text[a.span.end : b.span.start] for a, b in itertools.pairwise(items)]
    closed = bool(gaps) and (_AND_OR.match(gaps[-1]) is not None
                             or list_closes_with_unknown_name(sent.doc, items[-1].span.end))
    if not 2 <= len(items) <= MAX_ITEMS or not closed:
        return []
    if len({_LEVEL.get(p.kind) for p in items}) != 1 or None in {_LEVEL.get(p.kind) for p in items}:
        return []
    keys = {(p.country, p.admin1, (p.within or p.name or "").lower()) for p in items}
    if len(keys) != len(items) or any(p.name is None for p in items):
        return []
    if _preposition_before(sent, items[0]) in _NOT_WHERE:
        return []
    return items


def _joined(text: str, a: Place, b: Place) -> bool:
    gap = text[a.span.end : b.span.start]
    return bool(_COMMA.match(gap) or _AND_OR.match(gap))


def _preposition_before(sent: SpacySpan, first: Place) -> str | None:
    """The nearest preposition before the list, within a few words ("near three Iraqi cities, Hit, …")."""
    doc = sent.doc
    start = doc.char_span(first.span.start, first.span.end, alignment_mode="expand")
    if start is None:
        return None
    for i in range(start.start - 1, max(sent.start, start.start - _LOOKBACK) - 1, -1):
        if doc[i].pos_ == "ADP" or doc[i].dep_ == "prep":
            return doc[i].lower_
    return None
