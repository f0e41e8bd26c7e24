"""The extract stage: from an annotated Doc to a plain `Report`.

Each module turns one kind of annotation into model objects; this function only wires them together, in the
order their inputs require (places and dates before events, events and quotes before claims).
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Report
from dateline.resources import Resources
from dateline.version import PIPELINE_VERSION


def build_report(article: Article, doc: Doc, resources: Resources) -> Report:
    from dateline.extract import events as events_mod

    events, rejected, places, dates = events_mod.extract_events(article, doc, resources)
    return Report(
        pipeline_version=PIPELINE_VERSION,
        article=article,
        events=events,
        rejected=rejected,
        places=places,
        dates=dates,
    )
