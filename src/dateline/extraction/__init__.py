"""The extract stage: from an annotated Doc to a plain `Report`.

Each module turns one kind of annotation into model objects; this function only wires them together, in the
order their inputs require: places and dates first, then quotes, then events and statements (which use all
three; the learned decision then weighs each event, an act told of several listed places becomes an event at
each, and a group's claim of responsibility names an attack's unidentified attacker), then claims (who asserts each event, quote and statement), then the source profile.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extraction import claimants, listed_places
from dateline.extraction import claims as claims_mod
from dateline.extraction import context as context_mod
from dateline.extraction import dates as dates_mod
from dateline.extraction import decide as decide_mod
from dateline.extraction import events as events_mod
from dateline.extraction import quotes as quotes_mod
from dateline.extraction import source as source_mod
from dateline.extraction import statements as statements_mod
from dateline.geo import resolve as geo_resolve
from dateline.model import Article, Report
from dateline.resources import Resources
from dateline.version import PIPELINE_VERSION


def build_report(article: Article, doc: Doc, resources: Resources, decide: bool = True) -> Report:
    """Everything dateline reads in one article. `decide=False` leaves the learned decision out while the rules
    still only propose, one event per act (how the decision model's training rows are made)."""
    places = geo_resolve.places_from_doc(article, doc, resources)
    dates = dates_mod.dates_from_doc(article, doc, resources)
    quotes = quotes_mod.quotes_from_doc(article, doc, resources)
    events, rejected = events_mod.extract_events(article, doc, resources, places, dates, quotes)
    events, rejected = context_mod.drop_unsupported(doc, events, rejected, soft=resources.settings.event_model)
    if resources.settings.event_model and decide:
        events = decide_mod.decide_events(article, doc, events, quotes, dates, resources.codebook)
        events, rejected = decide_mod.settle_vetoes(events, rejected)
    if decide:  # (the decision's training rows are the acts as proposed, one per act)
        events = listed_places.one_event_per_listed_place(events, places, doc, article, resources.codebook)
        claimants.name_claimants(events, rejected, doc, resources.codebook)
    events_mod.name_crowds_by_conduct(events, resources.codebook)  # (after a fold or the decision set the sub-type)
    statements = statements_mod.extract_statements(article, doc, resources, places, dates, quotes)
    claims = claims_mod.attribute(article, doc, events, quotes, statements)
    profile = source_mod.profile_source(article, doc, claims)
    return Report(
        pipeline_version=PIPELINE_VERSION,
        article=article,
        events=events,
        rejected=rejected,
        places=places,
        dates=dates,
        quotes=quotes,
        statements=statements,
        claims=claims,
        source_profile=profile,
        warnings=_warnings(article),
    )


def _warnings(article: Article) -> list[str]:
    """What a reviewer should know before trusting the report's text, dates and places."""
    warnings = list(article.ingest_warnings)
    if article.date_conflict:
        signals = ", ".join(f"{s.source} {s.value.isoformat()}" for s in article.published_signals)
        warnings.append(f"publication-date signals disagree ({signals}); using {article.published}")
    if article.published is None:
        warnings.append("no publication date: relative dates (weekdays, 'yesterday') cannot be resolved; "
                        "pass --published YYYY-MM-DD")
    return warnings
