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


def test_two_acts_of_one_subject_in_two_places_are_two_events_that_share_actor_and_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the second verb shared the subject, so the sentence stayed one event (an abduction with the first
    # act's dead, at the first place)
    report = pipeline.extract_text("Boko Haram fighters killed four soldiers in Gwoza and abducted 12 farmers in "
                                   "Bama on Sunday.", published="2021-06-09")
    found = sorted((e.sub_event_type, e.location, e.fatalities, e.actor1, str(e.event_date)) for e in report.events)
    boko = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    assert found == [("Abduction/forced disappearance", "Bama", None, boko, "2021-06-06"),
                     ("Armed clash", "Gwoza", 4, boko, "2021-06-06")]


def test_two_acts_of_one_subject_at_one_place_stay_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert len(_events(pipeline, "Gunmen stormed the village, killed five residents and burned houses in "
                                 "Zamfara on Sunday.")) == 1


def _dated(pipeline, text: str) -> list[tuple[str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(text, published="2021-06-09")
    return sorted((e.sub_event_type, e.location, str(e.event_date)) for e in report.events)


def test_two_incidents_joined_by_while_are_two_events_each_with_its_place_and_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the "while" clause was read as the main act's circumstance, one strike coded with the rebels as doer
    text = ("A drone strike killed four fighters near Maarat al-Numan on Saturday, while rebels shelled "
            "a village near Hama on Sunday.")
    found = _dated(pipeline, text)
    assert [(sub, day) for sub, _, day in found] == [
        ("Air/drone strike", "2021-06-05"), ("Shelling/artillery/missile attack", "2021-06-06")]
    strike = next(e for e in pipeline.extract_text(text, published="2021-06-09").events
                  if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 != "Opposition Rebels (Syria)"


def test_two_incidents_parted_by_a_semicolon_are_two_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A landmine killed three soldiers near Menaka on Monday; gunmen shot dead a trader in Gao on Tuesday."
    assert _dated(pipeline, text) == [("Attack", "Gao", "2021-06-08"),
                                      ("Remote explosive/landmine/IED", "Menaka", "2021-06-07")]


def test_a_while_clause_at_the_same_place_and_time_stays_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _dated(pipeline, "Police fired tear gas in Mombasa on Monday while protesters threw stones at them.")
    assert len(events) == 1
