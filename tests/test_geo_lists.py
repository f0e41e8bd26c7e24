"""A list of places is not a written hierarchy: in "X, Y and Z governorates" the comma joins items of one list,
so X is not placed inside Y, and the plural place word gives every item its level (the province, not its
capital). "X, Y" alone, and "X, Y and in Z", keep reading Y as the division that holds X. Sentences of our own,
none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _places(resources, text: str):  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Airstrikes hit farms in Saada, Amran and Hajjah governorates overnight.", {"Saada": "Sadah", "Amran": "Amran", "Hajjah": "Hajjah"}),
        ("Militants attacked police posts in Kunar, Nangarhar and Laghman provinces.", {"Kunar": "Kunar", "Nangarhar": "Nangarhar", "Laghman": "Laghman"}),
        ("Clashes went on in Marib and Shabwah governorates all week.", {"Marib": "Marib", "Shabwah": "Shabwah"}),
        ("Protests were held in Kano, Kaduna and Katsina states on Friday.", {"Kano": "Kano", "Kaduna": "Kaduna", "Katsina": "Katsina"}),
    ],
)
def test_each_item_of_a_list_of_provinces_is_its_own_province(resources, text: str, names: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, text)
    for name, admin1 in names.items():
        place = places[name]
        assert (place.kind, place.admin1) == ("admin1", admin1), (name, place.reason)


def test_the_first_item_of_a_list_is_not_kept_inside_the_second(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Rockets fell on Saada, Amran and Sanaa on Tuesday, officials said.")
    assert "kept at" not in (places["Saada"].reason or "")
    assert places["Saada"].admin1 != places["Amran"].admin1


def test_a_town_and_its_province_stay_a_hierarchy(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Fighting was reported in Tonala, Jalisco and in Zapopan.")
    assert places["Tonala"].admin1 == "Jalisco" and places["Tonala"].country == "Mexico"
    assert places["Jalisco"].kind == "admin1"


@pytest.mark.parametrize(
    ("text", "first", "name", "admin1"),
    [
        ("Coalition aircraft struck targets near Haditha, Mosul and Qaryat Umm Hazim, the command said.",
         "Haditha", "Hadithah", "Al-Anbar"),
        ("Jets bombed positions around Palmyra, Manbij and Tell Marfouzat overnight.", "Palmyra", "Tadmur", "Homs"),
    ],
)
def test_a_list_whose_last_item_is_unknown_is_still_a_list(resources, text: str, first: str, name: str,  # type: ignore[no-untyped-def]
                                                            admin1: str) -> None:
    # before: with no third mention, "X, Y" was read as X inside Y's district and kept at Y
    place = _places(resources, text)[first]
    assert (place.name, place.admin1, place.geo_precision) == (name, admin1, 1), place.reason


def test_a_name_after_the_list_that_runs_on_into_a_clause_keeps_the_hierarchy(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Fighting was reported in Tonala, Jalisco and Federal police moved in.")
    assert places["Tonala"].admin1 == "Jalisco" and places["Tonala"].country == "Mexico"


def test_a_province_after_a_countrys_possessive_is_the_province(resources) -> None:  # type: ignore[no-untyped-def]
    # before: a town somewhere is also called Iraq, so "Iraq's Anbar" was read like "Beirut's Hamra" (a part of
    # a town) and Anbar became a landmark with no town to hold it: no place at all
    anbar = _places(resources, "The convoy crossed into Iraq’s Anbar province on Monday.")["Anbar"]
    assert (anbar.kind, anbar.admin1, anbar.country) == ("admin1", "Al-Anbar", "Iraq")
    hamra = _places(resources, "Gunmen attacked a cafe in Beirut's Hamra district on Monday.")["Hamra"]
    assert hamra.kind == "landmark" and hamra.admin1 == "Beirut"


@pytest.mark.parametrize(
    ("text", "big", "small"),
    [
        ("Dock workers walked out in Basra, Umm Qasr, Najaf on Sunday.", "Basra", "Umm Qasr"),
        ("Traders shut their stalls in Lagos, Ikorodu, Badagry on Monday.", "Lagos", "Ikorodu"),
    ],
)
def test_a_city_listed_before_a_smaller_town_is_not_inside_it(resources, text: str, big: str, small: str) -> None:  # type: ignore[no-untyped-def]
    # before: "X, Y" read the city of a million as a part of the smaller town after it, and the reasons said so
    places = _places(resources, text)
    assert f"inside {small}" not in (places[big].reason or ""), places[big].reason
    assert f"encloses {big}" not in (places[small].reason or ""), places[small].reason


def test_a_town_after_a_listed_city_it_does_not_hold_is_the_town(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "Umm Qasr, Najaf" made Najaf the province written around Umm Qasr, which lies in Basra province
    place = _places(resources, "Dock workers walked out in Basra, Umm Qasr, Najaf on Sunday.")["Najaf"]
    assert (place.kind, place.geo_precision) == ("city", 1), place.reason
    assert "by wording/hierarchy" not in (place.reason or "")


def test_a_province_written_after_a_big_town_it_holds_stays_the_province(resources) -> None:  # type: ignore[no-untyped-def]
    place = _places(resources, "Dock workers walked out in Umm Qasr, Basra on Sunday.")["Basra"]
    assert place.kind == "admin1", place.reason


def test_the_first_item_of_a_longer_list_is_not_kept_inside_the_second(resources) -> None:  # type: ignore[no-untyped-def]
    # before: only the pair right before "and" was read as a list; "Saada, Amran" stayed a hierarchy
    places = _places(resources, "Rockets fell on Saada, Amran, Hajjah and Sanaa on Tuesday, officials said.")
    assert "Amran" not in (places["Saada"].reason or ""), places["Saada"].reason
    assert places["Saada"].admin1 != places["Amran"].admin1
