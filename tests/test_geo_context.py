"""Geocoding: country votes by evidence strength, demonyms, and the event's place chosen by its trigger."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import KIND_ADMIN1, KIND_CITY, KIND_COUNTRY, Entry
from dateline.geo.resolve import Mention, _anchor_country, geocode_text
from dateline.model import Span
from tests.conftest import event_place, events_of


def _entry(idx: int, kind: int, cc: str, pop: int = 0, name: str = "X") -> Entry:
    return Entry(idx=idx, kind=kind, name=name, cc=cc, admin1_code="01", latitude=0.0, longitude=0.0,
                 population=pop, geonameid=idx, admin2="")


def _mention(cands: list[Entry], **kw) -> Mention:  # type: ignore[no-untyped-def]
    m = Mention(0, 1, "X", "X", "GAZ", None, None, kw.pop("kind_hint", None), 0, 0, candidates=cands)
    for k, v in kw.items():
        setattr(m, k, v)
    return m


def test_country_name_outvotes_a_town_and_a_spelling_tolerant_match() -> None:
    assert _anchor_country(_mention([_entry(1, KIND_COUNTRY, "PK", 10**8)])) == ("PK", 2.0)
    assert _anchor_country(_mention([_entry(2, KIND_CITY, "DE", 13_000)])) == ("DE", 1.0)
    # "Kech" found only through the loose key (Ketsch): half a vote
    assert _anchor_country(_mention([_entry(2, KIND_CITY, "DE", 13_000)], loose_only=True)) == ("DE", 0.5)


def test_a_province_name_only_one_country_has_anchors_that_country() -> None:
    cands = [_entry(1, KIND_CITY, "YE", 16_000), _entry(2, KIND_ADMIN1, "YE", 50_000), _entry(3, KIND_CITY, "SY", 0)]
    assert _anchor_country(_mention(cands)) is None  # a bare ambiguous name says nothing
    assert _anchor_country(_mention(cands, is_parent=True)) == ("YE", 1.0)  # "(Village, Province)"


def test_a_province_whose_name_another_country_has_only_as_an_other_name_anchors_its_own_country() -> None:
    # "(District, Xland)": Xland is one country's province by its own name and another's by an other name
    own, other = _entry(1, KIND_ADMIN1, "NG", 50_000, name="X"), _entry(2, KIND_ADMIN1, "CM", 40_000, name="Ex")
    assert _anchor_country(_mention([own, other], is_parent=True)) == ("NG", 1.0)
    assert _anchor_country(_mention([own, other])) is None  # a bare name outside the text's hierarchy says nothing
    both = [own, _entry(2, KIND_ADMIN1, "CM", 40_000, name="X")]
    assert _anchor_country(_mention(both, is_parent=True)) is None  # two provinces of that very name: undecided


def test_a_village_written_with_its_district_and_province_is_no_namesake_abroad(resources) -> None:  # type: ignore[no-untyped-def]
    # the village's name resembles a city on another continent only by another spelling; its province says Nigeria
    places = geocode_text("Gunmen attacked Kwata Dada village (Zangazau, Adamawa) on Saturday, killing three farmers.",
                          resources)
    assert places and {p.country for p in places} == {"Nigeria"}, [(p.mention, p.country) for p in places]


def test_houthi_is_a_yemeni_demonym(resources) -> None:  # type: ignore[no-untyped-def]
    assert resources.gazetteer.demonym_country("Houthi") == "YE"
    assert resources.gazetteer.demonym_country("Houthis") == "YE"



def test_trigger_prefers_the_place_attached_to_the_event_over_the_victims_origin(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Two traders from Mosul were killed in Kirkuk on Monday."
    assert event_place(resources, text, "killed").mention == "Kirkuk"


def test_trigger_ignores_a_place_in_a_clause_describing_the_actors(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen who had travelled from Basra attacked a police station in Najaf."
    assert event_place(resources, text, "attacked").mention == "Najaf"


def test_trigger_keeps_the_town_inside_its_region(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Soldiers shot a teenager in the West Bank town of Nablus on Friday."
    assert event_place(resources, text, "shot").mention == "Nablus"


def test_without_trigger_the_old_rule_still_applies(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters marched in Basra, southern Iraq, on Friday."
    assert event_place(resources, text, "marched", with_trigger=False).mention == "Basra"


@pytest.mark.parametrize(("text", "noun", "site"), [
    ("Demonstrators in Leeds closed down the main rail depot in Bradford on Tuesday.", "Demonstrators", "Bradford"),
    ("Strikers from Bilbao shut the port of Santander on Monday.", "Strikers", "Santander"),
])
def test_a_participant_noun_trigger_takes_the_place_of_the_act_it_is_subject_of(resources, text: str, noun: str,
                                                                                 site: str) -> None:  # type: ignore[no-untyped-def]
    assert event_place(resources, text, noun).mention == site


def test_event_verb_of_a_nominal_trigger(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.resolve import event_verb

    text = "Demonstrators in Leeds closed down the depot."
    doc = resources.nlp(text)
    assert event_verb(Span.of(text, 0, 13), doc).text == "closed"
    verb = Span.of(text, 23, 29)
    assert event_verb(verb, doc) == verb  # a verb trigger stays itself


def test_a_common_town_name_is_looked_for_inside_the_province_the_text_names(resources) -> None:  # type: ignore[no-untyped-def]
    # "San Jose" has hundreds of namesakes; the one the text means is in the Philippine region named after it
    places = geocode_text("Workers protested in San Jose (Batangas, Calabarzon).", resources)
    town = next(p for p in places if p.mention == "San Jose")
    assert (town.country, town.admin1) == ("Philippines", "Calabarzon")
    assert town.geo_precision == 1


def test_demonyms_decide_for_an_ambiguous_name_but_not_against_a_unique_one() -> None:
    from collections import Counter

    from dateline.geo.resolve import Context, _only_supported

    # "Afghan forces repelled attacks in X district": no other place, one demonym (0.5) in the paragraph
    ctx = Context(sent={0: Counter({"AF": 0.5})}, para={0: Counter({"AF": 0.5})}, article=Counter({"AF": 0.5}),
                  place_para={}, place_sent={})
    greek, syrian = _entry(1, KIND_CITY, "GR", 2_000), _entry(2, KIND_CITY, "SY", 90_000)
    assert _only_supported(_mention([syrian, greek]), syrian, ctx) == "AF"
    # a town name only one country has is its own evidence: the demonym (often a foreign actor's) does not move it
    assert _only_supported(_mention([greek]), greek, ctx) is None


def test_a_neighbourhood_word_makes_a_landmark_within_the_town_not_a_namesake_town(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("In Toluca, police arrested two men who threw Molotov cocktails in Colonia Centro.", resources)
    colonia = next(p for p in places if p.mention.startswith("Colonia"))
    assert colonia.kind == "landmark" and colonia.within == "Toluca"
    assert not any(p.mention == "Molotov" for p in places)  # "Molotov cocktail" is not the old name of a city


@pytest.mark.parametrize(("text", "town", "quarter"), [
    ("Gunmen shot dead two traders in the Lahore neighbourhood of Ichhra on Friday.", "Lahore", "Ichhra"),
    ("A grenade went off in the Kampala suburb of Kawempe, police said.", "Kampala", "Kawempe"),
    ("Youths burned tyres in the Nairobi slum of Mathare overnight.", "Nairobi", "Mathare"),
])
def test_the_town_before_a_quarter_word_is_the_town_and_the_name_after_of_is_its_quarter(
        resources, text: str, town: str, quarter: str) -> None:  # type: ignore[no-untyped-def]
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert places[town].kind == "city" and places[town].name == town
    assert places[quarter].kind == "landmark" and places[quarter].within == town


@pytest.mark.parametrize(("text", "region", "country"), [
    ("Jihadists attacked a gendarmerie post in the Dosso region of southern Niger on Friday.", "Dosso", "Niger"),
    ("Gunmen killed seven villagers in the Mopti region of Mali on Sunday.", "Mopti", "Mali"),
])
def test_the_country_after_a_named_region_holds_it_and_is_no_province(
        resources, text: str, region: str, country: str) -> None:  # type: ignore[no-untyped-def]
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert places[region].country == country and places[region].admin1 == region
    assert places[country].kind == "country" and places[country].country == country


def test_a_place_type_word_before_the_bracket_still_links_the_enclosing_places(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("Police fired tear gas at protesters in San Jose town (Batangas, Calabarzon).", resources)
    town = next(p for p in places if p.mention == "San Jose")
    assert (town.country, town.admin1) == ("Philippines", "Calabarzon")


def test_a_town_whose_district_bears_its_name_stays_that_town(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("Traders protested in Pune city (Pune, Maharashtra) on Monday.", resources)
    first = places[0]
    assert first.mention == "Pune" and first.name == "Pune" and first.admin1 == "Maharashtra"


def test_a_name_after_a_towns_possessive_is_a_part_of_that_town(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("Students rallied in Cairo's Zamalek district on Sunday.", resources)
    part = next(p for p in places if p.mention == "Zamalek")
    assert part.kind == "landmark" and part.within == "Cairo" and part.country == "Egypt"


def test_consonant_key_ignores_transliterated_vowels() -> None:
    from dateline.geo.gazetteer import consonant_key

    assert consonant_key("Shirqat") == consonant_key("Ash Sharqat") == "shrqt"
    assert consonant_key("Idleb") == consonant_key("Idlib")


def test_a_marked_place_spelt_with_other_vowels_is_found_in_the_context_country(resources) -> None:  # type: ignore[no-untyped-def]
    # GeoNames spells it Tikrit; older reports wrote Tekrit
    places = geocode_text("Iraqi troops searched farms near a village in Tekrit district on Sunday.", resources)
    town = next(p for p in places if p.mention == "Tekrit")
    assert town.country == "Iraq" and town.geo_precision == 1 and town.admin1 is not None


def test_a_big_town_found_only_under_another_name_yields_to_a_unanimous_context(resources) -> None:  # type: ignore[no-untyped-def]
    # "Bombay" is only an old name of Mumbai (a city of millions); every other name here is Nigerian
    places = geocode_text("Nigerian police dispersed traders in Bombay, a quarter of Ikeja, Lagos State, Nigeria.", resources)
    quarter = next(p for p in places if p.mention == "Bombay")
    assert quarter.country == "Nigeria" and quarter.admin1 == "Lagos" and quarter.geo_precision == 2


@pytest.mark.parametrize(("text", "where"), [
    ("On Saturday thousands of farmers rallied across Bavaria, chanting 'Hands off, Berlin!'", "Bavaria"),
    ("On Friday students protested in Kenya, chanting 'Kampala is watching!'", "Kenya"),
])
def test_a_place_named_only_in_a_chanted_slogan_does_not_take_the_events_place(pipeline, text: str,
                                                                               where: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = pipeline.extract_text(text, published="2024-05-06").events
    assert event.location == where


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Mill workers marched from Portland to Lewiston on Sunday.", "Portland", "Maine"),
    ("Nurses picketed hospitals in Aurora and Naperville on Monday.", "Aurora", "Illinois"),
])
def test_of_namesakes_in_one_country_the_one_near_the_other_places_named_is_meant(resources, text: str, name: str,
                                                                                 admin1: str) -> None:  # type: ignore[no-untyped-def]
    place = next(p for p in geocode_text(text, resources) if p.mention == name)
    assert place.admin1 == admin1


def test_a_namesake_named_alone_is_still_the_most_populous(resources) -> None:  # type: ignore[no-untyped-def]
    (place,) = geocode_text("Nurses picketed a hospital in Aurora on Monday.", resources)
    assert place.admin1 == "Colorado"


def test_a_street_named_after_a_town_is_in_the_town_the_text_puts_it_in(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Journalists protested outside a newspaper office on Jhelum road in Lahore city on Monday."
    street = next(p for p in geocode_text(text, resources) if p.mention.startswith("Jhelum"))
    assert street.kind == "landmark" and street.within == "Lahore"
    assert event_place(resources, text, "protested").name == "Lahore"
    # a road named by where it leads, with no town around it, is still that town
    (basra,) = geocode_text("Traders blocked the Basra road on Monday.", resources)
    assert basra.kind == "city" and basra.country == "Iraq"


def test_lone_namesakes_abroad_do_not_outvote_a_paragraph_about_one_country(resources) -> None:  # type: ignore[no-untyped-def]
    # Kirya and Bukene are small Tanzanian towns in the gazetteer; the paragraph names four Nigerian places
    text = "Bandits attacked Kirya, Bukene, Dansadau and Magami (Maru, Zamfara) and burnt houses in Gusau and Anka."
    places = {p.mention: p for p in geocode_text(text, resources)}
    assert places["Kirya"].country == "Nigeria" and places["Bukene"].country == "Nigeria"


def test_an_enclosing_name_takes_the_country_of_what_it_encloses(resources) -> None:  # type: ignore[no-untyped-def]
    # "Niger" alone is the country; written around a Nigerian district it is the Nigerian state, and a village
    # named with it is not a namesake in the Philippines
    places = geocode_text("Gunmen stormed Tunga, on the road to Kwaki (Mashegu LGA, Niger), and abducted six people.", resources)
    by = {p.mention: p for p in places}
    assert by["Niger"].kind == "admin1" and by["Niger"].country == "Nigeria"
    assert by["Tunga"].country == "Nigeria" and by["Tunga"].geo_precision == 2


def test_a_big_namesake_in_a_country_nothing_in_the_text_supports_is_unsupported() -> None:
    from collections import Counter

    from dateline.geo.resolve import Context, _unsupported

    far = _entry(2, KIND_CITY, "IR", 300_000)
    m = _mention([_entry(1, KIND_CITY, "IQ", 130_000), far])  # two countries, neither ten times the other
    places_elsewhere = Context({}, {}, Counter({"PS": 3.0, "IL": 0.5}), {0: Counter({"PS": 3.0})}, {})
    assert _unsupported(m, far, places_elsewhere)
    # a nationality word alone ("Israeli warplanes struck X") says who acts, not that X is elsewhere
    demonym_only = Context({}, {}, Counter({"IL": 0.5}), {}, {})
    assert not _unsupported(m, far, demonym_only)
    # a word of the text supports the namesake's country
    supported = Context({}, {}, Counter({"PS": 3.0, "IR": 0.5}), {0: Counter({"PS": 3.0})}, {})
    assert not _unsupported(m, far, supported)
    # a name only one country has is never a guess
    assert not _unsupported(_mention([far]), far, places_elsewhere)


def test_a_district_known_only_through_its_seat_town_is_found_inside_the_province_written(resources) -> None:  # type: ignore[no-untyped-def]
    # the index has no district record for Golbasi in Adiyaman, only its seat town (in "Golbasi Ilcesi"); the
    # Golbasi district it does have lies in Ankara
    places = geocode_text("Police closed the roads out of the Golbasi district of Adiyaman on Monday.", resources)
    district = next(p for p in places if p.mention.startswith("Golbasi"))
    assert district.country == "Turkey" and district.admin1 == "Adiyaman" and district.latitude is not None
    assert district.name.startswith("Golbas") and district.geo_precision == 1


def test_an_event_placed_only_in_its_country_sits_at_the_countrys_point(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the paragraph names no place, the story two towns: the event falls to the country, not to its first town
    text = ("Jihadists killed six soldiers in Gao and attacked a base in Menaka on Monday.\n\n"
            "Separately, soldiers detained dozens of people, a rights group said.")
    arrests = next(e for e in events_of(pipeline, text)
                   if e.sub_event_type == "Arrests")
    assert (arrests.location, arrests.geo_precision) == ("Mali", 3)
    assert abs(arrests.latitude - 12.65) < 0.1 and abs(arrests.longitude + 8.0) < 0.1  # Bamako, not Gao (16.3, -0.05)


@pytest.mark.parametrize(("text", "location", "precision"), [
    # a capital in apposition is a place whatever NER calls its name
    ("Police fired tear gas at protesters in the state capital, Jos, on Friday.", "Jos", 1),
    ("Youths burned tyres in the regional capital Mekele on Monday to protest against the arrests.", "Mek'ele", 1),
    # near a capital in apposition, or some kilometres from a town, is near it
    ("Gunmen killed two traders on the outskirts of the state capital, Lokoja, on Sunday.", "Lokoja", 2),
    ("Rebels attacked an army post near the provincial capital Bunia on Sunday.", "Bunia", 2),
    ("A roadside bomb hit a police van about 25 km from Quetta on Monday, killing three officers.", "Quetta", 2),
])
def test_a_capital_in_apposition_and_a_distance_from_a_town(pipeline, text: str, location: str,  # type: ignore[no-untyped-def]
                                                            precision: int) -> None:
    [event] = events_of(pipeline, text)
    assert (event.location, event.geo_precision) == (location, precision)


@pytest.mark.parametrize(("text", "location", "admin1"), [
    ("Bandits abducted 40 farmers in the Rafi area of Niger state on Monday.", "Rafi", "Niger"),
    ("Gunmen killed 11 villagers in the Bassa area of Plateau state on Friday, police said.", "Bassa", "Plateau"),
    ("Gunmen killed seven farmers in the Kaura area of southern Kaduna on Monday.", "Kaura", "Kaduna"),
])
def test_the_area_of_a_state_is_its_district_not_a_quarter(pipeline, text: str, location: str,  # type: ignore[no-untyped-def]
                                                           admin1: str) -> None:
    # "the Palanpur area of Surat" is a quarter of a city; "the Rafi area of Niger state" is a district of a state
    [event] = events_of(pipeline, text)
    assert (event.location, event.admin1, event.geo_precision) == (location, admin1, 2)


def test_a_town_in_a_neighbouring_state_stays_in_the_state_its_sentence_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "neighbouring" marks the state as another one than the story's first: it still says where its town lies
    text = ("Bandits killed five people in Zamfara state on Sunday.\n\n"
            "In neighbouring Sokoto state, gunmen killed eight villagers in the town of Sabon Birni on Monday.")
    events = events_of(pipeline, text)
    assert [(e.location, e.admin1) for e in events] == [("Zamfara", "Zamfara"), ("Sabon Birni", "Sokoto")]


def test_a_placeless_paragraph_stays_at_the_town_its_province_holds(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the town and the province that holds it are one site, not two: the next paragraph stays at the town
    text = ("A suicide bomber struck a market in the town of Konduga in Borno state on Monday, killing nine people."
            "\n\nSoldiers sealed off the town after the blast and arrested two local officials.")
    # (officials, not "two suspects": the arrest of the bombing's suspects is part of the bombing, no event of its
    # own: `incidents._suspect_arrested`)
    events = events_of(pipeline, text)
    arrests = next(e for e in events if e.sub_event_type == "Arrests")
    assert (arrests.location, arrests.admin1, arrests.geo_precision) == ("Konduga", "Borno", 2)


def test_a_small_town_with_a_namesake_abroad_and_no_word_for_either_goes_to_review(pipeline) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, "Cattle raiders killed eight herders near Leer on Sunday, a local official said.")
    assert "place_ambiguous" in event.flags and "needs_review" in event.flags
    # a word of the text decides it: no review for the place
    [event] = events_of(pipeline, "Cattle raiders killed eight herders near Leer in South Sudan on Sunday.")
    assert event.country == "South Sudan" and "place_ambiguous" not in event.flags


@pytest.mark.parametrize(("text", "country"), [
    # the group's home decides against a namesake town abroad that nothing else supports
    ("Police said al Shabaab gunmen shot dead a village elder in Balad on Sunday.", "Somalia"),
    ("Gulf Clan gunmen killed two soldiers in Segovia on Monday, the army said.", "Colombia"),
    ("People's Defence Force fighters ambushed a military convoy near Kani on Monday.", "Myanmar"),
])
def test_an_armed_groups_home_outweighs_a_namesake_abroad(pipeline, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, text)
    assert event.country == country


@pytest.mark.parametrize(("text", "country"), [
    # a nationality on border guards is the force's own, and says where it acts
    ("Afghan border police exchanged fire with Pakistani troops near Lal on Monday, leaving one dead.", "Afghanistan"),
    # a people's name is no town ("Baloch" is not Balloch, Scotland)
    ("Iranian border guards shot dead two fuel porters near Saravan on Monday, a Baloch rights group said.", "Iran"),
    # a river or a valley is not the country or the town named like it
    ("Israeli settlers set fire to Palestinian tents in the Jordan Valley on Friday, the Palestinian Authority said.",
     "Palestine"),
    ("Somali forces killed 12 al Shabaab fighters in an operation along the Juba river on Friday.", "Somalia"),
    # a valley named like its district is that district
    ("Troops killed four militants in the Swat valley on Monday.", "Pakistan"),
])
def test_border_forces_peoples_rivers_and_valleys(pipeline, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, text)
    assert event.country == country
