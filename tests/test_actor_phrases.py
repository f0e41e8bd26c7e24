"""Actors read from the whole phrase that names them: a nationality on the noun an actor word is part of, on the
first of coordinated nouns or after "of"; a named group's own noun is not a second actor; air defences are a
state's military; a mob's target is whom it acted on; civilian property hit makes Civilians the second actor; a
group named in parentheses is the unnamed actor; the side whose attack was repelled comes first; who disrupted a
weapon comes before its owner. Sentences of our own."""

from __future__ import annotations

import pytest

from tests.conftest import only_event


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("An Israeli drone strike killed two militants in Gaza City on Thursday.",
     "Military Forces of Israel", "Unidentified Armed Group (Palestine)"),
    ("On Monday, military forces of Armenia fired on the positions of the military forces of Azerbaijan near Tovuz.",
     "Military Forces of Armenia", "Military Forces of Azerbaijan"),
    ("On Monday, military forces of India and Pakistan exchanged fire across the line of control near Poonch.",
     "Military Forces of India", "Military Forces of Pakistan"),
    ("Three Afghan soldiers were wounded when Taliban fighters attacked a checkpoint in Ghazni on Friday.",
     "Taliban", "Military Forces of Afghanistan"),
    ("On Tuesday, the Ukrainian Forces fired mortars at rebel positions near Horlivka.",
     "Military Forces of Ukraine", "Unidentified Armed Group (Ukraine)"),
    ("On Sunday, residents pelted stones at police in Godhra after a dispute over a water tanker.",
     "Rioters (India)", "Police Forces of India"),
    ("Israeli artillery and tanks shelled houses east of Gaza City on Monday.",
     "Military Forces of Israel", "Civilians (Palestine)"),
    ("Gunmen burned a school and two houses in Djibo on Saturday.",
     "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
    # a group named in parentheses is the unnamed actor
    ("On Sunday, Palestinian militants (likely Hamas) clashed with Israeli troops near Khan Younis.",
     "Hamas Movement", "Military Forces of Israel"),
    ("On Sunday, gunmen (suspected al-Shabaab) attacked a police station in Afgoye.",
     "Al Shabaab", "Police Forces of Somalia"),
    # the side whose attack was repelled is the first actor
    ("On Friday, Iraqi forces repelled an attack by ISIS fighters near Tikrit.",
     "Islamic State (Iraq)", "Military Forces of Iraq"),
    ("On Friday, Afghan soldiers repulsed a Taliban assault on a checkpoint in Kunduz.",
     "Taliban", "Military Forces of Afghanistan"),
    # armed men, and a group's own nouns, are one armed actor
    ("On Sunday, ADF rebel fighters clashed with soldiers near Beni.",
     "ADF: Allied Democratic Forces", "Military Forces of the Democratic Republic of Congo"),
    ("On Friday, armed men clashed with police officers in Culiacan.",
     "Unidentified Armed Group (Mexico)", "Police Forces of Mexico"),
])
def test_actors_come_from_the_phrase_that_names_them(pipeline, text: str, actor1: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Saudi air defences intercepted a ballistic missile fired by Houthi rebels at Riyadh on Wednesday.",
     "Military Forces of Saudi Arabia", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ("On Wednesday a ballistic missile fired by Houthi rebels was intercepted over Riyadh.",
     "Military Forces of Saudi Arabia", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ("Police defused a bomb planted by Maoists near Dantewada on Monday.",
     "Police Forces of India", "CPI (Maoist): Communist Party of India (Maoist)"),
])
def test_who_disrupted_a_weapon_is_the_first_actor_and_its_owner_the_second(pipeline, text, actor1, actor2) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, text)
    assert event.sub_event_type == "Disrupted weapons use"
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_a_defence_ministry_is_no_military_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "Gunmen killed three villagers in Zamfara on Friday, the defence ministry said.")
    assert "Military" not in (event.actor1 or "") and "Military" not in (event.actor2 or "")
