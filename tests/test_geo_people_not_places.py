"""Names that are a person's, an NGO's or a currency's, not a place: a name the text gives an age or a kinship,
or that credits a quote with no place word before it; a town's name inside an international body's or an NGO's
name or in apposition with an organisation; a country's name before its currency; a title or slogan of
capitalised words joined by commas. Sentences
of our own, none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _places(resources, text: str):  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ('"They burned the barn and took the goats," said Andreas, a farmer near Otjiwarongo.', "Andreas"),
        ('"We will not leave this land," says Patrick, who has farmed outside Otjiwarongo for thirty years.', "Patrick"),
    ],
)
def test_a_name_credited_with_a_quote_is_the_speaker_not_a_parish(resources, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    # the Isle of Man's parishes are first-level records of no known population: no state speaks through them
    places = _places(resources, text)
    assert person not in places
    assert places["Otjiwarongo"].country == "Namibia"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Raiders burned a farm outside Otjiwarongo. Her son Andreas was beaten. Andreas spent a week in hospital.",
         "Andreas"),
        ("Raiders burned a farm outside Otjiwarongo. Andreas, 34, was beaten. Police questioned Andreas for hours.",
         "Andreas"),
        ("Shelling hit a camp near Idlib. The couple's baby, Jarrah, who was born in the camp, died of the cold.",
         "Jarrah"),
        ("Raiders burned a farm outside Otjiwarongo. The 7-year-old Carmen was beaten, and Carmen was taken to hospital.",
         "Carmen"),
        ("Raiders burned a farm outside Otjiwarongo. Her four-month-old Carmen was unhurt.", "Carmen"),
    ],
)
def test_a_name_given_an_age_or_a_kinship_is_a_person_throughout(resources, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    assert person not in _places(resources, text)


def test_a_name_after_an_age_that_qualifies_a_noun_is_still_a_place(resources) -> None:  # type: ignore[no-untyped-def]
    # "a 16-year-old Ohio boy": the state says where the boy is from, it names no one
    places = _places(resources, "A 16-year-old Ohio boy was hurt when the airbag of his car burst.")
    assert places["Ohio"].country == "United States"


def test_a_name_given_a_kinship_is_still_a_place_after_a_place_word(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Her son Andreas was beaten by raiders. Gunmen later attacked a farm in Andreas on the Isle of Man."
    assert "Andreas" in _places(resources, text)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Aid group Save the Children said 40 children died in camps near Hasakah.", "Save"),
        ("Staff of Save the Children fled the fighting near Hasakah.", "Save"),
    ],
)
def test_a_town_inside_an_ngos_name_is_no_place(resources, text: str, body: str) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, text)
    assert body not in places
    assert places["Hasakah"].country == "Syria"


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of rioters protested against the rising US dollar exchange rate and blocked roads in Tripoli.",
        "Traders in Tripoli closed their shops as the Lebanese pound fell against the US dollar.",
    ],
)
def test_a_country_before_its_currency_is_no_place_and_no_vote(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, text)
    assert "US" not in places
    assert places["Tripoli"].country != "United States"


def test_a_country_before_an_adjective_named_like_a_currency_stays_a_place(resources) -> None:  # type: ignore[no-untyped-def]
    # "real" is also Brazil's money; here it qualifies the income of the country named before it
    text = "Economists found a fall in U.S. real income after the tariffs."
    assert "U.S." in _places(resources, text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The couple explained their plan in a bestselling book, Spend, Save, Invest, which sold well in Otjiwarongo.",
         "Save"),
        ("Volunteers handed out leaflets reading Vote, Save, Protect outside the market in Otjiwarongo.", "Save"),
        ("The band's new album, Split, Mobile, Reading, came out on Friday in Otjiwarongo.", "Split"),
    ],
)
def test_a_title_of_capitalised_words_joined_by_commas_holds_no_place(resources, text: str, title: str) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, text)
    assert title not in places
    assert places["Otjiwarongo"].country == "Namibia"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Floods hit Reading, Bath and Wells on Monday.", {"Reading", "Bath", "Wells"}),
        ("Floods hit Reading, Bath, and Wells on Monday.", {"Reading", "Bath", "Wells"}),
        ("Fighting spread to Aleppo, Idlib, Hama and Homs on Monday.", {"Aleppo", "Idlib", "Hama", "Homs"}),
    ],
)
def test_a_list_of_places_closed_by_a_conjunction_keeps_its_places(resources, text: str, names: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert names <= set(_places(resources, text))


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Raiders burned a farm outside Otjiwarongo, according to Tema, a small rights group based abroad.", "Tema"),
        ("Raiders burned a farm outside Otjiwarongo, said Maria Haufiku of Tema, an aid agency.", "Tema"),
        ("Raiders burned a farm outside Otjiwarongo, a spokesman of Amani, a local charity, said.", "Amani"),
    ],
)
def test_a_name_in_apposition_with_an_organisation_is_no_place(resources, text: str, group: str) -> None:  # type: ignore[no-untyped-def]
    # the group's namesake town (Tema in Ghana, Amman) used to take the farm's town out of Namibia with it
    places = _places(resources, text)
    assert group not in places
    assert places["Otjiwarongo"].country == "Namibia"


@pytest.mark.parametrize(
    "text",
    ["Rebels attacked Tema, a rebel group stronghold near the border.", "Rebels attacked Tema, a port town east of Accra.",
     "Police dispersed dockers in Tema, a group of whom had blocked the port road."],
)
def test_a_place_in_apposition_with_a_place_noun_stays_a_place(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _places(resources, text)["Tema"].country == "Ghana"
