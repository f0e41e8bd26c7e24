"""A place's name inside an armed group's or a movement's name is the group's, not a place (toponym_cues.json
`group_name_heads`, and the listed organisations' longer names). Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _mentions(resources, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.mention for p in geocode_text(text, resources)]


@pytest.mark.parametrize(
    ("text", "group_part", "place"),
    [
        ("A coalition headed by Jabhet Fateh al-Sham shelled villages west of Hama.", "Sham", "Hama"),
        ("The Islamic State of Iraq and al-Sham claimed the bombing in Raqqa.", "Iraq", "Raqqa"),
        ("Ansar al-Furqan fighters ambushed a patrol outside Cotabato.", "Furqan", "Cotabato"),
    ],
)
def test_a_place_name_inside_a_group_name_is_no_place(resources, text: str, group_part: str, place: str) -> None:  # type: ignore[no-untyped-def]
    mentions = _mentions(resources, text)
    assert place in mentions
    assert not any(group_part in m for m in mentions), mentions


def test_a_listed_group_written_in_lower_case_is_still_the_group(resources) -> None:  # type: ignore[no-untyped-def]
    # "Boko" alone is a town abroad; "Boko Haram" is a listed group whatever the case of its second word
    assert "Boko" not in _mentions(resources, "Fighters believed to be Boko haram members raided Gajiram village.")


def test_a_group_name_no_longer_pulls_the_real_place_abroad(resources) -> None:  # type: ignore[no-untyped-def]
    # "Sham" read as a town in the Gulf used to take the sentence's town to its namesake there
    places = geocode_text("Liwa Suqur al-Sham fighters clashed with the army near Ariha.", resources)
    assert [p.mention for p in places] == ["Ariha"]
    assert places[0].country != "United Arab Emirates"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Protesters marched in Liwa on Friday.", "Liwa"),  # a head word alone is still a town's name
        ("Fighting against Islamic State in Syria continued for a week.", "Syria"),  # "in Syria" says where
    ],
)
def test_a_head_word_or_a_place_after_the_group_stays_a_place(resources, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert place in _mentions(resources, text)


@pytest.mark.parametrize(("text", "mention", "country"), [
    ("Militants attacked an army post near ad-Dawr on Sunday.", "ad-Dawr", "Iraq"),
    ("Gunmen ambushed a convoy outside al-Qaim on Monday.", "al-Qaim", "Iraq"),
])
def test_a_name_that_opens_with_its_arabic_article_is_read_whole(resources, text: str, mention: str,
                                                                 country: str) -> None:  # type: ignore[no-untyped-def]
    # before: "Dawr" alone was read, and a loose spelling took it to Dover, Florida
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert places[mention].country == country


@pytest.mark.parametrize(
    "text",
    [
        "A former interpreter was shot dead in Lashkar Gah on Sunday, police said.",
        "Gunmen attacked a police post near Lashkar Gah overnight.",
    ],
)
def test_a_town_whose_whole_name_opens_like_a_groups_is_the_town(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    # "Lashkar" opens armed groups' names ("Lashkar-e-Taiba"); "Lashkar Gah" after "in" or "near" is Helmand's capital
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert places["Lashkar Gah"].country == "Afghanistan"
    assert places["Lashkar Gah"].admin1 == "Helmand"
