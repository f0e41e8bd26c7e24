"""The event's own place against places of other clauses: where a person comes from is not where the event
happened (the fallbacks below the ranker skip it), and a noun trigger after a preposition takes the place of the
verb it hangs on, not one of its own relative clause. Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import origin_of_person, place_for_event, places_from_doc
from dateline.model import Article, Span


def _place_of_last_sentence(resources, text: str, verb: str):  # type: ignore[no-untyped-def]
    doc = resources.nlp(text)
    article = Article(id="t", text=text)
    places = places_from_doc(article, doc, resources)
    sent = list(doc.sents)[-1]
    start = text.index(verb, sent.start_char)
    return place_for_event(places, Span.of(text, sent.start_char, sent.end_char), Span.of(text, 0, len(text)),
                           article, trigger=Span.of(text, start, start + len(verb)), doc=doc)


@pytest.mark.parametrize(
    "first",
    [
        "Tom Reed, 24, from Whitby, went to Syria last spring.",
        "Tom Reed, a native of Whitby, went to Syria last spring.",
        "Tom Reed travelled from his home near Whitby to Syria last spring.",
    ],
)
def test_a_volunteers_home_town_is_not_where_he_was_killed(resources, first: str) -> None:  # type: ignore[no-untyped-def]
    place = _place_of_last_sentence(resources, first + " He was killed by a roadside bomb on Sunday.", "killed")
    assert place is not None and place.country == "Syria"


def test_the_country_written_after_an_origin_town_is_an_origin_too(resources) -> None:  # type: ignore[no-untyped-def]
    text = "I am 31, from Whitby, England."
    doc = resources.nlp(text)
    article = Article(id="t", text=text)
    marks = {p.mention: origin_of_person(p, doc, article) for p in places_from_doc(article, doc, resources)}
    assert marks == {"Whitby": True, "England": True}


def test_a_town_people_fled_from_is_no_origin_of_a_person(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds of families fled from Hasakah on Friday."
    doc = resources.nlp(text)
    article = Article(id="t", text=text)
    assert [origin_of_person(p, doc, article) for p in places_from_doc(article, doc, resources)] == [False]


def _place_for_trigger(resources, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = resources.nlp(text)
    article = Article(id="t", text=text)
    places = places_from_doc(article, doc, resources)
    whole = Span.of(text, 0, len(text))
    start = text.index(word)
    return place_for_event(places, whole, whole, article, trigger=Span.of(text, start, start + len(word)), doc=doc)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (("The army drove the militants out of their last stronghold, Ajdabiya, following an offensive that was "
          "launched from Benghazi in May."), "Ajdabiya"),
        ("Government forces retook Ajdabiya after an offensive that began near Benghazi last month.", "Ajdabiya"),
        ("The rebels were pushed out of Sirte in an offensive that the government planned in Tripoli.", "Sirte"),
    ],
)
def test_a_noun_trigger_after_a_preposition_takes_the_place_of_the_verb_it_hangs_on(resources, text: str, site: str) -> None:  # type: ignore[no-untyped-def]
    # the place in the noun's relative clause says where the offensive began or was planned, not where it struck
    place = _place_for_trigger(resources, text, "offensive")
    assert place is not None and place.name == site
