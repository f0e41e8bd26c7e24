"""Places of local South African wire copy (geo19): a titled spokesperson's surname repeated alone is not a
town; a township, suburb or settlement the index lacks, written with its town, gives the town. Sentences are
our own (none is taken from an evaluation text); each test fails without its change."""

from __future__ import annotations

from tests.conftest import events_of


def _report(pipeline, text: str):  # type: ignore[no-untyped-def]
    return pipeline.extract_text(text)


SPOKESMAN = ("Residents of Zeerust barricaded roads with burning tyres on Monday. North West police spokesman "
             "Colonel Kabelo Mogwase said the mayor had to leave under police escort. \"We are watching the area,\" "
             "said Mogwase. Angry residents also set fire to a councillor's house, said Mogwase.")


def test_a_titled_spokesmans_surname_said_alone_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = _report(pipeline, SPOKESMAN)
    assert "Mogwase" not in [p.mention for p in report.places]
    assert report.events and {e.location for e in report.events} == {"Zeerust"}


def test_the_same_word_after_a_place_preposition_stays_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = SPOKESMAN + " Protesters also marched in Mogwase on Tuesday."
    assert "Mogwase" in [p.mention for p in _report(pipeline, text).places]


def test_titled_names_take_the_whole_name_after_the_title() -> None:
    import spacy

    from dateline.geo.models import titled_names

    doc = spacy.blank("en")("Warrant Officer Sipho Khumalo said so, and Mr Dube agreed in Durban.")
    assert titled_names(doc) == {"Sipho", "Khumalo", "Dube"}


def test_an_unknown_township_outside_a_town_is_kept_at_that_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the unknown name was read as a look-alike town 170 km away, at precision 1
    report = _report(pipeline, "Protesters in Mzamomhle outside Zeerust burned tyres on Monday, police said.")
    place = next(p for p in report.places if p.mention == "Mzamomhle")
    assert (place.name, place.geo_precision) == ("Zeerust", 2)
    assert [(e.location, e.geo_precision) for e in report.events] == [("Zeerust", 2)]


def test_a_village_under_a_towns_police_station_is_kept_at_that_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Indian police and wire copy place a village by the police station it comes under, a town of the district:
    # that town, not the district's seat 35 km away, is the point (fails before: the village kept at Koppal)
    report = _report(pipeline, "On Sunday, a mob attacked two forest guards at Gondhalli village under Yelbarga police "
                               "station (Koppal, Karnataka).")
    place = next(p for p in report.places if p.mention == "Gondhalli")
    assert (place.name, place.geo_precision) == ("Yelbarga", 2)
    assert [(e.location, e.geo_precision) for e in report.events] == [("Yelbarga", 2)]


def test_the_town_gap_reads_locality_words_and_prepositions() -> None:
    from dateline.geo.resolve import _TOWN_GAP

    for gap in (" township in ", " informal settlement outside ", ", near ", " near the town of ", ", ", " village under "):
        assert _TOWN_GAP.match(gap), gap
    for gap in (" and ", " to ", " after clashes in "):
        assert not _TOWN_GAP.match(gap), gap


def test_a_lower_case_title_starts_a_name_too(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Workers marched through Zeerust on Monday, union chairman Kabelo Mogwase said. The march was peaceful, "
            "said Mogwase.")
    assert "Mogwase" not in [p.mention for p in _report(pipeline, text).places]


def test_a_country_name_with_and_is_one_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "Sao Tome" and "Principe" were two names, the second a Spanish village
    report = _report(pipeline, "Envoys from Sao Tome and Principe met mediators in Pretoria on Monday.")
    place = next(p for p in report.places if p.mention == "Sao Tome and Principe")
    assert place.kind == "country" and place.country == "Sao Tome and Principe"
    assert "Principe" not in [p.mention for p in report.places]


def test_a_township_whose_only_namesake_lies_far_from_the_city_it_is_written_by_takes_that_city(  # type: ignore[no-untyped-def]
        pipeline) -> None:
    # the index's only Mamelodi is a village of Mpumalanga, some 300 km from Pretoria
    [event] = events_of(pipeline, "Protesters in Mamelodi township east of Pretoria burned tyres on Thursday over water "
                                  "shortages.")
    assert (event.location, event.admin1, event.geo_precision) == ("Pretoria", "Gauteng", 2)


def test_a_settlement_named_after_a_street_near_a_city_is_near_that_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    [event] = events_of(pipeline, "Residents of the Kennedy Road informal settlement near Durban marched to the municipal "
                                  "offices on Monday to demand housing.")
    assert (event.location, event.geo_precision) == ("Durban", 2)


def test_a_town_placed_by_a_far_city_without_a_locality_word_keeps_its_own_point(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Samarra lies some 110 km north of Baghdad: wire copy places towns by the capital, whatever the distance
    [event] = events_of(pipeline, "A car bomb exploded in Samarra, north of Baghdad, on Friday, killing four people.")
    assert (event.location, event.geo_precision) == ("Samarra’", 1)


def test_a_village_written_with_its_district_is_near_the_district_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "<village> (District, State)", "a village in <district town>": the event is in a village of the district,
    # not in the town itself (precision 2); "the village of <town>" names the place itself
    for text, precision in (("Gunmen raided Dogon Gawo village (Giwa, Kaduna) on Saturday, killing three herders.", 2),
                            ("Gunmen raided a village in Giwa on Saturday, killing three herders.", 2),
                            ("Gunmen raided the village of Giwa on Saturday, killing three herders.", 1)):
        (event,) = events_of(pipeline, text)
        assert (event.location, event.geo_precision) == ("Giwa", precision), (text, event.location, event.geo_precision)
