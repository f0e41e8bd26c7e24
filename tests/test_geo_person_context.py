"""A person's name where the sentence says it is a person's: an apposition that gives it a title, or the object of a
phrase that takes a person. Sentences of our own; the recognizer's features are `models._person_context_features`."""

from __future__ import annotations

import pytest

from dateline.geo.resolve import geocode_text


def _mentions(resources, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.mention for p in geocode_text(text, resources)}


@pytest.mark.parametrize(("text", "person", "place"), [
    # the slot "near X, <State>" holds villages too; the title that ends the apposition says it is a person
    ("Reporters waited near Halima Bako, Gombe state governor, as she arrived.", "Halima Bako", "Gombe"),
    # a surname that a Nigerian town answers to, after "loyal to"
    ("Soldiers loyal to Gusau fired on protesters in Kano.", "Gusau", "Kano"),
])
def test_a_person_the_sentence_marks_as_one_is_no_place(resources, text: str, person: str, place: str) -> None:  # type: ignore[no-untyped-def]
    mentions = _mentions(resources, text)
    assert person not in mentions
    assert place in mentions


@pytest.mark.parametrize(("text", "place"), [
    # a capital after "loyal to" stands for its government: a place, as "Moscow said" is
    ("Fighters loyal to Damascus shelled villages near Idlib.", "Damascus"),
    # a clause after the comma, not an apposition: the town stays
    ("In Kaduna, the state commissioner for internal security said gunmen killed six people.", "Kaduna"),
])
def test_a_place_beside_those_phrases_stays_a_place(resources, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert place in _mentions(resources, text)


@pytest.mark.parametrize(("text", "name", "features"), [
    ("We met Halima Bako, Gombe state's new commissioner for health, on Monday.", "Halima Bako",
     {"title_apposition_after"}),
    ("Voters said they had faith in Halima Bako, Gombe state governor.", "Halima Bako", {"title_apposition_after"}),
    ("In Gombe, the governor said twelve people died.", "Gombe", set()),
    ("Soldiers loyal to Gusau fired on protesters.", "Gusau", {"person_phrase_object"}),
    ("Marchers carried portraits of Mandela, Gusau and other heroes.", "Gusau", {"person_phrase_object"}),
    ("Fighters loyal to Damascus shelled the town.", "Damascus", {"person_phrase_object_big_place"}),
])
def test_the_features_read_the_apposition_and_the_phrase(resources, text: str, name: str,  # type: ignore[no-untyped-def]
                                                        features: set[str]) -> None:
    from dateline.geo.models import _person_context_features, cues

    doc = resources.nlp(text)
    start = next(t.i for t in doc if doc[t.i : t.i + len(name.split())].text == name)
    end = start + len(name.split())
    root = doc[start:end].root
    got = _person_context_features(doc, start, end, root, cues(), big=name == "Damascus")
    assert set(got) == features


def test_a_name_the_parser_reads_as_an_adverb_of_a_place_verb_is_its_object(resources) -> None:  # type: ignore[no-untyped-def]
    # the small parser reads some town names right after "shelled" as an adverb of the verb, not its object;
    # the recognizer then lost its strongest sign of a place ("Russian forces shelled X overnight")
    from spacy.tokens import Doc

    from dateline.geo.models import toponym_features

    words = ["Russian", "forces", "shelled", "Kalmut", "overnight", "."]
    doc = Doc(resources.nlp.vocab, words=words, spaces=[True, True, True, True, False, False],
              pos=["ADJ", "NOUN", "VERB", "ADV", "ADV", "PUNCT"], deps=["amod", "nsubj", "ROOT", "advmod", "advmod", "punct"],
              heads=[1, 2, 2, 2, 2, 2], lemmas=["russian", "force", "shell", "kalmut", "overnight", "."])
    x = toponym_features(doc, 3, 4, "GAZ", None, None, None, [], True, frozenset())
    assert "object_of_place_verb" in x
