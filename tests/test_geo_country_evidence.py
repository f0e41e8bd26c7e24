"""Geocoding: which country the text supports when a name has namesakes abroad (geo6).

Sentences are our own; each test fails without the change it names."""

from __future__ import annotations

from dateline.geo.gazetteer import KIND_ADMIN1, KIND_CITY, Entry
from dateline.geo.resolve import Mention, _anchor_country, _link_hierarchy, country_support, geocode_text
from dateline.model import Article
from tests.conftest import event_place


def _entry(idx: int, kind: int, cc: str, name: str, admin1: str = "01") -> Entry:
    return Entry(idx=idx, kind=kind, name=name, cc=cc, admin1_code=admin1, latitude=0.0, longitude=0.0,
                 population=1000, geonameid=idx, admin2="")


def _places(resources, text: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}


def test_a_district_written_inside_a_province_of_another_country_casts_no_vote() -> None:
    # "Qorvan district, Sarpol": the district is known only in one country, the province only in another; the
    # hierarchy makes the district's reading a namesake, so it must not vote for its own country
    text = "Qorvan district, Sarpol"
    child = Mention(0, 6, "Qorvan", "Qorvan", "GAZ", None, None, "admin2", 0, 0,
                    candidates=[_entry(1, KIND_CITY, "IR", "Qorvan")])
    parent = Mention(17, 23, "Sarpol", "Sarpol", "GAZ", None, None, None, 0, 0,
                     candidates=[_entry(2, KIND_ADMIN1, "AF", "Sarpol", "30")])
    _link_hierarchy(text, [child, parent])
    assert child.parent == 1 and child.outside_parent
    assert _anchor_country(child) is None
    assert _anchor_country(parent) == ("AF", 1.0)


def test_a_list_of_towns_keeps_each_towns_vote() -> None:
    text = "Qorvan, Sarpol"  # two towns listed: no written hierarchy, each still votes
    a = Mention(0, 6, "Qorvan", "Qorvan", "GAZ", None, None, None, 0, 0, candidates=[_entry(1, KIND_CITY, "IR", "Qorvan")])
    b = Mention(8, 14, "Sarpol", "Sarpol", "GAZ", None, None, None, 0, 0, candidates=[_entry(2, KIND_CITY, "AF", "Sarpol")])
    _link_hierarchy(text, [a, b])
    assert not a.outside_parent and _anchor_country(a) == ("IR", 1.0)


def test_a_province_found_only_under_another_name_loses_to_an_armed_groups_country(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Houthi fighters shelled farms on the West Coast overnight, residents said.")
    assert places["West Coast"].country == "Yemen"


def test_a_province_in_a_country_no_word_supports_loses_to_the_paragraphs_country(resources) -> None:  # type: ignore[no-untyped-def]
    # "Red Sea" is a province of Sudan by its own name, and nothing else in the text says Sudan, while its
    # towns are Yemen's: the province reading is a namesake (fails before: Red Sea, Sudan)
    places = _places(resources, "Shells hit homes in Mokha and Taiz, and a Red Sea fishing boat was sunk.")
    assert places["Red Sea"].country == "Yemen"
    # where the text supports the province's country, the province stands
    places = _places(resources, "Sudanese police dispersed a rally in Port Sudan, in Red Sea state, on Friday.")
    assert places["Red Sea"].country == "Sudan"


def test_a_namesake_in_the_country_the_text_supports_beats_a_larger_one_nothing_supports(resources) -> None:  # type: ignore[no-untyped-def]
    # Cheshire, Connecticut outscored the English county on size alone; only Britain is named (fails before:
    # Cheshire, United States)
    places = _places(resources, "In one of Britain's worst riots in years, youths smashed shop windows in Cheshire.")
    assert places["Cheshire"].country == "United Kingdom"
    # a namesake dwarfed by the chosen town is no rival: a US word does not make Tripoli a hamlet in America
    places = _places(resources, "Shopkeepers in Tripoli shut their doors as US dollar prices kept climbing.")
    assert places["Tripoli"].country == "Libya"


def test_a_country_qualifying_a_measure_of_its_economy_is_no_site_that_outvotes_the_sentences_town(resources) -> None:  # type: ignore[no-untyped-def]
    # "a fall in US crude supplies": after "in" the name was read as where things happened, and its full vote sent
    # London to Ohio (fails before: London, United States); the name still counts as a modifier's weak vote
    places = _places(resources, "Oil prices rose in London on Tuesday after a fall in US crude supplies, traders said.")
    assert places["London"].country == "United Kingdom"
    assert places["US"].reason == "country name used as a modifier"


def test_a_town_that_starts_a_longer_name_joined_by_another_languages_word_is_not_a_place_of_its_own(resources) -> None:  # type: ignore[no-untyped-def]
    # "Zavod" alone is a town in Slovakia; "Zavod imeni Frunze" is one name, kept at the province the text gives
    places = _places(resources, "Russian troops shelled the settlement of Zavod imeni Frunze, Luhansk.")
    assert "Zavod" not in places
    assert places["Zavod imeni Frunze"].country == "Ukraine"
    assert places["Zavod imeni Frunze"].admin1 == "Luhansk"


def test_a_states_short_form_in_brackets_after_a_town_picks_the_namesake_in_that_state(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Police clashed with villagers in Aurangabad (BR) on Sunday.")
    assert places["Aurangabad"].admin1 == "Bihar"  # not the larger Aurangabad of Maharashtra
    assert places["BR"].kind == "admin1" and places["BR"].country == "India"


def test_a_states_short_form_after_a_comma_closes_the_hierarchy(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Protesters blocked a road in Aurangabad, BR, on Monday.")
    assert places["Aurangabad"].admin1 == "Bihar"


def test_a_short_form_in_running_text_or_an_agency_credit_is_not_a_place(resources) -> None:  # type: ignore[no-untyped-def]
    assert "UP" not in _places(resources, "UP police arrested two men in Lucknow.")
    assert "AP" not in _places(resources, "LAHORE (AP) — Police arrested two men on Friday.")
    assert "MP" not in _places(resources, "The MP for Hamirpur, MP Singh, said the road was closed.")


def test_a_foreign_forces_demonym_is_not_the_place_when_the_group_it_fights_is_elsewhere(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("French troops struck ISGS positions in a forest near the border.", resources)
    assert all(p.country != "France" for p in places)


def test_a_demonym_with_no_foreign_group_still_gives_its_country(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("Afghan forces repelled a Taliban attack on a checkpoint.", resources)
    assert [p.country for p in places] == ["Afghanistan"]


def test_a_country_named_only_as_the_participants_origin_is_not_the_events_place(resources) -> None:  # type: ignore[no-untyped-def]
    assert event_place(resources, "Families displaced from Iraq staged a sit-in outside the municipal building.",
                       "staged") is None
    assert event_place(resources, "Workers from Nepal protested outside the company offices.", "protested") is None
    # the verb's own "from" and a site preposition still place the event
    assert event_place(resources, "Troops withdrew from Syria on Monday.", "withdrew").country == "Syria"
    assert event_place(resources, "Protesters gathered in Iraq on Friday.", "gathered").country == "Iraq"


def test_the_last_name_of_a_bracketed_list_is_read_as_the_division_that_holds_the_rest(resources) -> None:  # type: ignore[no-untyped-def]
    # the first name is one the gazetteer lacks, so no child links to the province; the bracket still says it
    places = _places(resources, "Farmers blocked a road near a hamlet (Kilo Sitenta, Santa Cruz) on Monday.")
    assert places["Santa Cruz"].kind == "admin1"  # not the larger town of that name in the Philippines


def test_a_longer_name_joined_by_an_article_is_one_unknown_name_even_when_ner_marks_its_first_word(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Gunmen attacked a checkpoint in Mafraq ash Sharqi area (Shabwah) on Monday.")
    assert "Mafraq" not in places and "Sharqi" not in places
    assert places["Mafraq ash Sharqi"].admin1 == "Shabwah"


def test_a_namesake_rejected_abroad_gives_no_country_to_the_unknown_province_it_is_written_in(resources) -> None:  # type: ignore[no-untyped-def]
    # "Chora" is also a Greek town; once rejected, its Greek vote must not make the province's spelling Greek
    places = _places(resources, "Afghan police said Taliban fighters attacked posts in Chora district, Urozgan, on Sunday.")
    assert places["Urozgan"].country == "Afghanistan"
    assert places["Urozgan"].admin1 == "Uruzgan"  # the province found under another spelling, inside the country


def test_a_village_with_namesakes_in_many_provinces_takes_the_one_where_the_named_mission_operates(resources) -> None:  # type: ignore[no-untyped-def]
    places = _places(resources, "Monitors of the OSCE SMM heard shelling near Novoselivka.")
    assert places["Novoselivka"].admin1 == "Donetsk"
    # with no such actor, the most populous namesake as before
    assert _places(resources, "A court in Novoselivka fined a driver.")["Novoselivka"].admin1 != "Donetsk"


def test_a_nationality_word_alone_does_not_move_a_named_town_abroad(resources) -> None:  # type: ignore[no-untyped-def]
    # Sangin is a town of Helmand (a hamlet of that name lies in Myanmar); the only other word of a country is the
    # nationality of the troops or embassy a victim worked for, no side of the killing: it is no vote, and the
    # town stays where it is
    for text in ("A man who had worked as an interpreter for British troops was shot dead in Sangin on Sunday.",
                 "A former driver for the American embassy was killed by gunmen in Sangin."):
        place = _places(resources, text)["Sangin"]
        assert (place.name, place.country) == ("Sangin", "Afghanistan"), (text, place)


def test_the_nationality_of_forces_acted_upon_does_not_move_a_named_town_abroad(resources) -> None:  # type: ignore[no-untyped-def]
    # Sangin: a town of Helmand, a hamlet of that name in Myanmar. Forces that are fired on, ambushed or placed
    # where they serve are often abroad: their nationality is no reason to take the town to their own country
    for text in ("Gunmen fired on British troops in Sangin on Tuesday, wounding two soldiers.",
                 "Insurgents ambushed a convoy of American soldiers near Sangin, killing one.",
                 "A roadside bomb struck British troops stationed in Sangin on Tuesday."):
        place = _places(resources, text)["Sangin"]
        assert (place.name, place.country) == ("Sangin", "Afghanistan"), (text, place)


def test_the_acting_forces_nationality_still_places_a_text_without_a_town(resources) -> None:  # type: ignore[no-untyped-def]
    # with no place named, the forces' nationality is all the text says of its country
    places = geocode_text("Gunmen fired on British troops on Tuesday, wounding two soldiers.", resources)
    assert [p.country for p in places] == ["United Kingdom"]


def _support(resources, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return country_support(Article(id="t", text=text), resources.nlp(text), resources.gazetteer)


def test_country_support_names_the_countries_some_word_of_the_text_points_to(resources) -> None:  # type: ignore[no-untyped-def]
    # a name several countries have says none of them; a nationality word, or a pair only one country holds, does
    assert _support(resources, "Protesters blocked the main road in Nabaa on Sunday.") == {}
    assert _support(resources, "Algerian police dispersed a rally in Nabaa on Sunday.") == {"DZ": "context vote"}
    assert _support(resources, "Nurses marched in Trujillo, La Libertad, on Monday.") == {
        "PE": "place written inside another"}
    # a country the text names only as the target of a protest still names it
    assert "IL" in _support(resources, "Students in Nabaa protested against Israel on Sunday.")
