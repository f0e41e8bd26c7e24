"""Places (geo20): a country or town that is the actor of another clause ("the US would leave", "Uganda said")
is not where the event of this clause happened; the event takes the place the story supports.

Sentences are our own; each test fails without the change it names."""

from __future__ import annotations

from dateline.geo.resolve import actor_of_another_clause
from dateline.model import Place, Span


def _places(pipeline, text: str) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.country, e.location) for e in pipeline.extract_text(text).events]


def test_a_country_announcing_in_another_clause_does_not_place_an_interception(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the missiles were placed in the United Kingdom, the subject of "would quit"
    text = ("Rebels shelled the port of Aden on Sunday, residents said.\n\nShortly after the minister announced "
            "that Britain would quit the agreement on Monday, Yemeni officials said air defences had shot down two "
            "missiles near the capital.")
    places = _places(pipeline, text)
    assert len(places) == 2 and all(country == "Yemen" for country, _ in places)


def test_a_neighbour_saying_something_does_not_place_a_march(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Police fired tear gas at protesters in Nairobi on Friday, witnesses said.\n\nHours after Uganda said it "
            "would close the border, hundreds of traders marched to parliament on Monday, witnesses said.")
    assert [country for country, _ in _places(pipeline, text)] == ["Kenya", "Kenya"]


def _place_named(doc, name: str, kind: str = "country") -> Place:  # type: ignore[no-untyped-def]
    start = doc.text.index(name)
    return Place(mention=name, name=name, kind=kind, span=Span.of(doc.text, start, start + len(name)))


def _trigger(doc, word: str) -> Span:  # type: ignore[no-untyped-def]
    start = doc.text.index(word)
    return Span.of(doc.text, start, start + len(word))


def test_the_subject_of_the_events_own_verb_is_not_set_aside(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Turkey shelled and bombed villages on Monday.")
    assert not actor_of_another_clause(_place_named(doc, "Turkey"), doc, _trigger(doc, "bombed"))
    assert not actor_of_another_clause(_place_named(doc, "Turkey"), doc, _trigger(doc, "shelled"))


def test_the_subject_of_a_saying_verb_is_set_aside_for_the_act_it_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Israel says its troops killed two gunmen near the fence on Monday.")
    assert actor_of_another_clause(_place_named(doc, "Israel"), doc, _trigger(doc, "killed"))


def test_a_village_whose_own_clause_frames_the_attack_is_not_set_aside(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Kantoro, a village near the river, came under attack on Sunday when gunmen stormed the market.")
    assert not actor_of_another_clause(_place_named(doc, "Kantoro", "city"), doc, _trigger(doc, "stormed"))


def test_a_town_that_speaks_in_another_clause_is_set_aside(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Hours after Moscow said it would close the border, traders marched to the market on Monday.")
    assert actor_of_another_clause(_place_named(doc, "Moscow", "city"), doc, _trigger(doc, "marched"))

