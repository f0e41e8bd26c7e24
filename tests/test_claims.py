"""Claim chains: who asserts each event, quote and statement, on sentences written for these tests.

Events come from the events stage in production; here a stand-in event is anchored on its trigger word so
the chain logic is tested on its own.
"""

from __future__ import annotations

from dateline.extraction import claims as claims_mod
from dateline.ingest import article_from_text
from dateline.model import Event, Span

PUBLISHER = "The Courier"


def _event_chain(pipeline, text: str, trigger: str, occurrence: int = 0):  # type: ignore[no-untyped-def]
    article = article_from_text(text, publisher=PUBLISHER)
    doc = pipeline.resources.nlp(article.text)
    report = pipeline.extract_article(article)
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(trigger, start + 1)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    event = Event(id="E1", evidence={"sub_event_type": Span.of(article.text, start, start + len(trigger))},
                  mentions=[Span.of(article.text, sent.start_char, sent.end_char)])
    (claim,) = claims_mod.attribute(article, doc, [event], report.quotes, [])[-1:]
    return event, claim


def test_first_hand_event_is_the_publishers(pipeline) -> None:  # type: ignore[no-untyped-def]
    event, claim = _event_chain(pipeline, "Hundreds of teachers marched through the city centre on Monday.", "marched")
    assert event.claimed_by == [PUBLISHER]
    assert claim.first_hand is True
    assert event.source == PUBLISHER


def test_according_to_an_outlet(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Farmers blocked the highway with tractors, according to Al Jazeera."
    event, claim = _event_chain(pipeline, text, "blocked")
    assert event.claimed_by == [PUBLISHER, "Al Jazeera"]
    assert claim.first_hand is False
    assert event.source == "Al Jazeera"
    assert event.source_scale == "International"  # outlets.yaml: Al Jazeera, international broadcaster


def test_outlet_relaying_a_reporting_source_gives_a_three_link_chain(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Local officials are reporting that two police stations were burned overnight, according to Reuters."
    event, _ = _event_chain(pipeline, text, "burned")
    assert event.claimed_by == [PUBLISHER, "Reuters", "Local officials"]


def test_citing_adds_an_inner_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The agency AFP, citing hospital sources, said that four people were shot dead in the square."
    event, _ = _event_chain(pipeline, text, "shot")
    assert event.claimed_by[0] == PUBLISHER
    assert event.claimed_by[1] == "AFP"
    assert event.claimed_by[-1] == "hospital sources"


def test_correspondent_of_an_outlet(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The BBC's correspondent said that soldiers fired into the air to scatter the crowd."
    event, _ = _event_chain(pipeline, text, "fired")
    assert event.claimed_by[:2] == [PUBLISHER, "BBC"]
    assert "correspondent" in event.claimed_by[2]


def test_event_inside_a_quote_is_claimed_by_the_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "“Our members occupied the ministry lobby for six hours,” the union said in a statement."
    event, _ = _event_chain(pipeline, text, "occupied")
    assert event.claimed_by == [PUBLISHER, "union"]


def test_pronoun_sentence_continues_the_previous_attribution(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Workers at the port went on strike on Friday, according to Sky News Arabia. "
            "They also blocked the main gate with trucks.")
    event, _ = _event_chain(pipeline, text, "blocked")
    assert event.claimed_by == [PUBLISHER, "Sky News Arabia"]
    assert event.source_scale == "Regional"


def test_a_new_paragraph_does_not_inherit_the_attribution(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Workers at the port went on strike on Friday, according to Sky News Arabia.\n\n"
            "They marched to the governor's office on Saturday.")
    event, _ = _event_chain(pipeline, text, "marched")
    assert event.claimed_by == [PUBLISHER]


def test_quotes_and_statements_get_claims(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Amnesty International condemned the killing of protesters by police. "
            "“Those responsible must be held to account,” the group said.")
    report = pipeline.extract_text(text, publisher=PUBLISHER)
    quote_claims = [c for c in report.claims if c.subject == "quote"]
    assert [link.name for link in quote_claims[0].chain] == [PUBLISHER, "Amnesty International"]
    (statement,) = [s for s in report.statements if s.plover == "ACCUSE"]
    st_claim = next(c for c in report.claims if c.subject == "statement" and c.subject_id == statement.id)
    # the accusation is the actor's claim, relayed by the publisher
    assert [link.name for link in st_claim.chain] == [PUBLISHER, "Amnesty International"]
    assert statement.claimed_by == [PUBLISHER]


def _first_hand_event(pipeline, **article_fields):  # type: ignore[no-untyped-def]
    text = "Nurses marched to the health ministry on Monday to demand unpaid wages."
    article = article_from_text(text, **article_fields)
    doc = pipeline.resources.nlp(article.text)
    start = article.text.index("marched")
    event = Event(id="E1", evidence={"sub_event_type": Span.of(article.text, start, start + 7)},
                  mentions=[Span.of(article.text, 0, len(article.text))])
    claims_mod.attribute(article, doc, [event], [], [])
    return event


def test_an_unknown_outlet_is_named_by_the_urls_host(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _first_hand_event(pipeline, url="https://www.bbc.co.uk/news/world-12345")
    assert event.claimed_by == ["bbc.co.uk"] and event.source == "bbc.co.uk"


def test_no_outlet_at_all_leaves_source_empty_never_a_placeholder(pipeline) -> None:  # type: ignore[no-untyped-def]
    from dateline.export.acled import acled_row

    event = _first_hand_event(pipeline)
    assert event.claimed_by == [] and event.source is None
    assert acled_row(event)["source"] == ""


def test_the_army_as_a_speaker_takes_an_earlier_name_only_if_it_is_the_armys(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "the army said" resolved to the capital named in the sentence before ("Kinshasa says")
    quotes = pipeline.extract_text("The rebels, who Kinshasa says are backed by Rwanda, launched an offensive on "
                                   "Sunday. The army said it had repelled the attack.").quotes
    assert [q.speaker for q in quotes if "repelled" in q.span.text] == ["army"]
    quotes = pipeline.extract_text("The Nigerian Army deployed troops to Maiduguri. The army said it had repelled "
                                   "an attack on Monday.").quotes
    assert [q.speaker for q in quotes if "repelled" in q.span.text] == ["Nigerian Army"]


def test_a_groups_claim_of_responsibility_names_the_attacks_unidentified_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the attack kept "Unidentified Armed Group" though the report names the group that claimed it
    text = ("Suspected militants killed six soldiers in an attack on an army post near Gao on Tuesday, security "
            "sources said.\n\nThe Islamic State in the Greater Sahara claimed responsibility for the attack on "
            "Wednesday.")
    events = [e for e in pipeline.extract_text(text, published="2024-03-14").events if "needs_review" not in e.flags]
    assert [(e.actor1, e.actor2) for e in events] == [("Islamic State (Greater Sahara)", "Military Forces of Mali")]
    assert events[0].evidence["actor1"].text == "Islamic State in the Greater Sahara"
    assert "actor1_by_claim" in events[0].flags


def test_a_denial_names_no_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Suspected militants killed six soldiers in an attack on an army post near Gao on Tuesday, security "
            "sources said.\n\nThe Islamic State in the Greater Sahara denied any responsibility for the attack.")
    events = [e for e in pipeline.extract_text(text, published="2024-03-14").events if "needs_review" not in e.flags]
    assert [e.actor1 for e in events] == ["Unidentified Armed Group (Mali)"]


def test_a_claim_that_names_a_place_goes_to_the_attack_there(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the claim went to the last unidentified attack told before it, in another country
    text = ("Suspected militants killed six soldiers in an ambush near Gorom-Gorom on Tuesday, security sources said."
            "\n\nIn Niger, gunmen killed seven villagers in an attack on a village near Ayorou on Tuesday night."
            "\n\nJNIM claimed responsibility for the Gorom-Gorom ambush on Wednesday.")
    events = [e for e in pipeline.extract_text(text, published="2024-03-14").events if e.event_type == "Battles"
              or e.event_type == "Violence against civilians"]
    by_place = {e.location: e.actor1 for e in events}
    assert by_place["Gorom-Gorom"] == "JNIM: Group for Support of Islam and Muslims"
    assert by_place.get("Ayorou", "Unidentified Armed Group (Niger)") == "Unidentified Armed Group (Niger)"
