"""War wire from Syria, Iraq, Turkey and the Sahel: verbs of bombardment, raids that only arrest, blockades that
security forces break up, and prisons hit from the air. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Syrian warplanes pounded the town of Jisr al-Shughour on Friday.", "Air/drone strike"),
    ("Government troops pounded rebel positions near Latamneh on Friday.", "Shelling/artillery/missile attack"),
])
def test_pounding_a_place_is_a_bombardment(pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == sub_event_type


@pytest.mark.parametrize("text", [
    "Heavy rain pounded the coast of Kerala on Monday.",
    "The opposition hammered the government over rising fuel prices on Monday.",
])
def test_pounding_without_armed_actors_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Iraqi troops arrested four Islamic State suspects in a raid on a village near Tikrit on Thursday.",
    "Turkish police detained 17 suspected PKK members in raids across Van on Tuesday.",
])
def test_a_raid_that_only_arrests_is_arrests(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Arrests"


def test_security_forces_who_shoot_road_blockers_use_excessive_force(pipeline: Pipeline) -> None:
    text = "Security forces shot dead four protesters who were blocking a bridge in Diwaniya on Tuesday."
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Excessive force against protesters"


@pytest.mark.parametrize("text", [
    "Government shelling hit the central prison in Idlib on Monday, killing three inmates, a monitor said.",
    "A drone struck a jail in Misrata on Friday, wounding nine inmates, the health ministry said.",
])
def test_a_prison_hit_from_the_air_or_by_shells_is_no_common_crime(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.event_type == "Explosions/Remote violence"
