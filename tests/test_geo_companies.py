"""Places (geo20): a company named like a town ("workers at Nokia's plant") is the company, not the town.

Sentences are our own; each test fails without the change it names."""

from __future__ import annotations


def test_a_company_with_a_possessive_and_a_plant_is_no_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "Nokia's plant" placed the strike in the Finnish town of Nokia
    report = pipeline.extract_text("Hundreds of workers at Nokia's plant went on strike on Tuesday over wages, "
                                   "the union said.")
    assert all(p.name != "Nokia" for p in report.places)


def test_a_companys_decision_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("Workers marched against Nokia's decision to close the factory, union leaders "
                                   "said on Monday.")
    assert all(p.country != "Finland" for p in report.places)


def test_a_capitals_possessive_decision_is_still_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the company rule leaves a place that the NER reads as one: a government's decision still says where
    report = pipeline.extract_text("Moscow's decision to send troops was condemned on Monday, officials said.")
    assert any(p.country == "Russia" for p in report.places)


def test_a_name_the_article_writes_as_a_company_is_the_company_in_its_other_mentions(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.resolve import geocode_text

    # before: the first mention was dropped, but "Hitachi's laboratory" and "a Hitachi engineer" were the Japanese
    # town of Hitachi, and pulled the article to Japan
    text = ("Electronics firm Hitachi has shown a robot that climbs stairs. Engineers at Hitachi's laboratory said "
            "the machine would go on sale next year, a Hitachi engineer told reporters in London.")
    assert [p.mention for p in geocode_text(text, resources=resources)] == ["London"]


def test_places_beside_company_words_stay_places(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.resolve import geocode_text

    text = ("Detroit carmakers cut jobs on Monday. Shares fell on the Frankfurt stock exchange, and the carmaker Ford "
            "said sales in Detroit had slowed.")
    places = {(p.mention, p.country) for p in geocode_text(text, resources=resources)}
    assert {("Detroit", "United States"), ("Frankfurt", "Germany")} <= places
