"""Accidents and workplaces told with conflict words are no events (codebook: an accident is not political
violence); a landmine still is. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from dateline.settings import Settings


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline(Settings(event_model=False))


@pytest.mark.parametrize("text", [
    "A track worker died on Thursday after he was struck by a freight train near Kimberley, the operator said.",
    "Two pedestrians died after they were run over by a minibus taxi in Polokwane on Friday, police said.",
    "Five people were killed in two fires in informal settlements in Durban on Sunday night, officials said.",
    "Fourteen pupils were hurt when their school bus overturned near Mthatha on Monday, paramedics said.",
    "A family of four died in a shack fire in Khayelitsha early on Saturday, the fire service said.",
    "A fire at a garment factory killed nine workers in Chittagong on Monday, officials said.",
    "A blaze tore through a bus depot in Accra on Tuesday, killing two mechanics.",
])
def test_an_accident_is_no_event(rules: Pipeline, text: str) -> None:
    report = rules.extract_text(text, published="2021-06-07")
    assert report.events == []


def test_a_mine_people_work_at_is_no_landmine(rules: Pipeline) -> None:
    report = rules.extract_text("A miner was killed at the Tau Lekoa mine near Orkney on Thursday, the company said.",
                                published="2021-06-07")
    assert "Remote explosive/landmine/IED" not in [e.sub_event_type for e in report.events]


def test_a_landmine_and_a_deadly_fire_fight_are_still_events(rules: Pipeline) -> None:
    mine = rules.extract_text("Two soldiers died when their patrol vehicle hit a mine near Kidal on Monday.",
                              published="2021-06-08")
    assert [e.sub_event_type for e in mine.events] == ["Remote explosive/landmine/IED"]
    fight = rules.extract_text("Three soldiers were killed in a fire fight with militants near Kidal on Monday.",
                               published="2021-06-08")
    assert fight.events and fight.events[0].event_type == "Battles"


def test_tank_fire_is_a_weapon_not_a_storage_tank(rules: Pipeline) -> None:
    report = rules.extract_text("Army tank fire killed three civilians in a village near Kidal on Tuesday.",
                                published="2021-06-10")
    assert [e.sub_event_type for e in report.events] == ["Shelling/artillery/missile attack"]


def test_a_fire_the_crowd_set_is_not_an_accident(rules: Pipeline) -> None:
    report = rules.extract_text("Rioters set a fire at the municipal offices in Kano on Tuesday.",
                                published="2021-06-10")
    assert [e.event_type for e in report.events] == ["Riots"]
