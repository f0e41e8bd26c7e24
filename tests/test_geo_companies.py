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
