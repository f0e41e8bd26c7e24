"""A village the index lacks, written in the countryside or on the outskirts of a town the index holds, is kept at
that town (precision 2), not at the province named after it. Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


@pytest.mark.parametrize(
    ("text", "village", "town"),
    [
        ("Regime forces shelled the village of Kherbet Dhahab in the countryside of Salamiyah in Hama.",
         "Kherbet Dhahab", "As Salamiyah"),
        ("Police raided Kwa Mdlalose on the outskirts of Pietermaritzburg on Friday.", "Kwa Mdlalose",
         "Pietermaritzburg"),
    ],
)
def test_a_village_in_the_surroundings_of_a_town_is_kept_at_the_town(resources, text: str, village: str,  # type: ignore[no-untyped-def]
                                                                      town: str) -> None:
    # before: the gap "in the countryside of" was no written place, and the village fell back to the province
    place = next(p for p in geocode_text(text, resources) if p.mention == village)
    assert (place.name, place.geo_precision) == (town, 2), place.reason


@pytest.mark.parametrize(
    "text",
    [
        "Cattle raiders struck the villages of Nakwamoru Juu and Kaputir Chini, near Lokichar on Sunday.",
        "Cattle raiders struck the villages of Nakwamoru Juu, Kaputir Chini and Lorengippi Juu near Lokichar on Sunday.",
    ],
)
def test_every_unknown_village_of_a_list_before_a_town_is_kept_at_the_town(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    # before: only the last village, the one right before "near", was kept at the town; the first went to the county
    places = [p for p in geocode_text(text, resources) if p.mention != "Lokichar"]
    assert places and all((p.name, p.geo_precision) == ("Lokichar", 2) for p in places), [p.reason for p in places]
