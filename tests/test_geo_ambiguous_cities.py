"""Geocoding: a city name two large towns in different countries bear, with nothing in the text to decide,
is said to be a guess (geo11). Sentences are our own; the first test fails without the change."""

from __future__ import annotations

from dateline.geo.resolve import AMBIGUOUS_CONFIDENCE, geocode_text


def _located(resources, text: str):  # type: ignore[no-untyped-def]
    return [p for p in geocode_text(text, resources) if p.latitude is not None]


def test_a_city_name_two_countries_share_with_no_evidence_is_a_flagged_guess(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "Students marched to the town hall in Valencia on Monday.")
    assert len(places) == 1
    assert places[0].confidence <= AMBIGUOUS_CONFIDENCE
    assert places[0].reason is not None and places[0].reason.startswith("ambiguous:")
    assert "Spain" in places[0].reason and "Venezuela" in places[0].reason


def test_a_demonym_decides_the_ambiguous_city_and_it_is_not_flagged(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "Spanish students marched to the town hall in Valencia on Monday.")
    assert [p.country for p in places if p.mention == "Valencia"] == ["Spain"]
    assert all(not (p.reason or "").startswith("ambiguous:") for p in places)


def test_a_city_that_dwarfs_its_namesakes_is_not_flagged(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "Police fired tear gas at protesters in Nairobi.")
    assert [p.country for p in places] == ["Kenya"]
    assert places[0].confidence > AMBIGUOUS_CONFIDENCE
