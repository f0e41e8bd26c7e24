"""A blank line ends a sentence: a headline without a full stop and a byline do not run into the lead."""

from __future__ import annotations

TEXT = ("Angry farmers storm Mopti town hall\n\n"
        "By Staff Reporter\n\n"
        "MOPTI, Mali, 3 March 2021 — Hundreds of farmers stormed the town hall in Mopti on Tuesday, setting fire to "
        "the entrance, officials said.")


def test_headline_byline_and_lead_are_three_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    sentences = [s.text.strip() for s in nlp(TEXT).sents]
    assert sentences[:2] == ["Angry farmers storm Mopti town hall", "By Staff Reporter"]
    assert sentences[2].startswith("MOPTI, Mali")


def test_the_lead_not_the_headline_is_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(TEXT, published="2021-03-04")
    kept = [e for e in report.events if "needs_review" not in e.flags]
    assert len(kept) == 1
    assert kept[0].evidence["sub_event_type"].text == "stormed"
    assert all("By Staff Reporter" not in m.text for m in kept[0].mentions)


def test_an_undated_headline_joins_the_undated_lead_as_a_mention(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Farmers storm Mopti town hall\n\n"
            "Hundreds of farmers stormed the town hall in Mopti, setting fire to the entrance, officials said.")
    events = pipeline.extract_text(text, published="2021-03-04").events
    assert len(events) == 1
    assert events[0].evidence["sub_event_type"].text == "stormed"
    assert events[0].mentions[0].text.strip() == "Farmers storm Mopti town hall"


def test_a_dateline_abroad_is_not_where_the_people_it_names_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Reporting by Example Desk\n\n"
            "Kenya, June 4, 2021—The Ugandan opposition's protests against the ruling party and its allies spread to "
            "more towns, while Kenyan observers watched.\n\n"
            "In Kampala, thousands of opposition supporters marched to parliament on Friday.")
    report = pipeline.extract_text(text, published="2021-06-05")
    assert report.article.evidence["dateline"].text.startswith("Kenya")
    assert all(e.country != "Kenya" for e in report.events)


def test_a_caption_run_into_the_next_sentence_is_a_sentence_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    # stored text with its line breaks collapsed: a section heading ("Rising toll") or a photo caption has no
    # finite verb and stands before a sentence that opens with a capitalised word
    text = ("Rising toll The death toll from the bombing in Menaka rose to 12 on Monday. "
            "Rescue workers at the market Rebels shelled the town again on Tuesday.")
    assert [s.text.strip() for s in nlp(text).sents] == [
        "Rising toll", "The death toll from the bombing in Menaka rose to 12 on Monday.",
        "Rescue workers at the market", "Rebels shelled the town again on Tuesday."]


def test_words_that_go_on_into_a_name_or_a_nationality_are_no_caption(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Protesters in central Kabul said the march was banned.",
                 "Officials in the eastern Ukrainian city of Kharkiv said two people were killed."):
        assert [s.text for s in nlp(text).sents] == [text]


def test_a_caption_ending_on_an_adjective_like_word_before_a_doer_and_its_verb_is_parted(nlp) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads the caption's last word as the adjective of the capitalised word after it ("the raid
    # Gunmen", "Clashes nearby Rebels"), or the opener as an adjective ("Ukrainian drones"): a listed doer with
    # its finite verb right after it still opens a sentence of its own
    for caption, sentence in (("Mourners outside the mosque", "Gunmen opened fire on the crowd in Kano."),
                              ("Clashes nearby", "Rebels shelled the town of Rutshuru on Friday."),
                              ("Smoke over the refinery", "Ukrainian drones hit the plant in Ryazan overnight.")):
        assert [s.text.strip() for s in nlp(f"{caption} {sentence}").sents] == [caption, sentence]


def test_a_sentence_opening_with_a_preposition_a_time_or_a_place_name_is_no_caption(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("In the west Malian troops attacked a jihadist camp.",
                 "Three days after the blast Somali police arrested two men.",
                 "Traders in central Mosul said the market reopened."):
        assert [s.text for s in nlp(text).sents] == [text]


def test_a_paragraphs_start_is_the_start_of_the_paragraph_span() -> None:
    from dateline.extraction.events import _paragraph_of, _paragraph_start, _paragraphs

    text = "Headline here\n\nFirst paragraph. It goes on.\nSecond line ends.\nThird line\n\n\nLast one."
    paragraphs = _paragraphs(text)
    assert len(paragraphs) >= 3
    assert [_paragraph_start(paragraphs, i) for i in range(len(text) + 1)] == \
        [_paragraph_of(paragraphs, i, text).start for i in range(len(text) + 1)]
