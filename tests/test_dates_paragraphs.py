"""A story's paragraphs date their acts the same whether a blank line or a single line break parts them. The
reports are published on Thursday 14 March 2024 (Tuesday is the 12th, Wednesday the 13th)."""

from __future__ import annotations

import pytest

from tests.conftest import events_of

PROTESTS = ["Police fired tear gas at protesters in Nairobi on Tuesday.",
            "Police said on Wednesday that 40 people had been arrested.",
            "In Mombasa, demonstrators blocked roads with burning tyres."]
VILLAGES = ["Gunmen killed five farmers in Benue state on Tuesday, police said.",
            "In a nearby village, attackers burned houses and a church."]


@pytest.mark.parametrize("parted_by", ["\n", "\n\n"])
def test_a_day_of_telling_does_not_date_the_next_paragraphs_act(pipeline, parted_by: str) -> None:  # type: ignore[no-untyped-def]
    # before, with single line breaks: the Mombasa blockade took Wednesday, the day the police spoke
    events = events_of(pipeline, parted_by.join(PROTESTS))
    [blockade] = [e for e in events if e.location == "Mombasa"]
    assert (str(blockade.event_date), blockade.time_precision) == ("2024-03-12", 2)


@pytest.mark.parametrize("parted_by", ["\n", "\n\n"])
def test_a_paragraph_with_no_day_goes_on_with_the_story_s_day(pipeline, parted_by: str) -> None:  # type: ignore[no-untyped-def]
    # before, with single line breaks: the burning took Tuesday at precision 1, as if the text had said so
    events = events_of(pipeline, parted_by.join(VILLAGES))
    [burning] = [e for e in events if e.evidence["sub_event_type"].text == "burned"]
    assert (str(burning.event_date), burning.time_precision) == ("2024-03-12", 2)


def test_a_wrapped_line_is_no_paragraph(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a line break inside a sentence is a wrapped line: the day on the next line is the sentence's own
    [event] = events_of(pipeline, "Gunmen killed five farmers in a village in Benue state on\nTuesday, police said.")
    assert (str(event.event_date), event.time_precision) == ("2024-03-12", 1)


# A plan told in an earlier sentence is a day still to come: the undated act after it does not take that day (as a
# past day a week back, or as a future act vetoed). Published Thursday 14 March 2024: "Friday" read back would be
# 8 March.
@pytest.mark.parametrize("text", [
    "Talks with the health ministry are scheduled for Friday. Riot police fired tear gas at striking nurses in Mombasa.",
    ("The union plans to march to parliament on Friday. Riot police fired tear gas at striking nurses in Mombasa, "
     "the union said."),
    ("Riot police fired tear gas at striking nurses in Mombasa.\n\nThe union said it would hold a rally on Friday."
     "\n\nOfficers also arrested a union leader."),
])
def test_a_plan_told_before_does_not_date_the_act_after_it(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = events_of(pipeline, text)
    assert events
    for event in events:
        assert (str(event.event_date), event.time_precision) == ("2024-03-14", 3)
        assert "date_defaulted" in event.flags


def test_a_plan_told_in_the_past_keeps_its_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    # ("was scheduled for Friday" in a Saturday paper: the rally's Friday is gone, and the act after it is that day's)
    events = events_of(pipeline, "A rally was scheduled for Friday in Mombasa. Police fired tear gas at the "
                       "protesters.", published="2024-03-16")
    [event] = [e for e in events if e.sub_event_type == "Protest with intervention"]
    assert (str(event.event_date), event.time_precision) == ("2024-03-15", 1)


# The day of a called-for act (a shutdown, a strike, a march a call or an announcement is for) is that act's, not the
# call's: the called-for act is no event, so the day dates no other act, in its sentence or after it. A call that
# still stands ("has called for") or one that names a weekday later in the week than the Thursday paper's is for a
# day to come.
@pytest.mark.parametrize("text", [
    "Opposition parties have called for a general strike on Monday. Police arrested 15 party activists in Harare.",
    "Teachers' unions urged a nationwide walkout on Saturday. Riot police fired tear gas at teachers in Nairobi.",
    "The party announced a march on Friday. Riot police detained 20 of its supporters in Lusaka.",
    "The opposition has called for a national shutdown on Monday after police shot dead two students in Harare.",
])
def test_the_day_of_a_called_for_act_dates_no_other_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = events_of(pipeline, text)
    assert events
    for event in events:
        assert (str(event.event_date), event.time_precision) == ("2024-03-14", 3)
        assert "date_defaulted" in event.flags


# A march people organised, told in the simple past, took place: its day dates the act of its sentence, also when
# another word of the sentence ("to protest") is the event's trigger (a Thursday paper: Monday is 11 March).
def test_the_day_of_a_march_organised_in_the_past_is_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the day was read as a called-for march's, so the protest fell to the report's day (precision 3)
    [event] = events_of(pipeline, "Students organised a march in Kampala on Monday to protest fee increases.")
    assert (str(event.event_date), event.time_precision) == ("2024-03-11", 1)


def test_the_day_of_a_call_itself_still_bounds_the_act_after_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # ("called on Monday for …": Monday is the call's; the arrest after it is on or near that day, precision 2)
    events = events_of(pipeline, "The union called on Monday for a general strike. Police arrested 12 union members "
                       "in Harare.")
    [arrest] = [e for e in events if e.sub_event_type == "Arrests"]
    assert (str(arrest.event_date), arrest.time_precision) == ("2024-03-11", 2)


# The day of an act that is no event (a ruling, a meeting, a vote, a decision) told in an earlier sentence bounds a
# different, later act with no day of its own (precision 2); it is not that act's day (precision 1).
@pytest.mark.parametrize("first", [
    "A labour court ruled on Monday that the strike was illegal.",
    "The president met union leaders on Monday.",
    "Parliament voted on Monday to cut the wage bill.",
    "At a meeting on Monday, the cabinet approved a rise in fuel prices.",
    "The employers issued a statement on Monday rejecting the offer.",
])
def test_the_day_of_a_non_event_act_only_bounds_the_next_act(pipeline, first: str) -> None:  # type: ignore[no-untyped-def]
    events = events_of(pipeline, f"{first} Hundreds of workers marched to the labour ministry in Nairobi.")
    [march] = [e for e in events if e.sub_event_type == "Peaceful protest"]
    assert (str(march.event_date), march.time_precision) == ("2024-03-11", 2)


def test_the_day_of_an_event_still_dates_the_next_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = events_of(pipeline, "Police fired tear gas at striking workers in Nairobi on Monday. Hundreds of "
                       "workers then marched to the labour ministry.")
    assert {(str(e.event_date), e.time_precision) for e in events} == {("2024-03-11", 1)}


@pytest.mark.parametrize(("tail", "dead"), [("nobody was injured", None), ("two worshippers were killed", 2)])
def test_a_clause_after_a_colon_keeps_the_act_s_day_and_toll(pipeline, tail: str, dead: int | None) -> None:  # type: ignore[no-untyped-def]
    # (the day before the colon had been read as a dateline's: the attack fell to the report's day, precision 3)
    [event] = events_of(pipeline, f"Gunmen stormed a church in Owo on Sunday: {tail}.")
    assert (str(event.event_date), event.time_precision, event.fatalities) == ("2024-03-10", 1, dead)
