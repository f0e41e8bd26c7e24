"""Event detection, first pass: sentences with protest, riot or violence triggers, their GPE places and DATE
spans, each with evidence. The events issue replaces this with codebook-driven detection and coding."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, DateMention, Event, Place, Quote, RejectedCandidate, Span
from dateline.resources import Resources

_TRIGGERS = {
    "protest": ("Protests", "Peaceful protest"),
    "demonstration": ("Protests", "Peaceful protest"),
    "demonstrator": ("Protests", "Peaceful protest"),
    "rally": ("Protests", "Peaceful protest"),
    "riot": ("Riots", "Violent demonstration"),
    "storm": ("Riots", "Violent demonstration"),
    "clash": ("Battles", "Armed clash"),
    "kill": ("Violence against civilians", "Attack"),
    "shell": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
}


def extract_events(
    article: Article,
    doc: Doc,
    resources: Resources,
    places: list[Place],
    dates: list[DateMention],
    quotes: list[Quote],
) -> tuple[list[Event], list[RejectedCandidate]]:
    """Every ACLED event the article reports, and the candidates rejected as not-events (with the reason)."""
    text = article.text
    events: list[Event] = []
    for sent in doc.sents:
        hit = next((t for t in sent if t.lemma_.lower() in _TRIGGERS), None)
        if hit is None:
            continue
        event_type, sub_type = _TRIGGERS[hit.lemma_.lower()]
        evidence = {"sub_event_type": Span.of(text, hit.idx, hit.idx + len(hit.text))}
        sent_span = Span.of(text, sent.start_char, sent.end_char)
        place = next((p for p in places if sent.start_char <= p.span.start < sent.end_char), None)
        if place is not None:
            evidence["location"] = place.span
        date = next((d for d in dates if sent.start_char <= d.span.start < sent.end_char), None)
        if date is not None:
            evidence["event_date"] = date.span
        events.append(
            Event(
                id=f"E{len(events) + 1}",
                event_type=event_type,
                sub_event_type=sub_type,
                location=place.mention if place else None,
                event_date=article.published,
                time_precision=3 if article.published else None,
                claimed_by=[article.publisher] if article.publisher else [],
                confidence=0.3,
                evidence=evidence,
                mentions=[sent_span],
            )
        )
    return events, []
