"""Event type and sub-event type names in filters and alert rules, spelled as the codebook spells them.

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
