"""The own-gold place check (benchmarks/event_gold.py): a coder's spelling that the gazetteer keeps as an alternate
name of the place the event was put at is the same place."""

from __future__ import annotations

from benchmarks.event_gold import location_agrees
from benchmarks.geo_bench import same_name
from dateline.model import Event
from dateline.resources import Resources


def _event_at(resources: Resources, name: str, cc: str) -> Event:
    gaz = resources.gazetteer
    entry = max((e for e in gaz.lookup(name, loose=False) if e.cc == cc), key=lambda e: e.population)
    return Event(id="E1", country=gaz.country_name(cc), location=entry.name, latitude=entry.latitude,
                 longitude=entry.longitude, geonameid=entry.geonameid, geo_precision=1)


def test_alternate_spelling_of_the_predicted_town_counts_as_that_town(resources: Resources) -> None:
    event = _event_at(resources, "Albu Kamal", "SY")
    assert location_agrees(event, "Abu Kamal", resources.gazetteer)


def test_another_town_is_still_a_miss(resources: Resources) -> None:
    event = _event_at(resources, "Albu Kamal", "SY")
    assert not location_agrees(event, "Raqqa", resources.gazetteer)
    assert not location_agrees(event, "Manbij", resources.gazetteer)


def test_an_event_without_a_gazetteer_record_is_compared_by_name_only(resources: Resources) -> None:
    event = Event(id="E1", country="Syria", location="Albu Kamal")
    assert not location_agrees(event, "Raqqa", resources.gazetteer)
    assert location_agrees(event, "Albu Kamal", resources.gazetteer)


def test_an_arabic_article_glued_to_the_name_is_the_same_name() -> None:
    # every scorer compares names with same_name: "Albu Kamal" is GeoNames' spelling of the coder's "Abu Kamal"
    assert same_name("Albu Kamal", "Abu Kamal")
    assert same_name("Abu-Kamal", "Albu Kamal")
    assert same_name("Ar Raqqah", "Raqqa")


def test_names_that_differ_beyond_the_article_stay_different() -> None:
    assert not same_name("Abu Kamal", "Abu Dhabi")
    assert not same_name("Albu Kamal", "Abu Ghraib")
    assert not same_name("Elgin", "Gin")  # one word: no glued article is read
    assert not same_name("Alton", "Ton")
    assert not same_name("Al Bab", "Al Bayda")
