"""Event type, sub-event type and country names in filters and alert rules, spelled as the codebook spells them.

Stored events carry the codebook's exact names, so a filter value in another case (`protests`) or a near
miss (`Protest`) would match nothing and read like "no such events". Here a name is matched without regard
to case and returned in the codebook's spelling; a name the codebook does not know is a ValueError on one
line that suggests the nearest names.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from dateline.codebook import Codebook, default_codebook

KINDS = {"event_type": "event type", "sub_event_type": "sub-event type"}


def _known(kinds: Sequence[str], book: Codebook) -> list[str]:
    names: list[str] = []
    if "event_type" in kinds:
        names += list(book.event_types)
    if "sub_event_type" in kinds:
        names += list(book.sub_event_types)
    return names


def canonical_types(values: Iterable[str], kinds: Sequence[str] = ("event_type",),
                    book: Codebook | None = None) -> list[str]:
    """Each value in the codebook's spelling; ValueError naming the first unknown one and the nearest names."""
    known = _known(kinds, book or default_codebook())
    by_lower = {name.lower(): name for name in known}
    out = []
    for value in values:
        name = by_lower.get(value.strip().lower())
        if name is None:
            label = " or ".join(KINDS[k] for k in kinds)
            near = difflib.get_close_matches(value.strip().lower(), list(by_lower), n=3, cutoff=0.6)
            hint = f"did you mean {', '.join(by_lower[n] for n in near)}?" if near else f"one of {', '.join(known)}"
            raise ValueError(f"{value!r} is not an ACLED {label}: {hint}")
        out.append(name)
    return out


def canonical_countries(values: Iterable[str], book: Codebook | None = None) -> list[str]:
    """Each country as stored events spell it (ACLED's name, from a name, an alias or an ISO code): "IRQ" or
    "Irak" would match no event. ValueError naming the first value no country has and the nearest names."""
    import pycountry

    book = book or default_codebook()
    out = []
    for value in values:
        iso3 = book.iso3(value) or book.alias_iso3(value)
        if iso3 is None:
            known = {book.country_name(c.alpha_3).lower(): book.country_name(c.alpha_3) for c in pycountry.countries}
            near = difflib.get_close_matches(value.strip().lower(), list(known), n=3, cutoff=0.6)
            hint = f"did you mean {', '.join(known[n] for n in near)}?" if near else "give its name or ISO code"
            raise ValueError(f"{value!r} is no country: {hint}")
        out.append(book.country_name(iso3))
    return out
