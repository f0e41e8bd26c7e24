"""Quotes: the character-level quote finder and speaker resolution, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.nlp.components.quotes import SPAN_KEY, find_quotes


def _runs(text: str) -> list[tuple[str, str]]:
    return [(r.kind, text[r.start : r.end]) for r in find_quotes(text)]


# --- the finder (pure function) ------------------------------------------------------------------------


def test_curly_and_straight_double_quotes_are_found_without_their_marks() -> None:
    assert _runs("“We stay,” she said.") == [("direct", "We stay,")]
    assert _runs('He said "we will go home now" and left.') == [("direct", "we will go home now")]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The protesters’ anger at the government’s plan grew. ‘It’s over,’ he said."
    assert _runs(text) == [("direct", "It’s over,")]


def test_a_quote_continues_into_a_paragraph_that_reopens_with_a_mark() -> None:
    text = "“First part of the quote.\n\n“Second part,” she said."
    (run,) = find_quotes(text)
    assert text[run.start : run.end] == "First part of the quote.\n\n“Second part,"


def test_an_unclosed_quote_ends_with_its_paragraph_when_the_next_does_not_reopen() -> None:
    text = "“An unclosed quote here.\n\nNarrative resumes."
    (run,) = find_quotes(text)
    assert text[run.start : run.end] == "An unclosed quote here."


def test_a_reopening_mark_after_a_lost_paragraph_break_continues_the_quote() -> None:
    # feeds often join a multi-paragraph quote's paragraphs into one line, keeping each reopening mark
    for text in ("The mayor said: “We will rebuild the market. “Nobody will stop us,” he added. Rain fell.",
                 'The mayor said: "We will rebuild the market. "Nobody will stop us," he added. Rain fell.'):
        runs = find_quotes(text)
        assert [text[r.start : r.end] for r in runs] == [
            "We will rebuild the market. " + text[text.index("Nobody") - 1] + "Nobody will stop us,"]
        assert runs[0].kind == "direct"


def test_a_quote_that_never_closes_does_not_swallow_a_long_paragraph() -> None:
    narrative = " ".join(f"The council met on day {n} to discuss the budget of the district." for n in range(12))
    text = f"“It would be madness to cut the budget now,” she said. “Nobody wants that. {narrative}"
    runs = find_quotes(text)
    assert [text[r.start : r.end] for r in runs] == ["It would be madness to cut the budget now,", "Nobody wants that."]


def test_a_long_run_on_quote_is_not_continued_by_a_much_later_reopening_mark() -> None:
    narrative = " ".join(f"The council met on day {n} to discuss the budget of the district." for n in range(12))
    text = f"“Nobody wants that. {narrative} “We will vote tomorrow,” the mayor said."
    runs = find_quotes(text)
    assert [text[r.start : r.end] for r in runs] == ["Nobody wants that.", "We will vote tomorrow,"]


def test_block_quote_after_a_colon_paragraph() -> None:
    text = "The ministry's statement reads:\n\nAll schools will close on Monday.\n\nOther news."
    assert ("block", "All schools will close on Monday.") in _runs(text)


def test_single_quotes_after_a_chant_cue_inside_a_quote_are_slogans() -> None:
    text = "“The crowd kept chanting, ‘Bread, freedom!’ all night,” a witness said."
    assert ("slogan", "Bread, freedom!") in _runs(text)


def test_a_single_quote_closed_by_a_double_mark_still_leaves_the_outer_quote_open() -> None:
    # ‘… ” is a typo for ‘… ’: the outer quote must still end at its own closing mark.
    text = "“They shouted, ‘Go away!” The rest followed,” he said."
    runs = _runs(text)
    assert ("slogan", "Go away!") in runs
    assert ("direct", "They shouted, ‘Go away!” The rest followed,") in runs


# --- speakers (pipeline) -------------------------------------------------------------------------------


def _quotes(pipeline, text: str):  # type: ignore[no-untyped-def]
    return pipeline.extract_text(text, publisher="The Courier").quotes


def test_component_writes_quote_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("“We will return tomorrow,” the organiser said.")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["We will return tomorrow,"]


def test_speaker_after_quote_with_unnamed_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    (q,) = _quotes(pipeline, "“The water has been cut for three days,” one farmer said.")
    assert (q.speaker, q.speaker_named, q.cue.text, q.kind) == ("one farmer", False, "said", "direct")
    assert q.span.text == "The water has been cut for three days"


def test_inverted_speaker_with_role_cut_after_the_named_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("“The border will stay open,” said the governor of the province of Nineveh in the north of the "
            "country, speaking on television.")
    (q,) = _quotes(pipeline, text)
    assert q.speaker == "governor of the province of Nineveh"
    assert q.speaker_named is False


def test_he_said_resolves_to_the_named_subject_with_appositive_role(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Samir Haddad, the mayor of the town of Zarqa, visited the camp on Monday.\n\n"
            "“We need tents before winter comes,” he said.")
    (q,) = _quotes(pipeline, text)
    assert q.speaker == "Samir Haddad"
    assert q.speaker_role == "the mayor of the town of Zarqa"
    assert q.speaker_named is True


def test_the_report_reads_resolves_to_the_organisation_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Human Rights Watch published new findings on the prisons.\n\n"
            "“Detainees were held without charge for months,” the report reads.")
    (q,) = _quotes(pipeline, text)
    assert q.speaker == "Human Rights Watch"


def test_outlet_report_adds_names_the_outlet(pipeline) -> None:  # type: ignore[no-untyped-def]
    (q,) = _quotes(pipeline, "“Three bridges were closed by the crowds,” the Sky News report adds.")
    assert q.speaker == "Sky News"
    assert q.cue.text == "adds"


def test_resumed_quote_keeps_the_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(pipeline, "“We are tired,” said Nadia Karam, a nurse. “Nobody has been paid since June.”")
    assert [q.speaker for q in quotes] == ["Nadia Karam", "Nadia Karam"]
    assert quotes[0].speaker_role == "a nurse"


def test_scare_quotes_are_not_quotes(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(pipeline, "Officials called the marches mere “gatherings” and moved on.") == []


def test_slogan_speaker_is_named_as_an_acled_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    (q,) = _quotes(pipeline, "Lebanese protesters chanted, ‘Revolution, revolution!’ outside the bank.")
    assert (q.kind, q.speaker) == ("slogan", "Protesters (Lebanon)")


def test_a_relative_pronoun_speaker_is_the_person_the_clause_hangs_on(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("The plan has been criticised by campaigners, including the councillor Jane Hollis, "
                                   "who says the cameras will lead to more crashes on the ring road.")
    (quote,) = [q for q in report.quotes if q.kind == "indirect"]
    assert quote.speaker == "Jane Hollis"


def test_indirect_quote_with_that(pipeline) -> None:  # type: ignore[no-untyped-def]
    (q,) = _quotes(pipeline, "The army said that two soldiers were wounded near the checkpoint.")
    assert q.kind == "indirect"
    assert q.span.text == "two soldiers were wounded near the checkpoint"
    assert q.speaker == "army"


@pytest.mark.parametrize("text", ["The minister declined to comment.", "It was a quiet day in the capital."])
def test_no_quotes_in_plain_narrative(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(pipeline, text) == []


def test_short_quoted_term_after_said_is_not_a_quote(pipeline) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(pipeline, "The inspector said “bad apples” in the force were a small minority.")
    assert [q.kind for q in quotes] == ["indirect"]


def test_lower_case_fragment_without_a_speaker_is_narrative(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(pipeline, "Critics dismissed the plan as a “tool of the ruling party elite” last week.") == []
