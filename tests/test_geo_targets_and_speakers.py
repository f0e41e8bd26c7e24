"""Places (geo18): a country named as the target of an act casts no vote for its namesakes; a large city that has
the name itself is not beaten by a village found under another of its names; a speaker's nationality word does
not decide a namesake in the story's other sentences; a dateline city places an event whose sentence names only
its country; a speaker's town (a mayor's, a university spokesman's) is not the place of the event told.

Sentences are our own; each test fails without the change it names."""

from __future__ import annotations

import pytest


def _event_places(pipeline, text: str) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.country, e.location) for e in pipeline.extract_text(text).events]


@pytest.mark.parametrize("text", [
    "Thousands demonstrated in Baghdad against Iran on Friday, police said.",
    "Thousands demonstrated in Baghdad to protest Iran on Friday.",
    "Hundreds rallied outside the Iran embassy in Baghdad on Sunday, organisers said.",
])
def test_a_country_named_as_the_target_of_a_protest_does_not_pull_the_city_to_its_namesake(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    # before: "against Iran" voted for Iran and Baghdad went to Baghdadeh, a village in Iran
    assert _event_places(pipeline, text) == [("Iraq", "Baghdad")]


def test_a_large_city_that_has_the_name_itself_beats_a_village_known_by_it_as_another_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Iran is a plain subject here and votes; Baghdadeh is "Baghdad" only under one of its other names
    text = "Thousands protested in Baghdad on Friday as Iran closed its border crossings."
    report = pipeline.extract_text(text)
    assert [(p.name, p.country) for p in report.places if p.name.startswith("Baghdad")] == [("Baghdad", "Iraq")]


def test_target_frames_come_from_the_word_lists() -> None:
    from dateline.geo.models import cues

    cue = cues()
    assert "against" in cue["target_before"] and "embassy" in cue["target_heads"] and "protest" in cue["target_verbs"]


def test_a_speakers_nationality_does_not_decide_a_namesake_in_another_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: one "Lebanese" on the prime minister's title sent Tripoli to Lebanon
    text = ("Gunmen attacked a checkpoint in Tripoli on Monday, killing three soldiers. Lebanese prime minister "
            "Najib Mikati condemned the attack.")
    assert _event_places(pipeline, text)[:1] == [("Libya", "Tripoli")]


def test_a_nationality_word_that_is_not_a_persons_still_counts(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a checkpoint in Tripoli on Monday, killing three soldiers, the Lebanese army said."
    assert _event_places(pipeline, text)[:1] == [("Lebanon", "Tripoli")]


@pytest.mark.parametrize("text", [
    "KABUL, Afghanistan — A bomb exploded in Afghanistan on Friday, killing five worshippers, police said.",
    "KABUL, Afghanistan --\nA bomb exploded in Afghanistan on Friday, killing five worshippers, police said.",
    "KABUL, Afghanistan —\n\nA bomb exploded in Afghanistan on Friday, killing five worshippers, police said.",
])
def test_a_dateline_city_places_an_event_whose_sentence_names_only_its_country(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    # before: the event stayed at the country (precision 3), and the last two datelines were not read at all
    assert _event_places(pipeline, text) == [("Afghanistan", "Kabul")]


def test_a_dateline_city_does_not_replace_a_province_that_does_not_hold_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "KABUL, Afghanistan — Gunmen attacked a police checkpoint in Ghazni province on Sunday, officials said."
    places = _event_places(pipeline, text)
    assert len(places) == 1 and places[0] == ("Afghanistan", "Ghazni")


@pytest.mark.parametrize("text", [
    "Clashes erupted in Eldoret on Monday. Three people were killed, said the mayor of Kisumu.",
    ("Clashes erupted in Eldoret on Monday. Three people were killed, a spokesman for the University of Nairobi in "
     "Kisumu said."),
])
def test_a_speakers_town_is_not_the_place_of_the_event_the_speaker_tells(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    # before: the killings were placed at Kisumu, where the mayor or the university spokesman is
    assert set(_event_places(pipeline, text)) == {("Kenya", "Eldoret")}


def test_a_local_authority_that_speaks_still_places_its_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Two men were shot after a car chase on Saturday, Durban police said."
    assert _event_places(pipeline, text) == [("South Africa", "Durban")]


@pytest.mark.parametrize(("text", "place"), [
    ("Police shot dead three protesters in Kisii county on Tuesday, a rights group said in Nairobi.",
     ("Kenya", "Kisii")),
    ("Gunmen killed six villagers in Ituri province on Monday, a UN spokesman told reporters in Geneva.",
     ("Democratic Republic of Congo", "Ituri")),
    ("Fighting erupted in Tripoli on Sunday, the UN mission said in a statement from Tunis.", ("Libya", "Tripoli")),
])
def test_where_a_speaker_spoke_is_not_where_the_event_happened(pipeline, text, place) -> None:  # type: ignore[no-untyped-def]
    # before: "said in Nairobi" placed the event at the speaker's town (a province is less specific), and "from
    # Tunis" voted Tripoli into Tunisia
    assert _event_places(pipeline, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Troops clashed with guerrillas in Saravena, near the border with Venezuela, on Sunday.",
     ("Colombia", "Saravena")),
    ("Gunmen killed four traders near the Niger border in Sokoto state on Monday.", ("Nigeria", "Sokoto")),
])
def test_the_other_side_of_a_border_is_not_where_the_event_happened(pipeline, text, place) -> None:  # type: ignore[no-untyped-def]
    # before: the country after "border with", or the nationality before "border", voted the town into that
    # country or became the event's place itself
    assert _event_places(pipeline, text) == [place]


@pytest.mark.parametrize(("text", "place", "precision"), [
    # a province's district named after the possessive is the district, not a quarter of the province's city
    ("Taliban fighters killed three policemen in Kunduz's Imam Sahib district on Tuesday.",
     ("Afghanistan", "Imam Sahib"), 2),
    # a quarter named with "area" is in its town, not near it
    ("Police fired tear gas at protesters in Nairobi's Kibera area on Tuesday.", ("Kenya", "Nairobi"), 1),
])
def test_districts_and_quarters_after_a_possessive(pipeline, text, place, precision) -> None:  # type: ignore[no-untyped-def]
    # before: Kunduz city at precision 1, and Nairobi at precision 2 ("near Nairobi")
    events = pipeline.extract_text(text).events
    assert [((e.country, e.location), e.geo_precision) for e in events] == [(place, precision)]


def test_a_nationality_before_a_participle_and_a_bomb_is_who_fired_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "guided" (a participle) ended the skip of adjectives, so "Russian" voted the unknown district into
    # Russia
    events = pipeline.extract_text("A Russian guided bomb struck a school in the Saltivskyi district on Friday.").events
    assert all(e.country != "Russia" for e in events)


@pytest.mark.parametrize(("text", "place"), [
    ("In Rafah, medics said an Israeli strike killed five people on Monday.", "Rafah"),
    ("In Kadugli, residents said RSF fighters looted the market on Sunday.", "Kadugli"),
])
def test_a_fronted_place_before_a_source_is_the_scene(pipeline, text, place) -> None:  # type: ignore[no-untyped-def]
    # before: "In X, medics said …" was read as where the medics spoke, and the event fell to the country
    assert _event_places(pipeline, text)[0][1] == place


@pytest.mark.parametrize(("text", "place"), [
    # the attacking force's nationality says who acts, not where: the town it shelled stays in Ukraine
    ("Russian troops shelled Pokrovsk overnight, wounding a woman.", "Pokrovsk"),
    ("Russian forces shelled Kherson overnight, wounding a bus driver.", "Kherson"),
    # the tagger may call a bare name after "shelled" an adverb: it is still the verb's object
    ("Russian forces shelled Bakhmut overnight, killing one man.", "Bakhmut"),
    # mortars fired across the border hit the neighbour's town, though a Greek hamlet shares its name
    ("Russian forces fired mortars at a bus stop in Kherson, wounding two passengers.", "Kherson"),
])
def test_a_town_attacked_by_foreign_forces_stays_in_its_country(pipeline, text, place) -> None:  # type: ignore[no-untyped-def]
    assert _event_places(pipeline, text) == [("Ukraine", place)]


def test_forces_named_with_a_place_they_hold_still_vote_for_their_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the object is not a named place: the nationality still says where (an unknown village of the country)
    events = pipeline.extract_text("Iraqi forces shelled IS hideouts with mortars in Wadi Zghaitun on Monday.").events
    assert events[0].country == "Iraq"


@pytest.mark.parametrize(("text", "town"), [
    ("The Houthis fired a missile at a tanker in the Gulf of Aden on Tuesday.", "Aden"),
    ("A drone hit a merchant ship in the Gulf of Oman on Tuesday, killing two sailors.", "Oman"),
])
def test_a_sea_is_not_the_town_it_is_named_after(pipeline, text, town) -> None:  # type: ignore[no-untyped-def]
    assert all(e.location != town for e in pipeline.extract_text(text).events)


def test_a_regional_bureau_dateline_does_not_move_the_story(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("NAIROBI, March 14 (Reuters) - South Sudanese troops clashed with rebels in Upper Nile state on Tuesday, "
            "killing nine people, the army said.\n\nThe fighting broke out in Wadakona village after the rebels "
            "attacked an army post, a spokesman said.")
    assert {e.country for e in pipeline.extract_text(text, published="2024-03-14").events} == {"South Sudan"}


def test_a_village_written_in_a_country_stays_in_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "CAIRO, March 14 (Reuters) - RSF fighters stormed the village of Wad Ashkeit in Sudan on Monday, killing 11."
    assert pipeline.extract_text(text, published="2024-03-14").events[0].country == "Sudan"


def test_the_last_town_of_a_list_is_a_place_whatever_ner_calls_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds of thousands marched in Paris, Marseille and Lyon on Tuesday against the pension reform."
    assert {e.location for e in pipeline.extract_text(text).events} == {"Paris", "Marseille", "Lyon"}


def test_a_placeless_paragraph_of_a_local_story_stays_at_its_site(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("RUSTENBURG, March 14 (Reuters) - Workers at a platinum shaft near Mogwase downed tools on Monday over a "
            "wage dispute, the union said.\n\nOn Tuesday, police fired rubber bullets to disperse strikers who had "
            "blocked the road to the shaft, the company said.")
    events = pipeline.extract_text(text, published="2024-03-14").events
    assert [e.location for e in events] == ["Mogwase", "Mogwase"]


@pytest.mark.parametrize(("text", "country"), [
    ("Kinshasa accused Rwanda on Monday of backing M23 rebels who attacked army positions, killing six soldiers.",
     "Democratic Republic of Congo"),
    ("Iraq accused Turkey on Monday of shelling a village, killing four civilians.", "Iraq"),
])
def test_a_country_accused_is_not_where_the_act_happened(pipeline, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import events_of

    [event] = events_of(pipeline, text)
    assert event.country == country


@pytest.mark.parametrize(("text", "country"), [
    ("Kyiv said Russian drones struck an energy facility overnight.", "Ukraine"),
    ("Moscow said Ukrainian drones struck an oil refinery near the border overnight.", "Russia"),
])
def test_a_capital_speaking_of_a_foreign_force_strike_gives_its_state(pipeline, text, country) -> None:  # type: ignore[no-untyped-def]
    # before: the capital was dropped as a speaker and the strike had no place at all
    (event,) = pipeline.extract_text(text, published="2024-03-14").events
    assert (event.country, event.geo_precision) == (country, 3)


@pytest.mark.parametrize(("text", "country"), [
    ("Russian drones struck Ukraine's energy grid overnight, killing two people.", "Ukraine"),
    ("Ukrainian drones hit Russia's oil refineries on Sunday, officials said.", "Russia"),
])
def test_the_country_that_owns_what_a_strike_hits_is_the_place(pipeline, text, country) -> None:  # type: ignore[no-untyped-def]
    # before: "Ukraine's" read as a modifier of "grid", and the strike had no place
    (event,) = pipeline.extract_text(text, published="2024-03-14").events
    assert event.country == country


def test_a_post_abroad_owned_by_a_country_is_no_place_of_that_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters attacked Israel's embassy in Amman on Friday."
    assert _event_places(pipeline, text) == [("Jordan", "Amman")]


@pytest.mark.parametrize(("text", "country"), [
    ("Syria state media said an air strike killed three soldiers on Tuesday.", "Syria"),
    ("Iraqi state television reported that a roadside bomb killed two policemen overnight.", "Iraq"),
])
def test_a_states_media_telling_of_an_act_with_no_place_give_their_state(pipeline, text, country) -> None:  # type: ignore[no-untyped-def]
    # nothing else places the act: a state's media tell it of their own soil (precision 3); before, no country
    (event,) = pipeline.extract_text(text, published="2024-03-14").events
    assert (event.country, event.geo_precision) == (country, 3)


@pytest.mark.parametrize(("text", "country"), [
    ("Syria state media said Israeli troops shelled a village on Monday, killing two farmers.", "Syria"),
    (("Lebanese state television reported that Israeli tanks shelled a border village on Tuesday, wounding three "
      "people."), "Lebanon"),
    ("Iraqi state media said Turkish soldiers shelled a village on Monday, killing two shepherds.", "Iraq"),
])
def test_a_states_media_telling_of_a_foreign_ground_force_with_no_place_give_their_state(pipeline, text, country) -> None:  # type: ignore[no-untyped-def]
    # the forces' nationality says who acted, the state's media where (before: the forces' own country)
    (event,) = pipeline.extract_text(text, published="2024-03-14").events
    assert (event.country, event.geo_precision) == (country, 3)


@pytest.mark.parametrize(("text", "country"), [
    ("Syria state media said Israeli troops shelled a village in Israel on Monday, wounding two farmers.", "Israel"),
    ("Israeli troops shelled a village on Monday, killing two farmers.", "Israel"),
])
def test_a_foreign_ground_force_keeps_its_country_where_the_text_puts_the_act_or_no_media_speak(pipeline, text, country) -> None:  # type: ignore[no-untyped-def]
    (event,) = pipeline.extract_text(text, published="2024-03-14").events
    assert event.country == country


def test_a_states_media_telling_of_an_act_its_sentence_places_nowhere_give_their_state_in_a_longer_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the sentence names places only as an actor of another clause ("the US quit") and as modifiers ("the Iran
    # deal", "Syria state media"); before, the act took the United States, or the next sentence's aside abroad
    text = ("Hours after the US left the Iran accord on Wednesday, Syria state television reported that anti-aircraft "
            "batteries had shot down four Israeli rockets. Saudi Arabia has long competed with Iran for influence "
            "across the region.")
    (event,) = [e for e in pipeline.extract_text(text, published="2024-03-14").events if e.sub_event_type == "Disrupted weapons use"]
    assert (event.country, event.geo_precision) == ("Syria", 3)


def test_a_states_media_sentence_keeps_the_town_a_neighbouring_sentence_places_in_that_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Israeli jets struck a weapons depot near Homs on Monday night. Syria state television reported that "
            "anti-aircraft batteries had shot down most of the rockets.")
    (event,) = [e for e in pipeline.extract_text(text, published="2024-03-14").events if e.sub_event_type == "Disrupted weapons use"]
    assert (event.country, event.location) == ("Syria", "Homs")


@pytest.mark.parametrize(("text", "country"), [
    (("Syrian state television reported that anti-aircraft batteries had shot down five Israeli rockets overnight. "
      "Iran has long armed militias in Iraq."), "Syria"),
    (("North Korean state media said the army had fired two missiles into the sea on Sunday. The launch came days "
      "after joint drills in Japan."), "North Korea"),
])
def test_a_states_media_named_by_nationality_place_an_act_its_sentence_places_nowhere(pipeline, text, country) -> None:  # type: ignore[no-untyped-def]
    # "Syrian state media" tells the same as "Syria state media": the act is on that state's soil (precision 3);
    # before, the nationality word made no place and the act took the next sentence's aside abroad
    events = pipeline.extract_text(text, published="2024-03-14").events
    assert [(e.country, e.geo_precision) for e in events] == [(country, 3)]


@pytest.mark.parametrize(("text", "place"), [
    (("Iranian state television said air defences had downed a drone on Sunday. Israel has long accused Tehran of "
      "arming militias."), ("Iran", None, 3)),
    (("Drones struck a fuel depot in Belgorod region on Monday. The governor said two people were wounded. Moscow "
      "blamed Kyiv for the attack."), ("Russia", "Belgorod Oblast", 3)),
    (("Protesters burned tyres and blocked roads on Monday. The unrest began after Washington pulled out of the deal "
      "in May."), (None, None, None)),
])
def test_a_capital_that_accuses_is_blamed_or_pulls_out_is_its_government_not_a_place(pipeline, text, place) -> None:  # type: ignore[no-untyped-def]
    # before: the capital of the next sentence placed the act there (Tehran, Washington at precision 1), and
    # "blamed Kyiv" voted the paragraph to Ukraine, so Belgorod region fell to Kyiv's province
    events = pipeline.extract_text(text, published="2024-03-14").events
    assert [(e.country, e.admin1, e.geo_precision) for e in events] == [place]


@pytest.mark.parametrize(("text", "location"), [
    ("Protesters marched through Tehran on Friday. They accused the government of corruption.", "Tehran"),
    ("Troops pulled out of Kabul on Monday as protesters burned tyres.", "Kabul"),
])
def test_a_capital_where_an_act_happens_stays_its_place(pipeline, text, location) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.extract_text(text, published="2024-03-14").events
    assert [(e.location, e.geo_precision) for e in events] == [(location, 1)]
