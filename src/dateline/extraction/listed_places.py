"""One event per place of a list: "airstrikes near Haditha, Mosul and Qaim", "protests in Basra, Nasiriyah and
Baghdad on Friday". ACLED codes an event per location and day, so one act told of several listed places is one
event at each (docs/codebook.md, section 4; docs/annotation.md codes them so). The rules find the act once, at
the place `place_for_event` chose, and the decision and the incident model judge it once; this last step finds
the list that place belongs to and copies the event to every other item. The copies are made after the
decision (they are the same act: as probable as it) and after retellings are folded (a later sentence that
tells the same act, "... fired back, killing several", shapes every copy alike).

A list here is two to six resolved places of one sentence at the same level (towns or provinces),
joined by commas and a final "and"/"or" (the last item may be a name the place index lacks: "near Haditha,
Mosul and Tell Marfouzat" gives Haditha and Mosul their events, and no place for the third). Names of different
levels joined by commas are a written hierarchy ("Tonala, Jalisco and Zapopan"), not a list. A list after
"from", "to" or "between" names where people came from or a route's ends, not where the act happened, and stays
one event.
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from dateline.codebook import Codebook
from dateline.extraction.actors import ActorMention, actor_name
from dateline.extraction.events import (
    DEMONSTRATION_TYPES,
    NO_DEATH_TYPES,
    event_id_cnty,
    fill_place,
    handling_told_of,
)
from dateline.extraction.fatalities import count_fatalities
from dateline.extraction.incidents import PLACE_FIELDS
from dateline.extraction.notes import make_note
from dateline.geo.resolve import list_closes_with_unknown_name
from dateline.model import Actor, Article, Event, Place

MAX_ITEMS = 6  # longer runs of names are roll calls ("delegates from France, Germany, …"), not one act's places
_COMMA = re.compile(r"^\s*,\s*(?:the\s+)?$")
_AND_OR = re.compile(r"^\s*,?\s*(?:and|or)\s+(?:the\s+)?$")
# Countries are left out: a list of countries in news is who takes part or where people cross to ("units engaged
# in Syria from Britain and France", "warrants executed in the US, Britain and Norway"), rarely one act's places.
_LEVEL = {"city": "town", "landmark": "town", "admin2": "division", "admin1": "division"}
# Prepositions whose list is not where the act happened: origins, destinations and routes.
_NOT_WHERE = {"from", "to", "between", "towards", "toward"}
_LOOKBACK = 8  # tokens before the list's first name searched for its preposition ("near three border towns, …")


def one_event_per_listed_place(events: list[Event], places: list[Place], doc: Doc, article: Article,
                               book: Codebook) -> list[Event]:
    """The events, each followed by a copy at every other place of the list its place belongs to. A copy carries
    no toll (a figure told for the whole act belongs to no one place, and counting it at every place would
    multiply the dead: codebook section 6, conservative) and is left out where the report already has an event
    of that type at that place and date."""
    taken = {_key(e) for e in events}
    next_id = 1 + max((int(e.id[1:]) for e in events if e.id[1:].isdigit()), default=0)
    out: list[Event] = []
    for event in events:
        out.append(event)
        for place in _other_listed_places(event, places, doc):
            copy = _copy_at(event, place, book, article, f"E{next_id}")
            if event.sub_event_type in DEMONSTRATION_TYPES:
                _handled_there(copy, event, place, doc, book)
            if _key(copy) not in taken:
                taken.add(_key(copy))
                out.append(copy)
                next_id += 1
    return out


def _key(event: Event) -> tuple[object, ...]:
    return event.event_type, event.country, event.admin1, event.location, event.event_date


def _other_listed_places(event: Event, places: list[Place], doc: Doc) -> list[Place]:
    """The other places of the list the event's place belongs to, when that list is in the event's own sentence."""
    where, trigger = event.evidence.get("location"), event.evidence.get("sub_event_type")
    if where is None or trigger is None:
        return []
    span = doc.char_span(where.start, where.end, alignment_mode="expand")
    said = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or said is None or span.sent.start != said.sent.start:
        return []
    own = next((p for p in places if (p.span.start, p.span.end) == (where.start, where.end)), None)
    items = listed_places(own, places, span.sent) if own is not None else []
    return [p for p in items if p is not own]


def _copy_at(event: Event, place: Place, book: Codebook, article: Article, event_id: str) -> Event:
    copy = event.model_copy(deep=True)
    evidence = {k: v for k, v in copy.evidence.items() if k not in {"location", "fatalities"}}
    for name in PLACE_FIELDS:  # the act's place goes whole; fill_place sets what the listed place has
        setattr(copy, name, None)
    fill_place(copy, place, book, evidence)
    copy.evidence = evidence
    copy.id, copy.fatalities = event_id, None
    copy.notes = make_note(copy, None)
    copy.event_id_cnty = event_id_cnty(copy, article)
    return copy


def _handled_there(copy: Event, event: Event, place: Place, doc: Doc, book: Codebook) -> None:
    """A demonstration's copy at one listed place takes what the next sentences tell of that place alone: how
    the authorities handled it there and its dead ("... in Mombasa, Kisumu and Nakuru. In Nakuru, police used
    live bullets, and one man died of gunshot wounds")."""
    sub, fatal = handling_told_of(place, event, doc)
    if copy.sub_event_type == "Peaceful protest" and sub != "Peaceful protest":
        copy.sub_event_type, copy.event_type, copy.disorder_type = sub, book.event_type_of(sub), book.disorder_type_of(sub)
        if copy.actor2 is None:  # the authorities that intervened, as a demonstration's own sentence names them
            iso3 = book.iso3(copy.country) if copy.country else None
            copy.actor2, copy.inter2 = actor_name(ActorMention("police", 0, 0, ""), iso3, book)
            copy.interaction = book.interaction(copy.inter1, copy.inter2)
            copy.actors = [*copy.actors[:1], Actor(name=copy.actor2, inter=copy.inter2,
                                                   inter_label=book.inter_label(copy.inter2), country=copy.country)]
    figure = count_fatalities(fatal.text).value if fatal is not None else None
    if fatal is not None and figure is not None and copy.sub_event_type not in NO_DEATH_TYPES:
        copy.fatalities = figure
        copy.evidence["fatalities"] = fatal
    copy.notes = make_note(copy, None)


def listed_places(place: Place, places: list[Place], sent: SpacySpan) -> list[Place]:
    """The places of the list `place` is an item of (itself included), or [] when it is in none."""
    text = sent.doc.text
    inside = sorted((p for p in places if sent.start_char <= p.span.start and p.span.end <= sent.end_char),
                    key=lambda p: p.span.start)
    # found by its words' span: the event's place may be an adjusted copy of the sentence's (place_for_event)
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
    """The nearest preposition before the list, within a few words ("near three towns, Haditha, …")."""
    doc = sent.doc
    start = doc.char_span(first.span.start, first.span.end, alignment_mode="expand")
    if start is None:
        return None
    for i in range(start.start - 1, max(sent.start, start.start - _LOOKBACK) - 1, -1):
        if doc[i].pos_ == "ADP" or doc[i].dep_ == "prep":
            return doc[i].lower_
    return None
