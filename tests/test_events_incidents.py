"""One incident told in several sentences is one event; two incidents stay two (events._merge, events._paragraphs,
and the incident model's merging in extraction/incidents.py). Texts are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def test_a_headline_that_words_the_leads_incident_another_way_folds_into_the_leads_event(pipeline: Pipeline) -> None:
    # the headline says "clash", the lead tells tear gas used to disperse the crowd: one demonstration, coded from
    # the lead (a protest with intervention on Monday), with the headline kept as a mention
    text = ("Protesters clash with police in Nakuru\n\n"
            "Police fired tear gas to disperse protesters in Nakuru on Monday, witnesses said.")
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Protest with intervention"
    assert event.event_date == dt.date(2024, 3, 11)
    assert "needs_review" not in event.flags
    assert any(m.text.startswith("Protesters clash with police") for m in event.mentions)


def test_a_headline_of_another_kind_of_disorder_than_the_lead_stays_its_own(pipeline: Pipeline) -> None:
    # a headline about a protest over a lead about a killing at the same place: not one incident
    text = ("Hundreds march in Nakuru over fuel prices\n\n"
            "Gunmen shot dead a trader in Nakuru on Monday, police said.")
    events = events_of(pipeline, text)
    assert {e.event_type for e in events} == {"Protests", "Violence against civilians"}


def _fields(pipeline: Pipeline, text: str) -> list[tuple[object, ...]]:
    return [(e.sub_event_type, e.event_date, e.time_precision, e.location, e.geo_precision, e.fatalities)
            for e in events_of(pipeline, text)]


def test_a_story_typed_one_paragraph_a_line_gives_the_events_it_gives_with_blank_lines(pipeline: Pipeline) -> None:
    # before: the single-line layout was one long paragraph for events and places, while dating already parted
    # it at each line's end, so the same story gave other places and precisions in the two layouts
    lines = ["A roadside bomb killed four soldiers in Gao on Sunday, the army said.",
             "Separately, suspected jihadists abducted two aid workers.",
             "They were taken from their vehicle near Menaka."]
    one_a_line, blank_lines = _fields(pipeline, "\n".join(lines)), _fields(pipeline, "\n\n".join(lines))
    assert one_a_line == blank_lines
    assert one_a_line[0][:2] == ("Remote explosive/landmine/IED", dt.date(2024, 3, 10))


def test_houses_the_raiders_burned_are_part_of_the_raid_and_a_raid_two_days_later_is_another(
        pipeline: Pipeline) -> None:
    # the codebook's looting/property destruction is burning "without a wider violent event": houses the
    # attackers burned in the raid are the raid's, one attack; the next raid, told on another day, is a second
    text = ("Gunmen raided the village of Kwari in Zamfara state on Tuesday, killing five people.\n\n"
            "The attackers burned houses and a police post before fleeing, residents said.\n\n"
            "Two days later, gunmen attacked the neighbouring village of Dangulbi, killing three.")
    events = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in events] == [
        ("Attack", dt.date(2024, 3, 12), 5), ("Attack", dt.date(2024, 3, 14), 3)]
    assert any(m.text.startswith("The attackers burned") for m in events[0].mentions)


def test_a_retelling_that_gives_the_exact_day_dates_a_strike_told_only_by_its_day_of_telling(
        pipeline: Pipeline) -> None:
    # the lead dates the strikes only by the ministry's day of telling (Thursday); the retelling gives their day
    text = ("Russian warplanes struck targets in Idlib province, the Russian defence ministry said on Thursday. "
            "The strikes hit an ammunition depot near Saraqeb on Tuesday, the ministry said.")
    [event] = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    assert (event.event_date, event.time_precision) == (dt.date(2024, 3, 12), 1)


def test_a_caption_run_into_the_lead_is_one_of_its_mentions_not_its_telling(pipeline: Pipeline) -> None:
    # the photo caption's "Police" ran into the lead and became the bomb's doer; the caption is a mention of the
    # bombing, which is coded from the lead's own words (no doer named: an unidentified armed group)
    text = ("Police at the scene of the blast A roadside bomb killed four civilians near Menaka on Sunday, "
            "the army said.")
    [event] = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.mentions[0].text.startswith("A roadside bomb killed")
    assert [m.text for m in event.mentions[1:]] == ["Police at the scene of the blast"]


def test_a_heading_over_the_lead_is_no_event_of_its_own(pipeline: Pipeline) -> None:
    # "Deadly ambush" alone is an undated armed clash with no sides; it heads the lead that tells the ambush
    text = ("Deadly ambush Jihadists ambushed a military convoy near Djibo on Saturday, killing 12 soldiers, "
            "security sources said.")
    [event] = events_of(pipeline, text)
    assert (event.sub_event_type, event.event_date, event.fatalities) == ("Armed clash", dt.date(2024, 3, 9), 12)
    assert "needs_review" not in event.flags


def _kept(pipeline: Pipeline, text: str) -> list[object]:
    return [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]


def test_the_arrest_of_an_attacks_suspect_is_part_of_the_attack(pipeline: Pipeline) -> None:
    # ACLED codes the capture of an attacker as part of the attack: no arrest of its own, and the police who made
    # it are no side of the stabbing
    text = ("A man attacked shoppers with a machete at a market in Kisumu on Friday, wounding three people. "
            "Police later arrested the suspect.")
    [event] = _kept(pipeline, text)
    assert (event.sub_event_type, event.event_date, event.actor2) == ("Attack", dt.date(2024, 3, 8), "Civilians (Kenya)")
    assert event.actor1 != "Police Forces of Kenya"
    assert any(m.text.startswith("Police later arrested") for m in event.mentions)


def test_arrests_in_an_operation_of_their_own_stay_an_event_of_their_own(pipeline: Pipeline) -> None:
    text = ("A man attacked shoppers with a machete at a market in Kisumu on Friday, wounding three people. "
            "Police also arrested 15 suspects in raids across the county.")
    assert sorted(e.sub_event_type for e in _kept(pipeline, text)) == ["Arrests", "Attack"]


def test_a_side_fighting_back_the_next_day_is_the_same_battle_and_its_second_side(pipeline: Pipeline) -> None:
    # the raid names one side; the next sentence tells the soldiers driving the raiders back: one battle, on the
    # raid's day, with the soldiers as its other side
    text = ("Armed men raided an army post near Butembo on Monday night. "
            "Soldiers fought them off on Tuesday morning after an hour-long firefight.")
    [event] = _kept(pipeline, text)
    assert (event.sub_event_type, event.event_date) == ("Armed clash", dt.date(2024, 3, 11))
    assert event.actor2 == "Military Forces of the Democratic Republic of Congo"


def test_a_side_repelling_another_attack_two_days_later_is_another_battle(pipeline: Pipeline) -> None:
    text = ("Armed men raided a roadblock near Butembo on Monday. "
            "Two days later, soldiers repelled an attack on a village near Butembo.")
    assert len(_kept(pipeline, text)) == 2


def test_a_caption_before_a_doer_the_tagger_reads_as_a_name_is_no_side_of_the_attack(pipeline: Pipeline) -> None:
    # "the raid Gunmen": the tagger reads "raid" as an adjective and "Gunmen" as a name; the caption's soldiers
    # used to become the attack's doer. The caption is a mention; the gunmen the unidentified doer
    text = "Soldiers at the scene of the raid Gunmen shot dead three farmers near Mopti on Sunday."
    [event] = _kept(pipeline, text)
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.mentions[0].text.startswith("Gunmen shot dead")


def test_an_attack_that_state_forces_fought_back_is_an_armed_clash_with_them(pipeline: Pipeline) -> None:
    # the raid on a village is told as an attack on civilians; the next sentence tells the police fighting the
    # raiders back: an attack met by armed resistance is one armed clash, the police its second side
    text = ("Bandits raided a farming village in Zamfara on Wednesday night. "
            "Police drove them back after a long exchange of fire.")
    [event] = _kept(pipeline, text)
    assert (event.sub_event_type, event.event_date) == ("Armed clash", dt.date(2024, 3, 13))
    assert event.actor2 == "Police Forces of Nigeria"
    assert event.civilian_targeting is None
    assert len(event.mentions) == 2


def test_forces_repelling_another_attack_days_after_an_attack_on_villagers_leave_it_an_attack(
        pipeline: Pipeline) -> None:
    text = ("Gunmen killed four villagers near Beni on Thursday. "
            "On Saturday, soldiers repelled an attack on an army base near Oicha.")
    events = _kept(pipeline, text)
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Attack"]
    attack = next(e for e in events if e.sub_event_type == "Attack")
    assert attack.actor2 == "Civilians (Democratic Republic of Congo)"


def test_the_wounded_who_died_the_next_day_add_to_the_incidents_toll(pipeline: Pipeline) -> None:
    # the deaths of the wounded, told in a paragraph of their own and dated to the next day, are the attack's toll:
    # one event on the day of the attack, its three dead and the two who died of their wounds
    text = ("Gunmen stormed a police station in Katsina on Friday, killing three officers.\n\n"
            "Two more officers died of their wounds in hospital on Saturday, a police spokesman said.")
    [event] = _kept(pipeline, text)
    assert event.event_date == dt.date(2024, 3, 8)
    assert event.fatalities == 5
    assert len(event.mentions) == 2


def test_soldiers_who_succumbed_to_their_injuries_in_the_same_paragraph_add_to_the_ambushs_toll(
        pipeline: Pipeline) -> None:
    # before: "succumbed" was no trigger and "injuries" told after a paragraph's first sentence was skipped, so the
    # two later dead were lost; now they join the ambush told before them: one event on Monday, 4 + 2 dead, and
    # its note says the toll it carries
    text = ("Militants ambushed an army patrol near Mopti on Monday, killing four soldiers. Two more soldiers "
            "succumbed to their injuries on Tuesday, the army said.")
    [event] = _kept(pipeline, text)
    assert event.event_date == dt.date(2024, 3, 11)
    assert event.fatalities == 6
    assert event.notes is not None and "In all, 6 were killed." in event.notes


def test_deaths_of_wounded_told_with_no_incident_before_them_are_no_event(pipeline: Pipeline) -> None:
    # the toll of an incident the report does not tell is no act of its own
    assert events_of(pipeline, "Two soldiers succumbed to their injuries in hospital on Tuesday, the army said.") == []


def test_the_wounded_who_died_in_hospital_add_their_count_to_the_raids_toll(pipeline: Pipeline) -> None:
    # before: "three of the wounded" read as a count of the wounded, and the fold added nothing
    text = ("Gunmen raided a market in Kasungu on Monday, killing five traders.\n\n"
            "Three of the wounded died in hospital on Tuesday, police said.")
    [event] = _kept(pipeline, text)
    assert event.event_date == dt.date(2024, 3, 11)
    assert event.fatalities == 8


@pytest.mark.parametrize("later", [
    "Two of the wounded died overnight, raising the toll to eight, a hospital official said on Tuesday.",
    "Two more villagers died of their wounds on Tuesday, bringing the death toll to eight.",
])
def test_wounded_who_died_told_with_the_new_total_raise_the_toll_to_it(pipeline: Pipeline, later: str) -> None:
    # before: the two dead and the total both counted as more dead, on top of the six: 16 (and 14 for the count
    # alone); the total the sentence states already holds them
    [event] = _kept(pipeline, "Gunmen killed six villagers in an attack on a village in Zamfara state on Monday, "
                              "police said. " + later)
    assert event.fatalities == 8


def test_another_victim_who_died_of_his_wounds_adds_one_to_the_toll(pipeline: Pipeline) -> None:
    # before: "another" was no count, and the toll stayed five
    text = ("Gunmen raided a market in Kasungu on Monday, killing five traders.\n\n"
            "Another trader died of his wounds on Wednesday, police said.")
    [event] = _kept(pipeline, text)
    assert event.fatalities == 6


def test_deaths_of_the_wounded_at_a_named_place_go_to_the_incident_there(pipeline: Pipeline) -> None:
    # two incidents, then a death of the wounded at the first one's place: it adds to the first, not to the one
    # told just before it
    text = ("Gunmen attacked a police station in Gao on Monday, killing three officers. In a separate attack, "
            "militants ambushed an army convoy near Menaka on Tuesday, killing two soldiers. Another policeman "
            "died of his wounds in Gao on Wednesday.")
    tolls = sorted((e.location, e.fatalities) for e in _kept(pipeline, text))
    assert tolls == [("Gao", 4), ("Menaka", 2)]


def test_deaths_of_the_wounded_in_a_hospital_elsewhere_later_still_join_the_one_incident(pipeline: Pipeline) -> None:
    # guard: with one incident told, deaths of its wounded named where they were taken, more than a week later,
    # are still its toll, never an act of their own
    text = ("Gunmen attacked a police station in Gao on Monday, March 4, killing three officers. Another policeman "
            "died of his wounds in Bamako on Wednesday, March 13.")
    assert [(e.location, e.fatalities) for e in _kept(pipeline, text)] == [("Gao", 4)]


@pytest.mark.parametrize("joint", [" ", "\n\n"])
def test_stones_thrown_by_some_of_the_marchers_make_one_violent_demonstration(pipeline: Pipeline, joint: str) -> None:
    # the next sentence's (or paragraph's) stone-throwers are "some of them", the marchers: their violence makes
    # the march a violent demonstration by rioters, not a march and a riot of its own
    text = ("Hundreds of residents marched to the municipal offices in Polokwane on Tuesday." + joint +
            "Some of them threw stones at police.")
    [event] = _kept(pipeline, text)
    assert (event.sub_event_type, event.actor1) == ("Violent demonstration", "Rioters (South Africa)")
    assert event.actor2 == "Police Forces of South Africa"


def test_a_crowd_of_its_own_stoning_cars_elsewhere_is_no_part_of_the_march(pipeline: Pipeline) -> None:
    # guard: youths a sentence introduces, elsewhere in the town, are another crowd
    text = ("Hundreds of residents marched to the municipal offices in Polokwane on Tuesday.\n\n"
            "Elsewhere in the town, youths stoned passing cars.")
    assert len(_kept(pipeline, text)) == 2


def test_an_undated_incident_is_bounded_by_the_day_its_wounded_died(pipeline: Pipeline) -> None:
    # before: the attack stayed on the report's day (Thursday 14 March, defaulted), after its own dead died on Monday
    events = events_of(pipeline, "Armed men stormed a police station in Eldoret, killing two officers. Three more "
                       "officers died of their injuries on Monday.")
    [attack] = events
    assert (str(attack.event_date), attack.time_precision) == ("2024-03-11", 2)
    assert "date_defaulted" not in attack.flags
    assert attack.fatalities == 5


def test_a_protester_who_died_later_in_hospital_is_no_protest_of_that_day(pipeline: Pipeline) -> None:
    # before: the later death was a peaceful protest of its own on Thursday, the day it was told dying
    events = events_of(pipeline, "Police shot dead a demonstrator in Kampala on Tuesday. A second demonstrator, hit "
                       "in the head, died in hospital on Thursday.")
    [event] = events
    assert event.sub_event_type == "Excessive force against protesters"
    assert (str(event.event_date), event.time_precision) == ("2024-03-12", 1)


@pytest.mark.parametrize(("text", "dead"), [
    ("Gunmen killed two policemen at a checkpoint in Potiskum on Monday. A third officer died later in hospital.", 3),
    ("Gunmen shot dead two traders at a market in Sokoto on Monday. A third trader died later.", 3),
    (("Militants ambushed an army patrol near Menaka on Tuesday, killing two soldiers. A third soldier later died "
      "in hospital."), 3),
    ("Bandits killed four villagers in Gusau on Sunday. Two more villagers died on Monday, a local chief said.", 6),
])
def test_a_later_death_told_bare_with_a_counting_word_adds_to_the_incidents_toll(pipeline: Pipeline, text: str,
                                                                                 dead: int) -> None:
    # before: a bare "died" was no trigger, so the later death gave no candidate and the toll stayed as first told
    [event] = _kept(pipeline, text)
    assert event.fatalities == dead
    assert len(event.mentions) == 2


@pytest.mark.parametrize("text", [
    "A third trader died later, police said.",
    "The former minister died on Sunday at the age of 84, his family said.",
])
def test_a_bare_death_with_no_violent_incident_before_it_is_no_event(pipeline: Pipeline, text: str) -> None:
    # guard: a counted-on death with nothing told before, and a natural death, are no act of political violence
    assert events_of(pipeline, text) == []


def test_more_deaths_of_disease_told_after_an_attack_leave_its_toll_alone(pipeline: Pipeline) -> None:
    # a death told of disease, hunger or an accident is no death of the attack's wounded, even with a counting word
    text = ("Bandits killed four villagers in Gusau on Sunday. Two more children died of cholera in the camp on "
            "Monday, aid workers said.")
    assert [e.fatalities for e in _kept(pipeline, text)] == [4]


def test_a_natural_death_told_after_an_attack_leaves_its_toll_alone(pipeline: Pipeline) -> None:
    # guard: with no counting word, "died" names no more dead of the attack told before
    text = ("Gunmen killed two policemen at a checkpoint in Potiskum on Monday. The former governor of the state "
            "died on Tuesday after a long illness.")
    assert [e.fatalities for e in _kept(pipeline, text)] == [2]


@pytest.mark.parametrize("text", [
    ("Police opened fire on protesters in Kisumu on Tuesday, killing one man. A second protester, shot in the chest, "
     "died in hospital on Wednesday."),
    ("Soldiers shot dead a student during a protest in Bulawayo on Monday. A second protester, hit by a bullet in the "
     "head, died in hospital."),
])
def test_a_second_protester_who_died_later_adds_one_to_the_toll(pipeline: Pipeline, text: str) -> None:
    # before: the aside between the victim and "died" hid the death, and the toll stayed 1
    [event] = _kept(pipeline, text)
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.fatalities == 2


@pytest.mark.parametrize("text", [
    ("Nurses marched through Kisumu on Tuesday to demand unpaid allowances. A mob beat a suspected thief to death in "
     "Kisumu on Tuesday."),
    ("Lecturers protested outside the university in Eldoret on Friday over pay. A mob lynched a suspected cattle "
     "thief in Eldoret on Friday."),
])
def test_a_mob_killing_told_after_a_march_is_an_incident_of_its_own(pipeline: Pipeline, text: str) -> None:
    # before: the incident model folded the lynching into the march: one peaceful protest with the mob's dead
    events = sorted(_kept(pipeline, text), key=lambda e: e.sub_event_type)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Mob violence", 1), ("Peaceful protest", None)]


@pytest.mark.parametrize(("text", "dead"), [
    (("Unknown gunmen shot dead a customs officer in Katsina on Tuesday, officials said. The officer was killed "
      "alongside his bodyguard near the border post, an official said."), 2),
    (("Armed men killed a ward councillor in Zaria on Friday. The councillor was shot dead along with two of his "
      "aides outside his home, police said."), 3),
])
def test_a_retelling_that_adds_the_victims_companions_is_the_incidents_new_total(pipeline: Pipeline, text: str,
                                                                                  dead: int) -> None:
    # before: the second figure (the victim told before and those killed with him) was read as a conflicting
    # estimate, so the lower first figure was coded and the toll flagged as disputed
    [event] = _kept(pipeline, text)
    assert event.fatalities == dead
    assert "fatalities_disputed" not in event.flags


@pytest.mark.parametrize(("text", "first_dead"), [
    (("Gunmen killed four traders in an attack on Gwadabawa in Sokoto state on Friday, police said. Another 12 "
      "people died in fighting elsewhere in the state, officials said."), 4),
    (("Militants killed four soldiers in an ambush near Menaka on Tuesday. Another 20 people died in fighting "
      "elsewhere in the region, officials said."), 4),
    (("Militants killed four soldiers in an ambush near Menaka on Tuesday. Two more people died in a separate "
      "attack on a market, officials said."), 4),
])
def test_more_deaths_told_elsewhere_or_in_another_incident_leave_the_first_toll_alone(pipeline: Pipeline, text: str,
                                                                                      first_dead: int) -> None:
    # before: with no nearby incident matching, the counted-on deaths were added to the incident told before
    # (16, 24 and 6)
    kept = _kept(pipeline, text)
    assert kept[0].fatalities == first_dead


@pytest.mark.parametrize("text", [
    ("Thousands of teachers marched in Eldoret on Tuesday against a pay freeze. Some of them later stoned passing "
     "cars and burned tyres on the highway, police said."),
    "Opposition supporters marched peacefully through Nakuru on Tuesday. Some of them later stoned passing cars.",
])
def test_the_marchers_stoning_told_later_the_same_day_is_the_marchs_violence(pipeline: Pipeline, text: str) -> None:
    # before: the stoning, dated "later" than the march, stayed a second riot of its own on the next day
    [event] = _kept(pipeline, text)
    assert event.sub_event_type == "Violent demonstration"
    assert str(event.event_date) == "2024-03-12"
    assert len(event.mentions) == 2


def test_the_marchers_stoning_on_a_later_day_stays_its_own(pipeline: Pipeline) -> None:
    # guard: a day of its own after the march is another incident
    text = ("Hundreds of nurses marched to the health ministry in Kisumu on Monday to demand unpaid wages. Some of "
            "them stoned passing cars on Wednesday, police said.")
    assert len(_kept(pipeline, text)) == 2
