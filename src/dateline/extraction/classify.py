"""Triggers, not-event filters and sub-type classification by the ACLED codebook.

Works on one spaCy sentence at a time: triggers are words (lemmas) and multi-word cues that name a kind of
event; the dependency path from a trigger up to the root says whether the event happened (not negated, not
called for, not threatened, not a statement about it); cues anywhere in the sentence (instrument, victims,
who acts) decide the sub-type. Each rule is a codebook principle; docs/codebook.md lists them with examples.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.codebook import load_codebook
from dateline.extraction import actors as actors_mod
from dateline.extraction import fatalities as fatalities_mod
from dateline.extraction.packaged import Lexicon, any_of
from dateline.nlp.text import doc_text, kept_with, span_ents, span_text, string_listed
from dateline.yaml_files import load_yaml

# ---------------------------------------------------------------------------------------------------------
# Trigger lexicon: lemma → family (families map to sub-types in `classify_sentence`), read from data.
# Read once at import: the rules below compile regular expressions from it at import time too.


@functools.cache
def _trigger_table() -> dict[str, Any]:
    raw = importlib_resources.files("dateline").joinpath("data/triggers.yaml").read_text(encoding="utf-8")
    table: dict[str, Any] = load_yaml(raw)
    return table


def _trigger_lexicon() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The trigger lexicon (data/triggers.yaml): lemma -> family, and (phrase pattern, family) in order."""
    table = _trigger_table()
    lemmas = {word: family for family, words in table["lemmas"].items() for word in words}
    return lemmas, [(entry["pattern"], entry["family"]) for entry in table["phrases"]]


# Single words by lemma → event family, and multi-word cues (lower-cased text) → family.
TRIGGER_LEMMAS, TRIGGER_PHRASES = _trigger_lexicon()
# "A third officer died later", "Another protester died": a death counted on from an incident's toll, told with no
# doer (the phrases marked `later_death`); the events stage folds it into the incident told before
# (events._only_died_of_wounds)
LATER_DEATH = re.compile("|".join(e["pattern"] for e in _trigger_table()["phrases"] if e.get("later_death")),
                         re.IGNORECASE)
# compiled once: find_triggers runs them over every sentence of every article
_TRIGGER_PATTERNS = [(re.compile(pattern), family) for pattern, family in TRIGGER_PHRASES]


# find_triggers scans every sentence of every article, and only a few in a hundred hold a multi-word trigger
_ANY_TRIGGER_PHRASE = any_of([pattern for pattern, _ in TRIGGER_PHRASES])


def _phrase(family: str) -> str:
    """The multi-word trigger pattern of a family, reused as a sentence cue."""
    return "|".join(p for p, f in TRIGGER_PHRASES if f == family)


# Explosive devices named as such (roadside bombs, IEDs, landmines, booby traps): the device family's phrases, not
# a bare "mine", which may be a place of work.
DEVICE_NAMED = re.compile(_phrase("ied"))


class _RuleLexicon(Lexicon):
    """The sub-type rules' cue lists and patterns (data/rule_cues.yaml), by the names the rules use; a
    `regexes` entry may borrow a family's trigger phrases, so the two agree."""

    def regex_map(self, name: str) -> dict[str, re.Pattern[str]]:
        return {key: re.compile(self._cue(p)) for key, p in self.entry(name)["regexes"].items()}  # type: ignore[attr-defined]

    @staticmethod
    def _cue(value: object) -> str:
        """A pattern, or {trigger_phrases: FAMILY, or: PATTERN}: the family's trigger phrases, so the two agree."""
        if isinstance(value, dict):
            return "|".join([_phrase(str(value["trigger_phrases"])), *([str(value["or"])] if "or" in value else [])])
        return str(value)


_LEXICON = _RuleLexicon("rule_cues.yaml")


# Goods, property and vehicles seized (codebook: Looting/property destruction covers seizing goods or property).
SEIZED_GOODS = _LEXICON.pattern("SEIZED_GOODS")


# Cues that decide sub-types (lower-cased text patterns).
CUE = _LEXICON.regex_map("CUE")
# Victim words that make an attack one on civilians (Violence against civilians) rather than a battle.
CIVILIAN_WORDS = _LEXICON.regex("CIVILIAN_WORDS")
ATTRIBUTION_TAIL = _LEXICON.regex("ATTRIBUTION_TAIL")
ARMED_WORDS = _LEXICON.regex("ARMED_WORDS")

# Words on the path from a trigger to the root that make it a not-event.
CALL_LEMMAS = set(_LEXICON.words("CALL_LEMMAS"))
PLAN_LEMMAS = set(_LEXICON.words("PLAN_LEMMAS"))
HELD_LEMMAS = frozenset(_LEXICON.words("HELD_LEMMAS"))
THREAT_LEMMAS = set(_LEXICON.words("THREAT_LEMMAS"))
CONTINUING_LEMMAS = set(_LEXICON.words("CONTINUING_LEMMAS"))
CASUALTY_LEMMAS = set(_LEXICON.words("CASUALTY_LEMMAS"))
STATEMENT_LEMMAS = set(_LEXICON.words("STATEMENT_LEMMAS"))
HYPO_NOUNS = set(_LEXICON.words("HYPO_NOUNS"))
NOT_YET_MODIFIERS = set(_LEXICON.words("NOT_YET_MODIFIERS"))
CANCEL_LEMMAS = set(_LEXICON.words("CANCEL_LEMMAS"))
CONDITION_MARKS = set(_LEXICON.words("CONDITION_MARKS"))
CONTRAST_MARKS = set(_LEXICON.words("CONTRAST_MARKS"))
TOLL_UPDATE = _LEXICON.regex("TOLL_UPDATE")
DISTINCT_INCIDENT = _LEXICON.regex("DISTINCT_INCIDENT")
MULTI_INCIDENT = _LEXICON.regex("MULTI_INCIDENT")
REPORT_LEMMAS = set(_LEXICON.words("REPORT_LEMMAS"))
RETALIATION_NOUNS = set(_LEXICON.words("RETALIATION_NOUNS"))
RETALIATION_VERBS = set(_LEXICON.words("RETALIATION_VERBS"))
FUNERAL = _LEXICON.regex("FUNERAL")
STRUCK_OBJECTS = set(_LEXICON.words("STRUCK_OBJECTS"))
STRIKE_UNDER_WAY = _LEXICON.regex("STRIKE_UNDER_WAY")
CROWD_FIGHT_LEMMAS = set(_LEXICON.words("CROWD_FIGHT_LEMMAS"))
HISTORY_SPAN = _LEXICON.regex("HISTORY_SPAN")
TIME_SPAN = _LEXICON.regex("TIME_SPAN")
# Feelings and attitudes about demonstrators are not events ("sparked anger amongst the demonstrators").
ATTITUDE_NOUNS = set(_LEXICON.words("ATTITUDE_NOUNS"))
STATEMENT_NOUNS = set(_LEXICON.words("STATEMENT_NOUNS"))
# Inquiries into an act ("an inquiry into the shooting opened", "ordered a probe into the deaths"): the act is one
# told before; the inquiry is no event.
INQUIRY_NOUNS = set(_LEXICON.words("INQUIRY_NOUNS"))
MODALS_FUTURE = set(_LEXICON.words("MODALS_FUTURE"))
MODALS_HYPO = set(_LEXICON.words("MODALS_HYPO"))
HISTORY_CUES = _LEXICON.regex("HISTORY_CUES")
OTHER_TIME_TOLL = _LEXICON.regex("OTHER_TIME_TOLL")


@dataclass
class Trigger:
    start: int
    end: int
    text: str
    family: str
    token_i: int | None = None


@dataclass
class Verdict:
    reason: str | None = None  # a RejectedCandidate reason, or None when the trigger is an event
    detail: str | None = None


@dataclass
class Classification:
    sub_event_type: str
    cues: list[str] = field(default_factory=list)
    confidence: float = 0.6


MINING_NEXT = set(_LEXICON.words("MINING_NEXT"))
MINING_PREV = set(_LEXICON.words("MINING_PREV"))
MINE_SITE_VERBS = _LEXICON.words("MINE_SITE_VERBS")
STRIKE_STEPS = set(_LEXICON.words("STRIKE_STEPS"))
# Word lists of single rules (each explained in rule_cues.yaml).
RIOT_FORCE_NOUNS = _LEXICON.words("RIOT_FORCE_NOUNS")
FIGHT_NOUNS = _LEXICON.words("FIGHT_NOUNS")
CALL_NOUNS = _LEXICON.words("CALL_NOUNS")
HISTORY_WORDS = _LEXICON.words("HISTORY_WORDS")
HARM_VERBS = _LEXICON.words("HARM_VERBS")
STATE_DOER_NOUNS = _LEXICON.words("STATE_DOER_NOUNS")
GRIEVANCE_VERBS = _LEXICON.words("GRIEVANCE_VERBS")
NOTE_MODIFIERS = _LEXICON.words("NOTE_MODIFIERS")
NOTE_VERBS = _LEXICON.words("NOTE_VERBS")
FIGURATIVE_FIGHT = _LEXICON.regex("FIGURATIVE_FIGHT")


# Nouns a weapon word can modify without any use of the weapon: treaties, programmes, industries, tests.
WEAPON_NOT_USED = _LEXICON.words("WEAPON_NOT_USED")


DIPLOMATIC_NOUNS = _LEXICON.words("DIPLOMATIC_NOUNS")


# What a mob does: without one of these acts "the mob" is organised crime.
MOB_ACT = _LEXICON.regex("MOB_ACT")
# Governments, states and their envoys "protest" a policy by statement.
DIPLOMATIC_SUBJECTS = _LEXICON.words("DIPLOMATIC_SUBJECTS")


# An agreement named in a phrase of time or frame ("as part of", "following the expiration of", "during the first
# stage of") is background to another event; an agreement reached, signed or holding is the event.
AGREEMENT_FRAME = _LEXICON.regex("AGREEMENT_FRAME")


def _background_agreement(tok: Token) -> bool:
    """The agreement noun sits in a prepositional frame of another clause, not as what happened."""
    before = doc_text(tok.doc)[max(tok.sent.start_char, tok.idx - 80):tok.idx].lower()
    return bool(AGREEMENT_FRAME.search(before))


def _armed_subject(tok: Token) -> bool:
    """The subject of the verb (or of the verb it is coordinated with) is an armed or security actor."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(t.lemma_.lower() in ARMED_HEADS or t.lower_ in ARMED_HEADS for t in subjects)


def _has_agent(tok: Token) -> bool:
    """Someone does the verb: an active subject or a passive "by" agent, on it or on the verb it is coordinated
    with ("snipers targeted and wounded two soldiers")."""
    node = tok
    while True:
        if any(c.dep_ in {"nsubj", "agent"} for c in node.children):
            return True
        if node.dep_ != "conj" or node.head.i == node.i:
            return False
        node = node.head


def _opens_paragraph(sent: SpacySpan) -> bool:
    """The sentence is the first of its paragraph (a lead), not one that goes on about an event told before."""
    before = doc_text(sent.doc)[: sent.start_char].rstrip(" \t")
    return not before or before.endswith("\n")


def _diplomatic_subject(tok: Token) -> bool:
    """The subject of a protest verb (or the noun a participle hangs on) is a government or state."""
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if tok.dep_ in {"acl", "advcl", "relcl"}:
        subjects.append(tok.head)
        subjects.extend(c for c in tok.head.children if c.dep_ == "nsubj")
    if tok.tag_ == "VBG" and tok.i >= 2 and tok.doc[tok.i - 1].text == ",":
        subjects.append(tok.doc[tok.i - 2])  # "Western nations, protesting the curbs, ...": the noun before
    return any(t.lemma_.lower() in DIPLOMATIC_SUBJECTS or t.lower_ in DIPLOMATIC_SUBJECTS for t in subjects)


# Verbs of war that name an event only when armed actors do them to a place or a target (codebook sections 10
# and 12): the family each one proposes once its frame is found.
ARMED_FRAMES = {"target": "target", "advance": "advance", "invade": "attack", "counter": "clash", "firing": "fire",
                "retreat": "withdraw", "occupy": "territory"}
# ground entered; "advanced on / to / towards the town" is an approach, which takes nothing
_PLACE_PREPS = {"into", "in", "through", "inside"}


def _speaker_for_pronoun(subject: Token) -> list[Token]:
    """A pronoun subject that reports its own act ("the Israeli military said it struck a depot", "the Houthis said
    they targeted a tanker") read as the speaker (codebook: who reports its own act is its actor); else itself."""
    verb = subject.head
    if subject.lower_ in {"it", "they", "we"} and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORT_LEMMAS:
        speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if speakers:
            return speakers
    return [subject]


def _frame_subjects(tok: Token) -> list[Token]:
    """Who does the verb: its subject or passive "by" agent, else that of the verb its clause hangs on
    ("continued their operations, targeting the positions"); for a noun, its possessor."""
    node = tok
    for _ in range(4):
        found = [p for c in node.children if c.dep_ in {"nsubj", "poss"} for p in _speaker_for_pronoun(c)]
        found += [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if found:
            return found
        if node.dep_ not in {"advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj", "dobj"} or node.head.i == node.i:
            return []
        node = node.head
    return []


def _seized_people(tok: Token) -> bool:
    """The verb's object (or passive subject) is people: civilians, workers, a named person."""
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    # (a name the places component keeps as a town is no person, whatever NER says: "seized Palmyra")
    toponyms = _toponym_tokens(tok.doc)
    return any(o.ent_type_ == "PERSON" and o.i not in toponyms or CIVILIAN_WORDS.fullmatch(o.lower_) is not None
               or CIVILIAN_WORDS.fullmatch(o.lemma_.lower()) is not None for o in objects)


def _named_mine(tok: Token) -> bool:
    """'the Mponeng mine', 'the Porgera mine': a mine with its own name is a place of work, not a landmine (a
    landmine is not named; a nationality before it, 'a Russian mine', names who laid it)."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ != "NORP"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children))


def _toponym_tokens(doc: Doc) -> set[int]:
    """The token indices of the places component's toponyms (`dl_places`)."""
    return {t for span in doc.spans.get("dl_places", ()) for t in range(span.start, span.end)}


def named_place_taken(sent: SpacySpan | None) -> bool:
    """Whether a verb of taking or retaking ground has a named place as its object ("troops retook Sake", "Kutum
    was recaptured"): ground changed hands though no word for ground ("town", "base") is written."""
    # the places component's toponyms: it has weighed the small NER's misreadings ("captured Djibo" → ORG,
    # "retook Palmyra" → PERSON) against the gazetteer and the verb
    toponyms = _toponym_tokens(sent.doc) if sent else set()
    for tok in sent or ():
        family = TRIGGER_LEMMAS.get(tok.lemma_.lower())
        family = ARMED_FRAMES.get(family, family) if family == "occupy" else family  # "rebels occupied Kitchanga"
        # (a verb the tagger calls a noun still has the parse's subject: "The army retook X")
        verb = tok.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in tok.children)
        if not verb or family not in {"regain", "territory", "seize"}:
            continue
        for obj in tok.children:
            if obj.dep_ not in {"dobj", "nsubjpass"} or obj.pos_ != "PROPN" or obj.ent_type_ in {"NORP", "DATE", "TIME"}:
                continue
            if obj.i in toponyms:
                return True  # "rebels seized Hodeidah": a town seized is ground taken, as a town captured is
            # "recaptured Mellit from the RSF": a name taken back from a side is ground, whatever NER calls it
            taken_from = any(c.dep_ == "prep" and c.lower_ == "from" for c in (*tok.children, *obj.children))
            if family != "seize" and (taken_from or obj.ent_type_ not in {"PERSON", "ORG"}):
                return True
    return False


def _is_place(tok: Token) -> bool:
    """A named place or a word for ground that armed actors hold."""
    phrase = " ".join(t.lower_ for t in tok.subtree)
    # (a named place may sit inside the phrase: "the market square of Jisr al-Shughur"; a day is no place)
    named = any((t.ent_type_ in {"GPE", "LOC", "FAC"} or t.pos_ == "PROPN") and t.ent_type_ not in {"DATE", "TIME"}
                for t in tok.subtree)
    return named or bool(TERRITORY_OBJECTS.search(phrase))


def _armed_frame(tok: Token, family: str) -> bool:
    """An armed actor targets, enters, advances into, invades or counterattacks: the frame of an act of war.
    The actor is the verb's subject or agent (or the sentence's armed words, for a noun such as "their advance");
    entering and advancing need a place ("entered the village", "advances into the square")."""
    if tok.pos_ not in {"VERB", "NOUN"} or tok.dep_ in {"compound", "amod"}:
        return False
    if any(a.lemma_.lower() in FRAME_BLOCKED for a in list(tok.ancestors)[:3]):
        return False  # "prevented a patrol from entering the town", "tried to advance": it did not happen
    subjects = _frame_subjects(tok)
    actors = " ".join(" ".join(t.lower_ for t in s.subtree) for s in subjects)
    if tok.pos_ == "NOUN" and all(s.pos_ == "PRON" for s in subjects):
        actors = span_text(tok.sent).lower()  # "their advance": the sentence names who advanced
    elif not subjects:
        actors = " ".join(t.lower_ for t in tok.sent if t.i < tok.i)  # a parse with no subject: the words before
    if not _names_forces(actors):
        return False
    if family == "advance":
        if not _names_forces(POLICE_ONLY.sub(" ", actors)):
            return False  # police entering a stadium or a house make a raid or keep order; they take no ground
        if tok.lemma_.lower() == "enter":  # what was entered, not where ("entered the stadium in Cardiff")
            return any(c.dep_ == "dobj" and _is_place(c) for c in tok.children)
        # "made rapid advances into the square": the light verb carries the place
        holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
        return any(c.dep_ == "prep" and c.lower_ in _PLACE_PREPS and any(g.dep_ == "pobj" and _is_place(g)
                                                                           for g in c.children)
                   for h in holders for c in h.children)
    if family in {"target", "invade"}:
        return tok.pos_ == "VERB"
    if family == "occupy":
        return _ground_occupied(tok, actors)
    if family == "retreat" and tok.lemma_.lower() in PHRASAL_RETREATS:
        return _ground_left(tok)
    return True


def _ground_occupied(verb: Token, actors: str) -> bool:
    """An armed side (not the police) that occupied a place, told as an act in the past ("rebels occupied two
    villages", "the town was occupied by militants", "have occupied the town"): ground taken. The present tells a
    state of affairs ("forces occupy a fifth of the country"), and police occupying a building keep order."""
    if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"} or not _names_forces(POLICE_ONLY.sub(" ", actors)):
        return False
    if verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False  # "the town occupied by rebels": a participle names the ground, it tells no act
    # the ground is the object itself ("the town of X", "two villages", "Kitchanga"), not a place named inside it
    # ("troops occupied the administration building in Goma" took a building, no ground)
    return any(c.dep_ in {"dobj", "nsubjpass"} and (TERRITORY_OBJECTS.fullmatch(c.lower_) or (
        c.pos_ == "PROPN" and c.ent_type_ not in {"DATE", "TIME", "PERSON", "NORP"})) for c in verb.children)


PHRASAL_RETREATS = _LEXICON.words("PHRASAL_RETREATS")
RETREAT_PARTICLES = _LEXICON.words("RETREAT_PARTICLES")


def _ground_left(verb: Token) -> bool:
    """"pulled out of the town", "fell back from their positions": a particle of retreat, then the ground left
    (a place, not a deal or talks: "pulled out of the agreement" is politics)."""
    for particle in verb.children:
        if particle.lower_ not in RETREAT_PARTICLES:
            continue
        for prep in (*particle.children, *verb.children):
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"} and any(
                    g.dep_ == "pobj" and not {g.lemma_.lower(), g.lower_} & DIPLOMATIC_NOUNS and _is_place(g)
                    for g in prep.children):
                return True
    return False


def find_triggers(sent: SpacySpan) -> list[Trigger]:
    """Every word or phrase in the sentence that names a kind of ACLED event."""
    found: list[Trigger] = []
    seen: set[int] = set()
    stext = span_text(sent)
    low = stext.lower()
    base = sent.start_char
    phrases = _TRIGGER_PATTERNS if _ANY_TRIGGER_PHRASE.search(low) else ()  # most sentences have none
    for pattern, family in phrases:
        for m in pattern.finditer(low):
            tok = _token_at(sent, base + m.start())
            if family == "blockade" and _forces_block(tok, low):
                continue  # police or troops closing an entrance or road, with no demonstration named
            if family == "road_block":
                if not _crowd_subject(tok):
                    continue  # a road blocked by a fallen tree, a truck or the police: no crowd demonstrates
                family = "blockade"
            if family == "protest" and _paperwork_handover(m.group(0), tok):
                continue  # an official or a firm presenting a memorandum or petition, not a crowd
            found.append(Trigger(base + m.start(), base + m.end(), stext[m.start():m.end()], family,
                                 tok.i if tok is not None else None))
            if tok is not None:
                seen.add(tok.i)
    doc = sent.doc
    words = _lexicon_words(doc)
    for i in words[bisect.bisect_left(words, sent.start) : bisect.bisect_left(words, sent.end)]:
        tok = doc[i]
        if tok.i in seen:
            continue
        lemma = tok.lemma_.lower()
        family = TRIGGER_LEMMAS.get(lemma) or TRIGGER_LEMMAS.get(tok.lower_)
        if family is None:
            continue
        if tok.pos_ not in {"VERB", "NOUN", "PROPN", "ADJ"}:
            continue
        if family in ARMED_FRAMES:
            if not _armed_frame(tok, family):
                continue  # "the new tax targets the rich", "shares advanced": only armed actors act on ground
            family = ARMED_FRAMES[family]
        if family == "seize" and _seized_people(tok) and not SEIZED_PLACE.search(low):
            family = "abduct"  # "militants seized two aid workers": people taken, an abduction (codebook 11)
        if lemma == "riot" and (tok.dep_ in {"compound", "amod"} or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"anti", "-"})
                                or tok.head.lemma_.lower() in RIOT_FORCE_NOUNS):
            continue  # "anti-riot police" names a force, not a riot
        if lemma == "torch" and tok.dep_ in {"compound", "amod", "nmod"} and (
                TRIGGER_LEMMAS.get(tok.head.lemma_.lower()) == "protest" or PROTEST_FORMS.search(tok.head.lower_)):
            continue  # "a torch rally", "a torch procession": the marchers' torches, not arson
        if lemma == "storm" and tok.pos_ != "VERB":
            continue  # the weather; only "to storm a building" is a riot
        if lemma in {"mob", "riot"} and (tok.dep_ in {"compound", "amod"} or (
                tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-")):
            continue  # "mob-owned", "riot-control": a modifier, not an event
        if lemma == "gather" and not re.search(r"\bdemand|\bagainst\b|\bprotest|\bdemonstrat|\brally|\bslogan|"
                                               r"\bpetition|\bin support of\b|\bsolidarity|\bplacards?\b", low) \
                and not GATHER_PROTEST_SIGNS.search(low):
            continue  # people gathering is not yet a demonstration
        if lemma == "march" and tok.pos_ == "VERB" and _armed_subject(tok):
            continue  # troops marching into a place advance; they do not demonstrate
        if lemma == "deploy" and re.match(r"\s*(?:tear ?gas|teargas|water cannons?|pepper spray|rubber bullets)",
                                         low[tok.idx - base + len(tok.text):]):
            continue  # deploying tear gas is using it on a crowd, not moving forces
        if lemma in {"wound", "injure"} and not _has_agent(tok) and not _opens_paragraph(sent):
            continue  # "... clashed. Nine people were injured.": harm with no one doing it, told after, is a toll
        if lemma == "march" and (tok.ent_type_ == "DATE" or tok.text == "March"):
            continue  # the month
        if lemma == "kill" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children):
            continue  # "killed off": a character written out of a story, a brand or a species ended
        if lemma == "rise" and not any(c.lower_ in {"against", "up"} for c in tok.children):
            continue  # "prices rose" is not an uprising; "rose up against" is
        if lemma == "fire" and tok.pos_ == "NOUN" and _flames(tok):
            continue  # "set fire to a police station", "a fire broke out": flames, told by the burn family, not gunfire
        if lemma == "fire" and tok.pos_ == "VERB" and _fires_less_lethal(tok):
            family = "dispersal"  # "police fired tear gas / rubber bullets / into the air": a crowd broken up
        if lemma == "fire" and tok.pos_ == "NOUN" and not any(c.lower_ in {"open", "opened"} for c in tok.ancestors):
            family = "fire_noun"
        if family == "agreement" and tok.pos_ == "NOUN" and _background_agreement(tok):
            continue  # "following the expiration of the ceasefire": an agreement named as background
        if lemma == "exchange" and "fire" not in low:
            continue
        if lemma == "gathering" and "protest" not in low:
            continue
        if lemma in {"force", "mine"} and tok.pos_ != "NOUN":
            continue
        nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if lemma == "mine" and (nxt in MINING_NEXT or prev in MINING_PREV or _mine_as_site(tok) or _named_mine(tok)):
            continue  # a mine that is dug ("platinum mine", "mines and energy ministry"), not a landmine
        if lemma == "strike" and tok.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in STRUCK_OBJECTS for c in tok.children):
            continue  # "the union struck a deal with management": an agreement reached, not a strike or an attack
        if lemma == "strike" and nxt in STRIKE_STEPS:
            continue  # a strike ballot or notice is a step toward a strike, not a strike
        if lemma == "lynch" and tok.pos_ == "PROPN":
            continue  # a name
        if family == "withdraw" and any(
                c.lower_ == "from" and any(g.lemma_.lower() in DIPLOMATIC_NOUNS for g in c.children)
                for c in tok.children):
            continue  # withdrawing from a treaty, talks or a race is politics, not ground handed over
        if lemma == "mob" and not MOB_ACT.search(low):
            continue  # "the mob" with no violent act named is organised crime (the mafia), not a crowd
        if family == "abduct" and (tok.dep_ == "amod" or _set_free(tok)):
            continue  # "rescued 25 kidnapped students", "freed 20 hostages": people taken before; the act now is another
        if lemma == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and \
                tok.head.head.lemma_.lower() in {"sentence", "condemn"}:
            continue  # "sentenced to death": a court's verdict, not a killing
        if family == "protest" and tok.pos_ == "NOUN" and _before_the_court(tok):
            continue  # "a court sentenced three protesters", "the trial of demonstrators": justice, not a protest
        if family == "protest" and tok.pos_ == "NOUN" and _person_of_a_fate(tok):
            continue  # "Another protester died in a road accident": what befell a person, not a protest
        if lemma == "protest" and tok.pos_ == "VERB" and _diplomatic_subject(tok):
            continue  # governments and nations "protesting" a policy object to it: a statement, not a demonstration
        if lemma == "accord" and tok.lower_ == "according":
            continue  # "according to" names a source, not an accord
        if family == "bomb" and tok.pos_ == "VERB" and _incendiary(tok):
            # "petrol-bombed the offices": arson by hand, told like a building set on fire (a petrol bomb named as
            # a thing thrown keeps the bomb family: who threw it, a crowd or not, is told by the verb of throwing)
            family = "burn"
        if family in {"shell", "air", "bomb", "ied", "explosion"} and tok.dep_ in {"compound", "amod", "nmod"} and \
                tok.head.lemma_.lower() in WEAPON_NOT_USED:
            continue  # "a missile pact", "the drone programme": a weapon named, not used
        if family == "clash" and lemma in FIGHT_NOUNS and \
                FIGURATIVE_FIGHT.match(low[tok.idx - base:]):
            continue  # "the fight against cancer/poverty/corruption" is figurative
        found.append(Trigger(tok.idx, tok.idx + len(tok.text), tok.text, family, tok.i))
    found.sort(key=lambda t: t.start)
    return found


INCENDIARY_MODIFIERS = frozenset(_LEXICON.words("INCENDIARY_MODIFIERS"))


def _incendiary(bomb: Token) -> bool:
    """"petrol-bombed", "fire-bombed": the word before the bomb (across a hyphen) names a fire bomb."""
    before = [t for t in bomb.doc[max(0, bomb.i - 2):bomb.i] if t.text != "-"]
    return bool(before) and before[-1].lower_ in INCENDIARY_MODIFIERS


JUDICIAL_LEMMAS = set(_LEXICON.words("JUDICIAL_LEMMAS"))
PROTEST_PERSON_NOUNS = set(_LEXICON.words("PROTEST_PERSON_NOUNS"))
PERSON_FATE_LEMMAS = set(_LEXICON.words("PERSON_FATE_LEMMAS"))


def _person_of_a_fate(tok: Token) -> bool:
    """Whether a protest's person ("protester", "demonstrator") is who a death or a burial befell: the subject of
    "died", "succumbed", "was buried" ("A protester who was injured last week died on Sunday")."""
    return tok.lemma_.lower() in PROTEST_PERSON_NOUNS and tok.dep_ in {"nsubj", "nsubjpass"} and \
        tok.head.lemma_.lower() in PERSON_FATE_LEMMAS
FREEING_LEMMAS = set(_LEXICON.words("FREEING_LEMMAS"))


def _set_free(tok: Token) -> bool:
    """Whether hostages or abductees are the object of their rescue or release ("troops rescued 20 hostages", "the
    release of the hostages"): the end of an abduction told before, not one."""
    if tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in FREEING_LEMMAS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in FREEING_LEMMAS


def _before_the_court(tok: Token) -> bool:
    """Whether protesters are what a court or ruler acts on: the object or passive subject of "sentence", "try",
    "pardon" …, or the people of "the trial of" ("sentenced three protesters", "protesters were jailed")."""
    node = tok
    while node.dep_ in {"conj", "appos"} and node.head.i != node.i:
        node = node.head
    head = node.head
    if node.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in JUDICIAL_LEMMAS:
        return True
    return node.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
        head.head.lemma_.lower() in JUDICIAL_LEMMAS


LESS_LETHAL = _LEXICON.regex("LESS_LETHAL")


def _fires_less_lethal(fire: Token) -> bool:
    """Whether the verb "fire" has a less-lethal munition as its object, or is fired into the air."""
    for child in fire.children:
        words = " ".join(t.text for t in child.subtree)
        if child.dep_ in {"dobj", "conj"} and LESS_LETHAL.search(words):
            return True
        if child.dep_ in {"prep", "advmod"} and LESS_LETHAL.match(words):
            return True
    return False


def _flames(fire: Token) -> bool:
    """Whether the noun "fire" means flames: set or caught ("set fire to", "set on fire", "caught fire") or one
    that broke out."""
    head = fire.head
    if fire.dep_ == "pobj" and head.lower_ == "on":
        head = head.head
    return head.lemma_.lower() in {"set", "catch"} or (fire.dep_ == "nsubj" and head.lemma_.lower() == "break")


def _forces_block(tok: Token | None, low: str) -> bool:
    """Police, troops or guards blockading or barricading a place, with no demonstration named: they close it;
    nobody demonstrates."""
    if tok is None or CUE["protest"].search(low):
        return False
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(ORGANISED.search(" ".join(t.lower_ for t in c.subtree)) for c in subjects)


def _subjects_of(tok: Token, deps: set[str]) -> list[Token]:
    """The subjects (by `deps`) of a verb, or, when it has none, of the verb it is coordinated with: in "residents
    converged on the offices and handed over a memorandum" the residents hand it over."""
    node = tok
    while True:
        found = [c for c in node.children if c.dep_ in deps]
        if found or node.dep_ != "conj" or node.head.i == node.i:
            return found
        node = node.head


def _paperwork_handover(matched: str, tok: Token | None) -> bool:
    """A memorandum or petition handed over by someone other than a crowd's people (residents, workers, marchers
    ...): an official's or firm's paperwork, not the act that ends a march."""
    if tok is None or not PETITION_HANDOVER.search(matched):
        return False
    subjects = _subjects_of(tok, {"nsubj", "nsubjpass", "agent"})
    return not any(PETITIONERS.search(" ".join(t.lower_ for t in c.subtree)) for c in subjects)


def _crowd_subject(tok: Token | None) -> bool:
    """The subject of a verb names a crowd's people (residents, workers, drivers ...)."""
    if tok is None:
        return False
    subjects = [" ".join(t.lower_ for t in c.subtree) for c in _subjects_of(tok, {"nsubj"})]
    # (the crowd words take the trades that march: teachers, nurses, fishermen block roads as drivers do)
    return any(PETITIONERS.search(words) or CROWD_WORDS.search(words) for words in subjects)


def _crowd_burned(sent: SpacySpan | None) -> bool:
    """Who set the fire is an unorganised crowd (villagers, youths, residents), not an armed or named group."""
    agent = _agents(sent)
    return bool(agent) and UNORGANISED.search(agent.lower()) is not None and not ORGANISED.search(agent.lower()) \
        and not re.search(r"\b[A-Z]{2,}\b", agent)


def _people_blockade(sent: SpacySpan | None) -> bool:
    """Who blockades is not a force (police, troops, armed men): people blocking an entrance or road demonstrate."""
    if sent is None:
        return False
    subjects = [t for t in sent if t.dep_ == "nsubj" and t.head.lower_.startswith(("blockad", "barricad", "block"))]
    agent = " ".join(" ".join(t.lower_ for t in s.subtree) for s in subjects) or _agents(sent).lower()
    return bool(agent) and not ORGANISED.search(agent)


def _lexicon_words(doc: Doc) -> list[int]:
    """Indices of the document's tokens whose lemma or lower-case form the trigger lexicon lists, in text order.
    find_triggers runs once per sentence and clause and looked at every token of each; the few listed ones are
    found here once per document from its arrays (each distinct word's string tested once per process), and
    only they become Token objects."""
    def find(doc: Doc) -> list[int]:
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER]).tolist() if len(doc) else []
        return [i for i, (lemma, lower) in enumerate(rows) if _lemma_listed(strings, lemma) or _lower_listed(strings, lower)]

    return kept_with(doc, _LEXICON_WORDS_KEY, find)


_LEXICON_WORDS_KEY = ("dateline", "trigger_words")
_LEMMA_LISTED: dict[int, bool] = {}  # string hash → find_triggers' first look-up finds a family
_LOWER_LISTED: dict[int, bool] = {}  # string hash → its second look-up finds one


def _lemma_listed(strings: Any, h: int) -> bool:
    return string_listed(_LEMMA_LISTED, strings, h, lambda word: bool(TRIGGER_LEMMAS.get(word.lower())))


def _lower_listed(strings: Any, h: int) -> bool:
    return string_listed(_LOWER_LISTED, strings, h, lambda word: TRIGGER_LEMMAS.get(word) is not None)


def _token_at(sent: SpacySpan, char: int) -> Token | None:
    for tok in sent:
        if tok.idx <= char < tok.idx + len(tok.text) + 1:
            return tok
    return None


def _time_frame(prep: Token) -> bool:
    """"before/since/until/ahead of X": X marks when something else is, unless the phrase is the act's own."""
    if prep.lower_ in {"before", "since", "until"}:
        return True
    return prep.lower_ == "of" and prep.head.lower_ == "ahead" or prep.lower_ == "to" and prep.head.lower_ == "prior"


def _nobody(subject: Token) -> bool:
    """"No one was arrested", "nobody was hurt", "none of the marchers was detained": a subject that denies it."""
    if subject.lower_ in {"nobody", "none", "neither"}:
        return True
    return subject.lower_ == "no-one" or subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)


def _denies(node: Token) -> bool:
    """A verb or noun negated by "not", "no", "never" or a subject that denies it ("no one was hurt")."""
    return any(c.dep_ == "neg" for c in node.children) or any(
        c.lower_ in {"no", "never"} and c.dep_ in {"det", "advmod", "neg"} for c in node.children
    ) or any(c.dep_ in {"nsubj", "nsubjpass"} and _nobody(c) for c in node.children)


def _casualties_denied(node: Token, tok: Token) -> bool:
    """"Gunmen attacked a shop; no one was hurt", "… in the attack, but nobody was killed": a harm verb above the
    trigger says the act hurt nobody; the act itself stands (with no dead)."""
    return node.i != tok.i and node.lemma_.lower() in CASUALTY_LEMMAS and tok.lemma_.lower() not in CASUALTY_LEMMAS


def judge_trigger(tok: Token, sent: SpacySpan, published: dt.date | None) -> Verdict:
    """Why the trigger does not report an event that happened (negated, called for, threatened, a statement,
    history), or an empty verdict when it does."""
    sent_low = span_text(sent).lower()
    if tok.pos_ == "NOUN" and (planned := next((c for c in tok.children if c.dep_ == "amod"
                                                and c.lower_ in NOT_YET_MODIFIERS), None)) is not None:
        return Verdict("future", f"not (yet) happened: {planned.text} {tok.text}")
    if HISTORY_CUES.search(sent_low) and _history_scope(tok, sent):
        return Verdict("history", "past background: " + HISTORY_CUES.search(sent_low).group(0))  # type: ignore[union-attr]
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return Verdict("negated", f"negated: without {tok.text}")  # "handed it over without a fight"
    if tok.pos_ in {"NOUN", "ADJ", "PROPN"} and tok.dep_ == "pobj" and _time_frame(tok.head):
        # "home to 30,000 people before the offensive", "the first rally since the crackdown": the act marks a time
        return Verdict("no_event", f"a time frame: {tok.head.text} {tok.text}")
    if (kinds := _kinds_of_acts(tok, sent)) is not None:
        return Verdict("no_event", f"kinds of acts, not one incident: {kinds}")
    # (any clause inside the inquiry's words is the act inquired into: "an inquest into the deaths of miners shot by
    # police")
    if (inquiry := next(filter(None, map(_inquiry_into, tok.ancestors)), None)) is not None and not _dated_act(tok):
        return Verdict("no_event", f"an inquiry into an act told before: {inquiry.text}")
    node = tok
    hops = 0
    while True:
        if _denies(node) and not _casualties_denied(node, tok):
            return Verdict("negated", f"negated: {node.text}")
        if node.i != tok.i and node.lemma_.lower() in CONTINUING_LEMMAS and \
                TRIGGER_LEMMAS.get(tok.lemma_.lower()) in {"strike", "protest"}:
            break  # "vowed to continue their strike": the strike is under way, whatever is said of what comes
        for c in node.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in MODALS_FUTURE and node.pos_ in {"VERB", "AUX"}:
                return Verdict("future", f"future: {c.text} {node.text}")
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in MODALS_HYPO and node.pos_ in {"VERB", "AUX"}:
                return Verdict("hypothetical", f"modal: {c.text} {node.text}")
            if c.dep_ == "aux" and c.lower_ == "to" and node.head.lemma_ == "be" and node.head.lower_ in {"is", "are"}:
                return Verdict("future", "planned: is/are to")
        if any(c.lower_ == "whether" for c in node.children):
            return Verdict("hypothetical", "undecided: whether")
        if node.i != tok.i:
            lemma = node.lemma_.lower()
            if lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in node.children):
                return Verdict("negated", f"called off: {node.text} off")
            if lemma in CALL_LEMMAS:
                return Verdict("call", f"a call: {node.text}")
            if lemma in CANCEL_LEMMAS and node.pos_ == "VERB":
                return Verdict("negated", f"called off: {node.text}")
            if _held_in_the_past(node):
                pass  # "organized a protest" in the past tense: it took place
            elif lemma in THREAT_LEMMAS:
                reason = "future" if lemma in PLAN_LEMMAS else "hypothetical"
                return Verdict(reason, f"not (yet) happened: {node.text}")
            if lemma in STATEMENT_LEMMAS and not _blamed_for_a_told_act(tok, node):
                return Verdict("statement", f"a statement: {node.text}")
            if node.pos_ == "NOUN" and lemma in HYPO_NOUNS:
                return Verdict("call" if lemma in CALL_NOUNS
                               else "hypothetical", f"not an event: {node.text}")
            if node.pos_ == "NOUN" and lemma in ATTITUDE_NOUNS and tok.pos_ == "NOUN":
                return Verdict("no_event", f"an attitude, not an event: {node.text}")
            if node.pos_ == "NOUN" and lemma in STATEMENT_NOUNS and not _source_of_report(node):
                return Verdict("statement", f"a statement: {node.text}")
        if (plan := _purpose_of_a_plan(node, sent, published)) is not None:
            return plan  # "announced a march on Friday to protest the results": the protest is the plan's purpose
        if node.dep_ in {"advcl", "pcomp"} and (span := _years_back(node)) is not None:
            return Verdict("history", f"past background: {span} after")  # "five years after fighters stormed X"
        if node.dep_ == "advcl" and any(c.dep_ in {"mark", "aux"} and c.lower_ in CONDITION_MARKS and c.i < node.i
                                         for c in node.children):
            return Verdict("hypothetical", f"a condition: {node.text}")  # "would strike back if the army attacked"
        if node.dep_ in {"advcl", "ROOT"} or node.head.i == node.i or hops > 8:
            break
        if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"}:
            break  # a coordinated clause is its own event
        if node.dep_ in {"relcl", "acl"} and node.pos_ == "VERB" and node.tag_ in {"VBD", "VBN"} \
                and node.head.lemma_.lower() not in HYPO_NOUNS | STATEMENT_NOUNS | {"crime", "violence"}:
            break
        node = node.head
        hops += 1
    return Verdict()


def _held_in_the_past(verb: Token) -> bool:
    """"organized / staged / held a protest" in the past tense: the act took place (no plan, no call)."""
    return verb.lemma_.lower() in HELD_LEMMAS and verb.tag_ in {"VBD", "VBN"} and \
        not any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"to", "be", "been"} for c in verb.children)


def _purpose_of_a_plan(clause: Token, sent: SpacySpan, published: dt.date | None) -> Verdict | None:
    """A purpose infinitive ("to protest the results", "to demand", "to denounce") is part of what its verb tells: on
    a verb of calling or planning ("The party announced a march on Friday to protest …", "urged supporters on
    Monday to protest …") or on an act still to come or threatened ("Farmers will march next week to protest …"), it
    is no act yet. On a verb that tells an act ("Thousands marched to protest …") it stays that act's purpose."""
    if clause.dep_ != "advcl" or clause.tag_ != "VB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    head = clause.head
    lemma = head.lemma_.lower()
    # ("police were called in to break up the riot": the riot was under way)
    if lemma in CALL_LEMMAS and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in head.children):
        return Verdict("call", f"the purpose of a call: {head.text} … to {clause.text}")
    if lemma in PLAN_LEMMAS and not _held_in_the_past(head):
        return Verdict("future", f"the purpose of a plan: {head.text} … to {clause.text}")
    verdict = judge_trigger(head, sent, published)
    return verdict if verdict.reason in {"future", "call", "hypothetical"} else None


_CLAUSE_OF_ITS_OWN = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})


def _bare_plural(tok: Token) -> bool:
    return tok.tag_ == "NNS" and not any(c.dep_ in {"det", "nummod", "poss"} for c in tok.children)


def _kinds_of_acts(tok: Token, sent: SpacySpan) -> str | None:
    """The list of kinds of acts that the trigger is, or carries out, or None: "carrying out kidnappings,
    ambushes and car bombings", "has carried out bombings and kidnappings". Two or more bare
    plurals of event words, joined, as what is done describe a way of fighting, not one incident. A sentence
    with a day, a time or a count in it ("airstrikes and shelling killed 12 on Monday") tells one and is kept;
    so is a list that is the subject ("Protests and riots broke out"), which tells that they happened."""
    if any(e.label_ in {"DATE", "TIME", "CARDINAL"} for e in span_ents(sent)):
        return None
    node = tok
    while node.dep_ in {"conj", "compound", "amod"} and node.head.pos_ == "NOUN" and node.head.i != node.i:
        node = node.head  # "kidnappings" in "bombings, kidnappings and beheadings"; "suicide" in "suicide attacks"
    stack = [node]
    while stack:
        node = stack.pop()
        if node.dep_ in {"dobj", "pobj"} and _bare_plural(node):
            listed = [node] + [c for c in node.children if c.dep_ == "conj" and _bare_plural(c)]
            listed += [c for m in listed[1:] for c in m.children if c.dep_ == "conj" and _bare_plural(c)]
            acts = [m for m in listed if TRIGGER_LEMMAS.get(m.lemma_.lower())]
            if len(acts) >= 2:
                return ", ".join(m.text for m in listed)
        stack.extend(c for c in node.children if c.dep_ not in _CLAUSE_OF_ITS_OWN)
    return None


def _source_of_report(noun: Token) -> bool:
    """"The army said in a statement that a roadside bomb had hit a patrol": the statement is how the act was
    reported (its source), not a statement about an act; the parse hangs the that-clause on the noun."""
    return noun.dep_ == "pobj" and noun.head.lower_ in {"in", "through", "via"} and \
        noun.head.head.lemma_.lower() in REPORT_LEMMAS


def _blamed_for_a_told_act(tok: Token, verb: Token) -> bool:
    """An act told as a fact inside a blame ("police blamed the New IRA for a pipe bomb attack on a house in Larne on
    Monday night"): the trigger is a noun after "for", with its own place or day; the act happened, whoever is
    blamed (who did it stays unknown). A bare accusation ("accused the rebels of attacking civilians") is not."""
    if verb.lemma_.lower() not in {"blame", "accuse"} or tok.pos_ != "NOUN":
        return False
    node = tok
    while node.dep_ in {"compound", "amod"} and node.head.i != node.i:
        node = node.head
    if not (node.dep_ == "pobj" and node.head.lower_ == "for" and node.head.head.i == verb.i):
        return False
    return any(t.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"} for t in node.subtree) or any(
        t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree if t.i > node.i)


def _inquiry_into(node: Token) -> Token | None:
    """The inquiry noun whose "into" (or "over", "about") the walk up from a trigger passes: "an inquiry into the
    shooting", "questions over how gunmen stormed the hotel", or the object or subject of the verb the parse hangs
    it on ("ordered a probe into the deaths", "questions mounted over how ...")."""
    if node.lower_ not in {"into", "over", "about"} or node.dep_ != "prep":
        return None
    holders = [node.head] + [c for c in node.head.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
    return next((h for h in holders if h.pos_ == "NOUN" and h.lemma_.lower() in INQUIRY_NOUNS), None)


def _dated_act(tok: Token) -> bool:
    """The act's own words name its day before it ("an investigation into Tuesday's killing of an activist"): it
    is told as a fact, though inside an inquiry's words. A day after it ("an inquiry into the shooting opened on
    Monday") is the inquiry's as often as the act's."""
    node = tok
    while node.dep_ in {"compound", "amod"} and node.head.i != node.i:
        node = node.head
    return any(t.ent_type_ in {"DATE", "TIME"} and t.i < tok.i for t in node.subtree)


def _years_back(clause: Token) -> str | None:
    """The span of years or months that measures a clause of time ("five years after", "a decade since"), or None:
    the words before its "after"/"since" that the parse hangs on the clause's verb, its mark or its head."""
    marks = [c for c in clause.children if c.lower_ in {"after", "since"} and c.i < clause.i]
    if not marks and clause.dep_ == "pcomp" and clause.head.lower_ in {"after", "since"}:
        marks = [clause.head]
    for mark in marks:
        spans = [c for c in (*clause.children, *mark.children, *clause.head.children)
                 if c.dep_ == "npadvmod" and c.i < mark.i]
        for span in spans:
            words = " ".join(t.lower_ for t in span.subtree)
            if HISTORY_SPAN.search(words):
                return words
    return None


def _history_scope(tok: Token, sent: SpacySpan) -> bool:
    """A history cue governs the trigger when it sits in the same clause (or the sentence has one clause)."""
    clause = _clause_root(tok)
    for t in clause.subtree:
        if t.lower_ in HISTORY_WORDS or re.fullmatch(r"(?:19|20)\d0s", t.lower_):
            return True
    return False


def _clause_root(tok: Token) -> Token:
    node = tok
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        node = node.head
    return node


# Accidents and disasters are not political violence: ACLED does not code them.
DISASTER = _LEXICON.regex("DISASTER")
# weapons of war are a sign of political violence
POLITICAL = _LEXICON.regex("POLITICAL")
WEAPON_NOUNS = _LEXICON.pattern("WEAPON_NOUNS")
WEAPON_SEIZED = _LEXICON.regex("WEAPON_SEIZED")
KILLED_THEN_SEIZED = _LEXICON.regex("KILLED_THEN_SEIZED")
FOILED = _LEXICON.regex("FOILED")
SELF_DISPERSED = _LEXICON.regex("SELF_DISPERSED")
GATHERING_HIT = _LEXICON.regex("GATHERING_HIT")
ARMED_ATTACKERS = _LEXICON.regex("ARMED_ATTACKERS")
FORCED_BLOCK = _LEXICON.regex("FORCED_BLOCK")
FRAMING_RETELLING = _LEXICON.regex("FRAMING_RETELLING")
DENIED_OUTCOME = _LEXICON.regex("DENIED_OUTCOME")
OWN_DEAD = _LEXICON.regex("OWN_DEAD")
BOMBARD_VERBS = _LEXICON.regex("BOMBARD_VERBS")
TEAR_GAS_PROPER = _LEXICON.regex("TEAR_GAS_PROPER")  # the tear_gas cue without its "dispersed"
DETONATED = _LEXICON.regex("DETONATED")
BOMBER_STOPPED = _LEXICON.regex("BOMBER_STOPPED")
GATHERING_ATTACKED = _LEXICON.regex("GATHERING_ATTACKED")
# a later telling that counts more dead of the same event: its figure adds to the toll (events._settle_fatalities)
ADDITIONAL_DEAD = _LEXICON.regex("ADDITIONAL_DEAD")
CROWD_SEQUEL = _LEXICON.regex("CROWD_SEQUEL")
CROWD_DAMAGE_AFTER = _LEXICON.regex("CROWD_DAMAGE_AFTER")
ELSEWHERE_TOLD = _LEXICON.regex("ELSEWHERE_TOLD")
OTHER_CROWD = _LEXICON.regex("OTHER_CROWD")
STATE_WORDS = _LEXICON.regex("STATE_WORDS")
NONSTATE_WORDS = _LEXICON.regex("NONSTATE_WORDS")
TERRITORY_OBJECTS = _LEXICON.regex("TERRITORY_OBJECTS")


# Fire going both ways is a battle between the two sides (codebook: Armed clash), whatever the weapons.
# the side attacked answers with its own fire
TWO_SIDED = _LEXICON.regex("TWO_SIDED")
CLASH_BETWEEN = _LEXICON.regex("CLASH_BETWEEN")
# The attacked side fires back, told after the attack ("Police responded with gunfire."): the attack became a
# clash between the two sides.
RETURN_FIRE = _LEXICON.regex("RETURN_FIRE")
# Machine guns of 12.7 mm and above, or said to be heavy ("machine guns, assumedly heavy"), are heavy machine
# guns: crew-served weapons fired from afar, like mortars, not a unit's small arms.
HEAVY_CALIBRE = _LEXICON.regex("HEAVY_CALIBRE")
HEAVY_WEAPONS = _LEXICON.regex("HEAVY_WEAPONS")
# Weapons that make a shelling (fired from afar): named, they keep small arms fire beside them from being a clash
# by default.
HEAVY_NAMED = _LEXICON.regex("HEAVY_NAMED")
# Ground that armed actors hold and take.
HELD_PLACES = _LEXICON.pattern("HELD_PLACES")
# A capture verb with a place as its object: the territory changed hands.
CAPTURE_OF_PLACE = _LEXICON.regex("CAPTURE_OF_PLACE")
# An attempt to take ground that failed ("the attack to capture the positions was fended off").
REPELLED = _LEXICON.regex("REPELLED")
# A withdrawal forced by bombardment or fighting is no peaceful handover.
FORCED_OUT = _LEXICON.regex("FORCED_OUT")
# Armed actors marching into or on a place advance: a military movement, not a demonstration.
MARCHING_FORCES = _LEXICON.regex("MARCHING_FORCES")
# A capture verb whose direct object is a place ("seized a district centre", "seized the town").
SEIZED_PLACE = _LEXICON.regex("SEIZED_PLACE")
NO_RESISTANCE = _LEXICON.regex("NO_RESISTANCE")
# Who handles demonstrations: the authorities' forces.
FORCE_ACTOR = _LEXICON.regex("FORCE_ACTOR")
# Positions and front lines are armed targets, whatever their holders are called.
FRONT_WORDS = _LEXICON.regex("FRONT_WORDS")
ARMED_FRAME_ACTORS = _LEXICON.regex("ARMED_FRAME_ACTORS")
LOST_GROUND = _LEXICON.regex("LOST_GROUND")
WITHDREW = _LEXICON.regex("WITHDREW")
MOVED_IN = _LEXICON.regex("MOVED_IN")
FELL_TO = _LEXICON.regex("FELL_TO")
RPG_FIRE = _LEXICON.regex("RPG_FIRE")
NEGOTIATED_EXIT = _LEXICON.regex("NEGOTIATED_EXIT")
TAKEN_BY = _LEXICON.regex("TAKEN_BY")
TARGETED_FROM_AFAR = _LEXICON.regex("TARGETED_FROM_AFAR")
FRAME_BLOCKED = set(_LEXICON.words("FRAME_BLOCKED"))
POLICE_ONLY = _LEXICON.regex("POLICE_ONLY")
MUNICIPAL_FORCES = _LEXICON.regex("MUNICIPAL_FORCES")
HARDWARE_DESTROYED = _LEXICON.regex("HARDWARE_DESTROYED")


def _names_forces(text: str) -> bool:
    """Armed or security actors are named in the text: the armed, state and non-state words and the frame's own."""
    return bool(ARMED_WORDS.search(text) or STATE_WORDS.search(text) or NONSTATE_WORDS.search(text)
                or ARMED_FRAME_ACTORS.search(text))


PROPERTY_DAMAGE = _LEXICON.regex("PROPERTY_DAMAGE")
HARM = _LEXICON.regex("HARM")
NO_HARM = _LEXICON.regex("NO_HARM")
UNORGANISED = _LEXICON.regex("UNORGANISED")
ORGANISED = _LEXICON.regex("ORGANISED")


def _agents(sent: SpacySpan | None) -> str:
    """Who acts: active subjects and passive "by" agents of the sentence's verbs (dependency parse). Who reports
    ("…, residents said") is no doer of the act reported."""
    if sent is None:
        return ""
    parts: list[str] = []
    for tok in sent:
        if tok.dep_ == "nsubj" and _reports_a_clause(tok.head):
            continue
        if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" or tok.dep_ == "agent" or (tok.dep_ == "prep" and tok.lower_ == "by" and tok.head.tag_ == "VBN"):
            parts.append(" ".join(t.text for t in tok.subtree))
    return " ".join(parts)


def _reports_a_clause(verb: Token) -> bool:
    """"said" in "X killed 12 civilians, residents said" (the clause reported hangs on it, or it on the clause)."""
    return verb.lemma_.lower() in REPORT_LEMMAS and (
        verb.dep_ == "parataxis" or any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children))


# Road barricades and burning tyres: the riot's way of blocking a road.
BARRICADE = _LEXICON.regex("BARRICADE")


BURN_TO_DEMAND = _LEXICON.regex("BURN_TO_DEMAND")


# Words saying people act to press a demand or grievance: what makes a gathering or blockade a demonstration.
DEMAND = _LEXICON.regex("DEMAND")
# Protest songs, placards or posters in hand: people gathered to demonstrate, not as an audience.
GATHER_PROTEST_SIGNS = _LEXICON.regex("GATHER_PROTEST_SIGNS")
# Demonstrators removed by the police: an intervention (Protest with intervention).
PROTEST_REMOVED = _LEXICON.regex("PROTEST_REMOVED")
BLOCK_ATTEMPTED = _LEXICON.regex("BLOCK_ATTEMPTED")


def _without_stopped_attempts(low: str) -> str:
    """The sentence without a barricade or blockade only tried, when the authorities ended it (the crowd removed,
    dispersed, arrested): no barricade stood, so the attempt tells no force used."""
    if not (PROTEST_REMOVED.search(low) or _intervened(low)):
        return low
    return BLOCK_ATTEMPTED.sub(lambda m: " " * len(m.group(0)), low)
# Demonstrating actors: their attacks on property are violent demonstrations.
PROTEST_ACTORS = _LEXICON.regex("PROTEST_ACTORS")
# Protest forms named without a protest word: they make a protest trigger's sentence a protest context.
PROTEST_FORMS = _LEXICON.regex("PROTEST_FORMS")
# A memorandum or petition, and the people whose handing it over is a demonstration's act.
PETITION_HANDOVER = _LEXICON.regex("PETITION_HANDOVER")
PETITIONERS = _LEXICON.regex("PETITIONERS")


SPORTS = _LEXICON.regex("SPORTS")
SPORTS_EXCEPT = _LEXICON.regex("SPORTS_EXCEPT")


# A claim or denial of responsibility is a statement about an event (ACLED codes the event from the report of
# it, and the claim at most as its actor): "X claimed responsibility for the attack", "Y denied its jets were
# responsible for the strikes", "Z took credit for the bombing".
RESPONSIBILITY = _LEXICON.regex("RESPONSIBILITY")
# A claim whose sentence tells the incident's harm reports the incident itself: it is weighed like any telling (the
# incident model folds it into an earlier telling of the same incident).
RESPONSIBILITY_INCIDENT = _LEXICON.regex("RESPONSIBILITY_INCIDENT")
# An act on the web, not in a place, unless bodily harm or a demonstration is told.
ONLINE_ACTION = _LEXICON.regex("ONLINE_ACTION")
PHYSICAL_ACT = _LEXICON.regex("PHYSICAL_ACT")


# ACLED does not code common crime: violence for private gain or between private persons, with no political,
# communal or organised-armed dimension (robbery, theft, smuggling, domestic violence), nor the court cases
# about it (a trial or sentence is about an old act, not a new event).
# a judicial execution is a court's sentence carried out, not political violence
CRIME = _LEXICON.regex("CRIME")
# ... unless the violence has an organised-armed or political side.
# state forces using force, mobs and armed groups are coded even against criminals
NOT_COMMON_CRIME = _LEXICON.regex("NOT_COMMON_CRIME")
POLITICAL_ARREST = _LEXICON.regex("POLITICAL_ARREST")


def crime_arrest(sentence: str, report_text: str) -> bool:
    """An arrest whose sentence gives it no political, armed, communal or protest side, in a report that tells a
    common crime: an arrest for that crime, which ACLED does not code (its Arrests are of political actors,
    armed-group members and protesters). Both texts lower-cased."""
    return (not POLITICAL.search(sentence) and not NOT_COMMON_CRIME.search(sentence)
            and not POLITICAL_ARREST.search(sentence) and CRIME.search(report_text) is not None)


def _mine_as_site(tok: Token) -> bool:
    """"Killed at a mine", "trapped in the Kopanang mine": a mine people are at or in is a place of work; a
    landmine is stepped on, hit or laid, and its blast or explosion names it as a modifier. A mine that is
    visited, run, closed or sold ("planned to visit the mine") is a place of work too."""
    if tok.dep_ == "dobj" and tok.head.lemma_ in MINE_SITE_VERBS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in {"at", "in", "inside", "into", "near", "outside", "underground"}


@functools.cache
def _armed_group_patterns() -> tuple[re.Pattern[str], ...]:
    """The codebook's named non-state armed groups (rebels and militias: inter 2 and 3; not the kind words named
    with a country, such as settlers), as written in a text: "the RSF", "M23", "Boko Haram"."""
    return tuple(k.pattern for k in actors_mod.known_actors(load_codebook())
                 if not k.entry.get("state") and int(k.entry.get("inter", 0)) in {2, 3}
                 and "{country}" not in str(k.entry.get("name", "")))


def names_armed_group(text: str) -> bool:
    """Whether the text names one of the codebook's armed groups: political violence, whatever else it says
    (a rape by the RSF, Boko Haram storming a prison)."""
    return any(p.search(text) for p in _armed_group_patterns())


def not_an_event_reason(text: str) -> str | None:
    """A whole-sentence reason for no ACLED event: an accident, a disaster or a cyber attack, with no sign of
    political violence or demonstration; or a claim or denial of responsibility (a statement)."""
    low = text.lower()
    if RESPONSIBILITY.search(low) and not RESPONSIBILITY_INCIDENT.search(low):
        return "a claim or denial of responsibility, a statement about an event"
    if CRIME.search(low) and not NOT_COMMON_CRIME.search(low) and not names_armed_group(text):
        return "common crime or a court case, not political violence"
    if DISASTER.search(low) and not POLITICAL.search(low):
        return "an accident or disaster, not political violence"
    if ONLINE_ACTION.search(low) and not PHYSICAL_ACT.search(low):
        return "an online or cyber action, not a physical event"
    if SPORTS.search(low) and not SPORTS_EXCEPT.search(low):
        return "sport, not a political event"
    return None


# Aircraft fired at, repelled or shot down are the target, not the attacker.
AIR_TARGETED = _LEXICON.regex("AIR_TARGETED")
# A killing told as what set the demonstration off ("after a gendarme shot dead a driver") is its grievance.
GRIEVANCE_KILLING = _LEXICON.regex("GRIEVANCE_KILLING")
PLACE_MINE = _LEXICON.regex("PLACE_MINE")
# A capture attempt that was repelled: the attempt is named ("an attack to capture", "tried to take").
CAPTURE_ATTEMPT = _LEXICON.regex("CAPTURE_ATTEMPT")
# People captured (fighters taken prisoner), not ground.
PEOPLE_CAPTURED = _LEXICON.regex("PEOPLE_CAPTURED")


class _CuesOf(dict[str, bool]):
    """Cue name (`CUE`) → whether its pattern matches the lower-cased text, each searched at its first look-up:
    the sub-type rules return after reading a few of the cues, and a search of every cue for every candidate
    was a fair part of their time. Set a value to overrule the search ("a state strikes from the air")."""

    def __init__(self, low: str) -> None:
        super().__init__()
        self.low = low

    def __missing__(self, name: str) -> bool:
        hit = self[name] = CUE[name].search(self.low) is not None
        return hit


def classify_sentence(text: str, families: set[str], sent: SpacySpan | None = None) -> Classification:
    """The ACLED sub-type a sentence's (accepted) triggers and cues support, by the codebook's precedence:
    suicide bomb, chemical weapon, disrupted weapons, air/drone strike, IED, grenade, shelling, protest handling,
    mob violence, territory, battles, violence against civilians, then strategic developments."""
    # a capitalised "Mine" inside a sentence names a place ("near Karbonit Mine"), not a landmine
    low = PLACE_MINE.sub("colliery", text).lower()
    has = _CuesOf(low)
    # (a worker killed or hurt is a victim, not a striker, unless the text calls the victims "striking")
    labour = any(not _victim_word(sent, m.start()) or low[max(0, m.start() - 9):m.start()] == "striking "
                 for m in re.finditer(
        r"\b(?:workers?|unions?|employees|staff|teachers|nurses|doctors|drivers|miners|operators|"
        r"labourers|laborers|mineworkers|downed tools|stopped (?:reporting for )?(?:work|duty)|"
        r"on strike|general strike|hunger strike|went on strike|strikers)\b", low))
    labour = labour or STRIKE_UNDER_WAY.search(low) is not None
    if "strike" in families and not labour and not has["air"] and not has["shell"] and (
            _state_strikes(sent) or _strike_that_hit(sent)):
        # "Israeli strikes on Gaza", "coalition strikes": a state strikes from the air; "a strike on a house killed
        # six people": a strike that hit something, with no one striking for pay, came from the air
        has["air"] = True
    if "strike" in families and not labour and not has["air"] and not has["shell"]:
        struck_by_armed = _armed_verb_strike(sent)
        families = families - {"strike"} | ({"air"} if families <= {"strike"} and has["attack_words"] else
                                            {"attack"} if struck_by_armed else set())
    if "clash" in families and not families & {"protest", "riot"} and _crowd_clash(sent):
        # "supporters of the opposition leader clashed with police": a crowd fighting the police riots
        families = families | {"riot"}
    if "riot" in families and not OTHER_RIOT_WORDS.search(low) and _armed_storming(sent):
        # "gunmen stormed a hotel", "Taliban fighters stormed a checkpoint": an armed assault, not a riot
        families = families - {"riot"} | {"attack"}
    protest_ctx = bool(families & {"protest", "riot"}) and (has["protest"] or "riot" in families) or (
        "dispersal" in families and not families & {"clash", "fire", "kill", "attack", "shell", "air", "bomb"}) or (
        "strike" in families and labour) or ("blockade" in families and DEMAND.search(low) is not None)
    if protest_ctx and families & {"protest"} and MARCHING_FORCES.search(low) and not re.search(
            r"\bprotest|\bdemonstrat|\brall(?:y|ies|ied)\b|\bslogans?\b|\bbanners?\b|\bplacards?\b|\bstrike", low) \
            and not DEMAND.search(low):
        # troops or fighters who march into a place advance; they do not demonstrate
        protest_ctx = False
        families = families - {"protest"}
    if protest_ctx and GATHERING_ATTACKED.search(low) and families & {"grenade", "bomb", "explosion"}:
        # "crude bombs were hurled at a party rally": the gathering is what was attacked, not who used force
        protest_ctx = False
        families = families - {"protest", "riot"}
    if "blockade" in families and not protest_ctx and _people_blockade(sent):
        protest_ctx = True  # people blockading an entrance or road demonstrate, demand word or not
    if "protest" in families and not protest_ctx and PROTEST_FORMS.search(low):
        protest_ctx = True  # a protest form with no protest word: "residents engaged in civil disobedience"
    if "burn" in families and (BARRICADE.search(low) or BURN_TO_DEMAND.search(low)) or \
            ("blockade" in families and BARRICADE.search(_without_stopped_attempts(low))):
        # burning tyres and barricades on roads, or burning things to press a demand, is how rioters block and
        # protest: a violent demonstration, not property destruction
        protest_ctx = True
        families = families | {"riot"}
    elif "blockade" in families and BARRICADE.search(low):
        protest_ctx = True  # a barricade tried and ended by the police: a demonstration that used no force
    if "stone" in families and not protest_ctx and not DEMAND.search(low):
        return Classification("Mob violence", ["stones thrown outside a demonstration"])
    if "stone" in families:
        protest_ctx = True
    weapons_seized = bool(WEAPON_SEIZED.search(low))
    attack_verb = bool(re.search(r"\b(?:fired|launched|hit|struck|exploded|landed|pounded|targeted|killing|killed|"
                                 r"attack(?:ed)?|bombed|rained)\b", low))
    cues: list[str] = []

    def pick(sub: str, *why: str, conf: float = 0.6) -> Classification:
        return Classification(sub, [*cues, *why], conf)

    # a change of territory is what a capture reports: it outranks the weapons used to take the ground
    early_territory = ("regain" in families or "territory" in families or
                       ("seize" in families and SEIZED_PLACE.search(low))) and TERRITORY_OBJECTS.search(low) and \
        not protest_ctx and CAPTURE_OF_PLACE.search(low)
    if early_territory and REPELLED.search(low) and CAPTURE_ATTEMPT.search(low):
        # an attempt to take ground that was repelled changed no hands: the two sides fought
        return pick("Armed clash", "attempt to take ground repelled")
    if early_territory:
        if (has["withdraw"] and not has["clash"] and not FORCED_OUT.search(low)) or NO_RESISTANCE.search(low):
            return pick("Non-violent transfer of territory", "taken without fighting")
        return _territory_subtype(low, families)
    if ("suicide" in families or has["suicide"]) and FOILED.search(low) and \
            not DETONATED.search(BOMBER_STOPPED.sub(" ", low)):
        # "police foiled a suicide attack, arresting a would-be bomber": no blast, a device stopped before use; the
        # bomber shot dead before he could detonate is how it was stopped, not a death of the attack
        return pick("Disrupted weapons use", "suicide attack foiled")
    if "suicide" in families or has["suicide"]:
        return pick("Suicide bomb", "suicide")
    if "chem" in families:
        return pick("Chemical weapon", "chemical agent")
    if weapons_seized and has["air"] and re.search(r"\bdestroy(?:ed|ing|s)?\b|\bstruck\b|\bhit\b|\btargeted\b",
                                                   low):
        # weapons destroyed by aircraft or drones: the strike is the event, not a seizure
        return pick("Air/drone strike", "weapons destroyed from the air")
    if weapons_seized and "explosion" in families and re.search(r"\bkill|\bdied\b|\bdead\b|\bdeaths?\b", low):
        weapons_seized = False  # people died in an explosion: the blast is the event, not the devices found
    if weapons_seized and "kill" in families and KILLED_THEN_SEIZED.search(low):
        # "troops killed 10 terrorists and recovered 15 rifles": the arms are what the fight left behind
        weapons_seized = False
    if weapons_seized or ("disrupt" in families and has["disrupt"]):
        return pick("Disrupted weapons use", "weapon defused/intercepted/seized")
    explosive_ok = not protest_ctx or attack_verb
    if families == {"target"}:
        return _targeting_subtype(low, has, sent)
    # (aircraft that destroyed a camp or a depot struck it: the destruction is the strike's, not looting)
    air_destroyed = "loot" in families and re.search(r"\bdestroy(?:ed|ing|s)?\b|\braz(?:ed|ing)\b", low) is not None
    if explosive_ok and has["air"] and not AIR_TARGETED.search(low) and (air_destroyed or families & {
            "air", "bomb", "attack", "kill", "explosion", "shell", "fire", "strike", "raid"}):
        return pick("Air/drone strike", "aircraft/drone")
    if explosive_ok and "bomb" in families and not has["ied"] and _state_bombs(sent):
        return pick("Air/drone strike", "state forces bombing")
    if explosive_ok and not protest_ctx and RPG_FIRE.search(low) and _target_is_armed(sent, low) and (
            FRONT_WORDS.search(low) or _armed_firer(sent)):
        # an RPG fired by fighters at fighters, or on a front line, is fired at close range by sides in contact: the
        # fighting itself, not a shelling from afar (at homes or a market, or from no one named, it stays one)
        return pick("Armed clash", "RPG fire at armed men")
    if explosive_ok and "grenade" in families and has["grenade"] and "ied" not in families:
        return pick("Grenade", "grenade or hand-thrown bomb")  # "crude bombs exploded near a procession"
    if explosive_ok and ("ied" in families or (has["ied"] and families & {"explosion", "bomb"})):
        return pick("Remote explosive/landmine/IED", "explosive device")
    if explosive_ok and "kill" in families and families <= {"kill", "explosion", "bomb"} and DEVICE_NAMED.search(low):
        # a death told with the device that caused it, in any clause ("killed while trying to save a boy who had
        # strayed into a building rigged with booby traps"): no other means named, the device killed
        return pick("Remote explosive/landmine/IED", "killed by an explosive device")
    if "grenade" in families and has["grenade"]:
        return pick("Grenade", "grenade")
    # heavy machine guns are heavy weapons, not small arms (fired from afar at positions, like mortars)
    small_arms = bool(re.search(r"\bsmall arms\b|\brifles?\b|\bsnipers?\b|"
                                r"\bshoot-?outs?\b|\bgunfire\b|\bshots\b|\bbursts of fire\b(?! involving heavy)|"
                                r"\bexchang\w* (?:of )?fire", low)) or (
        bool(re.search(r"(?<!heavy )\bmachine ?guns?\b", low)) and not HEAVY_CALIBRE.search(low))
    two_sides_named = "clash" in families and CLASH_BETWEEN.search(low) is not None
    if not small_arms and not protest_ctx and HEAVY_WEAPONS.search(low) and not TWO_SIDED.search(low) and \
            not two_sides_named and not (has["air"] or has["ied"] or "suicide" in families):
        return pick("Shelling/artillery/missile attack", "heavy weapons only")
    if small_arms and (has["shell"] or "explosion" in families) and (_target_is_armed(sent, low) or FRONT_WORDS.search(low) or
                                        not HEAVY_NAMED.search(low)):
        # small arms against armed positions, or small arms the only weapons named ("shots involving small
        # arms"): the two sides are in contact, a clash, not a shelling
        return pick("Armed clash", "small arms against armed positions")
    if not protest_ctx and TWO_SIDED.search(low):
        # both sides fire: an exchange of fire, even with heavy weapons, is a clash, not a one-sided shelling
        return pick("Armed clash", "both sides fire")
    if explosive_ok and not protest_ctx and "explosion" in families and not has["ied"] and not families & {"bomb"}:
        return pick("Shelling/artillery/missile attack" if re.search(r"\bweapons?\b|\bfront|\bpositions?\b|\bshell",
                                                                    low) else "Remote explosive/landmine/IED",
                    "explosion of unnamed origin")
    if explosive_ok and not protest_ctx and not two_sides_named and (
            families & {"shell", "bomb", "explosion"} or (has["shell"] and families & {"attack", "fire", "kill", "strike"})):
        if has["shell"] or "shell" in families:
            return pick("Shelling/artillery/missile attack", "shells/rockets/missiles")
        if families & {"bomb", "explosion"}:
            return pick("Remote explosive/landmine/IED", "explosion")
    if protest_ctx and _armed_men_attacked(sent, text):
        # "gunmen opened fire on protesters": armed men's attack on a demonstration, not the state's force on it
        return pick("Attack", "armed men attacked demonstrators")
    if protest_ctx or ("burn" in families and has["protest"]):
        return _protest_subtype(low, has, families, sent)
    if ("mob" in families or has["mob"]) and not _vigilantes_fighting(low):
        return pick("Mob violence", "mob")
    if "seize" in families and re.search(SEIZED_GOODS, low) and not CAPTURE_OF_PLACE.search(low):
        # codebook: seizing goods, vehicles or property is looting, whoever seizes them; what was seized decides,
        # not the place named after it ("seized 5 tons of marijuana on the highway")
        return pick("Looting/property destruction", "goods or property seized")
    territory = "regain" in families or "territory" in families or ("seize" in families and has["overtake"]) or (
        has["regain"] and families & {"clash", "seize"}) or ("seize" in families and named_place_taken(sent))
    if territory and not CAPTURE_OF_PLACE.search(low) and PEOPLE_CAPTURED.search(low):
        # fighters captured, no ground named as taken: prisoners taken in fighting, a clash
        return pick("Armed clash", "fighters captured")
    if territory and TERRITORY_OBJECTS.search(low) and REPELLED.search(low) and CAPTURE_ATTEMPT.search(low):
        return pick("Armed clash", "attempt to take ground repelled")
    if territory and (TERRITORY_OBJECTS.search(low) or named_place_taken(sent)):
        if (has["withdraw"] and not has["clash"] and not FORCED_OUT.search(low)) or NO_RESISTANCE.search(low):
            return pick("Non-violent transfer of territory", "taken after the other side withdrew")
        return _territory_subtype(low, families)
    if "advance" in families or ("territory" in families and LOST_GROUND.search(low)):
        # armed actors entering or advancing into a place (find_triggers checked the frame), or a side that lost
        # its capital or control of a place: territory changed hands
        if NO_RESISTANCE.search(low):
            return pick("Non-violent transfer of territory", "entered without resistance")
        return _territory_subtype(low, families)
    if families <= {"withdraw", "change"} and "withdraw" in families and _forced_withdrawal(low, sent):
        # ground given up under fire, or as the other side closed in, was taken by force: no handover
        return _territory_subtype(low, families)
    if "withdraw" in families and (not has["clash"] or NO_RESISTANCE.search(low)):
        return pick("Non-violent transfer of territory", "withdrawal/handover")
    if "sexual" in families or has["sexual"]:
        told = ATTRIBUTION_TAIL.sub("", low)  # "…, police said": who reports it is not who did it
        if not (ORGANISED.search(told) or NONSTATE_WORDS.search(told) or names_armed_group(text) or re.search(
                r"\b(?:security|guards?|personnel|officers?|combatants?|war|conflict|political|ethnic|party)\b", told)):
            # codebook: sexual violence is coded when armed, state or political actors commit it; by a private
            # person it is common crime
            return pick("Other", "sexual violence by a private person (common crime)", conf=0.15)
        return pick("Sexual violence", "sexual violence")
    if "abduct" in families and not ("kill" in families and re.search(r"\bkill(?:ed|ing|s)?\b|\bshot dead\b|\bmurder",
                                                                     low)):
        # (people killed and others abducted in one act: the codebook codes the gravest form, the killing)
        return pick("Abduction/forced disappearance", "abduction")
    target_armed = _target_is_armed(sent, low)
    acted = ATTRIBUTION_TAIL.sub("", low)  # (", villagers said", ", police said": who reports it is no side of it)
    organised = re.search(r"\b(?:forces|troops|soldiers|army|military|police|militants?|rebels?|insurgents?|militias?|"
                          r"militiam[ae]n|fighters|gunmen|gangs?|cartel|jihadists?|terrorists?|armed (?:men|group))\b",
                          acted) or NONSTATE_WORDS.search(acted)
    unorganised = re.search(r"\b(?:groups? of (?:locals|residents|villagers|youths|people|supporters|students)|"
                            r"two groups|2 groups|locals|villagers|residents|supporters|students|families|"
                            r"communities|youths|palestinians|neighbou?rs|relatives)\b", acted)
    if has["clash"] and families & {"clash", "fire", "attack", "kill"} and unorganised and not (
            organised and not re.search(r"\b(?:israeli|police|security) forces\b", low)):
        return pick("Mob violence", "clash between unorganised groups")
    if has["clash"] and families & {"clash", "fire", "attack", "kill", "fire_noun"}:
        return pick("Armed clash", "armed groups fight")
    if "fire" in families or ("fire_noun" in families and organised):
        return pick("Armed clash" if target_armed else "Attack", "fire on armed forces" if target_armed else
                    "fire on civilians")
    if families & {"kill", "attack", "fire_noun", "raid"}:
        agent = _agents(sent)
        if target_armed and agent and UNORGANISED.search(agent.lower()) and not ORGANISED.search(agent.lower()) \
                and not re.search(r"\b[A-Z]{2,}\b", agent):
            # codebook: an unorganised group (villagers, youths) attacking police or guards is mob violence,
            # not a battle: the attackers are rioters, not an armed group
            return pick("Mob violence", "unorganised group attacks armed forces")
        if "raid" in families and has["arrest"] and not families & {"kill", "attack", "fire_noun"} \
                and not has["lethal"]:
            # a raid that only arrests tells no fighting, however armed the people it arrests
            return pick("Arrests", "raid and arrests")
        if target_armed:
            return pick("Armed clash", "attack on armed forces")
        if "raid" in families and has["arrest"]:
            return pick("Arrests", "raid and arrests")
        if families == {"raid"} and _armed_men_raided(sent):
            # "Boko Haram fighters raided the town": armed men who are no state force raid to attack, not to arrest
            return pick("Attack", "armed men raided a place")
        if families == {"raid"}:
            return pick("Arrests", "raid", conf=0.4)
        if "arrest" in families and not re.search(r"\bkill|\bshot\b|\bmurder|\bbeat", low):
            return pick("Arrests", "arrest")
        if PROPERTY_DAMAGE.search(low) and PROTEST_ACTORS.search(_agents(sent).lower()):
            # codebook: demonstrators who damage property demonstrate violently (Violent demonstration)
            return pick("Violent demonstration", "demonstrators attacked property")
        if PROPERTY_DAMAGE.search(low) and not HARM.search(NO_HARM.sub(" ", low)) and \
                not CIVILIAN_WORDS.search(_targets(sent, low)):
            # codebook: an attack that only damages or burns property, hurting no one, is property destruction
            return pick("Looting/property destruction", "property attacked, no one hurt")
        agent = _agents(sent)
        if agent and UNORGANISED.search(agent.lower()) and not ORGANISED.search(agent.lower()) and \
                not re.search(r"\b[A-Z]{2,}\b", agent):  # a named organisation's members are not a mob
            # codebook: violence by an unorganised group of people (villagers, youths, a crowd) is mob violence
            return pick("Mob violence", "unorganised group attacks")
        return pick("Attack", "violence against civilians")
    if "arrest" in families:
        return pick("Arrests", "arrest")
    if families & {"burn", "loot"} and PROTEST_ACTORS.search(_agents(sent).lower()):
        # "striking workers set fire to a substation", "protesters looted shops": demonstrators damaging property
        # riot (codebook), whether they burn, wreck or loot it
        return pick("Violent demonstration", "demonstrators set property on fire or looted it")
    if "burn" in families and _crowd_burned(sent):
        # codebook: a crowd (villagers, youths, residents) setting property on fire is mob violence
        return pick("Mob violence", "a crowd set property on fire")
    if "burn" in families and HARM.search(NO_HARM.sub(" ", low)):
        # codebook: an attack that hurts people is violence against civilians, not property destruction
        return pick("Attack", "people killed when a place was set on fire")
    if "loot" in families and HARDWARE_DESTROYED.search(low):
        # "a Russian tank was destroyed", "destroyed two armoured vehicles": arms of war lost in fighting (codebook:
        # an attack on armed forces is a battle), not property destruction
        return pick("Armed clash", "military hardware destroyed")
    if "loot" in families or "burn" in families:
        return pick("Looting/property destruction", "property looted/destroyed")
    if "agreement" in families:
        return pick("Agreement", "agreement")
    if "hq" in families and re.search(_phrase("hq") + r"|\b(?:set up|established|opened|moved|relocated|built)\b"
                                      r"(?:\W+\w+){0,5}?\W+headquarters\b|\bheadquarters (?:was|were|has been|have been) "
                                      r"(?:set up|established|opened)", low):
        # codebook: a base or headquarters established; a building that is someone's headquarters is a place
        return pick("Headquarters or base established", "base established")
    if "disrupt" in families:
        return pick("Disrupted weapons use", "weapon defused/intercepted")
    if "change" in families or "seize" in families or "withdraw" in families:
        return pick("Change to group/activity", "group activity", conf=0.4)
    if "strike" in families or "air" in families:
        return pick("Air/drone strike", "strike", conf=0.3)
    if "other" in families:
        return pick("Other", "other", conf=0.4)
    if families & {"protest", "strike"}:
        return pick("Peaceful protest", "protest", conf=0.3)
    return pick("Other", "unclear", conf=0.2)


def _forced_withdrawal(low: str, sent: SpacySpan | None) -> bool:
    """A withdrawal the sentence tells as forced: under bombardment or after fighting, pursued, or as the other side
    moved in (FORCED_OUT), not under a deal (NEGOTIATED_EXIT) and not "without resistance". The whole sentence
    counts: the shelling that forced it sits in a clause of time ("after weeks of shelling") set aside from the
    sub-type's words."""
    whole = span_text(sent).lower() if sent is not None else low
    return bool(FORCED_OUT.search(whole)) and not NO_RESISTANCE.search(whole) and not NEGOTIATED_EXIT.search(whole)


def _targeting_subtype(low: str, has: dict[str, bool], sent: SpacySpan | None) -> Classification:
    """An armed actor targeting something, no other trigger: from the air an air strike; with shells, or at homes,
    markets or ships, a shelling (fired from afar); at positions, roads and ground, the fighting (Armed clash)."""
    if has["air"] and not AIR_TARGETED.search(low):
        return Classification("Air/drone strike", ["aircraft target"], 0.5)
    if has["shell"] or TARGETED_FROM_AFAR.search(_targets(sent, low)) or BOMBARD_VERBS.search(low):
        return Classification("Shelling/artillery/missile attack", ["targeted from afar"], 0.5)
    return Classification("Armed clash", ["armed forces target positions or ground"], 0.5)


def _territory_subtype(low: str, families: set[str]) -> Classification:
    """Who takes the ground decides: state forces regain territory; a non-state group overtakes it."""
    verb = re.search(r"\b(?:recaptur|retook|retake|regain|liberat|won back|wrested|recovered control|captur|seiz|(?:re)?occup|"
                     r"overr[au]n|took|taken|pushed|control|entere?d?\b|advanc|drove|driv(?:en|e|ing)\b|kick|chas(?:e|ed|ing)\b|"
                     r"expell?|oust)", low)
    before = low[:verb.start()] if verb else low
    state_at = max((m.start() for m in STATE_WORDS.finditer(before)), default=-1)
    rebel_at = max((m.start() for m in NONSTATE_WORDS.finditer(before)), default=-1)
    after = re.sub(r"^\w*", "", low[verb.end():]) if verb else ""  # from the end of the verb's word
    if re.match(r"(?:\W+\w+){0,6}?\W+by (?:the )?(?:government|army|troops|soldiers|security forces)\b", after):
        state_at, rebel_at = len(before), -1  # the capture's own passive agent ("was captured by the army")
    elif (fell := FELL_TO.search(low)) is not None:
        # "the town fell to the militants": the side named first after the verb took it
        state, rebel = STATE_WORDS.search(low, fell.end()), NONSTATE_WORDS.search(low, fell.end())
        state_at = 1 if state and (not rebel or state.start() < rebel.start()) else -1
        rebel_at = 1 if rebel and state_at < 0 else -1
    elif (lost := LOST_GROUND.search(low)) is not None and (taker := TAKEN_BY.search(low, lost.end())) is not None:
        # who took it is named after the verb ("lost the town to Islamic State fighters"): a state's words, else an
        # armed group
        state_at, rebel_at = (1, -1) if STATE_WORDS.search(taker.group(0)) else (-1, 1)
    elif lost is not None:
        # the side that lost it is named (last) before the verb: the other side took it
        lost_state = max((m.start() for m in STATE_WORDS.finditer(low, 0, lost.start())), default=-1)
        lost_rebel = max((m.start() for m in NONSTATE_WORDS.finditer(low, 0, lost.start())), default=-1)
        state_at, rebel_at = (1, -1) if lost_rebel > lost_state else ((-1, 1) if lost_state >= 0 else (-1, -1))
    elif re.search(r"\b(?:were|was|been) (?:driven|pushed|forced|expelled) (?:back |out )?(?:of|from)\b", low):
        # passive ("were pushed back from their strongholds"): the side named before the verb lost the ground
        state_at, rebel_at = rebel_at, state_at
    elif verb is None and (left := WITHDREW.search(low)) is not None:
        state_at, rebel_at = _taker_of_withdrawal(low, left)
    if rebel_at > state_at:
        return Classification("Non-state actor overtakes territory", ["non-state group took territory"])
    if state_at >= 0 or "regain" in families:
        return Classification("Government regains territory", ["state forces took territory"])
    return Classification("Non-state actor overtakes territory", ["territory taken"], 0.4)


def _taker_of_withdrawal(low: str, left: re.Match[str]) -> tuple[int, int]:
    """(state_at, rebel_at) for ground given up by withdrawing: the side named after the withdrawal (the one that
    moved in, pursued or fired: "withdrew as Turkish-backed fighters moved in") took it; with none named, the side
    other than the one that withdrew (named last before the verb)."""
    after = low[left.end():]
    state, rebel = STATE_WORDS.search(after), NONSTATE_WORDS.search(after)
    if state or rebel:
        state_first = state is not None and (rebel is None or state.start() < rebel.start())
        return (1, -1) if state_first else (-1, 1)
    gave_state = max((m.start() for m in STATE_WORDS.finditer(low, 0, left.start())), default=-1)
    gave_rebel = max((m.start() for m in NONSTATE_WORDS.finditer(low, 0, left.start())), default=-1)
    if gave_rebel > gave_state:
        return 1, -1
    return (-1, 1) if gave_state >= 0 else (-1, -1)


def _targets(sent: SpacySpan | None, low: str) -> str:
    """Who was hit: objects and passive subjects of attack verbs (dependency parse), else the words after the
    first attack verb."""
    if sent is not None:
        parts: list[str] = []
        for tok in sent:
            if (CUE["attack_words"].fullmatch(tok.lower_) or tok.lemma_.lower() in HIT_LEMMAS) and \
                    not _stormed_by_state(tok):
                for child in tok.children:
                    if child.dep_ in {"dobj", "nsubjpass"}:
                        parts.append(" ".join(t.lower_ for t in _outside_clauses(child)))
                    if child.dep_ == "prep" and child.lower_ in {"on", "at", "upon", "against"}:
                        parts.append(" ".join(t.lower_ for t in child.subtree))
        if parts:
            return " ".join(parts)
    return _after_attack(ATTRIBUTION_TAIL.sub("", low))  # "…, police said": who tells it was not hit


# Who was hit, by the head noun of the phrase (codebook: an attack on armed or security forces — soldiers, police,
# militants, gang members, their positions and patrols — is a battle even when one side fires; violence against
# civilians is violence against unarmed people). The head noun decides "positions of the People's Militia" and
# "a civilian police patrol"; nouns like "member" or "agent" are armed when their modifier names an armed body.
ARMED_HEADS = _LEXICON.words("ARMED_HEADS")
GENERIC_HEADS = _LEXICON.words("GENERIC_HEADS")
ARMED_MODIFIER = _LEXICON.regex("ARMED_MODIFIER")


# Riot words other than "storm": with one of them a storming is a crowd's whatever else the sentence says.
OTHER_RIOT_WORDS = _LEXICON.regex("OTHER_RIOT_WORDS")
CROWD_WORDS = _LEXICON.regex("CROWD_WORDS")


def _doers(sent: SpacySpan | None, lemma: str) -> Iterator[tuple[Token, Token, str]]:
    """(verb, doer, the doer's words in lower case) for each subject and by-agent of each verb of `lemma` in the
    sentence ("gunmen stormed", "was stormed by militants")."""
    for verb in sent or ():
        if verb.lemma_.lower() != lemma or verb.pos_ != "VERB":
            continue
        for doer in [p for c in verb.children if c.dep_ == "nsubj" for p in _speaker_for_pronoun(c)] + [
                o for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                for o in c.children if o.dep_ == "pobj"]:
            yield verb, doer, " ".join(t.lower_ for t in doer.subtree)


def _armed_men_attacked(sent: SpacySpan | None, told: str = "") -> bool:
    """Whether armed men who are no state force (gunmen, gang members, militants) fired on, attacked or shot at
    someone in the sentence ("gunmen opened fire on protesters"). `told`: the sentence's text as the caller reads
    it, where a clause set aside as the crowd's grievance is blanked out; a verb there does not count."""
    for lemma in ("open", "fire", "attack", "shoot", "kill", "ambush"):
        for verb, _, phrase in _doers(sent, lemma):
            if sent is not None and _blanked_out(verb, sent, told):
                continue
            if (ARMED_WORDS.search(phrase) or ARMED_ATTACKERS.search(phrase) or NONSTATE_WORDS.search(phrase)) \
                    and not STATE_WORDS.search(phrase) \
                    and not CROWD_WORDS.search(phrase):
                return True
    return False


def _armed_firer(sent: SpacySpan | None) -> bool:
    """Whether whoever fired is named as an armed side ("rebels fired RPGs", "an RPG fired by militants")."""
    return any(_names_forces(phrase) for _, _, phrase in _doers(sent, "fire"))


def _armed_men_raided(sent: SpacySpan | None) -> bool:
    """Whether the raiders are armed men who are no state force ("Boko Haram fighters raided the town", "the village
    was raided by bandits"): police and soldiers raid to search and arrest."""
    return any((ARMED_ATTACKERS.search(phrase) or NONSTATE_WORDS.search(phrase)
                or names_armed_group(" ".join(t.text for t in doer.subtree))) and not STATE_WORDS.search(phrase)
               for _, doer, phrase in _doers(sent, "raid"))


def _blanked_out(tok: Token, sent: SpacySpan, told: str) -> bool:
    """Whether the caller's text of the sentence leaves this word out (blanked by spaces, offsets kept)."""
    at = tok.idx - sent.start_char
    return len(told) == len(sent.text) and 0 <= at < len(told) and told[at] == " " and tok.text[0] != " "


def _vigilantes_fighting(low: str) -> bool:
    """Vigilantes against armed men ("vigilantes clashed with bandits"): an armed community militia fighting, not a
    mob; vigilantes who lynch a suspect stay mob justice."""
    mob = CUE["mob"]
    return (all(m.group(0).startswith("vigilante") for m in mob.finditer(low))
            and bool(NONSTATE_WORDS.search(low) or ARMED_ATTACKERS.search(low)))


def _armed_storming(sent: SpacySpan | None) -> bool:
    """Whether the sentence's verb "storm" has an armed actor, not a crowd, as its subject or by-agent ("gunmen
    stormed a hotel", "the checkpoint was stormed by militants")."""
    return any(not CROWD_WORDS.search(phrase) and (ARMED_WORDS.search(phrase) or ARMED_ATTACKERS.search(phrase)
                                                    or NONSTATE_WORDS.search(phrase) or STATE_WORDS.search(phrase)
                                                    or names_armed_group(" ".join(t.text for t in doer.subtree)))
               for _, doer, phrase in _doers(sent, "storm"))


def _crowd_clash(sent: SpacySpan | None) -> bool:
    """Whether a crowd (no armed actor) and the police or security forces are the two sides of a clash, in either
    order: "thousands of supporters clashed with police", "riot police clashed with students", "clashes between
    miners and police"."""
    for verb in sent or ():
        if verb.lemma_.lower() not in CROWD_FIGHT_LEMMAS:
            continue
        sides = _clash_sides(verb)
        crowd = [p for p in sides if CROWD_WORDS.search(p) and not ARMED_WORDS.search(p) and not NONSTATE_WORDS.search(p)]
        state = [p for p in sides if (STATE_WORDS.search(p) or MUNICIPAL_FORCES.search(p)) and not CROWD_WORDS.search(p)]
        if crowd and state:
            return True
    return False


def _clash_sides(verb: Token) -> list[str]:
    """The words of each side of a clash: the verb's subject and its "with" object, or a "clashes between A and B"
    noun's two members (with the subject's or member's conjuncts)."""
    heads: list[Token] = []
    if verb.pos_ == "VERB":
        heads += [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "acl" and not any(c.dep_ == "agent" for c in verb.children):
            # "Stone-pelting youths clashed with police", parsed as youths who clashed (these verbs take no object)
            heads.append(verb.head)
        # "fought (running battles) with police": the "with" of the verb or of its object
        holders = [verb, *[c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CROWD_FIGHT_LEMMAS]]
        heads += [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                  for o in p.children if o.dep_ == "pobj"]
        if verb.lemma_.lower() in {"battle", "fight"}:
            heads += [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() not in CROWD_FIGHT_LEMMAS]
    else:  # "clashes between A and B", "clashes erupted between A and B"
        holders = [verb, verb.head] if verb.dep_ == "nsubj" else [verb]
        heads += [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "between"
                  for o in p.children if o.dep_ == "pobj"]
    heads += [c for h in list(heads) for c in h.conjuncts]
    # a side's own words, without the conjuncts that are sides of their own (nor the clash, for a side it hangs on)
    clash = set(range(verb.left_edge.i, verb.right_edge.i + 1))
    return [" ".join(t.lower_ for t in h.subtree if (t.dep_ != "conj" and t.head.dep_ != "conj" or t.i == h.i)
                     and (t.i not in clash or h.i in clash)).replace(" - ", "-")
            for h in heads]


# Who, as the subject or by-agent of "bomb", drops bombs from the air: a state's forces or a country. A state
# bombs a town or a position from aircraft (ACLED codes it an air strike); a bomb that armed groups set off is a
# device.
STATE_BOMBERS = _LEXICON.regex("STATE_BOMBERS")


DROPPED_BOMBS = set(_LEXICON.words("DROPPED_BOMBS"))


def _state_bombs(sent: SpacySpan | None) -> bool:
    """Whether the sentence's verb "bomb" has a state or its forces as the subject or by-agent ("government forces
    bombed the town", "the village was bombed by Russia"), or its noun "bomb" is a state's or one dropped from
    the air ("a Russian glide bomb", "guided bombs")."""
    for noun in sent or ():
        if noun.lemma_.lower() == "bomb" and noun.pos_ == "NOUN" and any(
                c.lower_ in DROPPED_BOMBS or c.ent_type_ == "NORP" for c in noun.children
                if c.dep_ in {"amod", "compound"}):
            return True
    return any(_a_state(agent) for _, agent, _ in _doers(sent, "bomb"))


def _strike_that_hit(sent: SpacySpan | None) -> bool:
    """Whether a noun "strike" hit something: it has an "on" object ("a strike on a house") or is the subject of a
    verb of harm ("a strike killed six", "another strike hit a tent camp")."""
    for word in sent or ():
        if word.lemma_.lower() != "strike" or word.pos_ != "NOUN":
            continue
        owners = " ".join(t.lower_ for c in word.children if c.dep_ in {"amod", "compound", "nmod", "poss"}
                          for t in c.subtree)
        if NONSTATE_WORDS.search(owners) or ARMED_ATTACKERS.search(owners):
            continue  # "rebel strikes killed four soldiers": an armed group's attack, not one from the air
        if any(c.dep_ == "prep" and c.lower_ in {"on", "against"} for c in word.children):
            return True
        if word.dep_ == "nsubj" and (TRIGGER_LEMMAS.get(word.head.lemma_.lower()) == "kill"
                                     or word.head.lemma_.lower() in HARM_VERBS):
            return True
    return False


def _victim_word(sent: SpacySpan | None, at: int) -> bool:
    """Whether the word at this offset of the sentence names people killed or hurt ("a strike killed seven aid
    workers", "including two teachers", "staff were wounded"): victims, not strikers."""
    if sent is None:
        return False
    tok = next((t for t in sent if t.idx - sent.start_char == at), None)
    if tok is None:
        return False
    node = tok
    for _ in range(4):
        head = node.head
        if node.dep_ in {"dobj", "nsubjpass"} and TRIGGER_LEMMAS.get(head.lemma_.lower()) == "kill":
            return True
        if node.dep_ == "pobj" and head.lower_ in {"including", "among"}:
            return True
        if head.i == node.i or node.dep_ not in {"compound", "amod", "conj", "appos", "pobj", "prep", "nummod"}:
            return False
        node = head
    return False


def _state_strikes(sent: SpacySpan | None) -> bool:
    """Whether a strike is a state's: a nationality or a state's forces before the noun ("Israeli strikes",
    "coalition strikes"), a country as its possessor ("Russia's strikes"), or a state that strikes or carries
    strikes out ("Israel struck Hamas targets", "US forces conducted strikes"), never a non-state group's."""
    for word in sent or ():
        if word.lemma_.lower() != "strike":
            continue
        if word.pos_ == "VERB":
            doers = [p for c in word.children if c.dep_ == "nsubj" for p in _speaker_for_pronoun(c)]
        elif word.pos_ == "NOUN" and word.dep_ == "dobj" and word.head.lemma_.lower() in LIGHT_VERBS:
            doers = [p for c in word.head.children if c.dep_ == "nsubj" for p in _speaker_for_pronoun(c)]
        else:
            doers = []
        owners = [c for c in word.children if c.dep_ in {"amod", "compound", "nmod", "poss"}] if word.pos_ == "NOUN" \
            else []
        if any(_a_state(d) for d in doers):
            return True
        phrase = " ".join(t.lower_ for c in owners for t in c.subtree)
        if not owners or NONSTATE_WORDS.search(phrase):
            continue
        if STATE_BOMBERS.search(phrase) or any(
                c.ent_type_ == "NORP" or (c.dep_ == "poss" and c.ent_type_ == "GPE") for c in owners):
            return True
    return False


LIGHT_VERBS = set(_LEXICON.words("LIGHT_VERBS"))


def _armed_verb_strike(sent: SpacySpan | None) -> bool:
    """The verb "strike" with an object and an armed doer ("rebels struck an army base"): an attack, not a labour
    strike and not the empty family a bare "strike" leaves."""
    return any(verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children)
               and (ARMED_WORDS.search(phrase) or NONSTATE_WORDS.search(phrase) or STATE_WORDS.search(phrase))
               for verb, _, phrase in _doers(sent, "strike"))


def _a_state(doer: Token) -> bool:
    """A doer that is a state or its forces: a country ("Israel"), a state force word ("the army", "the
    coalition") or forces with a nationality ("Russian forces", "US jets"), never a non-state group ("Taliban
    forces", "rebel troops": no air force)."""
    phrase = " ".join(t.lower_ for t in doer.subtree)
    if NONSTATE_WORDS.search(phrase):
        return False
    if doer.ent_type_ == "GPE" and len(list(doer.subtree)) <= 3:
        return True
    return bool(STATE_BOMBERS.search(phrase)) or (
        doer.lemma_.lower() in STATE_DOER_NOUNS
        and any(t.ent_type_ in {"NORP", "GPE"} for t in doer.subtree))


def _target_is_armed(sent: SpacySpan | None, low: str) -> bool:
    """True when who was hit is an armed or security actor: by the head nouns of the targets in the parse, else
    (no telling head) by the words of the target phrase."""
    kind = target_kind(sent)
    if kind is not None:
        return kind == "armed"
    if any(_stormed_by_state(t) for t in sent or ()) and (ARMED_ATTACKERS.search(low) or NONSTATE_WORDS.search(low)):
        return True  # "troops stormed a church where gunmen held hostages": the state went after the armed men
    target = _targets(sent, low)
    return bool(ARMED_WORDS.search(target)) and not CIVILIAN_WORDS.search(target)


def target_kind(sent: SpacySpan | None) -> str | None:
    """"armed" when every telling head noun of who was hit is an armed or security actor, "civilian" when one of
    them is a civilian (or civilian property), None when the parse names no telling head."""
    armed, civilian = 0, 0
    for head in _target_heads(sent):
        lemma, word = head.lemma_.lower(), head.lower_
        if lemma in ARMED_HEADS or word in ARMED_HEADS:
            armed += _head_count(head)
        elif (lemma in GENERIC_HEADS or word in GENERIC_HEADS) and (
                mods := " ".join(t.lower_ for t in _outside_clauses(head) if t.i != head.i).replace(" - ", "-")):
            if ARMED_MODIFIER.search(mods) or NONSTATE_WORDS.search(mods):
                armed += _head_count(head)
        elif CIVILIAN_WORDS.fullmatch(word) or CIVILIAN_WORDS.fullmatch(lemma):
            civilian += _head_count(head)
    if not armed and not civilian:
        return None
    # victims of both kinds: the majority decides ("seven soldiers and two civilians were killed" at a checkpoint
    # is a battle; a tie stays with the civilians)
    return "armed" if armed > civilian else "civilian"


def _outside_clauses(head: Token) -> list[Token]:
    """The words of a victim's phrase outside its relative clauses: "a man who worked with the army" was no armed
    target; the clause only says who he was."""
    clause = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in head.subtree if t.i not in clause]


def _head_count(head: Token) -> int:
    """How many a victim noun counts: its number ("seven soldiers" → 7), else one."""
    number = next((c for c in head.children if c.dep_ == "nummod"), None)
    value = fatalities_mod.number_value(number.text)[0] if number is not None else None
    return value if value else 1


def _target_heads(sent: SpacySpan | None) -> list[Token]:
    """Head nouns of what the attack verbs hit (objects, passive subjects, objects of on/at/against), with their
    coordinated nouns."""
    if sent is None:
        return []
    hit: list[tuple[Token, Token]] = []  # (attack verb, what it hit)
    for tok in sent:
        opened_fire = tok.lemma_.lower() == "open" and any(c.lemma_.lower() == "fire" for c in tok.children)
        if not (CUE["attack_words"].fullmatch(tok.lower_) or tok.lemma_.lower() in ATTACK_LEMMAS or opened_fire) or \
                _stormed_by_state(tok):
            continue
        for child in tok.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                hit.append((tok, child))
            if child.dep_ == "prep" and child.lower_ in {"on", "at", "upon", "against"}:
                hit.extend((tok, c) for c in child.children if c.dep_ == "pobj")
    # "Police killed a gunman who had opened fire on worshippers": the clause on the gunman says who he was; what
    # he had hit is no target of this act
    targets = {h.i for _, h in hit}
    heads = [h for verb, h in hit if not _in_clause_on(verb, targets)]
    out: list[Token] = []
    for h in heads:
        appos = [c for c in h.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if h.lemma_.lower() in {"people", "person"} and appos:
            h = appos[0]  # "38 people, mostly soldiers": the apposition says who the people were
        if h.pos_ in {"NOUN", "PROPN"}:
            out.append(h)
            out.extend(c for c in h.conjuncts if c.pos_ in {"NOUN", "PROPN"})
    return out


def hit_targets(sent: SpacySpan | None) -> list[Token]:
    """The nouns of what the act hit, in order, without days and hours ("on Sunday morning") and the fire of
    "opened fire on": the people among them are the event's actors, the rest the place or thing it hit."""
    return [h for h in _target_heads(sent) if h.pos_ == "NOUN" and h.ent_type_ not in {"DATE", "TIME"}
            and not (h.lemma_.lower() == "fire" and h.head.lemma_.lower() == "open")]


ATTACK_LEMMAS = _LEXICON.words("ATTACK_LEMMAS")
HIT_LEMMAS = frozenset(_LEXICON.words("HIT_LEMMAS"))


def _stormed_by_state(verb: Token) -> bool:
    """A state's forces storming a place ("troops stormed a church where gunmen held hostages") go after the armed
    men inside: the place they stormed names no victims of theirs, as it does when gunmen storm it."""
    return verb.lemma_.lower() == "storm" and any(
        v.i == verb.i and STATE_WORDS.search(phrase) for v, _, phrase in _doers(verb.sent, "storm"))


def _in_clause_on(verb: Token, nouns: set[int]) -> bool:
    """Whether the verb lies in a relative clause on one of the nouns (by token index): it describes that noun."""
    node = verb
    while node.head.i != node.i:
        if node.dep_ == "relcl" and node.head.i in nouns:
            return True
        node = node.head
    return False


def _intervened(low: str) -> bool:
    """Authorities acted against this demonstration: dispersal, arrests of participants, suppression. An arrest
    that the demonstrators protest against ("against the arrest of ...") is their grievance, not an
    intervention."""
    for m in CUE["force_light"].finditer(low):
        before = low[max(0, m.start() - 60):m.start()]
        if m.group(0).startswith("dispers") and SELF_DISPERSED.search(low, max(0, m.start() - 60)):
            continue  # "the crowd dispersed peacefully": how the protest ended, no force named
        if re.search(r"\b(?:against|over|protest(?:ing|ed)?|demand(?:ing|ed)?|condemn(?:ing|ed)?|denounc(?:ing|ed)?|"
                     r"release of|following|after)\b(?:\W+\w+){0,5}\W*$", before):
            continue
        return True
    return False


def _after_attack(low: str) -> str:
    """The words after the first attack verb: who was hit."""
    m = CUE["attack_words"].search(low)
    return low[m.end():m.end() + 80] if m else low


def _without_grievance(low: str, sent: SpacySpan | None) -> str:
    """The lower-cased sentence with what the demonstrators protest blanked out (`grievances`)."""
    if sent is None or len(low) != len(sent.text):
        return low
    for target in grievances(sent):
        a, b = target.left_edge.idx - sent.start_char, target.right_edge.idx + len(target.right_edge.text) - sent.start_char
        low = low[:a] + " " * (b - a) + low[b:]
    return low


def grievances(sent: SpacySpan) -> list[Token]:
    """The heads of what demonstrators protest: the object of "against/over" on a protest word, of the verbs
    protest, denounce, condemn ("to protest the looting of their homes", "against clashes between the army and
    rebels"), and "justice for X" ("marching to demand justice for a murdered activist")."""
    out = []
    for tok in sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in {"against", "over"} and (
                TRIGGER_LEMMAS.get(tok.head.head.lemma_.lower()) == "protest") and not _note_of_protest(tok.head.head) or tok.dep_ == "dobj" and tok.head.lemma_.lower() in GRIEVANCE_VERBS:
            out.append(tok)
        elif tok.dep_ == "pobj" and tok.head.lower_ == "for" and (tok.head.head.lower_ == "justice" or any(
                c.dep_ == "dobj" and c.lower_ == "justice" for c in tok.head.head.children)):
            out.append(tok.head)  # "for a murdered activist" (on "justice", or on "demand" beside it)
    return out


def _note_of_protest(noun: Token) -> bool:
    """A protest a government lodges ("lodged a formal protest with the envoy over the seizure of its trawler"): a note,
    not a demonstration, so what it is over may be the event itself."""
    return noun.pos_ == "NOUN" and (
        any(c.dep_ == "amod" and c.lower_ in NOTE_MODIFIERS for c in noun.children)
        or (noun.dep_ == "dobj" and noun.head.lemma_.lower() in NOTE_VERBS))


def _protest_subtype(low: str, has: dict[str, bool], families: set[str], sent: SpacySpan | None = None
                     ) -> Classification:
    """Protests and riots: who used force decides. Demonstrators using force or damaging property → Violent
    demonstration; force used on peaceful demonstrators → Excessive force (lethal or injuring) or Protest with
    intervention (dispersal, arrests); neither → Peaceful protest. Tear gas is never a chemical weapon."""
    if has["mob"] and not has["protest"]:
        return Classification("Mob violence", ["mob"])
    # the force of police removing demonstrators is theirs: it makes no riot ("guards forcibly removed them"); nor
    # does what the demonstrators protest against ("marched to protest the looting of their village")
    riot = has["riot_acts"] and CUE["riot_acts"].search(
        PROTEST_REMOVED.sub(" ", _without_stopped_attempts(_without_grievance(low, sent)))) is not None or \
        "riot" in families or "burn" in families
    forced_block = has["block"] and FORCED_BLOCK.search(PROTEST_REMOVED.sub(" ", _without_stopped_attempts(low))) is not None
    lethal = has["lethal"] or has["injury"]
    # Force used on demonstrators by the authorities is theirs, not the demonstrators' violence: "used excessive
    # force to suppress a peaceful protest", "attacks against peaceful protesters".
    if re.search(r"\bexcessive force\b|\b(?:force|attacks?|violence|fire|shot|beat\w*) (?:against|on|at) "
                 r"(?:the )?(?:peaceful )?(?:protest|demonstrat)|\bpeaceful (?:protest|demonstrat)\w* (?:were|was) "
                 r"(?:attacked|shot|beaten|killed)", low) and (lethal or "excessive force" in low):
        return Classification("Excessive force against protesters", ["force used on peaceful demonstrators"])
    if riot or forced_block:
        return Classification("Violent demonstration", ["demonstrators used force or damaged property"])
    force_by = re.search(r"\b(?:police|security|soldiers?|troops|forces|army|officers?|gendarme|authorities|guards?|"
                         r"live (?:fire|ammunition)|bullets?|tear ?gas|opened fire|fired (?:on|at))\b", low)
    # what the crowd protests ("protesting the killing of a student") is no death of this event; a killing told
    # outside it ("shot dead three people protesting the killing of a student") is
    own = _without_grievance(low, sent)
    lethal_here = lethal and (CUE["lethal"].search(own) is not None or CUE["injury"].search(own) is not None)
    if lethal_here and force_by and not re.search(r"\b(?:mourn|justice for|death of|in memory|anniversary|accident|"
                                                   r"acquittal|killed last|were killed in|whose (?:\w+ )?death)\b",
                                                   own) and not GRIEVANCE_KILLING.search(own):
        return Classification("Excessive force against protesters", ["lethal force against demonstrators"])
    # ("the crowd dispersed peacefully" is how it ended, not a dispersal: the cue's "dispersed" yields to it)
    tear_gas = has["tear_gas"] and not (SELF_DISPERSED.search(low) and not TEAR_GAS_PROPER.search(low))
    if tear_gas or _intervened(low) or PROTEST_REMOVED.search(low):
        return Classification("Protest with intervention", ["demonstrators dispersed/arrested"])
    return Classification("Peaceful protest", ["demonstration without violence"])
