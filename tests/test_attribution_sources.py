"""Who reports an event is not who took part in it: the subject of a reporting verb that follows the report
(", police said") and the object of "according to" are no actors, and do not make a private crime political.
Sentences of our own."""

from __future__ import annotations

from tests.conftest import only_event


def test_the_police_who_report_a_killing_are_not_its_perpetrators(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "Gunmen killed three villagers in Zamfara on Friday, police said.")
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"


def test_the_army_that_reports_a_blast_is_not_its_author(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "Two soldiers were killed by a roadside bomb in Kidal on Monday, according to the army.")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Mali)", "Military Forces of Mali")


def test_a_speaker_before_the_report_may_be_its_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "Police said they arrested five protesters in Harare on Monday.")
    assert event.actor2 == "Police Forces of Zimbabwe"


def test_a_rape_the_police_report_is_a_private_crime(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("A 79-year-old woman was raped in her home in Port Elizabeth on Tuesday, police said.",
                                   published="2021-05-12")
    assert [e.sub_event_type for e in report.events] == []
