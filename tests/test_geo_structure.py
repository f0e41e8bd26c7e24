"""Where a sentence names more places than the event's: the text's structure around them ("from X to Y", "the
neighbouring Y", "Bab al X", "a man from X"). Sentences of our own, none from an evaluation text."""

from __future__ import annotations

from dateline.geo.resolve import geocode_text
from dateline.nlp.components.places import propose_toponyms
from tests.conftest import event_place


def _place(places, mention: str):  # type: ignore[no-untyped-def]
    return next(p for p in places if p.mention == mention)


def test_a_raid_over_a_stretch_from_one_town_to_another_is_coded_at_the_first(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Jets bombed fuel depots along the stretch from Gweru to Masvingo on Sunday."
    assert event_place(resources, text, "bombed").mention == "Gweru"


def test_a_march_from_one_town_to_another_is_still_coded_where_it_arrives(resources) -> None:  # type: ignore[no-untyped-def]
    # the guard of the stretch rule above: a verb of going reaches the second town (route_end_motion)
    text = "Hundreds of miners marched from Kwekwe to Gweru to demand their wages."
    assert event_place(resources, text, "marched").mention == "Gweru"


def test_a_neighbouring_country_named_in_passing_does_not_pull_a_town_abroad(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Farmers blocked the highway at Saryagash to protest water cuts blamed on the neighbouring Uzbekistan."
    town = _place(geocode_text(text, resources), "Saryagash")
    assert town.country == "Kazakhstan" and town.kind == "city"


def test_the_first_word_of_an_unknown_longer_name_is_not_a_town_of_its_own(resources) -> None:  # type: ignore[no-untyped-def]
    text = "A shell hit the Bab al Sharqi market (Old City, Taizz) on Friday."
    doc = resources.nlp(text)
    assert "Bab" not in {doc[c.start : c.end].text for c in propose_toponyms(doc, resources.gazetteer, keep_blocked=True)}
    assert {p.country for p in geocode_text(text, resources) if p.country} == {"Yemen"}


def test_an_unknown_village_after_a_place_word_is_kept_where_the_text_puts_it(resources) -> None:  # type: ignore[no-untyped-def]
    village = _place(geocode_text("Soldiers burned houses in the village of Kumbaru near Maiduguri, Borno.", resources),
                     "Kumbaru")
    assert village.country == "Nigeria" and village.admin1 == "Borno" and village.geo_precision == 2


def test_a_persons_home_town_the_gazetteer_lacks_is_proposed_but_an_organisation_is_not(resources) -> None:  # type: ignore[no-untyped-def]
    home = _place(geocode_text("Gunmen shot dead a trader from Kwakwaru in Borno.", resources), "Kwakwaru")
    assert home.admin1 == "Borno" and home.geo_precision == 2 and "not in the gazetteer" in (home.reason or "")
    assert [p.mention for p in geocode_text("A woman from Amnesty International was detained in Harare.", resources)] == ["Harare"]
