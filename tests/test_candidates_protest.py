"""Candidate events of demonstrations told by their form (blockades, gatherings with protest songs, supporters at a
court, rocks thrown, demonstrators damaging property): the rules must propose them, with the codebook's sub-type.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract import build_report
from dateline.model import Article
from dateline.resources import Resources


def candidates(resources: Resources, text: str) -> list[str]:
    """The sub-types of the candidate events the rules propose for a one-sentence text (no learned decision)."""
    doc = resources.nlp(text)
    report = build_report(Article(id="t", text=text, published="2024-03-06"), doc, resources, decide=False)
    return [e.sub_event_type for e in report.events]


@pytest.mark.parametrize(("text", "sub"), [
    ("Members of a residents' committee blockaded the gates of the company offices in Rustenburg on Tuesday.",
     "Peaceful protest"),
    (("Members of the civic group blockaded the entrance of a packaging company in Durban on Monday and were "
      "removed by police."), "Protest with intervention"),
    ("Residents barricaded the main road in Soweto with rocks on Wednesday.", "Violent demonstration"),
])
def test_blockade_of_entrance_or_road_is_a_demonstration(resources: Resources, text: str, sub: str) -> None:
    assert candidates(resources, text) == [sub]


def test_police_barricading_an_entrance_is_no_demonstration(resources: Resources) -> None:
    assert candidates(resources, "Police barricaded the entrance of the stadium on Saturday before the match.") == []


def test_gathering_with_struggle_songs_and_posters_is_a_protest(resources: Resources) -> None:
    text = "About 30 party members gathered outside the conference centre on Tuesday singing struggle songs."
    assert candidates(resources, text) == ["Peaceful protest"]


def test_gathering_singing_birthday_songs_is_no_protest(resources: Resources) -> None:
    assert candidates(resources, "Guests gathered in the hall on Saturday singing birthday songs.") == []


def test_supporters_packing_a_court_in_support_is_a_protest(resources: Resources) -> None:
    text = "Hundreds of supporters packed the Pietermaritzburg High Court on Friday in a show of support for the mayor."
    assert candidates(resources, text) == ["Peaceful protest"]


def test_lawyers_going_to_court_is_no_protest(resources: Resources) -> None:
    assert candidates(resources, "Lawyers went to the Durban High Court on Friday to file an appeal.") == []


def test_rocks_thrown_at_soldiers_are_mob_violence(resources: Resources) -> None:
    text = "Villagers threw rocks at the soldiers in Hebron on Monday and chased them out of the village."
    assert candidates(resources, text) == ["Mob violence"]


def test_rocks_thrown_into_a_river_are_no_event(resources: Resources) -> None:
    assert candidates(resources, "The boys threw rocks into the river on Sunday.") == []


def test_activists_damaging_a_plant_demonstrate_violently(resources: Resources) -> None:
    text = "Activists attacked a chemical plant in Sasolburg on Sunday, causing damage to equipment."
    assert candidates(resources, text) == ["Violent demonstration"]


def test_gunmen_damaging_a_plant_is_property_destruction(resources: Resources) -> None:
    text = "Gunmen attacked a chemical plant in Sasolburg on Sunday, causing damage to equipment."
    assert candidates(resources, text) == ["Looting/property destruction"]
