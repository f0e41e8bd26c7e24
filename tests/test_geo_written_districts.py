"""Geocoding: the district, province and town a text writes around a name decide among its namesakes (geo24).

- a town of the index that lies in another district than the one the text writes it in is a namesake of the
  text's village, which stays at the district (precision 2); a spelling variant likewise;
- a site the index lacks, written inside a province or district with no town, takes that division's point;
- a town or district of 100,000 people or more outweighs a province the text gets wrong;
- a town written inside a far town ("the city of X in Y") is the event's place: Y names the province.

Sentences are our own; each test fails without the change it names.
"""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text
from tests.conftest import event_place


def _by_mention(resources, text: str) -> dict[str, tuple]:  # type: ignore[no-untyped-def,type-arg]
    return {p.mention: (p.name, p.kind, p.admin1, p.country, p.geo_precision) for p in geocode_text(text, resources)}


def test_a_town_of_another_district_is_a_namesake_and_the_village_stays_at_its_district(resources) -> None:  # type: ignore[no-untyped-def]
    # the index's Pankshin lies in Pankshin LGA, not in Mangu LGA (before: Pankshin, precision 1)
    places = _by_mention(resources, "Gunmen killed two farmers in Pankshin village (Mangu LGA, Plateau) on Sunday.")
    assert places["Pankshin"] == ("Mangu", "admin2", "Plateau", "Nigeria", 2)


def test_a_town_inside_the_district_the_text_names_keeps_its_own_point(resources) -> None:  # type: ignore[no-untyped-def]
    places = _by_mention(resources, "Gunmen killed two farmers in Pankshin village (Pankshin LGA, Plateau) on Sunday.")
    assert places["Pankshin"] == ("Pankshin", "city", "Plateau", "Nigeria", 1)


def test_a_spelling_variant_in_another_district_is_not_taken(resources) -> None:  # type: ignore[no-untyped-def]
    # "Bhelwara" has the consonants of Bhilwara, a town of Bhilwara district (before: Bhilwara, precision 1)
    places = _by_mention(resources, "Police beat a vendor in Bhelwara town (Ajmer, Rajasthan) on Monday.")
    assert places["Bhelwara"] == ("Ajmer", "admin2", "Rajasthan", "India", 2)
    inside = _by_mention(resources, "Police beat a vendor in Bhelwara town (Bhilwara, Rajasthan) on Monday.")
    assert inside["Bhelwara"] == ("Bhilwara", "city", "Rajasthan", "India", 1)


def test_a_site_written_inside_a_province_takes_the_provinces_point(resources) -> None:  # type: ignore[no-untyped-def]
    # an invented bridge, no town around it (before: no point at all)
    places = _by_mention(resources, "Soldiers fired at positions near the Zorkan Bridge, Zaporizhzhia Oblast.")
    assert places["Zorkan Bridge"] == ("Zaporizhia", "admin1", "Zaporizhia", "Ukraine", 2)
    places = _by_mention(resources, "Gunmen attacked a checkpoint near the Zorkan Bridge, Borno State.")
    assert places["Zorkan Bridge"][2:] == ("Borno", "Nigeria", 2)


def test_a_big_town_outweighs_a_province_the_text_gets_wrong(resources) -> None:  # type: ignore[no-untyped-def]
    # Sargodha (about a million people) lies in Punjab; the text says Sindh (before: both kept at Sindh)
    places = _by_mention(resources, "Relatives protested at a clinic in Kotwal city (Sargodha, Sindh) against the death "
                                    "of a patient.")
    assert places["Sargodha"][2:4] == ("Punjab", "Pakistan")
    assert places["Kotwal"] == ("Sargodha", "admin2", "Punjab", "Pakistan", 2)


def test_a_village_namesake_elsewhere_in_the_country_still_leaves_the_province(resources) -> None:  # type: ignore[no-untyped-def]
    # the rule above is for big towns only: a small namesake in another province stays a namesake
    places = _by_mention(resources, "Gunmen abducted a trader in Pankshin village (Bauchi) on Friday.")
    assert places["Pankshin"][2:] == ("Bauchi", "Nigeria", 2)


def test_a_town_written_inside_a_far_town_is_the_events_place(resources) -> None:  # type: ignore[no-untyped-def]
    # "Al-Hasakeh" answers only as the city, 72 km from Ras al-Ayn: here it names the province (before: Al Hasakah)
    place = event_place(resources, "Militia fighters stopped a convoy from entering the city of Ras al-Ayn in "
                                   "Al-Hasakeh by closing the roads.", "stopped")
    assert (place.mention, place.geo_precision) == ("Ras al-Ayn", 1)


def test_a_named_district_of_a_city_is_a_quarter_of_the_city_not_a_province(resources) -> None:  # type: ignore[no-untyped-def]
    # Karrada and Kibera are not in the index; "district of <city>" read the city as its namesake province
    # (before: admin1 Baghdad at precision 3, admin2 Nairobi)
    places = _by_mention(resources, "A car bomb killed five people in the Karrada district of Baghdad on Tuesday.")
    assert places["Baghdad"] == ("Baghdad", "city", "Baghdad", "Iraq", 1)
    place = event_place(resources, "A car bomb killed five people in the Karrada district of Baghdad on Tuesday.",
                        "killed")
    assert (place.name, place.kind, place.country) == ("Baghdad", "city", "Iraq")
    places = _by_mention(resources, "Police fired tear gas at traders in the Kibera district of Nairobi on Friday.")
    assert places["Nairobi"] == ("Nairobi", "city", "Nairobi", "Kenya", 1)


def test_a_known_district_of_a_province_keeps_the_province(resources) -> None:  # type: ignore[no-untyped-def]
    # Kajuru is an LGA of Kaduna state, so "Kaduna" is the state here, not the city
    places = _by_mention(resources, "Gunmen killed seven villagers in the Kajuru district of Kaduna on Monday.")
    assert places["Kaduna"] == ("Kaduna", "admin1", "Kaduna", "Nigeria", 3)
    assert places["Kajuru"][1:] == ("admin2", "Kaduna", "Nigeria", 2)


@pytest.mark.parametrize(("text", "quarter", "city"), [
    ("Police fired tear gas at protesters in the Sabon Gari district of Kano on Monday.", "Sabon Gari", "Kano"),
    ("Gunmen killed two traders in the Tudun Wada district of Kaduna on Monday.", "Tudun Wada", "Kaduna"),
])
def test_a_quarter_of_a_city_is_kept_at_the_city_not_at_a_namesake_in_another_state(  # type: ignore[no-untyped-def]
        resources, text: str, quarter: str, city: str) -> None:
    # each quarter's name is also a district of another Nigerian state; the quarter read as that district
    # (before: Sabon Gari LGA of Kaduna state, Tudun Wada LGA of Kano state); a quarter of a town is in the town,
    # precision 1 (docs/codebook.md, places)
    places = _by_mention(resources, text)
    assert places[quarter] == (city, "city", city, "Nigeria", 1)
    assert places[city] == (city, "city", city, "Nigeria", 1)


@pytest.mark.parametrize(("text", "quarter", "city"), [
    ("Gunmen shot dead two traders in the Sabon Gari area in Kano on Tuesday, police said.", "Sabon Gari", "Kano"),
    ("Residents said thugs burned three shops in the Sabon Gari township in Kano overnight.", "Sabon Gari", "Kano"),
    ("Police broke up a rally in the Tudun Wada area in Kaduna on Saturday.", "Tudun Wada", "Kaduna"),
])
def test_a_part_of_a_city_written_in_it_is_kept_at_the_city_not_at_a_namesake_in_another_state(  # type: ignore[no-untyped-def]
        resources, text: str, quarter: str, city: str) -> None:
    # "the X area in Kano" read Kano as the state and X as the namesake district of another state (Sabon Gari
    # LGA of Kaduna state), or kept X at Kaduna state: the words for a town's parts with "in" now read as
    # "the X district of Kano" does; the quarter is in the city, precision 1
    places = _by_mention(resources, text)
    assert places[quarter] == (city, "city", city, "Nigeria", 1)
    assert places[city] == (city, "city", city, "Nigeria", 1)


def test_a_district_of_the_state_written_as_an_area_in_it_keeps_the_state(resources) -> None:  # type: ignore[no-untyped-def]
    # Birnin Gwari lies in Kaduna state: the state holds it, no quarter of the city
    places = _by_mention(resources, "Soldiers killed four bandits in the Birnin Gwari area in Kaduna on Tuesday.")
    assert places["Kaduna"][1:] == ("admin1", "Kaduna", "Nigeria", 3)
    assert places["Birnin Gwari"][2:] == ("Kaduna", "Nigeria", 1)


@pytest.mark.parametrize(("text", "verb", "city"), [
    # a quarter the index lacks, written as a part of the city
    ("Police fired tear gas at traders in the Dorayi area of Kano on Monday.", "fired", "Kano"),
    ("Gunmen shot dead two shopkeepers in the Mehmoodabad Colony area of Karachi on Monday.", "shot", "Karachi"),
    ("Thugs set fire to a polling unit in the Dorayi district of Kano on Saturday.", "set", "Kano"),
    # a quarter whose name is a district of another state
    ("Rioters burned two shops in the Sabon Gari area in Kano on Tuesday.", "burned", "Kano"),
    ("Rioters burned two shops in the Sabon Gari township in Kano on Tuesday.", "burned", "Kano"),
    # the form that already went through the landmark path
    ("Rioters burned two shops in the Dorayi neighbourhood of Kano on Tuesday.", "burned", "Kano"),
])
def test_an_event_in_a_named_quarter_of_a_city_is_at_the_city_with_precision_one(  # type: ignore[no-untyped-def]
        resources, text: str, verb: str, city: str) -> None:
    # ACLED: the text names the town and the town has coordinates, so precision 1; "the X area/district of City"
    # gave 2 while "the X neighbourhood of City" gave 1 (before: precision 2 for all but the last)
    place = event_place(resources, text, verb)
    assert (place.name, place.geo_precision) == (city, 1)


@pytest.mark.parametrize(("text", "verb", "city"), [
    ("Gunmen killed three farmers near the Dorayi area of Kano on Monday.", "killed", "Kano"),
    ("Police clashed with squatters in the Zandspruit informal settlement outside Johannesburg on Monday.", "clashed", "Johannesburg"),
])
def test_an_event_near_a_quarter_or_outside_a_city_stays_near_the_city(  # type: ignore[no-untyped-def]
        resources, text: str, verb: str, city: str) -> None:
    place = event_place(resources, text, verb)
    assert (place.name, place.geo_precision) == (city, 2)
