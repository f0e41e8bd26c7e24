"""First-level divisions named as ACLED names them, with current boundaries: GeoNames' local-language forms
("Splitsko-Dalmatinska", "Moskovskaya") and English forms where ACLED keeps another ("Far North" → "Extreme-Nord")
come from `geo/data/acled_admin1.json`; provinces split since GeoNames recorded them (Central Serbia → Belgrade,
Sumadija and Western Serbia, Southern and Eastern Serbia) from `geo/data/admin1_splits.json`, by the town's
district. Sentences of our own, none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import KIND_ADMIN1, KIND_CITY, Entry
from dateline.geo.resolve import acled_admin1, geocode_text


def _place(resources, text: str, mention: str):  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}[mention]


@pytest.mark.parametrize(
    ("text", "mention", "country", "admin1"),
    [
        ("Dock workers held a rally in Zadar, Croatia, over unpaid wages.", "Zadar", "Croatia", "Zadar"),
        ("Fishermen blocked the harbour road in Makarska, Croatia, on Friday.", "Makarska", "Croatia", "Split-Dalmatia"),
        ("Separatist fighters attacked a checkpoint in Bamenda, Cameroon.", "Bamenda", "Cameroon", "Nord-Ouest"),
        ("Traders protested a new market tax in Bafoussam, Cameroon.", "Bafoussam", "Cameroon", "Ouest"),
        ("Gunmen raided a village near Mokolo, Cameroon, at dawn.", "Mokolo", "Cameroon", "Extreme-Nord"),
        ("Pensioners marched through Podolsk, Russia, against a reform.", "Podolsk", "Russia", "Moscow Oblast"),
        ("Drivers held a protest in Voronezh, Russia, over fuel prices.", "Voronezh", "Russia", "Voronezh Oblast"),
        ("Nurses rallied outside a hospital in Mexico City on Monday.", "Mexico City", "Mexico", "Distrito Federal"),
        ("Armed men stole cattle near Goundam, Mali.", "Goundam", "Mali", "Tombouctou"),
    ],
)
def test_admin1_takes_the_name_acled_uses(resources, text: str, mention: str, country: str, admin1: str) -> None:  # type: ignore[no-untyped-def]
    place = _place(resources, text, mention)
    assert (place.country, place.admin1) == (country, admin1)


@pytest.mark.parametrize(
    ("text", "mention", "admin1"),
    [
        ("Students blocked a bridge in Belgrade, Serbia, for an hour.", "Belgrade", "Belgrade"),
        ("Miners went on strike in Kragujevac, Serbia.", "Kragujevac", "Sumadija and Western Serbia"),
        ("Farmers protested with tractors in Leskovac, Serbia.", "Leskovac", "Southern and Eastern Serbia"),
        ("Workers rallied in Novi Sad, Serbia.", "Novi Sad", "Vojvodina"),
    ],
)
def test_a_split_province_gives_the_current_division(resources, text: str, mention: str, admin1: str) -> None:  # type: ignore[no-untyped-def]
    assert _place(resources, text, mention).admin1 == admin1


def _town(name: str, cc: str, a1: str, admin2: str, kind: int = KIND_CITY) -> Entry:
    return Entry(0, kind, name, cc, a1, 0.0, 0.0, 1000, 0, admin2)


def test_the_towns_district_says_which_part_of_a_split_province() -> None:
    # Burundi: GeoNames codes Mwaro's and Karuzi's communes under Gitega, the province they were carved from
    assert acled_admin1(_town("Somewhere", "BI", "13", "Kayokwe")) == "Mwaro"
    assert acled_admin1(_town("Somewhere", "BI", "13", "Buhiga")) == "Karuzi"
    assert acled_admin1(_town("Somewhere", "BI", "13", "Giheta")) is None  # still Gitega: GeoNames' own name
    # a town with no district recorded keeps the old division unless it bears a district's name (its seat)
    assert acled_admin1(_town("Rudnik", "RS", "SE", "")) is None
    assert acled_admin1(_town("Belgrade", "RS", "SE", "")) == "Belgrade"
    # the province's own record is not a town of one part
    assert acled_admin1(_town("Central Serbia", "RS", "SE", "", kind=KIND_ADMIN1)) is None


@pytest.mark.parametrize(
    ("text", "mention", "country", "admin1"),
    [
        ("Gunmen killed three herders near the hamlet of Tindangou in Diapaga district, East region, on Monday.",
         "East region", "Burkina Faso", "Est"),
        ("Jihadists burned a school in Kaya, Centre-North region, on Tuesday.", "Centre-North", "Burkina Faso",
         "Centre-Nord"),
        ("Gangs blocked the port road in Cap-Haitien, North department, on Monday.", "North department", "Haiti",
         "Nord"),
    ],
)
def test_a_province_named_by_a_compass_point_in_english_finds_its_local_name(  # type: ignore[no-untyped-def]
        resources, text: str, mention: str, country: str, admin1: str) -> None:
    """News writes "East region" for Burkina Faso's Est: the English compass name is an alias of the province, so
    the province that holds the town before it is found, not a namesake province of another country."""
    place = _place(resources, text, mention)
    assert (place.country, place.admin1) == (country, admin1)


def test_a_province_the_index_spells_only_as_its_city_is_the_province(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "Hodeidah province" was the city of that name at precision 1; the province is "al Hudaydah"
    place = _place(resources, "Houthi fighters attacked government positions in Hodeidah province on Monday.",
                   "Hodeidah")
    assert (place.kind, place.country, place.geo_precision) == ("admin1", "Yemen", 3)


@pytest.mark.parametrize("text", [
    "GAZA, May 2 (Reuters) - An Israeli air strike on a school in the Maghazi camp killed six people on Wednesday.",
    "An Israeli drone struck a tent in the Shati camp in Gaza on Thursday, killing two men.",
])
def test_gaza_as_news_write_it_is_the_gaza_strip(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # Mozambique's Gaza province had been the only division of that name, so "X in Gaza" went to Mozambique
    (event,) = pipeline.extract_text(text, published="2024-05-02").events
    assert event.country == "Palestine"


def test_gaza_province_in_a_mozambican_story_stays_in_mozambique(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = pipeline.extract_text("Police fired tear gas at protesters in Chokwe in Gaza province on Monday.",
                                     published="2024-05-02").events
    assert (event.location, event.country) == ("Chokwe", "Mozambique")


# A lower-case direction before a name the index knows only inside its divisions' names ("Darfur" of North,
# South, West … Darfur; "Kordofan") is part of the division's name; a name that is a place itself keeps it.
@pytest.mark.parametrize(
    ("text", "mention", "country", "admin1"),
    [
        ("Herders and farmers fought in western Darfur on Monday.", "western Darfur", "Sudan", "West Darfur"),
        ("Gunmen killed six people in southern Kordofan on Sunday.", "southern Kordofan", "Sudan", "South Kordofan"),
        ("Cattle raiders killed four herders in eastern Equatoria.", "eastern Equatoria", "South Sudan",
         "Eastern Equatoria"),
    ],
)
def test_a_lower_case_direction_is_part_of_the_divisions_name(resources, text: str, mention: str, country: str,  # type: ignore[no-untyped-def]
                                                              admin1: str) -> None:
    place = _place(resources, text, mention)
    assert (place.kind, place.country, place.admin1) == ("admin1", country, admin1)


def test_a_lower_case_direction_before_a_places_own_name_stays_a_part_of_it(resources) -> None:  # type: ignore[no-untyped-def]
    place = _place(resources, "Protesters marched in central Kisumu on Tuesday.", "Kisumu")
    assert (place.name, place.country) == ("Kisumu", "Kenya")


@pytest.mark.parametrize(
    ("text", "mention", "admin1"),
    [
        ("Youths blocked the ferry road in Mambolo, Sierra Leone, after a boat capsized.", "Mambolo", "North Western"),
        ("Dock workers went on strike in Pepel, Sierra Leone, over unpaid wages.", "Pepel", "North Western"),
        ("Police fired tear gas at traders in Binkolo, Sierra Leone, on Monday.", "Binkolo", "Northern"),
        ("Farmers marched through Kabala, Sierra Leone, over seed prices.", "Kabala", "Northern"),
    ],
)
def test_a_town_of_a_split_province_with_no_district_takes_the_nearest_seats_province(  # type: ignore[no-untyped-def]
        resources, text: str, mention: str, admin1: str) -> None:
    # Sierra Leone's 2017 North West Province was carved out of the Northern Province; GeoNames still codes its
    # towns under the old province and gives them no district, so the nearest district seat says which part
    assert _place(resources, text, mention).admin1 == admin1


def test_the_nearest_seat_decides_only_for_a_town_with_no_district() -> None:
    town = Entry(0, KIND_CITY, "Somewhere", "SL", "02", 9.0, -12.9, 1000, 0, "")
    assert acled_admin1(town) == "North Western"  # nearer Kambia and Port Loko than Makeni
    assert acled_admin1(Entry(0, KIND_CITY, "Somewhere", "SL", "02", 8.9, -12.0, 1000, 0, "")) == "Northern"  # by Makeni
    # a town whose district GeoNames records keeps what its district says
    assert acled_admin1(Entry(0, KIND_CITY, "Somewhere", "SL", "02", 9.0, -12.9, 1000, 0, "Tonkolili")) == "Northern"


@pytest.mark.parametrize(("text", "village", "province"), [
    ("Ruling-party youths beat up two opposition members in Kivoga village (Gisozi, Mwaro) on Monday.", "Kivoga village", "Mwaro"),
    ("Police arrested three opposition activists in Nyamugari (Bugenyuzi, Karuzi) on Friday.", "Nyamugari", "Karuzi"),
])
def test_a_province_carved_out_of_another_and_written_by_name_is_a_province(  # type: ignore[no-untyped-def]
        resources, text: str, village: str, province: str) -> None:
    # Mwaro and Karuzi were carved out of Gitega; GeoNames knows only towns of those names, so the province after
    # the commune was read as a small town (or lost to a namesake abroad) and the village fell to Gitega
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert (places[province].kind, places[province].admin1, places[province].geo_precision) == ("admin1", province, 3)
    assert (places[village].name, places[village].admin1, places[village].geo_precision) == (province, province, 2)


def test_a_split_province_named_as_a_province_is_no_town_and_its_seat_stays_a_town(resources) -> None:  # type: ignore[no-untyped-def]
    province = _place(resources, "Ruling-party youths attacked an opposition office in Mwaro province on Sunday.", "Mwaro")
    assert (province.kind, province.admin1, province.geo_precision) == ("admin1", "Mwaro", 3)
    town = _place(resources, "Police arrested a teacher in the town of Mwaro on Sunday.", "Mwaro")
    assert (town.kind, town.admin1, town.geo_precision) == ("city", "Mwaro", 1)
    old = _place(resources, "Police arrested a teacher in Gitega province on Sunday.", "Gitega")
    assert (old.kind, old.admin1) == ("admin1", "Gitega")


def test_a_carved_out_province_holds_only_the_towns_the_split_table_gives_it() -> None:
    from dateline.geo.resolve import _contains

    mwaro = Entry(1, KIND_ADMIN1, "Mwaro", "BI", "13", 0.0, 0.0, 1000, 0, "")
    assert acled_admin1(mwaro) == "Mwaro"
    assert _contains(mwaro, _town("Somewhere", "BI", "13", "Kayokwe"))
    assert not _contains(mwaro, _town("Somewhere", "BI", "13", "Giheta"))  # a commune Gitega kept


@pytest.mark.parametrize(("text", "village", "province"), [
    # the province the text names as a province (`_context_province`)
    (("Police arrested twelve opposition members in Nyakibingo village on Monday, a rights group said.\n\n"
      "The arrests are the latest in Mwaro province, where ruling party youths have beaten several activists."),
     "Nyakibingo", "Mwaro"),
    # the one province every other place of the report lies in (`_article_province`)
    (("Ruling party youths beat three opposition activists in Nyakibingo village on Sunday, a rights group said.\n\n"
      "Earlier this month, activists were detained in Mwaro town and in Kayokwe commune."), "Nyakibingo", "Mwaro"),
    (("Youths clashed with police in Mabolloh village on Tuesday, injuring four people, residents said.\n\n"
      "Similar clashes were reported last year in Kambia and Lunsar."), "Mabolloh", "North Western"),
    # the old province named as such stays the old province
    (("Police arrested twelve opposition members in Nyakibingo village on Monday, a rights group said.\n\n"
      "The arrests are the latest in Gitega province, where ruling party youths have beaten several activists."),
     "Nyakibingo", "Gitega"),
])
def test_a_village_kept_at_the_province_of_its_context_takes_the_current_division(  # type: ignore[no-untyped-def]
        resources, text: str, village: str, province: str) -> None:
    # before: the fallbacks to the context's or the report's province gave the old province GeoNames records
    # (Gitega for Mwaro's villages, Northern for Kambia's district)
    place = _place(resources, text, village)
    assert (place.kind, place.name, place.admin1, place.geo_precision) == ("admin1", province, province, 2)
