"""Metadata from plain text: title, subtitle, byline, dateline, and the ranked publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.ingest import article_from_text
from dateline.ingest.metadata import (
    lead_date_signal,
    rank_signals,
    signals_conflict,
    text_metadata,
    url_date_signal,
    year_near,
)
from dateline.model import Article, DateSignal
from dateline.settings import Settings

D = dt.date


def assert_evidence_matches(article: Article) -> None:
    for field, span in article.evidence.items():
        assert article.text[span.start : span.end] == span.text, field


# --- the bundled example (issue 3, "Done when") -------------------------------------------------------------

@pytest.fixture(scope="module")
def example_article(example_text: str) -> Article:
    return article_from_text(example_text, path="examples/iraq-2019-11-02-mek.txt")


def test_example_title_and_subtitle(example_article: Article) -> None:
    assert example_article.title == "The largest demonstrations in Iraq against Iran’s malign influence"
    assert example_article.subtitle == "Massive rallies in cities checkered across central and southern Iraq"
    assert example_article.text.count(example_article.subtitle) == 1
    assert example_article.evidence["title"].start == 0


def test_example_publisher_date_and_place(example_article: Article) -> None:
    assert example_article.publisher == "PMOI/MEK"
    assert example_article.published == D(2019, 11, 2)
    assert example_article.dateline_place == "Iran"
    assert example_article.evidence["publisher"].text == "PMOI/MEK"
    assert example_article.evidence["published"].text == "November 2, 2019"
    assert example_article.evidence["dateline_place"].text == "Iran"
    assert not example_article.date_conflict


def test_example_cleaned_text_has_no_banner(example_article: Article) -> None:
    assert "728 x 90" not in example_article.text


def test_example_evidence_spans_equal_the_text(example_article: Article) -> None:
    assert {"title", "subtitle", "publisher", "published", "dateline_place"} <= set(example_article.evidence)
    assert_evidence_matches(example_article)


def test_example_through_the_pipeline(example_report) -> None:  # type: ignore[no-untyped-def]
    article = example_report.article
    assert (article.publisher, article.published, article.dateline_place) == ("PMOI/MEK", D(2019, 11, 2), "Iran")
    assert_evidence_matches(article)


# --- datelines ------------------------------------------------------------------------------------------------

def test_reuters_dateline_without_year_takes_year_from_record() -> None:
    text = "BAGHDAD, Nov 2 (Reuters) - Iraqi security forces fired tear gas at protesters near the bridge."
    article = article_from_text(text, published="2019-11-03")
    assert article.dateline_place == "Baghdad"
    assert article.evidence["dateline_place"].text == "BAGHDAD"
    assert article.publisher == "Reuters"
    dateline = [s for s in article.published_signals if s.source == "dateline"]
    assert [s.value for s in dateline] == [D(2019, 11, 2)]
    assert article.published == D(2019, 11, 3)  # the record outranks the dateline; one day apart is no conflict
    assert not article.date_conflict
    assert_evidence_matches(article)


def test_reuters_dateline_without_year_and_no_other_signal_leaves_date_undetermined() -> None:
    article = article_from_text("BAGHDAD, Nov 2 (Reuters) - Security forces fired tear gas at protesters.")
    assert article.dateline_place == "Baghdad"
    assert article.published is None
    assert article.published_signals == []


def test_yearless_dateline_takes_the_year_whose_calendar_puts_the_leads_weekday_on_it() -> None:
    # 3 March fell on a Friday in 2023, on a Thursday in 2022: the story is of 2023, the year after the budget.
    article = article_from_text("MOMBASA, March 3 (Reuters) - Dock workers at the port walked off the job on "
                                "Friday over pay cuts announced in the 2022 budget, union officials said.")
    assert article.published == D(2023, 3, 3)
    assert article.published_signals[0].source == "dateline"
    assert "Friday" in article.published_signals[0].raw
    assert_evidence_matches(article)


def test_yearless_dateline_filed_the_morning_after_the_leads_weekday() -> None:
    # 18 September was a Wednesday in 2019 (talks collapsed the day before) and a Friday in 2020.
    article = article_from_text("GENEVA, Sept 18 (AFP) - Ceasefire talks collapsed on Tuesday, two years after "
                                "the 2019 accord was signed, mediators said.")
    assert article.published == D(2019, 9, 18)


@pytest.mark.parametrize("text", [
    # a weekday but no year written: the weekday alone fits a year in every six or so
    "MOMBASA, March 3 (Reuters) - Dock workers walked off the job on Friday over pay cuts.",
    # a year written, but neither it nor the next puts Saturday on 3 March or the day before
    "MOMBASA, March 3 (Reuters) - Dock workers walked off the job on Saturday over the 2020 pay cuts.",
])
def test_yearless_dateline_stays_undated_when_weekday_and_years_do_not_settle_it(text: str) -> None:
    assert article_from_text(text).published is None


def test_yearless_dateline_in_january_report_of_december_event_picks_previous_year() -> None:
    article = article_from_text("GENEVA, Dec 31 (AFP) - Talks ended without agreement late on Tuesday.",
                                published="2020-01-01")
    dateline = [s for s in article.published_signals if s.source == "dateline"]
    assert dateline[0].value == D(2019, 12, 31)


def test_dateline_after_leftover_header_words() -> None:
    text = ("strike ANA Reporter PRETORIA, May 9 (ANA) - Union leader Thandi Mokoena thanked the workers who "
            "marched to the Union Buildings on Friday.")
    meta = text_metadata(text)
    assert meta.dateline_place == "Pretoria"
    assert meta.publisher == "ANA"
    assert meta.dateline_month_day == (5, 9)
    assert meta.dateline_year is None


@pytest.mark.parametrize(("text", "place", "date"), [
    ("Iran, November 2, 2019—The uprising has entered its second month.", "Iran", D(2019, 11, 2)),
    ("KANSAS CITY, Mo., Nov. 2, 2019 (AP) — Thousands marched downtown.", "Kansas City, Mo.", D(2019, 11, 2)),
    # a country of several words after the city
    ("GOMA, Democratic Republic of Congo, March 13, 2024 (Reuters) - Rebels shelled a camp.",
     "Goma, Democratic Republic of Congo", D(2024, 3, 13)),
    ("BANGUI, Central African Republic, March 13, 2024 (Reuters) - Gunmen killed nine villagers.",
     "Bangui, Central African Republic", D(2024, 3, 13)),
    ("NAIROBI, 14 March 2021 - Teachers went on strike.", "Nairobi", D(2021, 3, 14)),
    ("Tunis, Saturday, 2 November 2019 — Students rallied.", "Tunis", D(2019, 11, 2)),
    ("LAGOS, 2020-10-20 — Soldiers opened fire at the toll gate.", "Lagos", D(2020, 10, 20)),
])
def test_dated_datelines(text: str, place: str, date: dt.date) -> None:
    article = article_from_text(text)
    assert article.dateline_place == place
    assert article.published == date
    assert article.published_signals[0].source == "dateline"
    assert_evidence_matches(article)


@pytest.mark.parametrize(("text", "place"), [
    ("WASHINGTON — The president said on Friday that talks would continue.", "Washington"),
    ("GENEVA (Reuters) - The United Nations said on Tuesday that aid had arrived.", "Geneva"),
])
def test_undated_datelines(text: str, place: str) -> None:
    assert article_from_text(text).dateline_place == place


@pytest.mark.parametrize(("text", "place"), [
    ("Final tonight By MARIA LINDQVIST GOTHENBURG, Sweden (AP) — The home side reached the final.",
     "Gothenburg, Sweden"),
    ("Nurses march By PETER OKAFOR SAN DIEGO (AP) — Hundreds of nurses marched.", "San Diego"),
    ("BC-BBO--Pacific League Results Hawks 4, Marines 2", None),  # a wire slug
    ("NNA - The army said on Friday that the road had reopened.", None),  # an agency acronym
    ("By JOHN SMITH (AP) — The minister resigned on Friday.", None),  # a byline with no place
    ("LA PAZ — Protesters blocked the roads on Friday.", "La Paz"),
    ("CHARSADDA: At least 14 people were injured in the blast.", "Charsadda"),
    ("Friday, November 1, 2019 — Protesters returned to the square.", None),  # a date, not a place
    ("November 1, 2019 — Protesters returned to the square.", None),
])
def test_capitalised_bylines_slugs_and_acronyms_are_no_place(text: str, place: str | None) -> None:
    assert text_metadata(text).dateline_place == place


@pytest.mark.parametrize(("text", "place"), [
    ("By Jane Doe\nCAPE TOWN - Residents blockaded the roads on Monday.", "Cape Town"),
    ("By Jane Doe CAPE TOWN - Residents blockaded the roads on Monday.", "Cape Town"),
    ("Staff Reporter CAPE TOWN - Residents blockaded the roads on Monday.", "Cape Town"),
    ("Sipho Dlamini, Staff Reporter\nDURBAN - Taxi drivers blocked the highway.", "Durban"),
    ("KABUL, Afghanistan — A bomb exploded on Friday.", "Kabul, Afghanistan"),
    ("KABUL, Afghanistan --\n\nA bomb exploded on Friday.", "Kabul, Afghanistan"),
    ("KABUL, Afghanistan —\nA bomb exploded on Friday.", "Kabul, Afghanistan"),
    ("By Jane Doe\nPolice said on Monday that the road had reopened.", None),
    ("WASHINGTON, Friday — The president spoke.", None),  # a weekday is no country
])
def test_capitalised_datelines_after_a_byline_or_with_their_country(text: str, place: str | None) -> None:
    # geo18: a byline before the capitalised city on its line, a country after it, a dateline as its own line
    assert text_metadata(text).dateline_place == place


def test_sentence_that_opens_with_a_date_is_no_dateline() -> None:
    meta = text_metadata("On 3 August 2021, in a village in Guerrero, three gunmen clashed with soldiers.")
    assert meta.dateline_place is None


# --- title, subtitle, byline ----------------------------------------------------------------------------------

def test_single_paragraph_text_has_no_title() -> None:
    meta = text_metadata("Security forces have detained at least eight students from several towns of the region.")
    assert meta.title is None and meta.subtitle is None


def test_body_sentence_after_title_is_not_a_subtitle() -> None:
    text = "Dock workers strike\n\nSeveral hundred dock workers walked off the job on Saturday.\n\nMore text here."
    meta = text_metadata(text)
    assert meta.title == "Dock workers strike"
    assert meta.subtitle is None


def test_by_line_gives_the_author_and_reporting_by_an_outlet_the_publisher() -> None:
    text = "Strike at the port\n\nBy Mara Quist\n\nPORTVALE — Dock workers walked out on Saturday morning."
    article = article_from_text(text)
    assert article.author == "Mara Quist"
    assert article.evidence["author"].text == "Mara Quist"
    assert article.publisher is None
    org = article_from_text("Strike at the port\n\nReporting by Harbour Courier Staff\n\nDock workers walked out.")
    assert org.publisher == "Harbour Courier Staff"


def test_closing_reporting_line_of_wire_copy_names_the_author() -> None:
    text = ("Talks stall\n\nGENEVA (Reuters) - Talks stalled on Tuesday, delegates said.\n\nThey will meet again.\n\n"
            "Another paragraph.\n\nReporting by Jane Doe; Editing by Tom Roe")
    article = article_from_text(text)
    assert article.author == "Jane Doe"
    assert article.publisher == "Reuters"


def test_published_cue_line_is_a_text_signal_not_a_subtitle() -> None:
    article = article_from_text("Strike at the port\nPublished: 3 May 2020\n\nDock workers walked out on Friday.")
    assert article.subtitle is None
    assert article.published == D(2020, 5, 3)
    assert article.published_signals[0].source == "text"
    assert article.evidence["published"].text == "3 May 2020"


# --- ranking, conflicts, override (issue 6 item 1) -------------------------------------------------------------

def test_override_is_the_top_signal_and_a_disagreeing_dateline_is_a_conflict(example_text: str) -> None:
    settings = Settings(published_override=D(2019, 11, 10))
    article = article_from_text(example_text, settings=settings)
    assert article.published == D(2019, 11, 10)
    assert [s.source for s in article.published_signals] == ["override", "dateline"]
    assert article.date_conflict


def test_override_that_agrees_keeps_the_dateline_as_evidence(example_text: str) -> None:
    article = article_from_text(example_text, settings=Settings(published_override=D(2019, 11, 2)))
    assert article.published == D(2019, 11, 2)
    assert not article.date_conflict
    assert article.evidence["published"].text == "November 2, 2019"


@pytest.mark.parametrize("line", ["Saturday, 2 November 2019", "Nov. 2, 2019 10:41 GMT",
                                  "November 2, 2019 at 9:30 a.m.", "2019-11-02"])
def test_a_bare_date_line_in_the_header_is_a_text_signal(line: str) -> None:
    article = article_from_text(f"Strike at the port\n{line}\n\nDock workers walked out on Friday, the union said.")
    assert article.title == "Strike at the port"
    assert article.subtitle is None
    assert article.published == D(2019, 11, 2)
    assert article.published_signals[0].source == "text"
    assert_evidence_matches(article)


def test_ranking_order_of_sources() -> None:
    signals = [DateSignal(value=D(2020, 1, 6), source="text"), DateSignal(value=D(2020, 1, 5), source="url"),
               DateSignal(value=D(2020, 1, 4), source="dateline"), DateSignal(value=D(2020, 1, 3), source="html_meta"),
               DateSignal(value=D(2020, 1, 2), source="record"), DateSignal(value=D(2020, 1, 1), source="override")]
    ranked = rank_signals(signals)
    assert [s.source for s in ranked] == ["override", "record", "html_meta", "dateline", "url", "text"]


def test_conflict_means_more_than_a_day_apart() -> None:
    one_day = [DateSignal(value=D(2019, 11, 2), source="record"), DateSignal(value=D(2019, 11, 1), source="dateline")]
    two_days = [DateSignal(value=D(2019, 11, 3), source="record"), DateSignal(value=D(2019, 11, 1), source="dateline")]
    assert not signals_conflict(one_day)
    assert signals_conflict(two_days)
    assert not signals_conflict(one_day[:1])


def test_record_and_url_signals() -> None:
    article = article_from_text("Students marched to parliament.\n\nPolice watched.", published="2020-03-01",
                                url="https://news.example.org/2020/02/27/students-march/")
    assert article.published == D(2020, 3, 1)
    assert [(s.source, s.value) for s in article.published_signals] == [
        ("record", D(2020, 3, 1)), ("url", D(2020, 2, 27))]
    assert article.date_conflict


@pytest.mark.parametrize(("url", "date"), [
    ("https://www.example.com/2019/11/18/business/trade.html", D(2019, 11, 18)),
    ("https://www.example.com/stories/2019/nov/19/meth-ads/", D(2019, 11, 19)),
    ("https://example.com/news/2019-11-02-protests-in-iraq", D(2019, 11, 2)),
    ("https://example.com/a/20191102/protests", D(2019, 11, 2)),
    ("https://example.com/news/article-14848175.php", None),
])
def test_url_dates(url: str, date: dt.date | None) -> None:
    signal = url_date_signal(url)
    assert (signal.value if signal else None) == date


def test_lead_date_is_used_only_when_nothing_else_dates_the_text() -> None:
    text = "On 3 August 2021, in a village in Guerrero, three gunmen clashed with soldiers."
    article = article_from_text(text)
    assert article.published == D(2021, 8, 3)
    assert article.published_signals[0].source == "text"
    dated = article_from_text(text, published="2021-08-10")
    assert [s.source for s in dated.published_signals] == ["record"]
    assert lead_date_signal("No date at all here.") is None


def test_year_near_crosses_the_year_boundary() -> None:
    assert year_near(12, 31, D(2020, 1, 2)) == D(2019, 12, 31)
    assert year_near(1, 2, D(2019, 12, 30)) == D(2020, 1, 2)
    assert year_near(6, 15, D(2019, 6, 20)) == D(2019, 6, 15)


@pytest.mark.parametrize(("text", "publisher"), [
    ("Residents blockaded the main road on Monday, demanding houses. Police fired rubber bullets. Sapa", "Sapa"),
    ("Police fired rubber bullets on Tuesday. Sapa /mm/ks", "Sapa"),
    ("Police fired rubber bullets on Tuesday. Sapa-dpa", "Sapa-dpa"),
    ("Police fired rubber bullets in Durban on Tuesday. African News Agency (ANA)", "African News Agency"),
])
def test_an_agency_credited_at_the_end_is_the_publisher(text: str, publisher: str) -> None:
    article = article_from_text(text)
    assert article.publisher == publisher
    assert article.evidence["publisher"].text == publisher


def test_a_last_word_that_is_no_outlet_is_no_credit() -> None:
    assert article_from_text("The minister thanked his supporters, he said. Mandela").publisher is None


def test_the_lead_after_a_wire_dateline_is_parsed_without_the_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the parser made the city the subject of the lead's verb, so it became the source ("according to
    # KHARTOUM") and the speaker of the lead's quote
    text = ("Army downs drones\n\nKHARTOUM, March 13 (Reuters) - Sudan's army said on Wednesday it had shot down two "
            "drones launched by the Rapid Support Forces at the city of Atbara.")
    report = pipeline.extract_text(text, published="2024-03-14")
    assert report.events and all("KHARTOUM" not in e.notes and "KHARTOUM" not in e.claimed_by for e in report.events)
    assert all(q.speaker != "KHARTOUM" for q in report.quotes)
