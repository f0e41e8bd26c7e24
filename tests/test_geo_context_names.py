"""Names the gazetteer lacks that stand where places stand, with no place word before them (geo23): a lower-case
place word after the name ("the Kirumba district"), a capitalised natural feature after it ("the Jazal
Mountains"), the object of a verb that acts on places ("attacks on Tobanga"), an apposition ("Ukundi, a small
town in ..."). The toponym recognizer decides each; persons, kinds of place and organisations stay out.
Sentences of our own, none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _places(resources, text: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shelling hit the Kirumba district of Aleppo on Tuesday.", "Kirumba"),
        ("Gunmen killed four farmers in an attack on Tobanga village in Benue State.", "Tobanga"),
        ("Militants fired on the Dambari and Wuzalo districts of Maiduguri overnight.", "Wuzalo"),
        ("Government forces pushed the rebels out of the Hazrami Plains of east Aleppo.", "Hazrami Plains"),
    ],
)
def test_an_unknown_name_standing_where_places_stand_is_a_place(resources, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    found = _places(resources, text)
    assert name in found, list(found)


def test_an_unknown_village_is_kept_in_the_state_the_text_writes(resources) -> None:  # type: ignore[no-untyped-def]
    place = _places(resources, "Gunmen killed four farmers in an attack on Tobanga village in Benue State.")["Tobanga"]
    assert place.country == "Nigeria" and place.admin1 == "Benue"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Residents said an Eggon community had been spared.", "Eggon"),  # a kind of community, not its name
        ("Protesters attacked the Barclays branch in Lagos on Monday.", "Barclays"),  # a thing the name modifies
        ("The court heard that the attack against Mariano Herran Salvatti was planned.", "Mariano Herran Salvatti"),
    ],
)
def test_a_name_that_only_looks_placed_is_no_place(resources, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name not in _places(resources, text)
