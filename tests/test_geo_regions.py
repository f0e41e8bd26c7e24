"""Geocoding: well-known regions the index lacks, read as the province(s) they lie in (geo15,
`geo/data/regions.json`).

Sentences are our own; each test fails without the region table."""

from __future__ import annotations

from dateline.geo.resolve import geocode_text


def _located(resources, text: str):  # type: ignore[no-untyped-def]
    return [p for p in geocode_text(text, resources) if p.latitude is not None]


def test_a_region_name_is_placed_at_a_province_of_its_country(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "Border guards found a crate of rifles in an abandoned barn in Donbass on Monday.")
    assert [(p.mention, p.country, p.admin1, p.geo_precision) for p in places] == [("Donbass", "Ukraine", "Donetsk", 3)]


def test_each_spelling_of_a_region_is_known(resources) -> None:  # type: ignore[no-untyped-def]
    for text in ("Artillery duels went on across the Donbas region through the night.",
                 "Militiamen on camels burned two hamlets in Darfur, aid workers said."):
        places = _located(resources, text)
        assert len(places) == 1 and places[0].geo_precision == 3
        assert places[0].country in {"Ukraine", "Sudan"}


def test_a_region_inside_an_organisation_name_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "Soldiers shelled positions of the Donbass People's Militia near Horlivka.")
    assert [p.mention for p in places] == ["Horlivka"]
