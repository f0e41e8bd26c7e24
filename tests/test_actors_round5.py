"""Who the sides of an event are, fifth round: the side that lost ground comes second, machines of war with a
nationality, a device's owner, a unit's possessor, a government that lost a town. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    """The one kept event of the text (events sent to review left out)."""
    [event] = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    return event


def test_rebels_that_lost_a_stronghold_are_the_second_side(pipeline: Pipeline) -> None:
    event = _kept(pipeline, "The rebels lost their last stronghold in Idlib province on Wednesday.")
    assert event.actor1 == "Unidentified Armed Group (Syria)"
    assert event.actor2 == "Opposition Rebels (Syria)"


@pytest.mark.parametrize("text", [
    "Government troops withdrew from the town of Menaka on Tuesday after days of rebel shelling.",
    "Government troops withdrew from the town of Menaka on Tuesday after days of fighting.",
])
def test_troops_that_withdrew_under_fire_are_the_second_side(pipeline: Pipeline, text: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.actor2 == "Military Forces of Mali"


@pytest.mark.parametrize(("text", "actor1"), [
    ("Israeli planes fired missiles at a car in Khan Younis on Friday, killing two men.", "Military Forces of Israel"),
    ("Turkish planes hit a village near Duhok on Sunday, killing two shepherds.", "Military Forces of Turkey"),
    ("Syrian choppers dropped barrel bombs on the town of Saraqeb on Monday, killing six civilians.",
     "Military Forces of Syria"),
])
def test_craft_a_nationality_names_are_that_states_military(pipeline: Pipeline, text: str, actor1: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 == actor1


def test_a_passenger_plane_is_no_side(pipeline: Pipeline) -> None:
    event = _kept(pipeline, "Gunmen fired at a passenger plane as it landed in Kabul on Monday, wounding two passengers.")
    assert event.actor1 == "Unidentified Armed Group (Afghanistan)"
    assert event.actor2 == "Civilians (Afghanistan)"


def test_planes_a_report_names_before_an_air_strike_carried_it_out(pipeline: Pipeline) -> None:
    text = ("Egyptian planes have stepped up their raids on the hills around Derna in recent days. Air strikes hit a "
            "farmhouse near Derna on Tuesday, killing four people.")
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 == "Military Forces of Egypt"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Five villagers were killed when their minibus hit a Boko Haram mine near Gwoza on Saturday.",
     "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians (Nigeria)"),
    ("Three soldiers were wounded when their truck struck an al-Shabaab landmine near Baidoa on Friday.",
     "Al Shabaab", "Military Forces of Somalia"),
])
def test_the_group_a_device_is_named_for_laid_it(pipeline: Pipeline, text: str, actor1: str, actor2: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_a_nationality_on_a_mine_names_no_one_who_laid_it(pipeline: Pipeline) -> None:
    event = _kept(pipeline, "A Syrian landmine killed two shepherds near Palmyra on Friday.")
    assert event.actor1 == "Unidentified Armed Group (Syria)"
    assert event.actor2 == "Civilians (Syria)"


@pytest.mark.parametrize(("text", "actor2"), [
    (("YPG fighters held the village of Tal Rifaat for a week. On Tuesday two members of their unit were killed by "
      "Turkish shelling near the village."), "YPG: People's Protection Units"),
    (("Al-Shabaab fighters held the village of Afgoye for a week. On Tuesday three members of their unit were killed "
      "in an air strike near the village."), "Al Shabaab"),
])
def test_a_unit_a_group_calls_its_own_is_that_groups(pipeline: Pipeline, text: str, actor2: str) -> None:
    event = _kept(pipeline, text)
    assert event.actor2 == actor2


def test_a_unit_soldiers_call_their_own_is_the_states(pipeline: Pipeline) -> None:
    text = ("Somali soldiers held the village of Afgoye for a week. On Tuesday three members of their unit were killed "
            "by a roadside bomb near the village.")
    event = _kept(pipeline, text)
    assert event.actor1 == "Unidentified Armed Group (Somalia)"
    assert event.actor2 == "Military Forces of Somalia"


def test_members_of_a_unit_the_group_in_its_sentence_calls_its_own_are_the_group(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.codebook import default_codebook
    from dateline.extraction.actor_phrases import actor_mentions

    sent = next(nlp("Al-Shabaab militants attacked the base, and three members of their unit died in the assault.").sents)
    [members] = [m for m, _ in actor_mentions(sent, default_codebook()) if m.text == "members"]
    assert members.kind == "group"
    assert members.group is not None and members.group["name"] == "Al Shabaab"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("The government lost the town of Baidoa to al-Shabaab fighters on Friday.", "Al Shabaab",
     "Military Forces of Somalia"),
    ("The Malian government lost control of the town of Menaka to rebels on Tuesday.", "Unidentified Armed Group (Mali)",
     "Military Forces of Mali"),
])
def test_a_government_that_lost_a_town_to_fighters_is_its_forces(pipeline: Pipeline, text: str, actor1: str,
                                                                   actor2: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(("text", "country"), [
    ("An interpreter for American forces was shot dead by gunmen in Kandahar on Tuesday.", "Afghanistan"),
    ("Gunmen shot dead an informant for the Kenyan police in Mandera on Monday.", "Kenya"),
])
def test_a_force_a_victim_worked_for_is_no_side_of_the_killing(pipeline: Pipeline, text: str, country: str) -> None:
    event = _kept(pipeline, text)
    assert event.sub_event_type == "Attack"
    assert (event.actor1, event.actor2) == (f"Unidentified Armed Group ({country})", f"Civilians ({country})")


def test_ground_lost_to_a_group_named_before_is_overtaken_by_that_group(pipeline: Pipeline) -> None:
    text = ("YPG fighters attacked Islamic State positions near Tal Abyad on Monday. Islamic State fighters lost their "
            "last stronghold in the area on Tuesday.")
    [event] = [e for e in events_of(pipeline, text, published="2019-03-14")
               if "needs_review" not in e.flags and e.event_date is not None and e.event_date.day == 12]
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1, event.actor2) == ("YPG: People's Protection Units", "Islamic State (Syria)")


def test_a_nationality_on_a_roadside_bomb_names_no_one_who_laid_it(pipeline: Pipeline) -> None:
    event = _kept(pipeline, "A Syrian roadside bomb killed three farmers near Hama on Friday.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")


def test_a_nationality_on_a_bomb_dropped_from_the_air_still_names_its_state(pipeline: Pipeline) -> None:
    event = _kept(pipeline, "An Israeli bomb dropped on a house in Khan Younis killed four people on Sunday.")
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 == "Military Forces of Israel"
