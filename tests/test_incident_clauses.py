"""Two incidents told in one sentence are two events; one incident told from both sides stays one (codebook: an
event is one incident at its own place and time). Sentences written for these tests."""

from __future__ import annotations


def _events(pipeline, text: str) -> list[tuple[str | None, str | None, int | None]]:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(text, published="2021-06-09")
    return [(e.sub_event_type, e.location, e.fatalities) for e in report.events]


def test_two_incidents_in_two_places_told_in_one_sentence_are_two_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen killed three herders near Gao on Monday and an air strike killed six fighters near Kidal "
            "on Tuesday, officials said.")
    assert sorted(_events(pipeline, text), key=lambda e: str(e[1])) == [
        ("Attack", "Gao", 3), ("Air/drone strike", "Kidal", 6)]


def test_one_incident_told_from_both_sides_stays_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Police fired tear gas and protesters threw stones in Nairobi on Monday.")
    assert len(events) == 1 and events[0][1] == "Nairobi"
