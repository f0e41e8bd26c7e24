"""Names that are not places, and the event's own place: one sentence of our own per failure pattern."""

from __future__ import annotations

import pytest

from dateline.geo.models import EVENT_PLACE_MODEL, TOPONYM_MODEL, load_model
from dateline.geo.resolve import geocode_text, place_for_event
from dateline.model import Article, Span


def _countries(resources, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.country for p in geocode_text(text, resources) if p.country}


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        ("Police said Jackson was arrested in Nairobi on Monday.", "United States"),  # a person's name
        ("Commissioner Otieno said youths blocked the road in Kisumu.", "United States"),  # a title
        ("The Bureau of Statistics said prices rose in Kano after the clashes.", "United States"),  # an organisation head
        ("Protesters gathered outside the Houses of Parliament in London.", "United States"),
        ("A grenade was thrown into a Cafe in Kabul, killing two people.", "Philippines"),  # a common word
        ("Tensions rose across the Middle East after the strike in Baghdad.", "United States"),  # a region
    ],
)
def test_a_name_that_is_not_a_place_here_does_not_take_a_town_abroad(resources, text: str, foreign: str) -> None:  # type: ignore[no-untyped-def]
    assert foreign not in _countries(resources, text)


def test_a_region_is_a_region_without_a_point(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("Tensions rose across the Middle East on Friday.", resources)
    assert [(p.kind, p.latitude) for p in places if p.mention == "Middle East"] == [("region", None)]


def test_a_village_stays_in_the_district_and_province_the_text_writes(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("Gunmen killed five farmers in Kalgo village (Birnin Kebbi, Kebbi) on Friday.", resources)
    assert {p.country for p in places} == {"Nigeria"}


def test_the_mp_for_a_town_attacked_in_a_capital_happened_in_the_capital(resources) -> None:  # type: ignore[no-untyped-def]
    text = "The MP for Reading was attacked in Nairobi on Sunday."
    doc = resources.nlp(text)
    article = Article(id="t", text=text)
    from dateline.geo.resolve import places_from_doc

    places = places_from_doc(article, doc, resources)
    assert "United States" not in {p.country for p in places}
    whole = Span.of(text, 0, len(text))
    start = text.index("attacked")
    place = place_for_event(places, whole, whole, article, trigger=Span.of(text, start, start + 8), doc=doc)
    assert place is not None and place.name == "Nairobi"


def test_the_shipped_models_load_without_scikit_learn_quickly() -> None:
    import inspect
    import time

    load_model.cache_clear()
    t = time.perf_counter()
    topo, rank = load_model(TOPONYM_MODEL), load_model(EVENT_PLACE_MODEL)
    assert time.perf_counter() - t < 0.5
    assert topo is not None and rank is not None and 0 < topo.threshold < 1
    from dateline.geo import models

    assert "sklearn" not in inspect.getsource(models)  # weights are plain JSON, scored by hand


def test_the_recognizer_scores_a_title_below_a_place(resources) -> None:  # type: ignore[no-untyped-def]
    doc = resources.nlp("Commissioner Otieno said youths blocked the road in Kisumu.")
    kept = {s.text: s._.dl_place["p_place"] for s in doc.spans["dl_places"]}
    assert "Commissioner" not in kept and "Kisumu" in kept


def test_an_unplaced_village_stays_in_the_province_of_the_paragraphs_towns(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("Soldiers clashed with rebels in Kalehebambo on Tuesday, residents of Uvira said.", resources)
    village = next(p for p in places if p.mention == "Kalehebambo")
    uvira = next(p for p in places if p.mention == "Uvira")
    assert village.country == uvira.country and village.admin1 == uvira.admin1 and village.geo_precision == 2


def test_a_compass_part_of_a_country_is_that_country_and_south_sudan_stays_itself(resources) -> None:  # type: ignore[no-untyped-def]
    got = {p.mention: (p.country, p.geo_precision) for p in
           geocode_text("Police in North East Nigeria arrested 12 people; others fled to South Sudan.", resources)}
    assert got["North East Nigeria"] == ("Nigeria", 3)
    assert got["South Sudan"][0] == "South Sudan"


def test_a_village_whose_district_and_province_ner_reads_as_one_organisation_stays_there(resources) -> None:  # type: ignore[no-untyped-def]
    # spaCy reads "(Gwoza, Borno)" as one ORG; the bracketed list is still the village's district and state
    places = geocode_text("Militants raided Toronto village (Gwoza, Borno) overnight.", resources)
    assert {p.country for p in places} == {"Nigeria"}


def test_a_repeated_name_is_no_evidence_for_its_own_namesakes_country(resources) -> None:  # type: ignore[no-untyped-def]
    # both "Mansila" match only an Argentine town; nothing else in the text points to Argentina
    places = geocode_text("Gunmen of JNIM seized a trader at the market of Mansila (Mansila, Yagha) on Tuesday.", resources)
    assert "Argentina" not in {p.country for p in places}


@pytest.mark.parametrize("text", ["Gunmen killed two farmers in rural Kafr Takharim on Sunday.",
                                  "Troops shelled farms in rural Khan Shaykhun on Sunday.",
                                  "Protesters rallied in greater Kafr Nabl on Sunday."])
def test_a_word_for_part_of_a_place_between_the_cue_and_the_name_keeps_the_cue(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    (place,) = geocode_text(text, resources)
    assert place.kind == "city" and place.country == "Syria"


@pytest.mark.parametrize(("text", "name"), [
    ("Hundreds of nurses marched through Durban on Monday.", "Durban"),  # spaCy: ORG
    ("Militants attacked Quetta on Sunday.", "Quetta"),  # spaCy: WORK_OF_ART
    ("The MP for Manchester was attacked in Nairobi.", "Manchester"),  # spaCy: PERSON
])
def test_a_town_the_small_ner_mislabels_is_still_a_place(resources, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    doc = resources.nlp(text)
    assert name in {s.text for s in doc.spans["dl_places"]}


@pytest.mark.parametrize(("text", "name"), [
    ("Supreme Leader Ali Khamenei condemned the protests in Baghdad.", "Ali"),
    ("Al Arabiya TV reported clashes in Basra.", "Arabiya"),
    ("At the start of Ramadan, gunmen abducted a trader in Taiz.", "Ramadan"),
    ("Troops loyal to Jackson shelled Mosul overnight.", "Jackson"),
])
def test_a_name_ner_calls_a_person_or_organisation_stays_out_when_nothing_says_place(resources, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    doc = resources.nlp(text)
    assert name not in {s.text for s in doc.spans["dl_places"]}


def test_without_the_recognizer_a_name_ner_calls_an_organisation_is_dropped(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.nlp.components.places import find_toponyms

    doc = resources.nlp("Hundreds of nurses marched through Durban on Monday.")
    assert "Durban" not in {doc[c.start:c.end].text for c in find_toponyms(doc, resources.gazetteer)}


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Hundreds of refugees protested in Cox's Bazar on Thursday.", "Cox's Bazar", "Bangladesh"),
    ("Police in King’s Lynn arrested two men on Friday.", "King's Lynn", "United Kingdom"),
])
def test_a_name_with_a_possessive_inside_is_one_place(resources, text: str, name: str, country: str) -> None:  # type: ignore[no-untyped-def]
    # before: the name stopped at "'s", and "Cox" became a village in Spain with "Bazar" a landmark in it
    places = geocode_text(text, resources=resources)
    assert [(p.name.replace("’", "'"), p.country) for p in places] == [(name, country)]


def test_a_town_written_after_its_provinces_possessive_is_that_town(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "Borno's Gwoza" read Gwoza as a quarter of a town called Borno, and lost its place
    places = geocode_text("Troops burned homes in Borno's Gwoza town on Saturday.", resources=resources)
    gwoza = next(p for p in places if p.mention == "Gwoza")
    assert (gwoza.kind, gwoza.admin1, gwoza.geo_precision) == ("city", "Borno", 1)


def test_a_town_abroad_that_nothing_supports_gives_way_to_the_armed_groups_home(resources) -> None:  # type: ignore[no-untyped-def]
    # before: Al-Shabaab's votes split between Somalia and Kenya, so no country dominated, and the only reading of
    # the name the index holds, a town in Jordan, stood
    places = geocode_text("Al-Shabaab militants took over the town of Mahas after government troops withdrew on "
                          "Monday.", resources=resources)
    assert [(p.mention, p.country, p.geo_precision) for p in places] == [("Mahas", "Somalia", 3)]


def test_a_company_named_by_what_it_is_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "mining giant Vale" (the small NER: LOC) was a place, kept at the country
    places = geocode_text("Indigenous groups blocked a highway serving mining giant Vale in Brazil's north on Friday.",
                          resources=resources)
    assert [p.mention for p in places] == ["Brazil"]
    # a country the NER knows stays one
    assert [p.mention for p in geocode_text("Oil giant Saudi Arabia cut output on Monday.", resources=resources)] == \
        ["Saudi Arabia"]


def test_a_name_written_without_its_arabic_article_finds_the_place_with_it(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "Bayda" matched only a Libyan town's other name; rejected as a namesake, the strike stayed at Yemen
    places = geocode_text("A drone strike hit a wedding party in Yemen's Bayda province on Sunday.", resources=resources)
    bayda = next(p for p in places if p.mention == "Bayda")
    assert (bayda.country, bayda.admin1, bayda.kind) == ("Yemen", "Al Bayda", "admin1")


def test_a_province_listed_after_a_place_preposition_is_a_place_whatever_ner_calls_it(resources) -> None:  # type: ignore[no-untyped-def]
    # before: the small NER called "Haryana" a person, the recognizer dropped it, and "Punjab" alone went to the
    # larger Punjab, in Pakistan
    places = geocode_text("Farmers in Punjab and Haryana blocked railway tracks on Monday.", resources=resources)
    assert [(p.mention, p.country) for p in places] == [("Punjab", "India"), ("Haryana", "India")]


def test_a_country_that_backs_or_controls_is_an_attribute_not_the_place(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "backed by Rwanda" was the sentence's only place, so the rebels' offensive was placed in Rwanda
    places = geocode_text("Militias backed by Iran fired rockets at a base near Erbil on Tuesday.", resources=resources)
    iran = next(p for p in places if p.mention == "Iran")
    assert "attribute" in (iran.reason or "")
    assert next(p for p in places if p.mention == "Erbil").country == "Iraq"


def test_a_province_named_as_acled_names_it_is_found(resources) -> None:  # type: ignore[no-untyped-def]
    # before: GeoNames knows the province only as "Krasnodarskiy", so "Krasnodar region" was the city (precision 1)
    places = geocode_text("A drone attack set fire to a refinery in Russia's Krasnodar region overnight.",
                          resources=resources)
    krasnodar = next(p for p in places if p.mention == "Krasnodar")
    assert (krasnodar.kind, krasnodar.admin1, krasnodar.geo_precision) == ("admin1", "Krasnodar Krai", 3)


def test_a_place_named_only_as_an_attribute_leaves_the_demonyms_country(resources) -> None:  # type: ignore[no-untyped-def]
    # before: the attribute ("backed by the UAE") counted as a place named, so "Yemeni" gave no country
    places = geocode_text("Yemeni officials say government forces took a camp from a militia backed by the United "
                          "Arab Emirates outside a southern city.", resources=resources)
    assert [p.name for p in places if "attribute" not in (p.reason or "")] == ["Yemen"]


def test_a_country_on_a_weapons_name_is_its_owner_not_the_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "US" in "a US MQ-9 Reaper drone" (parsed as a noun modifier, not a compound) was the event's place
    events = pipeline.extract_text("Houthi forces shot down a US MQ-9 Reaper drone over Yemen on Wednesday.").events
    assert [e.country for e in events] == ["Yemen"]


@pytest.mark.parametrize(("text", "country"), [
    # the sea is water, not the province of that name: the group's home country places the attack
    ("The Houthis fired a missile at a commercial ship in the Red Sea on Friday.", "Yemen"),
    # the province, named as one, stays a province
    ("Protesters blocked the main road in Port Sudan, in Sudan's Red Sea state, on Friday.", "Sudan"),
])
def test_a_sea_named_with_the_is_water_not_a_province(pipeline, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    # before: "in the Red Sea" was Sudan's Red Sea state
    events = pipeline.extract_text(text).events
    assert [e.country for e in events] == [country]


def test_a_name_particle_alone_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # before: NER's "Las" of "the Las Bambas mine" was a town in Afghanistan found under a loose spelling
    places = geocode_text("Miners set up roadblocks on the road to the Las Bambas copper mine on Monday.",
                          resources=resources)
    assert all(p.country is None for p in places)


def test_a_province_before_a_possessive_holds_the_district_after_it(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "Bijapur" went to the larger namesake in Karnataka although the text writes Chhattisgarh's
    places = geocode_text("Rebels ambushed a patrol in Chhattisgarh's Bijapur district on Sunday.", resources=resources)
    assert next(p for p in places if p.mention == "Bijapur").admin1 == "Chhattisgarh"


def test_an_unknown_township_of_a_one_province_report_keeps_that_province(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the township's namesake abroad was rejected and the event kept only the country (precision 3)
    text = ("CAPE TOWN, Aug 3 (Wire) - Minibus taxi drivers blocked several roads in Cape Town on Thursday.\n\n"
            "Police said a 40-year-old man was shot dead in Nyanga during the unrest.")
    shooting = next(e for e in pipeline.extract_text(text, published="2023-08-03").events if e.sub_event_type == "Attack")
    assert (shooting.country, shooting.admin1, shooting.geo_precision, shooting.fatalities) == (
        "South Africa", "Western Cape", 2, 1)


def test_a_peoples_or_languages_adjective_starts_no_longer_name(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "Anglophone North-West" was read as one longer name the index lacks, so the region was no candidate
    places = geocode_text("Separatists attacked a police post in Cameroon's Anglophone North-West region on Monday.",
                          resources=resources)
    assert [(p.mention, p.admin1) for p in places if p.kind == "admin1"] == [("North-West", "Nord-Ouest")]


@pytest.mark.parametrize(("text", "name", "precision"), [
    # a bare name of a large city inside the province of that name is the city (the index keeps the city under
    # another name: "New York City", "Chattogram")
    ("Thousands of people marched in New York on Saturday to demand a ceasefire.", "New York City", 1),
    ("Hundreds of garment workers protested in Chittagong on Monday over unpaid wages.", "Chattogram", 1),
    # the province named as one stays the province
    ("Gunmen attacked a farm in New York state on Monday.", "New York", 3),
    # "nearby" after "in" or "the" is an adjective: the event is in the town
    ("Residents of the nearby town of Sasolburg marched to the municipal offices on Monday.", "Sasolburg", 1),
    ("Fighting broke out near Sasolburg on Monday.", "Sasolburg", 2),
])
def test_a_city_named_like_its_province_and_a_nearby_town(pipeline, text: str, name: str, precision: int) -> None:  # type: ignore[no-untyped-def]
    # before: New York and Chittagong were their provinces (precision 3); "the nearby town of X" was near X
    events = pipeline.extract_text(text, published="2024-03-14").events
    assert [(e.location, e.geo_precision) for e in events] == [(name, precision)]


def test_free_state_keeps_its_whole_name(resources) -> None:  # type: ignore[no-untyped-def]
    # before: " State" was stripped as a division word, and the province was "Free"
    places = geocode_text("Residents of Welkom marched to the municipal offices on Tuesday.", resources=resources)
    assert [p.admin1 for p in places] == ["Free State"]


@pytest.mark.parametrize(("text", "country"), [
    # a nationality on what fired from afar, or on a group a state sends abroad, says who fired or backs, not where
    ("Russian shelling killed two people and wounded five in Kherson on Wednesday.", "Ukraine"),
    ("Israeli airstrikes targeted Iranian militia positions in the western countryside of Dar'a on Monday.", "Syria"),
])
def test_the_attackers_nationality_is_not_where_the_strike_hit(pipeline, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    # before: "Russian" outvoted Kherson (a namesake abroad made the town weak), and the event was in Russia
    events = pipeline.extract_text(text, published="2024-03-14").events
    assert [e.country for e in events] == [country]


@pytest.mark.parametrize("text", [
    # the word after an Arabic article ends one longer name: alone it is a namesake on another continent
    "An air strike killed seven people in Maaret al-Numan on Monday.",
    "An air strike hit Jisr al-Shughur on Monday.",
])
def test_the_end_of_an_arabic_name_is_no_place_of_its_own(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    # before: "Numan" (Nigeria) and "Jisr" (Israel)
    assert {p.country for p in geocode_text(text, resources=resources)} <= {None, "Syria"}


def test_an_arabic_name_is_one_mention_and_its_article_may_take_a_sun_letters_sound(resources) -> None:  # type: ignore[no-untyped-def]
    # before: "Jisr" alone went to Israel; the whole name, written with "al-", is GeoNames' "Jisr ash Shughur"
    places = geocode_text("An air strike hit Jisr al-Shughur on Monday.", resources=resources)
    assert [(p.mention, p.country) for p in places] == [("Jisr al-Shughur", "Syria")]
    # a name the index lacks is one mention, kept where the text puts it
    places = geocode_text("Rebels shelled Abu al Duhur in Idlib province on Monday.", resources=resources)
    assert ("Abu al Duhur", "Idleb") in [(p.mention, p.admin1) for p in places]


_SPORT_REPORT = ("Burnley have signed Fulham midfielder Sam Pike on a two-year deal. Burnley manager Ian Cobb said the "
                 "midfielder would make the squad for Saturday's league match. Pike scored four goals in 20 games "
                 "last season, and the fans will miss him. The club face a tough fixture list before the end of the "
                 "season.")


def test_places_of_a_conflict_report_stay_places(resources) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen attacked a village near Maiduguri on Sunday, killing six farmers, residents said. The attackers "
            "also burned houses in Konduga before fleeing towards Bama.")
    assert {"Maiduguri", "Konduga", "Bama"} <= {p.mention for p in geocode_text(text, resources)}


def test_an_articles_domain_is_read_from_its_words(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.models import doc_domain

    assert doc_domain(resources.nlp(_SPORT_REPORT)) == "sport"
    assert doc_domain(resources.nlp("Gunmen attacked a village near Maiduguri on Sunday, killing six farmers.")) is None


@pytest.mark.parametrize(
    "text",
    [
        _SPORT_REPORT,  # a club named like its town, with a player's role after it
        ("Country singer Tammy Rowe and rapper Usher lead the nominations for this year's music awards, with the "
         "album of the year and best single among the prizes. The awards ceremony will be held in March, and the "
         "film and music industry will watch the winners closely."),  # a one-name singer
    ],
)
def test_a_team_or_a_singer_of_ordinary_news_is_no_place(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    # the recognizer's weights for sport, culture and business news (toponym-domain in tools/train_geo_models.py)
    mentions = {p.mention for p in geocode_text(text, resources)}
    assert not mentions & {"Fulham", "Usher"}


def test_the_recognizer_carries_weights_of_its_own_for_ordinary_news() -> None:
    # only texts with a domain (geo.models.doc_domain: sport, culture, business) read them; conflict reports
    # have none (test_an_articles_domain_is_read_from_its_words) and are scored by the shared weights alone
    model = load_model(TOPONYM_MODEL)
    assert model is not None
    assert any(k.startswith("in_domain:") for k in model.weights)


def test_names_written_after_a_company_word_or_a_role_are_found_once_per_article(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.models import names_by_role

    doc = resources.nlp("Gas giant Gazprom raised prices. Singer Usher and singer Tammy Rowe will perform. "
                        "Gazprom said demand was high.")
    company, person, _ = names_by_role(doc)
    assert company == {"Gazprom"}
    assert person == {"Usher"}  # "Tammy Rowe" is a full name: its first word is no one-name person


@pytest.mark.parametrize(("text", "name", "features"), [
    # a given name first and last: a person's name, whatever the gazetteer and NER say
    ("The governor swore in Abdullahi Yusuf, Kebbi state's new commissioner.", "Abdullahi Yusuf",
     {"given_name_first=unknown", "given_name_last"}),
    ("Traders said they trusted Moussa Kone, the Segou region's new prefect.", "Moussa Kone", {"given_name_first=unknown"}),
    # a settlement word first: a village, even with a given name after it ("the house of Yusuf")
    ("Gunmen killed two farmers in Gidan Yusuf, Kebbi state.", "Gidan Yusuf", {"settlement_word_first"}),
    ("Shelling hit Kafr Dabiq, a village in Idlib province.", "Kafr Dabiq", {"settlement_word_first"}),
    # a name of one word says nothing of the kind
    ("Gunmen killed two farmers in Moussa on Friday.", "Moussa", set()),
])
def test_a_persons_name_and_a_villages_are_told_apart_by_their_shape(resources, text: str, name: str,  # type: ignore[no-untyped-def]
                                                                    features: set[str]) -> None:
    from dateline.geo.models import _name_shape_features

    doc = resources.nlp.make_doc(text)
    start = next(t.i for t in doc if doc[t.i : t.i + len(name.split())].text == name)
    shape = _name_shape_features(doc, start, start + len(name.split()), known=False)
    assert set(shape) == features


@pytest.mark.parametrize(("text", "name", "cue"), [
    ("Troops shelled the towns of Hirak and Dael overnight.", "Hirak", "towns of"),
    ("Floods cut off the villages of Kolo and Garin Ali.", "Kolo", "villages of"),
    ("Protests spread to the provinces of Kandahar and Helmand.", "Kandahar", "provinces of"),
])
def test_a_name_after_a_plural_place_word_has_that_place_word_as_its_cue(resources, text: str, name: str,  # type: ignore[no-untyped-def]
                                                                        cue: str) -> None:
    # "the towns of X and Y" says X is a town as "the town of X" does; without the cue the recognizer weighed
    # only NER's label of X, which is often PERSON for a small town
    from dateline.nlp.components.places import _cue_before

    doc = resources.nlp.make_doc(text)
    start = next(t.i for t in doc if t.text == name)
    assert _cue_before([t.lower_ for t in doc], start) == cue
