"""The decision layer: a trained model says how likely a coder is to keep each event the rules propose.

The rules in `classify.py` and `events.py` find candidates and fill their fields; they are written to find
events, and on news they were never tuned for most of what they find is background, totals, plans or a
trigger word in another sense. Weighing the many weak cues that separate those cases (tense, clause role,
"since 2011", a date weeks old, a story about share prices) is what a small learned model does better than
hand-set thresholds, so this module turns each event into features and a shipped model
(`data/models/event_decision.json`, trained by `tools/train_event_model.py` on dateline's own gold labels,
see docs/models.md) turns them into a calibrated probability. The model is the mean of a logistic regression
(each cue on its own) and a small ensemble of boosted trees (cues in combination: a present perfect is
background in an article and news in a brief), then a calibration map.

`Event.confidence` becomes that probability. Events under the model's threshold stay in the report with the
flag `needs_review` (nothing is dropped): exports, the API and the map leave them out by default and the review
queue shows them first. An event the rules vetoed (`rule_rejected:` flag) must clear the stricter overrule cut;
under it the rules' rejection stands instead (`settle_vetoes`). Kept events that retell one incident are folded
into one by the incident model (`extraction/incidents.py`).

Weights are read with numpy from JSON, so scoring needs no machine-learning library and is deterministic.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from dateline.codebook import Codebook
from dateline.extraction.incidents import DATE_DEFAULTED, ReportText, merge_retellings
from dateline.extraction.packaged import cue_lists, load_model
from dateline.model import Article, DateMention, Event, Quote, RejectedCandidate, Span
from dateline.nlp.text import span_text
from dateline.review import NEEDS_REVIEW, PLACE_AMBIGUOUS, SUMS_INCIDENTS

RULE_REJECTED = "rule_rejected:"  # an event the rules turned down, proposed to the model anyway
# A sub-type the model prefers at this probability (but under its switch) is shown to reviewers as a hint.
SUGGEST = 0.5
MODEL_FILE = "event_decision.json"

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SINCE_PERIOD = re.compile(
    r"\bsince (?:(?:early|late|mid-?)?(?:1[89]|20)\d\d|the (?:start|beginning|outbreak)|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|last|then)\b", re.IGNORECASE)
_BIG_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{4,}\b|\b(?:thousands|millions|hundreds of thousands|"
                         r"tens of thousands)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d+\b")
_STORY_LISTS = frozenset({"conflict", "ongoing"})  # cue lists counted over the story, not per sentence
_SUBORDINATORS = frozenset({"if", "unless", "when", "after", "since", "before", "while", "as", "until", "because",
                            "whether", "once", "although", "though"})
_ATTEMPT = frozenset({"attempt", "try", "seek"})
LEAD_SENTENCES = 3  # an article's lead: its first three sentences
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "wo", "ca"})


@functools.cache
def cues() -> dict[str, re.Pattern[str]]:
    """The cue lists of data/event_cues.yaml, one case-insensitive alternation per list."""
    return cue_lists("event_cues.yaml")


@dataclass(frozen=True)
class TreeEnsemble:
    """Boosted regression trees over named features, as scikit-learn's HistGradientBoostingClassifier fitted
    them, flattened to arrays: node i tests `features[feature[i]] <= threshold[i]` and goes to `left[i]` or
    `right[i]`; a leaf (`left[i] == -1`) adds `value[i]` to the log-odds. Walking them needs no ML library."""

    names: list[str]
    baseline: float
    roots: list[int]  # each tree's first node in the flat arrays
    feature: list[int]
    threshold: list[float]
    left: list[int]
    right: list[int]
    value: list[float]
    column: dict[str, int] = field(init=False, repr=False)  # feature name -> its place in `names`
    # the node arrays as numpy arrays, so that one step moves every tree down a level at once; a leaf leads to
    # itself (it tests feature 0 against +inf, and both its ways are itself), so a tree that has reached its leaf
    # stays there while the deeper ones go on, and a step needs no test of which trees are still walking
    arrays: tuple[np.ndarray, ...] = field(init=False, repr=False)
    depth: int = field(init=False, repr=False)  # the most steps a walk from a root to a leaf takes

    def __post_init__(self) -> None:
        object.__setattr__(self, "column", {name: i for i, name in enumerate(self.names)})
        left, right = np.asarray(self.left, dtype=np.intp), np.asarray(self.right, dtype=np.intp)
        leaf, itself = left == -1, np.arange(len(left), dtype=np.intp)
        object.__setattr__(self, "arrays", (np.where(leaf, 0, np.asarray(self.feature, dtype=np.intp)),
                                            np.where(leaf, np.inf, np.asarray(self.threshold, dtype=np.float64)),
                                            np.where(leaf, itself, left), np.where(leaf, itself, right),
                                            np.asarray(self.value, dtype=np.float64)))
        depth, level = 0, [r for r in self.roots if self.left[r] != -1]
        while level:
            depth += 1
            level = [c for n in level for c in (self.left[n], self.right[n]) if self.left[c] != -1]
        object.__setattr__(self, "depth", depth)

    def log_odds(self, features: dict[str, float]) -> float:
        # Every tree takes one step per round, all at once in numpy: a walk of one tree after another in Python
        # cost two milliseconds per candidate (200 trees, up to a few dozen levels each). A candidate sets a few
        # dozen of the trees' ~1,800 features. The leaves' values are added in the trees' order, as a walk of
        # one tree after another adds them, so the result is the same to the last bit.
        feature, threshold, left, right, value = self.arrays
        x = np.zeros(len(self.names))
        column = self.column
        for name, v in features.items():
            i = column.get(name)
            if i is not None:
                x[i] = v
        node = np.asarray(self.roots, dtype=np.intp)
        for _ in range(self.depth):
            node = np.where(x[feature[node]] <= threshold[node], left[node], right[node])
        total = self.baseline
        for leaf_value in value[node].tolist():
            total += leaf_value
        return total

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TreeEnsemble:
        return cls(names=list(data["features"]), baseline=float(data["baseline"]), roots=list(data["roots"]),
                   feature=list(data["feature"]), threshold=[float(t) for t in data["threshold"]],
                   left=list(data["left"]), right=list(data["right"]), value=[float(v) for v in data["value"]])


@dataclass(frozen=True)
class LogisticModel:
    """A logistic regression over named features and a calibration map (a tabulated sigmoid), as trained and
    shipped: the part the event decision and the statement decision share."""

    index: dict[str, int]
    coef: np.ndarray
    intercept: float
    calib_x: np.ndarray
    calib_y: np.ndarray
    threshold: float
    card: dict[str, Any]

    def raw_score(self, features: dict[str, float]) -> float:
        total = self.intercept
        for name, value in features.items():
            i = self.index.get(name)
            if i is not None:
                total += float(self.coef[i]) * value
        return total

    def calibrated(self, p: float) -> float:
        if len(self.calib_x):
            p = float(np.interp(p, self.calib_x, self.calib_y))
        return round(p, 3)

    def probability(self, features: dict[str, float]) -> float:
        """The calibrated probability that a coder keeps the candidate."""
        return self.calibrated(_sigmoid(self.raw_score(features)))

    @staticmethod
    def fields_from_json(data: dict[str, Any]) -> dict[str, Any]:
        names: list[str] = data["features"]
        coef = np.asarray(data["coef"], dtype=float)
        if coef.shape != (len(names),):
            raise ValueError(f"{len(names)} features but {coef.size} weights")
        return {"index": {n: i for i, n in enumerate(names)}, "coef": coef, "intercept": float(data["intercept"]),
                "calib_x": np.asarray(data.get("calib_x", []), dtype=float),
                "calib_y": np.asarray(data.get("calib_y", []), dtype=float), "threshold": float(data["threshold"]),
                "card": data.get("card", {})}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogisticModel:
        return cls(**cls.fields_from_json(data))


@dataclass(frozen=True)
class EventModel(LogisticModel):
    """The event decision: the logistic regression, optionally averaged with boosted trees, then the calibration
    map; with the sub-type model and the cut for overruling the rules."""

    subtype: SubtypeModel | None = None
    # The cut for an event the rules rejected: overruling them needs more than proposing (chosen in training
    # for precision among such events; never below `threshold`).
    overrule_threshold: float | None = None
    trees: TreeEnsemble | None = None
    tree_share: float = 0.5  # the trees' part of the averaged probability

    def cut_for(self, event: Event) -> float:
        vetoed = any(f.startswith(RULE_REJECTED) for f in event.flags)
        if vetoed and self.overrule_threshold is not None:
            return max(self.threshold, self.overrule_threshold)
        return self.threshold

    def probability(self, features: dict[str, float]) -> float:
        """The calibrated probability that a coder keeps the event."""
        p = _sigmoid(self.raw_score(features))
        if self.trees is not None:
            p = (1 - self.tree_share) * p + self.tree_share * _sigmoid(self.trees.log_odds(features))
        return self.calibrated(p)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventModel:
        return cls(**cls.fields_from_json(data),
                   subtype=SubtypeModel.from_json(data["subtype"]) if data.get("subtype") else None,
                   overrule_threshold=data.get("overrule_threshold"),
                   trees=TreeEnsemble.from_json(data["trees"]) if data.get("trees") else None,
                   tree_share=float(data.get("tree_share", 0.5)))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class SubtypeModel:
    """A multinomial logistic regression over the same features: which sub-type a coder would give the event.
    It overrides the rules' sub-type only when its top class is at least `switch` probable."""

    index: dict[str, int]
    classes: list[str]
    coef: np.ndarray  # classes × features
    intercept: np.ndarray
    switch: float

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        x = np.zeros(len(self.index))
        for name, value in features.items():
            i = self.index.get(name)
            if i is not None:
                x[i] = value
        z = self.coef @ x + self.intercept
        z = np.exp(z - z.max())
        p = z / z.sum()
        k = int(p.argmax())
        return self.classes[k], float(p[k])

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SubtypeModel:
        return cls(index={n: i for i, n in enumerate(data["features"])}, classes=list(data["classes"]),
                   coef=np.asarray(data["coef"], dtype=float), intercept=np.asarray(data["intercept"], dtype=float),
                   switch=float(data["switch"]))


@functools.cache
def event_model() -> EventModel:
    """The shipped model, read once per process. A missing or broken file is an installation fault."""
    return load_model(MODEL_FILE, "event-decision model", EventModel.from_json)


def decide_events(article: Article, doc: Doc, events: list[Event], quotes: list[Quote],
                  dates: list[DateMention], book: Codebook | None = None,
                  model: EventModel | None = None) -> list[Event]:
    """Set each event's confidence to the model's probability and flag those under the threshold; where the
    sub-type model prefers another sub-type, note it (or take it, if the model ships a switch it reaches)."""
    if not events:
        return []  # most articles have none: no need for the article context (two regex scans of the whole text)
    model = model or event_model()
    context = ArticleContext.of(article, doc, events, quotes, dates)
    for event in events:
        features = event_features(event, doc, context)
        p = model.probability(features)
        event.confidence = p
        if model.subtype is not None and book is not None:
            _apply_subtype(event, model.subtype.predict(features), model.subtype.switch, book)
        if (p < model.cut_for(event) or PLACE_AMBIGUOUS in event.flags) and NEEDS_REVIEW not in event.flags:
            event.flags.append(NEEDS_REVIEW)  # (a place the text does not decide is a reviewer's to choose)
    _review_summed_leads(events)
    return merge_retellings(events, ReportText(article.text, context.sentence_starts, context.title_end), book=book)


def _review_summed_leads(events: list[Event]) -> None:
    """A lead that sums incidents goes to review when two of the incidents it sums are kept, told apart by place
    or kind: then they are the events, and the sum would count their dead twice. When they are not kept, the
    lead is what the report codes."""
    for lead in events:
        if SUMS_INCIDENTS not in lead.flags or NEEDS_REVIEW in lead.flags:
            continue
        told = {(e.sub_event_type, e.location, e.admin1) for e in events
                if e is not lead and e.event_type == lead.event_type and NEEDS_REVIEW not in e.flags
                and e.mentions[0].start >= lead.mentions[0].end}
        if len(told) >= 2:
            lead.flags.append(NEEDS_REVIEW)


def settle_vetoes(events: list[Event], rejected: list[RejectedCandidate]
                  ) -> tuple[list[Event], list[RejectedCandidate]]:
    """An event the rules rejected (`rule_rejected:` flag) is also listed as rejected; the decision keeps one of
    the two. Kept by the model: it stays an event (the flag tells a reviewer the rules disagreed) and its
    rejection goes. Under the cut: the rules' rejection, with their reason, stands and the event goes, so the
    review queue holds what the rules proposed, not every word they turned down."""
    vetoed = [e for e in events if any(f.startswith(RULE_REJECTED) for f in e.flags)]
    overruled = {(m.start, m.end) for e in vetoed if NEEDS_REVIEW not in e.flags for m in e.mentions}
    upheld = {id(e) for e in vetoed if NEEDS_REVIEW in e.flags}
    events = [e for e in events if id(e) not in upheld]
    rejected = [r for r in rejected if (r.span.start, r.span.end) not in overruled]
    for number, event in enumerate(events, start=1):
        event.id = f"E{number}"
    return events, rejected


def _apply_subtype(event: Event, prediction: tuple[str, float], switch: float, book: Codebook) -> None:
    sub, p = prediction
    if sub == event.sub_event_type or p < SUGGEST:
        return
    if p < switch:
        # under the model's switch (the shipped one never overrules the codebook's rules): a reviewer hint
        event.flags.append(f"sub_event_type_suggested:{sub}")
        return
    try:
        event_type, disorder = book.event_type_of(sub), book.disorder_type_of(sub)
    except KeyError:
        return  # a class the codebook no longer has: keep the rules' choice
    event.flags.append(f"sub_event_type_by_model:{event.sub_event_type}")
    event.sub_event_type, event.event_type, event.disorder_type = sub, event_type, disorder


def review_threshold(settings: Any | None = None) -> float:
    """The confidence below which an event needs review: the user's setting, else the shipped model's cut.
    Without `settings`, the process's own (DATELINE_MIN_CONFIDENCE), read once: the API asks on every request."""
    if settings is None:
        return _default_threshold()
    chosen = getattr(settings, "min_confidence", None)
    return float(chosen) if chosen is not None else event_model().threshold


@functools.cache
def _default_threshold() -> float:
    from dateline.settings import Settings

    return review_threshold(Settings())


# --- features -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleContext:
    """What every event of one article shares: the story's density of conflict and ordinary-news words."""

    published: dt.date | None
    title_end: int
    sentence_starts: list[int]
    conflict_density: float
    ordinary_density: float
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    sentence_count: int = 0
    headline_end: int = 0
    headline_words: frozenset[str] = frozenset()
    # The story's time frame: the share of its main clauses told in the present perfect or progressive ("have
    # stormed", "are marching"), and its words of a situation still going on ("again", "for a third day") per
    # hundred words. A report filed while unrest goes on tells its news that way, undated; a war report tells
    # its news in dated past tenses and keeps the present perfect for background.
    now_share: float = 0.0
    ongoing_density: float = 0.0
    # The dates of the incidents the lead tells: a later sentence dated to another day tells another incident,
    # one dated to the lead's day mostly retells it.
    lead_dates: frozenset[dt.date] = frozenset()

    @classmethod
    def of(cls, article: Article, doc: Doc, events: list[Event], quotes: Iterable[Quote] = (),
           dates: Iterable[DateMention] = ()) -> ArticleContext:
        words = max(1, len(article.text.split()))
        found = cues()
        starts = [s.start_char for s in doc.sents]
        title_end = article.header_end()
        # A text with no separate headline (wire copy whose title runs into its dateline) opens with it.
        headline_end = title_end or next((s.end_char for s in doc.sents), 0)
        body = article.text[title_end:]
        lead_end = starts[LEAD_SENTENCES] if len(starts) > LEAD_SENTENCES else len(article.text)
        return cls(published=article.published, title_end=title_end,
                   sentence_starts=starts,
                   conflict_density=100.0 * len(found["conflict"].findall(article.text)) / words,
                   ordinary_density=100.0 * len(found["ordinary"].findall(article.text)) / words,
                   quotes=tuple(quotes), dates=tuple(dates), sentence_count=len(starts),
                   headline_end=headline_end,
                   headline_words=frozenset(_content_lemmas(_tokens_before(doc, headline_end))),
                   now_share=_now_share(doc, title_end),
                   ongoing_density=100.0 * len(found["ongoing"].findall(body)) / max(1, len(body.split())),
                   lead_dates=frozenset(e.event_date for e in events if e.event_date is not None
                                        and e.mentions and e.mentions[0].start < lead_end))


def event_features(event: Event, doc: Doc, ctx: ArticleContext) -> dict[str, float]:
    """Named features of one event: what the rules decided, the trigger's grammar, the sentence's cues, how
    specific its date and place are, and the article it sits in (plus a few conjunctions a linear model
    cannot form itself)."""
    f: dict[str, float] = {"bias": 1.0, f"sub={event.sub_event_type}": 1.0, f"type={event.event_type}": 1.0,
                           "rule_confidence": event.confidence}
    trigger_span = event.evidence.get("sub_event_type") or (event.mentions[0] if event.mentions else None)
    tok = _token_at(doc, trigger_span) if trigger_span is not None else None
    if tok is not None:
        f.update(_trigger_features(tok))
        f.update(_clause_words(tok))
        f.update(_sentence_features(tok, ctx))
        f.update(_sentence_date_features(tok, event, ctx))
        if any(q.span.start <= tok.idx < q.span.end for q in ctx.quotes):
            f["in_quote"] = 1.0
        if trigger_span is not None and trigger_span.start < ctx.title_end:
            f["in_title"] = 1.0
    if "perfect" in f and "no_total_cue" in f:
        f["perfect_no_total"] = 1.0
    f.update(_date_features(event, ctx))
    f.update(_place_features(event, tok))
    f.update(_actor_features(event))
    f["n_mentions"] = math.log1p(len(event.mentions))
    f["conflict_density"] = min(ctx.conflict_density, 10.0) / 10.0
    f["ordinary_density"] = min(ctx.ordinary_density, 10.0) / 10.0
    f["low_conflict_story"] = 1.0 if ctx.conflict_density < 0.5 else 0.0
    n = ctx.sentence_count
    # A lone sentence or a short note (a wire brief, a coder's summary) is one incident's whole story; a long
    # article also tells its background. Two kinds only: real news teaches the rate of each (lone published
    # sentences and whole articles); the trainer keeps written texts, whose mix of events and traps is chosen by
    # their writers, out of these weights.
    f[f"text={'brief' if n <= 4 else 'article'}"] = 1.0
    if n > 4 and tok is not None:
        f.update(_headline_features(tok, ctx))
    for flag in event.flags:
        if flag != NEEDS_REVIEW:
            f[f"flag={flag}"] = 1.0
    if n > 4:
        f.update(_story_frame_features(f, ctx))
        if tok is not None and "lead" not in f:
            f.update(_later_incident_features(f, event, ctx))
    return f


_NOW = ("perfect", "progressive")


def _now_share(doc: Doc, title_end: int) -> float:
    """The share of the story's finite main clauses (after the headline) in the present perfect or progressive,
    against those in the present or the past: how much of the story is told as what is happening now."""
    now = finite = 0
    for sent in doc.sents:
        root = sent.root
        if sent.start_char < title_end or root.pos_ not in {"VERB", "AUX"}:
            continue
        aux = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
        if any(c.lower_ in _MODALS for c in aux):
            continue  # a plan or a possibility: no time frame of its own
        have = next((c for c in aux if c.lemma_.lower() == "have"), None)
        past_aux = any(c.tag_ == "VBD" for c in aux)
        if have is not None:
            now += have.tag_ != "VBD"  # "had stormed" is a past of the past
        elif root.tag_ == "VBG" and any(c.lemma_.lower() == "be" for c in aux):
            now += not past_aux
        elif root.tag_ not in {"VBZ", "VBP", "VBD"} and not (root.tag_ == "VBN" and aux):
            continue
        finite += 1
    return now / finite if finite else 0.0


def _story_frame_features(f: dict[str, float], ctx: ArticleContext) -> dict[str, float]:
    """The story's time frame, alone and with the candidate's own tense and date. In a report of unrest still
    going on, an undated "have stormed" or "are marching" is the day's news; in a war report the same form
    tells background ("has killed 500,000 since 2011"). The regression cannot form these conjunctions itself,
    and the trees see them only where enough candidates share them."""
    share = ctx.now_share
    ongoing = min(ctx.ongoing_density, 2.0) / 2.0
    out = {"story_now": share, "story_ongoing": ongoing}
    if any(k in f for k in _NOW):
        out["story_now&now"] = share
    if "date_in_sentence" not in f and ("no_date" in f or f"flag={DATE_DEFAULTED}" in f):
        out["story_now&undated"] = share
        out["story_ongoing&undated"] = ongoing
    return out


def _later_incident_features(f: dict[str, float], event: Event, ctx: ArticleContext) -> dict[str, float]:
    """How a candidate past an article's lead is anchored in time against the lead. Most later sentences of a war
    report are background, so past the lead an incident needs its own anchor to be kept: dated by another
    incident ("two days after farmers stormed a depot"), done again ("tried again to block the highway"),
    or dated to another day than the lead's within the story's month. Joined with being past the lead, since in a
    lead the same words tell the story's own incident."""
    out: dict[str, float] = {}
    for name in ("relative_time", "repeat"):
        if f"cue={name}" in f:
            out[f"later&{name}"] = 1.0
    if "date_in_sentence" in f and event.event_date is not None:
        if event.event_date in ctx.lead_dates:
            out["later&lead_day"] = 1.0
        elif event.time_precision == 1 and _within_month(event.event_date, ctx.published):
            out["later&own_day"] = 1.0
    return out


def _within_month(day: dt.date, published: dt.date | None) -> bool:
    """A day in the month before publication: the story's own time. A day years back is its history."""
    return published is None or 0 <= (published - day).days <= 31


def _token_at(doc: Doc, span: Span) -> Token | None:
    piece = doc.char_span(span.start, span.end, alignment_mode="expand")
    if piece is None or len(piece) == 0:
        return None
    return piece.root


def _governor(tok: Token) -> Token:
    """The verb a noun trigger belongs to ("the attack on the town was repelled" → repelled)."""
    node = tok
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def _trigger_features(tok: Token) -> dict[str, float]:
    gov = _governor(tok)
    f = {f"lemma={tok.lemma_.lower()}": 1.0, f"tag={tok.tag_}": 1.0, f"gov_tag={gov.tag_}": 1.0,
         f"dep={tok.dep_}": 1.0, f"gov_dep={gov.dep_}": 1.0}
    if tok.pos_ in {"NOUN", "PROPN"}:
        f["trigger_noun"] = 1.0
        if tok.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod"} for c in tok.children):
            f["bare_plural_noun"] = 1.0  # "attacks on journalists": a kind of event, not one incident
    aux = [c for c in gov.children if c.dep_ in {"aux", "auxpass"}]
    lemmas = {c.lemma_.lower() for c in aux}
    if "have" in lemmas:
        f["perfect"] = 1.0
    if any(c.lower_ in _MODALS for c in aux):
        f["modal"] = 1.0
    if any(c.tag_ == "TO" for c in gov.children) or any(c.tag_ == "TO" for c in tok.children):
        f["infinitive"] = 1.0
    if gov.tag_ == "VBG" and "be" in lemmas:
        f["progressive"] = 1.0
    if any(c.dep_ == "neg" for c in gov.children) or any(c.dep_ == "neg" for c in tok.children):
        f["negated"] = 1.0
    if any(n.lemma_.lower() in _ATTEMPT for n in (gov, *gov.ancestors)):
        f["attempt"] = 1.0  # "tried to storm", "attempted to seize": the codebook codes attempts that were made
    path = [gov, *gov.ancestors]
    for node in path:
        marks = {c.lower_ for c in node.children if c.dep_ in {"mark", "advmod"}} & _SUBORDINATORS
        for mark in marks:
            f[f"mark={mark}"] = 1.0
        if node.dep_ in {"relcl", "acl"}:
            f["in_relative_clause"] = 1.0
        if node.dep_ in {"ccomp", "xcomp"}:
            f[f"under_{node.dep_}_of={node.head.lemma_.lower()}"] = 1.0
    return f


_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "NUM"})


def _clause_words(tok: Token) -> dict[str, float]:
    """The content words of the trigger's clause (its governing verb's subtree, up to 40 tokens) and that verb:
    "production fell", "a clear run", "reporters murdered since the 1990s" differ from an incident in words no
    cue list holds. Only words the training texts use often enough have a weight (the trainer drops the rest)."""
    gov = _governor(tok)
    f = {f"gov={gov.lemma_.lower()}": 1.0}
    for t in itertools.islice(gov.subtree, 40):
        if t.pos_ in _CONTENT_POS and t.i != tok.i and t.is_alpha:
            f[f"w={t.lemma_.lower()}"] = 1.0
    return f


def _sentence_features(tok: Token, ctx: ArticleContext) -> dict[str, float]:
    sent = tok.sent
    text = span_text(sent)
    f: dict[str, float] = {}
    for name, pattern in cues().items():
        if name in _STORY_LISTS:
            continue
        if pattern.search(text):
            f[f"cue={name}"] = 1.0
    if "cue=recent_time" in f and not cues()["aggregate"].search(cues()["recent_time"].sub(" ", text)):
        f.pop("cue=aggregate", None)  # "in the past two days" is the story's news, not a total over time
    if "cue=crime" in f and "cue=political" not in f:
        f["crime_only"] = 1.0  # a robbery's shootout, a crash: violence words with no political side
    if _SINCE_PERIOD.search(text):
        f["since_period"] = 1.0
    totals = "since_period" in f or "cue=aggregate" in f or _BIG_NUMBER.search(text) is not None
    if not totals:
        f["no_total_cue"] = 1.0  # with "perfect": "have stormed" told of an incident, not "have killed 370,000"
    years = [int(y) for y in _YEAR.findall(text)]
    if years and ctx.published is not None:
        gap = ctx.published.year - min(years)
        f["year_gap"] = min(max(gap, 0), 20) / 20.0
        if gap >= 1:
            f["older_year"] = 1.0
    if _BIG_NUMBER.search(text):
        f["big_number"] = 1.0
    n_tokens = len(sent)
    f[f"len={'short' if n_tokens < 15 else 'mid' if n_tokens < 35 else 'long'}"] = 1.0
    # Only the lead counts, not the place further down: a live report or a round-up tells fresh incidents
    # throughout, and the development articles are too few to learn more than that from position.
    if bisect.bisect_right(ctx.sentence_starts, sent.start_char) <= LEAD_SENTENCES:
        f["lead"] = 1.0
    if "\n\n" in text.strip():
        f["spans_paragraphs"] = 1.0  # a headline run into the first paragraph by the sentence splitter
    return f


def _tokens_before(doc: Doc, end: int) -> Iterable[Token]:
    """The document's tokens that start before character `end`: a prefix of it, as tokens run in text order, so
    the walk stops at the first token past `end` instead of building a Token for each word of the article."""
    return itertools.takewhile(lambda t: t.idx < end, doc)


def _content_lemmas(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in _HEADLINE_POS and not t.is_stop and t.is_alpha}


_HEADLINE_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def _headline_features(tok: Token, ctx: ArticleContext) -> dict[str, float]:
    """How much the trigger's sentence shares with the headline. A headline announces the story's news; in a long
    article the sentences that tell that news repeat its words (the town, the attackers, "protest"), while
    background, history and reactions mostly do not. Briefs are left out: their every sentence is the news."""
    sent = tok.sent
    if sent.start_char < ctx.headline_end or not ctx.headline_words:
        return {}
    shared = _content_lemmas(sent) & ctx.headline_words
    f = {f"headline_shared={min(len(shared), 3)}": 1.0}
    if tok.lemma_.lower() in ctx.headline_words:
        f["trigger_in_headline"] = 1.0
    return f


def _sentence_date_features(tok: Token, event: Event, ctx: ArticleContext) -> dict[str, float]:
    """The date expressions of the trigger's sentence: a weekday says "this incident", a year says history."""
    sent = tok.sent
    f: dict[str, float] = {}
    for d in ctx.dates:
        if sent.start_char <= d.span.start < sent.end_char:
            f[f"sent_date_kind={d.kind}"] = 1.0
            f[f"sent_date_relation={d.relation}"] = 1.0
    where = event.evidence.get("event_date")
    if where is not None and sent.start_char <= where.start < sent.end_char:
        f["date_in_sentence"] = 1.0
    return f


def _date_features(event: Event, ctx: ArticleContext) -> dict[str, float]:
    f: dict[str, float] = {}
    if event.event_date is None:
        # Without a publication date "on Saturday" cannot be resolved, so an undated event there says nothing
        # about the incident; in the development data it would only mark one undated source (lone sentences).
        if ctx.published is not None:
            f["no_date"] = 1.0
        return f
    f[f"time_precision={event.time_precision}"] = 1.0
    if ctx.published is None:
        # No feature says "the publication date is unknown": in the development data that marks one source
        # (an undated news archive), and a model would learn the archive, not the news.
        return f
    days = (ctx.published - event.event_date).days
    bucket = "future" if days < 0 else "0-1" if days <= 1 else "2-7" if days <= 7 else "8-31" if days <= 31 else "old"
    f[f"age={bucket}"] = 1.0
    return f


def _place_features(event: Event, tok: Token | None) -> dict[str, float]:
    f = {f"geo_precision={event.geo_precision}": 1.0}
    where = event.evidence.get("location")
    if where is not None and tok is not None:
        sent = tok.sent
        if sent.start_char <= where.start < sent.end_char:
            f["place_in_sentence"] = 1.0
    if event.location is None:
        f["no_place"] = 1.0
    if event.fatalities is not None:
        n = event.fatalities
        f[f"fatalities={'1-9' if n < 10 else '10-99' if n < 100 else '100-999' if n < 1000 else '1000+'}"] = 1.0
    return f


def _actor_features(event: Event) -> dict[str, float]:
    f = {f"inter1={event.inter1}": 1.0}
    if event.actor2 is not None:
        f[f"inter2={event.inter2}"] = 1.0
    return f
