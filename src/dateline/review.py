"""What "needs review" means under a cut: one rule for every reader of events (the store's filters and exports,
the API, `dateline extract`).

The decision (extraction/decide.py) flags `needs_review` at the shipped model's cut when it codes an article. A
reader may use another cut (`--min-confidence`, DATELINE_MIN_CONFIDENCE) and a reviewer may have decided since, so
each reader judges the flag again here rather than trusting the one recorded at extraction. Kept free of the NLP
stack and the database so any reader can import it cheaply.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.model import Report

NEEDS_REVIEW = "needs_review"
PLACE_AMBIGUOUS = "place_ambiguous"  # the event's town has namesakes in two countries and the text decides neither
SUMS_INCIDENTS = "sums_incidents"  # a lead that sums incidents the report tells one by one (extraction/events.py)
# The decision sends an event with one of these beside `needs_review` to review whatever its probability: a place
# the text does not decide is a reviewer's to choose, and a summed lead's dead would be counted again.
FORCED_REVIEW = (PLACE_AMBIGUOUS, SUMS_INCIDENTS)


def forced_review(flags: Sequence[str]) -> bool:
    """Whether the decision sent the event to review whatever its probability (`FORCED_REVIEW`)."""
    return NEEDS_REVIEW in flags and any(flag in flags for flag in FORCED_REVIEW)


def review_flags(flags: Sequence[str], confidence: float, review_status: str, cut: float) -> list[str]:
    """The flags a reader sees: `needs_review` exactly when the event waits for a reviewer under the cut in force
    (or whatever the cut, `forced_review`).

    The stored flag records the cut at extraction; once a reviewer decided, or under another cut (the user's
    DATELINE_MIN_CONFIDENCE, a newer model), it would tell an export's reader the opposite of what the store's
    filters (`kept_clause`) and the review queue do with the event."""
    shown = [flag for flag in flags if flag != NEEDS_REVIEW]
    if review_status == "pending" and (confidence < cut or forced_review(flags)):
        shown.append(NEEDS_REVIEW)
    return shown


def report_at_cut(report: Report, cut: float) -> Report:
    """The report as a reader at `cut` sees it (nobody has reviewed a report that was never stored)."""
    events = [event.model_copy(update={"flags": review_flags(event.flags, event.confidence, "pending", cut)})
              for event in report.events]
    return report.model_copy(update={"events": events})
