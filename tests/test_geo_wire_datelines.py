"""Places: wire-copy datelines (geo17). The dateline's city places a local report's event where its sentence
names no other place; an outlet credited in the dateline or in brackets is never a place.

Sentences are our own; each test fails without the change it names."""

from __future__ import annotations

import pytest

from dateline.extraction.source import load_outlets


def _event_places(pipeline, text: str) -> list[tuple[str | None, str | None, int | None]]:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(text)
    return [(e.country, e.location, e.geo_precision) for e in report.events]


def test_an_all_capitals_dateline_city_places_an_event_whose_sentence_names_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "KABUL" (NER: ORG, capitals) was no place, and the event stayed at the country (precision 3)
    text = ("KABUL, Afghanistan, June 4, 2021 — A bomb exploded near a mosque on Friday, killing five worshippers, "
            "police said.")
    assert _event_places(pipeline, text) == [("Afghanistan", "Kabul", 1)]


def test_a_dateline_city_written_alone_resolves_in_the_country_the_text_gives(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("DURBAN, March 3 (ANA) - Protesters blocked roads and burned tyres on Monday, demanding water and "
            "electricity, police said.")
    assert _event_places(pipeline, text) == [("South Africa", "Durban", 1)]


def test_a_sentence_that_names_another_place_keeps_it_over_the_dateline_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("KABUL, April 11 (Xinhua) -- Gunmen attacked a police checkpoint in Ghazni province on Sunday, killing "
            "two officers, officials said.")
    places = _event_places(pipeline, text)
    assert len(places) == 1 and places[0][:2] == ("Afghanistan", "Ghazni")


def test_a_dateline_city_of_two_capitalised_words_is_not_a_namesake_of_its_second_word(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "TOWN" of "CAPE TOWN" was looked up alone and resolved to a district of Saint Lucia
    report = pipeline.extract_text("Police disperse housing march Carla Bernardo CAPE TOWN, May 2 (ANA) - Police "
                                   "fired rubber bullets at residents who marched to the city hall on Tuesday, "
                                   "organisers said.")
    assert [(p.name, p.country) for p in report.places][:1] == [("Cape Town", "South Africa")]
    assert all(p.country != "Saint Lucia" for p in report.places)


def test_a_dateline_abroad_does_not_place_an_event_told_of_another_countrys_people(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "South African" is a demonym of two words: the Moscow dateline is where the copy was filed, not the fire
    text = ("MOSCOW, March 3 (Sputnik) – A blast at a South African coal mine killed six miners on "
            "Thursday, the operator said.")
    assert all(country != "Russia" for country, _, _ in _event_places(pipeline, text))


def test_a_news_agency_credited_in_brackets_is_never_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "(Xinhua)" resolved to a town in Yunnan, China, and placed the event there
    text = ("KABUL, April 11 (Xinhua) -- A bomb exploded near a mosque on Friday, killing five worshippers, "
            "police said.")
    report = pipeline.extract_text(text)
    assert all(p.name != "Xinhua" and p.country != "China" for p in report.places)
    assert [(e.country, e.location) for e in report.events] == [("Afghanistan", "Kabul")]


def test_an_agency_credited_after_a_dateline_city_without_a_date_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("SKOPJE (Sputnik) – Protesters threw paint at the mayor's office on "
                                   "Wednesday, police said.")
    assert [p.name for p in report.places] == ["Skopje"]


def test_the_wire_agencies_of_datelines_are_listed_outlets() -> None:
    names = {n for o in load_outlets() for n in (o.name, *o.aliases, *o.credits)}
    assert {"Xinhua", "AFP", "AP", "Reuters", "ANA", "Sputnik", "dpa", "IANS", "PTI", "Anadolu"} <= names


@pytest.mark.parametrize("credit", ["Sapa /jm/kr", "Sapa-dpa"])
def test_a_wire_agency_credited_at_the_end_of_the_story_is_no_place(pipeline, credit: str) -> None:  # type: ignore[no-untyped-def]
    # before: the closing credit "Sapa" was read as a namesake town and became the protest's place (with a partner
    # agency in lower case, "Sapa-dpa", until notplace2)
    report = pipeline.extract_text("About thirty residents marched to the municipal offices on Thursday, demanding "
                                   f"clean water and the removal of the mayor, organisers said. {credit}")
    assert (report.article.publisher or "").startswith("Sapa")
    assert all(p.mention != "Sapa" for p in report.places)


def test_an_event_in_an_unnamed_village_or_a_part_of_the_country_is_not_at_the_dateline_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "a village in northern Mali" was placed at the dateline's capital, hundreds of kilometres away
    text = ("BAMAKO, March 12 (Test Wire) - Suspected jihadists killed 12 civilians in an attack on a village in "
            "northern Mali on Sunday, local officials said on Tuesday.\n\nThe government called for calm.")
    assert _event_places(pipeline, text) == [("Mali", "Mali", 3)]


def test_a_wire_story_takes_the_place_its_next_paragraph_gives_the_same_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the next sentence was read only inside the lead's own paragraph, and "the attackers" did not match the
    # lead's "attack", so the event stayed at the dateline's capital
    text = ("BAMAKO, March 12 (Test Wire) - Suspected jihadists killed 12 civilians in an attack on a village in "
            "central Mali on Sunday, local officials said on Tuesday.\n\nThe attackers arrived on motorbikes in "
            "Dialassagou village, in Bankass district, and opened fire on the market, an official said.")
    places = _event_places(pipeline, text)
    assert places == [("Mali", "Bankass", 2)]


def test_a_capital_dateline_gives_no_province_to_a_village_the_index_lacks(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the unknown village took the capital's province (Kyiv) from the dateline
    text = ("KYIV, May 3 (Wire) - In eastern Ukraine, a drone strike on a car near the village of Zarichnevka "
            "killed two volunteers on Tuesday, officials said.")
    assert _event_places(pipeline, text) == [("Ukraine", "Ukraine", 3)]


def test_a_town_across_the_border_that_rockets_hit_stays_in_its_own_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: a small Israeli town in a story from Gaza was taken for an unlisted local namesake (Gaza Strip p2)
    text = ("GAZA, May 3 (Wire) - An air strike killed four people in Khan Younis on Tuesday. Islamic Jihad said "
            "it fired rockets at Ashkelon and Netivot in response.")
    places = _event_places(pipeline, text)
    assert ("Palestine", "Khan Yunis", 1) in places
    assert ("Israel", "Netivot", 1) in places or ("Israel", "Ashkelon", 1) in places
