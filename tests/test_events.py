"""Event detection and ACLED coding on short sentences written for these tests (none from an eval file).

Each case states the coding an ACLED coder would give, worked out from the codebook: the sub-type, or the reason
the sentence is not an event. All texts are extracted in one batch (the spaCy model loads once)."""

from __future__ import annotations

import pytest

from dateline.ingest import article_from_text
from dateline.model import Report
from dateline.pipeline import Pipeline
from tests.conftest import events_of

PUBLISHED = "2021-05-10"

# (text, expected sub-event type of the first event)
SUB_TYPE_CASES: dict[str, tuple[str, str]] = {
    "peaceful": ("Hundreds of teachers marched peacefully through Nairobi on Sunday to demand higher pay.",
                 "Peaceful protest"),
    "intervention": (("Police dispersed a sit-in by nurses outside the health ministry in Lagos on Monday and "
                     "arrested six of them."), "Protest with intervention"),
    "excessive_live_fire": (("Soldiers opened fire on demonstrators in Khartoum on Saturday, killing three "
                            "protesters."), "Excessive force against protesters"),
    "tear_gas_not_chemical": (("Riot police fired tear gas at peaceful protesters in Bogota on Friday, and two "
                              "of them died of their injuries."), "Excessive force against protesters"),
    "storm_building": ("Angry protesters tried to storm the parliament building in Beirut on Saturday.",
                       "Violent demonstration"),
    "stones_barricades": (("Youths burned tyres and threw stones at police in Dakar on Thursday during a protest "
                          "against fuel prices."), "Violent demonstration"),
    # demonstrators attacking buildings or overturning vehicles destroy property: a riot, not a peaceful march
    "attack_buildings": (("Demonstrators in Tamale and Yendi blocked streets, attacked council offices and "
                          "overturned a minibus on Sunday to protest against a bread tax."), "Violent demonstration"),
    "overturn_cars": ("Students marched to the ministry in Accra and overturned two cars on Monday.",
                      "Violent demonstration"),
    # an attack the marchers are accused of is their grievance, not what they did
    "accused_attack": (("Traders protested outside the court in Kumasi on Monday against the detention of friends "
                        "accused of attacking the market office."), "Peaceful protest"),
    "mob": ("A mob lynched a suspected thief in a market in Kampala on Tuesday.", "Mob violence"),
    "armed_clash": ("Army troops clashed with rebel fighters near Goma on Wednesday.", "Armed clash"),
    "gov_regains": ("Government troops recaptured the town of Palma from insurgents on Sunday.",
                    "Government regains territory"),
    "nsa_overtakes": ("Rebels seized control of the town of Kidal after heavy fighting with soldiers on Monday.",
                      "Non-state actor overtakes territory"),
    "air_strike": ("Warplanes carried out airstrikes on a village near Idlib on Friday, killing four civilians.",
                   "Air/drone strike"),
    "shelling": ("Artillery shells hit a residential area of Donetsk on Thursday.",
                 "Shelling/artillery/missile attack"),
    "ied": ("A roadside bomb exploded under a police vehicle near Kandahar on Monday.",
            "Remote explosive/landmine/IED"),
    "suicide": ("A suicide bomber blew himself up outside a mosque in Maiduguri on Friday.", "Suicide bomb"),
    "grenade": ("An unknown attacker threw a grenade into a bar in Bujumbura on Friday.", "Grenade"),
    "chemical": ("Government helicopters dropped chlorine barrels on Saraqib on Tuesday.", "Chemical weapon"),
    "attack_civilians": ("Gunmen shot dead two farmers in their fields near Jos on Sunday.", "Attack"),
    "abduction": ("Armed men abducted a village chief near Kaduna on Thursday.", "Abduction/forced disappearance"),
    "sexual": ("Soldiers raped two women in a village near Bunia on Monday.", "Sexual violence"),
    "arrests": ("Police arrested a journalist at his home in Harare on Wednesday.", "Arrests"),
    "agreement": ("The two armed groups signed a ceasefire agreement in Juba on Friday.", "Agreement"),
    "hq": ("The militia established a new base in the hills outside Bor on Tuesday.",
           "Headquarters or base established"),
    "looting": ("Militiamen looted shops and burned houses in a village near Bangui on Sunday.",
                "Looting/property destruction"),
    "disrupted": ("Bomb disposal experts defused an explosive device found near a school in Maiduguri on Monday.",
                  "Disrupted weapons use"),
    "transfer": (("Foreign troops withdrew from their base in Menaka and handed it over to the national army on "
                 "Friday."), "Non-violent transfer of territory"),
    "change": ("The armed group recruited dozens of new fighters in Beni on Tuesday.", "Change to group/activity"),
    # an arrest the demonstrators protest against is their grievance, not an intervention
    "grievance_arrest": ("Journalists protested in Lahore on Monday against the arrest of their editor.",
                         "Peaceful protest"),
    # demonstrators clashing with police use force: Riots, not Excessive force
    "clash_with_police": ("Protesters clashed with police in Santiago on Friday and several people were hurt.",
                          "Violent demonstration"),
    # small arms fired at armed positions: the two sides are in contact
    "small_arms": ("Rebels fired mortars and machine guns at army positions near Kidal on Sunday.", "Armed clash"),
    # state forces fighting criminals are coded (ACLED codes state force involvement)
    "police_vs_smugglers": ("Police exchanged fire with cattle smugglers near Moroto on Sunday, killing two.",
                            "Armed clash"),
    # an attack that only damages property is property destruction; unorganised attackers are a mob
    "arson_no_harm": ("Unknown men attacked and burned a radio station in Kindu on Monday; no one was hurt.",
                      "Looting/property destruction"),
    "villagers_attack": (("Villagers attacked a health worker in Mbale on Sunday, accusing him of spreading the "
                         "virus."), "Mob violence"),
    "patrol": ("Turkish troops conducted a patrol near Tal Tamr on Thursday.", "Change to group/activity"),
    # blocking roads to press a demand is a demonstration; stones thrown outside one are mob violence
    "road_block_demand": (("About fifty traders blocked the main road in Kisumu on Tuesday demanding the reopening "
                          "of the market."), "Peaceful protest"),
    "stones_no_demo": ("Bus passengers threw stones at police at a checkpoint near Mwanza on Friday.",
                       "Mob violence"),
    "mob_justice": ("A man accused of stealing a goat was beaten up by villagers near Lira on Thursday.",
                    "Mob violence"),
    "assassinate": ("Gunmen assassinated a local councillor in Gao on Sunday.", "Attack"),
    # heavy weapons (launchers, heavy machine guns) aimed at positions, no small arms: one-sided heavy fire
    "heavy_weapons": (("Rebel units fired on army trenches near Avdiivka on Tuesday with heavy machine guns and "
                      "grenade launchers."), "Shelling/artillery/missile attack"),
    # a capture of a place outranks the weapons used; taken without resistance is a non-violent transfer
    "capture_after_airstrikes": ("Army troops recaptured the town of Bama on Saturday after days of airstrikes.",
                                 "Government regains territory"),
    "no_resistance": ("Rebel fighters took control of the town of Pibor on Monday without any resistance.",
                      "Non-violent transfer of territory"),
    "suicide_vehicle": ("Militants detonated a suicide car bomb at a checkpoint near Baidoa on Friday.",
                        "Suicide bomb"),
    # a website that reports the event is a source, not a cyber attack
    "website_source": ("Militants attacked an army convoy near Tikrit on Sunday, a local news website reported.",
                       "Armed clash"),
    # fire going both ways is a clash, even with heavy weapons
    "exchange_artillery": ("Government troops and rebels exchanged artillery fire near Malakal on Tuesday.",
                           "Armed clash"),
    "front_small_arms": ("Separatists fired mortars and small arms along the front line near Avdiivka on Friday.",
                         "Armed clash"),
    # force the authorities use on peaceful demonstrators is not the demonstrators' violence
    # killings told by their manner, and bodies found with the marks of one, are killings
    "gunned_down": ("Gunmen gunned down a village elder outside his home near Beledweyne on Monday.", "Attack"),
    "hacked_to_death": ("Attackers hacked two herders to death near Bentiu on Sunday.", "Attack"),
    "bodies_dumped": (("The bodies of four men were found dumped beside a road outside Kirkuk on Wednesday, with "
                      "their hands bound."), "Attack"),
    # an arrest with a political side stays an arrest even in a report that tells a crime
    "political_arrest_in_crime_story": (("Thieves broke into the party office in Bulawayo on Friday. Police arrested "
                                        "two opposition activists there on Monday."), "Arrests"),
    # blocking railway tracks, a bridge or a border crossing to press a demand is a demonstration
    "blocked_railway": ("Farmers blocked railway tracks near Ambala on Monday to demand higher crop prices.",
                        "Peaceful protest"),
    # rubber bullets disperse: an intervention, unless people are hurt or killed
    "rubber_bullets": ("Police fired rubber bullets at striking miners outside a mine near Brits on Wednesday.",
                       "Protest with intervention"),
    "rubber_bullets_wounding": ("Police fired rubber bullets at protesters in Valparaiso on Friday, wounding 20.",
                                "Excessive force against protesters"),
    # arrests ahead of a rally that is only planned are arrests, not a demonstration's dispersal
    "arrests_before_planned_rally": (("Security forces arrested 40 opposition supporters in Bulawayo on Saturday "
                                      "ahead of a planned rally."), "Arrests"),
    # a claim of responsibility for an act its sentence tells with its toll reports the act itself
    "claim_with_toll": (("The armed group claimed responsibility on Friday for a car bomb in Baidoa that killed seven "
                        "soldiers."), "Remote explosive/landmine/IED"),
    "excessive_force_words": (("Guards used excessive force to break up a peaceful protest by miners in Rustavi on "
                              "Monday, injuring nine of them."), "Excessive force against protesters"),
}

# (text, reason the candidate is rejected)
FILTER_CASES: dict[str, tuple[str, str]] = {
    "call": ("Union leaders are calling on workers to boycott the elections.", "call"),
    "urge": ("The opposition urged its supporters to march on the capital.", "call"),
    "statement": ("The minister condemned the killing of three villagers.", "statement"),
    "accuse": ("The governor accused the rebels of attacking civilians.", "statement"),
    "negated": ("The army did not attack the camp.", "negated"),
    "hypothetical": ("Students could storm the campus if the fees are raised.", "hypothetical"),
    "future": ("Farmers will march to the capital next week.", "future"),
    "threat": ("The militia threatened to attack the town.", "hypothetical"),
    # a purpose ("to protest …") of a march announced or a strike called is part of the plan or the call, not an act
    "purpose_of_announced_march": ("The party announced a march on Friday to protest the election results.", "future"),
    "purpose_of_called_strike": (("The union called a general strike in Lusaka on Monday to protest new fuel taxes."),
                                 "call"),
    # an act the text calls planned or upcoming has not happened yet
    "planned_noun": ("The planned strike by nurses in Kumasi was called off on Monday.", "future"),
    # a demonstration stopped before it took place: cancelled, postponed, banned, called off
    "cancelled": ("A protest set for Friday in Arequipa was cancelled after talks with the ministry.", "negated"),
    "postponed": ("A march by nurses in Cali was postponed because of the rain.", "negated"),
    "banned": ("The governor banned a rally of the opposition in Thies.", "negated"),
    "called_off": ("The teachers' march in Kisumu was called off at the last minute.", "negated"),
    # an act inside a condition has not happened
    "condition": ("The militia said it would take the city if the army shelled its positions near the river.",
                  "hypothetical"),
    # a clause measured back by years is history, whatever the sentence's tense
    "years_after": ("Four years after jihadists stormed the town of Kidira, its traders are returning.", "history"),
    "history": ("Back then the students were rioting in the streets of the capital.", "history"),
    # accidents and disasters are not political violence
    "disaster": ("An earthquake killed eight people in the mountain villages on Sunday.", "no_event"),
    # a claim or denial of responsibility is a statement about an event, not the event
    "claim_responsibility": ("A rebel faction claimed responsibility for the bombing of a bridge near Goma.",
                             "statement"),
    # common crime and court cases are not political violence
    "robbery": ("Two shopkeepers were shot dead during a robbery at a petrol station in Soshanguve on Monday.",
                "no_event"),
    "domestic": ("A man stabbed his wife to death at their home in Mitchells Plain on Sunday.", "no_event"),
    "court_case": ("The driver was sentenced to twenty years for the murder of a taxi owner.", "no_event"),
    "judicial_execution": ("The inmate was put to death on Wednesday at the state prison by lethal injection.",
                           "no_event"),
    # sexual violence by a private person is common crime; by armed or state actors it is coded (see sexual case)
    "sexual_private": ("A woman was raped by an intruder at her home in Worcester on Saturday.", "no_event"),
    # a denial stays a statement even when the sentence tells the toll of the act denied
    "deny_with_toll": (("The ministry rejected claims that its jets were responsible for a strike on a market near "
                       "Homs which left eleven people dead."), "statement"),
    "cyber_attack": ("Hackers attacked the websites of two ministries on Monday.", "no_event"),
    # an arrest in a report of a common crime, with no political, armed or protest side, is for that crime
    "crime_arrest": (("Armed robbers stole cash from a jewellery shop in Pinetown on Friday. Police arrested three "
                     "men at a house in Clermont on Monday."), "no_event"),
    "deny_responsibility": ("The ministry denied that its aircraft were responsible for strikes on a clinic.",
                            "statement"),
    # a list of kinds of acts that a group carries out describes how it fights, not one incident
    "kinds_of_acts": (("Since then the insurgents have gone after easy targets, attacking aid workers and carrying "
                       "out kidnappings, ambushes and car bombings."), "no_event"),
    "kinds_of_acts_pair": ("Insurgents in the region have turned to kidnappings and ambushes of army convoys.",
                           "no_event"),
}


@pytest.fixture(scope="module")
def reports(pipeline: Pipeline) -> dict[str, Report]:
    cases = {**{k: v[0] for k, v in SUB_TYPE_CASES.items()}, **{k: v[0] for k, v in FILTER_CASES.items()}}
    keys = list(cases)
    articles = [article_from_text(cases[k], article_id=k, publisher="Test Wire", published=PUBLISHED) for k in keys]
    return dict(zip(keys, pipeline.pipe(articles)))


@pytest.mark.parametrize("case", sorted(SUB_TYPE_CASES))
def test_sub_type(case: str, reports: dict[str, Report]) -> None:
    expected = SUB_TYPE_CASES[case][1]
    report = reports[case]
    assert report.events, f"no event found in: {SUB_TYPE_CASES[case][0]} (rejected: {report.rejected})"
    assert report.events[0].sub_event_type == expected


@pytest.mark.parametrize("case", sorted(FILTER_CASES))
def test_not_events_are_rejected_with_reason(case: str, reports: dict[str, Report]) -> None:
    report = reports[case]
    assert not report.events, f"not an event, but coded: {[e.sub_event_type for e in report.events]}"
    assert FILTER_CASES[case][1] in {r.reason for r in report.rejected}


def test_every_sub_type_is_covered_by_a_case() -> None:
    from dateline.codebook import load_codebook

    covered = {v[1] for v in SUB_TYPE_CASES.values()} | {"Other"}
    assert set(load_codebook().sub_event_types) == covered


def test_event_type_and_disorder_type_come_from_the_codebook(reports: dict[str, Report]) -> None:
    event = reports["excessive_live_fire"].events[0]
    assert event.event_type == "Protests"
    assert event.disorder_type == "Political violence; Demonstrations"


def test_fatalities_are_coded_on_the_event(reports: dict[str, Report]) -> None:
    assert reports["excessive_live_fire"].events[0].fatalities == 3
    assert reports["attack_civilians"].events[0].fatalities == 2
    # nobody is reported dead: unknown, not zero
    assert reports["storm_building"].events[0].fatalities is None


def test_actors_follow_acled_naming(reports: dict[str, Report]) -> None:
    protest = reports["excessive_live_fire"].events[0]
    assert protest.actor1 is not None and protest.actor1.startswith("Protesters (")
    assert protest.actor2 is not None and protest.actor2.startswith("Military Forces of")
    assert protest.inter1 == 6 and protest.inter2 == 1 and protest.interaction == 16
    attack = reports["attack_civilians"].events[0]
    assert attack.actor1 is not None and attack.actor1.startswith("Unidentified Armed Group (")
    assert attack.actor2 is not None and attack.actor2.startswith("Civilians (")
    assert attack.civilian_targeting == "Civilian targeting"


def test_claimed_by_defaults_to_the_publisher(reports: dict[str, Report]) -> None:
    assert reports["peaceful"].events[0].claimed_by == ["Test Wire"]


def test_note_is_one_acled_style_sentence(reports: dict[str, Report]) -> None:
    note = reports["storm_building"].events[0].notes or ""
    assert note.startswith("On ") and "2021" in note
    assert "storm" in note and note.endswith("[size=no report]")


def test_same_event_twice_is_one_event_with_two_mentions(pipeline: Pipeline) -> None:
    text = ("Gunmen shot dead two farmers near Jos on Sunday. The gunmen shot dead two farmers near Jos on "
            "Sunday, police said.")
    report = pipeline.extract_text(text, publisher="Test Wire", published=PUBLISHED)
    attacks = [e for e in report.events if e.sub_event_type == "Attack"]
    assert len(attacks) == 1
    assert len(attacks[0].mentions) == 2


def test_distinct_events_in_one_article(pipeline: Pipeline) -> None:
    text = ("Hundreds of teachers marched peacefully through Nairobi on Sunday. "
            "On Monday, a roadside bomb exploded under a police vehicle near Kandahar.")
    report = pipeline.extract_text(text, publisher="Test Wire", published=PUBLISHED)
    assert {e.sub_event_type for e in report.events} >= {"Peaceful protest", "Remote explosive/landmine/IED"}


def test_no_date_defaults_to_the_report_date_and_is_flagged(pipeline: Pipeline) -> None:
    report = pipeline.extract_text("Gunmen abducted a village chief near Kaduna.", publisher="Test Wire",
                                   published=PUBLISHED)
    event = report.events[0]
    assert str(event.event_date) == PUBLISHED and event.time_precision == 3
    assert "date_defaulted" in event.flags


def test_sport_is_not_an_event(pipeline: Pipeline) -> None:
    report = pipeline.extract_text("The home team clashed with the league leaders in a tense derby on Saturday.",
                                   publisher="Test Wire", published=PUBLISHED)
    assert report.events == []


def test_follow_up_of_an_accident_is_the_same_accident(pipeline: Pipeline) -> None:
    text = ("Five workers were hurt when a boiler at a paper factory exploded near Tampere on Tuesday.\n"
            "The explosion happened shortly after the night shift began.")
    report = pipeline.extract_text(text, publisher="Test Wire", published=PUBLISHED)
    assert not report.events
    assert any(r.detail and "accident" in r.detail for r in report.rejected)


@pytest.mark.parametrize("text", [
    "The charity raised money for the fight against cancer in Leeds on Friday.",
    "Union members opened a strike ballot at the depot in Bristol on Monday.",
    "Output at the platinum mine in Rustenburg rose on Tuesday.",
    "Shares of Merrill Lynch fell in New York on Monday.",
    # a mine that is closed, visited or sold is a place of work, not a landmine
    "The company closed the mine near Carletonville on Friday.",
    "The minister travelled to Welkom on Sunday to visit the mine.",
])
def test_words_that_only_look_like_triggers(text: str, pipeline: Pipeline) -> None:
    # figurative fights, strike ballots, dug mines and names are not events
    report = pipeline.extract_text(text, publisher="Test Wire", published=PUBLISHED)
    assert not report.events, [e.sub_event_type for e in report.events]


def test_killed_off_is_no_killing(pipeline: Pipeline) -> None:
    # a character "killed off" in a soap opera is written out of the story: not even a candidate to weigh
    report = pipeline.extract_text("Ten million viewers saw the landlord killed off on Friday in the soap's "
                                   "anniversary episode.", publisher="Test Wire", published=PUBLISHED)
    assert not report.events
    assert not [r for r in report.rejected if r.trigger == "killed"]


def test_later_deaths_in_a_report_that_leads_with_an_accident(pipeline: Pipeline) -> None:
    text = ("A warehouse exploded, killing three workers near Durban on Sunday, officials said.\n\n"
            "Two more workers died of their burns in hospital on Monday.")
    report = pipeline.extract_text(text, publisher="Test Wire", published=PUBLISHED)
    assert not report.events, [e.sub_event_type for e in report.events]


@pytest.mark.parametrize(("second", "expected"), [
    ("Police fired tear gas to disperse them.", "Protest with intervention"),
    ("Soldiers opened fire on them, killing two.", "Excessive force against protesters"),
    ("The crowd went home in the evening.", "Peaceful protest"),
])
def test_handling_told_in_the_next_sentence(second: str, expected: str, pipeline: Pipeline) -> None:
    text = f"Hundreds of nurses marched to the health ministry in Harare on Monday to demand their wages. {second}"
    report = pipeline.extract_text(text, publisher="Test Wire", published=PUBLISHED)
    assert report.events and report.events[0].sub_event_type == expected


@pytest.mark.parametrize(("text", "sub_type"), [
    # a list of acts with a count and a day tells one incident
    ("Airstrikes and shelling killed 12 civilians in Idlib on Monday.", "Air/drone strike"),
    # a list that is the subject tells that they happened
    ("Protests and riots broke out in Soweto after the shooting.", "Violent demonstration"),
])
def test_a_list_of_acts_that_tells_one_incident_stays_an_event(pipeline: Pipeline, text: str, sub_type: str) -> None:
    assert [e.sub_event_type for e in events_of(pipeline, text)] == [sub_type]


@pytest.mark.parametrize("text", [
    "A judicial inquiry into the shooting of a student opened in Conakry on Tuesday.",
    "The interior minister ordered a probe into the deaths of two students in Kumasi.",
    "An inquest into the deaths of three farmers shot by soldiers near Kaduna began on Wednesday.",
    "Questions grew on Monday over how gunmen stormed the heavily guarded barracks in Maiduguri.",
])
def test_an_inquiry_into_an_act_is_no_new_event(pipeline: Pipeline, text: str) -> None:
    # the act inquired into was told before; the inquiry, its day and its place are not an event
    assert events_of(pipeline, text) == []


def test_an_act_dated_inside_an_inquiry_is_still_told(pipeline: Pipeline) -> None:
    # "Saturday's killing": the act's own day, told as a fact
    [event] = events_of(pipeline, "Police opened an investigation into Saturday's killing of a village chief by "
                                  "gunmen in Bunia.")
    assert event.sub_event_type == "Attack"


@pytest.mark.parametrize("text", [
    ("Turkish drone strikes in the past 24 hours killed some 35 fighters in Hasakah province, the defence ministry "
     "said on Saturday. Drone strikes on Amuda, a town in Hasakah province, killed at least 7 civilians in the same "
     "period, a monitoring group said."),
    ("Government air strikes in the past 48 hours killed 30 fighters in Marib province, the army said on Saturday. "
     "Air strikes on the town of Harib in Marib province killed four civilians during that period, residents said."),
])
def test_another_act_in_the_same_period_is_no_retelling_of_the_first(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # two strikes of one period and province, each with its own dead: two events, both coded on Friday 15 March
    events = events_of(pipeline, text, published="2024-03-16")
    assert len(events) == 2
    assert [str(e.event_date) for e in events] == ["2024-03-15", "2024-03-15"]


@pytest.mark.parametrize(("text", "sub_type"), [
    ("Gunmen attacked a shop in the market in Kaduna on Monday; no one was hurt.", "Attack"),
    ("Gunmen attacked a police post in Kaduna on Monday, but no one was hurt.", "Armed clash"),
    ("Militants shelled a village near Goma on Monday and nobody was killed.", "Shelling/artillery/missile attack"),
])
def test_an_act_that_hurt_nobody_still_happened(pipeline: Pipeline, text: str, sub_type: str) -> None:
    # "no one was hurt" denies the act's casualties, not the act: it stands, with no dead
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == sub_type
    assert not event.fatalities


@pytest.mark.parametrize("text", [
    "Nobody was killed in Kaduna on Monday.",
    "No attack took place in Kaduna on Monday, police said.",
])
def test_a_denied_act_is_still_no_event(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []
