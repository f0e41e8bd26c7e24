"""Date mentions read from parsed text: future tense from the parse, quotes, hedges, datelines, anaphora,
the governing date of an event, and the reference article (published 2019-11-02, a Saturday)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extraction.dates import date_for_event, dates_from_doc
from dateline.model import Article, DateMention, Span
from tests.conftest import SHARED, shared_file

D = dt.date
SAT_2_NOV_2019 = D(2019, 11, 2)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    """The English model with only the date component: these tests exercise dates alone, and the full
    pipeline's other components (gazetteer) cost minutes on first use on a shared machine."""
    from dateline.nlp.components import dates as _registers_factory  # noqa: F401
    from dateline.nlp.pipeline import build_nlp

    model = build_nlp(components=False)
    model.add_pipe("dateline_dates")
    return model


def _mentions(nlp, text: str, published: dt.date | None = SAT_2_NOV_2019) -> tuple[Article, object, list[DateMention]]:  # type: ignore[no-untyped-def]
    article = Article(id="t", text=text, published=published)
    doc = nlp(text)
    return article, doc, dates_from_doc(article, doc, None)  # type: ignore[arg-type]


def _paragraph(text: str, pos: int) -> Span:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return Span.of(text, start, len(text) if end < 0 else end)


def _event_date(nlp, text: str, trigger: str, published: dt.date | None = SAT_2_NOV_2019) -> DateMention | None:  # type: ignore[no-untyped-def]
    article, doc, mentions = _mentions(nlp, text, published)
    i = text.index(trigger)
    sent = next(s for s in doc.sents if s.start_char <= i < s.end_char)  # type: ignore[attr-defined]
    return date_for_event(
        mentions, Span.of(text, i, i + len(trigger)), Span.of(text, sent.start_char, sent.end_char),
        _paragraph(text, i), article,
    )  # fmt: skip


def _one(mentions: list[DateMention], words: str) -> DateMention:
    return next(m for m in mentions if words in m.span.text)


def test_component_writes_date_spans_to_the_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police fired tear gas on Friday night and from 25 to 28 October, said a report on 2019-10-30.")
    texts = [s.text for s in doc.spans["dl_dates"]]
    assert "on Friday night" in texts and "from 25 to 28 October" in texts and "on 2019-10-30" in texts


def test_newspaper_titles_and_named_days_are_not_weekdays(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Sunday Times said shoppers crowded malls on Black Friday.")
    assert not any("Sunday" in s.text or "Friday" in s.text for s in doc.spans["dl_dates"])


def test_months_told_against_the_year_and_named_days_are_whole_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Last October, gunmen raided a church on Christmas Eve last year and shops at a Christmas market.")
    spans = {s.text: s.label_ for s in doc.spans["dl_dates"]}
    assert spans.get("Last October") == "MONTH"
    assert spans.get("on Christmas Eve last year") == "HOLIDAY"
    assert "HOLIDAY" not in [label for text, label in spans.items() if text == "Christmas"]


def test_will_march_on_friday_is_future_and_resolves_forward(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "Protesters will march on Friday, organisers said.")
    m = _one(ms, "Friday")
    assert m.relation == "future" and m.date_start == D(2019, 11, 8)


def test_plans_to_is_future(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "The union plans to strike on Monday.")
    m = _one(ms, "Monday")
    assert m.relation == "future" and m.date_start == D(2019, 11, 4)


def test_past_tense_weekday_is_past(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "Police killed two protesters on Tuesday in Baghdad.")
    m = _one(ms, "Tuesday")
    assert (m.relation, m.date_start, m.time_precision) == ("past", D(2019, 10, 29), 1)


def test_years_before_the_report_are_history(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "Protesters filled the streets in 2009. Back then the police fired on them.")
    assert _one(ms, "2009").relation == "history"
    back = _one(ms, "Back then")
    assert back.relation == "history" and back.date_start == D(2009, 1, 1)


def test_the_previous_day_refers_back_one_day(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "Rioters burned a bank on 30 October. The previous day, police had arrested ten men.")
    assert _one(ms, "previous day").date_start == D(2019, 10, 29)


def test_a_range_counted_from_a_quoted_now_is_one_level_less_precise(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "“Five people died in the past three days,” police said.")
    m = _one(ms, "past three days")
    assert m.in_quote and (m.date_start, m.date_end, m.time_precision) == (D(2019, 10, 31), D(2019, 11, 2), 3)


def test_a_quoted_weekday_keeps_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "“On Wednesday, the militia attacked the village,” the report adds.")
    m = _one(ms, "Wednesday")
    assert m.in_quote and (m.date_start, m.time_precision) == (D(2019, 10, 30), 1)


def test_a_report_date_is_less_precise_than_an_event_date(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "As reported on 14 June 2021, ELN guerrillas clashed with soldiers in Arauca.", None)
    assert _one(ms, "14 June").time_precision == 2


def test_dateline_does_not_date_the_events_below_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BAGHDAD, Nov. 2, 2019 — Protesters stormed a government building."
    _, _, ms = _mentions(nlp, text)
    assert _one(ms, "Nov. 2").note == "dateline"
    assert _event_date(nlp, text, "stormed") is None


def test_without_an_article_date_the_span_is_kept_undated(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "On Wednesday, protesters blocked the road.", None)
    m = _one(ms, "Wednesday")
    assert m.date_start is None and m.kind == "weekday"


def test_event_takes_the_date_of_its_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday police arrested five men who had attacked a bank on Sunday."
    assert _event_date(nlp, text, "attacked").date_start == D(2019, 10, 27)  # type: ignore[union-attr]
    assert _event_date(nlp, text, "arrested").date_start == D(2019, 10, 28)  # type: ignore[union-attr]


def test_sequencing_after_an_earlier_sentence_makes_an_on_or_after_range(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Wednesday, the minister insulted the protesters. After his remarks, crowds attacked the ministry."
    m = _event_date(nlp, text, "attacked")
    assert m is not None and m.date_start == D(2019, 10, 30) and m.date_end == SAT_2_NOV_2019
    assert m.time_precision == 2 and m.event_date == D(2019, 10, 31)


def test_body_found_dates_the_discovery_with_precision_two(nlp) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, "On 2 May 2020, a man was found dead near the road in Tijuana.", "found", None)
    assert m is not None and (m.event_date, m.time_precision) == (D(2020, 5, 2), 2)


def test_no_date_in_the_paragraph_gives_none(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _event_date(nlp, "Demonstrators closed the port, according to local media.", "closed") is None


# ---- the reference article -------------------------------------------------------------------------------

REFERENCE = SHARED / "reference" / "article.txt"


@pytest.fixture(scope="module")
def reference(nlp):  # type: ignore[no-untyped-def]
    return shared_file("reference", "article.txt").read_text(encoding="utf-8")


def test_reference_wednesday_remarks_are_30_october(nlp, reference: str) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, reference, "accused")
    assert m is not None and (m.span.text, m.event_date, m.time_precision) == ("On Wednesday", D(2019, 10, 30), 1)


def test_reference_2009_chanting_is_history(nlp, reference: str) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, reference, "chanting")
    assert m is not None and m.relation == "history" and m.date_start is not None and m.date_start.year == 2009


def test_reference_embassy_storming_is_on_or_after_wednesday(nlp, reference: str) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, reference, "storm")
    assert m is not None and m.event_date in (D(2019, 10, 30), D(2019, 10, 31)) and m.time_precision in (1, 2)


def test_reference_five_deaths_in_as_many_days(nlp, reference: str) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, reference, "deaths")
    assert m is not None and (m.date_start, m.date_end, m.time_precision) == (D(2019, 10, 29), D(2019, 11, 2), 3)


def test_the_day_after_a_year_names_no_day(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "Prices rose in 2018. The day after, shares fell.")
    assert _one(ms, "day after").date_start is None


def test_sentences_after_a_sequencing_word_stay_on_or_after_the_anchor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("On Monday, the governor resigned. After his resignation, crowds burned tyres. "
            "Protesters also blocked the main road.")
    m = _event_date(nlp, text, "blocked")
    assert m is not None and (m.date_start, m.date_end, m.time_precision) == (D(2019, 10, 28), SAT_2_NOV_2019, 2)


def test_an_anchor_without_sequencing_keeps_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, "On Monday, the governor resigned. Protesters blocked the main road.", "blocked")
    assert m is not None and (m.date_start, m.time_precision) == (D(2019, 10, 28), 1)


def test_a_reporting_date_yields_to_the_events_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Amnesty International said today that police caused at least five deaths in as many days."
    m = _event_date(nlp, text, "deaths")
    assert m is not None and m.kind == "duration" and (m.date_start, m.date_end) == (D(2019, 10, 29), SAT_2_NOV_2019)


def test_a_reporting_date_alone_bounds_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, "Police said on Tuesday that gunmen had killed two farmers.", "killed")
    assert m is not None and (m.date_start, m.time_precision) == (D(2019, 10, 29), 2)


def test_a_statement_keeps_its_own_day(nlp) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, "The minister said on Tuesday that the border would close.", "said")
    assert m is not None and (m.date_start, m.time_precision) == (D(2019, 10, 29), 1)


def test_a_year_alone_gives_no_made_up_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    from dateline.export.acled import acled_row

    report = pipeline.extract_text("Gunmen killed five villagers in Kaduna in 2003, police said.")
    (mention,) = [d for d in report.dates if d.kind == "year"]
    assert mention.event_date is None and mention.time_precision == 3
    (event,) = report.events
    assert event.event_date is None  # not 2 July 2003, the middle of the year
    assert (event.year, event.time_precision, event.date_start, event.date_end) == (
        2003, 3, dt.date(2003, 1, 1), dt.date(2003, 12, 31))
    assert "year_only_date" in event.flags
    row = acled_row(event, report.article)
    assert (row["event_date"], row["year"]) == ("", 2003)


# A colon that joins two clauses of a sentence ("… on Sunday: nobody was injured.") closes no dateline: the day before
# it is the act's. A line that opens with a place in capitals and a day before a colon is still a dateline.
@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("Gunmen stormed a church in Owo on Sunday: nobody was injured.", "stormed", D(2019, 10, 27)),
    ("Police raided a newspaper in Bulawayo on Tuesday: three journalists were detained.", "detained", D(2019, 10, 29)),
])
def test_a_colon_after_a_clause_s_day_closes_no_dateline(nlp, text: str, trigger: str, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    m = _event_date(nlp, text, trigger)
    assert m is not None and m.note != "dateline" and (m.event_date, m.time_precision) == (day, 1)


def test_a_place_and_a_day_before_a_colon_are_a_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, ms = _mentions(nlp, "KABUL, Afghanistan, Oct. 30: Gunmen attacked a checkpoint.")
    assert _one(ms, "Oct. 30").note == "dateline"
