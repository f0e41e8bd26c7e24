"""Names the gazetteer lacks that the text still marks as places (geo21): every item of a list after a plural
place word ("the villages of A, B and C"), hyphenated names ("the village of Umm Al-Qasab"), an unknown name
with a capitalised place word after it ("the Harabish District"), and a town's quarter in the "Town-Quarter"
form ("near Donetsk-Kirovskyi"). Sentences of our own, none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _places(resources, text: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Government troops seized the villages of Kafr Zita, Abu Dardiya and Bisrakan near Hama on Sunday.",
         ["Abu Dardiya", "Bisrakan"]),
        ("Militants raided three villages: Dakwazo, Tumbalo and Gashirma, in Borno State.", ["Tumbalo", "Gashirma"]),
        ("Shelling hit the districts of Bab Tuleib and Qarlaq in Aleppo overnight.", ["Qarlaq"]),
    ],
)
def test_every_item_of_a_list_after_a_plural_place_word_is_a_place(resources, text: str, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    found = _places(resources, text)
    for name in names:
        assert name in found, (name, list(found))


def test_a_hyphenated_unknown_name_after_a_place_word_is_one_place(resources) -> None:  # type: ignore[no-untyped-def]
    found = _places(resources, "Army units shelled the village of Hawsh Al-Dabbagh near Douma on Monday.")
    assert "Hawsh Al-Dabbagh" in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rebels stormed the Harabish District of Aleppo on Monday.", "Harabish District"),
        ("A car bomb exploded in the Al-Zuhour Neighborhood of Raqqa.", "Al-Zuhour Neighborhood"),
    ],
)
def test_an_unknown_name_with_a_place_word_after_it_is_a_place(resources, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in _places(resources, text)


def test_a_district_court_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    found = _places(resources, "The judge of the Kwabenya District Court in Accra ruled on Monday.")
    assert not any("Kwabenya" in name for name in found)


def test_a_quarter_written_after_its_town_is_placed_in_the_town(resources) -> None:  # type: ignore[no-untyped-def]
    found = _places(resources, "Monitors recorded 12 explosions near Donetsk-Oktiabrskyi on Tuesday.")
    place = next((p for name, p in found.items() if "Donetsk" in name), None)
    assert place is not None and place.country == "Ukraine" and place.admin1 and "Donetsk" in place.admin1


def test_a_road_between_two_towns_is_not_a_quarter(resources) -> None:  # type: ignore[no-untyped-def]
    found = _places(resources, "Gunmen fired at trucks on the Aleppo-Khanasser road on Monday.")
    assert not any(p.kind == "landmark" and "Khanasser" in name for name, p in found.items())
