"""ACLED CSV export: exactly ACLED's 31 columns, in ACLED's order, UTF-8, loadable with ACLED's dtypes.

`write_acled_csv(reports_or_events, out)` writes one row per event. Unknown fatalities (null in the model) are
0, as in ACLED. An event with no date (none in its text, no article date) leaves `event_date`, `year`,
`time_precision` and `timestamp` empty: 0 would read as year 0 and 1 January 1970. `inter_labels=True` writes
the newer text labels ("State forces", "State forces-Protesters") in inter1/inter2/interaction instead of the
classic numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from dateline.codebook import Codebook, default_codebook
from dateline.model import Article, Event, Report, make_event_id_cnty, parse_event_id_cnty

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# pandas dtypes of an ACLED export (numeric inter codes); pass to `pd.read_csv(..., dtype=ACLED_DTYPES)`.
# year, time_precision and timestamp are nullable ("Int64"): an undated event leaves them empty.
ACLED_DTYPES: dict[str, str] = {
    "event_id_cnty": "string", "event_date": "string", "year": "Int64", "time_precision": "Int64",
    "disorder_type": "string", "event_type": "string", "sub_event_type": "string", "actor1": "string",
    "assoc_actor_1": "string", "inter1": "int64", "actor2": "string", "assoc_actor_2": "string", "inter2": "int64",
    "interaction": "int64", "civilian_targeting": "string", "iso": "int64", "region": "string", "country": "string",
    "admin1": "string", "admin2": "string", "admin3": "string", "location": "string", "latitude": "float64",
    "longitude": "float64", "geo_precision": "int64", "source": "string", "source_scale": "string",
    "notes": "string", "fatalities": "int64", "tags": "string", "timestamp": "Int64",
}


def _events(items: Iterable[Report | Event | tuple[Event, Article | None]]) -> Iterator[tuple[Event, Article | None]]:
    for item in items:
        if isinstance(item, Report):
            for event in item.events:
                yield event, item.article
        elif isinstance(item, tuple):  # a stored event with its article (`dateline export`)
            yield item
        else:
            yield item, None


def acled_row(event: Event, article: Article | None = None, *, inter_labels: bool = False,
              codebook: Codebook | None = None) -> dict[str, object]:
    """One ACLED row (column → value) for an event; empty strings where ACLED leaves a cell blank."""
    book = codebook or default_codebook()
    # an undated event takes the report's date, except one known only to its year (no day to give it)
    day = event.event_date or (article.published if article and "year_only_date" not in event.flags else None)
    iso3 = book.iso3(event.country) if event.country else None
    inter1, inter2 = event.inter1 or 0, event.inter2 or 0
    if inter_labels:
        i1: object = book.inter_label(inter1)
        i2: object = book.inter_label(inter2)
        interaction: object = book.interaction_label(inter1, inter2)
    else:
        i1, i2 = inter1, inter2
        interaction = event.interaction if event.interaction is not None else (book.interaction(inter1, inter2) or 0)
    sources = list(dict.fromkeys([*event.claimed_by, *([event.source] if event.source else [])]))
    published = article.published if article else None
    timestamp = event.timestamp if event.timestamp is not None else (
        int(dt.datetime.combine(published, dt.time(), tzinfo=dt.UTC).timestamp()) if published else "")
    iso = event.iso if event.iso is not None else (book.iso_numeric(iso3) or 0)
    return {
        "event_id_cnty": (event.event_id_cnty if parse_event_id_cnty(event.event_id_cnty)
                          else _stable_id(iso3, event, article)),
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else (event.year or ""),
        "time_precision": (event.time_precision or 3) if day or event.year else "",
        "disorder_type": event.disorder_type or "",
        "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": event.actor1 or "",
        "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": i1,
        "actor2": event.actor2 or "",
        "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": event.civilian_targeting or "",
        "iso": iso,
        "region": event.region or book.region(iso3) or "",
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": event.admin3 or "",
        "location": event.location or event.country or "",
        "latitude": "" if event.latitude is None else round(event.latitude, 4),
        "longitude": "" if event.longitude is None else round(event.longitude, 4),
        "geo_precision": event.geo_precision or 3,
        "source": "; ".join(sources),
        "source_scale": event.source_scale or "",
        "notes": event.notes or "",
        "fatalities": event.fatalities or 0,
        "tags": event.tags or "",
        "timestamp": timestamp,
    }


# Cells a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, and tab / CR, which some
# spreadsheets strip before reading the rest as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """A text cell starting like a formula, prefixed with `'` so a spreadsheet shows it as text (OWASP).

    Numbers stay numbers (a negative latitude is data, not a formula); only text is touched.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: dict[str, object]) -> dict[str, object]:
    """Every text cell of a CSV row neutralised (see `neutralise_cell`); for every CSV dateline writes."""
    return {name: neutralise_cell(value) for name, value in row.items()}


def write_acled_csv(reports_or_events: Iterable[Report | Event | tuple[Event, Article | None]],
                    out: str | Path | IO[str], *,
                    inter_labels: bool = False, header: bool = True) -> int:
    """Write ACLED CSV rows for every event (of reports, alone, or as (event, article) pairs, whose article
    gives an undated event its date and every row its timestamp); `out` is a path or a text stream. Returns
    the number of rows."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return write_acled_csv(reports_or_events, handle, inter_labels=inter_labels, header=header)
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    if header:
        writer.writeheader()
    count = 0
    for event, article in _events(reports_or_events):
        writer.writerow(safe_row(acled_row(event, article, inter_labels=inter_labels)))
        count += 1
    return count


def acled_csv(reports_or_events: Iterable[Report | Event], *, inter_labels: bool = False) -> str:
    """The ACLED CSV as a string (header included)."""
    buf = io.StringIO()
    write_acled_csv(reports_or_events, buf, inter_labels=inter_labels)
    return buf.getvalue()


def _stable_id(iso3: str | None, event: Event, article: Article | None) -> str:
    """A dateline id ("DL-IRQ-…") that is the same in every process (Python's hash() is salted per process)."""
    basis = "|".join(str(x) for x in (article.content_hash or article.id if article else "", event.id,
                                      event.event_date, event.sub_event_type, event.location, event.notes))
    return make_event_id_cnty(iso3, basis)

