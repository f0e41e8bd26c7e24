"""Incidents: which kept events of one report tell the same incident.

A news article tells its main incident several times: the lead, the toll a paragraph later, a witness, the claim
of responsibility, a quote from a spokesman. The rules propose an event for each telling, under whatever sub-type
and place the sentence supports ("a coalition soldier died in a blast in Iraq" and "two comrades were hurt in
the roadside bomb blast at Tal Afar"), so an exact key (same type, place and date) leaves most retellings apart
and the report lists one incident three times. Two incidents of one day and one town, on the other hand, must
stay two. No library decides this for event records, so a small model does: for each pair of kept events it
weighs how their types, places, dates, tolls and actors agree, how far apart they are told, the names and numbers
their sentences share, and words that retell ("the blast", "among the dead") or open a new incident ("another",
"separately"). It is a logistic regression shipped as JSON (`data/models/incident_model.json`, trained by
`tools/train_incident_model.py` on dateline's own labels, see docs/models.md), scored with plain Python.

The pair features read only the events (plain data with spans) and the report's text and sentence offsets.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from dateline.codebook import Codebook
from dateline.extraction import notes
from dateline.extraction.classify import ADDITIONAL_DEAD, DISTINCT_INCIDENT, ELSEWHERE_TOLD, OTHER_CROWD
from dateline.extraction.fatalities import count_fatalities
from dateline.extraction.packaged import cue_lists, load_model
from dateline.model import Actor, Event, Span

MODEL_FILE = "incident_model.json"
NEEDS_REVIEW = "needs_review"
DATE_DEFAULTED = "date_defaulted"

_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:al-|el-|bin\s+)?[A-Z][\w'’-]+)*")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_WORD = re.compile(r"[a-z]{4,}")
# Capitalised words that open sentences or name no one in particular: sharing them says nothing.
_NOT_NAMES = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and",
                        "after", "when", "while", "as", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday", "this", "that", "there", "his", "her", "their", "its"})
_STOP = frozenset({"that", "with", "from", "have", "were", "been", "said", "says", "their", "they", "this", "which",
                   "after", "also", "about", "into", "more", "than", "when", "where", "while", "would", "could",
                   "there", "other", "some", "what", "will", "over", "under", "told", "according", "reported"})


@dataclass(frozen=True)
class ReportText:
    """What the pair features need of the report: its text and where each sentence starts."""

    text: str
    sentence_starts: list[int]
    title_end: int = 0  # where the headline ends (0: no headline)

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def sentence_of(self, offset: int) -> str:
        i = self.sentence_index(offset)
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        start = self.sentence_starts[i] if self.sentence_starts else 0
        return self.text[start:end]


@functools.cache
def cues() -> dict[str, re.Pattern[str]]:
    """The cue lists of data/incident_cues.yaml, one case-insensitive alternation per list."""
    return cue_lists("incident_cues.yaml")


@functools.cache
def part_cues() -> dict[str, re.Pattern[str]]:
    """The cue lists of data/incident_part_cues.yaml: the rules' own, no features of the model."""
    return cue_lists("incident_part_cues.yaml")


def trigger_of(event: Event) -> Span | None:
    return event.evidence.get("sub_event_type") or (event.mentions[0] if event.mentions else None)


def pair_features(a: Event, b: Event, report: ReportText) -> dict[str, float]:
    """Named features of two events of one report: do they tell one incident? Symmetric: the earlier-told
    event is read as the first."""
    ta, tb = trigger_of(a), trigger_of(b)
    if ta is not None and tb is not None and tb.start < ta.start:
        a, b, ta, tb = b, a, tb, ta
    place, date = place_relation(a, b), _date_relation(a, b)
    f: dict[str, float] = {"bias": 1.0, f"place={place}": 1.0, f"date={date}": 1.0,
                           f"place={place}&date={date}": 1.0}
    if a.sub_event_type == b.sub_event_type:
        f["same_sub"] = 1.0
    if a.event_type == b.event_type:
        f["same_type"] = 1.0
        f[f"same_type&place={place}"] = 1.0
    else:
        f["types=" + "|".join(sorted((a.event_type or "-", b.event_type or "-")))] = 1.0
    f.update(_toll_features(a, b))
    f.update(_actor_features(a, b))
    if ta is not None and tb is not None:
        f.update(_telling_features(ta, tb, report))
        told = _told_in_own_sentence(a, ta, report) + _told_in_own_sentence(b, tb, report)
        f[f"own_place={told}"] = 1.0
        f[f"own_place={told}&place={place}"] = 1.0
    if _rule_same(a, b):
        f["rule_same"] = 1.0
    f["brief" if len(report.sentence_starts) <= 4 else "article"] = 1.0
    return f


def place_relation(a: Event, b: Event) -> str:
    if a.country is None and b.country is None:
        return "none"
    if a.country is None or b.country is None:
        return "one_missing"
    if a.country != b.country:
        return "other_country"
    if a.location == b.location and a.admin1 == b.admin1:
        return "same"
    pa, pb = a.geo_precision or 3, b.geo_precision or 3
    if pa != pb:
        coarse, fine = (a, b) if pa > pb else (b, a)
        if (coarse.geo_precision or 3) == 3 or coarse.admin1 == fine.admin1:
            return "nested"  # a country or province and a town inside it
    if a.admin1 is not None and a.admin1 == b.admin1:
        return "same_admin1"
    return "same_country"


def _told_in_own_sentence(event: Event, trigger: Span, report: ReportText) -> int:
    """1 when the event's place is named in its trigger's own sentence (not carried over from elsewhere)."""
    where = event.evidence.get("location")
    return int(where is not None and report.sentence_index(where.start) == report.sentence_index(trigger.start))


def undated(event: Event) -> bool:
    """The text gives the event no date: coded at the report's date for want of one (`date_defaulted`), or, in a
    report with no date of its own, with no date at all. Either way a retelling that is dated gives the incident
    its date. (The pair features keep the two apart, "both_defaulted" and "unknown": the model weighs them as
    it learned them.)"""
    return DATE_DEFAULTED in event.flags or (event.event_date is None and event.date_start is None)


def _date_relation(a: Event, b: Event) -> str:
    da, db = DATE_DEFAULTED in a.flags, DATE_DEFAULTED in b.flags
    if da and db:
        return "both_defaulted"
    if da or db:
        return "one_defaulted"
    if a.event_date is None or b.event_date is None:
        return "unknown"
    if a.event_date == b.event_date:
        return "same"
    return "next_day" if abs((a.event_date - b.event_date).days) <= 1 else "apart"


def _toll_features(a: Event, b: Event) -> dict[str, float]:
    if a.fatalities and b.fatalities:
        return {"toll=same" if a.fatalities == b.fatalities else "toll=differ": 1.0}
    if a.fatalities or b.fatalities:
        return {"toll=one": 1.0}
    return {}


def _actor_features(a: Event, b: Event) -> dict[str, float]:
    f: dict[str, float] = {}
    if a.actor1 and a.actor1 == b.actor1:
        f["actor1_same"] = 1.0
    shared = {a.actor1, a.actor2} & {b.actor1, b.actor2} - {None}
    if shared:
        f["actor_shared"] = 1.0
    return f


def _telling_features(ta: Span, tb: Span, report: ReportText) -> dict[str, float]:
    """How far apart the two are told, what their sentences share, and how the later one begins."""
    ia, ib = report.sentence_index(ta.start), report.sentence_index(tb.start)
    gap = ib - ia
    f: dict[str, float] = {f"gap={_bucket(gap)}": 1.0}
    if "\n" not in report.text[ta.end:tb.start]:
        f["same_paragraph"] = 1.0
    if ta.text.lower() == tb.text.lower():
        f["same_trigger_word"] = 1.0
    if gap == 0:
        return f  # one sentence: what it shares with itself says nothing
    sa, sb = report.sentence_of(ta.start), report.sentence_of(tb.start)
    names = _names(sa) & _names(sb)
    if names:
        f["shared_names=" + ("1" if len(names) == 1 else "2+")] = 1.0
    if _numbers(sa) & _numbers(sb):
        f["shared_number"] = 1.0
    wa, wb = _words(sa), _words(sb)
    overlap = len(wa & wb) / max(1, len(wa | wb))
    f["word_overlap"] = min(overlap, 0.5) * 2
    for name, pattern in cues().items():
        if pattern.search(sb):
            f[f"later_{name}"] = 1.0
    return f


def _bucket(gap: int) -> str:
    if gap <= 1:
        return str(gap)
    return "2-3" if gap <= 3 else ("4-9" if gap <= 9 else "10+")


def _names(sentence: str) -> set[str]:
    found = set()
    for m in _NAME.finditer(sentence):
        words = [w for w in m.group(0).split() if w.lower() not in _NOT_NAMES]
        if words:
            found.add(" ".join(words).lower())
    return found


def _numbers(sentence: str) -> set[str]:
    return {n for n in _NUMBER.findall(sentence) if not re.fullmatch(r"(?:19|20)\d\d", n)}


def _words(sentence: str) -> set[str]:
    return {w for w in _WORD.findall(sentence.lower()) if w not in _STOP}


def _rule_same(a: Event, b: Event) -> bool:
    """The exact key the rules used before the model: same type and place, and a defaulted date or the same
    sub-type and date."""
    if a.event_type != b.event_type or a.location is None:
        return False
    if (a.country, a.admin1, a.location) != (b.country, b.admin1, b.location):
        return False
    if DATE_DEFAULTED in a.flags or DATE_DEFAULTED in b.flags:
        return True
    return a.sub_event_type == b.sub_event_type and a.event_date == b.event_date


@dataclass(frozen=True)
class IncidentModel:
    """A logistic regression over named pair features and the probability at which two events are merged."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    card: dict[str, Any]

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IncidentModel:
        return cls(weights=dict(zip(data["features"], map(float, data["coef"]), strict=True)),
                   intercept=float(data["intercept"]), threshold=float(data["threshold"]),
                   card=data.get("card", {}))


@functools.cache
def incident_model() -> IncidentModel:
    """The shipped model, read once per process. A missing or broken file is an installation fault."""
    return load_model(MODEL_FILE, "incident model", IncidentModel.from_json)


def merge_retellings(events: list[Event], report: ReportText, model: IncidentModel | None = None,
                     book: Codebook | None = None) -> list[Event]:
    """One incident told in several sentences is one event. Among the kept events, in the order they are told
    (the headline last), each later one the model judges a retelling of an earlier kept one (probability at or
    above its threshold) is folded into it. The first telling stays the event, as a coder codes an incident from
    its lead (the sub-type and place the lead gives, not those of a quote or an aside about it); the folded
    event's passages become its
    mentions, its evidence, actors and toll fill what the first lacks, and the event is as probable as its surest
    telling. Where the two tellings name sub-types the codebook combines (a protest, then its dispersal: a
    protest with intervention), the incident takes the codebook's (`Codebook.incident_sub_type`). Events flagged
    for review wait for their reviewer and are never folded."""
    model = model or incident_model()
    kept = sorted((e for e in events if NEEDS_REVIEW not in e.flags), key=lambda e: _told_at(e, report))
    folded: set[int] = set()
    for i, event in enumerate(kept):
        if id(event) in folded:
            continue
        for other in kept[i + 1:]:
            if id(other) in folded or _another_incident(other, report) or _arrests_of_their_own(event, other, report):
                continue
            if _suspect_arrested(event, other, report):
                _fold_arrest(event, other)
                folded.add(id(other))
                continue
            fought, died = _fought_back(event, other, report), died_of_wounds(event, other, report)
            turned = _crowd_turned(event, other, report)
            if (_told_apart(event, other) or _crowds_apart(event, other, report)) and not (fought or died or turned):
                continue
            p = model.probability(pair_features(event, other, report))
            if p >= model.threshold or _told_as_part_of(event, other, report, book) or fought or died or turned:
                if fought:
                    _met_by_resistance(event, other)
                _fold(event, other, report, book, more_dead=died, crowd_turned=turned)
                folded.add(id(other))
    return [e for e in events if id(e) not in folded]


def _told_as_part_of(event: Event, other: Event, report: ReportText, book: Codebook | None) -> bool:
    """The later telling goes back to the incident as known ("The attackers burned houses before fleeing") and
    tells an act the codebook counts as part of it (`Codebook.incident_sub_type`: houses burned in a raid are the
    raid's), at a place that agrees and on the same day or none of its own. The model, which weighs sub-types
    apart as a rule, has not learned such parts; a part told on another day ("Two days later, the attackers
    burned...") stays its own event."""
    if book is None or book.incident_sub_type(event.sub_event_type, other.sub_event_type) is None:
        return False
    if place_relation(event, other) not in {"same", "nested"}:
        return False
    if _date_relation(event, other) != "same" and not undated(other):
        return False
    trigger = trigger_of(other)
    return trigger is not None and cues()["retelling"].search(report.sentence_of(trigger.start)) is not None


_SUSPECT_DAYS = 7  # how long after an attack the arrest of its suspect is still told as its sequel


def _suspect_arrested(event: Event, other: Event, report: ReportText) -> bool:
    """The later telling is the arrest of the suspect of the act of political violence told before ("A man stabbed
    two people at a market in Mombasa on Friday. Police arrested a 34-year-old suspect at the scene."): ACLED codes
    the capture of an attacker as part of the attack, not as an arrest of its own. Only where the arrest is at the
    attack's place or names no place of its own, on its day or in the days after (an operation of its own never
    comes here: `_arrests_of_their_own`); protesters' arrests are no part of this."""
    if other.sub_event_type != "Arrests" or event.disorder_type != "Political violence":
        return False
    trigger = trigger_of(other)
    if trigger is None:
        return False
    sentence = report.sentence_of(trigger.start)
    if part_cues()["suspect"].search(sentence) is None:
        return False
    return _at_its_place_within(event, other, trigger, report, range(_SUSPECT_DAYS + 1))


def _arrests_of_their_own(event: Event, other: Event, report: ReportText) -> bool:
    """The later telling is an arrest told as an operation of its own ("Police also arrested 15 suspects in raids
    across the county"): however near the act of political violence told before, no part of it."""
    trigger = trigger_of(other)
    return other.sub_event_type == "Arrests" and event.disorder_type == "Political violence" and \
        trigger is not None and part_cues()["own_operation"].search(report.sentence_of(trigger.start)) is not None


def _dated_in_own_sentence(event: Event, trigger: Span, report: ReportText) -> bool:
    """The event's date is told in its trigger's own sentence: not defaulted, nor read from the sentences before
    ("Soldiers drove them back after a long exchange of fire" takes the day of the raid told before it)."""
    when = event.evidence.get("event_date")
    return not undated(event) and when is not None and \
        report.sentence_index(when.start) == report.sentence_index(trigger.start)


def _days_after(event: Event, later: Event) -> int | None:
    """How many days after the event the later telling is dated (None: either has no date)."""
    if event.event_date is None or later.event_date is None:
        return None
    return (later.event_date - event.event_date).days


def _fold_arrest(event: Event, arrest: Event) -> None:
    """The arrest of the suspect becomes a mention of the attack; its sides (the police, the suspect) are no sides
    of the attack, and its date no date of it."""
    event.mentions = sorted([*event.mentions, *arrest.mentions], key=lambda m: m.start)


_ANSWER_SENTENCES = 3  # how many sentences after a battle's telling a side's fighting back is still its sequel


def _fought_back(event: Event, other: Event, report: ReportText) -> bool:
    """The later telling is a side fighting back against the battle told just before ("Fighters raided a checkpoint
    near Bunia on Tuesday. Troops drove them back after an hour-long firefight."): the same fight, even when the
    later telling dates its end to the next day or gives no date; its side becomes the battle's other
    (`other_side_told_after`). Only a battle answering a battle, or an attack that state forces fought back
    (`_resisting_force`), told within a few sentences, at a place that agrees or with no place of its own."""
    if other.event_type != "Battles" or (event.event_type != "Battles" and _resisting_force(event, other) is None):
        return False
    return _sequel_told(event, other, report, "fought_back", days=range(2))


def _sequel_told(event: Event, other: Event, report: ReportText, cue: str, days: range) -> bool:
    """Is the later telling, by its cue list `cue`, a sequel of the incident told just before: told within a few
    sentences, at a place that agrees or with no place of its own, and dated within `days` after it (or with no
    date in its own sentence)?"""
    ta, tb = trigger_of(event), trigger_of(other)
    if ta is None or tb is None:
        return False
    if not 0 < report.sentence_index(tb.start) - report.sentence_index(ta.start) <= _ANSWER_SENTENCES:
        return False
    if part_cues()[cue].search(report.sentence_of(tb.start)) is None:
        return False
    return _at_its_place_within(event, other, tb, report, days)


def _at_its_place_within(event: Event, other: Event, trigger: Span, report: ReportText, days: range) -> bool:
    """Is the later telling (its trigger `trigger`) at the incident's place or at none of its own, and dated within
    `days` after it or not in its own sentence?"""
    if place_relation(event, other) not in {"same", "nested"} and _told_in_own_sentence(other, trigger, report):
        return False
    return not _dated_in_own_sentence(other, trigger, report) or _days_after(event, other) in days


_VIOLENT_DEMONSTRATION = "Violent demonstration"


def _crowd_turned(event: Event, other: Event, report: ReportText) -> bool:
    """The later telling is a mob act of the demonstration's own crowd ("Hundreds of residents marched to the
    municipal offices. Some of them threw stones at police."): the demonstration turned violent, one incident,
    even told in the next paragraph. Only a demonstration followed within a few sentences, on its day, by mob
    violence whose doer its sentence names as part of the crowd. The demonstration may already be a violent one
    (its next sentence's damage upgraded it), and the crowd's act may be told as a violent demonstration of its
    own: "Some of them later stoned passing cars", told the same day or with "later" and no day of its own."""
    if not (event.event_type == "Protests" or event.sub_event_type == _VIOLENT_DEMONSTRATION) or \
            other.sub_event_type not in {"Mob violence", _VIOLENT_DEMONSTRATION}:
        return False
    return _sequel_told(event, other, report, "crowd_turned", days=range(1))


_WOUNDS_DAYS = 7  # how long after an incident deaths of its wounded are still told as its toll


def died_of_wounds(event: Event, other: Event, report: ReportText) -> bool:
    """The later telling is the death of people wounded in the incident told just before ("Gunmen attacked a police
    station on Friday, killing three officers. Two more officers died of their wounds on Saturday."): the
    incident's toll, not an incident of its own, even dated to a later day. Only the same kind of disorder, told
    within a few sentences, at a place that agrees or with no place of its own, on the incident's day or in the
    week after it (or with no date in its own sentence)."""
    if not _disorders_meet(event, other):
        return False
    return _sequel_told(event, other, report, "died_of_wounds", days=range(_WOUNDS_DAYS + 1))


def _disorders_meet(a: Event, b: Event) -> bool:
    """The two share a kind of disorder: force used on protesters ("Political violence; Demonstrations") meets a
    demonstration's ("Demonstrations"), whose wounded may die later."""
    def kinds(e: Event) -> set[str]:
        return set((e.disorder_type or "").split("; ")) - {""}
    return a.disorder_type == b.disorder_type or bool(kinds(a) & kinds(b))


_STATE_FORCES = 1  # the inter code of a state's forces


def _resisting_force(event: Event, later: Event) -> Actor | None:
    """The state forces a later battle names, no side of the attack told before ("Armed men raided a roadblock.
    Soldiers fought them off"): the armed resistance the attack met. None for any other event, or a battle
    whose forces the attack already names (its victims or its doers), or that fought someone else than the
    attack's doers."""
    if event.sub_event_type != "Attack" or event.actor1 is None or event.actor1 not in {later.actor1, later.actor2}:
        return None
    return next((a for a in later.actors if a.evidence is not None and a.inter == _STATE_FORCES
                 and a.name not in {event.actor1, event.actor2}), None)


def _met_by_resistance(event: Event, later: Event) -> None:
    """An attack that state forces fought back is an armed clash between its doers and those forces, no attack on
    civilians (codebook: an attack met by armed resistance is an armed clash): the incident takes the battle's
    sub-type and the forces as its second side, in place of the people it was first told to target."""
    force = _resisting_force(event, later)
    if force is None:
        return
    old = event.actor2
    event.sub_event_type, event.event_type, event.disorder_type = \
        later.sub_event_type, later.event_type, later.disorder_type
    event.actor2, event.inter2, event.assoc_actor_2 = force.name, force.inter, None
    event.civilian_targeting = None
    event.interaction = Codebook.interaction(event.inter1, event.inter2)
    event.actors = [*event.actors[:1], force, *(a for a in event.actors[1:] if a.name not in {old, force.name})]
    event.evidence["actor2"] = force.evidence


_UNNAMED = ("Unidentified", "Civilians", "Protesters", "Rioters")


def _told_apart(a: Event, b: Event) -> bool:
    """Two events the text itself tells as different incidents, whatever their words share: each dated to its own
    day and the days differ ("RSF shelling on Thursday", "army warplanes on Friday"), or each with its own named
    attacker, neither a side of the other ("RSF artillery hit the camp", "army warplanes bombed RSF positions"
    are two acts; "Israeli troops killed five Hamas fighters" retells a clash of Hamas with Israel's troops)."""
    def dated(e: Event) -> bool:
        return e.event_date is not None and e.time_precision == 1 and DATE_DEFAULTED not in e.flags
    if dated(a) and dated(b) and a.event_date != b.event_date:
        return True
    named = [x for x in (a.actor1, b.actor1) if x and not x.startswith(_UNNAMED)]
    return len(named) == 2 and a.actor1 != b.actor1 and b.actor1 != a.actor2 and a.actor1 != b.actor2


def told_of_another_crowd(first: str, later: str) -> bool:
    """`later`, a sentence told after a demonstration's sentence `first`, moves to another place ("Elsewhere in the
    town", "Meanwhile in the township"; ELSEWHERE_TOLD) or names a crowd that `first` did not name ("youths", "a
    mob"; OTHER_CROWD): it tells no part of that demonstration, neither its conduct nor its handling."""
    if ELSEWHERE_TOLD.search(later):
        return True
    own = first.lower()
    return any(m.group(0).lower() not in own for m in OTHER_CROWD.finditer(later))


def _crowds_apart(a: Event, b: Event, report: ReportText) -> bool:
    """A demonstration and a riot whose sentence names another crowd or moves elsewhere ("Teachers marched in Nairobi
    over pay. A mob lynched a suspected thief in Nairobi"): two incidents of two crowds, whatever their words share.
    A riot of the demonstration's own crowd ("Some of them threw stones") is `_crowd_turned`'s."""
    if {a.event_type, b.event_type} != {"Protests", "Riots"}:
        return False
    demonstration, riot = (a, b) if a.event_type == "Protests" else (b, a)
    td, tr = trigger_of(demonstration), trigger_of(riot)
    if td is None or tr is None or report.sentence_index(td.start) == report.sentence_index(tr.start):
        return False
    return told_of_another_crowd(report.sentence_of(td.start), report.sentence_of(tr.start))


def _another_incident(later: Event, report: ReportText) -> bool:
    """The later telling says it is another incident ("a second bomb", "Separately, …", "killed nine civilians in
    the same period"): however much it shares with an earlier event, it is no retelling of it (the rule that keeps
    such a sentence's candidate apart when events are first merged, `events._merge`)."""
    trigger = trigger_of(later)
    return trigger is not None and DISTINCT_INCIDENT.search(report.sentence_of(trigger.start).lower()) is not None


def _told_at(event: Event, report: ReportText) -> tuple[bool, int]:
    """Where the event is told; a headline's telling counts as the last, as a coder codes from the body."""
    trigger = trigger_of(event)
    start = trigger.start if trigger is not None else 0
    return start < report.title_end, start


PLACE_FIELDS = ("country", "iso", "region", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                "geo_precision", "geonameid")


DATE_FIELDS = ("event_date", "date_start", "date_end", "time_precision")


NO_SIDE_OF_BATTLE = frozenset({5, 6, 7})  # inter codes of rioters, protesters, civilians: no armed side of a battle
ACTOR_FIELDS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2")


_CROWD_TYPES = {"Protests", "Riots"}
_CROWD_INTERS = {5, 6, 7}  # rioters, protesters, civilians


def _fold_actors(event: Event, other: Event) -> None:
    """The retelling's actors fill the sides the event lacks. Side by side as a rule; but a demonstration that
    takes in a telling of the force used on it ("Protesters smashed windows. Police detained 12 people.") takes
    that force as its second actor, never the people it detained: in that telling the roles are reversed."""
    if event.event_type in _CROWD_TYPES and other.event_type not in _CROWD_TYPES:
        sides = ((other.actor1, other.assoc_actor_1, other.inter1), (other.actor2, other.assoc_actor_2, other.inter2))
        # (only a side the retelling names: "Some of them looted a shop" names no force, only a doer it defaulted)
        told = {a.name for a in other.actors if a.evidence is not None}
        force = next((side for side in sides if side[0] and side[2] not in _CROWD_INTERS and side[0] in told), None)
        if event.actor2 is None and force is not None:
            event.actor2, event.assoc_actor_2, event.inter2 = force
        known = {a.name for a in event.actors}
        event.actors = [*event.actors, *(a for a in other.actors if a.name not in known and a.name == event.actor2)]
        return
    lacked_second = event.actor2 is None
    for name in ACTOR_FIELDS:
        if getattr(event, name) is None and getattr(other, name) is not None:
            setattr(event, name, getattr(other, name))
    known = {a.name for a in event.actors}
    event.actors = [*event.actors, *(a for a in other.actors if a.name not in known)]
    if lacked_second:
        other_side_told_after(event, other)


def other_side_told_after(event: Event, later: Event) -> None:
    """A battle whose sentence named one side ("Militants attacked the checkpoint") and a later telling of the same
    fight that names the side who fought back ("Soldiers fought them off", "Police repelled the attackers"): the
    second side is the one the later telling names, not its unnamed other ("them", the first side again). Called
    once the later telling's sides have filled the ones the event lacked."""
    if event.event_type != "Battles" or not (event.actor2 or "").startswith("Unidentified Armed Group"):
        return
    other = next((a for a in later.actors if a.evidence is not None and a.name not in {event.actor1, event.actor2}
                  and a.inter not in NO_SIDE_OF_BATTLE), None)
    if other is None:
        return
    old = event.actor2
    event.actor2, event.inter2, event.assoc_actor_2 = other.name, other.inter, None
    event.interaction = Codebook.interaction(event.inter1, event.inter2)
    event.actors = [*event.actors[:1], other, *(a for a in event.actors[1:] if a.name not in {old, other.name})]
    event.evidence["actor2"] = other.evidence


# How far before the day an act was told of a retelling's exact day may fall and still pin it: ACLED's "a week or a
# few days" of precision 2
_PIN_DAYS = 7


def _pins_the_day(other: Event, event: Event) -> bool:
    """The retelling gives the exact day (precision 1) that the incident, dated only around its day of telling
    (precision 2: "struck targets, the army said on Saturday"), took place on: a day on or before that one ("The
    strikes hit depots overnight, the army said"). The codebook codes the most precise date the report gives."""
    if event.time_precision != 2 or other.time_precision != 1 or other.event_date is None or event.date_end is None:
        return False
    return event.date_end - dt.timedelta(days=_PIN_DAYS) <= other.event_date <= event.date_end


def bound_by_later_deaths(event: Event, deaths: Event) -> None:
    """An incident the text gives no day, whose wounded died on a day it tells ("Gunmen attacked a police post,
    killing three officers. Two more officers died of their wounds on Saturday"): the incident happened on or before
    that day, which bounds it (precision 2); it is not the report's day, after its own dead died, nor the deaths'
    day at precision 1 (the deaths are not the attack)."""
    day = deaths.event_date
    if not undated(event) or undated(deaths) or day is None or (event.event_date is not None and day > event.event_date):
        return
    event.event_date, event.date_start, event.date_end = day, day, day
    event.time_precision = max(2, deaths.time_precision or 1)
    event.flags = [f for f in event.flags if f != DATE_DEFAULTED]
    if "event_date" in deaths.evidence:
        event.evidence["event_date"] = deaths.evidence["event_date"]


def _fold(event: Event, other: Event, report: ReportText, book: Codebook | None, more_dead: bool = False,
          crowd_turned: bool = False) -> None:
    """`more_dead`: the retelling's dead are more dead of the incident (its wounded who died later), added to its
    toll whatever words tell them. `crowd_turned`: the retelling is the demonstrators' own violence, told as the
    violent demonstration it makes of the incident."""
    before = event.model_copy()
    told_as = "Violent demonstration" if crowd_turned else other.sub_event_type
    combined = book.incident_sub_type(event.sub_event_type, told_as) if book else None
    if book is not None and combined is not None and combined != event.sub_event_type:
        event.sub_event_type = combined
        event.event_type, event.disorder_type = book.event_type_of(combined), book.disorder_type_of(combined)
    _fold_actors(event, other)
    if book is not None:
        event.interaction = book.interaction(event.inter1, event.inter2)
    trigger = trigger_of(other)
    if (place_relation(event, other) == "nested" and (other.geo_precision or 3) < (event.geo_precision or 3)
            and trigger is not None and _told_in_own_sentence(other, trigger, report)):
        # the codebook codes an incident at the most specific place its report gives: "died in an explosion in
        # Syria" and "the blast in Manbij" are one incident in Manbij. Only a place the retelling names itself:
        # one it took from the sentences around it is a guess, not the report's word
        for name in PLACE_FIELDS:
            setattr(event, name, getattr(other, name))
        if "location" in other.evidence:
            event.evidence["location"] = other.evidence["location"]
    if more_dead and undated(event):
        bound_by_later_deaths(event, other)
    elif (undated(event) or _pins_the_day(other, event)) and not undated(other) and other.event_date is not None:
        # the lead gave no date ("has died in a blast in Iraq", coded at the report's date) and the retelling
        # gives the incident's own ("on Thursday night"): the codebook codes the incident's date, not the report's
        for name in DATE_FIELDS:
            setattr(event, name, getattr(other, name))
        event.flags = [f for f in event.flags if f != DATE_DEFAULTED]
        if "event_date" in other.evidence:
            event.evidence["event_date"] = other.evidence["event_date"]
    elif undated(other) or other.event_date != event.event_date:
        other.evidence.pop("event_date", None)  # a date the incident does not take is no evidence of its date
    event.mentions = sorted([*event.mentions, *other.mentions], key=lambda m: m.start)
    for name, span in other.evidence.items():
        event.evidence.setdefault(name, span)
    if event.fatalities is None and other.fatalities is not None:
        event.fatalities = other.fatalities
    elif event.fatalities is not None and more_dead:
        event.fatalities += _dead_told(other)
    elif other.fatalities and event.fatalities is not None and ADDITIONAL_DEAD.search(other.mentions[0].text):
        event.fatalities += other.fatalities  # "ten of the attackers were also killed": more dead, not a recount
    event.confidence = max(event.confidence, other.confidence)
    event.notes = notes.after_merge(event.notes, before, event)


def _dead_told(later: Event) -> int:
    """The dead a later telling of the incident's wounded counts ("A second protester, shot in the chest, died in
    hospital"): its own figure, or, where its sub-type reads no dead of its own (a protest's), its sentence's."""
    if later.fatalities:
        return later.fatalities
    return count_fatalities(later.mentions[0].text).value or 0 if later.mentions else 0
