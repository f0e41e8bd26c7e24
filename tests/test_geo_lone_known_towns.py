"""Geocoding: a town that is the only place of its name in the index, large enough to be known by it, written in a
clause of its own, keeps its reading against a country another clause names ("shot in Morocco and shown at the
festival in Cannes"). Where the country's name stands in the town's own clause, or the name is a village or one
of several namesakes, the context's country still takes it (an unlisted local place). Sentences are our own; the
town tests fail without the change, the others guard the context rule."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _place(resources, text: str, name: str):  # type: ignore[no-untyped-def]
    return next(p for p in geocode_text(text, resources) if p.mention == name)


@pytest.mark.parametrize(("text", "name", "country"), [
    # before: Cannes "rejected: the sentence/paragraph is about Morocco"
    ("The film was shot in Morocco and shown at the festival in Cannes.", "Cannes", "France"),
    ("The opera was written in Egypt and first staged in Bayreuth.", "Bayreuth", "Germany"),
    ("The festival opened in Tunisia and closed in Avignon.", "Avignon", "France"),
    ("The novel was written in Kenya and printed in Siena.", "Siena", "Italy"),
])
def test_a_lone_known_town_in_its_own_clause_keeps_its_reading(resources, text, name, country) -> None:  # type: ignore[no-untyped-def]
    place = _place(resources, text, name)
    assert (place.kind, place.country) == ("city", country), place.reason


@pytest.mark.parametrize(("text", "name", "country"), [
    # the country's name in the town's own clause: the rule for unlisted local places
    ("Troops in Morocco arrested two men in Cannes.", "Cannes", "Morocco"),
    # the country's nationality word in the town's clause
    ("The film was shot in Morocco and Moroccan police guarded the screening in Cannes.", "Cannes", "Morocco"),
    # a place the text calls a village: an unlisted local one
    ("Gunmen attacked a convoy in Syria. Soldiers then stormed Avignon, a village nearby.", "Avignon", "Syria"),
    ("Gunmen attacked a convoy in Syria and soldiers then stormed the village of Avignon.", "Avignon", "Syria"),
])
def test_the_context_country_keeps_a_town_of_its_own_clause(resources, text, name, country) -> None:  # type: ignore[no-untyped-def]
    place = _place(resources, text, name)
    assert place.country == country, place.reason
