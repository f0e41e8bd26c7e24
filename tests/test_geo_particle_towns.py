"""A word that opens longer names ("Bani", "Santa") written alone as the town of a hierarchy after an unknown
village ("X (Bani, Peravia)") is that town when the division after it holds a town of the name, as a first name
there already was; a hyphenated division ("Dix-Huit Montagnes") is read whole. Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


@pytest.mark.parametrize(
    ("text", "town", "admin1", "country"),
    [
        ("Police clashed with traders in Paraje Lomita (Bani, Peravia) on Monday.", "Bani", "Peravia",
         "Dominican Republic"),
        ("Youths burned a police post in Gbapleu (Santa, Dix-Huit Montagnes) on Sunday.", "Santa",
         "Dix-Huit Montagnes", "Ivory Coast"),
    ],
)
def test_a_name_particle_written_as_the_town_of_a_hierarchy_is_the_town(resources, text: str, town: str,  # type: ignore[no-untyped-def]
                                                                         admin1: str, country: str) -> None:
    # before: the word was dropped as the opening of a longer name, and the village fell back to the province
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert town in places, sorted(places)
    assert (places[town].admin1, places[town].country) == (admin1, country), places[town].reason

