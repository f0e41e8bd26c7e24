"""Date expressions resolved by hand against a report date: each expected day and precision below was worked
out on a calendar (2 Nov 2019 is a Saturday; 1 Jan 2020 a Wednesday; 2020 is a leap year)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extraction.dates import coded_day, pick_year, precision_for, resolve_expression, weekday_date
from tests.conftest import events_of

D = dt.date
SAT_2_NOV_2019 = D(2019, 11, 2)
WED_1_JAN_2020 = D(2020, 1, 1)


# (expression, report date, kind, date_start, date_end, codebook day, time_precision)
CASES = [
    # weekdays: never into the future of a past-tense report; the report's own weekday is that day
    ("On Wednesday", SAT_2_NOV_2019, "weekday", D(2019, 10, 30), D(2019, 10, 30), D(2019, 10, 30), 1),
    ("on Saturday", SAT_2_NOV_2019, "weekday", D(2019, 11, 2), D(2019, 11, 2), D(2019, 11, 2), 1),
    ("last Saturday", SAT_2_NOV_2019, "weekday", D(2019, 10, 26), D(2019, 10, 26), D(2019, 10, 26), 1),
    ("on Sunday", SAT_2_NOV_2019, "weekday", D(2019, 10, 27), D(2019, 10, 27), D(2019, 10, 27), 1),
    ("On Monday", WED_1_JAN_2020, "weekday", D(2019, 12, 30), D(2019, 12, 30), D(2019, 12, 30), 1),
    ("on Thursday", WED_1_JAN_2020, "weekday", D(2019, 12, 26), D(2019, 12, 26), D(2019, 12, 26), 1),
    ("on Friday night", SAT_2_NOV_2019, "weekday", D(2019, 11, 1), D(2019, 11, 1), D(2019, 11, 1), 1),
    ("Tuesday's", D(2019, 3, 1), "weekday", D(2019, 2, 26), D(2019, 2, 26), D(2019, 2, 26), 1),
    # relative days
    ("yesterday", D(2020, 3, 1), "relative", D(2020, 2, 29), D(2020, 2, 29), D(2020, 2, 29), 1),
    ("yesterday", WED_1_JAN_2020, "relative", D(2019, 12, 31), D(2019, 12, 31), D(2019, 12, 31), 1),
    ("today", SAT_2_NOV_2019, "relative", D(2019, 11, 2), D(2019, 11, 2), D(2019, 11, 2), 1),
    ("tonight", SAT_2_NOV_2019, "relative", D(2019, 11, 2), D(2019, 11, 2), D(2019, 11, 2), 1),
    ("last night", D(2019, 11, 1), "relative", D(2019, 10, 31), D(2019, 10, 31), D(2019, 10, 31), 1),
    ("two days ago", D(2020, 3, 1), "relative", D(2020, 2, 28), D(2020, 2, 28), D(2020, 2, 28), 1),
    # weeks and months as ranges
    ("last week", SAT_2_NOV_2019, "range", D(2019, 10, 21), D(2019, 10, 27), D(2019, 10, 24), 2),
    ("last week", D(2020, 1, 2), "range", D(2019, 12, 23), D(2019, 12, 29), D(2019, 12, 26), 2),
    ("this week", SAT_2_NOV_2019, "range", D(2019, 10, 28), D(2019, 11, 2), D(2019, 10, 30), 2),
    ("earlier this month", D(2019, 11, 20), "range", D(2019, 11, 1), D(2019, 11, 19), D(2019, 11, 10), 3),
    ("at the weekend", D(2019, 11, 4), "range", D(2019, 11, 2), D(2019, 11, 3), D(2019, 11, 2), 2),
    ("last month", D(2020, 1, 15), "month", D(2019, 12, 1), D(2019, 12, 31), D(2019, 12, 15), 3),
    # explicit dates, with and without year
    ("30 October", SAT_2_NOV_2019, "absolute", D(2019, 10, 30), D(2019, 10, 30), D(2019, 10, 30), 1),
    ("Oct. 30", SAT_2_NOV_2019, "absolute", D(2019, 10, 30), D(2019, 10, 30), D(2019, 10, 30), 1),
    ("on 30 December", D(2020, 1, 2), "absolute", D(2019, 12, 30), D(2019, 12, 30), D(2019, 12, 30), 1),
    ("the 3rd of May", SAT_2_NOV_2019, "absolute", D(2019, 5, 3), D(2019, 5, 3), D(2019, 5, 3), 1),
    ("Feb. 29", D(2019, 3, 1), "absolute", D(2016, 2, 29), D(2016, 2, 29), D(2016, 2, 29), 1),
    ("October 30, 2019", None, "absolute", D(2019, 10, 30), D(2019, 10, 30), D(2019, 10, 30), 1),
    ("Wednesday, October 30, 2019", None, "absolute", D(2019, 10, 30), D(2019, 10, 30), D(2019, 10, 30), 1),
    ("2019-10-30", None, "absolute", D(2019, 10, 30), D(2019, 10, 30), D(2019, 10, 30), 1),
    ("On 29 April 2020", None, "absolute", D(2020, 4, 29), D(2020, 4, 29), D(2020, 4, 29), 1),
    ("Around 4 May 2020", None, "absolute", D(2020, 5, 4), D(2020, 5, 4), D(2020, 5, 4), 2),
    # ranges: coded on the middle day (the earlier one for an even number of days)
    ("from 25 to 28 October", SAT_2_NOV_2019, "range", D(2019, 10, 25), D(2019, 10, 28), D(2019, 10, 26), 2),
    ("between 1 and 3 May", SAT_2_NOV_2019, "range", D(2019, 5, 1), D(2019, 5, 3), D(2019, 5, 2), 2),
    ("25-28 October", SAT_2_NOV_2019, "range", D(2019, 10, 25), D(2019, 10, 28), D(2019, 10, 26), 2),
    ("October 25-28", SAT_2_NOV_2019, "range", D(2019, 10, 25), D(2019, 10, 28), D(2019, 10, 26), 2),
    ("30 December to 2 January", D(2020, 1, 10), "range", D(2019, 12, 30), D(2020, 1, 2), D(2019, 12, 31), 2),
    ("from 1 to 20 October 2019", None, "range", D(2019, 10, 1), D(2019, 10, 20), D(2019, 10, 10), 3),
    # durations counted back from the report
    ("over the past week", SAT_2_NOV_2019, "duration", D(2019, 10, 27), D(2019, 11, 2), D(2019, 10, 30), 2),
    ("in the past three days", WED_1_JAN_2020, "duration", D(2019, 12, 30), D(2020, 1, 1), D(2019, 12, 31), 2),
    ("over the past two weeks", SAT_2_NOV_2019, "duration", D(2019, 10, 20), D(2019, 11, 2), D(2019, 10, 26), 3),
    # months, years, vague
    ("in October", SAT_2_NOV_2019, "month", D(2019, 10, 1), D(2019, 10, 31), D(2019, 10, 15), 3),
    ("in December", D(2020, 1, 2), "month", D(2019, 12, 1), D(2019, 12, 31), D(2019, 12, 15), 3),
    ("mid-October", SAT_2_NOV_2019, "month", D(2019, 10, 11), D(2019, 10, 20), D(2019, 10, 15), 3),
    ("in 2009", SAT_2_NOV_2019, "year", D(2009, 1, 1), D(2009, 12, 31), D(2009, 7, 2), 3),
    # a month told against the report's year; named days (Easter 2019 fell on 21 April)
    ("last October", SAT_2_NOV_2019, "month", D(2019, 10, 1), D(2019, 10, 31), D(2019, 10, 15), 3),
    ("Last December", SAT_2_NOV_2019, "month", D(2018, 12, 1), D(2018, 12, 31), D(2018, 12, 15), 3),
    ("on 9 October last year", SAT_2_NOV_2019, "absolute", D(2018, 10, 9), D(2018, 10, 9), D(2018, 10, 9), 1),
    ("in October last year", SAT_2_NOV_2019, "month", D(2018, 10, 1), D(2018, 10, 31), D(2018, 10, 15), 3),
    ("on Thursday last week", SAT_2_NOV_2019, "weekday", D(2019, 10, 24), D(2019, 10, 24), D(2019, 10, 24), 1),
    ("on Christmas Day", WED_1_JAN_2020, "absolute", D(2019, 12, 25), D(2019, 12, 25), D(2019, 12, 25), 1),
    ("on Christmas Eve last year", SAT_2_NOV_2019, "absolute", D(2018, 12, 24), D(2018, 12, 24), D(2018, 12, 24), 1),
    ("on Easter Sunday", SAT_2_NOV_2019, "absolute", D(2019, 4, 21), D(2019, 4, 21), D(2019, 4, 21), 1),
    ("Good Friday", WED_1_JAN_2020, "absolute", D(2019, 4, 19), D(2019, 4, 19), D(2019, 4, 19), 1),
    ("over Christmas", WED_1_JAN_2020, "absolute", D(2019, 12, 25), D(2019, 12, 25), D(2019, 12, 25), 2),
    ("recently", SAT_2_NOV_2019, "vague", D(2019, 10, 3), D(2019, 11, 2), D(2019, 10, 18), 3),
    ("in recent days", SAT_2_NOV_2019, "vague", D(2019, 10, 27), D(2019, 11, 2), D(2019, 10, 30), 2),
]


@pytest.mark.parametrize(("text", "base", "kind", "start", "end", "coded", "precision"), CASES)
def test_expression_resolves_to_hand_worked_date(text, base, kind, start, end, coded, precision) -> None:  # type: ignore[no-untyped-def]
    res = resolve_expression(text, base)
    assert (res.kind, res.start, res.end, res.precision) == (kind, start, end, precision)
    assert (res.coded or coded_day(res.start, res.end)) == coded


def test_five_deaths_in_as_many_days_is_a_five_day_range_ending_on_the_report() -> None:
    res = resolve_expression("in as many days", SAT_2_NOV_2019, count_before=5)
    assert (res.kind, res.start, res.end, res.precision) == ("duration", D(2019, 10, 29), D(2019, 11, 2), 2)


def test_weekday_in_a_future_context_resolves_forward() -> None:
    res = resolve_expression("on Friday", SAT_2_NOV_2019, future=True)
    assert res.start == D(2019, 11, 8) and res.future
    assert weekday_date(5, SAT_2_NOV_2019, "next") == D(2019, 11, 9)


def test_yearless_date_stays_at_or_before_the_report_unless_the_text_speaks_of_plans() -> None:
    assert pick_year(11, 3, SAT_2_NOV_2019) == D(2018, 11, 3)
    assert pick_year(11, 3, SAT_2_NOV_2019, future=True) == D(2019, 11, 3)
    assert pick_year(1, 15, D(2019, 12, 20), future=True) == D(2020, 1, 15)


def test_since_opens_a_range_up_to_the_report() -> None:
    res = resolve_expression("since 2009", SAT_2_NOV_2019)
    assert (res.start, res.end, res.precision) == (D(2009, 1, 1), SAT_2_NOV_2019, 3)


@pytest.mark.parametrize("text", ["tomorrow", "next week", "in the coming days", "next month"])
def test_forward_looking_words_resolve_after_the_report(text: str) -> None:
    res = resolve_expression(text, SAT_2_NOV_2019)
    assert res.future and res.start is not None and res.start > SAT_2_NOV_2019


@pytest.mark.parametrize("text", ["On Wednesday", "yesterday", "last week", "in October", "30 October"])
def test_without_an_article_date_relative_expressions_keep_no_date(text: str) -> None:
    res = resolve_expression(text, None)
    assert res.start is None and res.end is None


def test_precision_and_codebook_day_rules() -> None:
    assert precision_for(D(2019, 10, 30), D(2019, 10, 30)) == 1
    assert precision_for(D(2019, 10, 27), D(2019, 11, 2)) == 2  # seven days
    assert precision_for(D(2019, 10, 26), D(2019, 11, 2)) == 3  # eight days
    assert coded_day(D(2019, 10, 25), D(2019, 10, 28)) == D(2019, 10, 26)


def test_a_period_since_a_year_in_an_earlier_sentence_does_not_date_the_next_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "since 2012" of the sentence before was the event's anchor, a range to the report coded at its
    # middle (2015), and the evacuation was vetoed as history
    report = pipeline.extract_text("Published 13 April 2018. The siege of the town has lasted since 2012, residents "
                                   "said. After midnight, 85 buses left the town carrying 4,000 fighters and "
                                   "civilians towards Idlib, monitors said.")
    assert [e.event_date.year for e in report.events if e.event_date] == [2018]


def test_a_word_relative_to_the_telling_counts_from_the_reports_own_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "overnight" counted from the publication date (Thursday), two days after the police spoke
    from dateline.ingest import article_from_text

    report = pipeline.extract_article(article_from_text(
        "Gunmen killed five farmers in Benue state overnight, police said on Tuesday.", published="2024-03-14"))
    assert [str(e.event_date) for e in report.events] == ["2024-03-11"]


@pytest.mark.parametrize(("text", "start", "end"), [
    # a Thursday report: the two days are one span of days, read back from the report's day
    ("Gunmen killed four villagers near Gusau between Friday and Sunday.", dt.date(2024, 3, 8), dt.date(2024, 3, 10)),
    ("Bandits killed six farmers near Gusau from Saturday to Monday.", dt.date(2024, 3, 9), dt.date(2024, 3, 11)),
    # across the week's turn: "between Wednesday and Monday" said on a Thursday starts the week before
    ("Bandits killed six farmers near Gusau between Wednesday and Monday.", dt.date(2024, 3, 6), dt.date(2024, 3, 11)),
])
def test_two_weekdays_of_a_range_are_one_span_of_days(pipeline, text: str, start: dt.date, end: dt.date) -> None:  # type: ignore[no-untyped-def]
    # before: only the first day was read ("between Friday" on its own), a day's precision and a note that kept
    # "between Friday and Sunday" after its own date
    from dateline.ingest import article_from_text

    report = pipeline.extract_article(article_from_text(text, published="2024-03-14"))
    event = report.events[0]
    assert (event.date_start, event.date_end, event.time_precision) == (start, end, 2)
    assert "day" not in event.notes.split(",", 1)[1], event.notes


@pytest.mark.parametrize(("text", "day", "precision"), [
    # a month is coded on its 15th, in a 31-day month too (not the middle day, the 16th)
    ("In January, soldiers killed 14 civilians in a raid on a village near Mopti.", "2024-01-15", 3),
    # a night is one day, the night's first, as "last night" is
    ("Gunmen killed eight people in an overnight raid on a village in Benue state.", "2024-03-13", 1),
    ("Israeli jets struck Hezbollah positions in south Lebanon overnight, the army said on Thursday.",
     "2024-03-13", 1),
])
def test_an_events_day_is_the_day_its_expression_codes(pipeline, text: str, day: str,  # type: ignore[no-untyped-def]
                                                        precision: int) -> None:
    [event] = events_of(pipeline, text)
    assert (str(event.event_date), event.time_precision) == (day, precision)


@pytest.mark.parametrize(("text", "day", "precision"), [
    # the day right after "said" is the telling's, wherever the parse hangs it
    ("Police said on Wednesday they had arrested 40 opposition supporters in Dakar on Saturday.", "2024-03-09", 1),
    ("Ethiopia's government said on Friday it had killed 45 militiamen near Gondar on Tuesday.", "2024-03-12", 1),
    # a statement's or a report's day bounds the event, it is not its day
    (("Militants killed 15 soldiers in an ambush near Tillaberi, the defence ministry said in a statement issued "
      "on Wednesday."), "2024-03-13", 2),
    (("Gunmen abducted 30 passengers on a highway near Kaduna, according to a police statement released on "
      "Wednesday."), "2024-03-13", 2),
])
def test_the_day_of_the_telling_is_not_the_day_of_the_event(pipeline, text: str, day: str,  # type: ignore[no-untyped-def]
                                                             precision: int) -> None:
    [event] = events_of(pipeline, text)
    assert (str(event.event_date), event.time_precision) == (day, precision)


@pytest.mark.parametrize(("text", "day"), [
    # the day referred back to is two paragraphs up, past a paragraph with no day of its own
    (("Protesters burned tyres in Kisumu on Tuesday.\n\nPolice said 12 people were arrested.\n\n"
     "The previous day, opposition supporters had marched in Nairobi."), "2024-03-11"),
    (("Gunmen killed a chief near Butembo on Friday.\n\nThe army blamed the rebels.\n\n"
     "The following day, rebels abducted 20 villagers in Lubero."), "2024-03-09"),
    # "the day after" alone refers back too (it is not "N days after …", counted within its own sentence)
    (("Police shot dead two protesters in Kisumu on Tuesday.\n\nThe day after, rioters set fire to a police post in "
     "the city."), "2024-03-13"),
    # "N days after/before" with no day in its own sentence counts from the day told before, as "later" does
    (("Militants attacked an army post in Diffa on Sunday. Two days after the attack, protesters marched through "
     "Diffa."), "2024-03-12"),
    ("Gunmen killed six villagers near Gao on Monday. A week before, soldiers had arrested 20 men in the area.",
     "2024-03-04"),
    # a day counted from the one told before
    ("Militants attacked an army post in Diffa on Sunday.\n\nTwo days later, protesters marched through Diffa.",
     "2024-03-12"),
])
def test_a_day_told_relative_to_an_earlier_one(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    events = events_of(pipeline, text)
    assert str(events[-1].event_date) == day and events[-1].time_precision == 1


def test_an_event_on_a_named_day_takes_that_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Police fired tear gas at hundreds of opposition supporters in Lusaka on Boxing Day."
    [event] = events_of(pipeline, text, published="2024-01-03")
    assert (str(event.event_date), event.time_precision) == ("2023-12-26", 1)


def _event_with(events, word: str):  # type: ignore[no-untyped-def]
    """The event whose trigger, sub-type or first actor holds `word`."""
    return next(e for e in events if word in f"{e.evidence['sub_event_type'].text} {e.sub_event_type} {e.actor1}")


def test_a_credit_that_closes_the_sentence_before_does_not_make_the_next_day_a_telling(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("'We counted the bodies,' a nurse told Reuters. On Monday, gunmen raided the village of Dogo, which "
            "was last attacked in June, and kidnapped nine farmers, residents said.")
    event = _event_with(events_of(pipeline, text, published="2024-11-20"), "raided")
    assert (str(event.event_date), event.time_precision) == ("2024-11-18", 1)


def test_a_period_measured_in_a_clause_of_its_own_does_not_date_the_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The army said on Tuesday it had killed 14 militants near Mopti, a region where jihadists have operated since 2015."
    [event] = events_of(pipeline, text)
    assert (str(event.event_date), event.time_precision) == ("2024-03-12", 2)


def test_a_background_year_is_not_the_clock_of_the_sentences_after_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen killed three traders near Kasese on Saturday. The town saw deadly clashes in 2016, when more than "
            "100 people died. Later, soldiers killed two of the gunmen near the town.")
    event = _event_with(events_of(pipeline, text), "Military Forces")
    assert event.event_date is not None and str(event.event_date) >= "2024-03-09"


def test_the_next_day_after_last_week_is_within_it_not_after_the_report(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Police shot dead three protesters in Kisumu last week. The next day, rioters set fire to a police post "
            "in the city.")
    event = _event_with(events_of(pipeline, text), "fire")
    assert event.event_date is not None and "2024-03-05" <= str(event.event_date) <= "2024-03-11"


def test_the_day_a_source_spoke_in_an_earlier_sentence_only_bounds_the_next_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Al Shabaab fighters killed four soldiers near Kismayo, the army said on Tuesday. Separately, a landmine "
            "hit a minibus near Baidoa, killing six passengers.")
    event = _event_with(events_of(pipeline, text), "Remote explosive")
    assert (str(event.event_date), event.time_precision) == ("2024-03-12", 2)


def test_an_undated_lead_takes_the_day_its_retelling_gives_even_the_reports_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Police fired tear gas at striking nurses in Kisumu, the union said.\n\n"
            "The nurses had marched to the county offices on Wednesday morning before police dispersed them.")
    [event] = events_of(pipeline, text, published="2024-11-20")
    assert (str(event.event_date), event.time_precision, "date_defaulted" in event.flags) == ("2024-11-20", 1, False)


@pytest.mark.parametrize(("text", "word"), [
    (("Air raids in the past 24 hours killed some 30 insurgents in Cabo Delgado province, the defence ministry said "
      "on Saturday. Shelling on Macomia killed at least six civilians in the same period, a monitor said."),
     "Shelling"),
    (("Troops killed 12 rebels in Darfur over the past 48 hours, the army said on Saturday. Rebels killed five "
      "soldiers near El Fasher during that period, a spokesman for the group said."), "Unidentified"),
])
def test_the_same_period_is_the_period_told_before_not_the_day_of_its_telling(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                                               word: str) -> None:
    # published on Saturday 16 March: the hours counted back from the Saturday report are coded on Friday
    event = _event_with(events_of(pipeline, text, published="2024-03-16"), word)
    assert (str(event.event_date), event.time_precision) == ("2024-03-15", 2)


@pytest.mark.parametrize(("text", "day"), [
    ("Rebels have shelled the town of Kidal repeatedly since January, most recently on Tuesday, killing two civilians.",
     "2024-03-12"),
    (("Militants have attacked the army base in Marawi several times this year, the latest attack on Wednesday "
      "killing three soldiers."), "2024-03-13"),
    (("Last year, Houthi rebels began firing drones at Jeddah, bringing the war to the kingdom's second city, with the "
      "latest drone launched on Thursday."), "2024-03-14"),
])
def test_a_series_told_by_its_period_is_coded_on_the_day_of_its_newest_act(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    # published on Saturday 16 March 2024
    [event] = events_of(pipeline, text, published="2024-03-16")
    assert (str(event.event_date), event.time_precision) == (day, 1)


@pytest.mark.parametrize(("text", "day"), [
    ("Gunmen killed a village chief near Beni. The attack took place on Tuesday night, residents said on Thursday.",
     "2024-03-12"),
    ("A bomb exploded at a bus stop in Quetta, killing six people. The blast happened on Wednesday morning.",
     "2024-03-13"),
    (("Soldiers opened fire on demonstrators in Conakry, killing two. It happened on Thursday afternoon near the "
      "central market."), "2024-03-14"),
    # wire copy: the day in a paragraph of its own
    (("Gunmen have killed 30 villagers in central Mali, officials say.\n\nThe attack on the village took place on "
      "Tuesday, a local mayor said."), "2024-03-12"),
])
def test_an_undated_act_takes_the_day_the_next_sentence_says_it_happened(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    # published on Saturday 16 March 2024
    [event] = events_of(pipeline, text, published="2024-03-16")
    assert (str(event.event_date), event.time_precision, "date_defaulted" in event.flags) == (day, 1, False)


def test_a_day_the_next_sentence_gives_another_act_of_the_incident_does_not_date_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen killed a village chief near Beni. The attack was condemned on Thursday by the governor."
    [event] = events_of(pipeline, text, published="2024-03-16")
    assert "date_defaulted" in event.flags


@pytest.mark.parametrize(("text", "day"), [
    ("Police said on Thursday that protesters had clashed with officers in Lusaka the previous day.", "2024-03-13"),
    ("The army said on Friday it had repelled an attack by militants on a base near Gao the previous night.",
     "2024-03-14"),
    ("Residents said on Friday that soldiers had burned homes in the village of Kalagi the night before.",
     "2024-03-14"),
])
def test_a_day_counted_back_from_the_telling_in_its_own_sentence(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    # published on Saturday 16 March 2024: "the previous day/night" is the day before the day the source spoke
    [event] = events_of(pipeline, text, published="2024-03-16")
    assert (str(event.event_date), event.time_precision) == (day, 1)


def test_the_day_of_a_statement_is_not_the_day_the_next_paragraph_goes_on_with(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Sudanese security forces have shot dead at least nine protesters in Omdurman, a doctors' union says.\n\n"
            "The protesters were killed on Thursday as thousands marched against military rule, the union said in a "
            "statement on Friday.\n\nWitnesses said soldiers fired live rounds at the crowd near the parliament building.")
    event = _event_with(events_of(pipeline, text, published="2024-03-17"), "Military")
    assert str(event.event_date) == "2024-03-14"


@pytest.mark.parametrize("quoted", [True, False])
def test_a_day_told_inside_a_quoted_report_does_not_date_the_next_paragraph(pipeline, quoted: bool) -> None:  # type: ignore[no-untyped-def]
    # published on Saturday 16 March 2024; "on Monday" is the 11th. A day inside another outlet's quoted report is
    # that outlet's story: the next paragraph's undated act is the report's day, defaulted (precision 3). Told by
    # the report itself, the day goes on to the next paragraph as the story's day (precision 2).
    told = "On Monday, police fired tear gas at farmers who had gathered outside the ministry in Lahore."
    if quoted:
        told = f'"{told[:-1]}," the Dawn newspaper reported.'
    text = (f"Farmers have held rallies across the north this month.\n\n{told}\n\n"
            "In Multan, farmers set fire to tyres on the highway, witnesses said.")
    event = next(e for e in events_of(pipeline, text, published="2024-03-16") if e.location == "Multan")
    expected = ("2024-03-16", 3, True) if quoted else ("2024-03-11", 2, False)
    assert (str(event.event_date), event.time_precision, "date_defaulted" in event.flags) == expected


def test_bodies_found_days_after_an_abduction_date_the_abduction(pipeline) -> None:  # type: ignore[no-untyped-def]
    # published on Saturday 16 March 2024: found on Friday the 15th, abducted three days before, Tuesday the 12th
    for text in (("The bodies of two aid workers were found near Gao on Friday, three days after they were abducted "
                 "by gunmen."),
                 "Three days after gunmen abducted them, the bodies of two aid workers were found near Gao on Friday."):
        [event] = events_of(pipeline, text, published="2024-03-16")
        assert (str(event.event_date), event.time_precision) == ("2024-03-12", 1), text


def test_a_discovery_counted_from_the_report_day_stays_known_to_the_week(pipeline) -> None:  # type: ignore[no-untyped-def]
    # published on Thursday 14 March 2024; the police spoke on Tuesday the 12th, so "overnight" is the night of
    # Monday the 11th. When bodies are found, the killing came on or before the finding: precision 2. (A day
    # counted back from a day of the sentence, "three days after they were abducted", is known; this one is not.)
    text = ("The bodies of four farmers who had been shot dead by gunmen were found overnight near Kasese, police "
            "said on Tuesday.")
    [event] = events_of(pipeline, text, published="2024-03-14")
    assert (str(event.event_date), event.time_precision) == ("2024-03-11", 2)


@pytest.mark.parametrize(("text", "nth", "day", "precision"), [
    # published on Thursday 14 March 2024: Wednesday is the 13th, the act after "after" two days before it
    (("Soldiers killed four militants in Kunar on Wednesday, two days after an attack on a checkpoint that killed "
     "three policemen."), 1, "2024-03-11", 1),
    (("Soldiers killed four militants in Kunar on Wednesday, two days after an attack on a checkpoint that killed "
     "three policemen."), 0, "2024-03-13", 1),
    # a count in weeks is known to within a week
    ("Police arrested ten activists in Harare on Saturday, a week after protesters clashed with police in the city.",
     0, "2024-03-02", 2),
])
def test_an_act_told_n_days_after_or_before_is_counted_from_its_sentences_day(pipeline, text: str, nth: int,  # type: ignore[no-untyped-def]
                                                                              day: str, precision: int) -> None:
    from dateline.extraction.dates import date_for_event
    from dateline.model import Span

    report = pipeline.extract_text(text, published="2024-03-14")
    verb = "killed" if "killed" in text else "clashed"
    starts = [i for i in range(len(text)) if text.startswith(verb, i)]
    trigger = Span.of(text, starts[nth], starts[nth] + len(verb))
    whole = Span.of(text, 0, len(text))
    date = date_for_event(report.dates, trigger, whole, whole, report.article)
    assert date is not None and (str(date.event_date), date.time_precision) == (day, precision)


@pytest.mark.parametrize("text", [
    "Experts arrived in Kidal on Friday to investigate an attack on the town which killed 11 people.",
    "Hundreds of mourners gathered in Beni on Saturday to bury the victims of an ambush that killed eight soldiers.",
    "The United Nations condemned on Friday an attack on a village near Kidal that killed 11 people.",
])
def test_the_day_of_a_follow_up_is_not_the_day_of_the_incident_it_follows_up(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # published on Saturday 16 March 2024: no day of its own, the incident is the report's, defaulted
    [event] = events_of(pipeline, text, published="2024-03-16")
    assert (str(event.event_date), event.time_precision, "date_defaulted" in event.flags) == ("2024-03-16", 3, True)


@pytest.mark.parametrize(("text", "day"), [
    # the incident's day told in the sentence before still dates it
    (("Gunmen killed 11 people in Kidal on Tuesday. Experts arrived in the town on Friday to investigate the attack "
     "which killed 11 people."), "2024-03-12"),
    # an act of the arrivals themselves is on their day
    ("Soldiers arrived in the village on Friday and killed three suspected militants.", "2024-03-15"),
])
def test_a_follow_up_leaves_the_incidents_own_day(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, text, published="2024-03-16")
    assert (str(event.event_date), event.time_precision) == (day, 1)


@pytest.mark.parametrize(("teller", "day"), [
    # the same teller gave its day of telling, Saturday the 16th, in the sentence before: the night before it
    ("the army said", "2024-03-15"),
    ("said the army", "2024-03-15"),
    # another teller speaks from the report's day (Monday the 18th): the night before it
    ("a local official said", "2024-03-17"),
])
def test_overnight_told_by_the_teller_of_the_sentence_before_counts_from_its_day(pipeline, teller: str,  # type: ignore[no-untyped-def]
                                                                                 day: str) -> None:
    text = ("Israeli aircraft struck targets in southern Lebanon, the army said on Saturday. The strikes hit weapons "
            f"depots overnight, {teller}.")
    # (the event that tells the strikes: the retelling's own, or the strike it folded into once its attacker was
    # known to be the one named before)
    event = next(e for e in events_of(pipeline, text, published="2024-03-18")
                 if any(m.text.startswith("The strikes hit") for m in e.mentions))
    assert (str(event.event_date), event.time_precision) == (day, 1)


def _event_telling(events, opening: str):  # type: ignore[no-untyped-def]
    """The event one of whose passages opens with `opening` (its own, or the one it folded into)."""
    return next(e for e in events if any(m.text.startswith(opening) for m in e.mentions))


@pytest.mark.parametrize(("text", "opening", "day"), [
    # the sentence before tells the act's day and the teller's: the next act goes on with the act's (Monday)
    (("Gunmen killed seven villagers in Katsina state on Monday, police said on Wednesday. The attackers also "
      "burned dozens of houses."), "The attackers", "2024-03-11"),
    (("Police fired tear gas at students marching in Dakar on Tuesday, witnesses told Reuters on Wednesday. "
      "Several protesters were arrested."), "Several protesters", "2024-03-12"),
    # "overnight" in the sentence before counts from its teller's Wednesday: Tuesday night, as for its own act
    (("Ukraine's air force said on Wednesday that Russia launched 30 drones at the Kharkiv region overnight. Debris "
      "from a downed drone hit a house in Kharkiv, killing one woman."), "Debris", "2024-03-12"),
])
def test_the_next_sentence_goes_on_with_the_acts_day_not_its_tellers(pipeline, text: str, opening: str,  # type: ignore[no-untyped-def]
                                                                    day: str) -> None:
    event = _event_telling(events_of(pipeline, text), opening)
    assert (str(event.event_date), event.time_precision) == (day, 1)


@pytest.mark.parametrize(("text", "day"), [
    (("Gunmen killed five farmers in Benue state, police said on Tuesday. The attack took place on Sunday night in "
      "a village near Makurdi."), "2024-03-10"),
    (("Soldiers shot dead three protesters in Mandalay, a rights group said on Tuesday.\n\n"
      "The shooting happened on Saturday as protesters gathered outside a monastery, the group said."), "2024-03-09"),
    # the next sentence goes back to the act by its name and dates it before the telling
    (("A roadside bomb killed four soldiers in Diyala province, security sources said on Wednesday. The blast hit "
      "their patrol late on Tuesday."), "2024-03-12"),
])
def test_a_retelling_that_gives_the_day_wins_over_the_day_of_telling(pipeline, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    # the lead's sentence dates only its telling (Tuesday, a bound); the next sentence says when the act happened
    [event] = events_of(pipeline, text)
    assert (str(event.event_date), event.time_precision) == (day, 1)


@pytest.mark.parametrize("text", [
    ("The UN human rights office on Tuesday condemned the shelling of the town. Investigators were travelling to "
     "Avdiivka to investigate an attack on a market which killed 14 civilians, officials said."),
    ("The UN human rights office on Tuesday condemned the shelling of the town.\n\n"
     "Investigators were travelling to Avdiivka to investigate an attack on a market which killed 14 civilians."),
])
def test_a_follow_ups_day_before_does_not_date_the_incident_told_as_followed_up(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # Tuesday is the condemnation's day; nothing dates the attack: the report's day, defaulted
    event = _event_with(events_of(pipeline, text), "killed")
    assert (str(event.event_date), event.time_precision, "date_defaulted" in event.flags) == ("2024-03-14", 3, True)


def test_an_incident_told_as_followed_up_keeps_the_day_told_of_it_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen killed 14 civilians at a market in Avdiivka on Monday. The UN condemned the attack on Tuesday. "
            "Investigators travelled to the town to investigate the attack which killed 14 civilians.")
    event = _event_telling(events_of(pipeline, text), "Investigators")
    assert (str(event.event_date), event.time_precision) == ("2024-03-11", 1)


@pytest.mark.parametrize(("text", "verb", "day"), [
    # published on Thursday 14 March 2024: the shooting is the day before the Wednesday of the fire
    (("Rioters set fire to the ruling party office in Kisumu on Wednesday, the day after police shot dead two "
      "protesters."), "shot", "2024-03-12"),
    (("The day after police shot dead two protesters, rioters set fire to the ruling party office in Kisumu on "
      "Wednesday."), "shot", "2024-03-12"),
    # the fire itself keeps its own day
    (("Rioters set fire to the ruling party office in Kisumu on Wednesday, the day after police shot dead two "
      "protesters."), "set fire", "2024-03-13"),
])
def test_the_act_after_the_day_after_is_a_day_before_its_sentences_day(pipeline, text: str, verb: str,  # type: ignore[no-untyped-def]
                                                                      day: str) -> None:
    from dateline.extraction.dates import date_for_event
    from dateline.model import Span

    report = pipeline.extract_text(text, published="2024-03-14")
    at = text.index(verb)
    whole = Span.of(text, 0, len(text))
    date = date_for_event(report.dates, Span.of(text, at, at + len(verb)), whole, whole, report.article)
    assert date is not None and (str(date.event_date), date.time_precision) == (day, 1)


@pytest.mark.parametrize(("text", "opening", "day", "precision"), [
    # a day counted back to an earlier act is not the story's day: the next sentence goes on with Wednesday
    (("Soldiers killed four militants in Kunar on Wednesday, two days after an attack on a checkpoint that killed "
      "three policemen. The army also arrested ten suspects in the province."), "The army also", "2024-03-13", 1),
    (("Rioters set fire to the ruling party office in Kisumu on Wednesday, the day after police shot dead two "
      "protesters. Police arrested 30 people in the city."), "Police arrested", "2024-03-13", 1),
    # nor the next paragraph's (a day carried to a later paragraph is precision 2)
    (("Soldiers killed four militants in Kunar on Wednesday, two days after an attack on a checkpoint that killed "
      "three policemen.\n\nTroops fired mortars at Taliban positions in the Pech valley, residents said."),
     "Troops fired", "2024-03-13", 2),
])
def test_a_day_counted_back_to_an_earlier_act_is_not_the_day_the_story_goes_on_with(  # type: ignore[no-untyped-def]
        pipeline, text: str, opening: str, day: str, precision: int) -> None:
    event = _event_telling(events_of(pipeline, text), opening)
    assert (str(event.event_date), event.time_precision) == (day, precision)


@pytest.mark.parametrize(("text", "opening", "day", "precision"), [
    # published on Monday 18 March 2024: the sentence goes back to Sunday's incident; Monday is when police spoke
    (("Gunmen attacked a village in Zamfara state on Sunday. The attackers killed nine villagers and abducted 20 "
      "others, police said on Monday."), "The attackers", "2024-03-17", 1),
    (("A suicide bomber struck a market in Maiduguri on Sunday. The blast killed 12 people, a police spokesman said "
      "on Monday."), "The blast", "2024-03-17", 1),
    # told in a paragraph of its own, another act's day carried from the paragraph before is precision 2
    (("Gunmen stormed a police station in Kaduna state on Sunday.\n\nThe attackers abducted the pastor of a nearby "
      "church, police said on Monday."), "The attackers", "2024-03-17", 2),
    # gunmen storming a church and killing its worshippers are one attack: the killing folds into Sunday's storming
    (("Gunmen stormed a church in Kaduna state on Sunday.\n\nThe attackers killed three worshippers and abducted the "
      "pastor, police said on Monday."), "The attackers", "2024-03-17", 1),
    # another act, not told as the incident's, is still bounded by the day its teller spoke (officials, not the
    # attack's suspects: a suspect's arrest is part of the attack, `incidents.merge_retellings`)
    (("Gunmen killed 11 people in Kidal on Tuesday. Police said on Friday they had arrested two local officials "
      "in the town."), "Police said", "2024-03-15", 2),
])
def test_a_sentence_that_goes_back_to_the_incident_takes_its_day_not_its_tellers(  # type: ignore[no-untyped-def]
        pipeline, text: str, opening: str, day: str, precision: int) -> None:
    event = _event_telling(events_of(pipeline, text, published="2024-03-18"), opening)
    assert (str(event.event_date), event.time_precision) == (day, precision)


@pytest.mark.parametrize(("text", "opening", "day"), [
    # the evening before the Tuesday the police spoke
    ("Police said on Tuesday that gunmen had killed a village chief in Plateau state the previous evening.",
     "Police said", "2024-03-11"),
    # the morning after the Tuesday told before
    ("Protesters marched in Nairobi on Tuesday. The next morning, police arrested 20 of them in Nairobi.",
     "The next morning", "2024-03-13"),
    # the evening of that Tuesday (not "on or after" it, as a bare "later" would make it)
    ("Protesters marched in Nairobi on Tuesday. Police fired tear gas at them later that evening.",
     "Police fired", "2024-03-12"),
])
def test_a_time_of_the_day_told_before_counts_from_that_day(pipeline, text: str, opening: str,  # type: ignore[no-untyped-def]
                                                           day: str) -> None:
    event = _event_telling(events_of(pipeline, text), opening)
    assert (str(event.event_date), event.time_precision) == (day, 1)


def test_another_act_of_the_doers_does_not_date_the_incident_told_by_its_teller(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the arrest is the gunmen's next act, not the killing's day: the killing keeps the police's Tuesday, as a bound
    text = ("Gunmen killed five farmers in Benue state, police said on Tuesday. The gunmen were arrested in Makurdi "
            "on Friday.")
    event = _event_with(events_of(pipeline, text), "Attack")
    assert (str(event.event_date), event.time_precision) == ("2024-03-12", 2)
