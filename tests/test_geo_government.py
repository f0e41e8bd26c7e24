"""Names that are no place here: a town standing for its government ("Tehran's forces", "Moscow's allies"), a surname
listed with other persons; a possessive of a place noun ("Kabul's airport") stays a place. Sentences of our own."""

from __future__ import annotations


def test_a_capitals_forces_are_its_government_not_the_events_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("Israel has carried out several strikes on Tehran's forces in Syria this year. "
                                   "On Tuesday, state television said anti-aircraft units had shot down three Israeli missiles.",
                                   published="2021-05-12")
    # (the year's strikes are an aggregate, left for review; the missiles downed on Tuesday are the event)
    (event,) = [e for e in report.events if "needs_review" not in e.flags]
    assert event.country == "Syria"
    assert event.location != "Tehran"


def test_a_possessive_of_a_place_noun_stays_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = pipeline.extract_text("Gunmen attacked Kabul's airport on Monday, killing two guards.",
                                     published="2021-05-12").events
    assert event.location == "Kabul"


def test_a_local_government_area_is_the_place_it_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = pipeline.extract_text("Bandits killed nine farmers in three hamlets of Maru local government area in "
                                     "Zamfara State on Thursday.", published="2021-05-12").events
    assert event.location == "Maru"


def test_a_surname_listed_with_other_persons_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("Army commander Ahmed Karimi was dismissed on Monday. On Tuesday crowds in "
                                   "Basra burned images of Hassan Rouhani, Ali Larijani and Karimi.",
                                   published="2021-05-12")
    assert [p.mention for p in report.places if p.mention == "Karimi"] == []
    assert {e.location for e in report.events} == {"Basrah"}
