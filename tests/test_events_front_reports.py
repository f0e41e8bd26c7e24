"""The daily formulas of front-line and air-defence reports: drones destroyed in flight are a disrupted weapon,
attacks beaten back are a clash with the attackers' state, the units a report names are its forces, and where a
ministry spoke is not where its air defences fired. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.ingest import article_from_text
from dateline.model import Event
from dateline.pipeline import Pipeline


def events_of(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.extract_article(article_from_text(text, published="2024-03-14")).events


@pytest.mark.parametrize("text", [
    "Russia's air defence systems destroyed 14 Ukrainian drones over the Kursk region overnight, the ministry said.",
    "Belarusian air defences destroyed a drone over the Vitebsk region on Friday.",
])
def test_drones_destroyed_in_flight_are_a_disrupted_weapon(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Disrupted weapons use"


def test_jets_that_destroyed_a_drone_factory_struck_it(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Israeli jets destroyed a drone factory near Tyre on Tuesday.")
    assert event.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text", [
    "Ukrainian troops beat back seven Russian assaults near Toretsk on Wednesday, the General Staff said.",
    "Ukrainian paratroopers repelled Russian infantry near Robotyne on Monday.",
])
def test_attacks_beaten_back_are_a_clash_with_the_attackers_state(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == ("Military Forces of Ukraine", "Military Forces of Russia")


def test_where_a_ministry_spoke_is_not_where_the_drones_were_downed(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Air defences destroyed nine drones over the Belgorod region, the defence ministry in Moscow said.")
    assert event.admin1 == "Belgorod Oblast"
