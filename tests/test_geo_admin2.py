"""Second-level divisions (admin2: district, cercle, caza, shahrestan, rayon, municipality) as English news and
ACLED write them: GeoNames' name without the administrative word of the country's language ("Caza de Aaley" →
"Aaley", "Bashkia Durrës" → "Durres"). Sentences and names of our own, none from
an evaluation text."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import clean_admin2_name
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
        ("Farim Sector", "Farim"),
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
