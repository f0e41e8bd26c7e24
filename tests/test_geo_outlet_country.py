"""Places (geo20): the outlet's home country as weak support; a hamlet abroad that only its own name supports.

Sentences are our own; each test fails without the change it names."""

from __future__ import annotations


def _event_places(pipeline, text: str, **fields: object) -> list[tuple[str | None, str | None, int | None]]:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(text, **fields)
    return [(e.country, e.location, e.geo_precision) for e in report.events]


def test_a_suburb_named_like_a_village_abroad_stays_in_the_credited_agencys_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "Cavendish" (in the index only as an English village) placed the protest in England
    text = ("CAVENDISH, March 3 (ANA) - Residents of Cavendish blocked roads with burning tyres on Monday, demanding "
            "houses, police said.")
    assert [country for country, _, _ in _event_places(pipeline, text)] == ["South Africa"]


def test_the_publishers_country_supports_a_report_that_names_no_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Residents of Cavendish blocked roads with burning tyres on Monday, demanding houses, police said."
    assert [c for c, _, _ in _event_places(pipeline, text, publisher="African News Agency")] == ["South Africa"]


def test_the_outlets_country_does_not_override_a_text_that_names_another_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("British police said residents of Cavendish blocked roads with burning tyres on Monday, demanding "
            "houses.")
    assert [c for c, _, _ in _event_places(pipeline, text, publisher="African News Agency")] == ["United Kingdom"]


def test_a_hamlet_abroad_that_only_its_own_name_supports_takes_the_articles_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "stationed at Cavendish" stayed the English hamlet in a report whose other place is Durban
    text = ("Five guards will go on trial in Durban on Wednesday, police said on Monday.\n\nThe guards, from the "
            "security unit stationed at Cavendish, were arrested in May after residents marched to the police "
            "station.")
    report = pipeline.extract_text(text)
    assert all(p.country != "United Kingdom" for p in report.places)
    assert [e.country for e in report.events] == ["South Africa"]


def test_a_national_outlet_credited_in_the_text_supports_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: nothing voted for Seychelles (the agency's name is no place) and Victoria went to Hong Kong
    text = ("Hundreds of teachers marched through Victoria on Monday demanding higher pay, the Seychelles News Agency "
            "reported.")
    assert [(c, loc) for c, loc, _ in _event_places(pipeline, text)] == [("Seychelles", "Victoria")]


def test_an_outlets_name_is_no_place_of_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Teachers went on strike in Eldoret on Monday over unpaid arrears, Kenya Broadcasting Corporation reported."
    assert [(c, loc) for c, loc, _ in _event_places(pipeline, text)] == [("Kenya", "Eldoret")]


def test_a_country_outlet_does_not_override_a_place_the_text_names_elsewhere(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Hundreds of teachers marched in Victoria, British Columbia, on Monday demanding higher pay, the "
            "Seychelles News Agency reported.")
    assert [c for c, _, _ in _event_places(pipeline, text)] == ["Canada"]


def test_an_international_outlets_home_does_not_move_a_town_the_text_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: with publisher Reuters the attack went to the United Kingdom, with Al Jazeera to Qatar, and its actors
    # became the police of those countries: a world agency files from everywhere, so its home says nothing
    text = "Gunmen attacked a police checkpoint in the town of Tikrit on Friday, killing two officers."
    for publisher in ("Reuters", "Al Jazeera", "BBC News", "Agence France-Presse"):
        assert _event_places(pipeline, text, publisher=publisher) == [("Iraq", "Tikrit", 1)], publisher
