"""Geocoding: a country named as an actor or modifier ("after the US left the pact", "US officials") says who acts,
not where, so it does not carry a world city's small namesake in that country over the city (geo8). A namesake
keeps its reading where another word places it there. Sentences are our own; the world-city tests fail without
the change, the others guard the readings the text supports."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _place(resources, text: str, name: str, dateline: str | None = None):  # type: ignore[no-untyped-def]
    return next(p for p in geocode_text(text, resources, dateline_place=dateline) if p.mention == name)


@pytest.mark.parametrize(("text", "name", "country"), [
    # before: Damascus, Maryland (15,000 people), on the vote of "the US" that left the pact
    ("After the US left the trade pact, protesters gathered in Damascus.", "Damascus", "Syria"),
    # before: Geneva, Illinois, on the vote of "US officials"
    ("US officials said the talks in Geneva would resume.", "Geneva", "Switzerland"),
    ("After the US imposed new tariffs, crowds gathered in Moscow.", "Moscow", "Russia"),
    ("After the US left the pact, students marched in Paris.", "Paris", "France"),
    ("After the US left the pact, crowds gathered in Berlin.", "Berlin", "Germany"),
    ("After the US cut its aid, protesters gathered in Cairo.", "Cairo", "Egypt"),
    ("US lawmakers praised the agreement signed in Dublin.", "Dublin", "Ireland"),
    ("After the US raised tariffs, traders protested in Delhi.", "Delhi", "India"),
    ("Protesters gathered in Damascus after the US left the pact.", "Damascus", "Syria"),
    # another country's namesakes: Sydney, Nova Scotia; Kingston, Ontario
    ("After Canada left the pact, protesters gathered in Sydney.", "Sydney", "Australia"),
    ("After Canada left the pact, workers rallied in Kingston.", "Kingston", "Jamaica"),
])
def test_a_country_that_acts_does_not_move_a_world_city_to_its_small_namesake(resources, text, name, country) -> None:  # type: ignore[no-untyped-def]
    place = _place(resources, text, name)
    assert place.country == country, place.reason


def test_a_capital_outranks_a_namesake_that_is_a_large_city_itself(resources) -> None:  # type: ignore[no-untyped-def]
    # Athens, Georgia (127,000) against the Greek capital (664,000): five times less, but a capital
    place = _place(resources, "After the US left the alliance, students marched in Athens.", "Athens")
    assert place.country == "Greece", place.reason


def test_a_large_city_namesake_keeps_the_actor_country_short_of_ten_times(resources) -> None:  # type: ignore[no-untyped-def]
    # Birmingham, Alabama (196,000) against Birmingham, England (1.16 million, no capital): a city of its own
    place = _place(resources, "US officials said workers rallied in Birmingham.", "Birmingham")
    assert (place.country, place.admin1) == ("United States", "Alabama"), place.reason


@pytest.mark.parametrize(("text", "name", "admin1", "dateline"), [
    # the text's hierarchy
    ("After the US left the pact, protesters gathered in Damascus, Maryland.", "Damascus", "Maryland", None),
    ("US officials said a tornado damaged homes in Paris, Texas.", "Paris", "Texas", None),
    ("US officials said the Athens (Georgia) city council voted to cut the budget.", "Athens", "Georgia", None),
    # the other towns it names beside it
    ("After the US left the pact, crews from Frederick and Gaithersburg reached Damascus.", "Damascus", "Maryland",
     None),
    # a province of the namesake's country
    ("US officials said protesters in Illinois gathered in Geneva on Saturday.", "Geneva", "Illinois", None),
    # the dateline
    ("US officials said protesters gathered in Damascus on Saturday.", "Damascus", "Maryland", "Baltimore"),
])
def test_a_small_namesake_the_text_places_keeps_its_reading(resources, text, name, admin1, dateline) -> None:  # type: ignore[no-untyped-def]
    place = _place(resources, text, name, dateline)
    assert (place.country, place.admin1) == ("United States", admin1), place.reason


def test_a_country_named_as_where_keeps_its_small_namesake(resources) -> None:  # type: ignore[no-untyped-def]
    # "in the US" says where: it is no actor
    place = _place(resources, "In the US, protesters gathered in Damascus on Saturday.", "Damascus")
    assert place.country == "United States", place.reason
