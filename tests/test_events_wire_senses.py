"""Protest, labour and ordinary news as business and local wire tell it: a company's halted production is no
police intervention, the trades that march block roads too, a crowd fighting the police riots whatever the
fighting word, vehicles that crash are accidents, a named mine is a place of work, pay in "US dollars" is no
place, a deal struck is no strike, and a team storming to victory is sport. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def test_production_halted_by_a_strike_is_no_intervention(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Output was halted at the Lubambe mine in Chililabombwe on Monday as 900 workers "
                                  "downed tools over unpaid bonuses.")
    assert (event.sub_event_type, event.actor2) == ("Peaceful protest", None)


def test_police_halting_a_march_still_intervene(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Police halted the march at the Mandela bridge in Johannesburg on Monday.")
    assert event.sub_event_type == "Protest with intervention"


@pytest.mark.parametrize("text", [
    "Nurses blocked the Bulawayo-Beitbridge highway at Gwanda on Friday demanding risk allowances.",
    "Fishermen blocked the main road into Beira on Thursday in protest against a fishing ban.",
])
def test_the_trades_that_march_block_roads_too(pipeline: Pipeline, text: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Students fought running battles with police at the university in Kampala on Tuesday.",
    "Skirmishes between hawkers and police broke out at the main market in Kisumu on Wednesday.",
])
def test_a_crowd_fighting_the_police_riots(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1.startswith("Rioters")


@pytest.mark.parametrize("text", [
    "A bus carrying 60 passengers overturned on the Kampala-Gulu highway on Tuesday, killing eleven people.",
    "A petrol tanker lost its brakes and overturned in Lokoja on Sunday, killing 14 people.",
])
def test_vehicle_crashes_are_accidents(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


def test_a_named_mine_is_a_place_of_work(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Police guarding the Kansanshi mine fired rubber bullets at protesting villagers "
                                  "in Solwezi on Wednesday.")
    assert event.sub_event_type == "Protest with intervention"


def test_pay_in_us_dollars_is_no_place(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Junior doctors stayed away from work for a third day on Wednesday, demanding "
                                 "salaries in US dollars.")
    assert all(e.country != "United States" for e in events)


@pytest.mark.parametrize("text", [
    "The transport union struck a deal with the employers' federation on Friday over the wage increase.",
    "Hearts of Oak stormed to a 3-0 win over Asante Kotoko in Accra on Sunday.",
    "Opposition lawmakers attacked the finance bill during a heated debate in Lusaka on Tuesday.",
])
def test_words_of_violence_in_other_senses_are_no_event(pipeline: Pipeline, text: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)
            if e.sub_event_type in {"Peaceful protest", "Violent demonstration", "Attack"}] == []


@pytest.mark.parametrize("text", [
    "Police used tear gas against youths who torched cars in Sevran on Tuesday night.",
    "Riot police deployed water cannon against rioters who set fire to shops in Leicester on Saturday.",
])
def test_force_used_on_a_crowd_that_burned_property_is_a_riot(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Violent demonstration"


def test_an_attack_a_source_blames_on_a_group_happened(pipeline: Pipeline) -> None:
    # the blame is the police's judgement: the attack is told as a fact, with no side the police took in it
    [event] = events_of(pipeline, "Police blamed dissident republicans for a pipe bomb attack on a house in Lurgan "
                                  "on Monday night.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert not event.actor1.startswith("Police")


def test_who_describes_an_attack_did_not_carry_it_out(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "A man was shot in the legs in Derry on Sunday in what police described as a "
                                  "paramilitary-style attack.")
    assert not event.actor1.startswith("Police")


def test_security_guards_are_private_security_forces(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Security guards shot dead two villagers at a gold mine near Tarkwa on Monday.")
    assert event.actor1 == "Private Security Forces (Ghana)"


def test_striking_workers_who_burn_property_riot(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Striking municipal workers set fire to a depot in Tembisa on Tuesday.")
    assert event.sub_event_type == "Violent demonstration"


def test_a_pipeline_blown_up_is_an_explosive_attack(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Militants blew up a gas pipeline near Arish on Monday.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(("text", "sub"), [
    ("Students petrol-bombed a police post in Kisii on Monday during a protest over fees.", "Violent demonstration"),
    ("Demonstrators stoned a police patrol in Conakry on Wednesday.", "Violent demonstration"),
    ("Opposition protesters came to blows with police outside the electoral commission in Blantyre on Tuesday.",
     "Violent demonstration"),
    ("Stone-throwing youths clashed with police in Kakamega on Friday.", "Violent demonstration"),
    ("A scuffle broke out between supporters of two rival councillors at a ward office in Kitwe on Monday.",
     "Mob violence"),
])
def test_a_crowds_violence_by_hand(pipeline: Pipeline, text: str, sub: str) -> None:
    # petrol bombs, stones and fists: demonstrators who use them riot; a crowd's brawl outside one is mob violence
    assert [e.sub_event_type for e in events_of(pipeline, text)] == [sub]


@pytest.mark.parametrize("text", [
    "Attackers hacked three herders with machetes near Bunia on Thursday.",
    "Two women were hacked to pieces by militiamen in Djugu on Saturday.",
])
def test_people_hacked_with_blades_are_attacked(pipeline: Pipeline, text: str) -> None:
    # a blade on people is an attack on civilians, never a cyber act, and the armed doers are no target
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Attack"


def test_a_municipal_squad_is_no_sports_team(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Hawkers clashed with a municipal anti-encroachment squad in Harare on Monday "
                                  "as their stalls were pulled down.")
    assert event.sub_event_type == "Violent demonstration"


def test_a_petrol_bomb_thrown_at_a_home_stays_an_event(pipeline: Pipeline) -> None:
    # the noun names the thing thrown: the petrol-bombing verb's arson reading must not drop the attack
    assert len(events_of(pipeline, "A petrol bomb was hurled at the offices of an opposition party in Mutare on "
                                   "Sunday.")) == 1
