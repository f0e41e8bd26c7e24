"""A date inside a "since …" clause that does not hold the event's trigger says what the event is measured
from, not when it happened: it neither dates the event nor makes it history. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

PUBLISHED = "2024-05-11"


@pytest.mark.parametrize("text", [
    ("Fighting broke out near Tessalit on Friday. Soldiers recaptured the town's airstrip, in the first advance in "
     "the area since the rebels seized it in 2012."),
    ("Fighting raged near Kamituga on Friday. Rebel fighters captured the town's airport, the first to fall in the "
     "province since the ceasefire was signed in 2021."),
])
def test_a_since_clause_date_does_not_make_the_event_history(pipeline: Pipeline, text: str) -> None:
    # before: the second sentence's capture was rejected as history, dated 2012 / 2021
    report = pipeline.extract_text(text, published=PUBLISHED)
    assert not any(r.reason == "history" for r in report.rejected)
    assert all(e.event_date is not None and e.event_date.year == 2024 for e in report.events)


def test_a_paragraph_without_a_date_goes_on_with_the_storys_day(pipeline: Pipeline) -> None:
    # before: the second paragraph's event took the publication day (precision 3, date defaulted)
    text = ("Police fired live rounds at protesters in Sokoto on Tuesday, killing three, witnesses said.\n\n"
            "In Gusau, protesters set fire to a police post and police responded with tear gas.")
    report = pipeline.extract_text(text, published=PUBLISHED)
    dated = {e.location: (str(e.event_date), e.time_precision) for e in report.events}
    assert dated["Gusau"] == ("2024-05-07", 2)


def test_a_background_day_long_before_does_not_date_a_later_paragraph(pipeline: Pipeline) -> None:
    text = ("Soldiers killed six civilians in Sokoto on 3 March 2019, residents said.\n\n"
            "In Gusau, protesters set fire to a police post and police responded with tear gas.")
    report = pipeline.extract_text(text, published=PUBLISHED)
    assert all(e.event_date is None or e.event_date.year == 2024 for e in report.events if e.location == "Gusau")


def test_every_weekday_is_a_habit_not_a_day(pipeline: Pipeline) -> None:
    # before: "every Tuesday" dated the marches to last Tuesday and the habit was kept as one protest
    text = "Nurses in Kisumu have marched to the county offices every Tuesday since January to demand their pay."
    report = pipeline.extract_text(text, published=PUBLISHED)
    assert all("needs_review" in e.flags for e in report.events)


# An ongoing act told by the day it has run since is coded at that first day (published Saturday 11 May 2024:
# "since last Saturday" is 4 May, "since Tuesday" 7 May), not in the middle of the days up to the report.
@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("Bus drivers in Durban have been on strike since last Saturday over unpaid bonuses.", "strike", "2024-05-04"),
    ("Market traders in Kumasi have been protesting since Tuesday against a new levy.", "protesting", "2024-05-07"),
])
def test_an_ongoing_act_is_coded_on_the_day_it_began(pipeline: Pipeline, text: str, trigger: str, day: str) -> None:
    # before: the range up to the report, coded at its middle (7 May, precision 3; 9 May, precision 2)
    [event] = [e for e in pipeline.extract_text(text, published=PUBLISHED).events
               if e.evidence["sub_event_type"].text == trigger]
    assert (str(event.event_date), event.time_precision) == (day, 1)


def test_a_count_since_a_day_is_no_ongoing_act(pipeline: Pipeline) -> None:
    # arrests counted since Tuesday are many acts over those days: the span stays (7 to 11 May, its middle day)
    [arrest] = pipeline.extract_text("Police in Kumasi have arrested 40 traders since Tuesday.",
                                     published=PUBLISHED).events
    assert (str(arrest.event_date), arrest.time_precision) == ("2024-05-09", 2)


# An act told as going on "for a third day in a row" gives its own day only when the sentence tells one (published
# Saturday 11 May 2024: "on Wednesday" is 8 May, precision 1). Without one it is coded as any undated act is
# (codebook section 5): the report's day, precision 3, date_defaulted. The count says how long the act has run, not
# from which day: the day of telling may be the day before the report, so no first day is counted back from it.
@pytest.mark.parametrize(("text", "dated"), [
    ("Truck drivers blocked the border bridge at Chirundu for a third day in a row.", ("2024-05-11", 3, True)),
    ("Truck drivers blocked the border bridge at Chirundu for a third day in a row on Wednesday.",
     ("2024-05-08", 1, False)),
])
def test_an_act_told_by_its_nth_day_takes_only_a_day_the_sentence_tells(pipeline: Pipeline, text: str,
                                                                       dated: tuple[str, int, bool]) -> None:
    [event] = pipeline.extract_text(text, published=PUBLISHED).events
    assert (str(event.event_date), event.time_precision, "date_defaulted" in event.flags) == dated
