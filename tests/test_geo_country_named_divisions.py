"""Geocoding: a name that is both a country and another country's state (Georgia, Niger) is read once for the
whole text. A town of the state named beside it, with no reading in the country, makes it the state, and the town
the state's; the country stays when the text says it (its places, its demonym, a neighbour, words of its region),
when it stands for a state, and when nothing else is named. Sentences are our own; the state tests fail without
the change, the others guard the country reading."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _place(resources, text: str, name: str):  # type: ignore[no-untyped-def]
    return next(p for p in geocode_text(text, resources) if p.mention == name)


@pytest.mark.parametrize(("text", "name", "town", "country", "admin1"), [
    # before: Georgia the country, and Athens rejected for it ("the sentence is about Georgia")
    ("Students in Georgia marched in Athens on Monday.", "Georgia", "Athens", "United States", "Georgia"),
    ("Teachers in Georgia went on strike in Macon and Savannah.", "Georgia", "Macon", "United States", "Georgia"),
    ("Farmers in Georgia blocked a highway near Valdosta.", "Georgia", "Valdosta", "United States", "Georgia"),
    ("Floods in Georgia cut roads around Rome on Tuesday.", "Georgia", "Rome", "United States", "Georgia"),
    # Niger State, Nigeria, not the country Niger
    ("Gunmen in Niger attacked a market in Minna on Friday.", "Niger", "Minna", "Nigeria", "Niger"),
])
def test_a_town_of_the_state_makes_the_name_the_state(resources, text, name, town, country, admin1) -> None:  # type: ignore[no-untyped-def]
    state = _place(resources, text, name)
    assert (state.kind, state.country, state.admin1) == ("admin1", country, admin1), state.reason
    place = _place(resources, text, town)
    assert (place.kind, place.country, place.admin1) == ("city", country, admin1), place.reason


@pytest.mark.parametrize(("text", "name", "country"), [
    # nothing else named
    ("Students in Georgia marched on Monday.", "Georgia", "Georgia"),
    ("Gunmen in Niger attacked a market on Friday.", "Niger", "Niger"),
    # a place of the country
    ("Students in Georgia marched in Athens on Monday. Police in Tbilisi made arrests.", "Georgia", "Georgia"),
    ("Gunmen in Niger attacked a market in Minna. Officials in Niamey condemned it.", "Niger", "Niger"),
    # its demonym
    ("Georgian police said students in Georgia marched in Athens.", "Georgia", "Georgia"),
    # a neighbour named
    ("Students in Georgia marched in Athens as Russia held drills nearby.", "Georgia", "Georgia"),
    # words of its region
    ("Students in Georgia, the former Soviet republic, marched in Athens.", "Georgia", "Georgia"),
    ("Protests spread across the Caucasus: students in Georgia marched in Athens.", "Georgia", "Georgia"),
    # a state that acts
    ("Georgia sent a delegation to talks in Athens.", "Georgia", "Georgia"),
])
def test_the_country_reading_stays_where_the_text_says_it(resources, text, name, country) -> None:  # type: ignore[no-untyped-def]
    place = _place(resources, text, name)
    assert (place.kind, place.country) == ("country", country), place.reason
