"""Geocoding: a village name that opens with the Arabic "tell" (mound) is found however the text writes that word
(Tal, Tall, Tel, Tell), as GeoNames keeps only some of the spellings (the loose key, `gazetteer.loose_key`).

Sentences are our own; the first test fails without the change."""

from __future__ import annotations

from dateline.geo.gazetteer import loose_key
from dateline.geo.resolve import geocode_text


def test_a_tal_name_finds_the_tell_spelling_of_geonames(resources) -> None:  # type: ignore[no-untyped-def]
    # GeoNames has the Homs village as "Talldaww" and "Tell Daou", not "Tal Daou" (fails before: no place at all)
    places = {p.mention: p for p in geocode_text("Shells fell on homes in Tal Daou, Homs province, on Sunday.",
                                                 resources)}
    assert places["Tal Daou"].name == "Talldaww" and places["Tal Daou"].country == "Syria"


def test_the_four_spellings_of_tell_share_one_loose_key() -> None:
    assert len({loose_key(f"{w} Daou") for w in ("Tal", "Tall", "Tel", "Tell")}) == 1
    # only an opening word of a longer name is read so: "Tel" alone, and a "tel" inside a name, are kept
    assert loose_key("Tel") != loose_key("Tal") and loose_key("Wadi Tel Amer") != loose_key("Wadi Tal Amer")
