"""Actors of Syria's, Iraq's and Turkey's wars as ACLED names them: the regime and its ruler's forces, the
opposition's rebels, the militias of the Popular Mobilisation Forces, the Turkish-backed Syrian National Army,
groups a clause only labels or blames, and state units that take ground. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize("text", [
    "The regime dropped barrel bombs on Saraqeb on Sunday, killing a woman and her son.",
    "Regime shelling killed three civilians in the town of Kafranbel on Friday.",
    "Assad's forces shelled the town of Saraqeb on Wednesday, killing two women.",
    "Troops loyal to President Bashar al-Assad shelled the town of Latamneh on Monday, killing four civilians.",
])
def test_the_regime_and_its_rulers_forces_are_the_states_military(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.actor1 == "Military Forces of Syria"


def test_a_government_that_arrests_stays_the_government_or_police(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "The government arrested 20 opposition activists in Caracas on Monday.")
    assert not (event.actor1 or "").startswith("Military Forces")


def test_unnamed_rebels_in_syria_are_the_opposition(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Rebels ambushed an army convoy near Kafranbel on Tuesday, killing seven soldiers.")
    assert (event.actor1, event.inter1) == ("Opposition Rebels (Syria)", 2)


@pytest.mark.parametrize(("text", "actor1"), [
    ("Gunmen from Asaib Ahl al-Haq shot dead three protesters in Kut on Thursday.",
     "Military Forces of Iraq (2018-) Popular Mobilization Forces"),
    ("Fighters of Ahrar al-Sham attacked an army post near Sarmin on Thursday, killing four soldiers.",
     "AAS: Ahrar al Sham"),
    ("Fighters of the Turkish-backed Syrian National Army shot dead a Kurdish farmer in Afrin on Thursday.",
     "JWS: Syrian National Army"),
    ("Turkey-backed rebels shelled the village of Tal Tamr on Thursday, killing two civilians.",
     "JWS: Syrian National Army"),
])
def test_the_wars_groups_are_named(pipeline: Pipeline, text: str, actor1: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.actor1 == actor1


def test_kataib_hezbollah_is_no_lebanese_hezbollah(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "A U.S. air strike killed four Kataib Hezbollah fighters near Qaim on Sunday.")
    assert event.actor2 == "Military Forces of Iraq (2018-) Popular Mobilization Forces"


def test_a_group_a_clause_only_labels_is_no_side(pipeline: Pipeline) -> None:
    text = ("Turkish howitzers shelled positions of the YPG, which Ankara regards as an offshoot of the PKK, near "
            "Manbij on Friday.")
    [event] = events_of(pipeline, text)
    assert event.actor2 == "YPG: People's Protection Units"


def test_a_group_the_attack_is_blamed_on_is_not_its_target(pipeline: Pipeline) -> None:
    text = "A car bomb killed five people in Azaz on Friday, in an attack Turkish officials blamed on the YPG."
    [event] = events_of(pipeline, text)
    assert event.actor2 == "Civilians (Syria)"


def test_a_state_unit_that_takes_a_town_regains_territory(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "The Tiger Forces seized the town of Kafranbel from jihadist fighters on Monday.")
    assert (event.sub_event_type, event.actor1) == ("Government regains territory", "Military Forces of Syria")
