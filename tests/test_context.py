"""Everyday senses of trigger words are not events; the same words among weapons, victims or protesters are."""

from __future__ import annotations

import pytest

NOT_EVENTS = [
    "The opposition party will fight the northern seat hard in the spring election.",
    "Her latest novel was attacked by critics in London for its slow plot.",
    "The dollar rallied against the euro in New York trading on Tuesday.",
    "The minister demonstrated that the new budget rules work for small firms.",
    "The champion was beaten in straight sets at the Geneva open on Sunday.",
    "The two telecoms firms agreed a deal worth $2bn in Toronto on Monday.",
    "The band's new single shot to the top of the charts in Dublin last week.",
    "The retired banker died of a heart attack in Zurich on Friday.",
    "The school band marched to the stadium in Kumasi on Saturday.",
    # an aircraft is no air strike without an attack or harm in its sentence
    "Rescuers searched Lake Kariba with two helicopters on Sunday, the police said.",
    "Divers pulled a body from the wreckage of the helicopter in the river near Harare on Monday.",
    # a currency rallying "against the backdrop of" a policy: the preposition ends the words before a grievance
    "The rupee rallied against the backdrop of a new policy from the central bank in Mumbai on Tuesday.",
    # a dispute or a weekend with no road blocked by people: a court's ruling, a landslide
    "A landslide blocked the N2 highway near Durban over the weekend.",
    "The court blocked the sale of the company in Durban on Tuesday in a dispute over its shares.",
]

EVENTS = [
    ("Soldiers fought rebels for hours near the border town of Kismayo on Monday.", "Armed clash"),
    ("Gunmen attacked a village elder in Gao region on Tuesday, wounding him.", "Attack"),
    ("About 300 nurses demonstrated outside the health ministry in Nairobi on Monday.", "Peaceful protest"),
    ("A crowd beat a suspected thief in a market in Lagos on Sunday.", "Mob violence"),
    # a march is a protest when it has a grievance or goes to the seat of a power, whoever marches
    ("Hundreds of nurses marched to the state assembly in Enugu on Monday over unpaid salaries.", "Peaceful protest"),
    ("Market traders in Kumasi marched against crime on Thursday.", "Peaceful protest"),
    # a rally against a law, a bill or a tax qualified by a few words ("a planned", "the new ... ") is a protest
    ("Thousands rallied in Dakar on Saturday against a planned tax on mobile money.", "Peaceful protest"),
    ("Hundreds rallied in Lusaka on Tuesday against the new public order bill.", "Peaceful protest"),
    ("Hundreds rallied in Kumasi on Friday against a controversial land law.", "Peaceful protest"),
    ("Army helicopters fired on rebel positions near Goma on Friday.", "Air/drone strike"),
    # a road blocked in a dispute or over a grievance is a protest, whoever blocks it (operators, owners)
    ("Taxi operators blocked the N2 highway in Durban on Tuesday in a dispute over routes.", "Peaceful protest"),
    ("Minibus owners blocked several streets in Kampala on Monday over new fares.", "Peaceful protest"),
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_everyday_sense_of_a_trigger_is_no_event(pipeline, text):
    report = pipeline.extract_text(text, published="2024-03-08")
    assert report.events == [], [e.sub_event_type for e in report.events]


@pytest.mark.parametrize(("text", "sub_event_type"), EVENTS)
def test_trigger_with_conflict_context_stays_an_event(pipeline, text, sub_event_type):
    report = pipeline.extract_text(text, published="2024-03-08")
    assert [e.sub_event_type for e in report.events] == [sub_event_type]


def test_dropped_event_is_kept_as_rejected_with_reason(pipeline):
    report = pipeline.extract_text("Her latest novel was attacked by critics in London.", published="2024-03-08")
    assert any(c.reason == "no_event" and c.detail and "ambiguous trigger" in c.detail for c in report.rejected)


@pytest.mark.parametrize("text", [
    # a crowd's anger at a road death or a local grievance: ACLED's Mob violence, not an accident
    "Angry youths torched a bus in Nakuru on Monday after it knocked down a schoolgirl.",
    "Residents of Kibera set a matatu on fire on Tuesday after it hit and killed a boy.",
    "Angry residents set fire to a police vehicle in Mbale on Saturday after a boy was knocked down by a speeding car.",
])
def test_a_crowd_burning_a_vehicle_after_a_road_death_is_mob_violence(pipeline, text):
    [event] = pipeline.extract_text(text, published="2024-03-14").events
    assert event.sub_event_type == "Mob violence"
    assert not event.fatalities


def test_a_petrol_bomb_thrown_at_a_house_is_an_event(pipeline):
    events = pipeline.extract_text("A petrol bomb was thrown at a ward councillor's house in Mamelodi on Sunday night.",
                                   published="2024-03-14").events
    assert len(events) == 1


@pytest.mark.parametrize("text", [
    # the crash, the house fire and the robbery stay out
    "Three residents were burnt to death in a house fire in Alexandra on Sunday.",
    "A truck crashed into a bus in Nakuru on Monday, killing five passengers.",
    "Two residents were injured when a lorry overturned in Kisumu on Saturday.",
    "Robbers attacked a petrol station in Kano on Monday and stole cash.",
])
def test_accidents_and_crime_near_crowd_words_stay_out(pipeline, text):
    assert pipeline.extract_text(text, published="2024-03-14").events == []


@pytest.mark.parametrize(("text", "dead"), [
    # before: "violence" and "unrest" were no triggers, so an act told only by the dead it left gave no candidate
    ("Communal violence in Benue state has left at least 18 people dead since Sunday, police said.", 18),
    ("Unrest in the city of Kisumu claimed nine lives on Tuesday, police said.", 9),
])
def test_violence_or_unrest_told_by_the_dead_it_left_is_an_event(pipeline, text, dead):
    [event] = [e for e in pipeline.extract_text(text, published="2024-03-14").events if "needs_review" not in e.flags]
    assert event.fatalities == dead


@pytest.mark.parametrize("text", [
    "Years of violence have claimed more than 40,000 lives in the region since 2009.",  # a toll over years: history
    "Weeks of unrest have left the economy in ruins, the finance minister said in Harare.",  # no one dead
])
def test_violence_with_a_toll_over_years_or_no_dead_is_no_kept_event(pipeline, text):
    events = pipeline.extract_text(text, published="2024-03-14").events
    assert all("needs_review" in e.flags for e in events)
