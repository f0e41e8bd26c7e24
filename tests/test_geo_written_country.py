"""Geocoding: a place the text writes inside a country ("the North Korean city of X"), and a dateline-style line
of places that opens a text (geo15).

Sentences are our own; each test fails without the change it names."""

from __future__ import annotations

from dateline.geo.resolve import geocode_text


def _located(resources, text: str):  # type: ignore[no-untyped-def]
    return [p for p in geocode_text(text, resources) if p.latitude is not None]


def test_a_namesake_abroad_is_not_the_town_a_nationality_word_places(resources) -> None:  # type: ignore[no-untyped-def]
    # "Paris" the index knows in France and elsewhere, none in Mali: the text says the town is Malian
    places = _located(resources, "Two soldiers died when rebels ambushed a convoy near the Malian town of Paris.")
    assert [(p.mention, p.country, p.geo_precision) for p in places] == [("Paris", "Mali", 3)]


def test_a_two_word_nationality_places_an_unknown_city_in_its_country(resources) -> None:  # type: ignore[no-untyped-def]
    # "Taugon" is a French hamlet in the index; "North Korean" is one nationality word of two tokens
    places = _located(resources, "Survivors in the North Korean city of Taugon said the shelling went on for hours.")
    assert [(p.mention, p.country, p.geo_precision) for p in places] == [("Taugon", "North Korea", 3)]


def test_a_town_of_that_country_keeps_its_own_point(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "Gunmen attacked a checkpoint on the edge of the Iraqi city of Samarra.")
    assert [(p.country, p.geo_precision) for p in places] == [("Iraq", 1)]


def test_an_opening_line_of_places_is_read_as_places(resources, pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Awang" (a Philippine town the small NER calls an organisation) opens the text as a dateline would
    text = ("Awang, Datu Odin Sinsuat, Maguindanao. Soldiers seized eleven rifles and a grenade launcher "
            "in a raid on a farmhouse in Maguindanao on Friday.")
    assert [p.country for p in _located(resources, text)][:1] == ["Philippines"]
    events = pipeline.extract_text(text).events
    assert events and all(e.country == "Philippines" for e in events)


def test_a_sentence_that_opens_with_a_name_is_no_line_of_places(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.nlp.components.places import _opening_place_line

    nlp = resources.nlp
    assert _opening_place_line(nlp("Awang, Datu Odin Sinsuat, Maguindanao. Troops seized rifles.")) == 7
    assert _opening_place_line(nlp("Police in Awang, Maguindanao, seized rifles. Two were held.")) == 0
    assert _opening_place_line(nlp("Maguindanao. Troops seized rifles.")) == 0
