"""Places of Syria's and Iraq's wars: towns the index holds without a population, and the countries where a group
fights beyond its home. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def test_a_town_without_a_known_population_still_beats_a_namesake_found_by_another_name(pipeline: Pipeline) -> None:
    # Ariha (Idlib) is a district seat GeoNames gives no population; "Ariha" is also an old name of Jericho
    [event] = events_of(pipeline, "Air strikes hit Ariha on Sunday, killing seven civilians.")
    assert event.country == "Syria"


@pytest.mark.parametrize("text", [
    "Hezbollah fighters shelled rebel positions near Qusayr on Friday, killing five rebels.",
    "Israeli jets struck an IRGC convoy near Albukamal on Friday, killing six.",
])
def test_a_group_abroad_does_not_move_a_town_of_its_war_home(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.country == "Syria"


@pytest.mark.parametrize(("text", "admin1"), [
    ("Militants killed two soldiers in Salaheddin province on Tuesday.", "Salah al-Din"),
    ("Protesters set fire to a party office in Missan province on Friday.", "Missan"),
])
def test_wire_spellings_of_iraqs_provinces(pipeline: Pipeline, text: str, admin1: str) -> None:
    [event] = events_of(pipeline, text)
    assert (event.admin1, event.geo_precision) == (admin1, 3)


def test_a_dam_named_after_a_town_is_near_it(pipeline: Pipeline) -> None:
    text = "Gunmen attacked a police checkpoint near the Mosul Dam on Tuesday, wounding four policemen."
    [event] = events_of(pipeline, text)
    assert (event.location, event.geo_precision) == ("Mosul", 2)


@pytest.mark.parametrize(("text", "precision"), [
    ("Government helicopters dropped barrel bombs on villages in southern Idlib on Friday, killing four civilians.", 2),
    ("Air strikes hit a bakery in rural Hama on Monday, killing three.", 2),
    ("Gunmen killed two shopkeepers in Hama on Monday.", 1),
])
def test_a_compass_word_before_a_town_named_like_its_province_names_a_part_of_it(
        pipeline: Pipeline, text: str, precision: int) -> None:
    [event] = events_of(pipeline, text)
    assert event.geo_precision == precision


@pytest.mark.parametrize(("text", "location"), [
    ("A car bomb killed three people in the Karrada neighbourhood of Baghdad on Friday.", "Baghdad"),
    ("A rocket hit a house in the Mezzeh district of Damascus on Friday, wounding four.", "Damascus"),
    ("Gunmen shot dead a trader in the Karachi neighbourhood of Orangi on Friday.", "Karachi"),
])
def test_the_quarter_and_its_city_in_either_order(pipeline: Pipeline, text: str, location: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.location == location


def test_the_venue_of_talks_is_no_site_for_the_next_sentences_act(pipeline: Pipeline) -> None:
    text = ("Diplomats met in Vienna on Sunday to prepare a peace conference on Libya. Hours later, drones struck a "
            "military college on the outskirts of the capital, killing 30 cadets.")
    events = events_of(pipeline, text)
    assert events and all(e.country != "Austria" for e in events)


@pytest.mark.parametrize(("text", "location", "admin1"), [
    ("Turkish-backed factions shelled villages near Serekaniye on Monday, the SDF said.", "Ra’s al ‘Ayn", "Al-Hasakeh"),
    ("Clashes broke out between the SDF and Turkish-backed factions near Gire Spi on Thursday.", "Tall Abyad",
     "Ar-Raqqa"),
    ("Turkish artillery shelled Til Temir on Friday, wounding four people.", "Tall Tamr", "Al-Hasakeh"),
])
def test_kurdish_names_of_towns_of_the_north_east(pipeline: Pipeline, text: str, location: str, admin1: str) -> None:
    # GeoNames gives these towns only their Arabic names; Kurdish reports write the Kurdish ones
    [event] = events_of(pipeline, text)
    assert (event.country, event.admin1, event.location) == ("Syria", admin1, location)


@pytest.mark.parametrize(("text", "location"), [
    ("Guards shot dead a woman who tried to flee al-Hol camp on Monday, the SDF said.", "Al Hawl"),
    ("Militants attacked workers at the Mosul dam on Thursday, killing two.", "Mosul"),
    ("Islamic State militants attacked a Yazidi shepherd on Mount Sinjar in northern Iraq on Tuesday, killing him.",
     "Sinjar"),
])
def test_a_camp_dam_or_mountain_written_after_or_before_its_town_is_near_it(pipeline: Pipeline, text: str,
                                                                         location: str) -> None:
    [event] = events_of(pipeline, text)
    assert (event.location, event.geo_precision) == (location, 2)


def test_a_town_retaken_is_a_place_whatever_the_tagger_calls_the_verb(pipeline: Pipeline) -> None:
    # the packaged tagger reads "retook" as its own lemma; NER calls the town a person
    text = "Government forces retook Palmyra from Islamic State fighters in central Syria on Sunday."
    [event] = events_of(pipeline, text)
    assert (event.location, event.country, event.geo_precision) == ("Tadmur", "Syria", 1)
