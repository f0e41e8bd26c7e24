"""A report with no publication date still dates what its text dates: a later paragraph goes on with the
incident's day, and a retelling that gives the day gives it to the incident. The opening paragraph is long
and dateless so that no day in it is read as the publication date."""

from __future__ import annotations

from tests.conftest import events_of

OPENING = ("Villagers in Benue state have buried their dead after one of the deadliest attacks on farming "
           "communities this year, and many families have fled to camps around Makurdi, where aid groups say food "
           "and shelter are running short and the state government has promised help that has yet to arrive.\n\n")


def _undated(pipeline, text: str):  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(text, published=None)
    assert report.article.published is None
    return report.events


def test_a_later_paragraph_of_an_undated_report_goes_on_with_the_incidents_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the burning had no date at all (the carry-over needed a publication date to measure "recent" by)
    events = _undated(pipeline, OPENING + "Gunmen killed five farmers in a village near Makurdi on 12 March 2024, "
                      "police said.\n\nThe attackers also burned houses and a church in the village.")
    # (the houses the attackers burned are part of the killing: one attack, whose day the burning shares)
    [burning] = [e for e in events if any(m.text.startswith("The attackers also burned") for m in e.mentions)]
    assert str(burning.event_date) == "2024-03-12"


def test_a_dated_retelling_dates_the_incident_of_an_undated_report(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the lead and its retelling were one event, with no date, though the retelling gives the day
    events = _undated(pipeline, OPENING + "Gunmen killed five farmers in a village near Makurdi, police said.\n\n"
                      "The gunmen shot the farmers in their fields on the morning of 12 March 2024, a police "
                      "spokesman said.")
    [attack] = [e for e in events if e.sub_event_type == "Attack"]
    assert (str(attack.event_date), attack.time_precision) == ("2024-03-12", 1)


def test_the_same_report_with_a_date_gives_the_same_days(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = events_of(pipeline, OPENING + "Gunmen killed five farmers in a village near Makurdi, police said.\n\n"
                       "The gunmen shot the farmers in their fields on the morning of 12 March 2024, a police "
                       "spokesman said.")
    [attack] = [e for e in events if e.sub_event_type == "Attack"]
    assert (str(attack.event_date), attack.time_precision) == ("2024-03-12", 1)
