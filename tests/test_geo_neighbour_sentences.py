"""The event's place from the sentences around its own (dateline's own annotated articles: Guardian stories are
one paragraph, so the paragraph fallback took the most specific place anywhere in the article). Sentences of our
own; each feature case was checked to fail before the change."""

from __future__ import annotations

from dateline.geo.resolve import place_for_event, places_from_doc
from dateline.model import Article, Place, Span
from dateline.resources import Resources


def place_in(resources: Resources, text: str, sentence: str, verb: str) -> Place | None:
    """The place `place_for_event` gives the event whose trigger is the first `verb` of the sentence that starts
    with `sentence`, the whole text being one paragraph."""
    doc = resources.nlp(text)
    article = Article(id="t", text=text)
    places = places_from_doc(article, doc, resources)
    at = text.index(sentence)
    sent = next(s for s in doc.sents if s.start_char <= at < s.end_char)
    start = text.index(verb, sent.start_char)
    return place_for_event(places, Span.of(text, sent.start_char, sent.end_char), Span.of(text, 0, len(text)),
                           article, trigger=Span.of(text, start, start + len(verb)), doc=doc)


STORY = ("A Swiss engineer died in a blast in Mali, the company said. The man was killed on Tuesday night "
         "alongside a local driver. Three guards were hurt when the roadside bomb went off in Gao, near the river. "
         "The charity said it would suspend its work. Its staff had worked for years in the small village of Tessit.")


def test_a_sentence_without_a_place_takes_the_town_of_the_next_one(resources: Resources) -> None:
    place = place_in(resources, STORY, "The man was killed", "killed")
    assert place is not None and place.name == "Gao", place
    assert "next sentence" in (place.reason or "")


def test_a_sentence_without_a_place_goes_on_from_the_story_before_it(resources: Resources) -> None:
    text = ("Rebels seized the town of Kidal on Monday, residents said. Hundreds of families fled on foot. "
            "Shops and the market stayed closed all day. The fighters shot dead two guards at the main gate. "
            "Police gave no further details. Later that week, aid convoys reached Timbuktu, which lies far to the west, and the small village of Tessit.")
    place = place_in(resources, text, "The fighters shot dead", "shot")
    assert place is not None and place.name == "Kidal", place


def test_a_neighbouring_aside_abroad_is_not_the_place(resources: Resources) -> None:
    text = ("Fighting raged across Mali this week, and troops in Mali were stretched, Mali's army said. The rebels "
            "also clashed with soldiers near the border on Friday. The president later flew to Paris for talks. "
            "Mali's ministers stayed at home.")
    place = place_in(resources, text, "The rebels also clashed", "clashed")
    assert place is not None and place.country == "Mali", place


def test_a_country_level_event_takes_the_town_where_the_next_sentence_tells_the_same_act(resources: Resources) -> None:
    text = ("Violence continues elsewhere in Mali, with militants reportedly killing more than 30 villagers this "
            "week. A monitoring group said 32 people were killed by the militants in the town of Tenenkou. Elsewhere, "
            "the army received new equipment in Sikasso.")
    place = place_in(resources, text, "Violence continues", "killing")
    assert place is not None and place.name == "Tenenkou", place


def test_the_next_sentence_with_other_counts_tells_another_act(resources: Resources) -> None:
    text = ("Meanwhile, drone strikes over the past day killed some 70 fighters in Mali, the army said. "
            "Repeated strikes on Tenenkou killed at least nine civilians in the same period, a monitor said.")
    place = place_in(resources, text, "Meanwhile", "killed")
    assert place is not None and place.kind == "country" and place.country == "Mali", place


def test_the_event_of_a_where_clause_is_at_the_place_the_clause_describes(resources: Resources) -> None:
    text = "There is Mali, where jihadists attacked an army post on Sunday, and Niger, where a drought is worsening."
    place = place_in(resources, text, "There is", "attacked")
    assert place is not None and place.country == "Mali", place


def test_a_country_name_with_of_the_inside_is_one_name(resources: Resources) -> None:
    text = ("There is Chad, where a harsh drought is spreading, as well as the Democratic Republic of the Congo, "
            "where street protests turned deadly last week.")
    place = place_in(resources, text, "There is", "protests")
    assert place is not None and place.country == "Democratic Republic of Congo", place


def _event_with(pipeline, text: str, word: str):  # type: ignore[no-untyped-def]
    """The event (kept or sent to review) whose trigger evidence holds `word`."""
    from tests.conftest import events_of

    return next(e for e in events_of(pipeline, text)
                if word in text[e.evidence["sub_event_type"].start : e.evidence["sub_event_type"].end])


def test_a_summing_up_country_does_not_pull_the_act_away_from_the_story_site(pipeline) -> None:  # type: ignore[no-untyped-def]
    # wire copy: the lead names the town, the next paragraph tells a further act without a place and a sentence
    # that sums up names only the country; the act goes on at the story's town, not at the country
    text = ("Teachers marched in Sukkur on Wednesday over months of unpaid salaries.\n\n"
            "Police detained nine of the marchers. Pakistan has seen many such marches this year.")
    event = _event_with(pipeline, text, "detained")
    assert event.location == "Sukkur" and event.geo_precision == 2, (event.location, event.geo_precision)


def test_two_earlier_towns_leave_the_summing_up_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # two towns before: no single site, so the act stays at the country
    text = ("Teachers marched in Sukkur and in Larkana on Wednesday over months of unpaid salaries.\n\n"
            "Police detained nine of the marchers. Pakistan has seen many such marches this year.")
    event = _event_with(pipeline, text, "detained")
    assert event.location == "Pakistan", event.location


LEAD = "Farmers blocked a railway line in Brazil's south on Monday, the operator said. "


def test_a_country_level_lead_takes_the_town_where_its_crowd_is_counted_next(resources: Resources) -> None:
    # the next sentence gives the lead's details with other verbs: its subject counts the same crowd
    text = LEAD + "Around 400 people tore up rails in the town of Ponta Grossa, it said."
    place = place_in(resources, text, "Farmers blocked", "blocked")
    assert place is not None and place.name == "Ponta Grossa", place


def test_a_counted_crowd_of_another_scene_or_day_lends_no_town(resources: Resources) -> None:
    for nxt in ("Elsewhere, around 400 people tore up rails in the town of Ponta Grossa, it said.",
                "On Saturday, around 400 people tore up rails in the town of Ponta Grossa, it said."):
        place = place_in(resources, LEAD + nxt, "Farmers blocked", "blocked")
        assert place is not None and place.name == "Brazil", (nxt, place)


def test_a_country_level_lead_takes_the_town_where_the_next_sentence_names_its_act_as_known(
        resources: Resources) -> None:
    # "The blast", "The deaths": the next sentence goes back to the lead's act by its name or its outcome
    for lead, verb, nxt, town in (
            ("A bomb exploded at a market in Afghanistan on Tuesday, killing nine people. ", "exploded",
             "The blast ripped through stalls in the town of Pul-e-Khumri, a police spokesman said.", "Pul-e Khumri"),
            ("Security forces fired live rounds at protesters in Iraq's south on Friday, killing three. ", "fired",
             "The deaths happened in Nasiriyah, medics said.", "Nasiriyah")):
        place = place_in(resources, lead + nxt, lead[:12], verb)
        assert place is not None and place.name == town, (nxt, place)


def test_a_known_act_in_another_scene_lends_no_town(resources: Resources) -> None:
    text = ("A bomb exploded at a market in Afghanistan on Tuesday, killing nine people. Meanwhile the blast of a "
            "second device damaged a school in the town of Pul-e-Khumri, police said.")
    place = place_in(resources, text, "A bomb exploded", "exploded")
    assert place is not None and place.name == "Afghanistan", place


def test_a_province_level_event_takes_the_town_where_the_next_sentence_tells_the_same_act(
        resources: Resources) -> None:
    # the lead names only the province; the next sentence puts the same blast near a town of that province
    text = ("Two soldiers were killed when their truck hit a landmine in Tigray on Sunday. The blast happened near "
            "the town of Adigrat, a military source said.")
    place = place_in(resources, text, "Two soldiers", "killed")
    assert place is not None and place.name == "Adigrat", place


def test_a_town_of_another_province_does_not_take_a_province_level_event(resources: Resources) -> None:
    text = ("Two soldiers were killed when their truck hit a landmine in Tigray on Sunday. The blast was heard "
            "as far as the town of Dessie, a military source said.")
    place = place_in(resources, text, "Two soldiers", "killed")
    assert place is not None and place.name == "Tigray", place


def test_a_country_level_lead_takes_the_town_its_headline_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the headline retells the lead (a bomb, killing, a market) and names the town the lead leaves out
    text = ("Car bomb kills four at Kismayo market\n\nA car bomb exploded at a busy market in Somalia on Saturday, "
            "killing four people, police said.")
    event = _event_with(pipeline, text, "exploded")
    assert (event.location, event.country) == ("Kismayo", "Somalia"), (event.location, event.country)


def test_a_headline_about_another_act_lends_no_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    # one word in common (the market) is the scene of another story, not this act's headline
    text = ("President tours new Kismayo market\n\nA car bomb exploded at a busy market in Somalia on Saturday, "
            "killing four people, police said.")
    event = _event_with(pipeline, text, "exploded")
    assert event.location == "Somalia", event.location


def test_a_lead_that_sums_incidents_in_counted_villages_takes_no_town_from_the_next_sentence(
        resources: Resources) -> None:
    # the next sentence tells one of the two villages' attacks (its count of houses happens to be near the lead's
    # toll): the lead sums both, so it is no act at that one village
    text = ("Gunmen killed at least 18 people in attacks on two villages in Nigeria on Tuesday night, police said. "
            "In Riyom, the attackers killed 11 people and burned 20 houses, a police spokesman said.")
    place = place_in(resources, text, "Gunmen killed", "killed")
    assert place is not None and place.name == "Nigeria", place
