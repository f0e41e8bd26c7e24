"""What a reviewer's correction may set, checked against the ACLED codebook, and the fields it implies.

`apply_corrections(current, changes, book)` returns the corrected Event or raises ValueError with one line
naming the field. Derived columns follow what the reviewer set, as the extractor derives them: `year` from
`event_date`, `event_type` and `disorder_type` from `sub_event_type`, `interaction` from `inter1`/`inter2`,
`iso` and `region` from `country` (spelled as ACLED spells it). Setting a derived column to a value that
contradicts its source is refused instead of silently overwritten; `sub_event_type` cannot be cleared.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from dateline.codebook import Codebook
from dateline.model import CIVILIAN_TARGETING, SOURCE_SCALES, Event
from dateline.store.tables import EventRow

INT_RANGE = (-(2**31), 2**31 - 1)  # PostgreSQL `integer`; SQLite would take more, exports would not
FATALITIES_MAX = 1_000_000


def apply_corrections(current: Event, changes: dict[str, Any], book: Codebook) -> Event:
    """`current` with `changes` applied, validated and with derived fields recomputed."""
    try:
        updated = Event.model_validate({**current.model_dump(), **changes})
    except ValidationError as err:
        first = err.errors()[0]
        raise ValueError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    _check_ranges(updated, changes)
    derived: dict[str, Any] = {}
    derived.update(_date_fields(updated, changes))
    derived.update(_type_fields(updated, changes, book))
    derived.update(_inter_fields(updated, changes, book))
    derived.update(_country_fields(updated, changes, book))
    derived.update(_vocabulary_fields(updated, changes))
    return updated.model_copy(update=derived)


def _check_ranges(event: Event, changes: dict[str, Any]) -> None:
    for name in changes:
        value = getattr(event, name)
        if value is None:
            continue
        column = EventRow.__table__.c[name]
        length = getattr(column.type, "length", None)
        if isinstance(value, str) and length and len(value) > length:
            raise ValueError(f"{name}: at most {length} characters")
        if isinstance(value, int) and not isinstance(value, bool) and not INT_RANGE[0] <= value <= INT_RANGE[1]:
            raise ValueError(f"{name}: {value} is out of range")
    bounds = {"latitude": (-90.0, 90.0), "longitude": (-180.0, 180.0), "fatalities": (0, FATALITIES_MAX)}
    for name, (low, high) in bounds.items():
        value = getattr(event, name)
        if name in changes and value is not None and not low <= value <= high:
            raise ValueError(f"{name}: {value} is outside {low:g}..{high:g}")


def _date_fields(event: Event, changes: dict[str, Any]) -> dict[str, Any]:
    if "year" in changes and event.event_date and event.year != event.event_date.year:
        raise ValueError(f"year: {event.year} contradicts event_date {event.event_date}; correct event_date")
    if "event_date" in changes:
        return {"year": event.event_date.year if event.event_date else None}
    return {}


def _type_fields(event: Event, changes: dict[str, Any], book: Codebook) -> dict[str, Any]:
    if not {"sub_event_type", "event_type", "disorder_type"} & set(changes):
        return {}
    sub = event.sub_event_type
    if sub is None and "sub_event_type" in changes:
        # event_type and disorder_type follow the sub-type, so clearing it would leave a pair the codebook
        # does not hold
        raise ValueError("sub_event_type: cannot be cleared; set another sub-event type, or reject the event")
    if sub is None:
        if event.event_type is not None and event.event_type not in book.event_types:
            raise ValueError(f"event_type: {event.event_type!r} is not an ACLED event type")
        return {}
    if sub not in book.sub_event_types:
        raise ValueError(f"sub_event_type: {sub!r} is not an ACLED sub-event type (see docs/codebook.md)")
    spec = book.sub_event_types[sub]
    for name, implied in (("event_type", spec.event_type), ("disorder_type", spec.disorder_type)):
        given = getattr(event, name)
        if name in changes and "sub_event_type" not in changes and given != implied:
            raise ValueError(f"{name}: {given!r} does not fit sub_event_type {sub!r}; correct sub_event_type")
        if name in changes and "sub_event_type" in changes and given not in (None, implied):
            raise ValueError(f"{name}: {given!r} does not fit sub_event_type {sub!r} (it is {implied!r})")
    return {"event_type": spec.event_type, "disorder_type": spec.disorder_type}


def _inter_fields(event: Event, changes: dict[str, Any], book: Codebook) -> dict[str, Any]:
    for name in ("inter1", "inter2"):
        code = getattr(event, name)
        if name in changes and code is not None and code not in book.inter_codes:
            known = ", ".join(str(c) for c in sorted(book.inter_codes))
            raise ValueError(f"{name}: {code} is not an ACLED inter code ({known})")
    if not {"inter1", "inter2", "interaction"} & set(changes):
        return {}
    implied = book.interaction(event.inter1, event.inter2)
    if "interaction" in changes and event.interaction != implied:
        raise ValueError(f"interaction: {event.interaction} does not follow from inter1/inter2 ({implied})")
    return {"interaction": implied}


def _country_fields(event: Event, changes: dict[str, Any], book: Codebook) -> dict[str, Any]:
    if not {"country", "iso", "region"} & set(changes):
        return {}
    if event.country is None:
        return {"iso": None, "region": None}
    iso3 = book.iso3(event.country)
    if iso3 is None:
        raise ValueError(f"country: {event.country!r} is not a country the codebook knows")
    iso, region = book.iso_numeric(iso3), book.region(iso3)
    for name, implied in (("iso", iso), ("region", region)):
        if name in changes and getattr(event, name) != implied:
            raise ValueError(f"{name}: {getattr(event, name)!r} does not fit country {event.country!r} "
                             f"({implied!r}); correct country")
    return {"country": book.country_name(iso3), "iso": iso, "region": region}


def _vocabulary_fields(event: Event, changes: dict[str, Any]) -> dict[str, Any]:
    """civilian_targeting and source_scale take only ACLED's words (any case, written as ACLED spells them)."""
    derived: dict[str, Any] = {}
    if "civilian_targeting" in changes and event.civilian_targeting is not None:
        if event.civilian_targeting.strip().lower() != CIVILIAN_TARGETING.lower():
            raise ValueError(f"civilian_targeting: {event.civilian_targeting!r} is not ACLED's value: use "
                             f"{CIVILIAN_TARGETING!r}, or null when civilians were not the target")
        derived["civilian_targeting"] = CIVILIAN_TARGETING
    if "source_scale" in changes and event.source_scale is not None:
        known = {scale.lower(): scale for scale in SOURCE_SCALES}
        parts = [part.strip().lower() for part in event.source_scale.split("-")]
        unknown = [part for part in parts if part not in known]
        if unknown:
            raise ValueError(f"source_scale: {unknown[0]!r} is not an ACLED source scale ({', '.join(SOURCE_SCALES)}; "
                             "join several with '-', e.g. 'National-International')")
        derived["source_scale"] = "-".join(scale for scale in SOURCE_SCALES if scale.lower() in parts)
    return derived
