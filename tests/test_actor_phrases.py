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
    (("On Wednesday, military forces of Kyrgyzstan fired on the outposts of the military forces of Tajikistan near "
      "Isfara."), "Military Forces of Kyrgyzstan", "Military Forces of Tajikistan"),
    ("On Thursday, military forces of Thailand and Cambodia exchanged fire along the border near Preah Vihear.",
     "Military Forces of Thailand", "Military Forces of Cambodia"),
    ("Three Afghan soldiers were wounded when Taliban fighters attacked a checkpoint in Ghazni on Friday.",
     "Taliban", "Military Forces of Afghanistan"),
    ("On Tuesday, the Ukrainian Forces fired mortars at rebel positions near Horlivka.",
     "Military Forces of Ukraine", "Unidentified Armed Group (Ukraine)"),
    ("On Saturday, villagers pelted stones at police in Bhiwandi after a quarrel over a cricket match.",
     "Rioters (India)", "Police Forces of India"),
    ("Israeli artillery and tanks shelled houses east of Gaza City on Monday.",
     "Military Forces of Israel", "Civilians (Palestine)"),
    ("Gunmen burned a school and two houses in Djibo on Saturday.",
     "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
    # a group named in parentheses is the unnamed actor
    ("On Thursday, Palestinian gunmen (probably Hamas) clashed with Israeli soldiers near Beit Lahia.",
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


def test_who_holds_the_town_struck_is_not_who_struck_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the group in "a town controlled by X" was the by-agent of the sentence, so the air strike's actor1
    events = pipeline.extract_text("A string of air raids on Ariha, a town of southern Idlib controlled by Hayat "
                                   "Tahrir al-Sham fighters, killed nine civilians on Tuesday.").events
    assert [(e.actor1, e.actor2) for e in events] == [("Unidentified Armed Group (Syria)", "Civilians (Syria)")]


def test_a_capital_that_launches_an_offensive_is_its_states_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "Ankara" was no actor (the group it fought became actor1) but was the offensive's place
    events = pipeline.extract_text("Ankara launched a military offensive against Kurdish YPG fighters near Tal Abyad "
                                   "on Sunday.").events
    assert [(e.actor1, e.actor2, e.country) for e in events] == [
        ("Military Forces of Turkey", "YPG: People's Protection Units", "Syria")]


def test_a_capital_that_acts_is_not_where_the_act_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.extract_text("Tehran fired missiles at two US bases in Iraq on Wednesday.").events
    assert [(e.actor1, e.country) for e in events] == [("Military Forces of Iran", "Iraq")]


def test_a_capital_that_comes_under_fire_stays_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.extract_text("Damascus came under rocket fire on Monday, state media said.").events
    assert [(e.location, e.actor1) for e in events] == [("Damascus", "Unidentified Armed Group (Syria)")]


def test_who_dies_in_an_explosion_is_its_victim(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the subject of "died" was read as the agent, so the British soldier set off the bomb
    events = pipeline.extract_text("A British soldier serving with the coalition has died in an explosion near "
                                   "Manbij on Thursday, officials said.").events
    assert [(e.actor1, e.actor2) for e in events] == [
        ("Unidentified Armed Group (Syria)", "Military Forces of the United Kingdom")]


@pytest.mark.parametrize(("text", "actor1", "location"), [
    # the country as the subject, the possessor or the by-agent of an armed act is its state's forces
    ("Jordan's air strikes on militant camps near Rukban killed nine fighters on Tuesday.",
     "Military Forces of Jordan", "Rukban"),
    ("Turkey shelled two villages near Tal Tamr on Friday, killing four civilians.",
     "Military Forces of Turkey", "Tall Tamr"),
    ("The village of Kafr Zita was bombed by Russia on Monday, killing six civilians.",
     "Military Forces of Russia", "Kafr Zayta"),
    # a country that acts casts no vote for where the act is: the town struck keeps its own country
    ("The United States launched cruise missiles at an air base near Homs on Friday.",
     "Military Forces of the United States", "Homs"),
])
def test_a_country_that_carries_out_an_armed_act_is_its_states_forces(pipeline, text, actor1, location) -> None:  # type: ignore[no-untyped-def]
    # before: the act had no actor (an unidentified armed group of the place's country took its part), and the
    # acting country's vote made "Homs" a namesake in the United States
    event = only_event(pipeline, text)
    assert (event.actor1, event.location) == (actor1, location)


def test_a_country_that_suffers_an_act_is_no_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "Gunmen attacked a police post in northern Burkina Faso on Sunday, killing five.")
    assert "Military Forces of Burkina Faso" not in (event.actor1, event.actor2)


@pytest.mark.parametrize(("text", "not_actor"), [
    ("Scores of residents of a rebel-held district of Homs were choked by chlorine gas on Wednesday.", "rebel"),
    ("Militants fired rockets at an army-controlled town near Sirte on Monday.", "army"),
    ("Government warplanes bombed a rebel-held town in Idlib province on Monday.", "rebel"),
])
def test_who_holds_a_hyphenated_place_is_not_its_attacker_nor_its_target(pipeline, text, not_actor) -> None:  # type: ignore[no-untyped-def]
    # before: "rebel-held" made the rebels the gas attack's actor and the air strike's target, and "army-controlled"
    # made the army the rocket attack's actor
    event = only_event(pipeline, text)
    assert all(event.evidence[f].text.lower() != not_actor for f in ("actor1", "actor2") if f in event.evidence)


def test_a_nationality_on_a_strike_names_the_state_that_struck(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "an Israeli drone strike" named Israel's forces (through the drone) but "an Israeli air strike" did not
    event = only_event(pipeline, "An Israeli air strike on a house in Khan Younis killed 12 people on Tuesday.")
    assert (event.actor1, event.actor2, event.fatalities) == ("Military Forces of Israel", "Civilians (Palestine)", 12)


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    # the side attacked is the second actor, and an unnamed attacker the first
    ("An attack on a police station in Maiduguri killed four officers on Sunday.",
     "Unidentified Armed Group (Nigeria)", "Police Forces of Nigeria"),
    ("Police officers came under fire in Tijuana on Monday night.",
     "Unidentified Armed Group (Mexico)", "Police Forces of Mexico"),
])
def test_the_side_attacked_in_a_battle_is_the_second_actor(pipeline, text: str, actor1: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    # before: the only side named came first, whether it attacked or was attacked
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_nationalities_coordinated_on_troops_name_both_states(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: only the first nationality counted, and the second side became an unidentified armed group
    event = only_event(pipeline, "Indian and Chinese troops clashed near the border in Ladakh on Monday night.")
    assert (event.actor1, event.actor2) == ("Military Forces of India", "Military Forces of China")


def test_possessives_are_not_quote_marks_and_the_juntas_forces_are_its_military(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the apostrophes of "junta's" and "region's" were read as a slogan's quote marks, so the province
    # named between them was no candidate for the event's place; and "the junta's forces" named no state
    event = only_event(pipeline, "The military junta's forces burned down dozens of homes in Magway region's Gangaw "
                                 "township on Saturday.")
    assert (event.actor1, event.country, event.admin1) == ("Military Forces of Myanmar", "Myanmar", "Magway")


@pytest.mark.parametrize(("text", "sub_event_type", "actors"), [
    # who takes the ground is the first actor, who gives it up the second
    ("Al-Shabaab militants took over the town of Bulo Burde after government troops withdrew on Monday.",
     "Non-violent transfer of territory", ("Al Shabaab", "Military Forces of Somalia")),
    ("Troops retook the town of Gwoza from Boko Haram on Sunday.", "Government regains territory",
     ("Military Forces of Nigeria", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")),
])
def test_who_takes_ground_comes_first_and_who_gives_it_up_second(pipeline, text, sub_event_type, actors) -> None:  # type: ignore[no-untyped-def]
    # before: the state's forces came first whichever side withdrew, and "retook" was no trigger at all
    event = only_event(pipeline, text)
    assert (event.sub_event_type, (event.actor1, event.actor2)) == (sub_event_type, actors)


@pytest.mark.parametrize(("text", "actors"), [
    # a speaker that reports another's act is no side of it; one that reports its own act is
    ("Police said on Wednesday that gunmen had killed five farmers in Benue state.",
     ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")),
    ("Police said they arrested five protesters in Abuja on Monday.",
     ("Protesters (Nigeria)", "Police Forces of Nigeria")),
])
def test_a_speaker_before_the_report_is_an_actor_only_of_its_own_act(pipeline, text, actors) -> None:  # type: ignore[no-untyped-def]
    # before: "Police said gunmen had killed five farmers" made the police the killers
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == actors


def test_the_country_that_backs_the_rebels_is_not_where_they_attacked(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.extract_text("The rebels, who officials say are backed by Rwanda, shelled army positions with "
                                   "mortars on Sunday morning, residents said.").events
    # before: "backed by Rwanda" was the sentence's only place, and the shelling was placed in Rwanda
    assert events and all(e.country != "Rwanda" for e in events)


@pytest.mark.parametrize(("text", "actor2"), [
    # a nationality on the base or post attacked names the forces that held it; a military base is the state's
    ("Kurdish militants attacked a Turkish military base in northern Iraq on Monday, killing nine soldiers.",
     "Military Forces of Turkey"),
    ("Militants attacked a military base in Mali's Mopti region on Sunday.", "Military Forces of Mali"),
])
def test_whose_base_was_attacked_is_the_second_actor(pipeline, text: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    # before: the Turkish base's defenders were Iraq's forces, and a military base named no side at all
    assert only_event(pipeline, text).actor2 == actor2


def test_clans_that_clash_are_communal_militias_on_both_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the clans were no actor, and the clash was an unidentified group's of no country
    event = only_event(pipeline, "Clashes between two clans over grazing land left eight people dead in Galgaduud on "
                                 "Sunday.")
    assert (event.actor1, event.actor2, event.country) == ("Unidentified Communal Militia (Somalia)",
                                                           "Unidentified Communal Militia (Somalia)", "Somalia")


def test_a_closing_credit_is_no_actor_however_the_parse_hangs_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the parse hung "police and residents said" on the state's name, and the police became the kidnappers
    event = only_event(pipeline, "Gunmen abducted 15 people, including a village head, in an overnight raid on Kajuru "
                                 "in Nigeria's Kaduna state, police and residents said on Sunday.")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")


def test_a_possessive_closing_credit_is_no_side_of_the_battle(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "the army's" of the credit stayed a military mention and became actor2, the army fighting itself
    event = only_event(pipeline, "Security forces killed six insurgents near Wana on Monday, the military's media "
                                 "wing said.")
    assert (event.actor1, event.actor2) == ("Security Forces of Pakistan", "Unidentified Armed Group (Pakistan)")


def test_a_wire_datelines_capital_is_not_the_state_acting(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "NAIROBI," parsed as the subject of "fired" made Kenya's military the force that intervened
    text = ("NAIROBI, June 20 (Wire) - Kenyan police fired tear gas and water cannon at thousands of protesters in "
            "Nairobi on Thursday as demonstrations against proposed tax increases spread.")
    events = pipeline.extract_text(text, published="2024-06-20").events
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Protest with intervention", "Police Forces of Kenya")]


@pytest.mark.parametrize(("text", "actors"), [
    # a rebel group's own "… Army" name is no state's army; the whole acts with its fighters or faction
    ("A faction of the Free Syrian Army clashed with HTS fighters near Saraqib on Monday.",
     ("Free Syrian Army", "HTS: Hayat Tahrir al Sham")),
    ("Fighters of the Arakan Army attacked a military outpost near Paletwa on Sunday.",
     ("AA: Arakan Army", "Military Forces of Myanmar")),
    # a state's army stays the state's
    ("The Syrian army shelled rebel positions near Saraqib on Monday.",
     ("Military Forces of Syria", "Opposition Rebels (Syria)")),
])
def test_a_rebel_armys_own_name_and_its_fighters(pipeline, text: str, actors: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    # before: "Free Syrian Army" was Syria's military, and "fighters of the Arakan Army" made the Arakan Army
    # the side attacked and its fighters an unidentified armed group
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == actors


@pytest.mark.parametrize(("text", "actor2"), [
    # a state's units by the words of its units: a military patrol or convoy, a junta's base, federal forces
    ("Jihadists ambushed a military patrol near Djibo in northern Burkina Faso on Sunday.",
     "Military Forces of Burkina Faso"),
    ("Insurgents ambushed a military convoy near Diffa on Monday.", "Military Forces of Niger"),
    ("Resistance fighters attacked a junta base near Loikaw on Tuesday.", "Military Forces of Myanmar"),
    ("Fano militiamen fought federal forces near Gondar on Monday.", "Military Forces of Ethiopia"),
])
def test_the_words_of_a_states_units_name_its_forces(pipeline, text: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    # before: no second actor in each
    assert only_event(pipeline, text).actor2 == actor2


@pytest.mark.parametrize("text", [
    "Israeli settlers torched olive groves near Nablus on Tuesday.",
    "Settlers attacked Palestinian shepherds near Yatta on Friday.",
])
def test_settlers_take_the_nationality_the_text_or_acled_gives_them(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    # before: "Settlers (Palestine)", the event's country
    assert only_event(pipeline, text).actor1 == "Settlers (Israel)"


@pytest.mark.parametrize(("text", "published", "actor1"), [
    # after 15 August 2021 the Taliban are Afghanistan's state forces; a police word names its police
    ("Taliban police detained three reporters in Mazar-i-Sharif on Monday.", "2023-06-14", "Police Forces of Afghanistan"),
    ("Taliban fighters killed two gunmen in a raid in Jalalabad on Monday.", "2023-06-14",
     "Military Forces of Afghanistan"),
    # before it, the rebel group
    ("Taliban fighters killed two soldiers in a raid near Jalalabad on Monday.", "2019-06-14", "Taliban"),
])
def test_a_group_in_power_is_the_state_from_that_day(pipeline, text: str, published: str, actor1: str) -> None:  # type: ignore[no-untyped-def]
    assert only_event(pipeline, text, published=published).actor1 == actor1


def test_forces_coordinated_with_a_group_are_their_own_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "Taliban and Pakistani border forces exchanged fire near Chaman on Sunday.",
                       published="2023-06-14")
    assert {event.actor1, event.actor2} == {"Military Forces of Afghanistan", "Military Forces of Pakistan"}


@pytest.mark.parametrize(("text", "actor1"), [
    # "U.S." and "UK" as wire copy writes them name their states
    ("U.S. jets struck a militia depot near Al-Qaim on Friday.", "Military Forces of the United States"),
    ("UK forces shot down two drones over the Red Sea on Tuesday.", "Military Forces of the United Kingdom"),
    # a nationality on the fire names the state firing
    ("Israeli gunfire killed a fisherman off Beit Lahia on Monday.", "Military Forces of Israel"),
])
def test_states_as_wire_copy_writes_them(pipeline, text: str, actor1: str) -> None:  # type: ignore[no-untyped-def]
    assert only_event(pipeline, text, published="2024-03-14").actor1 == actor1


def test_who_runs_the_source_is_never_the_perpetrator(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "At least nine people were killed in Jabalia on Monday, the Hamas-run health ministry said."
    assert only_event(pipeline, text, published="2024-03-14").actor1 != "Hamas Movement"


def test_a_weapon_the_subject_acted_with_is_no_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "with artillery": the troops' weapon, not the army of the country hit
    event = only_event(pipeline, "Russian troops pounded Kupiansk with artillery on Sunday, wounding a nurse.",
                       published="2024-03-14")
    assert event.actor2 == "Civilians (Ukraine)"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Chinland Defence Force fighters attacked a junta camp near Hakha on Monday, killing three soldiers.",
     "Chinland Defence Force", "Military Forces of Myanmar"),
    ("The Kuki National Army ambushed an army patrol near Tengnoupal on Sunday.",
     "Kuki National Army", "Military Forces of India"),
    # a nationality before "National Army" names the state
    ("Afghan National Army troops clashed with Taliban fighters near Baghlan on Monday.",
     "Military Forces of Afghanistan", "Taliban"),
])
def test_a_defence_force_or_national_army_named_by_its_people_is_a_group(pipeline, text, actor1, actor2) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, text, published="2019-05-05")
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(("text", "actor1"), [
    ("CODECO militiamen attacked a displaced persons camp near Bule on Monday, killing nine people.",
     "CODECO: Cooperative for the Development of Congo"),
    ("Clan del Golfo fighters attacked a military patrol in Choco on Monday, killing two soldiers.", "Clan del Golfo"),
    # a group whose name holds a shorter group's name is itself ("… National Liberation Army" is not the ELN)
    ("West Papua National Liberation Army fighters burned a school in Nduga on Tuesday.",
     "TPNPB: West Papua National Liberation Army"),
])
def test_named_groups_of_more_regions(pipeline, text: str, actor1: str) -> None:  # type: ignore[no-untyped-def]
    assert only_event(pipeline, text, published="2024-03-14").actor1 == actor1


def test_border_guards_are_a_states_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "Iranian border guards clashed with smugglers near Mirjaveh on Monday, killing two.",
                       published="2024-03-14")
    assert event.actor1 == "Military Forces of Iran"
