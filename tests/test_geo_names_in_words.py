"""Names of places inside other words: a country or town glued to "-made", "-based", "-backed" … names who made,
hosts or sponsors something, not where the event happened; an institution named after its town stands in that
town; and a province reading the text calls a town, or that nothing else in the text supports, gives way to the
country the text's own words point to. Sentences of our own, none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text
from tests.conftest import event_place


def _places(resources, text: str):  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}


@pytest.mark.parametrize(
    ("text", "verb", "name"),
    [
        ("Army units fired US-made rockets at rebel trenches outside the capital on Tuesday.", "fired", "US"),
        ("Gunmen killed four traders, the UK-based Syrian monitoring group said on Monday.", "killed", "UK"),
        ("Iran-backed fighters stormed an army post overnight, killing two guards.", "stormed", "Iran"),
        ("A Kano-based militia abducted six farmers on Friday, officials said.", "abducted", "Kano"),
        ("The Turkey-funded brigade shelled a market, wounding three civilians.", "shelled", "Turkey"),
    ],
)
def test_a_name_glued_to_an_attribute_word_is_never_the_event_place(resources, text: str, verb: str,  # type: ignore[no-untyped-def]
                                                                    name: str) -> None:
    place = event_place(resources, text, verb)
    assert place is None or place.mention != name, place
    place = event_place(resources, text, verb, with_trigger=False)
    assert place is None or place.mention != name, place


def test_a_name_glued_to_an_attribute_word_pulls_no_namesake_abroad(resources) -> None:  # type: ignore[no-untyped-def]
    # "US-made" says who made the rockets: it must not pull an ambiguous town to a US namesake
    text = "Rebels fired US-made rockets at Homs on Sunday, killing five soldiers."
    place = event_place(resources, text, "fired")
    assert place is not None and place.country == "Syria", place


def test_a_place_after_the_attribute_still_takes_the_event(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Saudi-backed troops attacked rebel positions in Hodeidah on Sunday."
    place = event_place(resources, text, "attacked")
    assert place is not None and place.mention == "Hodeidah" and place.country == "Yemen", place


@pytest.mark.parametrize(
    ("text", "verb", "town", "country"),
    [
        ("Students at the University of Ibadan protested on Monday against a rise in fees.", "protested", "Ibadan", "Nigeria"),
        ("Riot police fired tear gas as students clashed at Kabul University on Sunday.", "clashed", "Kabul", "Afghanistan"),
        ("Hundreds of traders held a protest outside Kano State House on Friday.", "protest", "Kano", "Nigeria"),
        ("Lecturers at Kaduna Polytechnic marched on Thursday over unpaid salaries.", "marched", "Kaduna", "Nigeria"),
    ],
)
def test_an_institution_named_after_its_town_places_the_event_there(resources, text: str, verb: str, town: str,  # type: ignore[no-untyped-def]
                                                                    country: str) -> None:
    place = event_place(resources, text, verb)
    assert place is not None, text
    assert place.country == country, place
    assert (place.within or place.name) == town, place
    assert place.geo_precision in (1, 2), place


def test_an_institution_in_another_town_the_text_names_takes_that_town(resources) -> None:  # type: ignore[no-untyped-def]
    # the text writes where the institution is: that wins over the town in its name
    text = "Students protested at Lagos State University in Ikorodu on Monday."
    places = _places(resources, text)
    school = next(p for m, p in places.items() if "University" in m)
    assert "Ikorodu" in (school.within or ""), school


def test_a_site_named_after_a_town_spelt_with_other_vowels_is_near_that_town(resources) -> None:  # type: ignore[no-untyped-def]
    # "Halabje" is the Kurdish spelling of GeoNames' Halabja: in the country the text supports, the town's
    # consonants find it, as for an unknown name the text marks as a place (fails before: kept at the
    # province's capital, Sulaymaniyah, 60 km away)
    places = _places(resources, "Iranian drones struck Halabje Airbase in Sulaymaniyah province on Sunday.")
    base = places["Halabje Airbase"]
    assert (base.within, base.geo_precision) == ("Halabja", 2), base


@pytest.mark.parametrize("text", [
    "Striking workers blocked the gates of the Kafue Power Station in Zambia on Monday.",
    "Shells hit the Kafue Power Station on Monday, Zambian officials said.",
])
def test_a_power_or_pumping_station_named_after_a_town_is_near_that_town(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    # such plants lie outside the town they are named after, like a dam or an air base (fails before: a landmark
    # with no point, the event left at the country)
    station = _places(resources, text)["Kafue Power Station"]
    assert (station.within, station.geo_precision) == ("Kafue", 2), station


def test_a_province_reading_the_text_calls_a_town_gives_way_to_the_demonyms(resources) -> None:  # type: ignore[no-untyped-def]
    text = ("A Mexican soldier was shot dead when gunmen opened fire on his patrol in New Mexico city on Friday, "
            "Mexican media said.")
    place = event_place(resources, text, "shot")
    assert place is not None and place.country == "Mexico", place


def test_a_namesake_province_gives_way_to_the_province_the_text_names(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Al-Shabaab fighters attacked South West State soldiers near the village of Qansaxdheere, Bay Region, on Monday."
    places = _places(resources, text)
    assert places["Bay Region"].country == "Somalia"
    assert places["South West State"].country == "Somalia", places["South West State"]
    place = event_place(resources, text, "attacked")
    assert place is not None and place.country == "Somalia", place


def test_a_hierarchy_inside_one_ner_name_is_read_as_two_places(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked the village of Qansaxdheere, Bay Region, on Monday."
    places = _places(resources, text)
    assert "Bay Region" in places and places["Bay Region"].country == "Somalia", places.keys()


def test_a_namesake_province_gives_way_even_when_a_name_elsewhere_points_abroad(resources) -> None:  # type: ignore[no-untyped-def]
    # a reporter's name that is also a town abroad splits the paragraph's votes; the province the text names as a
    # province, in the one country the text supports, still decides
    text = ("Al-Shabaab fighters attacked South West State's soldiers near the town of Qansaxdheere, Bay Region. "
            "Our correspondent Ahmed Yusuf Adan reports. [Adan] Residents of the village of Goof Gaduud said "
            "fighting went on.")
    places = _places(resources, text)
    assert places["South West State"].country == "Somalia", places["South West State"]
    place = event_place(resources, text, "attacked")
    assert place is not None and place.country == "Somalia", place
