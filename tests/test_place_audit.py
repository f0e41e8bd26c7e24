"""The place audit (`tools/place_audit.py`): an event whose country only its own place supports, in a report
whose other places point elsewhere, is listed; one the report supports, by a place or a demonym, is not.
Reports here are built by hand."""

from __future__ import annotations

import sys
from pathlib import Path

from test_store_fixtures import make_article, make_event, span_of

from dateline.codebook import default_codebook
from dateline.model import Place, Report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import place_audit

TEXT = ("Rioters blocked roads in Oran and Tlemcen on Sunday. "
        "Shops were looted overnight, newspapers including El Watan reported.")


def _place(text: str, name: str, country: str) -> Place:
    return Place(mention=name, span=span_of(text, name), kind="city", name=name, country=country)


def _report(event_country: str, text: str = TEXT) -> Report:
    article = make_article(text)
    event = make_event(text, "looted", country=event_country, location="Vatan",
                       evidence={"location": span_of(text, "El Watan")})
    places = [_place(text, "Oran", "Algeria"), _place(text, "Tlemcen", "Algeria"),
              _place(text, "El Watan", event_country)]
    return Report(pipeline_version="test", article=article, events=[event], places=places)


def test_an_event_only_its_own_place_puts_abroad_is_listed() -> None:
    assert len(place_audit.unsupported(_report("France"), default_codebook())) == 1


def test_an_event_in_the_reports_country_is_not_listed() -> None:
    assert place_audit.unsupported(_report("Algeria"), default_codebook()) == []


def test_a_demonym_of_the_events_country_supports_it() -> None:
    report = _report("France", TEXT.replace("Shops were", "French shops were"))
    assert place_audit.unsupported(report, default_codebook()) == []
