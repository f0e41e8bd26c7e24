"""Event detection and coding by the ACLED codebook.

For each sentence: find trigger words (`classify.find_triggers`), drop the ones that do not report an event
that happened (negated, called for, threatened, a statement, history: `classify.judge_trigger`) into
`RejectedCandidate`s, classify the rest into one sub-type (`classify.classify_sentence`), then attach the place
(`geo.resolve.place_for_event`), the date (`extract.dates.date_for_event`), actors, fatalities and a note.
Candidates with the same (sub-type, place, date) are one event with several mentions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
from spacy.attrs import DEP, LOWER, ORTH, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.codebook import Codebook
from dateline.extraction import actors as actors_mod
from dateline.extraction import classify, incidents
from dateline.extraction import dates as dates_mod
from dateline.extraction.actor_phrases import DESCRIBED, LEAVER, SPONSOR, actor_mentions, noun_modified
from dateline.extraction.fatalities import count_fatalities
from dateline.extraction.notes import clean_clause, make_note, reports, restate_toll, with_toll
from dateline.extraction.notes import phrases as note_phrases
from dateline.extraction.packaged import Lexicon
from dateline.geo import resolve as geo_resolve
from dateline.model import (
    CIVILIAN_TARGETING,
    Actor,
    Article,
    DateMention,
    Event,
    Place,
    Quote,
    RejectedCandidate,
    Span,
)
from dateline.nlp.components.dates import SPAN_KEY as DATE_SPAN_KEY
from dateline.nlp.text import equal_to_any, kept_with, span_text, verbless
from dateline.resources import Resources
from dateline.review import PLACE_AMBIGUOUS, SUMS_INCIDENTS

_RULES = Lexicon("rule_cues.yaml")
# An event more than this many days before the report is background, not news (history filter).
HISTORY_DAYS = 62
# Words saying the text reports images or an impression rather than the event itself (weak evidence).
WEAK_EVIDENCE = _RULES.regex("WEAK_EVIDENCE")
# `_is_general_reference`: nouns that may only name a kind of act ("the uprising"), and the verbs that make one a
# concrete act ("held protests").
HELD_VERBS = _RULES.words("HELD_VERBS")
GENERAL_NOUNS = _RULES.words("GENERAL_NOUNS")


@dataclass
class Candidate:
    sub_event_type: str
    sentence: Span
    trigger: Span
    families: set[str]
    place: Place | None
    date: DateMention | None
    confidence: float
    actor_mentions: list[tuple[actors_mod.ActorMention, str]] = field(default_factory=list)
    clause: str | None = None
    fatality_text: str = ""
    paragraph_start: int = 0
    target_kind: str | None = None
    civilian_site: bool = False  # the act hit a place or gathering of civilians (`_civilian_site_hit`)
    launchers: list[tuple[int, int]] = field(default_factory=list)  # subjects that fired or launched (`_launchers`)
    # the armed sides that only report the act (", Ukrainian forces said"): `actor_phrases.actor_mentions`
    speakers: list[actors_mod.ActorMention] = field(default_factory=list)
    # who the report says carries out such strikes, told in another sentence (`_strikers_told_around`)
    strikers: list[tuple[actors_mod.ActorMention, str]] = field(default_factory=list)
    rule_reject: str | None = None  # the rules' reason to reject, when the model decides instead (a feature)
    sums_incidents: bool = False  # a lead that sums incidents the report tells one by one (`_mark_summary_leads`)
    caption: bool = False  # its sentence has no verb but a modifier: a caption or a heading (`nlp.text.verbless`)
    targets: list[Span] = field(default_factory=list)  # what the act hit (`classify.hit_targets`), see `_target`


def extract_events(
    article: Article,
    doc: Doc,
    resources: Resources,
    places: list[Place],
    dates: list[DateMention],
    quotes: list[Quote],
) -> tuple[list[Event], list[RejectedCandidate]]:
    """Every ACLED event the article reports, and the candidates rejected as not-events (with the reason).

    With the learned decision on (`Settings.event_model`), a sentence the rules reject for a heuristic reason
    (`SOFT_VETOES`: no conflict context, a weak classification, a date that reads as history or future) is
    listed as rejected AND becomes an event carrying the rules' reason as a flag (`rule_rejected:REASON`) that
    the model weighs with everything else; `decide.settle_vetoes` then keeps the event (the model overrules)
    or the rejection. The codebook's own vetoes, and every veto with the model off, reject as before."""
    book: Codebook = resources.codebook
    soft = resources.settings.event_model
    text = article.text
    paragraphs = _paragraphs(text)
    candidates: list[Candidate] = []
    rejected: list[RejectedCandidate] = []
    rejected_in: dict[str, int] = {}  # kind of rejected story (accident, crime) -> the paragraph it was told in
    sentences: list[tuple[int, int, str]] = []
    for sent in doc.sents:
        paragraph_start = _paragraph_start(paragraphs, sent.start_char)
        sentences.append((sent.start_char, paragraph_start, span_text(sent)))
        for cand, rejects in _incidents_of_sentence(sent, article, paragraphs, places, dates, book, soft):
            rejected.extend(rejects)
            follow_up = _follow_up_of_rejected(cand, rejects, paragraph_start, rejected_in)
            if follow_up is not None:
                rejected.append(follow_up)
            elif cand is not None:
                candidates.append(cand)
    candidates = _without_crime_arrests(candidates, rejected, text)
    candidates = _without_untold_wounds(candidates, rejected)
    _mark_summary_leads(candidates)
    told_mentions: dict[int, list[tuple[actors_mod.ActorMention, str]]] = {}  # a sentence's actors, read once
    places_told = _places_told(sentences, places)
    for cand in candidates:
        cand.place = geo_resolve.at_country_point(cand.place, resources.gazetteer)
        # a follow-up that names another place of the sentence ("... in Mombasa, Kisumu and Nakuru. In Nakuru,
        # police used live bullets") tells of that place's demonstration, not of this one
        others = _other_places_of_sentence(cand, places)
        own_sentences = [x for x, told in zip(sentences, places_told, strict=True)
                         if not _names_another_place(cand, others, told)]
        if cand.sub_event_type == "Mob violence" and _communities_fight(cand):
            cand.sub_event_type = "Armed clash"
        if (armed_act := _named_group_for_crowd(cand, text, book)) is not None:
            cand.sub_event_type = armed_act
        if cand.sub_event_type == "Peaceful protest":
            cand.sub_event_type = _handling_in_next_sentences(cand, own_sentences)
        if cand.sub_event_type in DEMONSTRATION_TYPES:
            cand.fatality_text = _casualties_told_after(cand, own_sentences, text)
        elif cand.sub_event_type in ONE_SIDED and _fire_returned(cand, sentences):
            cand.sub_event_type = "Armed clash"
        cand.strikers = _strikers_told_around(cand, doc, book, told_mentions)
        cand.actor_mentions += _taker_told_before(cand, doc, article, book, told_mentions)
    report = incidents.ReportText(text, [start for start, _, _ in sentences], article.header_end())
    events = _merge(candidates, article, book, report)
    return events, rejected


# The rules' vetoes the learned decision may overrule: those about context and dating, which fail on real text
# (an event told with no weapon or actor word in its sentence, a date leaking in from the sentence before).
# The codebook's own definitions (a claim, a call, a denial, a hypothetical, a disaster, common crime) stay
# the rules' to apply.
SOFT_VETOES = frozenset({"no_context", "weak", "history", "history_days", "future"})

DEMONSTRATION_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                                 "Violent demonstration", "Mob violence"})


# An accident or a crime the rules rejected, and what its follow-ups in the same paragraph are rejected as:
# "A furnace exploded ... The explosion occurred at the plant"; "A grenade exploded during a robbery ... the robber
# threatened the shopkeeper with a grenade".
FOLLOW_UPS = (("an accident", "the accident reported before, not political violence"),
              ("common crime", "common crime reported before, not political violence"))


def _follow_up_of_rejected(cand: Candidate | None, rejects: list[RejectedCandidate], paragraph_start: int,
                           rejected_in: dict[str, int]) -> RejectedCandidate | None:
    """The rejection of a candidate that goes on telling an accident or a crime its paragraph already told (and
    noting, in `rejected_in`, where each kind was last rejected); None for a candidate of its own."""
    same = {"an accident": _same_accident, "common crime": _same_crime}
    for kind, detail in FOLLOW_UPS:
        if any(r.detail and r.detail.startswith(kind) for r in rejects):
            rejected_in[kind] = paragraph_start
        if cand is not None and kind in rejected_in and same[kind](cand, rejected_in[kind]):
            return RejectedCandidate(span=cand.sentence, trigger=cand.trigger.text, reason="no_event", detail=detail)
    return None


def _incidents_of_sentence(sent: SpacySpan, article: Article, paragraphs: list[tuple[int, int]],
                           places: list[Place], dates: list[DateMention], book: Codebook, soft: bool
                           ) -> list[tuple[Candidate | None, list[RejectedCandidate]]]:
    """The sentence's candidates: one, or one per coordinated clause when its clauses tell incidents of their own.

    "Gunmen killed two villagers in Gao on Monday and an air strike killed five fighters near Kidal on Tuesday"
    is two incidents; "police fired tear gas and protesters threw stones" is one told from both sides. So a
    sentence is split at a clause coordinated with its main clause that has a subject of its own (or that a
    contrast word opens, "while rebels shelled …", or that follows a semicolon: `_coordinated_clauses`), and the split
    stands only when every clause yields a candidate and each two name, in their own words, different places or
    different dates; otherwise the whole sentence is one candidate, as before."""
    earlier = [_sentence_candidate(c, article, paragraphs, places, dates, book, soft, lead_end=end)
               for c, end in _earlier_acts(sent)]
    earlier = [(cand, rejects) for cand, rejects in earlier if cand is not None]
    clauses = _coordinated_clauses(sent)
    # a clause with no trigger yields no candidate, and then the split cannot stand (`_incidents_apart`): most
    # split sentences have such a clause, so the others' candidates (place, date, actors) are not worked out
    triggers = [classify.find_triggers(c) for c in clauses] if len(clauses) >= 2 else []
    if triggers and all(triggers):
        parts = [_sentence_candidate(c, article, paragraphs, places, dates, book, soft, triggers=t)
                 for c, t in zip(clauses, triggers, strict=True)]
        if _incidents_apart([cand for cand, _ in parts], clauses):
            _share_subject_and_date([cand for cand, _ in parts], clauses)
            return parts + earlier
    return [_sentence_candidate(sent, article, paragraphs, places, dates, book, soft), *earlier]


_EARLIER_MARKS = frozenset({"after", "following"})  # the words that open a clause `_told_apart` sets apart


def _earlier_acts(sent: SpacySpan) -> list[tuple[SpacySpan, int]]:
    """The "after …" clauses that tell an earlier incident of their own, each with the words that measure it back:
    "Soldiers killed four militants on Wednesday, two days after an attack on a checkpoint killed three
    policemen", "Students marched on Sunday, two days after police shot dead a protester". A coder codes both acts;
    the main clause's candidate sets the clause aside (`_clauses_set_aside`), so it is proposed apart, dated by
    its count back ("two days after": the date code counts it from the sentence's day) or by a day of its own
    ("after troops killed two demonstrators on Sunday"). A clause measured in months or years is background,
    and a clause with neither a count nor a day is how the main act came about, not an incident told apart.
    Each clause comes with where its opening words ("two days after") end: they tell when, not what happened."""
    if not _holds_word(_earlier_marks(sent.doc), sent.start, sent.end):
        return []  # no clause of time to tell apart: spare the trigger search, which the sentence's candidate runs
    triggers = classify.find_triggers(sent)
    clauses: dict[tuple[int, int], tuple[SpacySpan, int]] = {}
    main = False
    for trig in triggers:
        clause = _time_clause(sent, trig)
        if clause is None:
            main = main or (_participant_clause(sent, trig) is None and _retaliation_frame(sent, trig) is None)
            continue
        told = _told_apart(clause, sent)
        if told is not None and sent.start <= told.start:
            mark = next(t for t in told if t.lower_ in _EARLIER_MARKS)
            clauses[(told.start, told.end)] = (told, mark.idx + len(mark.text))
    return list(clauses.values()) if main else []


_EARLIER_MARKS_KEY = ("dateline", "earlier_marks")


def _earlier_marks(doc: Doc) -> list[int]:
    """Indices of the document's `_EARLIER_MARKS` words, in text order. Every sentence is asked whether it holds
    one, and a walk over its words made a Token object per word (most sentences have none); the document's
    lower-case ids, read once, answer for all its sentences."""
    def find(doc: Doc) -> list[int]:
        marks = [doc.vocab.strings[word] for word in _EARLIER_MARKS]
        return np.flatnonzero(equal_to_any(doc.to_array(LOWER), marks)).tolist() if len(doc) else []

    return kept_with(doc, _EARLIER_MARKS_KEY, find)


def _holds_word(positions: list[int], start: int, end: int) -> bool:
    """Does one of the token indices `positions` (in text order) fall in [start, end)?"""
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _told_apart(clause: SpacySpan, sent: SpacySpan) -> SpacySpan | None:
    """The clause of time with the words that measure it back ("two days after …"), when it tells an incident of
    its own: measured back by a short span, or naming a day of its own while the main clause names another (a lone
    day inside the clause may be the main act's: "detained 40 people after demonstrators occupied the town hall on
    Monday"); None otherwise."""
    measure = _measure_of(clause)
    if measure is not None:
        words = " ".join(t.lower_ for t in measure.subtree)
        if classify.HISTORY_SPAN.search(words):
            return None  # "a year after": history, no news of the report
        return clause.doc[min(measure.left_edge.i, clause.start): clause.end]
    outside = [t for t in sent if t.ent_type_ == "DATE" and not clause.start <= t.i < clause.end]
    if outside and _names_a_day(clause) and (_has_own_doer(clause) or clause.root.pos_ == "NOUN"):
        return clause
    return None


# Kinds of date expression (`nlp/components/dates.py` labels) that name a day or a month of their own; a duration
# ("in as many days"), a vague time ("recently") or a bare year ("in 2009": background) does not date a clause as
# an incident apart
_DAY_LABELS = frozenset({"EXPLICIT", "RANGE", "WEEKDAY", "RELATIVE", "HOLIDAY", "MONTH"})


def _names_a_day(clause: SpacySpan) -> bool:
    """Does the clause hold a date expression of its own that names a day ("on Sunday", "on 1 March")?"""
    found = clause.doc.spans.get(DATE_SPAN_KEY, [])
    return any(d.label_ in _DAY_LABELS and clause.start <= d.start and d.end <= clause.end for d in found)


def _measure_of(clause: SpacySpan) -> Token | None:
    """The span of time that measures a clause of time back from the main act ("two days" in "two days after"), as
    `_measured_back` reads it, or None."""
    if not _measured_back(clause):
        return None
    mark = next(t for t in clause if t.lower_ in _EARLIER_MARKS)
    spans = [c for c in (*mark.children, *mark.head.children) if c.dep_ == "npadvmod" and c.i < mark.i]
    before = clause.doc[clause.start - 1] if clause.start > 0 else None
    if before is not None and before.dep_ == "npadvmod":
        spans.append(before)
    return next((s for s in spans if classify.TIME_SPAN.search(" ".join(t.lower_ for t in s.subtree))), None)


def _share_subject_and_date(found: list[Candidate | None], clauses: list[SpacySpan]) -> None:
    """Clauses that share the sentence's subject ("Boko Haram fighters killed four soldiers in Gwoza and abducted
    12 farmers in Bama on Sunday") share its actor and its date: a clause with no subject of its own takes the
    first clause's agents, and a clause with no date of its own the one date another clause names."""
    cands = [c for c in found if c is not None]
    agents = [(m, r) for m, r in cands[0].actor_mentions if r == "agent"] if cands else []
    for cand, clause in zip(found, clauses, strict=True):
        if cand is not None and cand is not cands[0] and not _has_own_subject(clause):
            cand.actor_mentions = agents + [x for x in cand.actor_mentions if x not in agents]
    told = {(c.date.date_start, c.date.date_end): c.date for c in cands if c.date is not None}
    if len(told) == 1:
        only = next(iter(told.values()))
        for cand in cands:
            if cand.date is None:
                cand.date = only


def _has_own_subject(clause: SpacySpan) -> bool:
    """The clause's own verb has a subject in it, however the verb hangs on the main clause: a coordinated verb
    ("and gunmen shot …"), a contrast clause ("whereas in Tillaberi soldiers killed …") or one after a semicolon.
    (A closing "…, police said" is the sentence's root, whose subject only reports.)"""
    tops = [t for t in clause if not clause.start <= t.head.i < clause.end]
    return any(c.dep_ in {"nsubj", "nsubjpass"} and clause.start <= c.i < clause.end
               for top in tops if top.pos_ in {"VERB", "AUX"} for c in top.children)


def _incidents_apart(found: list[Candidate | None], clauses: list[SpacySpan]) -> bool:
    """Every clause yields a candidate, and each two name, in their own words, other places or other dates."""
    if any(c is None for c in found):
        return False
    own = [_own_place_and_date(c, clause) for c, clause in zip(found, clauses, strict=True) if c is not None]
    return all((a[0] is not None and b[0] is not None and a[0] != b[0]) or
               (a[1] is not None and b[1] is not None and a[1] != b[1])
               for i, a in enumerate(own) for b in own[i + 1:])


def _own_place_and_date(cand: Candidate, clause: SpacySpan) -> tuple[object, object]:
    """The candidate's place and date where its own clause names them, else None: a clause that tells only a
    toll ("one farmer was killed, and 30 others hurt") borrows both and is no incident of its own."""
    def inside(span: Span) -> bool:
        return clause.start_char <= span.start and span.end <= clause.end_char

    place = _place_key(cand.place) if cand.place is not None and inside(cand.place.span) else None
    date = cand.date.date_start if cand.date is not None and inside(cand.date.span) else None
    return place, date


def _coordinated_clauses(sent: SpacySpan) -> list[SpacySpan]:
    """The sentence cut before each clause coordinated with its main clause that has its own subject (the main
    clause is the root, or what a root speech verb reports: "X happened and Y happened, officials said"), each
    clause a contrast word opens with a doer of its own ("…, while rebels shelled a village in Hama"), and after
    a semicolon between two clauses with their own subjects."""
    root = sent.root
    if not _holds_word(_clause_openers(sent.doc), root.left_edge.i, root.right_edge.i + 1):
        return [sent]  # (every word a cut is made before hangs in the root's subtree)
    heads = [root, *(c for c in root.children if c.dep_ == "ccomp")]
    # a coordinated verb with a subject of its own, or with an object of its own where the subject is shared
    # ("militants killed four soldiers in Borno and abducted 12 farmers in Zamfara")
    starts = sorted({c.left_edge.i for h in heads for c in h.children
                     if (c.dep_ == "conj" or _contrast_clause(c)) and c.pos_ in {"VERB", "AUX"}
                     and any(g.dep_ in {"nsubj", "nsubjpass"} or (g.dep_ == "dobj" and h.pos_ == "VERB"
                                                                   and any(o.dep_ == "dobj" for o in h.children))
                             for g in c.children) and c.left_edge.i > sent.start} | _after_semicolons(sent))
    if not starts:
        return [sent]
    doc, clauses, begin = sent.doc, [], sent.start
    for start in starts:
        end = start
        while end > begin and (doc[end - 1].dep_ in {"cc", "punct", "mark"}):
            end -= 1  # ", and" / ", while" belongs to neither clause
        if end > begin:
            clauses.append(doc[begin:end])
        begin = start
    clauses.append(doc[begin:sent.end])
    return clauses


_CLAUSE_OPENERS_KEY = ("dateline", "clause_openers")


def _clause_openers(doc: Doc) -> list[int]:
    """Indices of the document's words a cut of `_coordinated_clauses` needs, in text order: a verb joined as a
    conjunct or as an adverbial clause, and a semicolon. Most sentences have none, and a walk over the root's
    children (a Token object each) to find that out ran for every sentence; the document's arrays, read once,
    answer for all of them."""
    def find(doc: Doc) -> list[int]:
        if not len(doc):
            return []
        strings = doc.vocab.strings
        rows = doc.to_array([DEP, POS, ORTH])
        verbs = equal_to_any(rows[:, 1], [VERB, AUX]) & equal_to_any(rows[:, 0], [strings["conj"], strings["advcl"]])
        return np.flatnonzero(verbs | (rows[:, 2] == strings[";"])).tolist()

    return kept_with(doc, _CLAUSE_OPENERS_KEY, find)


def _contrast_clause(verb: Token) -> bool:
    """An adverbial clause a contrast word opens ("while", "whereas"): another act told beside the main one."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in classify.CONTRAST_MARKS
                                        for c in verb.children)


def _after_semicolons(sent: SpacySpan) -> set[int]:
    """The first word after each semicolon of the root that parts two clauses with subjects of their own ("A bomb
    killed two soldiers in Kidal on Monday; gunmen shot dead a teacher in Gao on Tuesday")."""
    def has_subject(tok: Token) -> bool:
        return tok.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)

    root = sent.root
    found = set()
    for semi in (c for c in root.children if c.text == ";"):
        before = [c for c in root.children if c.i < semi.i and has_subject(c)]
        if has_subject(root) and (before or root.i < semi.i) and semi.i + 1 < sent.end:
            found.add(semi.i + 1)
    return found


def _places_told(sentences: list[tuple[int, int, str]], places: list[Place]) -> list[frozenset[str]]:
    """The place names each sentence writes, read once per report: every candidate compares its sentence's places
    with every sentence's, and reading the places anew for each pair cost a sixth of a long article's time."""
    told: list[set[str]] = [set() for _ in sentences]
    starts = [start for start, _, _ in sentences]
    for p in places:
        i = bisect.bisect_right(starts, p.span.start) - 1
        if i >= 0 and p.span.start < starts[i] + len(sentences[i][2]):
            told[i].add(p.mention)
    return [frozenset(t) for t in told]


def _other_places_of_sentence(cand: Candidate, places: list[Place]) -> frozenset[str]:
    """The names of the places the candidate's sentence writes besides the candidate's own place."""
    if cand.place is None:
        return frozenset()
    own = cand.place.mention
    return frozenset(p.mention for p in places if cand.sentence.start <= p.span.start < cand.sentence.end
                     and p.mention != own and p.name is not None)


def _names_another_place(cand: Candidate, others: frozenset[str], told: frozenset[str]) -> bool:
    """Whether a sentence, which names the places `told`, names one of the `others` places of the candidate's
    sentence, and not the candidate's own: it tells of what happened there."""
    return cand.place is not None and bool(told & others) and cand.place.mention not in told


def handling_told_of(place: Place, event: Event, doc: Doc) -> tuple[str, Span | None]:
    """How the authorities handled a demonstration at one place of a list, and its fatality text, from the next
    sentences of its paragraph that name that place ("... in Mombasa, Kisumu and Nakuru. In Nakuru, police used
    live bullets, and one man died"): (sub-type, the sentence that gives its dead); ("Peaceful protest", None) when
    none does."""
    text = doc.text
    told = event.mentions[0]
    paragraphs = _paragraphs(text)
    para = _paragraph_of(paragraphs, told.start, text).start
    naming = [(sent.start_char, para, span_text(sent)) for sent in doc.sents
              if sent.start_char >= told.end and _paragraph_start(paragraphs, sent.start_char) == para
              and place.mention in span_text(sent)][:2]
    probe = Candidate("Peaceful protest", told, told, set(), place, None, 0.0, paragraph_start=para)
    sub = _handling_in_next_sentences(probe, naming)
    fatal = next((Span.of(text, start, start + len(t.rstrip())) for start, _, t in naming if count_fatalities(t).value is not None),
                 None)
    return sub, fatal


def _casualties_told_after(cand: Candidate, sentences: list[tuple[int, int, str]], text: str) -> str:
    """Codebook: the dead of a demonstration or riot, killed by the forces sent against it, are its fatalities.
    When the demonstration's sentence gives no figure, the next two sentences of its paragraph that tell of no
    other demonstration ("Police answered with live rounds. Three marchers died.") give it; the fatality text
    runs from the demonstration's sentence to the one with the figure, so evidence offsets stay right."""
    if count_fatalities(cand.fatality_text).value is not None:
        return cand.fatality_text
    following = [(start, t) for start, para, t in sentences
                 if start >= cand.sentence.end and para == cand.paragraph_start][:2]
    for start, t in following:
        low = t.lower()
        if classify.CUE["protest"].search(low) or re.search(r"\briot(?:s|ed|ers)?\b", low) or \
                incidents.told_of_another_crowd(cand.sentence.text, low):
            break  # another demonstration begins, or another place or crowd is told
        if classify.HISTORY_CUES.search(low) or classify.OTHER_TIME_TOLL.search(low):
            break  # "On 30 September last year, security forces killed 90": another time's dead
        if count_fatalities(t).value is not None:
            return text[cand.sentence.start:start + len(t)]
    return cand.fatality_text


# The demonstrators fighting the police, told after the demonstration.
CLASH_WITH_FORCES = re.compile(r"\b(?:clash(?:ed|es)?|scuffl(?:ed|es)|fought|confrontations?) (?:broke out )?with "
                               r"(?:the )?(?:police|security forces|soldiers|troops|gendarmes|officers|riot police)\b")


def _handling_in_next_sentences(cand: Candidate, sentences: list[tuple[int, int, str]]) -> str:
    """How the authorities handled a demonstration is often told in the next sentence ("Police fired tear gas to
    disperse them."): up to two following sentences of the same paragraph, with no demonstration trigger of their
    own, upgrade a peaceful protest to intervention or excessive force."""
    following = [t for start, para, t in sentences if start >= cand.sentence.end and para == cand.paragraph_start][:2]
    for t in following:
        low = classify.DENIED_OUTCOME.sub(" ", t.lower())  # "nobody was arrested, police said": no intervention
        if incidents.told_of_another_crowd(cand.sentence.text, low):
            break  # "Elsewhere in the town, youths stoned passing cars": not this demonstration's conduct or handling
        if classify.CUE["protest"].search(low):
            continue
        if CLASH_WITH_FORCES.search(low):
            # "Clashes with the police broke out": the demonstrators used force, a violent demonstration
            return "Violent demonstration"
        if classify.CROWD_DAMAGE_AFTER.search(low) and not classify.FORCE_ACTOR.search(low):
            # "Around 600 people destroyed signalling equipment": the crowd's damage, a violent demonstration
            return "Violent demonstration"
        if re.search(r"\barrests? (?:was|were) made\b|\b(?:\d+|several|some|many|dozens|hundreds|scores|number|them|"
                     r"protesters|demonstrators|participants)\b(?:\W+\w+){0,3}?\W+were arrested\b", low) and \
                not classify.CUE["riot_acts"].search(low):
            return "Protest with intervention"  # arrests are made by the authorities, named or not
        if not classify.FORCE_ACTOR.search(low) or classify.CUE["riot_acts"].search(low):
            continue
        if (classify.CUE["lethal"].search(low) or classify.CUE["injury"].search(low)) and \
                not classify.NO_HARM.search(low):
            return "Excessive force against protesters"
        if classify.CUE["tear_gas"].search(low) or classify._intervened(low):
            return "Protest with intervention"
    return "Peaceful protest"


# One-sided attacks that become a clash when the side attacked fires back.
ONE_SIDED = frozenset({"Grenade", "Attack", "Remote explosive/landmine/IED"})


def _communities_fight(cand: Candidate) -> bool:
    """Violence between communities ("communal clashes between herders and farmers left 12 dead"): their militias are
    organised armed sides (`actor_phrases._communities_fighting`), so the fight is an Armed clash, not the mob
    violence of an unorganised crowd; a state force named in it leaves the rules' reading alone."""
    sides = [m for m, _ in cand.actor_mentions if (m.group or {}).get("communities_fight")]
    return bool(sides) and not any(m.kind in actors_mod.STATE_KINDS for m, _ in cand.actor_mentions)


_ARMED_ACT_ON = {"armed": "Armed clash", "civilian": "Attack"}


def _named_group_for_crowd(cand: Candidate, text: str, book: Codebook) -> str | None:
    """"On Monday the group stormed a military base and killed ten soldiers": the rules read a bare "group" as a
    crowd, but one the report named before is an armed group (`_described_groups_named`): its act is a battle when
    armed men were hit, an attack when civilians were. A crowd the sentence names keeps the crowd's reading."""
    if cand.sub_event_type not in _RIOTING_TYPES or cand.target_kind not in _ARMED_ACT_ON or any(
            m.kind in _CROWD_KINDS for m, _ in cand.actor_mentions):
        return None
    doing = {m.start for m, r in cand.actor_mentions if m.kind == DESCRIBED and r == "agent"}
    named = any(m.start in doing and m.kind == "group" for m, _ in _described_groups_named(cand, text, None, book))
    return _ARMED_ACT_ON[cand.target_kind] if named else None


_CROWD_KINDS = frozenset({"protesters", "rioters", "crowd", "mob", "supporters"})


def _fire_returned(cand: Candidate, sentences: list[tuple[int, int, str]]) -> bool:
    """Codebook: an attack that the attacked armed side answers with its own fire is an armed clash between the
    two. The answer is told in the attack's sentence or in the next two sentences of its paragraph ("Police
    responded with gunfire."); an attack on civilians stays one even when police later fire at the attackers."""
    if cand.target_kind == "civilian" or (cand.sub_event_type == "Attack" and cand.target_kind != "armed"):
        return False  # a shooting or killing becomes a clash only when the parse says armed men were hit
    own = cand.sentence.text.lower()
    if classify.RETURN_FIRE.search(own):
        return True
    following = [t for start, para, t in sentences if start >= cand.sentence.end and para == cand.paragraph_start][:2]
    for t in following:
        low = t.lower()
        if classify.RETURN_FIRE.search(low) and (classify.FORCE_ACTOR.search(low) or
                                                 re.search(r"\bshoot-?outs?\b|\bexchange of fire\b", low)):
            return True
    return False


# --- one sentence -------------------------------------------------------------------------------------------
def _sentence_candidate(
    sent: SpacySpan,
    article: Article,
    paragraphs: list[tuple[int, int]],
    places: list[Place],
    dates: list[DateMention],
    book: Codebook,
    soft: bool = False,
    lead_end: int | None = None,
    triggers: list[classify.Trigger] | None = None,
) -> tuple[Candidate | None, list[RejectedCandidate]]:
    """The sentence's event candidate and the triggers rejected on the way. `soft`: when the rules reject the
    whole sentence, the candidate is made anyway and carries their first reason, for the model; the rejection
    is returned too, and the decision keeps one of the two (`decide.settle_vetoes`). `lead_end`: where the words
    that open an earlier act's clause end ("two days after"; `_earlier_acts`): set aside like the clauses of
    another act, they would read as a grievance ("after police shot …"). `triggers`: the sentence's
    (`classify.find_triggers`), when the caller has found them already."""
    text = article.text
    if triggers is None:
        triggers = classify.find_triggers(sent)
    if not triggers:
        return None, []
    sent_span = Span.of(text, sent.start_char, sent.end_char)
    rejects: list[RejectedCandidate] = []
    accepted: list[classify.Trigger] = []
    for trig in triggers:
        tok = sent.doc[trig.token_i] if trig.token_i is not None else None
        verdict = classify.judge_trigger(tok, sent, article.published) if tok is not None else classify.Verdict()
        if verdict.reason:
            rejects.append(RejectedCandidate(span=sent_span, trigger=trig.text, reason=verdict.reason,  # type: ignore[arg-type]
                                             detail=verdict.detail))
        else:
            accepted.append(trig)
    veto: str | None = None
    if not accepted:
        if not soft or rejects[0].reason not in SOFT_VETOES:
            return None, _one_per_reason(rejects)
        accepted, veto = [t for t in triggers if t.token_i is not None], str(rejects[0].reason)
        if not accepted:
            return None, _one_per_reason(rejects)
    aside = _clauses_set_aside(accepted, sent) + ([(sent.start_char, lead_end)] if lead_end is not None else [])
    if _deaths_of_the_mourned(accepted, sent):
        return None, _one_per_reason(rejects) + [RejectedCandidate(
            span=sent_span, trigger=accepted[0].text, reason="no_event",
            detail="a funeral or burial: the deaths are an earlier incident's")]
    accepted = _main_clause_first(accepted, sent)
    families = {t.family for t in accepted}
    stext = span_text(sent)
    # a crowd's grievance, or an earlier act told by how long before it was: no part of this event's coding
    told = _blanked(stext, aside, sent.start_char)
    if families <= {"change", "seize", "exchange", "weapons_found"} and len(accepted) == 1 and \
            accepted[0].family != "change" and not classify.WEAPON_SEIZED.search(stext) and \
            not classify.SEIZED_PLACE.search(stext.lower()) and not classify.named_place_taken(sent) and \
            not re.search(classify.SEIZED_GOODS, stext.lower()):
        # a find or a seizure alone is no event ("found the keys"), unless what was found or seized is weapons
        # (codebook: Disrupted weapons use), a place (territory: "rebels seized Hodeidah") or goods and property
        # (looting)
        return None, _one_per_reason(rejects)
    main = _main_trigger(accepted, sent)
    trigger_span = Span.of(text, main.start, main.end)
    paragraph = _paragraph_of(paragraphs, sent.start_char, text)
    # a place named only inside a chanted slogan is what demonstrators say, not where they are: it does not
    # compete for the event's place ("in the rallies of Lebanon they chant 'Not Iran!'" → Lebanon)
    quoted = _quoted_words(sent)
    sites = [p for p in places if not any(start <= p.span.start and p.span.end <= end for start, end in quoted)]
    place = geo_resolve.place_for_event(sites, sent_span, paragraph, article, trigger=trigger_span, doc=sent.doc)
    date = dates_mod.date_for_event(dates, trigger_span, sent_span, paragraph, article)
    vetoes: list[tuple[str, RejectedCandidate | None]] = []
    if date is not None and date.relation in {"history", "future"}:
        vetoes.append((date.relation, RejectedCandidate(
            span=sent_span, trigger=main.text, reason=date.relation, detail=f"dated {date.span.text!r}")))  # type: ignore[arg-type]
    elif date is not None and article.published and (date.date_end or date.date_start):
        last = date.date_end or date.date_start
        assert last is not None
        if (article.published - last).days > HISTORY_DAYS:
            vetoes.append(("history_days", RejectedCandidate(
                span=sent_span, trigger=main.text, reason="history",
                detail=f"dated {date.span.text!r}, {(article.published - last).days} days before the report")))
    disaster = classify.not_an_event_reason(stext)
    if disaster:
        reason = "statement" if disaster.startswith("a claim") else "no_event"
        vetoes.append(("claim" if reason == "statement" else "disaster", RejectedCandidate(
            span=sent_span, trigger=main.text, reason=reason, detail=disaster)))  # type: ignore[arg-type]
    result = classify.classify_sentence(told, families, sent)
    if result.confidence <= 0.2:
        crime = any("common crime" in c for c in result.cues)
        # without the crime cue: trigger words without a codable event (e.g. "found" alone), no reason kept
        vetoes.append(("crime" if crime else "weak", RejectedCandidate(
            span=sent_span, trigger=main.text, reason="no_event", detail=result.cues[-1]) if crime else None))
    general = _is_general_reference(accepted, sent)
    place_in_sentence = place is not None and _in_own_clause(place.span, accepted, sent)
    if geo_resolve.names_many_places(stext) and (place is None or place.geo_precision == 3):
        # "nine people were killed as protests turned violent in several cities": a summary over places the
        # report tells one by one (or not at all), no incident of its own
        vetoes.append(("general", RejectedCandidate(
            span=sent_span, trigger=main.text, reason="no_event",
            detail="a summary over several places, with no place of its own", sub_event_type=result.sub_event_type)))
    if general and not place_in_sentence:
        vetoes.append(("general", RejectedCandidate(
            span=sent_span, trigger=main.text, reason="no_event",
            detail="a general reference to demonstrations, with no place of its own",
            sub_event_type=result.sub_event_type)))
    if vetoes:
        reject = vetoes[0][1]
        rejects = _one_per_reason(rejects) + ([reject] if reject is not None else [])
        if not soft or any(kind not in SOFT_VETOES for kind, _ in vetoes):
            return None, rejects
        veto = veto or vetoes[0][0]
    tok = sent.doc[main.token_i] if main.token_i is not None else None
    confidence = result.confidence
    if general:
        confidence = min(confidence, 0.35)
    if WEAK_EVIDENCE.search(stext):
        confidence -= 0.15
    if place is not None:
        confidence += 0.1
    if date is not None:
        confidence += 0.1
    speakers: list[actors_mod.ActorMention] = []
    cand = Candidate(
        sub_event_type=result.sub_event_type,
        sentence=sent_span,
        trigger=trigger_span,
        families=families,
        place=place,
        date=date,
        confidence=round(max(0.05, min(confidence, 0.95)), 2),
        actor_mentions=_in_power([m for m in actor_mentions(sent, book, article.credit_spans(), speakers)
                                  if not any(a <= m[0].start < b for a, b in aside)],
                                 (date.date_start if date is not None else None) or article.published, text),
        clause=_note_clause(tok, sent),
        fatality_text=_crowd_sequel_toll(told, main.start - sent.start_char, result.sub_event_type),
        paragraph_start=paragraph.start,
        target_kind=classify.target_kind(sent),
        civilian_site=_civilian_site_hit(sent),
        launchers=_launchers(sent),
        rule_reject=veto,
        speakers=[m for m in speakers if not any(a <= m.start < b for a, b in aside)],
        caption=verbless(sent),
        targets=[_target_span(head, text) for head in classify.hit_targets(sent)],
    )
    return cand, _one_per_reason(rejects)


def _target_span(head: Token, text: str) -> Span:
    """The words of what the act hit, its head noun with the nouns compounded before it ("police station")."""
    first = min([head, *(c for c in head.lefts if c.dep_ == "compound")], key=lambda t: t.i)
    return Span.of(text, first.idx, head.idx + len(head))


def _target(cand: Candidate, event: Event) -> Span | None:
    """The place or thing the act hit ("a church", "a police station"): the first of what it hit that is none of
    the event's actors (the worshippers killed are its second actor). The merge tells two attacks by the same
    unnamed men in one town on one day apart by it."""
    told = [a.evidence for a in event.actors if a.evidence is not None]
    return next((t for t in cand.targets if not any(a.start <= t.end - 1 < a.end for a in told)), None)


def _in_power(mentions: list[tuple[actors_mod.ActorMention, str]], on: dt.date | None, text: str
              ) -> list[tuple[actors_mod.ActorMention, str]]:
    """Each mention of a group that had taken power by the event's day as its state's forces."""
    return [(actors_mod.in_power(m, on, text[m.end:m.end + 30]), role) for m, role in mentions]


def _mark_summary_leads(candidates: list[Candidate]) -> None:
    """A sentence that sums several incidents ("Gunmen killed 17 people in attacks on two villages", "Two bombs
    exploded within hours of each other, killing nine") when the report goes on to tell incidents of the same type
    in two places or of two kinds: marked, and the decision leaves it to review when two of those it sums are kept
    (`decide.SUMS_INCIDENTS`): the sum is none of them, and its toll would count their dead twice."""
    for cand in candidates:
        if not classify.MULTI_INCIDENT.search(cand.sentence.text):
            continue
        later = [c for c in candidates if c.sentence.start >= cand.sentence.end
                 and not classify.MULTI_INCIDENT.search(c.sentence.text)]
        if len({(c.sub_event_type, _place_key(c.place)) for c in later}) >= 2:
            cand.sums_incidents = True


def _without_crime_arrests(candidates: list[Candidate], rejected: list[RejectedCandidate],
                           text: str) -> list[Candidate]:
    """Arrests told with no political, armed or protest side, in a report of a common crime, are arrests for the
    crime (codebook section 3): rejected, with the reason kept. The report is read once, and only when it has
    such an arrest."""
    plain = [c for c in candidates if c.sub_event_type == "Arrests" and "arrest" in c.families]
    if not plain:
        return candidates
    low = text.lower()
    dropped = {id(c) for c in plain if classify.crime_arrest(c.sentence.text.lower(), low)}
    for cand in candidates:
        if id(cand) in dropped:
            rejected.append(RejectedCandidate(span=cand.sentence, trigger=cand.trigger.text, reason="no_event",
                                              detail="an arrest for common crime, not a political arrest"))
    return [c for c in candidates if id(c) not in dropped]


def _without_untold_wounds(candidates: list[Candidate], rejected: list[RejectedCandidate]) -> list[Candidate]:
    """People who died of wounds, told before any incident ("Three soldiers succumbed to their injuries on
    Saturday"): the toll of an incident the report does not tell, no act of its own, so rejected with the reason
    kept. Told after an incident, the incident takes its dead (`_wounds_of_before`)."""
    untold = list(itertools.takewhile(_only_died_of_wounds, candidates))
    for cand in untold:
        rejected.append(RejectedCandidate(span=cand.sentence, trigger=cand.trigger.text, reason="no_event",
                                          detail="deaths of the wounded of an incident the report does not tell"))
    return candidates[len(untold):]


def _only_died_of_wounds(cand: Candidate) -> bool:
    """The candidate's act is only a death of wounds: its main trigger lies in the words that tell it ("succumbed
    to their injuries", "of the wounded died") or in a bare death counted on from a toll ("A third officer died
    later", `classify.LATER_DEATH`), not in a killing its sentence also tells ("Gunmen killed two soldiers and a
    third died of his wounds")."""
    base, text = cand.sentence.start, cand.sentence.text
    told = itertools.chain(incidents.part_cues()["died_of_wounds"].finditer(text), classify.LATER_DEATH.finditer(text))
    return any(base + m.start() <= cand.trigger.start and cand.trigger.end <= base + m.end() for m in told)


def _same_crime(cand: Candidate, crime_paragraph: int) -> bool:
    """Violence with no sign of an armed, political or communal side, later in the paragraph of a common crime
    already rejected, is the same crime told on (ACLED does not code common crime)."""
    low = cand.sentence.text.lower()
    return (cand.paragraph_start == crime_paragraph
            and cand.families <= {"explosion", "bomb", "grenade", "fire", "fire_noun", "kill", "attack", "abduct"}
            and not classify.POLITICAL.search(low) and not classify.NOT_COMMON_CRIME.search(low))


def _same_accident(cand: Candidate, accident_paragraph: int) -> bool:
    """An explosion, fire or death with no sign of political violence, after an accident in the same paragraph or
    in the report's lead."""
    # the same paragraph, or any later paragraph when the report leads with the accident
    return ((cand.paragraph_start == accident_paragraph or accident_paragraph < LEAD_CHARS)
            and cand.families <= {"explosion", "burn", "fire", "fire_noun", "kill"}
            and not classify.POLITICAL.search(cand.sentence.text.lower()))


BACKGROUND_MARKS = frozenset({"after", "following", "since", "before"})


def _main_clause_first(accepted: list[classify.Trigger], sent: SpacySpan) -> list[classify.Trigger]:
    """A trigger inside a clause of time that sets the scene ("after a rocket was fired from Gaza", "following
    clashes with the army") or a relative clause that describes a participant ("students who had been executed")
    tells the cause or background of the sentence's event, not the event: when the main clause has a trigger of
    its own, the background ones do not decide the sub-type."""
    def background(trig: classify.Trigger) -> str | None:
        """Why the trigger is background: "relcl", or the word that opens its clause of time; None if it is not."""
        if trig.token_i is None:
            return None
        node = sent.doc[trig.token_i]
        if _retaliation_frame(sent, trig) is not None:
            return "response"  # "fired rockets in response to an Israeli strike that killed a civilian"
        while node.head.i != node.i:
            if node.dep_ == "relcl" or _victims_described(node):
                # "in memory of students who had been executed in 1972", "the funeral of a commander killed in a
                # strike": describes a participant
                return "relcl"
            if node.dep_ in {"advcl", "pcomp", "pobj"}:
                marks = [c.lower_ for c in node.children if c.dep_ in {"mark", "prep"} and c.lower_ in BACKGROUND_MARKS]
                if marks:
                    return marks[0]
                if node.head.lower_ in BACKGROUND_MARKS and node.head.dep_ == "prep":
                    return node.head.lower_
            node = node.head
        return None
    why = {id(t): background(t) for t in accepted}
    main = [t for t in accepted if why[id(t)] is None]
    if {t.family for t in main} <= _FIND_FAMILIES:
        main = []  # "the bodies of 12 people killed in an air strike were recovered": a find tells no act of its own
    if main and {t.family for t in main} <= {"kill"} and not _has_time_of_its_own(accepted, why, sent):
        # "two soldiers were killed after their vehicle hit a roadside bomb": a killing whose main clause names no
        # means is told by its cause; the clause of time is how, not another incident (unless it is dated apart:
        # "a week after a bomb killed ten")
        main += [t for t in accepted if why[id(t)] in {"after", "following"} and t.family in _MEANS_FAMILIES]
        main.sort(key=lambda t: t.start)
    if {t.family for t in main} & _INTERVENTION_FAMILIES:
        # "police arrested students who were protesting", "fired tear gas at supporters who were marching",
        # "arrested 12 people after protesters occupied a bank": the demonstration is what the force acted on (not
        # one that came later: "activists were detained before the rally")
        main += [t for t in accepted if t.family in _DEMONSTRATION_FAMILIES and why[id(t)] in {"relcl", "after",
                                                                                              "following"}]
        main.sort(key=lambda t: t.start)
    return main if main and len(main) < len(accepted) else accepted


_INTERVENTION_FAMILIES = {"arrest", "dispersal"}
_FIND_FAMILIES = frozenset({"weapons_found"})
_MEANS_FAMILIES = frozenset({"ied", "bomb", "explosion", "suicide", "grenade", "air", "shell", "fire", "fire_noun",
                             "clash", "attack", "chem"})
_CROWD_FAMILIES = frozenset({"protest", "riot", "blockade", "burn", "strike", "stone", "loot", "dispersal"})
_KILLING_FAMILIES = frozenset({"kill", "fire", "fire_noun", "attack", "clash"})
_TERRITORY_FAMILIES = frozenset({"regain", "territory", "seize", "advance"})


def _has_time_of_its_own(accepted: list[classify.Trigger], why: dict[int, str | None], sent: SpacySpan) -> bool:
    """Whether a clause of time is measured from the event ("a week after", "hours after"; `_measured_back`): then
    it tells an earlier incident, not how this one happened ("on Monday after" is not measured)."""
    return any(why[id(t)] in {"after", "following"} and (clause := _time_clause(sent, t)) is not None
               and _measured_back(clause) for t in accepted)


def _deaths_of_the_mourned(accepted: list[classify.Trigger], sent: SpacySpan) -> bool:
    """A funeral or burial whose every trigger describes the people mourned ("mourners carried the bodies of four
    paramedics killed in an air strike", "crowds buried three men killed in a drone strike"): the killing is an
    earlier incident, told where and when the dead are mourned, not where and when they died."""
    if not accepted or not classify.FUNERAL.search(span_text(sent).lower()):
        return False
    doc = sent.doc
    for trig in accepted:
        if trig.token_i is None:
            return False
        node = doc[trig.token_i]
        while node.head.i != node.i and not (node.dep_ in {"relcl", "acl"} and node.head.pos_ in {"NOUN", "PROPN"}):
            node = node.head
        if node.head.i == node.i:
            return False  # a trigger of the main clause: the funeral itself may be the event ("police fired on mourners")
    return True


def _retaliation_frame(sent: SpacySpan, trig: classify.Trigger) -> SpacySpan | None:
    """The "in response to / in retaliation for / in revenge for …" phrase, or the "to avenge …" clause, the
    trigger stands in (RETALIATION_NOUNS, RETALIATION_VERBS): the act it names is an earlier incident."""
    if trig.token_i is None:
        return None
    node = sent.doc[trig.token_i]
    for _ in range(8):
        if node.head.i == node.i:
            return None
        head = node.head
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in classify.RETALIATION_NOUNS:
            frame = head.head
            start = frame.head if frame.dep_ == "pobj" and frame.head.dep_ == "prep" else frame
            return sent.doc[min(start.i, frame.left_edge.i): frame.right_edge.i + 1]
        if node.dep_ in {"dobj", "prep"} and head.lemma_.lower() in classify.RETALIATION_VERBS and \
                head.dep_ in {"advcl", "xcomp", "conj"}:
            return sent.doc[head.left_edge.i: head.right_edge.i + 1]
        node = head
    return None


def _clauses_set_aside(accepted: list[classify.Trigger], sent: SpacySpan) -> list[tuple[int, int]]:
    """The character ranges of clauses of time that tell another act than the main clause's, when the main clause
    has a trigger of its own; they decide neither the sub-type nor the toll nor the sides:
    - a killing told in the "after …" clause of what a crowd did ("rioted after police shot dead a teenager"):
      codebook, deaths that are the demonstrators' grievance are not the demonstration's;
    - any act in a clause measured back by a span of time ("troops retook the town, two days after rebels stormed
      the base"): an earlier incident, with its own sides and dead.
    A killing told in the main clause, or in a clause of how ("killing two"), stays the event's."""
    clauses = [(trig, _time_clause(sent, trig), _participant_clause(sent, trig), _retaliation_frame(sent, trig))
               for trig in accepted]
    main_families = {trig.family for trig, clause, part, frame in clauses if clause is None and part is None
                     and frame is None}
    if not main_families:
        return []
    crowd = main_families <= _CROWD_FAMILIES
    # an armed act in the main clause and another, with a doer of its own, in its "after" clause: "Hezbollah fired
    # rockets at Metula after an Israeli strike killed a commander" (a killing whose main clause names no means
    # keeps its clause: "two soldiers were killed after their vehicle hit a roadside bomb")
    armed_main = not crowd and not main_families <= {"kill"} and not main_families & _CROWD_FAMILIES
    # ("the town fell to M23 after government troops withdrew": a withdrawal under a taking of ground is the same
    # handover, and who withdrew is the side that lost it)
    handover = bool(main_families & _TERRITORY_FAMILIES)
    aside = {(frame[0].idx, frame[-1].idx + len(frame[-1].text)) for _, _, _, frame in clauses if frame is not None}
    # (a participant's clause is set aside only under a crowd's act: "mourners of a man killed by police")
    aside |= {(part[0].idx, part[-1].idx + len(part[-1].text)) for trig, clause, part, _ in clauses
              if clause is None and part is not None and crowd and trig.family in _KILLING_FAMILIES}
    aside |= {(clause[0].idx, clause[-1].idx + len(clause[-1].text)) for trig, clause, _, _ in clauses
              if clause is not None and ((crowd and trig.family in _KILLING_FAMILIES) or _measured_back(clause)
                                         or (armed_main and trig.family not in _CROWD_FAMILIES
                                             and not (handover and trig.family == "withdraw")
                                             and _has_own_doer(clause)))}
    # what a crowd protests ("shot dead three people protesting the killing of a student"): its deaths are the
    # grievance's, not this event's
    for head in classify.grievances(sent):
        first, last = head.left_edge, head.right_edge
        if any(classify.TRIGGER_LEMMAS.get(t.lemma_.lower()) in _KILLING_FAMILIES for t in sent.doc[first.i : last.i + 1]):
            aside.add((first.idx, last.idx + len(last.text)))
    return sorted(aside)


def _has_own_doer(clause: SpacySpan) -> bool:
    """Whether a clause of time has a subject of its own ("after an Israeli strike killed …", "after militants fired
    …"), not a bare phrase ("after heavy fighting")."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.head.pos_ in {"VERB", "AUX"} for t in clause)


def _victims_described(node: Token) -> bool:
    """A participle of killing or wounding that describes a noun ("a commander killed in a strike", "three men
    wounded by gunfire"): who the people are, by an earlier act, not the sentence's own act."""
    return (node.dep_ == "acl" and node.tag_ == "VBN" and node.head.pos_ in {"NOUN", "PROPN"}
            and classify.TRIGGER_LEMMAS.get(node.lemma_.lower()) == "kill")


def _participant_clause(sent: SpacySpan, trig: classify.Trigger) -> SpacySpan | None:
    """The clause that describes a participant the trigger stands in ("mourners carrying the body of a protester
    killed by police", "the families of students who were shot"), as a span of tokens, or None."""
    if trig.token_i is None:
        return None
    node = sent.doc[trig.token_i]
    while node.head.i != node.i:
        if node.head.pos_ in {"NOUN", "PROPN"} and (node.dep_ == "relcl" or _victims_described(node)):
            return sent.doc[node.left_edge.i: node.right_edge.i + 1]
        node = node.head
    return None


def _measured_back(clause: SpacySpan) -> bool:
    """Whether a span of time measures the clause from the main act ("a day after", "two days after", "hours
    after"): the words before its "after", which the parse hangs on the clause's verb, its mark or the word before."""
    marks = [t for t in clause if t.lower_ in {"after", "following"}][:1]
    if not marks:
        return False
    mark = marks[0]
    spans = [c for c in (*mark.children, *mark.head.children) if c.dep_ == "npadvmod" and c.i < mark.i]
    before = clause.doc[clause.start - 1] if clause.start > 0 else None
    if before is not None and before.dep_ == "npadvmod":
        spans.append(before)
    return any(classify.TIME_SPAN.search(" ".join(t.lower_ for t in span.subtree)) for span in spans)


def _time_clause(sent: SpacySpan, trig: classify.Trigger) -> SpacySpan | None:
    """The "after …" / "following …" clause (or phrase) the trigger stands in, as a span of tokens, or None."""
    if trig.token_i is None:
        return None
    node = sent.doc[trig.token_i]
    while node.head.i != node.i:
        if node.dep_ in {"advcl", "pcomp", "pobj"}:
            if any(c.dep_ in {"mark", "prep"} and c.lower_ in {"after", "following"} for c in node.children):
                return sent.doc[node.left_edge.i: node.right_edge.i + 1]
            if node.head.lower_ in {"after", "following"} and node.head.dep_ == "prep":
                return sent.doc[node.head.i: node.right_edge.i + 1]
        node = node.head
    return None


# the sub-types of a crowd's act (Protests and Riots)
CROWD_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                         "Violent demonstration", "Mob violence"})


def _crowd_sequel_toll(told: str, trigger_at: int, sub_event_type: str) -> str:
    """The fatality text of a crowd's act told as the sequel of an earlier act in its sentence ("A suspect died in
    police custody; residents then attacked the police station", "a motorcyclist was killed by a police truck, and
    angry residents later set it on fire"): the earlier clause blanked, offsets kept. Its dead are the crowd's
    grievance, another incident's, as in a crowd's "after …" clause (`_clauses_set_aside`)."""
    sequel = classify.CROWD_SEQUEL.search(told)
    if sequel is None or (trigger_at < sequel.start() and sub_event_type not in CROWD_TYPES):
        return told  # the earlier act is the event ("gunmen killed three …, and residents then blocked the road")
    return " " * sequel.start() + told[sequel.start():]


def _blanked(text: str, ranges: list[tuple[int, int]], base: int) -> str:
    """The text with the given character ranges (absolute offsets) replaced by spaces, offsets kept."""
    for a, b in ranges:
        text = text[:a - base] + " " * (b - a) + text[b - base:]
    return text
_DEMONSTRATION_FAMILIES = {"protest", "blockade", "riot", "burn", "stone"}


def _one_per_reason(rejects: list[RejectedCandidate]) -> list[RejectedCandidate]:
    """A sentence rejected for one reason is shown once, with its triggers listed."""
    by_reason: dict[str, RejectedCandidate] = {}
    for r in rejects:
        if r.reason in by_reason:
            prev = by_reason[r.reason]
            by_reason[r.reason] = prev.model_copy(update={"trigger": f"{prev.trigger}, {r.trigger}"})
        else:
            by_reason[r.reason] = r
    return list(by_reason.values())


def _main_trigger(accepted: list[classify.Trigger], sent: SpacySpan) -> classify.Trigger:
    """The verb trigger closest to the root reports the event best; nouns come after verbs."""
    def rank(t: classify.Trigger) -> tuple[int, int]:
        tok = sent.doc[t.token_i] if t.token_i is not None else None
        if tok is None:
            return (1, 0)
        depth = sum(1 for _ in tok.ancestors)
        return (0 if tok.pos_ == "VERB" else 1, depth)
    return min(accepted, key=rank)


def _is_general_reference(accepted: list[classify.Trigger], sent: SpacySpan) -> bool:
    """Only nouns like "the uprising", "these demonstrations", none of them doing anything: weak evidence."""
    for t in accepted:
        tok = sent.doc[t.token_i] if t.token_i is not None else None
        if tok is None or tok.pos_ == "VERB" or tok.lemma_.lower() not in GENERAL_NOUNS:
            return False
        head = tok.head
        if head.lemma_.lower() in HELD_VERBS or head.lower_[:-1] in HELD_VERBS or head.lower_[:-2] in HELD_VERBS:
            # "held protests", "a demonstration took place": a concrete event (the head's form is checked too:
            # the small model lemmatises "staged" as "stag")
            return False
    return True


# A quote opens where no letter comes before it and closes where none comes after: the apostrophes of "the junta's
# forces ... the region's townships" are possessives, not the marks of a slogan.
_QUOTED = re.compile(r"(?<!\w)[‘“\"']([^’”\"']{1,80})[’”\"'](?!\w)")


def _quoted_words(sent: SpacySpan) -> list[tuple[int, int]]:
    """The character ranges of the short quoted words of a sentence (a slogan, a chant; not a quote that is most
    of the sentence), read once per sentence rather than once per place of the report."""
    said = span_text(sent)
    ranges = ((sent.start_char + m.start(1), sent.start_char + m.end(1)) for m in _QUOTED.finditer(said))
    return [(start, end) for start, end in ranges if end - start < len(said) * 0.6]


def _in_own_clause(span: Span, accepted: list[classify.Trigger], sent: SpacySpan) -> bool:
    """The place is named in the trigger's own clause (not in a coordinated clause about something else)."""
    for trig in accepted:
        if trig.token_i is None:
            continue
        node = sent.doc[trig.token_i]
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head
        skip: set[int] = set()
        for child in node.children:
            if child.dep_ in {"conj", "advcl", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
                skip.update(t.i for t in child.subtree)
        for tok in node.subtree:
            if tok.i not in skip and tok.idx <= span.start < tok.idx + len(tok.text) + 1:
                return True
    return False


def _note_clause(tok: Token | None, sent: SpacySpan) -> str | None:
    """The trigger's clause for the note when it reads as a clean sentence (notes.clean_clause) that tells this
    event, else None."""
    if tok is None:
        return clean_clause(list(sent), sent.root)
    node, toks = _clause_tokens(tok)
    if len(toks) < 4:
        return clean_clause(list(sent), sent.root)
    if tok.pos_ in {"NOUN", "PROPN"} and not _names_its_act(tok, node):
        return None  # "investigators flew to the province to look into a chlorine attack": the clause tells another act
    return clean_clause(toks, node)


def _names_its_act(noun: Token, verb: Token) -> bool:
    """Whether the clause of `verb` tells the act its event `noun` names: the noun (or a noun it heads through
    "of") is the verb's subject ("the blast killed five"), or the object of a verb that reports an act
    (note_phrases.yaml `light_verbs`: "carried out an air strike", "staged a protest")."""
    head = noun
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head.head  # "a series of airstrikes killed": the series is the subject
    if head.head.i != verb.i:
        return False
    if head.dep_ in {"nsubj", "nsubjpass"}:
        return True
    return head.dep_ in {"dobj", "attr"} and verb.lemma_.lower() in note_phrases()["light_verbs"]


# Words of a clause that tells who says so ("…, according to police", "…, the ministry said"): it is no part of the act.
_ATTRIBUTION_WORDS = _RULES.words("ATTRIBUTION_WORDS")


def _clause_tokens(tok: Token) -> tuple[Token, list[Token]]:
    """The clause's verb and its tokens without leading adverbials and attribution tails."""
    node = tok
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    if node.dep_ == "advcl" and node.tag_ == "VBG" and node.head.pos_ in {"VERB", "AUX"} and \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        node = node.head  # "air strikes hit a house, killing 12": the participle tells the outcome of the act
    if node.dep_ in {"xcomp", "ccomp"} and node.head.pos_ == "VERB" and \
            not (node.dep_ == "ccomp" and reports(node.head)):
        node = node.head  # "attempted to storm": keep the attempt; "…, police said" is the source, not the act
    # drop what comes before the subject: "Following the remarks, ..." and attribution tails
    skip: set[int] = set()
    for child in node.children:
        if child.i < node.i and child.dep_ in {"prep", "advcl", "advmod", "npadvmod", "punct", "mark", "cc"}:
            skip.update(t.i for t in child.subtree)
        if child.i > node.i and child.dep_ in {"advcl", "punct"} and child.i > node.i + 1 and \
                any(t.lower_ in _ATTRIBUTION_WORDS for t in child.subtree):
            skip.update(t.i for t in child.subtree)
        if child.i > node.i and child.dep_ == "prep" and child.lower_ == "according":
            skip.update(t.i for t in child.subtree)
    toks = [t for t in node.subtree if t.i not in skip]
    while toks and toks[-1].is_punct:
        toks.pop()
    return node, toks


# --- merging and coding -----------------------------------------------------------------------------------
STRATEGIC = "Strategic developments"  # the disorder type of acts that are no contention (arrests, deals)


def _merge(candidates: list[Candidate], article: Article, book: Codebook, report: incidents.ReportText) -> list[Event]:
    events: list[Event] = []
    keys: dict[tuple[object, ...], int] = {}  # the open incident of each key (type, place, dates)
    key_of: dict[int, tuple[object, ...]] = {}  # each event's own key, kept when a distinct incident reopens it
    fatality_figures: dict[int, list[tuple[int, bool, bool]]] = {}  # (figure, told as more dead, only a least)
    paragraph_of: dict[int, int] = {}
    updates: dict[int, int] = {}  # event index → a later, higher toll told as an update
    title_end = article.header_end()
    lead = _lead_paragraph(candidates, title_end)
    from_body: set[int] = set()  # headline events the body's first telling has already replaced
    told_before: tuple[Candidate, Event] | None = None  # the candidate coded just before, as coded
    captions = _captions_of_next(candidates, article.text, title_end, book)
    for cand in candidates:
        if id(cand) in captions:
            continue  # a caption over the telling after it: one of that telling's mentions (below), never its event
        event = _code(cand, article, book)
        if told_before is not None:
            _other_side_told_before(event, cand, *told_before, article.text)
        entered = told_before[0] if told_before is not None else None
        told_before = (cand, event)
        key = (event.sub_event_type, _place_key(cand.place), event.date_start, event.date_end, event.event_date)
        para = cand.paragraph_start
        if events and _toll_update_of(events[-1], event, cand):
            # "the death toll rose to 19": the incident told before, with its higher toll
            events[-1].mentions.append(cand.sentence)
            if event.fatalities is not None:
                updates[len(events) - 1] = max(updates.get(len(events) - 1, 0), event.fatalities)
            continue
        if events and entered is not None and _left_to_entry_before(events[-1], entered, event, cand):
            # "Government troops entered Rutshuru. M23 rebels withdrew from the town": one transfer of the town
            _fold_withdrawal(events[-1], event, entered, cand, book)
            continue
        wounded_of = _wounds_of_before(events, event, cand, report)
        if wounded_of is not None:
            # "Two more soldiers succumbed to their injuries": more dead of an incident told before, added to its toll
            events[wounded_of].mentions.append(cand.sentence)
            incidents.bound_by_later_deaths(events[wounded_of], event)  # (an undated incident: on or before that day)
            count = count_fatalities(cand.sentence.text)  # (a demonstration's sub-type reads no dead of its own)
            if count.value and count.total:
                # "Two of the wounded died, raising the toll to eight": the total the incident's toll rises to
                updates[wounded_of] = max(updates.get(wounded_of, 0), count.value)
            elif count.value:
                fatality_figures.setdefault(wounded_of, []).append((count.value, True, False))
            continue
        if events and _framing_retelling(cand, article.text):
            # "The attacks came as the offensive stalled", "The deaths brought to 300 the number killed since …":
            # the incident told before, framed in time or counted; its clauses are no second event
            events[-1].mentions.append(cand.sentence)
            continue
        if events and _witness_retelling(cand, article.text):
            # "'They shot at us as if we were animals,' said a driver who took part in the march": a witness's
            # words about the incident told before, with no place, day or doer of their own, are its evidence
            events[-1].mentions.append(cand.sentence)
            continue
        if key not in keys and cand.paragraph_start == lead:
            head = _headline_told_in_lead(events, event, title_end, from_body)
            if head is not None:
                # the headline words the lead's incident its own way ("Protesters clash with police" over "police
                # fired tear gas to disperse protesters"): one incident, coded from the lead under the lead's key
                keys[key], key_of[head], paragraph_of[head] = head, key, para
        if key in keys and _told_apart_from_before(cand):
            # "a second roadside bomb killed two", "Another 20 people died in fighting elsewhere": another incident
            # of the same kind and day, at the same place or at none told of its own
            keys.pop(key)
        if key in keys:
            idx = keys[key]
            kept = events[idx]
            if kept.mentions[0].start < title_end <= cand.sentence.start and idx not in from_body:
                # the headline told it first; the body tells it in full, and a coder codes from the body: the
                # body's first telling becomes the event, the headline's passages its first mentions
                from_body.add(idx)
                event.mentions = [*kept.mentions, *event.mentions]
                events[idx], kept, event = event, event, kept
                if kept.fatalities is not None:
                    fatality_figures.setdefault(idx, []).append((kept.fatalities, False, _a_least(kept)))
            else:
                kept.mentions.append(cand.sentence)
            kept.confidence = round(min(0.95, max(kept.confidence, event.confidence) + 0.05), 2)
            if event.fatalities is not None and count_fatalities(cand.fatality_text).with_companions:
                # "The officer was killed alongside his driver": the victim told before and those killed with him,
                # the incident's new total (neither more dead on top of it nor a conflicting figure)
                updates[idx] = max(updates.get(idx, 0), event.fatalities)
            elif event.fatalities is not None:
                # "Three soldiers were also killed": more dead of the same event, not another estimate of them
                additive = classify.ADDITIONAL_DEAD.search(cand.fatality_text) is not None
                fatality_figures.setdefault(idx, []).append((event.fatalities, additive, _a_least(event)))
            if "date_defaulted" in kept.flags and "date_defaulted" not in event.flags:
                # an undated lead and a sentence dated to the report's own day share the key: the day is the
                # sentence's, told, not defaulted ("… on Tuesday morning" in a Tuesday paper)
                for name in ("event_date", "date_start", "date_end", "time_precision"):
                    setattr(kept, name, getattr(event, name))
                kept.flags = [f for f in kept.flags if f != "date_defaulted"]
                if "event_date" in event.evidence:
                    kept.evidence["event_date"] = event.evidence["event_date"]
                kept.notes = make_note(kept, None)
            for name, span in event.evidence.items():
                kept.evidence.setdefault(name, span)
            if kept.actor2 is None and event.actor2 is not None:
                _copy_actor2(kept, event)
                incidents.other_side_told_after(kept, event)
            continue
        keys[key] = len(events)
        key_of[len(events)] = key
        paragraph_of[len(events)] = para
        if event.fatalities is not None:
            fatality_figures[len(events)] = [(event.fatalities, False, _a_least(event))]
        events.append(event)
    for idx, figures in fatality_figures.items():
        _settle_fatalities(events[idx], figures)
    for idx, toll in updates.items():
        if toll > (events[idx].fatalities or 0):
            events[idx].fatalities = toll
            events[idx].notes = make_note(events[idx], None)  # the note tells the updated toll, from the fields
    events = _absorb_undated(events, key_of, paragraph_of)
    _add_caption_mentions(events, captions)
    for n, event in enumerate(events, start=1):
        event.id = f"E{n}"
        event.event_id_cnty = event_id_cnty(event, article)
    return events


def _captions_of_next(candidates: list[Candidate], text: str, title_end: int, book: Codebook
                      ) -> dict[int, tuple[Span, Span]]:
    """The body's captions and section headings ("Aftermath of the blast", "Rising toll": no verb) that
    stand right before a full telling of the same kind of disorder, each with its own sentence and that telling's.
    Coded as an event of its own, a caption's few words give the act no date, doer or toll, and merged first they
    would become the incident's telling; they are a mention of the telling they stand over."""
    found: dict[int, tuple[Span, Span]] = {}
    for cand, nxt in itertools.pairwise(candidates):
        if not cand.caption or nxt.caption or cand.sentence.start < title_end or \
                text[cand.sentence.end : nxt.sentence.start].strip():
            continue
        if book.disorder_type_of(cand.sub_event_type) == book.disorder_type_of(nxt.sub_event_type):
            found[id(cand)] = (cand.sentence, nxt.sentence)
    return found


def _add_caption_mentions(events: list[Event], captions: dict[int, tuple[Span, Span]]) -> None:
    """Each caption becomes a mention of the event its next sentence tells: the last one, since readers take an
    event's first mention as the sentence it was coded from (`context.drop_unsupported`, the exports)."""
    for caption, telling in captions.values():
        event = next((e for e in events if any(m.start == telling.start for m in e.mentions)), None)
        if event is not None:
            event.mentions.append(caption)


def _other_side_told_before(event: Event, cand: Candidate, before_cand: Candidate, before: Event, text: str) -> None:
    """A battle whose sentence names one side and leaves the other unidentified ("Kurdish-led fighters repelled
    them", "The militants were repelled after a gun battle") fought the armed side the sentence just before named:
    the opponent of the side both name ("Al Shabaab fighters stormed an army base" → the army), else the side that
    acted there ("Islamic State militants attacked the town"). A battle that names neither side ("Fighting continued
    on Tuesday") goes on between the two sides of the battle told just before."""
    if event.event_type != "Battles" or before.event_type not in _ARMED_EVENT_TYPES or \
            text[before_cand.sentence.end : cand.sentence.start].strip():
        return
    if cand.sentence.start < before_cand.sentence.end:
        # an earlier act told inside the sentence ("…, two days after an attack on a checkpoint that killed three
        # policemen"; `_earlier_acts`) is no sentence after it: the main clause's doer did not do it
        return
    sides = {1: event.actor1, 2: event.actor2}
    if _no_side_named(event) and before.event_type == "Battles" and {"actor1", "actor2"} <= before.evidence.keys() \
            and cand.paragraph_start == before_cand.paragraph_start:
        # "Fighting continued on Tuesday near Sake": the fight told just before, in its paragraph, goes on between
        # the same sides (a new paragraph's fighting may be another front's)
        for n in (1, 2):
            _set_actor(event, n, (getattr(before, f"actor{n}"), getattr(before, f"inter{n}") or 0, None), event.evidence)
            event.evidence[f"actor{n}"] = before.evidence[f"actor{n}"]
        event.actors = [a.model_copy() for a in before.actors]
        event.interaction = before.interaction
        return
    open_side = next((n for n, name in sides.items() if (name or "").startswith("Unidentified Armed Group")
                      and f"actor{n}" not in event.evidence), None)
    if open_side is None or f"actor{3 - open_side}" not in event.evidence:
        return
    named = sides[3 - open_side]
    told = [a for a in before.actors if a.evidence is not None and a.inter not in incidents.NO_SIDE_OF_BATTLE]
    if any(a.name == named for a in told):
        told = [a for a in told if a.name != named]  # the opponent of the side both sentences name
    if not told or told[0].name == named:
        return
    other = told[0]
    _set_actor(event, open_side, (other.name, other.inter or 0, None), event.evidence)
    event.evidence[f"actor{open_side}"] = other.evidence  # type: ignore[assignment]
    event.actors = [other if a.name == sides[open_side] and a.evidence is None else a for a in event.actors]
    event.interaction = Codebook.interaction(event.inter1, event.inter2)
    if open_side == 1 and event.sub_event_type in _TERRITORY_TYPES:
        # ("Isis fighters withdrew, pursued by the Kurds", the Kurds named before): the sub-type follows the taker
        _territory_by_taker(event, event.evidence)


def _no_side_named(event: Event) -> bool:
    """The event's sentence named no side: its one actor is the unidentified armed group it defaulted to."""
    return event.actor2 is None and "actor1" not in event.evidence and (event.actor1 or "").startswith(
        "Unidentified Armed Group")


def _lead_paragraph(candidates: list[Candidate], title_end: int) -> int | None:
    """Where the body's first paragraph that tells an incident starts (None: the report has no headline)."""
    if title_end <= 0:
        return None
    return next((c.paragraph_start for c in candidates if c.sentence.start >= title_end), None)


def _headline_told_in_lead(events: list[Event], event: Event, title_end: int, from_body: set[int]) -> int | None:
    """The headline's event that a lead's event of another sub-type tells in full: news style puts the story's
    incident in the headline and again in the lead, each in its own words. Only one of the same kind of disorder
    (a headline's clash is no lead's arrest), at a place that agrees and on a day the headline does not contradict
    (a headline rarely says the day: its event is dated by default)."""
    if event.disorder_type is None or event.disorder_type == STRATEGIC:
        return None
    for idx, head in enumerate(events):
        if idx in from_body or not head.mentions or head.mentions[0].start >= title_end:
            continue
        if head.disorder_type != event.disorder_type:
            continue
        if "date_defaulted" not in head.flags and head.event_date != event.event_date:
            continue
        if head.country is None or incidents.place_relation(head, event) in {"same", "nested"}:
            return idx
    return None


def _absorb_undated(events: list[Event], key_of: dict[int, tuple[object, ...]],
                    paragraph_of: dict[int, int]) -> list[Event]:
    """A mention with no date of its own, in the same paragraph as a dated mention of the same kind of event at
    the same place whose dates include it, is that event (ACLED's same-event test: type, place, time)."""
    drop: set[int] = set()
    for idx, event in enumerate(events):
        if "date_defaulted" not in event.flags or event.event_date is None:
            continue
        for jdx, other in enumerate(events):
            if jdx == idx or jdx in drop or "date_defaulted" in other.flags:
                continue
            if key_of[jdx][:2] != key_of[idx][:2] or paragraph_of.get(jdx) != paragraph_of.get(idx):
                continue
            if other.date_start and other.date_end and other.date_start <= event.event_date <= other.date_end:
                other.mentions = sorted(other.mentions + event.mentions, key=lambda m: m.start)
                for name, span in event.evidence.items():
                    other.evidence.setdefault(name, span)
                if other.fatalities is None:
                    other.fatalities = event.fatalities
                elif event.fatalities and classify.ADDITIONAL_DEAD.search(event.mentions[0].text):
                    other.fatalities += event.fatalities  # "ten of the attackers were also killed"
                drop.add(idx)
                break
    return [e for i, e in enumerate(events) if i not in drop]


def _copy_actor2(kept: Event, new: Event) -> None:
    kept.actor2, kept.inter2, kept.assoc_actor_2 = new.actor2, new.inter2, new.assoc_actor_2
    kept.interaction = Codebook.interaction(kept.inter1, kept.inter2)
    kept.actors = [a for a in kept.actors[:1]] + [a for a in new.actors[1:2]]


_OPENING_QUOTE = re.compile(r"\s*[“\"]")
_CLOSING_QUOTE = re.compile(r"[”\"]")


def _framing_retelling(cand: Candidate, text: str) -> bool:
    """The sentence opens with the incident named as known ("The attack", "Sunday's bombing") and a verb of time,
    sequence or count that frames it (`FRAMING_RETELLING`): whatever its clauses name, it tells that incident."""
    return classify.FRAMING_RETELLING.match(text[cand.sentence.start : cand.sentence.end].lower()) is not None


def _witness_retelling(cand: Candidate, text: str) -> bool:
    """The candidate's trigger lies inside a direct quote that opens its sentence, and the sentence gives the act
    no place and no day of its own: someone's words about an incident the report has told."""
    sentence = text[cand.sentence.start : cand.sentence.end]
    opening = _OPENING_QUOTE.match(sentence)
    if opening is None:
        return False
    closing = _CLOSING_QUOTE.search(sentence, opening.end())
    if closing is None or cand.trigger.start >= cand.sentence.start + closing.start():
        return False
    own_place = cand.place is not None and cand.place.span is not None and \
        cand.sentence.start <= cand.place.span.start < cand.sentence.end
    own_day = cand.date is not None and cand.sentence.start <= cand.date.span.start < cand.sentence.end
    # ("They shot at us": the doer is a pronoun; a quote that names a force or a group tells of it)
    own_doer = any(m.kind in actors_mod.STATE_KINDS | {"group", "unidentified_armed"} and m.text.lower() not in
                   {"they", "them"} for m, _ in cand.actor_mentions)
    return not own_place and not own_day and not own_doer


def _toll_update_of(before: Event, event: Event, cand: Candidate) -> bool:
    """Whether the candidate only updates the toll of the event told just before it ("The death toll rose to 19 on
    Wednesday"): a killing with no act of its own, whose sentence says the toll rose, in the same country."""
    low = cand.sentence.text.lower()
    told = cand.families <= {"kill"} and classify.TOLL_UPDATE.search(low) is not None or \
        classify.OWN_DEAD.search(low) is not None  # ("said eight of its fighters had been killed in the strike")
    return told and (event.country is None or before.country is None or event.country == before.country)


def _left_to_entry_before(before: Event, before_cand: Candidate, event: Event, cand: Candidate) -> bool:
    """The withdrawal is the other half of the entry told just before: its taker was read from that sentence
    (`_taker_told_before`), whose own event is that side's move into the same place on the same day."""
    if event.sub_event_type not in _TERRITORY_TYPES or before.sub_event_type not in _TERRITORY_TYPES:
        return False
    sent = before_cand.sentence
    taken_before = any(sent.start <= m.start < sent.end for m, _ in cand.actor_mentions)
    return taken_before and before.actor1 == event.actor1 and before is not event and \
        _place_key(before_cand.place) == _place_key(cand.place) and before.event_date == event.event_date


def _fold_withdrawal(entry: Event, withdrawal: Event, entry_cand: Candidate, cand: Candidate, book: Codebook) -> None:
    """One transfer of the place: the side that left is the second actor, and, with no fighting told in the entry's
    sentence, the ground was taken after the other side withdrew, a Non-violent transfer (the Territory rule)."""
    entry.mentions.append(cand.sentence)
    if withdrawal.actor2 and (entry.actor2 is None or entry.actor2.startswith("Unidentified")):
        _copy_actor2(entry, withdrawal)
    peaceful = withdrawal.sub_event_type == "Non-violent transfer of territory"
    if peaceful and not classify.CUE["clash"].search(entry_cand.sentence.text.lower()):
        sub = withdrawal.sub_event_type
        entry.sub_event_type, entry.event_type, entry.disorder_type = sub, book.event_type_of(sub), \
            book.disorder_type_of(sub)
        entry.evidence["sub_event_type"] = withdrawal.evidence.get("sub_event_type", entry.evidence["sub_event_type"])
    entry.notes = make_note(entry, None)


def _wounds_of_before(events: list[Event], event: Event, cand: Candidate, report: incidents.ReportText) -> int | None:
    """The index of the incident told before whose wounded the candidate only tells died ("Another policeman died
    of his wounds on Saturday"), or None: its dead, never an incident of its own (told before any incident, it is
    rejected: `_without_untold_wounds`). The latest incident that passes the sequel test of the incidents stage
    (`incidents.died_of_wounds`: told a few sentences before, at the place the deaths name or any when they name
    none, within a week) takes them, so "… died of his wounds in Gao" goes to the attack in Gao even when another
    incident was told in between. When none passes (told later, or where the wounded were taken), the incident
    told just before takes them, if it is in the same country: the deaths are no act of their own. Deaths told
    elsewhere or in another incident ("Another 20 people died in fighting elsewhere", "… in a separate attack")
    are no incident's told before."""
    if not events or not _only_died_of_wounds(cand) or _told_apart_from_before(cand):
        return None
    for i in range(len(events) - 1, -1, -1):
        if incidents.died_of_wounds(events[i], event, report):
            return i
    before = events[-1]
    same_country = event.country is None or before.country is None or event.country == before.country
    return len(events) - 1 if same_country else None


def _told_apart_from_before(cand: Candidate) -> bool:
    """The candidate's sentence moves elsewhere ("elsewhere in the state", "in another part of the town";
    ELSEWHERE_TOLD) or tells another incident ("in a separate attack"; DISTINCT_INCIDENT)."""
    text = cand.sentence.text
    return classify.ELSEWHERE_TOLD.search(text) is not None or classify.DISTINCT_INCIDENT.search(text.lower()) is not None


def _a_least(event: Event) -> bool:
    """Whether the event's figure is only the least its words allow ("several", "the men were killed")."""
    return "vague_fatalities" in event.flags


def _settle_fatalities(event: Event, told: list[tuple[int, bool, bool]]) -> None:
    """Conflicting figures for the same event: the lowest, with the dispute in the notes. A figure told as more
    dead ("N others were also killed") adds to it. A vague figure is only the least its words allow, so a stated
    figure at or above it does not dispute it: "five soldiers were killed … the soldiers were killed when" is 5."""
    stated = [f for f, more, least in told if not more and not least]
    added = sum(f for f, more, _ in told if more)
    figures = [f for f, more, least in told if not more and not (least and stated and f <= min(stated))] or [0]
    if stated and figures == stated and "vague_fatalities" in event.flags:
        event.flags.remove("vague_fatalities")
    distinct = sorted(set(figures))
    first = event.fatalities
    event.fatalities = distinct[0] + added
    if added and first is not None and len(distinct) == 1:
        event.notes = restate_toll(event.notes, first, event.fatalities)  # the note tells the toll it rose to
    elif not first and event.fatalities:
        event.notes = with_toll(event.notes, event)  # a later sentence told the dead the note's sentence did not
    if len(distinct) > 1:
        dispute = f" [fatalities disputed: {', '.join(map(str, distinct))}; the lowest is coded]"
        event.notes = (event.notes or "") + dispute
        if "fatalities_disputed" not in event.flags:
            event.flags.append("fatalities_disputed")


def _place_key(place: Place | None) -> object:
    """Places are the same ACLED location when country, admin1 and location name agree (a landmark and its
    town resolve to the same location)."""
    if place is None:
        return None
    return (place.country, place.admin1, (place.within or place.name or place.mention).lower())


def _code(cand: Candidate, article: Article, book: Codebook) -> Event:
    sub = cand.sub_event_type
    event_type = book.event_type_of(sub)
    evidence: dict[str, Span] = {"sub_event_type": cand.trigger, "event_type": cand.trigger}
    flags: list[str] = [f"rule_rejected:{cand.rule_reject}"] if cand.rule_reject else []
    if cand.sums_incidents:
        flags.append(SUMS_INCIDENTS)
    event = Event(id="E0", event_type=event_type, sub_event_type=sub, disorder_type=book.disorder_type_of(sub),
                  confidence=cand.confidence, mentions=[cand.sentence])
    fill_place(event, cand.place, book, evidence)
    if cand.place is None:
        _country_from_nationality(event, cand, book)
    elif (cand.place.reason or "").startswith(geo_resolve.UNDECIDED):
        flags.append(PLACE_AMBIGUOUS)  # namesakes in two countries and no word of the text decides: a reviewer does
    iso3 = book.iso3(event.country) if event.country else None
    fat = count_fatalities(cand.fatality_text)
    _fill_date(event, cand.date, article, fat.days, flags, evidence)
    # a peaceful protest, or one the authorities broke up without lethal force, has no dead of its own by the
    # codebook's definitions: a death told with it is its grievance ("mourners at the funeral of a slain activist")
    if fat.value is not None and sub not in NO_DEATH_TYPES:
        event.fatalities = fat.value
        if fat.start is not None and fat.end is not None:
            s = cand.sentence.start + fat.start
            evidence["fatalities"] = Span.of(article.text, s, cand.sentence.start + fat.end)
        if fat.vague:
            flags.append("vague_fatalities")
        if fat.disputed:
            flags.append("fatalities_disputed")
    on = event.event_date or (cand.date.date_start if cand.date is not None else None) or article.published
    cand.actor_mentions = _coalitions_named(_described_groups_named(cand, article.text, on, book), iso3, event_type,
                                            book)
    if sub in _TERRITORY_TYPES:
        cand.actor_mentions += _loser_named_before(cand, article.text, on, book)
    cand.strikers = _coalitions_named(cand.strikers, iso3, event_type, book)
    _fill_actors(event, cand, iso3, book, evidence)
    _territory_by_taker(event, evidence)
    event.claimed_by = [article.publisher] if article.publisher else []
    event.source = article.publisher
    if (target := _target(cand, event)) is not None:
        evidence["target"] = target
    event.flags = flags
    event.evidence = evidence
    event.notes = make_note(event, cand.clause)
    if fat.disputed:
        event.notes += f" [fatalities disputed: {', '.join(map(str, sorted(set(fat.figures))))}; the lowest is coded]"
    return event


def _territory_by_taker(event: Event, evidence: dict[str, Span]) -> None:
    """Who took the ground decides between the two battle sub-types of territory, once the actors are known: a
    named rebel group or militia, or a foreign state's forces (inter 8 where they act: "Russian forces captured
    the village of X" in Ukraine), overtake it; only the state's own forces regain it. The sentence's words decided
    before ("army" inside "Arakan Army" read as the state's); an unidentified group overrules nothing. A state
    unit the words did not mark as the state's ("the Tiger Forces seized the town") regains it."""
    if event.sub_event_type != "Government regains territory" or "actor1" not in evidence:
        return
    named_group = event.inter1 in {2, 3, 4} and not (event.actor1 or "").startswith("Unidentified")
    if event.inter1 == 8 or named_group:
        event.sub_event_type = "Non-state actor overtakes territory"


def fill_place(event: Event, place: Place | None, book: Codebook, evidence: dict[str, Span]) -> None:
    if place is None:
        return
    iso3 = place.iso3 or book.iso3(place.country)
    event.country = book.country_name(iso3) if iso3 else place.country
    event.iso = place.iso if place.iso is not None else book.iso_numeric(iso3)
    event.region = place.region or book.region(iso3)
    event.admin1, event.admin2, event.admin3 = place.admin1, place.admin2, place.admin3
    event.location = place.name or place.mention
    event.latitude, event.longitude = place.latitude, place.longitude
    event.geo_precision = place.geo_precision
    event.geonameid = place.geonameid
    evidence["location"] = place.span


def _country_from_nationality(event: Event, cand: Candidate, book: Codebook) -> None:
    """No place in the text: demonstrators or civilians described by nationality ("Iraqi protesters") give the
    country, at the lowest geo precision."""
    for mention, _ in cand.actor_mentions:
        if mention.nationality and mention.kind in {"protesters", "rioters", "crowd", "civilians"}:
            event.country = book.country_name(mention.nationality)
            event.iso = book.iso_numeric(mention.nationality)
            event.region = book.region(mention.nationality)
            event.location = event.country
            event.geo_precision = 3
            return


def _fill_date(event: Event, date: DateMention | None, article: Article, days: int | None, flags: list[str],
               evidence: dict[str, Span]) -> None:
    """Codebook rule: a known day is the event date (precision 1); a range is coded to its middle day with
    precision 2 (up to a week) or 3 (longer), keeping date_start/date_end; no date → the report's date with
    precision 3, flagged `date_defaulted`."""
    start = end = None
    precision = 3
    if date is not None and (date.date_start or date.date_end):
        start = date.date_start or date.date_end
        end = date.date_end or date.date_start
        precision = date.time_precision
        evidence["event_date"] = date.span
    elif (story_day := dates_mod.story_day(article)) is not None:
        start = end = story_day  # (a wire story's own day, its dateline's, when it ran later)
        precision = 3
        flags.append("date_defaulted")
    if days and end is not None and days > 1:
        # "five deaths in as many days": the deaths span the days up to the reported date
        start = end - dt.timedelta(days=days - 1)
        # a duration never makes the date more certain than the expression that gave it
        precision = max(precision, 2 if days <= 7 else 3)
    if start is None or end is None:
        return
    if end < start:
        start, end = end, start
    event.date_start, event.date_end = start, end
    if date is not None and dates_mod.year_only(date.kind, start, end):
        # a year alone ("in 2003") names no day: no made-up 2 July, only the year, precision 3, flagged
        event.time_precision = 3
        event.year = start.year if start.year == end.year else None
        flags.append("year_only_date")
        return
    # the day the expression codes ("In January": the 15th; "overnight": the night's first day), else the middle
    coded = date.event_date if date is not None and not (days and days > 1) and \
        date.event_date is not None and start <= date.event_date <= end else None
    event.event_date = coded or start + (end - start) // 2
    if start != end and precision == 1 and not (coded is not None and (end - start).days == 1):
        precision = 2 if (end - start).days <= 7 else 3  # a night ("overnight", "last night") stays one day
    event.time_precision = precision
    event.year = event.event_date.year


# Which actor kinds may fill each side, per event family.
_PROTEST_TYPES = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}


HOLDER = "holder"  # the role of who holds what the sentence names (actor_phrases._role)



GROUP_REACH = 3_000  # characters back: a long wire story's earlier paragraphs


# "the rebels", "its fighters": words before an armed noun that point back to a group the report named
_POINTING_BACK = re.compile(r"\b(?:the|its|their)\s+$", re.IGNORECASE)


def _described_groups_named(cand: Candidate, text: str, on: dt.date | None,
                            book: Codebook) -> list[tuple[actors_mod.ActorMention, str]]:
    """The sentence's actor mentions with "the rebels", "the jihadists", "its fighters" read as the armed group the
    report named before: the one whose own mention used the same noun ("M23 rebels", "JNIM militants"), else the
    only one it named. Two groups named and neither with that noun: the description stays unidentified. A bare
    plural ("Militants also ambushed a convoy") points back only to a group named earlier in its paragraph. A group
    in power on the event's day (`on`) acts as its state's forces (`actors.in_power`)."""
    out = []
    for m, role in cand.actor_mentions:
        word = m.text.lower().split()[-1].rstrip("s")  # "rebels" → "rebel"; "militiamen" stays; "armed group"
        # (armed nouns a report uses for a group it named before: a coder codes the group named, not an unknown one)
        if m.kind in {"unidentified_armed", DESCRIBED} and word in actors_mod.group_descriptions():
            pointing = _POINTING_BACK.search(text[max(0, m.start - 6) : m.start]) is not None
            since = max(0, cand.sentence.start - GROUP_REACH) if pointing else _bare_plural_reach(cand, text)
            bare = m.start == cand.sentence.start and m.text.endswith("s")  # "Militants also attacked …"
            group = _group_named_before(text, since, cand.sentence.start, word, book) if pointing or bare else None
            if group is not None:
                m = actors_mod.in_power(actors_mod.ActorMention("group", m.start, m.end, m.text, None, group=group), on)
        if m.kind != DESCRIBED:
            out.append((m, role))  # ("the group" with no group named before is no one)
    return out


# a sentence's end inside a paragraph: a full stop, then a capital that opens the next sentence
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“]?[A-Z]")


def _bare_plural_reach(cand: Candidate, text: str) -> int:
    """Where a bare plural ("Militants burned homes") looks back for its group: its own paragraph; in wire copy,
    where each paragraph is one sentence, also the sentence just before, when the plural's sentence goes on with
    that incident (it names no day or place of its own: "Militants ambushed a convoy near Afgoye on Tuesday" in a
    new paragraph is another incident, by whoever did it)."""
    start = cand.paragraph_start
    if cand.sentence.start != start or _names_own(cand.date, cand) or _names_own(cand.place, cand):
        return start
    before = text[:start].rstrip()
    previous = before.rfind("\n") + 1
    return previous if before and _SENTENCE_BREAK.search(before[previous:]) is None else start


def _loser_named_before(cand: Candidate, text: str, on: dt.date | None,
                        book: Codebook) -> list[tuple[actors_mod.ActorMention, str]]:
    """Ground taken where the sentence names only the taker ("On Monday the strongholds fell to Kurdish fighters"):
    the one group the paragraph named before ("Islamic State has lost much ground in the province") is the side
    that lost it (`LEAVER`). Two groups named before, or a loser in the sentence, and no one is guessed."""
    sides = [(m, r) for m, r in cand.actor_mentions if m.kind in actors_mod.STATE_KINDS | {"group", "unidentified_armed"}]
    if not sides or any(r in {"patient", LEAVER} for _, r in sides):
        return []
    since, before = _bare_plural_reach(cand, text), cand.sentence.start
    group = _group_named_before(text, since, before, "", book)
    if group is None or any(m.group is not None and m.group.get("name") == group.get("name") for m, _ in sides):
        return []
    known = next(k for k in actors_mod.known_actors(book) if k.entry is group)
    hit = list(known.pattern.finditer(text, since, before))[-1]
    mention = actors_mod.ActorMention("group", hit.start(), hit.end(), hit.group(), None, group=group)
    return [(actors_mod.in_power(mention, on), LEAVER)]


_STRIKER_KINDS = frozenset({"military", "government", "coalition", "group"})
_NOT_STRIKING = frozenset({"patient", HOLDER, SPONSOR, LEAVER})
_ARMED_KINDS = actors_mod.STATE_KINDS | {"unidentified_armed", "unidentified_gang", "communal_militia", "group",
                                         "private_security", "coalition", "people_force"}


def _strikers_told_around(cand: Candidate, doc: Doc, book: Codebook,
                          told: dict[int, list[tuple[actors_mod.ActorMention, str]]]
                          ) -> list[tuple[actors_mod.ActorMention, str]]:
    """Who carried out a strike from the air or from afar that its own sentence tells with no one doing it ("Air
    strikes hit a market in Saraqeb, killing nine"): the side the next sentence says did it when it retells the act
    ("the raids were carried out by the Iraqi air force"), else the nearest side the report said flies or fires
    before it ("Russian warplanes have stepped up their raids on Idlib"; `strikers` in `actor_aliases.yaml`). A
    report that names no such side leaves the strike's attacker unidentified. `told`: each sentence's actors."""
    said = actors_mod.striker_words(cand.sub_event_type)
    if said is None or any(m.kind in _ARMED_KINDS and r not in {"patient", HOLDER, SPONSOR} and not _bare_weapon(m)
                           for m, r in cand.actor_mentions):
        return []
    sents = list(doc.sents)
    at = next((i for i, s in enumerate(sents) if s.start_char <= cand.trigger.start < s.end_char), None)
    if at is None:
        return []
    since = cand.sentence.start - GROUP_REACH
    nearby = [s for s in sents[at + 1 : at + 2] if _retells_strike(s)]
    nearby += [s for s in reversed(sents[:at]) if s.start_char >= since]
    for sent in nearby:
        if sent.start_char not in told:
            told[sent.start_char] = actor_mentions(sent, book)
        found = [(m, r) for m, r in told[sent.start_char] if _strikes(sent, m, r, *said)]
        if found:
            m, role = found[0]
            return [(replace(m, kind="military") if m.kind == "government" else m, role)]
    return []


def _taker_told_before(cand: Candidate, doc: Doc, article: Article, book: Codebook,
                       told: dict[int, list[tuple[actors_mod.ActorMention, str]]]) -> list[_Mention]:
    """Who took ground that a withdrawal names only the side that left ("Islamic State fighters withdrew from the
    town"): the armed side the sentence just before, in its paragraph, tells moving on that same place ("Kurdish-led
    forces advanced on Manbij"; `advance_verbs`), the taker that the Territory rule puts first. With no such
    sentence the side that left stays alone: no taker is made up. `told`: each sentence's actors."""
    sides = [r for m, r in cand.actor_mentions if m.kind in _ARMED_KINDS]
    if cand.sub_event_type not in _TERRITORY_TYPES or cand.place is None or not sides or \
            any(r != LEAVER for r in sides):
        return []
    sents = list(doc.sents)
    at = next((i for i, s in enumerate(sents) if s.start_char <= cand.sentence.start < s.end_char), 0)
    before = sents[at - 1] if at > 0 else None
    if before is None or before.start_char < cand.paragraph_start or not _tells_place(before, cand.place):
        return []
    if before.start_char not in told:
        told[before.start_char] = actor_mentions(before, book)
    # (the subject of the verb, whatever role its first word gave a name: "Kurdish-led forces" opens on "Kurdish")
    movers = [m for m, _ in told[before.start_char] if m.kind in _ARMED_KINDS and _moves_on(before, m)]
    # ("Government troops entered the town": the troops moved, the word on them only says whose they are)
    movers.sort(key=lambda m: m.kind == "government")
    on = (cand.date.date_start if cand.date is not None else None) or article.published
    return _in_power([(movers[0], "agent")], on, article.text) if movers else []


def _tells_place(sent: SpacySpan, place: Place) -> bool:
    """The sentence names the place: the place's own mention is in it, or its name."""
    name = (place.name or place.mention or "").lower()
    return sent.start_char <= place.span.start < sent.end_char or bool(name) and name in span_text(sent).lower()


def _mention_head(sent: SpacySpan, m: actors_mod.ActorMention) -> Token | None:
    """The noun an actor mention's words lead to ("forces" of "Kurdish-led forces"), or None off the parse."""
    span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    return noun_modified(span.root) if span is not None and len(span) else None


def _moves_on(sent: SpacySpan, m: actors_mod.ActorMention) -> bool:
    """The mention is the subject of a verb of moving on a place ("Kurdish-led forces advanced on Manbij")."""
    head = _mention_head(sent, m)
    if head is None:
        return False
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in actors_mod.advance_verbs()


def _bare_weapon(m: actors_mod.ActorMention) -> bool:
    """A machine of war no word gives a side ("a drone struck an airport"): it names no one who sent it."""
    word = m.text.lower()
    return m.group is None and not m.nationality and (word in actors_mod.weapon_nouns()
                                                      or word.rstrip("s") in actors_mod.weapon_nouns())


def _retells_strike(sent: SpacySpan) -> bool:
    """The sentence speaks of a strike told before it: "the strikes", "these raids" (`strike_nouns`)."""
    return any(t.lemma_.lower() in actors_mod.strike_nouns() and t.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in t.children) for t in sent)


def _strikes(sent: SpacySpan, m: actors_mod.ActorMention, role: str, words: frozenset[str],
             verbs: frozenset[str]) -> bool:
    """The mention is a side that strikes: its phrase names a machine or act of such strikes ("Russian warplanes",
    "the Syrian air force", "Houthi drones"), or it is the subject of a verb of striking
    ("the regime bombed") or of one that sends such a machine ("launched drones")."""
    if m.kind not in _STRIKER_KINDS or role in _NOT_STRIKING:
        return False
    head = _mention_head(sent, m)
    if head is None:
        return False
    if _strike_word(head, words):
        return True
    if head.dep_ != "nsubj":
        return False
    # "the regime bombed the town", "Houthi forces launched drones", "the junta has stepped up air strikes"
    verb = head.head
    return verb.lemma_.lower() in verbs or any(c.dep_ == "dobj" and _strike_word(c, words) for c in verb.children)


def _strike_word(noun: Token, words: frozenset[str]) -> bool:
    """The noun, or the noun with a word on it ("air force", "air strikes"), is one of `words`."""
    lemma = noun.lemma_.lower()
    return lemma in words or any(f"{c.lemma_.lower()} {lemma}" in words for c in noun.children
                                 if c.dep_ in {"compound", "amod"})


def _names_own(mention: DateMention | Place | None, cand: Candidate) -> bool:
    """The date or place was found in the candidate's own sentence, not carried from one before."""
    return mention is not None and cand.sentence.start <= mention.span.start < cand.sentence.end


def _coalitions_named(mentions: list[tuple[actors_mod.ActorMention, str]], iso3: str | None, event_type: str | None,
                      book: Codebook) -> list[tuple[actors_mod.ActorMention, str]]:
    """A bare "coalition" ("coalition jets struck a house in Saada") is the coalition at war in the event's country
    (`actors.coalition_of`); in a protest, a riot or a country with no such coalition it names no actor. A people's
    fighters ("Kurdish fighters") are the force that people fields there (`actors.peoples_force`)."""
    out = []
    for m, role in mentions:
        if m.kind == "coalition":
            entry = actors_mod.coalition_of(iso3, book) if event_type not in {"Protests", "Riots"} else None
            if entry is None:
                continue
            m = replace(m, kind="group", group=entry)
        elif m.kind == "people_force":
            # "Kurdish fighters": the force the people fields in the event's country, else the fighters are an
            # unnamed armed group and a force or a position names no one
            said = m.group or {}
            entry = actors_mod.peoples_force(str(said.get("people")), iso3, book)
            if entry is None and said.get("kind") != "unidentified_armed":
                continue
            kind = str(entry["kind"]) if entry is not None and entry.get("state") else "group"
            m = replace(m, kind=kind, group=entry) if entry is not None else replace(m, kind="unidentified_armed",
                                                                                     group=None)
        out.append((m, role))
    return out


def _group_named_before(text: str, since: int, before: int, word: str, book: Codebook) -> dict[str, object] | None:
    """The non-state group named last between `since` and `before` whose mention is followed by `word`, else the
    only one of the kind `word` describes (`actors.describes`: "the jihadists" after "YPG fighters" are no one
    named)."""
    window = text[since:before]
    named: list[tuple[int, dict[str, object], str]] = []
    for known in actors_mod.known_actors(book):
        entry = known.entry
        if entry.get("state"):
            continue
        for hit in known.pattern.finditer(window):
            after = window[hit.end() : hit.end() + 20].split()
            named.append((hit.start(), entry, after[0].lower().rstrip("s,.") if after else ""))
    if not named:
        return None
    same_word = [n for n in named if n[2] == word]
    if same_word:
        return max(same_word, key=lambda n: n[0])[1]
    named = [n for n in named if not word or actors_mod.describes(word, n[1])]
    if not named:
        return None
    names = {str(n[1]["name"]) for n in named}
    return named[0][1] if len(names) == 1 else None


_ARMED_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


_RULING_POWER_NAMES = actors_mod.lexicon_words("ruling_power_names")


def _ruling_power_acts(m: actors_mod.ActorMention, role: str, event: Event) -> bool:
    """"The regime bombed the town", "regime shelling killed five": the ruling power that does an armed act did it
    with its forces (a government that arrests, talks or agrees stays the government). "The government lost the
    town to IS fighters": a government that loses ground in battle lost it with its forces."""
    armed_act = event.event_type in _ARMED_EVENT_TYPES and event.sub_event_type not in _TERRITORY_TYPES
    lost_in_battle = event.event_type == "Battles" and event.sub_event_type in _TERRITORY_TYPES and role == LEAVER
    return (role == "agent" and armed_act or lost_in_battle) and m.text.lower() in _RULING_POWER_NAMES


def _ruling_power_as_military(m: actors_mod.ActorMention, role: str, event: Event) -> actors_mod.ActorMention:
    if m.kind == "government" and _ruling_power_acts(m, role, event):
        return replace(m, kind="military")
    return m


_SPEAKING_KINDS = frozenset({"military", "security", "group"})


def _speaking_enemy(cand: Candidate, hit: actors_mod.ActorMention, hit_name: str,
                    named: Callable[[actors_mod.ActorMention], _Coded]) -> _Coded | None:
    """An armed side that reports what befell its enemy ("two Israeli tanks were destroyed, Hamas's armed wing
    said") claims the act: a state's forces telling of another state's losses, or a named group of a state's and
    a state of a named group's. Forces of the same state, or an unnamed speaker, only report it."""
    for speaker in cand.speakers:
        if speaker.kind not in _SPEAKING_KINDS or named(speaker)[0] == hit_name:
            continue
        states = speaker.kind != "group", hit.kind in actors_mod.STATE_KINDS
        if all(states) and speaker.nationality and hit.nationality and speaker.nationality != hit.nationality:
            return named(speaker)
        if states[0] != states[1] and "group" in {speaker.kind, hit.kind}:
            return named(speaker)
    return None


def _state_unit(m: actors_mod.ActorMention) -> bool:
    """A state's own military by a unit's name of the alias table that the words did not mark as the state's ("the
    Tiger Forces"); a group in power since a date (the Taliban) took the ground as the group it was."""
    return m.kind == "military" and m.group is not None and "names" in m.group and not m.nationality


def _device_by_nationality(m: actors_mod.ActorMention) -> bool:
    """A device a nationality is written on ("a Syrian roadside bomb"): a state's bomb is dropped, not laid, so the
    word names no one who set this one off."""
    return m.group is None and m.text.lower().rstrip("s") in actors_mod.device_nouns()


def _power_against_its_state(mentions: list[_Mention], iso3: str | None, book: Codebook) -> list[_Mention]:
    """A group in power that acts on forces the words give its own state's name ("A Taliban roadside bomb killed
    two soldiers", told in 2024) cannot be those forces' own state: the target keeps the state's name, and the
    group acts as the group the text names ("Taliban"). Forces the words give another state ("two Pakistani
    soldiers") leave the group the state it rules."""
    def name(m: actors_mod.ActorMention) -> str:
        return actors_mod.actor_name(m, iso3, book)[0]

    hit = {name(m) for m, r in mentions if r in {"patient", LEAVER} and m.kind in actors_mod.STATE_KINDS
           and not (m.group or {}).get("took_power")}
    return [(actors_mod.out_of_power(m), r) if r not in {"patient", LEAVER} and (m.group or {}).get("took_power")
            and name(m) in hit else (m, r) for m, r in mentions]


def _fill_actors(event: Event, cand: Candidate, iso3: str | None, book: Codebook, evidence: dict[str, Span]) -> None:
    sub = event.sub_event_type or ""
    mentions = _power_against_its_state(cand.actor_mentions, iso3, book)
    state = [(_ruling_power_as_military(m, r, event), r) for m, r in mentions
             if m.kind in actors_mod.STATE_KINDS and (m.kind != "government" or _ruling_power_acts(m, r, event))]
    armed = [(m, r) for m, r in mentions if m.kind in {"unidentified_armed", "unidentified_gang", "communal_militia",
                                                         "group", "private_security"}]
    civil = [(m, r) for m, r in mentions if m.kind == "civilians"]
    demo = [(m, r) for m, r in mentions if m.kind in {"protesters", "rioters", "crowd", "mob", "supporters"}]
    # an unarmed crowd that does the violence ("supporters of the party attacked a police station") is Rioters,
    # not an unidentified armed group, whatever sub-type the words gave the act
    crowd_acts = any(r == "agent" for _, r in demo)
    first: tuple[str, int, actors_mod.ActorMention | None] | None = None
    second: tuple[str, int, actors_mod.ActorMention | None] | None = None
    # an unnamed armed group hit by a device no one is named for, or driven out by a side no one names: both sides
    # have one name
    hit_by_unknown = False

    def named(m: actors_mod.ActorMention) -> tuple[str, int, actors_mod.ActorMention]:
        name, inter = actors_mod.actor_name(m, iso3, book)
        return name, inter, m

    def template(kind: str) -> tuple[str, int, None]:
        m = actors_mod.ActorMention(kind, 0, 0, "")
        name, inter = actors_mod.actor_name(m, iso3, book)
        return name, inter, None

    if sub in _PROTEST_TYPES:
        first = named(demo[0][0]) if demo and demo[0][0].kind != "mob" else template("protesters")
        first = (first[0].replace("Rioters", "Protesters"), 6, first[2])
        if sub != "Peaceful protest":
            second = named(state[0][0]) if state else template("police")
    elif sub == "Violent demonstration":
        first = template("rioters") if not demo else (named(demo[0][0])[0].replace("Protesters", "Rioters"), 5,
                                                        demo[0][0])
        if state:
            second = named(state[0][0])
    elif sub == "Mob violence":
        first = template("rioters")
        # the mob's target: whom it acted on ("pelted stones at police"), else the civilians or forces named
        targets = [x for x in civil + state if x[1] == "patient"] or civil or state
        if "clash" in cand.families and not state:
            # "supporters of two rival parties clashed": crowds that fight each other riot on both sides
            second = first
        elif targets:
            second = named(targets[0][0])
    elif event.event_type in {"Violence against civilians"}:
        # (who holds the place or backs a side is not who struck: "a town controlled by X", "Y-backed")
        # ("…, the Hamas-run health ministry said": who runs the source is never the perpetrator, even alone)
        perps = [x for x in state + armed if x[1] not in {"patient", HOLDER, SPONSOR}] or [
            x for x in state + armed if x[1] not in {HOLDER, SPONSOR}]
        # the act's agent before a force named otherwise ("killed two before he was shot dead by police")
        perps = sorted(perps, key=lambda x: x[1] != "agent")
        first = named(perps[0][0]) if perps else template("rioters" if crowd_acts else "unidentified_armed")
        second = template("civilians")
        if civil:
            second = named(civil[0][0])
        if (hit := [x for x in demo if x[1] == "patient" and x[0].kind in {"protesters", "crowd"}]):
            second = named(hit[0][0])  # "gunmen opened fire on protesters": the demonstrators were the target
        elif classify.GATHERING_HIT.search(cand.sentence.text):
            second = template("protesters")  # "opened fire on a protest march"
    elif event.event_type == "Battles":
        # who acts first, who is acted on ("an attack on a police station") or gives the ground up last (after a
        # side the parse read as acted on: "withdrew after days of rebel shelling" did not hit the rebels)
        sides = sorted([x for x in state + armed if x[1] != SPONSOR],
                       key=lambda x: (x[1] in {"patient", LEAVER}, x[1] == LEAVER, x[1] != "agent", x[0].start))
        names: list[tuple[str, int, actors_mod.ActorMention | None]] = []
        for m, _ in sides:
            n = named(m)
            if all(n[0] != o[0] for o in names):
                names.append(n)
        doer = template("rioters" if crowd_acts else "unidentified_armed")
        if sides and sides[0][1] in {"patient", LEAVER} and len(names) == 1:
            # only the side attacked, or the side that lost the ground, is named: the other side that tells of it
            # ("a Russian tank was destroyed, Ukrainian forces said"), else an unknown attacker or taker, or the
            # crowd that attacked
            speaker = _speaking_enemy(cand, sides[0][0], names[0][0], named)
            names.insert(0, speaker or doer)
            # (an unnamed group that lost ground to an unknown taker: the side named before may fill the taker)
            hit_by_unknown = sides[0][1] == LEAVER and names[1][0] == doer[0] and names[0] is doer
        first = names[0] if names else doer
        if sub == "Non-state actor overtakes territory" and first[2] is not None and _state_unit(first[2]) \
                and any(m is first[2] and r == "agent" for m, r in sides):
            event.sub_event_type = "Government regains territory"
        second = names[1] if len(names) > 1 else (template("unidentified_armed")
                                                  if first[0] != template("unidentified_armed")[0] and names else None)
        if len(names) == 1 and sides[0][0].kind == "communal_militia":
            second = first  # "clashes between two clans": communal militias on both sides, as ACLED codes them
    elif event.event_type == "Explosions/Remote violence":
        # a device names no one who set it off: only an agent is its perpetrator, and a force it went off by ("a
        # car bomb exploded outside a police station") is its target
        device = sub in _DEVICE_TYPES
        perps = [x for x in state + armed if x[1] not in {"patient", HOLDER, SPONSOR} and (not device or x[1] == "agent")
                 and not (device and _device_by_nationality(x[0]))]
        hit = next((x[0] for x in state + armed if x[1] == "patient"), None)
        claimant = _speaking_enemy(cand, hit, named(hit)[0], named) if hit is not None and not perps else None
        # (no one named: whom the report says flies or fires such strikes, in a sentence around it)
        striker = named(cand.strikers[0][0]) if cand.strikers else None
        if striker is not None and perps and all(_bare_weapon(x[0]) for x in perps):
            perps = []  # ("a drone struck an airport": sent by whom the report said flies them)
        # ("drone strikes by the US-led coalition": a machine no word gives a side was the named striker's)
        perps = sorted(perps, key=lambda x: _bare_weapon(x[0]))
        first = named(perps[0][0]) if perps else claimant or striker or template("unidentified_armed")
        # (an armed group hit by a bomb or mine no one is named for is a side of its own, though the unknown attacker
        # has its name: "a landmine killed four members of a pro-government militia")
        unknown = device and first[2] is None and first[0] == template("unidentified_armed")[0]
        targets = [x for x in state + armed if x[0] is not (perps[0][0] if perps else None) and x[1] not in {HOLDER, SPONSOR}
                   and (named(x[0])[0] != first[0] or unknown and x[1] == "patient")]
        # who was hit comes before a group the sentence only labels or blames ("… the YPG, which Turkey calls a
        # wing of the PKK"; "killed four people, in an attack blamed on the YPG")
        # ("fired a missile at a Kurdish position, wounding two British soldiers": what it was fired at comes before
        # whom it hurt, whichever kind each is)
        targets = sorted(targets, key=lambda x: (x[1] != "patient", x[0].start))
        if civil and targets and targets[0][1] != "patient":
            targets = []
        if civil and not targets:
            second = named(civil[0][0])
        elif targets:
            second = named(targets[0][0])
            hit_by_unknown = unknown and second[0] == first[0]
        elif _civilians_hit(cand):
            second = template("civilians")  # "struck a house", "shelled homes": civilian property was hit
    elif sub == "Disrupted weapons use":
        first, second = _disruption_actors(cand, state, armed, named, template)
    else:  # Strategic developments
        # the subject before a force named only as an owner ("gang members set fire to a police station")
        # (a crowd that acts is the doer before a force named only as the owner: "supporters torched a police post")
        # (a sponsor or an affiliate is no side: "fighters of HTS, an al-Qaida-linked group, were arrested"; and
        # who is arrested never arrests)
        sides = [x for x in state + armed if x[1] != SPONSOR]
        doers = sorted([x for x in sides if x[1] != "patient"] or ([] if crowd_acts or sub == "Arrests" else sides),
                       key=lambda x: x[1] != "agent")
        if sub in _TERRITORY_TYPES:
            # who takes the ground comes first, who gives it up last ("militants took over the town after troops
            # withdrew"), whatever kind each is; in a handover no one is acted on, so beside a side that only left,
            # a side the parse read as acted on took the ground ("troops withdrew and M23 rebels took it over")
            if doers and all(r == LEAVER for _, r in doers):
                doers += [x for x in state + armed if x[1] == "patient"]
            doers = sorted(doers, key=lambda x: x[1] == LEAVER)
            if len(doers) > 1 and doers[-1][1] == LEAVER:
                second = named(doers[-1][0])
        if doers:
            first = named(doers[0][0])
        elif sub == "Arrests":
            first = template("police")
        elif sub == "Looting/property destruction" and any(r == "agent" for _, r in civil + demo):
            first = template("rioters")  # "hundreds of youths looted shops": a crowd, no armed group
        else:
            first = template("unidentified_armed") if sub in {"Looting/property destruction"} else None
        if sub == "Arrests":
            others = [x for x in demo + civil + armed if x[1] == "patient"] or civil
            if others:
                second = named(others[0][0])
        elif sub == "Looting/property destruction" and (civil or _civilians_hit(cand)):
            second = named(civil[0][0]) if civil else template("civilians")  # whose property it was
        elif sub == "Looting/property destruction" and (owners := [x for x in state if not doers or x is not doers[0]]):
            second = named(owners[0][0])  # "set fire to a police station": the police's property
        elif sub == "Agreement" and first is not None:
            # a deal has two parties ("a truce between the army and HTS"): the next one the sentence names
            second = next((n for n in (named(m) for m, _ in doers[1:]) if n[0] != first[0]), None)
    if first is not None:
        _set_actor(event, 1, first, evidence)
    if second is not None and (first is None or second[0] != first[0] or second is first or hit_by_unknown):
        _set_actor(event, 2, second, evidence)
    event.interaction = book.interaction(event.inter1, event.inter2)
    if event.disorder_type and "Political violence" in event.disorder_type and event.inter2 == 7:
        event.civilian_targeting = CIVILIAN_TARGETING
    event.actors = [Actor(name=n, inter=i, inter_label=book.inter_label(i), country=event.country,
                          evidence=(Span(start=m.start, end=m.end, text=m.text) if m is not None and m.text else None))
                    for n, i, m in (x for x in (first, second) if x is not None)]


# A demonstration's crowd is named by the sub-type its event ends with, after a retelling folded in ("… The
# protesters then burned tyres": Violent demonstration) or the learned decision switched it: Rioters when it used
# force, Protesters when it did not (the codebook's inter codes 5 and 6).
_RIOTING_TYPES = frozenset({"Violent demonstration", "Mob violence"})
_CROWD_NAMES = {"Protesters": ("Rioters", 5), "Rioters": ("Protesters", 6)}


def name_crowds_by_conduct(events: list[Event], book: Codebook) -> None:
    """Each demonstration's crowd (its first actor) named as its final sub-type says: "Rioters (X)" in a violent
    demonstration or mob violence, "Protesters (X)" in a protest."""
    for event in events:
        if event.sub_event_type in _RIOTING_TYPES:
            was = "Protesters"
        elif event.sub_event_type in _PROTEST_TYPES:
            was = "Rioters"
        else:
            continue
        now, inter = _CROWD_NAMES[was]
        name = event.actor1
        if not name or not name.startswith(f"{was} ("):
            continue  # (the second side is whom the crowd met: protesters a mob attacked stay protesters)
        renamed = now + name[len(was):]
        event.actor1, event.inter1 = renamed, inter
        event.actors = [a.model_copy(update={"name": renamed, "inter": inter, "inter_label": book.inter_label(inter)})
                        if a.name == name else a for a in event.actors]
        event.interaction = book.interaction(event.inter1, event.inter2)


NO_DEATH_TYPES = {"Peaceful protest", "Protest with intervention"}
_TERRITORY_TYPES = {"Non-violent transfer of territory", "Non-state actor overtakes territory",
                    "Government regains territory"}
_DEVICE_TYPES = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:pro-)?$", re.IGNORECASE)


_Mention = tuple[actors_mod.ActorMention, str]  # an actor phrase and its role (agent, patient, other)
_Coded = tuple[str, int, actors_mod.ActorMention | None]  # ACLED name, inter code, the phrase it came from


def _disruption_actors(cand: Candidate, state: list[_Mention], armed: list[_Mention],
                       named: Callable[[actors_mod.ActorMention], _Coded], template: Callable[[str], _Coded]
                       ) -> tuple[_Coded, _Coded | None]:
    """Disrupted weapons use: the side that intercepted, defused or seized is the first actor, the weapon's
    owner the second ("air defences intercepted a missile fired by rebels"). A missile "fired by" a group and
    intercepted by no one named was stopped by the forces of the country it flew at."""
    def by_agent(x: _Mention) -> bool:
        before = cand.sentence.text[:max(0, x[0].start - cand.sentence.start)]
        return bool(_BY_AGENT.search(before))

    defenders = [x for x in state if x[1] != "patient" and not by_agent(x)]
    # ("Houthi rebels fired a missile at Riyadh that was intercepted": who fired owns the weapon; whoever stopped it
    # goes unnamed and is the forces of the country it flew at)
    subjects = [x for x in armed if x[1] == "agent" and not by_agent(x) and not _launched(x[0], cand.launchers)]
    first_mention = (defenders or subjects or [(None, "")])[0][0]
    first = named(first_mention) if first_mention is not None else template("military")
    owners = [x for x in armed + state if x[0] is not first_mention and named(x[0])[0] != first[0]]
    return first, (named(owners[0][0]) if owners else None)


def _launched(mention: actors_mod.ActorMention, launchers: list[tuple[int, int]]) -> bool:
    """The mention is the subject of a verb that fires or launches a weapon (`Candidate.launchers`)."""
    return any(a <= mention.start < b for a, b in launchers)


# How far after the trigger the words of what it hit are read ("shelled houses east of …", "burned a school").
_TARGET_WINDOW = 40


def _civilians_hit(cand: Candidate) -> bool:
    """The parse says civilians were hit, or the words right after the trigger name civilians or their property
    (houses, a school, tents): ACLED's second actor is then Civilians."""
    if cand.target_kind == "civilian":
        return True
    offset = cand.trigger.end - cand.sentence.start
    return bool(classify.CIVILIAN_WORDS.search(cand.sentence.text[offset:offset + _TARGET_WINDOW])) or \
        cand.civilian_site


# Verbs whose subject sends a weapon off ("fired a missile", "launched drones"): the weapon's owner, not who stopped it
_LAUNCH_VERBS = _RULES.words("WEAPON_SENDING_VERBS")


def _launchers(sent: SpacySpan) -> list[tuple[int, int]]:
    """Character ranges of the subjects of verbs that fire or launch a weapon ("Houthi rebels fired a missile")."""
    return [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in sent
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in _LAUNCH_VERBS]


# Where what was hit stands: the object of the act, its passive subject, or the object of these prepositions
# ("landed on a bus station", "exploded outside a restaurant"); "near a market" or "in a market town" only places
# the act.
_HIT_PREPOSITIONS = frozenset({"on", "onto", "at", "into", "outside", "inside"})


def _civilian_site_hit(sent: SpacySpan) -> bool:
    """The sentence's act hit a place or gathering of civilians ("a drone struck a wedding party", "artillery shells
    hit a residential building"; `civilian_sites` in `codebook/actor_aliases.yaml`)."""
    sites = actors_mod.civilian_sites()
    for tok in sent:
        hit = tok.dep_ in {"dobj", "nsubjpass"} or (tok.dep_ == "pobj" and tok.head.lower_ in _HIT_PREPOSITIONS
                                                     and tok.head.head.pos_ == "VERB")
        if hit and tok.pos_ == "NOUN" and (tok.lemma_.lower() in sites or any(
                c.lemma_.lower() in sites for c in tok.children if c.dep_ in {"compound", "amod"})):
            return True
    return False


def _set_actor(event: Event, side: int, actor: tuple[str, int, actors_mod.ActorMention | None],
               evidence: dict[str, Span]) -> None:
    name, inter, mention = actor
    if side == 1:
        event.actor1, event.inter1 = name, inter
    else:
        event.actor2, event.inter2 = name, inter
    if mention is not None and mention.text:
        evidence[f"actor{side}"] = Span(start=mention.start, end=mention.end, text=mention.text)


def event_id_cnty(event: Event, article: Article) -> str:
    """"DL-" + ISO3 + a hash of what identifies the event (`model.make_event_id_cnty`): re-running gives the
    same id, and no one takes it for an ACLED id."""
    from dateline.codebook import default_codebook
    from dateline.model import make_event_id_cnty

    iso3 = default_codebook().iso3(event.country) if event.country else None
    basis = "|".join(str(x) for x in (article.content_hash or article.id, event.sub_event_type, event.location,
                                      event.event_date, event.mentions[0].start if event.mentions else ""))
    return make_event_id_cnty(iso3, basis)


# --- text structure ---------------------------------------------------------------------------------------
def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs are runs of non-empty lines, parted too where a line ends a sentence: a story typed one paragraph
    a line reads as one with blank lines between its paragraphs (`dates.line_paragraphs`), so the same story gives
    the same events, dates and places in either layout."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        out.extend(dates_mod.line_paragraphs(text, m.start(), m.end()))
    return out


def _paragraph_of(paragraphs: list[tuple[int, int]], char: int, text: str) -> Span:
    start, end = _paragraph_bounds(paragraphs, char) or (0, len(text))
    return Span.of(text, start, end)


def _paragraph_bounds(paragraphs: list[tuple[int, int]], char: int) -> tuple[int, int] | None:
    return next(((start, end) for start, end in paragraphs if start <= char < end), None)


def _paragraph_start(paragraphs: list[tuple[int, int]], char: int) -> int:
    """Where `_paragraph_of` starts, without the Span (its text cut and checked) that every sentence asked for."""
    bounds = _paragraph_bounds(paragraphs, char)
    return bounds[0] if bounds is not None else 0


# --- document level ---------------------------------------------------------------------------------------
# Demonstrations and riots are contentious events wherever the report tells of them.
PROTEST_TYPES = frozenset({"Protests", "Riots"})
# Political violence is a contentious event too (bombings, killings, clashes), but wire stories mention past or
# foreign violence in passing: such an event counts only when the report leads with it (news style puts the
# story's own event in the headline and first sentences) and it is well supported.
VIOLENCE_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
LEAD_CHARS = 500


def reports_event(report: object) -> bool:
    """Does the report tell of at least one contentious event that happened?

    True when one of its events that the decision layer keeps (no `needs_review` flag: extraction/decide.py) is a
    demonstration or riot, or political violence first mentioned in the lead (first LEAD_CHARS characters).
    Rejected candidates (calls, threats, plans, history, negation) never count; strategic developments alone do
    not count (an arrest or a deal is not a contention)."""
    for e in getattr(report, "events", None) or []:
        if "needs_review" in e.flags:
            continue
        if e.event_type in PROTEST_TYPES:
            return True
        first = min((m.start for m in e.mentions), default=LEAD_CHARS)
        if e.event_type in VIOLENCE_TYPES and first < LEAD_CHARS:
            return True
    return False
