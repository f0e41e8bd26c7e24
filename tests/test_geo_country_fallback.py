"""Geocoding: the country a text supports when no place of it resolves, and names a stray capital hid (geo10).

Sentences are our own; each test fails without the change it names."""

from __future__ import annotations

from dateline.geo.resolve import geocode_text


def _located(resources, text: str):  # type: ignore[no-untyped-def]
    return [p for p in geocode_text(text, resources) if p.latitude is not None]


def test_an_armed_group_with_one_home_country_places_a_text_that_names_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # geo/data/tables.json actor_countries: a Syrian jihadist group; no town, no demonym in the sentence
    places = _located(resources, "On Friday, Hurras al-Din said it had quit the alliance after a dispute over funds.")
    assert len(places) == 1
    assert places[0].country == "Syria" and places[0].geo_precision == 3


def test_an_indian_paramilitary_force_and_a_state_demonym_point_to_india(resources) -> None:  # type: ignore[no-untyped-def]
    # "CRPF" (actor_countries) and "Manipuri" (a state's demonym in tables.json demonyms) say India
    places = _located(resources, "CRPF men beat a Manipuri student during a search in an unnamed hamlet of the State.")
    assert len(places) == 1
    assert places[0].country == "India" and places[0].geo_precision == 3


def test_a_state_demonym_alone_is_not_a_place_mention_but_a_country(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "Unknown men set fire to the office of a Keralite weekly overnight.")
    assert [p.country for p in places] == ["India"]


def test_a_demonym_only_one_state_has_places_a_text_that_names_no_place_in_that_state(resources) -> None:  # type: ignore[no-untyped-def]
    # tables.json state_demonyms: the fallback is the state (precision 3, at its seat), not the whole country
    # (fails before: India and Pakistan at their capitals)
    for text, admin1 in (("Assamese student unions called a general strike on Monday.", "Assam"),
                         ("A Sindhi nationalist party held a protest rally on Sunday.", "Sindh")):
        [place] = _located(resources, text)
        assert (place.kind, place.admin1, place.geo_precision) == ("admin1", admin1, 3), (text, place)


def test_a_capitalised_preposition_in_running_text_does_not_hide_the_town_after_it(resources) -> None:  # type: ignore[no-untyped-def]
    # "the northern countryside Of Sa'dah": a typo's capital, not the start of a longer unknown name
    places = _located(resources, "Shells fell on a market in the northern countryside Of Sa'dah.")
    assert [(p.mention, p.country) for p in places] == [("Sa'dah", "Yemen")]
    places = _located(resources, "Warplanes struck a bakery on the eastern outskirts Of Ma'arrat al-Nu'man on Sunday.")
    assert [p.country for p in places] == ["Syria"]


def test_a_capitalised_of_inside_a_name_still_joins_it(resources) -> None:  # type: ignore[no-untyped-def]
    # "Gulf Of Aden": the capital before "Of" makes it one name, so no town "Aden" is taken out of it
    places = geocode_text("Pirates seized a tanker in the Gulf Of Aden on Monday.", resources)
    assert not any(p.mention == "Aden" for p in places)


def test_a_strike_from_afar_on_a_group_of_two_homes_is_in_the_home_that_is_not_the_attackers(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "Turkish" (who fired) gave Turkey; the PKK's homes are Turkey and Iraq, and the jets came from Turkey
    places = _located(resources, "Turkish jets struck the Qandil mountains on Monday, killing four PKK fighters.")
    assert [(p.country, p.geo_precision) for p in places] == [("Iraq", 3)]


def test_a_nationality_that_says_where_still_places_a_text_with_such_a_group(resources) -> None:  # type: ignore[no-untyped-def]
    places = _located(resources, "Turkish soldiers clashed with PKK fighters on Monday, leaving four dead.")
    assert [p.country for p in places] == ["Turkey"]
