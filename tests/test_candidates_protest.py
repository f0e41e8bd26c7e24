"""Candidate events of demonstrations told by their form (blockades, gatherings with protest songs, supporters at a
court, rocks thrown, demonstrators damaging property): the rules must propose them, with the codebook's sub-type.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extraction import build_report
from dateline.model import Article
from dateline.pipeline import Pipeline
from dateline.resources import Resources
from tests.conftest import events_of


def candidates(resources: Resources, text: str) -> list[str]:
    """The sub-types of the candidate events the rules propose for a one-sentence text (no learned decision)."""
    doc = resources.nlp(text)
    report = build_report(Article(id="t", text=text, published="2024-03-06"), doc, resources, decide=False)
    return [e.sub_event_type for e in report.events]


def unvetoed(resources: Resources, text: str) -> list[str]:
    """The sub-types of the candidates no rule vetoes (a heuristic veto only flags a candidate when proposing)."""
    doc = resources.nlp(text)
    report = build_report(Article(id="t", text=text, published="2024-03-06"), doc, resources, decide=False)
    return [e.sub_event_type for e in report.events if not any(f.startswith("rule_rejected") for f in e.flags)]


@pytest.mark.parametrize(("text", "sub"), [
    ("Members of a residents' committee blockaded the gates of the company offices in Rustenburg on Tuesday.",
     "Peaceful protest"),
    (("Members of the civic group blockaded the entrance of a packaging company in Durban on Monday and were "
      "removed by police."), "Protest with intervention"),
    ("Residents barricaded the main road in Soweto with rocks on Wednesday.", "Violent demonstration"),
])
def test_blockade_of_entrance_or_road_is_a_demonstration(resources: Resources, text: str, sub: str) -> None:
    assert candidates(resources, text) == [sub]


def test_police_barricading_an_entrance_is_no_demonstration(resources: Resources) -> None:
    assert candidates(resources, "Police barricaded the entrance of the stadium on Saturday before the match.") == []


def test_gathering_with_struggle_songs_and_posters_is_a_protest(resources: Resources) -> None:
    text = "About 30 party members gathered outside the conference centre on Tuesday singing struggle songs."
    assert candidates(resources, text) == ["Peaceful protest"]


def test_gathering_singing_birthday_songs_is_no_protest(resources: Resources) -> None:
    assert candidates(resources, "Guests gathered in the hall on Saturday singing birthday songs.") == []


def test_supporters_packing_a_court_in_support_is_a_protest(resources: Resources) -> None:
    text = "Hundreds of supporters packed the Pietermaritzburg High Court on Friday in a show of support for the mayor."
    assert candidates(resources, text) == ["Peaceful protest"]


def test_lawyers_going_to_court_is_no_protest(resources: Resources) -> None:
    assert candidates(resources, "Lawyers went to the Nairobi High Court on Monday to lodge an appeal.") == []


def test_rocks_thrown_at_soldiers_are_mob_violence(resources: Resources) -> None:
    text = "Villagers threw rocks at the soldiers in Hebron on Monday and chased them out of the village."
    assert candidates(resources, text) == ["Mob violence"]


def test_rocks_thrown_into_a_river_are_no_event(resources: Resources) -> None:
    assert candidates(resources, "The boys threw rocks into the river on Sunday.") == []


def test_activists_damaging_a_plant_demonstrate_violently(resources: Resources) -> None:
    text = "Activists attacked a chemical plant in Sasolburg on Sunday, causing damage to equipment."
    assert candidates(resources, text) == ["Violent demonstration"]


def test_gunmen_damaging_a_plant_is_property_destruction(resources: Resources) -> None:
    text = "Gunmen attacked a chemical plant in Sasolburg on Sunday, causing damage to equipment."
    assert candidates(resources, text) == ["Looting/property destruction"]


def test_students_occupying_a_building_demonstrate(resources: Resources) -> None:
    text = "Students occupied the administration building at the University of Limpopo in Polokwane on Monday."
    assert candidates(resources, text) == ["Peaceful protest"]


def test_troops_occupying_a_building_do_not_demonstrate(resources: Resources) -> None:
    assert candidates(resources, "Troops occupied the administration building in Goma on Monday.") == []


@pytest.mark.parametrize("text", [
    "Hundreds of residents toyi-toyied outside the municipal offices in Mthatha on Tuesday.",
    "A stayaway brought Alexandra township to a standstill on Monday.",
    "Union members embarked on mass action in Bloemfontein on Wednesday.",
])
def test_south_african_protest_words_are_protests(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "The choir sang a toyi-toyi song at the wedding in Soweto on Saturday.",
    "Officials told residents to stay away from the river in Durban on Monday.",
])
def test_toyi_toyi_song_and_staying_away_are_no_protest(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == []


def test_residents_handing_over_a_memorandum_demonstrate(resources: Resources) -> None:
    text = "Residents handed over a memorandum to the mayor in Polokwane on Thursday."
    assert candidates(resources, text) == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "The minister presented a memorandum to cabinet in Pretoria on Thursday.",
    "The two firms signed a memorandum of understanding in Pretoria on Thursday.",
])
def test_official_memorandum_is_no_protest(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == []


def test_people_on_the_rampage_riot(resources: Resources) -> None:
    text = "Taxi drivers went on the rampage in Pietermaritzburg on Monday, smashing shop windows."
    assert candidates(resources, text) == ["Violent demonstration"]


def test_scoring_rampage_is_no_riot(resources: Resources) -> None:
    assert candidates(resources, "The star striker went on a scoring rampage in the second half on Saturday.") == []


def test_staged_silent_march_is_a_protest_the_rules_do_not_doubt(resources: Resources) -> None:
    text = "Dozens of women staged a silent march through the streets of Harare on Saturday."
    doc = resources.nlp(text)
    (event,) = build_report(Article(id="t", text=text, published="2024-03-06"), doc, resources, decide=False).events
    assert event.sub_event_type == "Peaceful protest"
    assert not [f for f in event.flags if f.startswith("rule_rejected")]


def test_staged_reading_is_no_protest(resources: Resources) -> None:
    assert candidates(resources, "The theatre held a staged reading of the play in Soweto on Saturday.") == []


def test_guards_forcibly_removing_strikers_intervene(resources: Resources) -> None:
    text = "Security guards forcibly removed the protesting workers from the factory in Germiston on Tuesday."
    assert candidates(resources, text) == ["Protest with intervention"]


def test_protesters_forcibly_removing_an_official_demonstrate_violently(resources: Resources) -> None:
    text = "Protesters forcibly removed the councillor from his office in Mthatha on Tuesday."
    assert candidates(resources, text) == ["Violent demonstration"]


@pytest.mark.parametrize("text", [
    "Youths pelted police with stones in Alexandra on Monday.",
    "Youths threw petrol bombs at police in Khayelitsha on Monday.",
])
def test_crowd_pelting_or_firebombing_police_is_mob_violence(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == ["Mob violence"]


def test_pelting_a_dummy_with_tennis_balls_is_no_event(resources: Resources) -> None:
    assert candidates(resources, "Engineers pelted the test dummy with tennis balls in the laboratory on Monday.") == []


def test_villagers_setting_a_police_post_ablaze_is_mob_violence(resources: Resources) -> None:
    assert candidates(resources, "Villagers set the police post ablaze in Mbale on Sunday.") == ["Mob violence"]


def test_sunset_setting_hills_ablaze_is_no_event(resources: Resources) -> None:
    assert candidates(resources, "The sunset set the western hills ablaze on Monday evening.") == []


def test_residents_in_civil_disobedience_protest(resources: Resources) -> None:
    text = "Hundreds of residents engaged in civil disobedience in Kafr Nabuda on Saturday."
    assert candidates(resources, text) == ["Peaceful protest"]


def test_campaign_of_civil_disobedience_is_a_call(resources: Resources) -> None:
    text = "Activists launched a campaign of civil disobedience in Kampala on Monday."
    assert candidates(resources, text) == []


def test_taxi_operators_blocking_a_highway_is_a_protest_candidate(resources: Resources) -> None:
    assert candidates(resources, "Taxi operators blocked the N2 highway near Durban on Monday.") == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "A fallen tree blocked the main Durban road on Monday.",
    "Police blocked the N2 highway near Durban on Monday after an accident.",
])
def test_road_blocked_by_a_tree_or_police_is_no_protest(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == []


@pytest.mark.parametrize("text", [
    "Shopkeepers in Multan observed a shutter-down strike on Tuesday against new electricity tariffs.",
    "The opposition enforced a dawn-to-dusk hartal in Sylhet on Sunday.",
    "A 12-hour bandh called by the Left parties shut shops and offices in Siliguri on Monday.",
    "Hundreds of villagers formed a human chain along the highway near Jessore on Friday to demand a bridge.",
    "Traders in Anantnag observed a complete shutdown on Friday against the arrests.",
])
def test_south_asian_protest_forms_are_peaceful_protests(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == ["Peaceful protest"]


def test_a_hartal_called_for_later_is_no_protest(resources: Resources) -> None:
    assert candidates(resources, "The opposition alliance has called a hartal for next Sunday.") == []


@pytest.mark.parametrize("text", [
    "Students held a torch rally in Comilla on Monday night.",
    "Party workers brought out a torch procession in Bogra on Tuesday evening.",
])
def test_a_torch_rally_is_no_arson(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == ["Peaceful protest"]


def test_a_crowd_that_torched_cars_still_riots(resources: Resources) -> None:
    assert candidates(resources, "Protesters torched two cars outside the town hall in Bogra on Tuesday.") == [
        "Violent demonstration"]


def test_a_march_that_defied_a_ban_took_place(resources: Resources) -> None:
    assert candidates(resources, "Thousands marched in Thies on Sunday, defying a ban on protests.") == [
        "Peaceful protest"]


@pytest.mark.parametrize(("text", "sub"), [
    ("A road blockade by farming communities near the copper mine in Cotabambas entered its second week on Tuesday.",
     "Peaceful protest"),
    (("Riot police lifted a week-old blockade of the access road to the mine in Dalanzadgad on Wednesday, detaining "
      "20 herders."), "Protest with intervention"),
])
def test_a_blockade_told_as_a_noun_is_a_demonstration(resources: Resources, text: str, sub: str) -> None:
    assert candidates(resources, text) == [sub]


def test_a_states_blockade_of_a_territory_is_no_demonstration(resources: Resources) -> None:
    assert candidates(resources, "The naval blockade of the port of Hodeidah continued on Monday.") == []


@pytest.mark.parametrize(("text", "sub_type"), [
    # a blockade cleared by the police is an intervention
    ("Riot police cleared a roadblock set up by coca growers near Caranavi on Thursday.", "Protest with intervention"),
    # the crowd's force and damage in the words wire copy uses
    ("Protesters broke through police lines and entered the grounds of parliament in Kathmandu on Friday.",
     "Violent demonstration"),
    ("Striking municipal workers trashed the streets of Cape Town's city centre on Monday, overturning dustbins.",
     "Violent demonstration"),
    # a mine a crowd attacks or burns is a place of work, not a landmine
    ("Protesters attacked the mine in Challhuahuacho on Wednesday.", "Violent demonstration"),
    ("Angry youths set fire to the mine camp in Obuasi on Saturday.", "Mob violence"),
])
def test_protest_wire_words_for_interventions_damage_and_mines(pipeline, text: str, sub_type: str) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == sub_type


@pytest.mark.parametrize("text", [
    ("Members of the community converged on the police station in Bloemfontein on Friday and handed over a "
     "memorandum of demands."),
    "Hundreds of taxi drivers gathered at the rank in George on Monday and blocked the N2 highway for hours.",
])
def test_crowd_named_on_the_first_of_two_verbs_does_the_second(resources: Resources, text: str) -> None:
    # the memorandum handed over and the highway blocked have no subject of their own: the crowd of the verb
    # they are coordinated with does them
    assert candidates(resources, text) == ["Peaceful protest"]


def test_official_handing_over_a_petition_after_a_meeting_is_no_protest(resources: Resources) -> None:
    text = "The mayor met business leaders in Pretoria on Monday and handed over a petition to the premier."
    assert candidates(resources, text) == []


@pytest.mark.parametrize("text", [
    "The strike at the platinum mine near Rustenburg entered its third day on Wednesday.",
    "The strike, now in its second week, shut the container terminal in Durban on Tuesday.",
])
def test_strike_told_by_its_course_or_workplace_is_a_protest(resources: Resources, text: str) -> None:
    # no worker or union named: the strike's days and its mine or terminal tell a labour strike
    assert candidates(resources, text) == ["Peaceful protest"]


def test_strike_entering_its_third_day_is_dated_by_its_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of(pipeline, "The strike at the gold mine near Carletonville entered its third day on Wednesday.")
    assert (event.sub_event_type, str(event.event_date)) == ("Peaceful protest", "2024-03-13")


def test_air_strikes_at_a_mine_stay_air_strikes(resources: Resources) -> None:
    text = "Russian air strikes at the coal mine in Pokrovsk killed three people on Tuesday."
    assert candidates(resources, text) == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "Angry community members blocked the R555 with rocks and burning tyres in Emalahleni on Wednesday.",
    "Community members erected barricades of stones and burning tyres on the road to the mine in Marikana on Sunday.",
])
def test_road_blocked_with_burning_tyres_is_a_violent_demonstration(resources: Resources, text: str) -> None:
    # no protest word: the burning tyres on the road, and a route named by its number, tell the crowd's blockade
    assert unvetoed(resources, text) == ["Violent demonstration"]


@pytest.mark.parametrize("text", [
    "A truck that overturned blocked the N3 near Durban on Monday.",
    "A fire at a tyre recycling plant in Gqeberha sent up smoke on Monday, with burning tyres visible for kilometres.",
])
def test_route_blocked_by_a_truck_and_a_tyre_fire_are_no_demonstration(resources: Resources, text: str) -> None:
    assert unvetoed(resources, text) == []


@pytest.mark.parametrize(("text", "sub"), [
    ("Residents who tried to barricade the highway in Mamelodi on Tuesday were removed by the police.",
     "Protest with intervention"),
    ("Party supporters tried again to barricade the highway in Mandeni on Tuesday and were removed by the police.",
     "Protest with intervention"),
    # the tyres they burned are force used, tried or not; a barricade that stood is one
    (("Party supporters tried to barricade the highway with burning tyres in Mandeni on Tuesday and were removed by "
     "the police."), "Violent demonstration"),
    ("Party supporters barricaded the road in Mandeni on Tuesday and were removed by the police.",
     "Violent demonstration"),
])
def test_barricade_only_tried_and_ended_by_police_is_no_force(resources: Resources, text: str, sub: str) -> None:
    assert candidates(resources, text) == [sub]


@pytest.mark.parametrize("text", [
    "Environmental activists attacked the offices of an oil company in Lima on Tuesday, smashing windows.",
    "Protesters damaged shops and looted goods in the Johannesburg city centre on Friday.",
    "Striking workers looted a warehouse in Durban on Monday.",
])
def test_demonstrators_wrecking_or_looting_property_riot(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == ["Violent demonstration"]


def test_gunmen_smashing_a_shop_is_property_destruction(resources: Resources) -> None:
    text = "Gunmen attacked a shop in Durban on Monday, smashing its windows."
    assert candidates(resources, text) == ["Looting/property destruction"]


@pytest.mark.parametrize(("text", "sub"), [
    (("Protesters from a farmers' movement blocked a railway line near Resplendor on Monday. Around 500 people "
      "destroyed signalling equipment and threw tyres on the tracks."), "Violent demonstration"),
    (("Traders demonstrated outside the city hall in Nairobi on Tuesday. Some of them threw stones at passing "
      "cars."), "Violent demonstration"),
    # what the police wrecked is their force, not the marchers'
    (("Hundreds of nurses marched to the health ministry in Pretoria on Monday. Police destroyed their placards "
      "and threw them in a bin."), "Peaceful protest"),
])
def test_crowd_damage_told_in_the_next_sentence_makes_the_demonstration_violent(
        resources: Resources, text: str, sub: str) -> None:
    assert candidates(resources, text)[0] == sub


@pytest.mark.parametrize("text", [
    "Municipal workers in Durban vowed on Monday to continue their strike.",
    "The union said its members in Durban would remain on strike until their demands were met.",
])
def test_strike_continued_or_stayed_on_is_under_way(resources: Resources, text: str) -> None:
    # what is vowed or said of the strike's future does not make the strike itself a plan: it is on now
    assert unvetoed(resources, text) == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Workers in Durban did not continue their strike on Monday after the deal.",
    "Municipal workers in Durban threatened on Monday to go on strike.",
    "Rebels vowed on Monday to continue their attacks on the town of Beni.",
])
def test_strike_not_continued_or_threatened_is_no_event(resources: Resources, text: str) -> None:
    assert unvetoed(resources, text) == []


# A crowd occupying a place (students a campus, workers a factory, protesters an office or a square) demonstrates,
# however the place is told ("the governor's office", "the campus of the university"); an armed side occupying a
# town, or a minister an office, is no protest.
@pytest.mark.parametrize("text", [
    "Students have occupied the campus of Moi University in Eldoret since 4 March, demanding lower fees.",
    "Hundreds of traders occupied the state governor's office in Kano on Monday.",
    "Hundreds of workers occupied the main square of Bamako on Wednesday to demand unpaid wages.",
])
def test_a_crowd_occupying_a_place_is_a_protest_candidate(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Soldiers occupied the university campus in Khartoum on Monday.",
    "The minister occupied the office of prime minister for two years.",
])
def test_forces_or_an_official_occupying_a_place_is_no_protest(resources: Resources, text: str) -> None:
    assert "Peaceful protest" not in candidates(resources, text)


# A crowd or a trade blocking a bridge or a border crossing demonstrates, with whatever words stand
# before the place ("the border bridge", "the main Dorohusk border crossing"); a landslide blocking a bridge does not.
@pytest.mark.parametrize("text", [
    "Truck drivers blocked the border bridge at Chirundu for a third day in a row with customs officials over new fees.",
    "Farmers blocked the main Dorohusk border crossing with tractors on Monday.",
])
def test_a_crowd_blocking_a_bridge_or_a_border_crossing_is_a_protest_candidate(resources: Resources, text: str) -> None:
    assert candidates(resources, text) == ["Peaceful protest"]


def test_a_bridge_blocked_by_a_landslide_is_no_protest(resources: Resources) -> None:
    assert candidates(resources, "A landslide blocked the border bridge near Chirundu on Tuesday.") == []


@pytest.mark.parametrize("text", [
    ("Several hundred farmers marched peacefully to the district offices in Kitale on Wednesday. Elsewhere in the "
     "town, youths stoned passing cars."),
    ("Several hundred farmers marched peacefully to the district offices in Kitale on Wednesday. Meanwhile in the "
     "township, residents looted shops."),
    ("Hundreds of traders marched to the council offices in Kitwe on Wednesday. Youths stoned passing cars near the "
     "bus station."),
])
def test_damage_told_elsewhere_or_by_another_crowd_leaves_the_march_peaceful(resources: Resources, text: str) -> None:
    # before: the next sentence's damage was read as the marchers' own, and the march became a violent demonstration
    assert candidates(resources, text)[0] == "Peaceful protest"


@pytest.mark.parametrize(("text", "sub"), [
    (("Hundreds of youths marched to the council offices in Kitwe on Wednesday. Some youths stoned passing cars."),
     "Violent demonstration"),
    (("Several hundred farmers marched to the district offices in Kitale on Wednesday. Meanwhile, police fired tear "
      "gas to disperse them."), "Protest with intervention"),
])
def test_the_marchers_own_crowd_and_a_bare_meanwhile_still_tell_the_march(resources: Resources, text: str,
                                                                          sub: str) -> None:
    # guard: a crowd the march's sentence named, and "Meanwhile," with no other place, stay the march's
    assert candidates(resources, text)[0] == sub


@pytest.mark.parametrize("text", [
    ("Soldiers killed three suspected militants in a raid near Gao on Friday. Another demonstrator died in a car "
     "crash on Saturday."),
    "A demonstrator who was wounded two weeks ago died in hospital in Lagos on Friday, his brother said.",
    "A marcher was buried in Kisumu on Saturday, relatives said.",
])
def test_a_protester_who_died_or_was_buried_is_no_protest(pipeline: Pipeline, text: str) -> None:
    # before: the noun "demonstrator" or "marcher" proposed a Peaceful protest, though no one protested
    assert all(e.event_type != "Protests" for e in events_of(pipeline, text))


@pytest.mark.parametrize("text", [
    "Thousands of demonstrators filled the main square of Accra on Tuesday, chanting against the new tax.",
    "A protest was held outside the labour ministry in Accra on Tuesday.",
])
def test_a_crowd_of_protesters_and_a_protest_held_are_still_protests(pipeline: Pipeline, text: str) -> None:
    # guard: the person noun of a crowd that acts, and the protest noun itself, still propose a protest
    assert [e.sub_event_type for e in events_of(pipeline, text)] == ["Peaceful protest"]


# A transport trade blocking a road with no protest word in its sentence is a crowd's blockade, as drivers' and
# traders' are; an operator of a network blocking access is no road and no crowd.
@pytest.mark.parametrize("text", [
    "Minibus operators blocked the main road into Harare on Tuesday.",
    "Hauliers blocked the main road to the port of Dover on Friday.",
])
def test_a_transport_trade_blocking_a_road_is_a_protest_candidate(resources: Resources, text: str) -> None:
    # before: proposed only as rejected for want of context ("no weapon, casualty, armed, security or protest actor")
    assert unvetoed(resources, text) == ["Peaceful protest"]


def test_a_network_operator_blocking_access_is_no_protest(resources: Resources) -> None:
    assert unvetoed(resources, "The network operator blocked access to the website on Tuesday.") == []
