"""`dateline_dates`: a spaCy component that finds date expressions and writes them to `doc.spans["dl_dates"]`.

It only *finds* spans; `dateline.extraction.dates` resolves them against the article date (the Doc does not know
the article date). Three sources, in order of trust:

1. regular expressions for explicit dates and ranges ("30 October", "Oct. 30, 2019", "2019-10-30",
   "from 25 to 28 October", "25-28 October", "in October", "in 2009"): the small English model splits or merges
   these unreliably ("25 to 28 October, Oct. 30" comes out as one entity, "4 May 2020" as "May 2020");
2. a token `Matcher` for weekday, relative, duration and vague expressions ("on Friday night", "last week",
   "earlier this month", "over the past three days", "in as many days", "in recent days", "back then");
3. the model's DATE/TIME entities that neither of the above covers (kept so nothing is lost; the resolver
   marks what it cannot place in time as vague).

Each span's label says which rule found it (EXPLICIT, RANGE, MONTH, YEAR, WEEKDAY, RELATIVE, DURATION, VAGUE,
ANAPHOR, NER). A leading preposition or hedge ("on", "since", "around", "following" …) is taken into the span
because it changes the meaning ("since 2009" is a range, "around 5 May" is less precise than "on 5 May").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from importlib import resources as importlib_resources
from typing import Any

from spacy.attrs import IDX, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from dateline.nlp.first_chars import with_first_char_lookahead
from dateline.nlp.text import doc_text
from dateline.yaml_files import load_yaml, packaged_words

SPAN_KEY = "dl_dates"

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
PARTS_OF_DAY = ["morning", "afternoon", "evening", "night", "overnight"]
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "couple": 2, "few": 3, "several": 5,
}  # fmt: skip

# Capitalised month names only: "may" and "march" are also common English words.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![\w])"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"


@functools.cache
def holidays() -> dict[str, Any]:
    """Named days (`data/holidays.yaml`): `fixed` name -> "MM-DD", `easter` name -> days after Easter Sunday.
    (Read here with yaml, not through extract.packaged: this component loads before the extract package.)"""
    raw = importlib_resources.files("dateline").joinpath("data/holidays.yaml").read_text(encoding="utf-8")
    table: dict[str, Any] = load_yaml(raw)
    return table


@functools.cache
def holiday_days() -> dict[str, tuple[int, int] | int]:
    """Each named day, lower-cased: (month, day) for a fixed one, days after Easter Sunday for a movable one."""
    fixed = {name.lower(): (int(md[:2]), int(md[3:])) for name, md in holidays()["fixed"].items()}
    return {**fixed, **{name.lower(): int(days) for name, days in holidays()["easter"].items()}}


def _holiday_names() -> str:
    names = [*holidays()["fixed"], *holidays()["easter"]]
    return "(?:" + "|".join(re.escape(n).replace("'", "['’]") for n in sorted(names, key=len, reverse=True)) + r")(?![\w])"


_HOLIDAY = _holiday_names()
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_DASH = r"\s*(?:-|–|—|to|until|till|and|through)\s*"
_YEAR_MOD = r"(?i:last|this|next|past|coming)"
_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_PREP = r"(?:(?i:mid-|(?:from|between|on|since|around|about|circa|by|until|till|before|after|following|during|in|early|late|mid)\s+))?"

_EXPLICIT_PATTERNS: list[tuple[str, str]] = [
    # ranges first: the alternation takes the first branch that matches at a position
    ("RANGE", rf"{_PREP}{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?{_DASH}{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"),
    ("RANGE", rf"{_PREP}{_DAY}{_DASH}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"),
    ("RANGE", rf"{_PREP}{_MONTH}\s+{_DAY}{_DASH}(?:{_MONTH}\s+)?{_DAY}(?:,?\s+{_YEAR})?"),
    ("EXPLICIT", rf"{_PREP}{_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}|\s+{_YEAR_MOD}\s+year)?"),
    ("EXPLICIT", rf"{_PREP}{_WD}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR}|\s+{_YEAR_MOD}\s+year)?"),
    ("EXPLICIT", rf"{_PREP}{_YEAR}-[01]\d-[0-3]\d(?!\d)"),
    # "last October", "October last year", "Christmas Day", "Easter 2019": a month or a named day told against
    # the report's year
    ("MONTH", (rf"{_PREP}(?:{_YEAR_MOD}\s+)?(?:the\s+(?:end|beginning|start|middle)\s+of\s+)?{_MONTH}"
               rf"(?:,?\s+{_YEAR}|\s+{_YEAR_MOD}\s+year)?")),
    ("HOLIDAY", rf"(?:{_PREP}|(?i:at|over)\s+)(?:{_YEAR_MOD}\s+)?{_HOLIDAY}(?:,?\s+{_YEAR}|\s+{_YEAR_MOD}\s+year)?"),
    ("YEAR", rf"(?i:in|since|during|by|until|throughout|before|after)\s+(?i:early\s+|late\s+|mid-?)?{_YEAR}"),
]
# Tried at every position of every anchor window: the lookahead on its possible first characters (worked out
# from the pattern, see nlp/first_chars.py) skips the positions where no branch can start.
_EXPLICIT_RE = with_first_char_lookahead(
    "|".join(f"(?P<{label}{i}>{pat})" for i, (label, pat) in enumerate(_EXPLICIT_PATTERNS)))
# A month name alone is only a date after a preposition or with a day/year ("March on Friday" is a verb).
_BARE_MONTH_RE = re.compile(rf"^{_MONTH}$")

PREFIX_WORDS = {
    "on", "in", "since", "from", "between", "until", "till", "by", "around", "about", "circa", "over", "during",
    "after", "following", "before", "throughout", "early", "late", "earlier", "later", "within", "for",
}  # fmt: skip
# "Good Friday", "Bloody Sunday", "the Sunday Times": named days and titles, not weekday references.
_WEEKDAY_BLOCK_BEFORE = packaged_words("holidays.yaml", "weekday_names_before")
_WEEKDAY_BLOCK_AFTER = packaged_words("holidays.yaml", "weekday_titles_after")


def _matcher_patterns() -> dict[str, list[list[dict[str, object]]]]:
    wd = {"LOWER": {"IN": list(WEEKDAYS)}}
    num = {"LOWER": {"IN": list(NUMBER_WORDS)}}
    digit = {"LIKE_NUM": True}
    unit = {"LEMMA": {"IN": ["day", "week", "month", "year", "hour", "weekend", "fortnight"]}}
    period = {"LOWER": {"IN": ["week", "weekend", "month", "year", "fortnight"]}}
    return {
        "WEEKDAY": [
            [{"LOWER": {"IN": ["last", "this", "next", "on", "early", "late", "since", "until", "by", "before", "after", "following", "coming"]}, "OP": "?"},
             wd, {"LOWER": {"IN": PARTS_OF_DAY}, "OP": "?"}],
            [{"LOWER": {"IN": ["on", "early", "late", "by"]}, "OP": "?"}, wd, {"LOWER": "'s", "OP": "?"}],
            # "on Thursday last week", "on Monday of last week"
            [{"LOWER": {"IN": ["on", "early", "late"]}, "OP": "?"}, wd, {"LOWER": "of", "OP": "?"},
             {"LOWER": {"IN": ["last", "previous"]}}, {"LOWER": "week"}],
        ],
        "RELATIVE": [
            [{"LOWER": {"IN": ["yesterday", "today", "tonight", "tomorrow", "overnight"]}}],
            [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": {"IN": ["today", "tonight"]}}],
            [{"LOWER": {"IN": ["last", "this", "tomorrow", "yesterday"]}}, {"LOWER": {"IN": PARTS_OF_DAY}}],
            [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": {"IN": ["before", "after"]}}, {"LOWER": {"IN": ["yesterday", "tomorrow"]}}],
            [{"LOWER": {"IN": ["last", "this", "next", "past", "previous", "coming"]}}, period],
            [{"LOWER": {"IN": ["at", "over", "during"]}}, {"LOWER": "the"}, {"LOWER": "weekend"}],
            [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": {"IN": ["this", "in", "last"]}}, {"LOWER": "the", "OP": "?"}, period],
            [{"LOWER": {"IN": ["early", "late"]}, "OP": "?"}, {"LOWER": {"IN": ["this", "last", "next"]}}, period],
            [{"LOWER": {"IN": ["the", "this"]}}, {"LOWER": {"IN": ["past", "coming"]}}, {"LOWER": {"IN": ["weekend"]}}],
        ],
        "DURATION": [
            [{"LOWER": {"IN": ["in", "over", "during", "for", "within", "throughout"]}, "OP": "?"}, {"LOWER": "the"},
             {"LOWER": {"IN": ["past", "last", "previous", "preceding", "coming", "next"]}}, {"LOWER": {"IN": ["couple", "few"]}, "OP": "?"},
             {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": ["24", "48", "72"]}, "OP": "?"}, unit],
            [{"LOWER": {"IN": ["in", "over", "during", "for", "within", "throughout"]}, "OP": "?"}, {"LOWER": "the"},
             {"LOWER": {"IN": ["past", "last", "previous", "preceding", "coming", "next"]}}, {"LOWER": {"IN": ["couple", "few"]}, "OP": "?"}, {"LOWER": "of", "OP": "?"}, num, unit],
            [{"LOWER": {"IN": ["in", "over", "during", "for", "within", "throughout"]}, "OP": "?"}, {"LOWER": "the"},
             {"LOWER": {"IN": ["past", "last", "previous", "preceding", "coming", "next"]}}, digit, unit],
            [{"LOWER": {"IN": ["in", "over", "within"]}}, {"LOWER": "as"}, {"LOWER": "many"}, unit],
            [num, unit, {"LOWER": "ago"}],
            [digit, unit, {"LOWER": "ago"}],
            [{"LOWER": {"IN": ["a", "few", "several", "couple"]}}, {"LOWER": "of", "OP": "?"}, unit, {"LOWER": "ago"}],
            [{"LOWER": "a"}, {"LOWER": {"IN": ["couple", "few"]}}, {"LOWER": "of", "OP": "?"}, unit, {"LOWER": "ago"}],
        ],
        "VAGUE": [
            [{"LOWER": "recently"}],
            [{"LOWER": {"IN": ["in", "over", "during"]}}, {"LOWER": {"IN": ["recent", "coming"]}}, {"LOWER": {"IN": ["days", "weeks", "months"]}}],
            [{"LOWER": {"IN": ["in", "over", "during"]}}, {"LOWER": "the"}, {"LOWER": {"IN": ["coming", "next", "past", "last"]}}, {"LOWER": {"IN": ["few", "several"]}}, {"LOWER": {"IN": ["days", "weeks", "months"]}}],
        ],
        "ANAPHOR": [
            [{"LOWER": "back"}, {"LOWER": "then"}],
            [{"LOWER": "at"}, {"LOWER": {"IN": ["that", "the"]}}, {"LOWER": "time"}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["previous", "next", "following", "same"]}}, {"LOWER": "day"}],
            [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": {"IN": ["before", "after"]}}],
            # "the previous night": the night before the day told (a night is coded on its first day)
            [{"LOWER": "the"}, {"LOWER": "previous"}, {"LOWER": "night"}],
            [{"LOWER": "the"}, {"LOWER": "night"}, {"LOWER": "before"}],
            [{"LOWER": {"IN": ["that", "later", "earlier"]}}, {"LOWER": "day"}],
            [{"LOWER": "later"}, {"LOWER": "that"}, {"LOWER": "day"}],
            # "the previous evening", "the next morning", "later that evening": a time of the day told before, or of
            # the day before or after it (not a bare "that evening": "said that evening patrols …" is no date)
            [{"LOWER": "the"}, {"LOWER": {"IN": ["previous", "next", "following", "same"]}},
             {"LOWER": {"IN": ["morning", "afternoon", "evening"]}}],
            [{"LOWER": {"IN": ["later", "earlier"]}}, {"LOWER": "that"},
             {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}}],
            # "two days later", "a day earlier", "hours later": counted from the day told before
            [{"LOWER": {"IN": ["a", "one", *NUMBER_WORDS]}}, {"LOWER": {"IN": ["day", "days", "week", "weeks"]}},
             {"LOWER": {"IN": ["later", "earlier"]}}],
            [{"IS_DIGIT": True}, {"LOWER": {"IN": ["days", "weeks"]}}, {"LOWER": {"IN": ["later", "earlier"]}}],
            [{"LOWER": {"IN": ["hours", "minutes"]}}, {"LOWER": "later"}],
            # "three days after they were abducted", "a week before the vote": counted from a day of the same
            # sentence ("found on Friday, three days after …"), not from the day told before
            [{"LOWER": {"IN": ["a", "one", *NUMBER_WORDS]}}, {"LOWER": {"IN": ["day", "days", "week", "weeks"]}},
             {"LOWER": {"IN": ["after", "before"]}}],
            [{"IS_DIGIT": True}, {"LOWER": {"IN": ["days", "weeks"]}}, {"LOWER": {"IN": ["after", "before"]}}],
            # "killed nine civilians in the same period": the period told just before ("in the past 24 hours")
            [{"LOWER": "the"}, {"LOWER": "same"}, {"LOWER": "period"}],
            [{"LOWER": "that"}, {"LOWER": "period"}],
        ],
    }


def _extend_left(doc: Doc, span: Span) -> Span:
    """Take a leading preposition or hedge into the span: it changes what the expression means."""
    start = span.start
    if start > 0 and doc[start - 1].lower_ in PREFIX_WORDS and not span[0].lower_ in PREFIX_WORDS:
        start -= 1
    if start != span.start:
        return Span(doc, start, span.end, label=span.label)
    return span


def _blocked_weekday(doc: Doc, span: Span) -> bool:
    wd = next((t for t in span if t.lower_ in WEEKDAYS), None)
    if wd is None:
        return False
    if wd.i > 0 and doc[wd.i - 1].lower_ in _WEEKDAY_BLOCK_BEFORE and doc[wd.i - 1].is_title:
        return True
    if wd.i > 0 and doc[wd.i - 1].lower_ in {"every", "each"}:
        return True  # "every Friday": a habit, no single day
    nxt = doc[wd.i + 1] if wd.i + 1 < len(doc) else None
    return bool(nxt is not None and nxt.is_title and nxt.lower_ in _WEEKDAY_BLOCK_AFTER)


# Cheap anchors: the rules only run near one of these words, which keeps the component at a few percent of the
# model's own time (scanning every position with the full patterns costs as much as a tenth of it).
_LEXICAL_WORDS = [
    *WEEKDAYS, "yesterday", "today", "tonight", "tomorrow", "overnight", "week", "weeks", "weekend", "weekends",
    "month", "months", "year", "years", "fortnight", "day", "days", "hours", "recently", "recent", "ago", "then",
    "time", "period", "night", "morning", "afternoon", "evening",
]  # fmt: skip
# Both scan the whole text; the first-character lookahead lets re skip the positions no anchor starts at.
_EXPLICIT_ANCHOR_RE = with_first_char_lookahead(rf"{_MONTH}|\b{_YEAR}|\b{_HOLIDAY}")
_LEXICAL_ANCHOR_RE = with_first_char_lookahead(r"\b(?:" + "|".join(_LEXICAL_WORDS) + r")\b", re.IGNORECASE)


def _windows(positions: list[tuple[int, int]], before: int, after: int, limit: int) -> list[tuple[int, int]]:
    """Merged [start, end) windows around anchor positions."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(positions):
        lo, hi = max(0, start - before), min(limit, end + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _explicit_matches(text: str) -> list[re.Match[str]]:
    anchors = [(m.start(), m.end()) for m in _EXPLICIT_ANCHOR_RE.finditer(text)]
    found: dict[tuple[int, int], re.Match[str]] = {}
    for lo, hi in _windows(anchors, 45, 60, len(text)):
        while hi < len(text) and not text[hi].isspace():
            hi += 1  # never cut a word: the patterns end on a word boundary
        for m in _EXPLICIT_RE.finditer(text, lo, hi):
            found.setdefault((m.start(), m.end()), m)
    return list(found.values())


def _lexical_matches(doc: Doc, matcher: Matcher, needed: Needed | None = None) -> list[tuple[int, int, int]]:
    """The matcher's matches in the windows around lexical anchors. A window that lacks the words each pattern
    needs (see `needed_words`) cannot hold a match and is not given to the matcher."""
    anchors = [(m.start(), m.end()) for m in _LEXICAL_ANCHOR_RE.finditer(doc_text(doc))]
    if not anchors:
        return []
    starts = doc.to_array(IDX).tolist()  # each token's `idx`, without a Token object per word
    lowers = doc.to_array(LOWER).tolist() if needed is not None else []
    token_windows: list[tuple[int, int]] = []
    for cs, ce in anchors:
        i = bisect.bisect_right(starts, cs) - 1
        token_windows.append((i, i + 1))
    out: list[tuple[int, int, int]] = []
    for lo, hi in _windows(token_windows, 8, 5, len(doc)):
        if needed is None or _may_match(set(lowers[lo:hi]), needed):
            out.extend((mid, lo + s, lo + e) for mid, s, e in matcher(doc[lo:hi]))
    return out


Needed = list[tuple[frozenset[int], ...]]  # per pattern: the word sets (LOWER hashes) it needs a word of each


def _may_match(words: set[int], needed: Needed) -> bool:
    return any(all(not choice.isdisjoint(words) for choice in pattern) for pattern in needed)


def needed_words(patterns: Iterable[list[dict[str, Any]]]) -> list[tuple[frozenset[str], ...]] | None:
    """For each pattern, the word sets of the tokens it cannot match without (no `OP` or `+`, and a `LOWER` word
    or `IN` list): a match holds a word of each set. About half of the anchor windows (an anchor like "years" or
    "time" alone) have no pattern's words, and the matcher, whose `IN` tests run in Python for every token of a
    window, need not run there. None when a pattern needs no such token (every window may then match)."""
    needed: list[tuple[frozenset[str], ...]] = []
    for pattern in patterns:
        sets = tuple(frozenset(words) for spec in pattern if spec.get("OP", "1") in ("1", "+")
                     for words in [_lower_words(spec)] if words)
        if not sets:
            return None
        needed.append(sets)
    return needed


def _lower_words(spec: dict[str, Any]) -> set[str]:
    """The words a token spec that tests LOWER alone accepts (empty for any other spec)."""
    if set(spec) - {"OP"} != {"LOWER"}:
        return set()
    value = spec["LOWER"]
    if isinstance(value, str):
        return {value}
    return set(value["IN"]) if isinstance(value, dict) and set(value) == {"IN"} else set()


def find_date_spans(doc: Doc, matcher: Matcher, needed: Needed | None = None) -> list[Span]:
    """All date expressions of a Doc, longest first where rules overlap, in text order. `needed`: the matcher's
    `needed_words` as hashes, to skip the anchor windows where no pattern can match."""
    rule_spans: list[Span] = []
    for m in _explicit_matches(doc_text(doc)):
        label = next(k for k, v in m.groupdict().items() if v is not None).rstrip("0123456789")
        text = m.group(0)
        if label == "MONTH" and _BARE_MONTH_RE.match(text):
            continue
        if label == "HOLIDAY" and " " not in text:
            continue  # a bare "Christmas" or "Easter" is as often a noun's modifier ("a Christmas market")
        span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
        if span is not None:
            rule_spans.append(span)
    for match_id, start, end in _lexical_matches(doc, matcher, needed):
        span = Span(doc, start, end, label=doc.vocab.strings[match_id])
        if span.label_ == "WEEKDAY" and _blocked_weekday(doc, span):
            continue
        rule_spans.append(span)
    rule_spans = filter_spans(rule_spans)
    taken = [(s.start, s.end) for s in rule_spans]
    extra: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if any(ent.start < e and s < ent.end for s, e in taken):
            continue
        if ent.label_ == "TIME" and not any(t.lower_ in ("night", "overnight", "morning", "evening") for t in ent):
            continue  # a clock time ("21:02", "9 a.m.") says nothing about the day
        extra.append(Span(doc, ent.start, ent.end, label="NER"))
    spans = [_extend_left(doc, s) for s in rule_spans + extra]
    return sorted(filter_spans(spans), key=lambda s: s.start)


class DateFinder:
    """The component: holds the Matcher, built once per Language."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        for label, patterns in _matcher_patterns().items():
            self.matcher.add(label, patterns)  # type: ignore[arg-type]
        needed = needed_words(p for patterns in _matcher_patterns().values() for p in patterns)
        self.needed = None if needed is None else [
            tuple(frozenset(vocab.strings.add(w) for w in words) for words in sets) for sets in needed]

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = find_date_spans(doc, self.matcher, self.needed)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("dateline_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp.vocab)
