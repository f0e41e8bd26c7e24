"""Names that are not places, or that name the wrong country: a state institution ("Congress"), a holiday or
religious period ("Ramadan"), and a short country name several countries answer to ("Congo"), which the text's
hierarchy and other places decide. Sentences of our own, none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text
from tests.conftest import events_of


def _places(resources, text: str):  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Protests in Congress continued on Monday as thousands marched in Lagos.", "Congress"),
    ],
)
def test_an_institution_is_no_town_and_keeps_the_other_places_at_home(resources, text: str, body: str) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, text)
    assert body not in places
    assert places["Lagos"].country == "Nigeria"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead a driver in Villanueva, Cortes, on Sunday.",
        "Gunmen shot dead a driver in a village (Villanueva, Cortes) on Sunday.",
    ],
)
def test_a_body_named_like_a_division_is_the_division_where_the_hierarchy_writes_it(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    # "Cortes" is also Spain's parliament; after "Town," or "(Town," it can only be the department holding the
    # town, and it decides which of the town's namesakes is meant
    places = _places(resources, text)
    assert places["Cortes"].country == "Honduras"
    assert (places["Villanueva"].country, places["Villanueva"].admin1) == ("Honduras", "Cortes")


def test_a_body_named_like_a_division_stays_the_body_in_running_text(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Protesters gathered outside the Cortes in Madrid on Monday.")
    assert "Cortes" not in places and places["Madrid"].country == "Spain"


@pytest.mark.parametrize(
    ("text", "holiday"),
    [
        ("During Ramadan, protesters marched in Kano.", "Ramadan"),
        ("Clashes broke out in Ramadan in Kano, police said.", "Ramadan"),
        ("Shops stayed shut over Easter and Eid al-Fitr in Jos.", "Eid al-Fitr"),
        ("Protests in Diwali week were small in Pune.", "Diwali"),
    ],
)
def test_a_holiday_is_no_place(resources, text: str, holiday: str) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, text)
    assert not any(holiday.split()[0] in m for m in places), places.keys()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Militiamen killed twelve civilians in Ituri province, Congo, on Sunday.", "Democratic Republic of Congo"),
        ("Fighting in Congo displaced thousands near Goma.", "Democratic Republic of Congo"),
        ("Police in Congo fired tear gas at students in Brazzaville.", "Republic of Congo"),
        ("Soldiers in Korea fired artillery from Pyongyang province.", "North Korea"),
    ],
)
def test_the_texts_places_decide_which_country_an_ambiguous_name_means(resources, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, text)
    name = "Korea" if "Korea" in text else "Congo"
    assert places[name].country == country


# A guard (it held before ambiguous names got several readings): the usual reading stays where nothing argues
# against it, and the Brazzaville case above keeps the Republic of Congo.
def test_a_bare_ambiguous_country_name_keeps_its_usual_reading(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters in Sudan marched in Khartoum; critics of the Juba peace deal joined them."
    assert _places(resources, text)["Sudan"].country == "Sudan"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the towns are only in the headline and another paragraph: the article's votes decide, not the usual reading
        (("Hundreds march in Goma against UN mission\n\nProtesters marched through Goma on Tuesday.\n\n"
          "Police in Congo fired tear gas at the crowd, witnesses said."), "Congo", "Democratic Republic of Congo"),
        (("Gunmen attack army post in Ituri\n\nGunmen attacked an army post in Bunia on Monday.\n\n"
          "In Congo, two soldiers were killed, the army said."), "Congo", "Democratic Republic of Congo"),
        (("Artillery fire heard near Pyongyang\n\nTroops fired shells outside Pyongyang on Friday.\n\n"
          "In Korea, the army said the drills would go on."), "Korea", "North Korea"),
        # the article's towns are in the usual country: it stays
        (("Students march in Brazzaville\n\nStudents marched in Brazzaville on Monday.\n\n"
          "Police in Congo fired tear gas at the crowd."), "Congo", "Republic of Congo"),
    ],
)
def test_the_articles_towns_decide_an_ambiguous_country_name_in_another_paragraph(resources, text: str, name: str,
                                                                                   country: str) -> None:  # type: ignore[no-untyped-def]
    places = [p for p in geocode_text(text, resources) if p.mention == name]
    assert places and all(p.country == country for p in places)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a part of the country named by a compass word, nothing else in the text: news mean the DRC's east
        ("Rebels killed twelve villagers in an attack in eastern Congo on Tuesday.", "Democratic Republic of Congo"),
        ("Militiamen burned a camp for displaced people in north-eastern Congo.", "Democratic Republic of Congo"),
        ("Fighting flared again in Congo's restive east, where a soldier was killed.", "Democratic Republic of Congo"),
        ("Heavy rains destroyed hundreds of homes in the east of Congo.", "Democratic Republic of Congo"),
        # the text's own towns still decide, and a bare name keeps its usual reading
        ("Police fired tear gas at students in Brazzaville, in southern Congo.", "Republic of Congo"),
        ("Police in Congo fired tear gas at students on Monday.", "Republic of Congo"),
    ],
)
def test_a_compass_word_before_a_shared_country_name_reads_the_country_news_mean(resources, text: str,
                                                                                country: str) -> None:  # type: ignore[no-untyped-def]
    assert _places(resources, text)["Congo"].country == country


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Security forces arrested 15 protesters on Monday, Kan said in a broadcast.", "Kan"),
        ("Gunmen killed two traders at a market on Sunday, Tolo reported.", "Tolo"),
    ],
)
def test_a_broadcaster_credited_for_the_report_is_no_town(resources, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert source not in _places(resources, text)


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Kyiv said Russian drones hit a power plant in Kharkiv.", "Kyiv", "Ukraine"),  # a capital speaks for its state
        ("Police fired tear gas at protesters in Kan, witnesses said.", "Kan", None),  # a place word: a town
    ],
)
def test_a_capital_or_a_town_with_a_place_word_stays_a_mention(resources, text: str, place: str,
                                                               country: str | None) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, text)
    assert place in places
    assert country is None or places[place].country == country


def test_a_broadcaster_after_according_to_does_not_place_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = events_of(pipeline, "Protesters burned tyres in the capital on Tuesday, according to Kan.")
    assert events and all(e.country != "China" and e.location is None for e in events)


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        # a state's media report its wars abroad: Sinjar is Iraq's town (a hamlet of the name lies in Syria)
        ("Syria state media said a Turkish drone hit a car in Sinjar, killing two.", "Sinjar", "Iraq"),
        ("Iran state television said gunmen killed two policemen in Sinjar.", "Sinjar", "Iraq"),
        # still a weak vote for its own country where the town is there
        ("Syria state media said an air strike hit a building in Homs, killing three people.", "Homs", "Syria"),
    ],
)
def test_a_states_media_credited_for_the_report_never_outweigh_the_town_named(resources, text: str, town: str,
                                                                              country: str) -> None:  # type: ignore[no-untyped-def]
    assert _places(resources, text)[town].country == country


@pytest.mark.parametrize("text", [
    "Egypt state television reported that Israeli tanks shelled homes in Rafah on Tuesday, killing four people.",
    "Egyptian state television said Israeli troops shelled homes in Rafah overnight, killing four people.",
])
def test_a_states_media_do_not_tip_a_town_where_another_states_ground_forces_fight(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    # Rafah: a city of Gaza and a smaller town across the border in Egypt. Forces fighting on the ground are in
    # or near the place they shell; the state whose media tell of it is no side, and its name does not decide
    assert _places(resources, text)["Rafah"].country == "Palestine"


def test_a_country_named_before_state_media_is_the_country_not_a_province_state(resources) -> None:  # type: ignore[no-untyped-def]
    # "Lebanon state media": not a province "Lebanon state" (like "Kano state"), read as a namesake county abroad;
    # the country's media, whose weak vote then tips Tripoli (Libya's, or Lebanon's smaller one) to Lebanon
    places = _places(resources, "Lebanon state media said gunmen killed two soldiers in Tripoli on Tuesday.")
    assert places["Tripoli"].country == "Lebanon"
    assert all(p.country == "Lebanon" for p in places.values())


@pytest.mark.parametrize(
    "text",
    ["Investors in the West have been slow to return to Kirkuk.", "Critics in the West say the vote in Kirkuk was rushed."],
)
def test_the_west_is_the_western_world_not_a_division_named_west(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    # "West" alone is a region of Cameroon; written "the West" it is the Western world: no point, and not kept at
    # the province of the text's other place either
    places = _places(resources, text)
    assert places["West"].kind == "region" and places["West"].latitude is None
    assert places["Kirkuk"].country == "Iraq"


def test_a_division_named_west_with_its_place_word_is_still_that_division(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Gunmen attacked a checkpoint in Dschang, West region.")
    assert places["West region"].country == "Cameroon" and places["West region"].kind == "admin1"
