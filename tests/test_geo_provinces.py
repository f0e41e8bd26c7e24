"""Geocoding: a village whose namesakes lie in another province of the same country than the one the text
supports (its own province words, the areas of the actors it names) is kept at that province (geo11).

Sentences are our own; the tests marked so fail without the change."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _located(resources, text: str):  # type: ignore[no-untyped-def]
    return [p for p in geocode_text(text, resources) if p.latitude is not None]


def test_a_village_named_by_a_monitoring_mission_stays_in_its_area_not_at_a_namesake_elsewhere(resources) -> None:  # type: ignore[no-untyped-def]
    # the index knows Hrushivka only outside the Donbas (Dnipropetrovsk, Crimea …); actor_areas.json: the OSCE
    # SMM reports from Donetsk and Luhansk, Donetsk first (fails before: Hrushivka, Dnipropetrovsk)
    places = _located(resources, "On Sunday the OSCE SMM recorded 12 explosions near Hrushivka.")
    assert [(p.mention, p.admin1, p.country, p.geo_precision) for p in places] == [
        ("Hrushivka", "Donetsk", "Ukraine", 2)]


def test_a_one_province_actor_keeps_its_village_in_that_province(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "LPR fighters fired mortars at positions near Stepove overnight.")
    assert [(p.admin1, p.geo_precision) for p in places] == [("Luhansk", 2)]


def test_the_texts_own_province_word_keeps_a_hamlet_there(resources) -> None:  # type: ignore[no-untyped-def]
    # no actor named; "Luhansk region" is the text's own province (fails before: Stepove, Mykolaiv)
    places = _located(resources, "Heavy shelling was reported across Luhansk region on Tuesday. "
                                 "A shell damaged a school in Stepove.")
    stepove = [p for p in places if p.mention == "Stepove"]
    assert [(p.admin1, p.geo_precision) for p in stepove] == [("Luhansk", 2)]


def test_the_texts_own_province_word_chooses_the_namesake_inside_it(resources) -> None:  # type: ignore[no-untyped-def]
    # Vilkhivka: a larger namesake in Zakarpattia, a smaller one in Kharkiv (fails before: Zakarpattia)
    places = _located(resources, "Fighting went on across Kharkiv region. Troops withdrew from Vilkhivka on Monday.")
    village = [p for p in places if p.mention == "Vilkhivka"]
    assert [(p.name, p.admin1, p.geo_precision) for p in village] == [("Vilkhivka", "Kharkiv", 1)]


def test_a_large_town_the_text_names_is_not_moved_into_the_actors_area(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "The OSCE SMM met local officials in Kharkiv on Friday.")
    assert [(p.name, p.admin1) for p in places] == [("Kharkiv", "Kharkiv")]


def test_a_village_the_index_lacks_is_kept_at_the_actors_province(resources) -> None:  # type: ignore[no-untyped-def]
    # an invented village name: no namesake anywhere; LPR acts in Luhansk only (fails before: Ukraine, precision 3)
    places = _located(resources, "LPR fighters shelled Zzyxtovka village on Monday.")
    assert [(p.admin1, p.country, p.geo_precision) for p in places] == [("Luhansk", "Ukraine", 2)]


@pytest.mark.parametrize(
    ("text", "village", "town", "country"),
    [
        ("Soldiers shelled Sapotra in Salqin countryside.", "Sapotra", "Salqin", "Syria"),
        ("Gunmen attacked Kolkhozobod in Tafas countryside on Sunday.", "Kolkhozobod", "Tafas", "Syria"),
    ],
)
def test_a_village_named_like_a_town_abroad_does_not_carry_the_town_the_text_puts_it_in_abroad(  # type: ignore[no-untyped-def]
        resources, text: str, village: str, town: str, country: str) -> None:
    # the village the index lacks has one namesake abroad; the text writes it inside a town, which must not be
    # rejected as a namesake on the village's vote: the village is kept at the town
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert places[town].country == country and places[town].geo_precision == 1
    assert (places[village].country, places[village].name, places[village].geo_precision) == (country, town, 2)


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        ("A mob attacked two men in Rampur village (MP) on Monday.", "Rampur", "Madhya Pradesh"),
        ("A mob attacked two men in Rampur village (HP) on Monday.", "Rampur", "Himachal Pradesh"),
        ("A clash over land left seven injured in Laureldale town (UP).", "Laureldale", "Uttar Pradesh"),
    ],
)
def test_a_state_abbreviated_in_brackets_after_the_town_word_holds_the_town(  # type: ignore[no-untyped-def]
        resources, text: str, town: str, state: str) -> None:
    # "X village (MP)": the bracket follows the place's type word; the short form is the state, which decides the
    # namesake (Rampur) or keeps a name the index knows only abroad inside it (precision 2)
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert (places[town].country, places[town].admin1) == ("India", state)


def test_a_name_kept_at_its_parent_votes_for_the_parent_s_country(resources) -> None:  # type: ignore[no-untyped-def]
    # Pasaia has one namesake, in Spain; written inside Nuevo Leon it is kept there, and its vote must go with it:
    # else "Aeropuerto" of the quarter named after it took its Spanish namesake on that vote alone
    text = "Police said a body was found in Pasaia, Nuevo Leon, in Colonia Colinas del Aeropuerto on Friday."
    places = geocode_text(text, resources)
    assert places and all(p.country == "Mexico" for p in places), [(p.mention, p.country) for p in places]
