"""Who the sides of an event are, as ACLED names them: tribes and clans that fight (communal militias), a bare
"coalition" in war reporting, party supporters who use force, the civilians of a place a strike hit, and a group
named in the sentence before that "the militants" or "its fighters" stand for. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize(("text", "actor1"), [
    ("Gunmen from the Hawiye clan attacked a village near Beledweyne on Monday, killing four people.",
     "Hawiye Clan Militia (Somalia)"),
    ("Members of the Murle tribe attacked a cattle camp in Jonglei on Wednesday, killing 12 people.",
     "Murle Ethnic Militia (South Sudan)"),
    ("Gunmen from the Garre clan attacked a police post in Mandera on Friday, killing two officers.",
     "Garre Clan Militia (Kenya)"),
    ("Fighters from the Murad tribe clashed with Houthi forces in Marib on Tuesday, leaving six dead.",
     "Murad Tribal Militia (Yemen)"),
    ("Ethnic militiamen attacked a village in Ituri on Sunday, killing nine civilians.",
     "Unidentified Communal Militia (Democratic Republic of Congo)"),
])
def test_a_tribe_or_clan_that_fights_is_its_communal_militia(pipeline: Pipeline, text: str, actor1: str) -> None:
    [event] = events_of(pipeline, text)
    assert (event.actor1, event.inter1) == (actor1, 4)


def test_clan_militiamen_are_one_side_and_the_group_they_fight_the_other(pipeline: Pipeline) -> None:
    # "clan militiamen" is one actor, not a communal militia and an unidentified armed group besides
    [event] = events_of(pipeline, "Clan militiamen clashed with al Shabaab fighters near Galkayo on Sunday.")
    assert (event.actor1, event.actor2) == ("Unidentified Communal Militia (Somalia)", "Al Shabaab")


@pytest.mark.parametrize(("text", "actor1"), [
    ("Coalition jets struck a house in Saada on Monday, killing five civilians.", "Operation Restoring Hope"),
    ("Coalition air strikes hit the city of Raqqa on Tuesday, killing 12 people.", "Global Coalition Against Daesh"),
])
def test_a_bare_coalition_is_the_one_at_war_in_the_storys_country(pipeline: Pipeline, text: str,
                                                                   actor1: str) -> None:
    [event] = events_of(pipeline, text)
    assert (event.actor1, event.inter1, event.actor2) == (actor1, 8, f"Civilians ({event.country})")


@pytest.mark.parametrize(("text", "actor2"), [
    ("Supporters of the former president torched a police post in Lubumbashi on Saturday.",
     "Police Forces of the Democratic Republic of Congo"),
    ("Hundreds of supporters of the jailed leader attacked security forces in Dakar on Thursday.",
     "Security Forces of Senegal"),
    ("Supporters of the Awami League attacked an office of the BNP in Chittagong on Sunday, injuring five people.",
     None),
])
def test_supporters_who_use_force_are_rioters(pipeline: Pipeline, text: str, actor2: str | None) -> None:
    # by their conduct: never an unidentified armed group, nor the politician's own state
    [event] = events_of(pipeline, text)
    assert (event.actor1, event.inter1) == (f"Rioters ({event.country})", 5)
    assert actor2 is None or event.actor2 == actor2


def test_armed_supporters_stay_an_armed_group(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Armed supporters of the PTI opened fire on police officers in Lahore on Friday.")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan")


@pytest.mark.parametrize("text", [
    "A drone struck a wedding party in Hajjah province on Saturday, killing 20 guests.",
    "A mortar shell landed on a bus station in Donetsk on Tuesday, killing three.",
])
def test_a_strike_on_a_place_of_civilians_has_civilians_as_second_actor(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.actor2 == f"Civilians ({event.country})"


@pytest.mark.parametrize(("text", "actor1"), [
    (("The Taliban claimed responsibility for a bombing in Kabul on Monday. The militants also attacked a police post "
      "in Ghazni on Monday, killing three officers."), "Taliban"),
    (("Islamic State claimed an attack on an army post in Diyala on Monday. Its fighters also killed four civilians "
      "in a village near Baquba on Tuesday."), "Islamic State (Iraq)"),
    (("Al Shabaab fighters attacked a base near Kismayo on Monday. Militants also ambushed an army convoy near Afgoye "
      "on Tuesday, killing five soldiers."), "Al Shabaab"),
])
def test_the_group_named_before_carries_to_its_description(pipeline: Pipeline, text: str, actor1: str) -> None:
    events = events_of(pipeline, text, published="2019-03-14")
    assert events[-1].actor1 == actor1


def test_a_bare_plural_in_a_new_paragraph_stays_unidentified(pipeline: Pipeline) -> None:
    # a group named in another paragraph does not name the unnamed militants of a new one
    text = ("Al Shabaab fighters attacked a base near Kismayo on Monday.\n\n"
            "Militants ambushed an army convoy near Afgoye on Tuesday, killing five soldiers.")
    events = events_of(pipeline, text, published="2019-03-14")
    assert events[-1].actor1 == "Unidentified Armed Group (Somalia)"


@pytest.mark.parametrize(("text", "actor2"), [
    ("Fierce clashes erupted between the army and Tigrayan forces near Mekelle on Monday.",
     "TPLF: Tigray People's Liberation Front"),
    ("Troops clashed with Kurdish-led fighters near Manbij on Monday.", "QSD: Syrian Democratic Forces"),
])
def test_groups_named_by_the_words_reporters_use(pipeline: Pipeline, text: str, actor2: str) -> None:
    [event] = events_of(pipeline, text, published="2019-03-14")
    assert event.actor2 == actor2


@pytest.mark.parametrize(("text", "actors"), [
    ("The town fell to M23 rebels on Monday after government troops withdrew.",
     ("M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo")),
    ("Jihadists seized the town of Djibo on Sunday after the army withdrew from its base there.",
     ("Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso")),
])
def test_who_withdrew_before_the_ground_was_taken_is_the_side_that_lost_it(pipeline: Pipeline, text: str,
                                                                          actors: tuple[str, str]) -> None:
    [event] = events_of(pipeline, text)
    assert (event.actor1, event.actor2) == actors


@pytest.mark.parametrize(("text", "actors"), [
    ("Houthi rebels fired a ballistic missile at Riyadh on Monday that was intercepted over the city.",
     ("Military Forces of Saudi Arabia", "Military Forces of Yemen (2016-) Supreme Political Council")),
    ("Hamas fired rockets at Ashkelon on Tuesday, most of which were intercepted.",
     ("Military Forces of Israel", "Hamas Movement")),
])
def test_who_fired_an_intercepted_weapon_is_its_owner_not_who_stopped_it(pipeline: Pipeline, text: str,
                                                                        actors: tuple[str, str]) -> None:
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.actor1, event.actor2) == ("Disrupted weapons use", *actors)


@pytest.mark.parametrize(("text", "kurds"), [
    ("Islamic State fighters fired an anti-tank missile at a Kurdish post near Shaddadi on Tuesday, wounding three.",
     "QSD: Syrian Democratic Forces"),
    ("Turkish troops killed five Kurdish militants in Hakkari province on Sunday.", "PKK: Kurdistan Workers Party"),
    ("Kurdish fighters attacked a police post near Mahabad on Monday.", "Unidentified Armed Group (Iran)"),
])
def test_kurdish_fighters_are_the_force_the_kurds_field_in_the_country(pipeline: Pipeline, text: str,
                                                                      kurds: str) -> None:
    events = events_of(pipeline, text, published="2019-03-14")
    assert kurds in {events[0].actor1, events[0].actor2}
