"""Conflict context: an event needs words of political violence or protest around it, not just a trigger.

Many trigger words have an everyday sense that is no event at all: a party "fights" a seat, a film is
"attacked" by critics, the dollar "rallies", a minister "demonstrates" competence, a team is "beaten", a
company "agreed a deal", a game "shot to the top of the charts". The codebook records political violence,
demonstrations and strategic developments between political actors, so an event whose trigger is one of these
ambiguous words is kept only when its sentence also names something of that world — a weapon, a casualty,
an armed, security or protest actor, a protest, a ceasefire — other than the trigger itself. Unambiguous
triggers ("airstrike", "protesters marched", "IED") need no such support.

This runs after event detection, on every event, and moves the unsupported ones to `rejected` with reason
`no_event`, so a reviewer sees why they were dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.extraction.packaged import Lexicon
from dateline.model import Event, RejectedCandidate
from dateline.nlp.text import doc_text

# The cue lists, with what each is for: data/context_cues.yaml.
_CUES = Lexicon("context_cues.yaml")
AMBIGUOUS_TRIGGERS = _CUES.words("AMBIGUOUS_TRIGGERS")
NON_CONFLICT_MODIFIERS = _CUES.words("NON_CONFLICT_MODIFIERS")
CONTEXT_LEMMAS = _CUES.words("CONTEXT_LEMMAS")
PERSON_NOUNS = _CUES.words("PERSON_NOUNS")
PROPERTY_NOUNS = _CUES.words("PROPERTY_NOUNS")
HARM_TRIGGERS = _CUES.words("HARM_TRIGGERS")
THROWING_VERBS = _CUES.words("THROWING_VERBS")
TARGET_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
# "demonstrate" without an object or a clause is the protest sense ("workers demonstrated outside the
# ministry"); with one it means to show ("demonstrated that it works", "demonstrate competence").
SHOW_SENSE_DEPS = frozenset({"dobj", "ccomp", "xcomp", "obj"})


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    trigger = event.evidence.get("sub_event_type") or event.evidence.get("event_type")
    if trigger is None:
        return None
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _sense_is_settled(token: Token) -> bool:
    """The parse alone settles the conflict sense: a protest 'demonstrate', or harm done to a person."""
    lemma = token.lemma_.lower()
    if lemma == "demonstrate":
        return not any(child.dep_ in SHOW_SENSE_DEPS for child in token.children)
    if lemma in HELD_GATHERINGS:
        # "rallies were held in Rosario and Cordoba", "peaceful marches": gatherings held are demonstrations, not
        # markets' (the lemmatizer reads "staged" as "stag", so the word is checked too)
        held = token.pos_ == "NOUN" and token.dep_ == "nsubjpass" and (
            token.head.lemma_.lower() in HOLDING_VERBS or token.head.lower_ in HOLDING_VERB_FORMS)
        if held or any(c.lower_ in PEACEFUL_WORDS for c in token.children):
            return True
    if token.pos_ == "NOUN" and token.head.lemma_.lower() in THROWING_VERBS:
        return True  # "a petrol bomb was thrown at a house": a device thrown is a device used
    if lemma in HARM_TRIGGERS:
        if any(child.dep_ in TARGET_DEPS and child.pos_ == "NOUN"
               and child.lemma_.lower() in PERSON_NOUNS | PROPERTY_NOUNS for child in _with_conjuncts(token)):
            return True
        return _passive_person_before(token)
    return False


def _passive_person_before(token: Token) -> bool:
    """A passive harm verb whose subject is a person ("two taxi drivers were shot", "a man accused of theft
    was beaten"), found as the nouns just before the verb when the parse did not attach them as its subject."""
    if not any(child.dep_ == "auxpass" for child in token.children):
        return False
    for tok in reversed(token.doc[max(token.sent.start, token.i - 6):token.i]):
        if tok.pos_ in {"VERB", "PUNCT"} and tok.lower_ not in {"-"}:
            break
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in PERSON_NOUNS:
            return True
    return False


PROTEST_SENSE_TRIGGERS = _CUES.words("PROTEST_SENSE_TRIGGERS")
HELD_GATHERINGS = _CUES.words("HELD_GATHERINGS")
HOLDING_VERBS = _CUES.words("HOLDING_VERBS")
HOLDING_VERB_FORMS = _CUES.words("HOLDING_VERB_FORMS")
PEACEFUL_WORDS = _CUES.words("PEACEFUL_WORDS")
STATED_DEMAND = _CUES.regex("STATED_DEMAND")
GRIEVING_MARCHERS = _CUES.regex("GRIEVING_MARCHERS")
PROTEST_FORMS = _CUES.regex("PROTEST_FORMS")
ROAD_BLOCKED_IN_DISPUTE = _CUES.regex("ROAD_BLOCKED_IN_DISPUTE")
LABOUR = _CUES.regex("LABOUR")
# a strike told by its course or its workplace ("the strike entered its third day"), with no worker named: the
# sub-type rules' cue, so the two readings of a labour strike agree
STRIKE_UNDER_WAY = Lexicon("rule_cues.yaml").regex("STRIKE_UNDER_WAY")
HARM_LEMMAS = _CUES.words("HARM_LEMMAS")
AIRCRAFT_TRIGGERS = _CUES.words("AIRCRAFT_TRIGGERS")
AIR_ATTACK_LEMMAS = _CUES.words("AIR_ATTACK_LEMMAS")


def _with_conjuncts(token: Token) -> list[Token]:
    """The trigger's children, and those of the verb it is coordinated with ("attacked and burned X")."""
    heads = [token, *token.conjuncts]
    return [child for head in heads for child in head.children]


def _lemmas(doc: Doc, start: int, end: int) -> set[str]:
    """Lemmas and lower-cased words: the small model leaves some plurals unlemmatised ("militiamen")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    words = {tok.lemma_.lower() for tok in span} | {tok.lower_ for tok in span}
    return words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3}


def _next_sentence(doc: Doc, end: int) -> tuple[int, int] | None:
    """The sentence after the one ending at `end`, in the same paragraph (no blank line between)."""
    for sent in doc.sents:
        if sent.start_char >= end:
            if "\n\n" in doc_text(doc)[end:sent.start_char]:
                return None
            return sent.start_char, sent.end_char
    return None


def has_conflict_context(doc: Doc, event: Event) -> bool:
    """True when the event's trigger is unambiguous or one of its passages names the conflict world."""
    token = _trigger_token(doc, event)
    trigger = token.lemma_.lower() if token is not None else None
    if token is not None and any(child.dep_ in {"compound", "amod"} and child.lemma_.lower()
                                 in NON_CONFLICT_MODIFIERS for child in token.children):
        return False
    if trigger in AIRCRAFT_TRIGGERS:
        return any(_lemmas(doc, m.start, m.end) & AIR_ATTACK_LEMMAS for m in event.mentions)
    if token is None or trigger not in AMBIGUOUS_TRIGGERS:
        return True
    if event.fatalities or _sense_is_settled(token) or _armed_actor_named(event):
        return True
    for mention in event.mentions:
        if (_lemmas(doc, mention.start, mention.end) - {trigger}) & CONTEXT_LEMMAS:
            return True
        if "tear gas" in mention.text.lower():
            return True
        low = mention.text.lower()
        if trigger in PROTEST_SENSE_TRIGGERS and (STATED_DEMAND.search(low) or GRIEVING_MARCHERS.search(low)):
            return True
        if PROTEST_FORMS.search(low) or ROAD_BLOCKED_IN_DISPUTE.search(low) or (trigger == "strike" and (LABOUR.search(low) or STRIKE_UNDER_WAY.search(low))):
            return True
        following = _next_sentence(doc, mention.end)
        if following is not None and _lemmas(doc, *following) & HARM_LEMMAS:
            return True
    return False


ARMED_INTERS = frozenset({1, 2, 3, 4, 8})  # state forces, rebels, militias, communal militias, external forces


def _armed_actor_named(event: Event) -> bool:
    """The sentence names an armed actor by its own name, which no word list of armed nouns holds: a named group
    ("the RSF attacked El Fasher"), a state force by its common name, or a state acting ("Israel struck …").
    A government as such is no armed actor ("the government fought the bill")."""
    return any(a.evidence is not None and a.inter in ARMED_INTERS and not a.name.startswith("Government of")
               for a in event.actors)


def _aircraft_alone(doc: Doc, event: Event) -> bool:
    """The trigger is an aircraft with no attack or harm in its sentence ("a body pulled from the helicopter's
    wreckage"): a vehicle is no act, so there is nothing for the learned decision to weigh, and no probability
    may turn it into an air strike."""
    token = _trigger_token(doc, event)
    return token is not None and token.lemma_.lower() in AIRCRAFT_TRIGGERS


def drop_unsupported(doc: Doc, events: list[Event], rejected: list[RejectedCandidate], soft: bool = False
                     ) -> tuple[list[Event], list[RejectedCandidate]]:
    """Events with conflict context, and the rest as rejected candidates that say why. `soft` (the learned
    decision is on): the rest are also kept as events, flagged `rule_rejected:no_context`, for the model to
    weigh (`decide.settle_vetoes` keeps one of the two)."""
    kept: list[Event] = []
    for event in events:
        if has_conflict_context(doc, event):
            kept.append(event)
            continue
        mention = event.mentions[0] if event.mentions else event.evidence.get("sub_event_type")
        if mention is not None:
            rejected.append(RejectedCandidate(
                span=mention, trigger=(event.evidence.get("sub_event_type") or mention).text, reason="no_event",
                detail="ambiguous trigger with no weapon, casualty, armed, security or protest actor in its sentence",
                sub_event_type=event.sub_event_type))
        if soft and not _aircraft_alone(doc, event):
            event.flags.append("rule_rejected:no_context")
            kept.append(event)
    for number, event in enumerate(kept, start=1):
        event.id = f"E{number}"
    return kept, rejected
