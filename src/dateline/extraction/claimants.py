"""The group that claims an attack is its perpetrator.

Wire copy tells an attack first with an unnamed attacker ("suspected jihadists killed eight soldiers") and the
claim later ("JNIM claimed responsibility for the attack"). The claim itself is a statement, not an event (the
rules reject it as one, `classify.not_an_event_reason`), but the codebook codes the claimant as the act's first
actor: it is who the reports name. So a claim of responsibility by a named armed group gives that group to the
nearest violent event told before it whose first actor is still unidentified. A denial names no one.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.codebook import Codebook
from dateline.extraction import actors as actors_mod
from dateline.extraction.actor_phrases import actor_mentions
from dateline.extraction.notes import make_note
from dateline.model import Actor, Event, RejectedCandidate, Span
from dateline.review import NEEDS_REVIEW
from dateline.yaml_files import packaged_pattern

CLAIM_DETAIL = "a claim or denial of responsibility"
_DENIAL = re.compile(packaged_pattern("quote_cues.yaml", "responsibility_denial"), re.IGNORECASE)
# A claim nobody made ("No group claimed responsibility, but X has carried out similar attacks", "there was no
# immediate claim"): a suspicion or a track record names no perpetrator (codebook 7).
_NO_CLAIM = re.compile(packaged_pattern("quote_cues.yaml", "no_claim"), re.IGNORECASE)
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_UNIDENTIFIED = "Unidentified Armed Group"


def name_claimants(events: list[Event], rejected: list[RejectedCandidate], doc: Doc, book: Codebook) -> None:
    """Give each claim of responsibility's group to the violent event it claims (in place)."""
    for claim in rejected:
        if not (claim.detail or "").startswith(CLAIM_DETAIL) or _DENIAL.search(claim.span.text) or \
                _NO_CLAIM.search(claim.span.text):
            continue
        group = _claimant(claim.span, doc, book)
        event = _claimed_event(events, claim.span)
        if group is not None and event is not None:
            _set_perpetrator(event, group, book)


def _claimant(span: Span, doc: Doc, book: Codebook) -> actors_mod.ActorMention | None:
    """The named non-state group of the claim's sentence, its subject first."""
    sent = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sent is None:
        return None
    groups = [(m, role) for m, role in actor_mentions(sent, book)
              if m.kind == "group" and m.group is not None and not m.group.get("state")]
    groups.sort(key=lambda x: x[1] != "agent")
    return groups[0][0] if groups else None


def _claimed_event(events: list[Event], claim: Span) -> Event | None:
    """The last violent event told before the claim whose first actor nobody has named: among those at a place the
    claim names, if any; among the kept events first (a claim is made for the attack the report tells as news,
    not for one it leaves for review)."""
    told_before = [e for e in events if e.mentions and e.mentions[0].start < claim.start
                   and e.event_type in _VIOLENT and (e.actor1 or "").startswith(_UNIDENTIFIED)]
    named = [e for e in told_before if _names_its_place(e, claim.text)]
    if named:
        # "JNIM claimed responsibility for the Gorom-Gorom attack": the attack at the place the claim names
        told_before = named
    kept = [e for e in told_before if NEEDS_REVIEW not in e.flags]
    return max(kept or told_before, key=lambda e: e.mentions[0].start, default=None)


def _names_its_place(event: Event, text: str) -> bool:
    where = event.evidence.get("location")
    return any(name and name in text for name in (event.location, where.text if where is not None else None))


def _set_perpetrator(event: Event, group: actors_mod.ActorMention, book: Codebook) -> None:
    iso3 = book.iso3(event.country) if event.country else None
    name, inter = actors_mod.actor_name(group, iso3, book)
    if name == event.actor2:
        return
    event.actor1, event.inter1 = name, inter
    event.interaction = book.interaction(event.inter1, event.inter2)
    first = Actor(name=name, inter=inter, inter_label=book.inter_label(inter), country=event.country,
                  evidence=Span(start=group.start, end=group.end, text=group.text))
    event.actors = [first, *event.actors[1:]]
    event.evidence["actor1"] = first.evidence  # type: ignore[assignment]
    event.flags = [*event.flags, "actor1_by_claim"]
    event.notes = make_note(event, None)
