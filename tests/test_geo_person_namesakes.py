"""A person's name read as a small town of the same spelling abroad ("Nasrallah" → a Tunisian village): the
document writes the word inside a person's name elsewhere and NER reads it as a person or group here, so
the town is a namesake that votes for no country and takes no point of its own. Sentences of our own, none
from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _places(resources, text: str):  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}


@pytest.mark.parametrize(
    ("text", "person", "town", "country"),
    [
        (("Rebels said Hassan Nasrallah had sent fighters to Qusayr. Fighters close to Nasrallah shelled a market "
          "there, killing four people."), "Nasrallah", "Qusayr", "Syria"),
    ],
)
def test_a_persons_name_is_no_namesake_town_and_pulls_no_place_abroad(  # type: ignore[no-untyped-def]
        resources, text: str, person: str, town: str, country: str) -> None:
    places = _places(resources, text)
    assert places[town].country == country and places[town].geo_precision == 1
    assert person not in places or places[person].geo_precision is None or places[person].country == country


def test_a_town_named_as_a_place_keeps_its_point(resources) -> None:  # type: ignore[no-untyped-def]
    # the same name as a place only (no person of that name in the text) is still a town
    places = _places(resources, "Fighters shelled a market in Qusayr on Monday, killing four people.")
    assert places["Qusayr"].country == "Syria" and places["Qusayr"].geo_precision == 1


@pytest.mark.parametrize(("text", "admin1"), [
    ("Residents protested in George, Western Cape, on Monday against the closure of a clinic.", "Western Cape"),
    ("Taxi drivers blocked roads in George, South Africa, on Tuesday over new permit rules.", "Western Cape"),
])
def test_a_first_name_written_with_its_province_or_country_is_the_town(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                                       admin1: str) -> None:
    from tests.conftest import events_of

    [event] = events_of(pipeline, text)
    assert (event.location, event.admin1, event.geo_precision) == ("George", admin1, 1)


def test_a_first_name_before_an_apposition_stays_a_person(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Police arrested George, a local trader, after protesters blocked a road in Kisumu.")
    assert "George" not in places and places["Kisumu"].country == "Kenya"


@pytest.mark.parametrize(("text", "location", "country"), [
    ("Taxi drivers blocked roads in George on Monday over new permit rules, Western Cape police said.", "George",
     "South Africa"),
    ("Students protested in Florence on Friday against the war in Gaza, Italian media reported.", "Florence",
     "Italy"),
])
def test_a_first_name_at_a_site_is_the_town_of_the_land_the_text_names(pipeline, text: str, location: str,  # type: ignore[no-untyped-def]
                                                                       country: str) -> None:
    from tests.conftest import events_of

    [event] = events_of(pipeline, text)
    assert (event.location, event.country, event.geo_precision) == (location, country, 1)


# A word that opens longer names ("Beni Suef", "Sidi Bouzid") standing alone after a preposition of place is the
# whole name, as a first name is, when the text names the province of a town of that name; the headline's entity
# that swallows the blank line after it ("Beni\n\n", tagged ORG) changes nothing.
@pytest.mark.parametrize("text", [
    "Troops clash with rebels near Beni\n\nSoldiers fought rebels on Monday in North Kivu province, the army said.",
    "Soldiers fought rebels near Beni on Monday, North Kivu's governor said.",
])
def test_a_lone_name_opening_word_at_a_site_is_the_town_of_the_province_the_text_names(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    place = _places(resources, text)["Beni"]
    assert (place.name, place.admin1, place.country) == ("Beni", "Nord-Kivu", "Democratic Republic of Congo")


def test_a_name_opening_word_followed_by_the_rest_of_its_name_stays_whole(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Protesters marched in Beni Suef on Friday.")
    assert "Beni" not in places and places["Beni Suef"].country == "Egypt"
