"""The document-level predicate `reports_event`: does a report tell of a contentious event that happened?"""

from __future__ import annotations

from dateline.extraction.events import reports_event
from dateline.model import Event, Report, Span
from dateline.pipeline import Pipeline

PUBLISHED = "2021-05-10"


def _event(event_type: str, kept: bool, start: int) -> Event:
    return Event(id="E1", event_type=event_type, sub_event_type=None, flags=[] if kept else ["needs_review"],
                 mentions=[Span(start=start, end=start + 5, text="x" * 5)])


class _Report:  # reports_event reads only `.events`
    def __init__(self, events: list[Event]) -> None:
        self.events = events


def test_protest_anywhere_counts() -> None:
    assert reports_event(_Report([_event("Protests", True, 3000)]))


def test_protest_left_for_review_does_not_count() -> None:
    assert not reports_event(_Report([_event("Protests", False, 10)]))


def test_violence_counts_only_in_the_lead() -> None:
    assert reports_event(_Report([_event("Explosions/Remote violence", True, 20)]))
    assert not reports_event(_Report([_event("Explosions/Remote violence", True, 2000)]))


def test_strategic_developments_alone_do_not_count() -> None:
    assert not reports_event(_Report([_event("Strategic developments", True, 0)]))


def test_real_reports(pipeline: Pipeline) -> None:
    protest = pipeline.extract_text("Hundreds of nurses marched through Durban on Monday to demand higher pay.",
                                    publisher="Test Wire", published=PUBLISHED)
    plan = pipeline.extract_text("The union said its members will march through Durban next week.",
                                 publisher="Test Wire", published=PUBLISHED)
    assert isinstance(protest, Report) and reports_event(protest)
    assert not reports_event(plan)
