"""Date expressions → resolved dates, ACLED time precision, and the date that governs each event.

The `dateline_dates` spaCy component finds the spans (`doc.spans["dl_dates"]`); this module resolves each one
against the article date (`article.published`) and turns it into a `DateMention`. Nothing here ever falls back
to today's date: without an article date, expressions that need one keep their span with no dates.

Codebook rules applied (ACLED codebook, "time precision"; docs/codebook.md):

* `time_precision` 1 = the exact day is known; 2 = the event is known to within a week or a range of a few
  days (≤ 7 days: "last week", "from 25 to 28 October", "in as many days" for five days, a hedged "around
  5 May", a body "found" on a day, "following" an earlier dated event); 3 = only the month or something vaguer
  (a month, a year, "earlier this month", "recently", any range longer than a week).
* **Which day a range is coded on**: the codebook codes an event known only to within a period on the middle
  of that period (a week on its middle day, a month on the 15th); a weekend is coded on its first day. We
  apply that rule to every range: `event_date` = `date_start + (date_end - date_start) // 2`, the earlier
  middle day when the range has an even number of days, and keep the whole range in `date_start`/`date_end`
  so that merging can still match overlapping reports. Examples: "from 25 to 28 October" → 26 Oct
  (precision 2); "in October" → 15 Oct … of the range 1–31 Oct (precision 3); "five deaths in as many days"
  in a report of 2 Nov → range 29 Oct–2 Nov, coded 31 Oct (precision 2).
* **relation**: "history" when the expression ends more than a year before the article date (ACLED does not
  code events from years ago that a report recalls); "future" when it lies after the article date or is
  governed by future or intention ("will march on Friday", "plans to", "is expected to", "going to"), read
  from the dependency parse; "present" for today/tonight/this week …; "past" otherwise.
* Expressions inside quotes are resolved against the article date too. The speaker's "now" is not the
  article's, though: a range counted back from "now" inside a quote ("in the past week", "in as many days")
  is known one level less precisely (both of its ends move with the unknown date of the quoted statement).
  Single days ("yesterday", weekdays, explicit dates) keep their precision: quotes in news are overwhelmingly
  same-day, and ACLED coders date them on the report's day.

`dateparser` is used only on a span that the rules below do not parse, with RELATIVE_BASE = the article date,
PREFER_DATES_FROM = past and English only; see `_dateparser_fallback` for why our own rules come first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from dateutil.easter import easter
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.extraction.packaged import Lexicon
from dateline.model import Article, DateMention, Span
from dateline.nlp.components.dates import MONTHS, NUMBER_WORDS, SPAN_KEY, WEEKDAYS, holiday_days
from dateline.resources import Resources

_CUES = Lexicon("date_cues.yaml")

ONE_DAY = dt.timedelta(days=1)
HISTORY_GAP = dt.timedelta(days=365)
FUTURE_YEARLESS_HORIZON = dt.timedelta(days=183)

# ---------------------------------------------------------------------------------------------------------
# Resolution of one expression (pure: text + article date → dates)
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    kind: str
    start: dt.date | None
    end: dt.date | None
    precision: int
    present: bool = False
    future: bool = False
    coded: dt.date | None = None  # the codebook day when it is not the middle of the range (weekends)
    anchored_on_now: bool = False  # counted from the report's "now" (affects quoted expressions)
    note: str | None = None


_MON = r"(?P<{g}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?P<{g}>\d{{4}})"
_DASH = r"\s*(?:-|–|—|to|until|till|and|through)\s*"
_WDAY = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"


def _g(pattern: str, **groups: str) -> str:
    return pattern.format(**groups)


_YEAR_MOD = r"(?:last|this|next|past|coming)"
_DAY_RES = [
    re.compile(rf"^{_WDAY}(?:the\s+)?{_g(_D, g='d')}\s+(?:of\s+)?{_g(_MON, g='m')}"
               rf"(?:,?\s+{_g(_Y, g='y')}|\s+(?P<rel>{_YEAR_MOD})\s+year)?$"),
    re.compile(rf"^{_WDAY}{_g(_MON, g='m')}\s+{_g(_D, g='d')}(?:,?\s+{_g(_Y, g='y')}|\s+(?P<rel>{_YEAR_MOD})\s+year)?$"),
]
_RANGE_RES = [
    re.compile(
        rf"^{_g(_D, g='d1')}\s+{_g(_MON, g='m1')}(?:,?\s+{_g(_Y, g='y1')})?{_DASH}"
        rf"{_g(_D, g='d2')}\s+{_g(_MON, g='m2')}(?:,?\s+{_g(_Y, g='y2')})?$"
    ),
    re.compile(rf"^{_g(_D, g='d1')}{_DASH}{_g(_D, g='d2')}\s+(?:of\s+)?{_g(_MON, g='m2')}(?:,?\s+{_g(_Y, g='y2')})?$"),
    re.compile(
        rf"^{_g(_MON, g='m1')}\s+{_g(_D, g='d1')}{_DASH}(?:{_g(_MON, g='m2')}\s+)?{_g(_D, g='d2')}(?:,?\s+{_g(_Y, g='y2')})?$"
    ),
]
_ISO_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_MONTH_RE = re.compile(
    rf"^(?:the\s+(?P<part>end|beginning|start|middle)\s+of\s+)?{_g(_MON, g='m')}(?:,?\s+{_g(_Y, g='y')})?$"
)
_YEAR_RE = re.compile(r"^(?P<y>1[89]\d\d|20\d\d)$")
# "last October", "October last year", "this past March": a month placed by the year it is told against
_MONTH_REL_RE = re.compile(
    rf"^(?:(?P<mod>{_YEAR_MOD})\s+)?{_g(_MON, g='m')}(?:\s+(?:of\s+)?(?P<rel>{_YEAR_MOD})\s+year)?$"
)
_DECADE_RE = re.compile(r"^(?:the\s+)?(?P<y>1[89]\d0|20\d0)'?s$")
_WEEKDAY_RE = re.compile(
    r"^(?P<mod>last|this|next|coming)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:'s)?(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?(?:\s+(?:of\s+)?(?P<wk>last|previous)\s+week)?$"
)
_PERIOD_RE = re.compile(
    r"^(?:(?P<when>earlier|later|early|late)\s+(?:in\s+)?)?(?P<mod>last|this|next|past|previous|coming|the)\s+"
    r"(?P<unit>week|weekend|month|year|fortnight)$"
)
_DURATION_RE = re.compile(
    r"^(?:the\s+)?(?P<dir>past|last|previous|preceding|coming|next)\s+(?:(?P<few>couple|few|several)\s+(?:of\s+)?)?"
    r"(?P<n>\d+|[a-z]+)?\s*(?P<unit>hours?|days?|weeks?|fortnights?|months?|years?|weekends?)$"
)
_AGO_RE = re.compile(r"^(?:a\s+)?(?P<n>\d+|[a-z]+)\s+(?:of\s+)?(?P<unit>hours?|days?|weeks?|months?|years?)\s+ago$")
_AS_MANY_RE = re.compile(r"^as\s+many\s+(?P<unit>days|weeks|months|years)$")
_HEDGES = {"around", "about", "circa"}
_OPEN_AFTER = {"since", "after", "following"}
_SINCE_A_DAY = "since a day"  # the note of a "since" range that opens on one known day
_BOUND_BEFORE = {"before", "until", "till", "by"}
_PREFIXES = {
    "on", "in", "since", "from", "between", "until", "till", "by", "around", "about", "circa", "over", "during",
    "after", "following", "before", "throughout", "within", "for", "at",
}  # fmt: skip


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()[]\"'“”")
    return re.sub(r"'s$", "", text)


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def precision_for(start: dt.date, end: dt.date) -> int:
    """ACLED's rule by the length of what is known: one day 1, up to a week 2, longer 3."""
    days = (end - start).days + 1
    return 1 if days <= 1 else 2 if days <= 7 else 3


def coded_day(start: dt.date, end: dt.date) -> dt.date:
    """The codebook's day for a range: its middle (the earlier middle day for an even number of days)."""
    return start + dt.timedelta(days=(end - start).days // 2)


def pick_year(month: int, day: int, base: dt.date, future: bool = False) -> dt.date | None:
    """The year for a date written without one: at or before the report date; for a future context (the text
    speaks of plans), the nearest such day within half a year ahead of the report."""
    if future:
        for year in (base.year, base.year + 1):
            d = _safe_date(year, month, day)
            if d is not None and base - dt.timedelta(days=3) <= d <= base + FUTURE_YEARLESS_HORIZON:
                return d
    for year in (base.year, base.year - 1, base.year - 2, base.year - 3, base.year - 4):
        d = _safe_date(year, month, day)  # 29 Feb needs a leap year
        if d is not None and d <= base:
            return d
    return None


def weekday_date(wd: int, base: dt.date, mod: str | None = None, future: bool = False) -> dt.date:
    """A weekday name against the report date.

    In a past-tense report a weekday is the most recent such day at or before the report date ("On Wednesday"
    in a Saturday report is three days earlier; "on Saturday" in a Saturday report is that same day; "last
    Saturday" is a week before). dateparser gets the same-weekday case wrong (it answers a week earlier), which
    is why this is our own code. In a future context ("will march on Friday", "next Friday") it is the next such
    day at or after the report date ("next Saturday" on a Saturday: a week later).
    """
    if future or mod in ("next", "coming"):
        delta = (wd - base.weekday()) % 7
        if delta == 0 and mod == "next":
            delta = 7
        return base + dt.timedelta(days=delta)
    delta = (base.weekday() - wd) % 7
    if delta == 0 and mod == "last":
        delta = 7
    return base - dt.timedelta(days=delta)


def _resolve_month(m: re.Match[str], base: dt.date | None, when: str | None, future: bool) -> Resolved:
    month = MONTHS[m.group("m")]
    year_s = m.group("y")
    part = m.group("part") or {"early": "beginning", "late": "end", "mid": "middle", "mid-": "middle"}.get(when or "")
    if year_s:
        year = int(year_s)
    elif base is None:
        return Resolved("month", None, None, 3)
    else:
        first = pick_year(month, 1, base, future)
        if first is None:
            return Resolved("month", None, None, 3)
        year = first.year
    start, end = dt.date(year, month, 1), _month_end(year, month)
    if part in ("beginning", "start"):
        end = dt.date(year, month, 10)
    elif part == "middle":
        start, end = dt.date(year, month, 11), dt.date(year, month, 20)
    elif part == "end":
        start = dt.date(year, month, 21)
    coded = dt.date(year, month, 15) if part is None else None  # the codebook's mid-month day
    return Resolved("month", start, end, 3, coded=coded)


_YEAR_SHIFT = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}  # "October last year", "… next year"


def _resolve_month_told_against_year(month: int, mod: str | None, rel: str | None, base: dt.date | None) -> Resolved:
    """"last October" is the latest October before the report's month, "next October" the first after it, "this
    October" and "October this year" the report year's; "October last year" the year before's."""
    if base is None:
        return Resolved("month", None, None, 3)
    if rel is not None:
        year = base.year + _YEAR_SHIFT[rel]
    elif mod in ("last", "past"):
        year = base.year if month < base.month else base.year - 1
    elif mod in ("next", "coming"):
        year = base.year if month > base.month else base.year + 1
    else:
        year = base.year
    start, end = dt.date(year, month, 1), _month_end(year, month)
    return Resolved("month", start, end, 3, coded=dt.date(year, month, 15), future=start > base)


_HOLIDAY_RE = re.compile(
    rf"^(?:(?P<mod>{_YEAR_MOD})\s+)?(?P<name>[a-z' ]+?)(?:,?\s+(?P<y>\d{{4}})|\s+(?P<rel>{_YEAR_MOD})\s+year)?$"
)


def _holiday_day(name: str, year: int) -> dt.date | None:
    """The calendar day of a named day (`data/holidays.yaml`) in a year; None for a name it does not hold."""
    when = holiday_days().get(name)
    if isinstance(when, tuple):
        return _safe_date(year, *when)
    return None if when is None else easter(year) + dt.timedelta(days=when)


def _resolve_holiday(rest: str, base: dt.date | None, future: bool) -> Resolved | None:
    """"on Christmas Day", "Easter Sunday last year", "at Easter 2019": the named day in the year the text says,
    else the latest one at or before the report (the next one for plans or "next")."""
    m = _HOLIDAY_RE.match(rest)
    if m is None or m.group("name") not in holiday_days():
        return None
    if m.group("y"):
        year = int(m.group("y"))
    elif base is None:
        return Resolved("absolute", None, None, 1)
    elif m.group("rel"):
        year = base.year + _YEAR_SHIFT[m.group("rel")]
    else:
        this_year = _holiday_day(m.group("name"), base.year)
        ahead = future or m.group("mod") in ("next", "coming")
        if ahead:
            year = base.year if this_year is not None and this_year >= base else base.year + 1
        elif m.group("mod") == "this":
            year = base.year
        else:
            year = base.year if this_year is not None and this_year <= base else base.year - 1
    d = _holiday_day(m.group("name"), year)
    season = m.group("name") in ("christmas", "easter")  # "at Easter", "over Christmas": the holidays, not the day
    return Resolved("absolute", d, d, 2 if season else 1, future=bool(base and d and d > base))


def _resolve_period(m: re.Match[str], base: dt.date) -> Resolved | None:
    when, mod, unit = m.group("when"), m.group("mod"), m.group("unit")
    if unit == "fortnight":
        if mod in ("next", "coming"):
            return Resolved("range", base + ONE_DAY, base + dt.timedelta(days=14), 3, future=True)
        return Resolved("range", base - dt.timedelta(days=13), base, 3, anchored_on_now=True)
    if unit == "weekend":
        sat = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        if mod in ("next", "coming") or (mod == "this" and base.weekday() < 5):
            sat = base + dt.timedelta(days=(5 - base.weekday()) % 7 or 7)
            return Resolved("range", sat, sat + ONE_DAY, 2, future=True, coded=sat)
        if mod in ("last", "past", "previous") and base.weekday() >= 5:
            sat -= dt.timedelta(days=7)
        return Resolved("range", sat, min(sat + ONE_DAY, base), 2, coded=sat)
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday())
        if mod in ("last", "previous", "past"):
            if mod == "past":  # "the past week": the seven days up to the report
                return Resolved("duration", base - dt.timedelta(days=6), base, 2, anchored_on_now=True)
            return Resolved("range", monday - dt.timedelta(days=7), monday - ONE_DAY, 2)
        if mod in ("next", "coming"):
            return Resolved("range", monday + dt.timedelta(days=7), monday + dt.timedelta(days=13), 2, future=True)
        if when == "later":
            return Resolved("range", min(base + ONE_DAY, monday + dt.timedelta(days=6)), monday + dt.timedelta(days=6), 2, future=True)
        end = max(monday, base - ONE_DAY) if when == "earlier" else base
        return Resolved("range", monday, end, 2, present=when != "earlier", anchored_on_now=True)
    if unit == "month":
        first = base.replace(day=1)
        if mod in ("last", "previous"):
            prev_end = first - ONE_DAY
            return Resolved("month", prev_end.replace(day=1), prev_end, 3, coded=prev_end.replace(day=15))
        if mod == "past":
            return Resolved("duration", base - dt.timedelta(days=30), base, 3, anchored_on_now=True)
        if mod in ("next", "coming"):
            nxt = _month_end(base.year, base.month) + ONE_DAY
            return Resolved("month", nxt, _month_end(nxt.year, nxt.month), 3, future=True)
        if when == "later":
            return Resolved("range", base + ONE_DAY, _month_end(base.year, base.month), 3, future=True)
        end = max(first, base - ONE_DAY) if when == "earlier" else base
        return Resolved("range", first, end, 3, present=when != "earlier", anchored_on_now=True)
    # year
    jan1 = base.replace(month=1, day=1)
    if mod in ("last", "previous"):
        return Resolved("year", jan1.replace(year=base.year - 1), jan1 - ONE_DAY, 3)
    if mod == "past":
        return Resolved("duration", base - dt.timedelta(days=365), base, 3, anchored_on_now=True)
    if mod in ("next", "coming"):
        return Resolved("year", jan1.replace(year=base.year + 1), dt.date(base.year + 1, 12, 31), 3, future=True)
    if when == "later":
        return Resolved("range", base + ONE_DAY, dt.date(base.year, 12, 31), 3, future=True)
    end = max(jan1, base - ONE_DAY) if when == "earlier" else base
    return Resolved("range", jan1, end, 3, present=when != "earlier", anchored_on_now=True)


_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "fortnight": 14, "weekend": 7, "month": 30, "year": 365}


def _resolve_duration(n: int, unit: str, direction: str, base: dt.date) -> Resolved:
    unit = unit.rstrip("s")
    days = max(1, n * _UNIT_DAYS[unit]) if unit != "hour" else max(1, -(-n // 24))
    if direction in ("coming", "next"):
        end = base + dt.timedelta(days=days)
        return Resolved("duration", base + ONE_DAY, end, precision_for(base + ONE_DAY, end), future=True)
    start = base - dt.timedelta(days=days - 1) if unit != "hour" else base - dt.timedelta(days=days)
    return Resolved("duration", start, base, precision_for(start, base), anchored_on_now=True)


_RELATIVE_DAYS = {
    "yesterday": (-1, False), "today": (0, True), "tonight": (0, True), "tomorrow": (1, False),
    "last night": (-1, False), "yesterday morning": (-1, False), "yesterday afternoon": (-1, False),
    "yesterday evening": (-1, False), "this morning": (0, True), "this afternoon": (0, True),
    "this evening": (0, True), "earlier today": (0, True), "later today": (0, True), "later tonight": (0, True),
    "tomorrow morning": (1, False), "tomorrow night": (1, False), "tomorrow evening": (1, False),
    "the day before yesterday": (-2, False), "the day after tomorrow": (2, False),
}  # fmt: skip


def _split_prefix(text: str) -> tuple[str | None, str]:
    words = text.split(" ", 1)
    if len(words) == 2 and words[0] in _PREFIXES:
        return words[0], words[1]
    return None, text


def resolve_expression(
    text: str, base: dt.date | None, *, future: bool = False, count_before: int | None = None
) -> Resolved:
    """Resolve one date expression against the article date `base` (None: only self-contained dates resolve).

    `future`: the expression is governed by future or intention ("will march on Friday"); `count_before`: the
    number that "as many" refers back to ("five deaths in as many days").
    """
    norm = _norm(text)
    prefix, rest = _split_prefix(norm)
    when = None
    for w in ("early", "late", "mid-", "mid"):
        if rest.startswith(w + " ") or (w == "mid-" and rest.startswith(w)):
            when, rest = w, rest[len(w) :].strip()
            break
    res = _resolve_core(rest, prefix, when, base, future, count_before)
    return _apply_prefix(res, prefix, base)


def _resolve_core(
    rest: str, prefix: str | None, when: str | None, base: dt.date | None, future: bool, count_before: int | None
) -> Resolved:
    if m := _ISO_RE.match(rest):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return Resolved("absolute", d, d, 1)
    if prefix == "between" or any(k in rest for k in ("-", "–", "—", " to ", " and ", " until ", " till ", " through ")):
        for rx in _RANGE_RES:
            if m := rx.match(rest):
                return _resolve_range(m, base, future)
    for rx in _DAY_RES:
        if m := rx.match(rest):
            day, month = int(m.group("d")), MONTHS[m.group("m")]
            if m.group("y"):
                d = _safe_date(int(m.group("y")), month, day)
            elif m.group("rel") and base:  # "on 9 October last year"
                d = _safe_date(base.year + _YEAR_SHIFT[m.group("rel")], month, day)
            else:
                d = pick_year(month, day, base, future) if base else None
            return Resolved("absolute", d, d, 1)
    if m := _MONTH_RE.match(rest):
        return _resolve_month(m, base, when, future)
    if (m := _MONTH_REL_RE.match(rest)) and (m.group("mod") or m.group("rel")):
        return _resolve_month_told_against_year(MONTHS[m.group("m")], m.group("mod"), m.group("rel"), base)
    if holiday := _resolve_holiday(rest, base, future):
        return holiday
    if m := _YEAR_RE.match(rest):
        year = int(m.group("y"))
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if when == "early":
            end = dt.date(year, 4, 30)
        elif when == "late":
            start = dt.date(year, 9, 1)
        elif when in ("mid", "mid-"):
            start, end = dt.date(year, 5, 1), dt.date(year, 8, 31)
        return Resolved("year", start, end, 3)
    if m := _DECADE_RE.match(rest):
        y = int(m.group("y"))
        return Resolved("year", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), 3)
    if m := _WEEKDAY_RE.match(rest):
        if base is None:
            return Resolved("weekday", None, None, 1)
        if m.group("wk"):  # "on Thursday last week": that weekday of the calendar week before the report's
            d = base - dt.timedelta(days=base.weekday() + 7 - WEEKDAYS[m.group("wd")])
            return Resolved("weekday", d, d, 1)
        d = weekday_date(WEEKDAYS[m.group("wd")], base, m.group("mod"), future)
        return Resolved("weekday", d, d, 1, future=d > base)
    if rest in _RELATIVE_DAYS:
        offset, present = _RELATIVE_DAYS[rest]
        if base is None:
            return Resolved("relative", None, None, 1, present=present, future=offset > 0)
        d = base + dt.timedelta(days=offset)
        return Resolved("relative", d, d, 1, present=present, future=offset > 0, anchored_on_now=True)
    if rest == "overnight":
        if base is None:
            return Resolved("relative", None, None, 1)
        return Resolved("relative", base - ONE_DAY, base, 1, coded=base - ONE_DAY, anchored_on_now=True)
    if base is None:
        return _vague_unresolved(rest)
    if m := _PERIOD_RE.match(rest if not when else f"{when} {rest}"):
        return _resolve_period(m, base) or Resolved("vague", None, None, 3)
    if m := _DURATION_RE.match(rest):
        n = _count(m.group("n")) if m.group("n") else None
        if m.group("few"):
            n = {"couple": 2}.get(m.group("few"), 7 if m.group("unit").startswith("day") else 3)
        return _resolve_duration(n or 1, m.group("unit"), m.group("dir"), base)
    if (m := _AS_MANY_RE.match(rest)) and count_before:
        return _resolve_duration(count_before, m.group("unit"), "past", base)
    if m := _AGO_RE.match(rest):
        n, unit = _count(m.group("n")), m.group("unit").rstrip("s")
        if n is None:
            if m.group("n") in ("few", "several", "couple"):
                return Resolved("vague", base - dt.timedelta(days=6), base - ONE_DAY, 2)
            return Resolved("vague", None, None, 3)
        d = base - dt.timedelta(days=n * _UNIT_DAYS[unit]) if unit != "hour" else base
        precision = {"hour": 1, "day": 1, "week": 2}.get(unit, 3)
        return Resolved("relative", d, d, precision)
    if rest == "recently":
        return Resolved("vague", base - dt.timedelta(days=30), base, 3, anchored_on_now=True)
    if rest in ("recent days", "the past few days", "the last few days"):
        return Resolved("vague", base - dt.timedelta(days=6), base, 2, anchored_on_now=True)
    if rest in ("recent weeks", "recent months"):
        days = 30 if rest == "recent weeks" else 180
        return Resolved("vague", base - dt.timedelta(days=days), base, 3, anchored_on_now=True)
    if rest in ("coming days", "the coming days", "the next few days", "the coming few days"):
        return Resolved("vague", base + ONE_DAY, base + dt.timedelta(days=7), 2, future=True)
    if rest in ("coming weeks", "the coming weeks", "coming months", "the coming months"):
        days = 30 if "weeks" in rest else 180
        return Resolved("vague", base + ONE_DAY, base + dt.timedelta(days=days), 3, future=True)
    return _dateparser_fallback(rest, base) or _vague_unresolved(rest)


def _vague_unresolved(rest: str) -> Resolved:
    future = bool(re.search(r"\b(tomorrow|next|coming)\b", rest))
    return Resolved("vague", None, None, 3, future=future)


def _resolve_range(m: re.Match[str], base: dt.date | None, future: bool) -> Resolved:
    gd = m.groupdict()
    m2 = MONTHS[gd["m2"]] if gd.get("m2") else MONTHS[gd["m1"]]
    m1 = MONTHS[gd["m1"]] if gd.get("m1") else m2
    d1, d2 = int(gd["d1"]), int(gd["d2"])
    y2 = int(gd["y2"]) if gd.get("y2") else None
    y1 = int(gd["y1"]) if gd.get("y1") else None
    if y2 is None and y1 is None:
        if base is None:
            return Resolved("range", None, None, 2)
        end = pick_year(m2, d2, base, future)
        if end is None:
            return Resolved("range", None, None, 2)
        y2 = end.year
    y2 = y2 or y1
    y1 = y1 or (y2 if (m1, d1) <= (m2, d2) else y2 - 1)  # type: ignore[operator]
    start, end = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)  # type: ignore[arg-type]
    if start is None or end is None or end < start:
        return Resolved("range", None, None, 2)
    return Resolved("range", start, end, precision_for(start, end))


def _apply_prefix(res: Resolved, prefix: str | None, base: dt.date | None) -> Resolved:
    """A hedge widens precision; "since/after/following X" opens a range up to the report; "before X" bounds."""
    if res.start is None or prefix is None:
        return res
    if prefix in _HEDGES:
        return replace(res, precision=max(res.precision, 2), note="hedged")
    if prefix in _OPEN_AFTER and base is not None and base > res.start:
        if prefix == "since":
            # ("since Monday" opens on one day: an ongoing act's first day, `_first_day_of_an_ongoing_act`)
            first = res.precision == 1 and res.start == (res.end or res.start)
            return replace(res, kind="range", end=base, precision=max(res.precision, precision_for(res.start, base)),
                           note=f"since; {_SINCE_A_DAY}" if first else "since", present=True)  # fmt: skip
        return replace(res, end=max(res.end or res.start, base), precision=max(res.precision, 2), note="on or after")
    if prefix in _BOUND_BEFORE:
        return replace(res, precision=max(res.precision, 2), note="on or before")
    return res


@functools.lru_cache(maxsize=4096)
def _dateparser_fallback(text: str, base: dt.date) -> Resolved | None:
    """dateparser, only on a span our rules did not parse and only when it names a month or a number.

    Our rules come first because dateparser (1) answers the same weekday as the report with the day a week
    earlier, (2) returns a single day for ranges and periods ("last week" → one day), (3) fills missing parts
    from the current date, and (4) costs about a millisecond a call, which a corpus run would feel.
    """
    if not (re.search(r"\d", text) or any(re.search(rf"\b{m}\b", text) for m in MONTHS)):
        return None
    if re.fullmatch(r"[\d\s.,-]+", text) and not re.fullmatch(r"\d{4}", text):
        return None  # bare numbers ("2-1", "40") are not dates
    import dateparser  # imported lazily: it takes a while to load and most articles never need it

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["month"],
        "PREFER_DAY_OF_MONTH": "first",
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    d = parsed.date()
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", text)) or "ago" in text
    if has_day:
        return Resolved("absolute", d, d, 1, note="dateparser")
    return Resolved("month", d.replace(day=1), _month_end(d.year, d.month), 3, note="dateparser")


# ---------------------------------------------------------------------------------------------------------
# From the Doc: context (future tense, quotes, hedges, datelines, anaphora) and DateMentions
# ---------------------------------------------------------------------------------------------------------

_ANAPHOR_RE = re.compile(
    r"^(?:back then|at (?:that|the) time|the (?:previous|next|following|same) (?:day|morning|afternoon|evening)"
    r"|the day (?:before|after)|the previous night|the night before"
    r"|(?:that|later|earlier) day|(?:later |earlier )?that (?:day|morning|afternoon|evening|night)"
    r"|(?:a|an|one|\w+|\d+) (?:days?|weeks?) (?:later|earlier)"
    r"|(?:hours|minutes) later|the same period|that period)$"
)
_COUNTED_SHIFT = re.compile(r"^(?P<n>a|an|one|\w+|\d+) (?P<unit>days?|weeks?) (?P<dir>later|earlier)$")
# "found on Friday, three days after they were abducted": the act after "after" is counted from a day of the
# same sentence (not the day told before, as "three days later" is)
_COUNTED_APART = re.compile(rf"^(?P<n>\d+|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}) "
                            r"(?P<unit>days?|weeks?) (?P<dir>after|before)$")
# ("on Wednesday, the day after police shot dead two protesters": counted as "one day after" when the words name the
# act, `DAY_APART_COMPLEMENT`; alone, "the day after" still refers back)
_DAY_APART = re.compile(r"^(?P<n>the) (?P<unit>day) (?P<dir>after|before)$")
_ROUGH_COUNTS = {"few", "several", "couple"}
# The note of such an act's day, and how later steps know the day was counted back from its sentence's (not from
# the report's day, whose note says "counted from the report's day")
_COUNTED_APART_NOTE = "counted back from its sentence's day"
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_INTENT_HEADS = _CUES.words("INTENT_HEAD")
_PLANNED_MODIFIERS = _CUES.words("PLANNED_MODIFIER")
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "csubj", "acl", "pcomp"}
# ("earlier this week/month" is past: an act before the telling, not the present one)
_PRESENT_WORDS = re.compile(r"\b(today|tonight|(?<!earlier )this (morning|afternoon|evening|week|month|year)|now|currently)\b")
_REPORTED_BEFORE = re.compile(r"(?i)\b(as |it was |were |was )?reported\s*$")
_HEDGE_AFTER = re.compile(r"(?i)^\s*\((?:or around|as reported|week of|approximately|approx\.?|around|or about)")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([A-Z][\w .]*\)\s*)?(?:—|–|-{1,2}|:)")
_SEQUENCE_WORDS = re.compile(r"(?i)\b(following|after|afterwards|since|subsequently|later|in the wake of|in response)\b")
_DISCOVERY = re.compile(
    r"(?i)\b(found|discovered|recovered)\b[^.]{0,60}\b(dead|body|bodies|remains|corpse|head)\b"
    r"|\b(body|bodies|remains|corpse|head)\b[^.]{0,60}\b(was|were)\s+(found|discovered|recovered)\b"
)


def _governor(span: SpacySpan) -> object:
    tok = span.root
    while tok.head.i != tok.i and (tok.pos_ not in ("VERB", "AUX") or tok in span):
        tok = tok.head
    return tok


def _clause_head(tok: object) -> object:
    t = tok
    while t.head.i != t.i and not (t.dep_ in _CLAUSE_DEPS and t.pos_ in ("VERB", "AUX")):  # type: ignore[attr-defined]
        t = t.head  # type: ignore[attr-defined]
    return t


def _is_future_context(span: SpacySpan) -> bool:
    """Future or intention governs the expression: "will march on Friday", "plans to march on Friday",
    "is expected to …", "going to …", "the planned rally on Friday"."""
    gov = _governor(span)
    tok = gov
    for _ in range(3):  # the governing verb, then up through xcomp chains ("vowed to continue to march")
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in tok.children):  # type: ignore[attr-defined]
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _INTENT_HEADS:  # type: ignore[attr-defined]
            return True
        if tok.dep_ != "xcomp" and tok.dep_ != "conj":  # type: ignore[attr-defined]
            break
        tok = tok.head  # type: ignore[attr-defined]
    if _planned(gov) or _promised_in_telling(gov):
        return True
    head = span.root.head
    if head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "ADP" and head.head.pos_ == "NOUN"):
        noun = head if head.pos_ != "ADP" else head.head
        if any(c.lower_ in _PLANNED_MODIFIERS for c in noun.children):
            return True
    return False


def _planned(gov: object) -> bool:
    """A day a plan is set for, told in the present: "Talks are scheduled for Friday", "Elections are due on
    Sunday", "The vote is set for Monday". (Told in the past, "was scheduled for Friday", the day may be gone.)"""
    words = [gov, *(c for c in gov.children if c.dep_ == "acomp")]  # type: ignore[attr-defined]
    present_be = [c for c in [gov, *gov.children]  # type: ignore[attr-defined]
                  if c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") and (c is gov or c.dep_ in ("aux", "auxpass"))]
    return bool(present_be) and any(_CUES.regex("PLANNED_GOVERNOR").match(w.text) for w in words)  # type: ignore[attr-defined]


def _promised_in_telling(gov: object) -> bool:
    """A day of what a source said would happen: "The union said it would hold a rally on Friday" (a plan told in
    reported speech; "would have" looks back, and "would" outside a telling is a mere condition). Only a telling
    that is the sentence's own statement: one framed as a time ("Hours after the minister said the army would
    pull back on Tuesday, …") is a past act, and the day may well be its own."""
    auxes = [c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")]  # type: ignore[attr-defined]
    head = gov.head  # type: ignore[attr-defined]
    return ("would" in auxes and "have" not in auxes and gov.dep_ == "ccomp"  # type: ignore[attr-defined]
            and head.dep_ == "ROOT" and bool(_REPORTING_VERBS.match(head.text)))


CALLED_FOR_NOTE = "the day of a called-for act"


def _called_for_act(span: SpacySpan) -> tuple[object, object] | None:
    """The act a call, an announcement or a plan is for, when the day is that act's: "The opposition has called for
    a national shutdown on Monday", "Union leaders urged a general strike on Monday", "The party announced a march on
    Saturday". The day follows the act's noun (whether the parse hangs it on the noun or on the verb); "called on
    Monday for a strike" is the call's day. Returns (the act's noun, the verb of calling)."""
    root = span.root
    prep = root if root.dep_ == "prep" else root.head if root.head.dep_ == "prep" else None
    if prep is None:
        return None
    attach = prep.head
    if attach.pos_ == "NOUN":
        act, verb = attach, attach.head.head if attach.dep_ == "pobj" and attach.head.lower_ == "for" else attach.head
        if act.dep_ not in ("dobj", "pobj"):
            return None
    else:
        verb = attach
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        act = next((o for o in objects if o.i < span.start), None)
    if act is None or not _CUES.regex("CALLED_FOR_ACT").match(act.text) or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() not in _CUES.words("CALLING_VERB") or any(c.dep_ == "prt" for c in verb.children):
        return None  # ("called off a strike on Monday": a cancelling)
    if _done_in_the_past(verb):
        return None  # "organised a march on Monday": the march took place on Monday
    return act, verb


def _done_in_the_past(verb: Token) -> bool:
    """"Students organised a march on Monday": a verb of organising in the simple past tells the act done. With an
    auxiliary it keeps the plan's reading: "has organised a march on Monday" (a day past does not go with the present
    perfect: the Monday to come), "were to organise", "was organised for"."""
    return verb.lemma_.lower() in _CUES.words("CALLING_VERB_DONE_IN_THE_PAST") and verb.tag_ == "VBD" and \
        not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _call_still_stands(verb: object) -> bool:
    """The call is told in the present or the present perfect ("has called for", "is urging", "calls for"): what it
    calls for is still to come."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]  # type: ignore[attr-defined]
    if verb.tag_ in ("VBZ", "VBP"):  # type: ignore[attr-defined]
        return True
    return any(a.tag_ in ("VBZ", "VBP") for a in auxes) and verb.tag_ in ("VBN", "VBG")  # type: ignore[attr-defined]


def _called_for_day(span: SpacySpan, base: dt.date | None) -> tuple[object, bool] | None:
    """The act the day belongs to when it is a called-for act's, and whether the day is to come: always when the
    call still stands, and when a call told in the past names a weekday later in the week than the report's (its
    past reading would put the act in the week before, the call still earlier: a call that old is not told so)."""
    called = _called_for_act(span)
    if called is None:
        return None
    act, verb = called
    if _call_still_stands(verb):
        return act, True
    m = _WEEKDAY_RE.match(_split_prefix(_norm(span.text))[1])
    later_in_week = (m is not None and base is not None and m.group("mod") is None
                     and WEEKDAYS[m.group("wd")] > base.weekday())
    return act, later_in_week


def _inside_quote(text: str, pos: int) -> bool:
    """Within a quotation in its paragraph (curly quotes, or an odd number of straight ones before it)."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    opened = max(before.rfind("“"), before.rfind("«"))
    closed = max(before.rfind("”"), before.rfind("»"))
    if opened > closed:
        return True
    return opened == closed == -1 and before.count('"') % 2 == 1


def _count_before(span: SpacySpan) -> int | None:
    doc = span.doc
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else max(0, span.start - 15)
    for i in range(span.start - 1, max(sent_start, span.start - 15) - 1, -1):
        tok = doc[i]
        if tok.like_num:
            return _count(tok.lower_.replace(",", ""))
    return None


def _is_dateline(article: Article, text: str, span: SpacySpan) -> bool:
    for sig in article.published_signals:
        ev = sig.evidence
        if sig.source == "dateline" and ev is not None and ev.start < span.end_char and span.start_char < ev.end:
            return True
    line_start = text.rfind("\n", 0, span.start_char) + 1
    # (a clause before the day is a sentence, not a dateline: "Gunmen stormed a church on Sunday: nobody was hurt")
    return (span.start_char - line_start <= 60 and bool(_DATELINE_AFTER.match(text[span.end_char : span.end_char + 20]))
            and bool(_CUES.regex("DATELINE_BEFORE_DAY").match(text[line_start : span.start_char])))


def _span_of(text: str, start: int, end: int) -> Span:
    return Span.of(text, start, end)


def _relation(res: Resolved, base: dt.date | None, future_ctx: bool, span_text: str) -> str:
    if (future_ctx or res.future) and (res.end is None or base is None or res.end >= base):
        return "future"
    if res.start is None or base is None:
        return "present" if _PRESENT_WORDS.search(span_text.lower()) else "past"
    if res.start > base:
        return "future"
    if res.end is not None and res.end < base - HISTORY_GAP:
        return "history"
    if res.present or _PRESENT_WORDS.search(span_text.lower()):
        return "present"
    return "past"


YEAR_ONLY_DAYS = 92  # "in 2003", "last year", "early 2019" (January to April): each four months or more


def year_only(kind: str, start: dt.date | None, end: dt.date | None) -> bool:
    """A date known only to its year ("in 2003", "last year"): the codebook has no day for it. Its middle
    (2 July) would be a made-up day, so it keeps its range and gets no `event_date`."""
    return kind == "year" and start is not None and end is not None and (end - start).days > YEAR_ONLY_DAYS


def _mention(
    text: str, span: SpacySpan, res: Resolved, base: dt.date | None, future_ctx: bool, in_quote: bool,
    notes: list[str],
) -> DateMention:  # fmt: skip
    precision = res.precision
    if in_quote and res.anchored_on_now and res.start is not None and res.start != res.end:
        precision = min(3, precision + 1)
        notes.append("quoted: anchored on the speaker's now")
    coded = None
    if res.start is not None and not year_only(res.kind, res.start, res.end):
        coded = res.coded or coded_day(res.start, res.end or res.start)
    gov = _governor(span)
    head = _clause_head(gov)
    clause = (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))  # type: ignore[attr-defined]
    kind = res.kind
    if kind not in ("absolute", "relative", "weekday", "range", "duration", "year", "month", "vague"):
        kind = "vague"
    return DateMention(
        span=_span_of(text, span.start_char, span.end_char),
        kind=kind,  # type: ignore[arg-type]
        date_start=res.start,
        date_end=res.end if res.end is not None else res.start,
        time_precision=precision,
        relation=_relation(res, base, future_ctx, span.text),  # type: ignore[arg-type]
        event_date=coded,
        governor=_span_of(text, gov.idx, gov.idx + len(gov.text)),  # type: ignore[attr-defined]
        clause=_span_of(text, clause[0], max(clause[1], span.end_char)),
        in_quote=in_quote,
        note="; ".join(n for n in [res.note, *notes] if n) or None,
    )


def _anaphor_shift(text: str) -> int:
    """Days from the day told before: "the previous day" -1, "two days later" +2, "a week earlier" -7."""
    t = _norm(text)
    if re.search(r"\bprevious (?:day|night|morning|afternoon|evening)\b|\b(?:day|night) before\b", t):
        return -1
    if re.search(r"\b(?:next|following) (?:day|morning|afternoon|evening)\b|\bday after\b", t):
        return 1
    if m := _COUNTED_SHIFT.match(t) or _COUNTED_APART.match(t):
        word = m.group("n")
        n = int(word) if word.isdigit() else 1 if word in {"a", "an", "one"} else NUMBER_WORDS.get(word, 0)
        days = n * (7 if m.group("unit").startswith("week") else 1)
        return days if m.group("dir") in ("later", "after") else -days
    return 0


def _previous_paragraph_start(text: str, at: int) -> int:
    """Where the paragraph before the one holding `at` begins: past the line break that ends it and any blank
    lines (paragraphs are separated by one line break or by a blank line)."""
    end = text.rfind("\n", 0, at)
    if end < 0:
        return 0
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return text.rfind("\n", 0, end) + 1


def _resolve_anaphor(
    text: str, span: SpacySpan, m: DateMention, before: list[DateMention], future_ctx: bool = False
) -> DateMention:
    """"Back then", "the previous day", "that day", "two days later": the closest earlier resolved date in this
    or the paragraphs before it (wire copy gives every sentence a paragraph), shifted by the days the words say.
    The day a source spoke ("the ministry said on Wednesday") is no antecedent, except in the sentence its telling
    frames ("Police said on Thursday that protesters had clashed the previous day": the day before Thursday). With
    none, a shifted day is not resolved at all: "the next day" counted from the publication date would be a day
    after the story."""
    reach = min(_previous_paragraph_start(text, span.start_char), max(0, span.start_char - PARAGRAPH_REACH))
    sentence_start = span.sent.start_char if span.doc.has_annotation("SENT_START") else span.start_char
    ante = next(
        (d for d in reversed(before) if d.date_start is not None and d.span.start >= reach and d.note != "dateline"
         and (d.span.start >= sentence_start or not _REPORT_DAY_BEFORE.search(_sentence_before(text, d.span.start)))),
        None,
    )
    if ante is None:
        if _anaphor_shift(span.text):
            return m.model_copy(update={"kind": "vague", "date_start": None, "date_end": None, "event_date": None,
                                        "note": "refers back to a day the text does not give"})
        return m
    shift = dt.timedelta(days=_anaphor_shift(span.text))
    if shift and ante.date_start != ante.date_end and ante.time_precision == 3 and ante.kind in ("year", "month"):
        return m  # "the day after" a month or a year names no day
    # (after "last week" or "earlier this month", "the next day" is within that period, a day later: no day of
    # its own, but never the day after the report)
    start = ante.date_start + shift if ante.date_start else None
    end = ante.date_end + shift if ante.date_end else start
    return m.model_copy(
        update={
            "kind": ante.kind,
            "date_start": start,
            "date_end": end,
            "event_date": ante.event_date + shift if ante.event_date else start,
            "time_precision": ante.time_precision,
            # (future only where the words speak of plans: "the next day" read alone is the coming day)
            "relation": "history" if ante.relation == "history" else "future" if future_ctx else ante.relation,
            "note": f"refers back to {ante.span.text!r}",
        }
    )


def _the_counted_act(text: str, span: SpacySpan, m: DateMention) -> DateMention:
    """"three days after they were abducted", "two weeks after a bank robbery": the expression dates the act told
    after "after" (its clause runs over that act only), on a day still to be counted from its sentence's day."""
    joint = span[-1]
    last = joint.head.right_edge if joint.dep_ == "mark" else joint.right_edge
    end = max(span.end_char, last.idx + len(last.text))
    return m.model_copy(update={"kind": "vague", "date_start": None, "date_end": None, "event_date": None,
                                "clause": _span_of(text, span.start_char, end), "note": "refers to a day of its sentence"})


def _count_from_its_sentence(m: DateMention, in_sentence: list[DateMention], base: dt.date | None) -> DateMention:
    """The day of the act after "N days after": N days before the closest single day its sentence tells outside
    that act ("found on Friday, three days after they were abducted": Tuesday); "before" counts forward. A count
    in weeks or a rough one ("a few days after") is known to within a week (precision 2). Without such a day the
    act has no day from these words."""
    counted = _COUNTED_APART.match(_norm(m.span.text)) or _DAY_APART.match(_norm(m.span.text))
    clause = m.clause
    anchors = [d for d in in_sentence if d is not m and _one_day(d) and d.note != "dateline"
               and not (clause is not None and clause.start <= d.span.start < clause.end)]
    if counted is None or not anchors:
        return m
    anchor = min(anchors, key=lambda d: abs(d.span.start - m.span.start))
    word, weeks = counted.group("n"), counted.group("unit").startswith("week")
    n = int(word) if word.isdigit() else 1 if word == "the" else NUMBER_WORDS.get(word, 0)
    days = n * (7 if weeks else 1)
    day = anchor.date_start + dt.timedelta(days=-days if counted.group("dir") == "after" else days)  # type: ignore[operator]
    rough = weeks or word in _ROUGH_COUNTS
    relation = anchor.relation
    if base is not None and relation != "future":
        relation = "future" if day > base else "history" if day < base - HISTORY_GAP else relation
    return m.model_copy(update={
        "kind": anchor.kind, "date_start": day, "date_end": day, "event_date": day, "relation": relation,
        "time_precision": max(anchor.time_precision, 2 if rough else 1),
        "note": f"{_COUNTED_APART_NOTE} {anchor.span.text!r}",
    })


def _date_spans(doc: Doc) -> list[SpacySpan]:
    if SPAN_KEY in doc.spans:
        return list(doc.spans[SPAN_KEY])
    # Without the dateline_dates component: the model's DATE entities only (a clear, smaller fallback).
    return [ent for ent in doc.ents if ent.label_ == "DATE"]


def story_day(article: Article) -> dt.date | None:
    """The day the story's words count from: the date of its wire dateline ("BAGHDAD, March 3 (Reuters) -") when
    that is before the publication date (a wire story a site ran two days after it was filed: its "on Monday"
    is the Monday before the filing), else the publication date."""
    base = article.published
    filed = [s.value for s in article.published_signals if s.source == "dateline"]
    if base is not None and filed and base - HISTORY_GAP <= filed[0] < base:
        return filed[0]
    return base


def dates_from_doc(article: Article, doc: Doc, resources: Resources) -> list[DateMention]:
    """Every date expression in the article, resolved against the story's day (`story_day`)."""
    text = article.text
    base = story_day(article)
    mentions: list[DateMention] = []
    apart: list[tuple[int, SpacySpan, DateMention, bool]] = []  # "N days after …": index, span, mention, future
    for span in _date_spans(doc):
        notes: list[str] = []
        dateline = _is_dateline(article, text, span)
        called = None if dateline else _called_for_day(span, base)
        future_ctx = not dateline and (_is_future_context(span) or (called is not None and called[1]))
        count = _count_before(span) if "as many" in span.text.lower() else None
        res = resolve_expression(span.text, base, future=future_ctx, count_before=count)
        reported = _REPORTED_BEFORE.search(text[max(0, span.start_char - 25) : span.start_char])
        hedged = _HEDGE_AFTER.match(text[span.end_char : span.end_char + 20])
        if res.start is not None and res.precision == 1 and (reported or hedged):
            res = replace(res, precision=2)
            notes.append("report date or hedged")
        if dateline:
            notes.append("dateline")
        m = _mention(text, span, res, base, future_ctx, _inside_quote(text, span.start_char), notes)
        if dateline:
            m = m.model_copy(update={"note": "dateline", "relation": "present" if m.date_start == base else m.relation})
        if called is not None:
            # (the day is the called-for act's, not the call's: it dates neither the call nor any other act)
            act = called[0]
            m = m.model_copy(update={"governor": _span_of(text, act.idx, act.idx + len(act.text)),  # type: ignore[attr-defined]
                                     "note": _join(m.note, CALLED_FOR_NOTE)})
        prefix, words = _split_prefix(_norm(span.text))
        day_apart = (prefix is None and _DAY_APART.match(words)
                     and _CUES.regex("DAY_APART_COMPLEMENT").match(text[span.end_char : span.end_char + 20]))
        if _COUNTED_APART.match(words) or day_apart:
            # ("for three days after the election" is how long, from a day the words do not give)
            if prefix is None:
                apart.append((len(mentions), span, m, future_ctx))
            m = _the_counted_act(text, span, m)
        elif getattr(span, "label_", "") == "ANAPHOR" or _ANAPHOR_RE.match(_norm(span.text)):
            m = _resolve_anaphor(text, span, m, mentions, future_ctx)
        mentions.append(m)
    for i, span, told, future_ctx in apart:
        in_sentence = [d for d in mentions if span.sent.start_char <= d.span.start < span.sent.end_char]
        mentions[i] = _count_from_its_sentence(mentions[i], in_sentence, base)
        if mentions[i].date_start is None:
            # ("Two days after the attack, protesters marched": with no day in its sentence, the count runs from the
            # day told before, as "two days later" does, and dates the sentence's act)
            mentions[i] = _resolve_anaphor(text, span, told, mentions[:i], future_ctx)
    mentions = _nights(text, _joined_ranges(text, mentions))
    return sorted(mentions + _time_headers(text, base), key=lambda d: d.span.start)


TIME_HEADER_NOTE = "a live page's time header"


def _time_headers(text: str, base: dt.date | None) -> list[DateMention]:
    """The time headers of a live page's entries ("14:32 GMT —", "10.45am:", "BREAKING:"), each the report's own
    day at precision 1: a live page tells its entries as they happen. They belong to no clause, so a day told in
    the entry's own words comes first (`date_for_event`)."""
    if base is None:
        return []
    return [DateMention(span=_span_of(text, m.start(), m.end()), kind="relative", date_start=base, date_end=base,
                        time_precision=1, relation="present", event_date=base, note=TIME_HEADER_NOTE)
            for m in _CUES.regex("TIME_HEADER").finditer(text)]


def _header(d: DateMention) -> bool:
    return d.note == TIME_HEADER_NOTE


_RANGE_OPENER = re.compile(r"^(?:between|from)\s", re.IGNORECASE)
_RANGE_JOINT = re.compile(r"^\s*(?:and|to|until|till|through|-|–)\s*$")


def _joined_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"between Friday and Sunday", "from Monday to Wednesday": the two days the parser finds apart are one span
    of days (precision 2 within a week), as "3-5 March" already is."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == m.kind == "weekday" and _RANGE_OPENER.match(prev.span.text)
                and _RANGE_JOINT.match(text[prev.span.end : m.span.start]) and prev.date_start and m.date_end):
            start, end = prev.date_start, m.date_end
            if start > end:
                start -= dt.timedelta(days=7)  # "between Friday and Monday" said on a Tuesday: last Friday
            out[-1] = prev.model_copy(update={
                "span": _span_of(text, prev.span.start, m.span.end), "kind": "range", "date_start": start,
                "date_end": end, "event_date": coded_day(start, end), "time_precision": precision_for(start, end),
                "clause": _span_of(text, prev.clause.start, max(prev.clause.end, m.span.end)),
            })
            continue
        out.append(m)
    return out


def _one_day(m: DateMention) -> bool:
    return m.date_start is not None and m.date_start == m.date_end and m.kind in ("weekday", "absolute", "relative")


def _bare_overnight(m: DateMention) -> bool:
    return _norm(m.span.text) == "overnight" and m.date_start is not None


def _a_night(text: str, first: DateMention, last: DateMention, day: dt.date) -> DateMention:
    """One night told in words from `first` to `last`, coded on its first day (the codebook's night, as
    "overnight" and "last night" are): one day known, precision 1, the next day kept as the range's end."""
    clauses = [c for c in (first.clause, last.clause) if c is not None]
    clause = _span_of(text, min(c.start for c in clauses), max(c.end for c in clauses)) if clauses else None
    return last.model_copy(update={
        "span": _span_of(text, first.span.start, last.span.end), "kind": "range", "date_start": day,
        "date_end": day + ONE_DAY, "event_date": day,
        # (a two-day range is precision 2 by its length alone; as a night it is one day)
        "time_precision": max(1 if x.kind == "range" else x.time_precision for x in (first, last)),
        "governor": first.governor or last.governor, "clause": clause,
        "note": _join(last.note, "a night, coded on its first day"),
    })


def _same_weekday(d: dt.date, other: dt.date | None) -> bool:
    return other is not None and d.weekday() == other.weekday()


def _night_joined(text: str, prev: DateMention, m: DateMention) -> DateMention | None:
    """The night that `prev` and the expression after it tell together, or None: "overnight into Tuesday" (the
    night that runs into Tuesday), "overnight Saturday" (Saturday's night), "Sunday night into Monday", "on the
    night of Monday to Tuesday" (the finder gives the two days apart), "overnight from Monday to Tuesday"."""
    joint = text[prev.span.end : m.span.start]
    if "\n" in joint or m.date_start is None or prev.date_start is None:
        return None
    if _bare_overnight(prev) and _one_day(m):
        if _CUES.regex("NIGHT_INTO").match(joint):
            return _a_night(text, prev, m, m.date_start - ONE_DAY)
        if _CUES.regex("NIGHT_OF").match(joint):
            return _a_night(text, prev, m, m.date_start)
    if _bare_overnight(prev) and _night_range(text, m) and _CUES.regex("NIGHT_OF").match(joint):
        return _a_night(text, prev, m, m.date_start)
    night_of_prev = _CUES.regex("NIGHT_WORD").search(_norm(prev.span.text)) or "a night" in (prev.note or "")
    if (night_of_prev and prev.event_date is not None and _one_day(m) and _CUES.regex("NIGHT_INTO").match(joint)
            and _same_weekday(prev.event_date + ONE_DAY, m.date_start)):
        return _a_night(text, prev, m, prev.event_date)  # "Sunday night into Monday": Sunday's night
    before = text[max(0, prev.span.start - 40) : prev.span.start]
    if (_one_day(prev) and _one_day(m) and _CUES.regex("NIGHT_BEFORE").search(before)
            and _CUES.regex("NIGHT_JOINT").match(joint) and _same_weekday(prev.date_start + ONE_DAY, m.date_start)):
        # the night of a past report ends on the later day as read back from the report; of plans, starts on the first
        day = prev.date_start if m.relation == "future" else m.date_start - ONE_DAY
        return _a_night(text, prev, m, day)
    return None


def _night_range(text: str, m: DateMention) -> bool:
    """A span of two days told as a night: "on the night of 12 to 13 March", "in the night from Saturday to
    Sunday"."""
    if m.kind != "range" or m.date_start is None or m.date_end is None or (m.date_end - m.date_start).days != 1:
        return False
    return bool(_CUES.regex("NIGHT_BEFORE").search(text[max(0, m.span.start - 40) : m.span.start]))


def _nights(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """A night runs over two calendar days and is one event day, its first: the words that name it with a day
    ("overnight into Tuesday", "on the night of 12 to 13 March") are one expression of that day, precision 1.
    Read apart, "overnight" would count from the report's day and "Tuesday" would be a day of its own."""
    out: list[DateMention] = []
    for m in mentions:
        if _night_range(text, m) and m.date_start is not None:
            m = _a_night(text, m, m, m.date_start)
        joined = _night_joined(text, out[-1], m) if out else None
        if joined is not None:
            out[-1] = joined
            continue
        out.append(m)
    return out


# ---------------------------------------------------------------------------------------------------------
# The date that governs an event
# ---------------------------------------------------------------------------------------------------------


def _closest(cands: list[DateMention], trigger: Span) -> DateMention | None:
    before = [d for d in cands if d.span.start <= trigger.start]
    if before:
        return max(before, key=lambda d: d.span.start)
    after = [d for d in cands if d.span.start > trigger.start]
    return min(after, key=lambda d: d.span.start) if after else None


def date_for_event(
    dates: list[DateMention],
    trigger: Span,
    sentence: Span,
    paragraph: Span,
    article: Article,
    *,
    discovery_precision: bool = True,
) -> DateMention | None:
    """The date expression that governs an event, or None when the text gives none (the caller then uses the
    article date with time_precision 3 and a `date_defaulted` flag).

    Order: the trigger's own clause (the innermost clause, from the parse, that holds both), then the same
    sentence, then an earlier sentence of the same paragraph; the closest preceding expression wins at each
    level. A date taken from an earlier sentence is an anchor: when the event's sentence sequences itself
    after it ("following", "after", "since", "later"), the event happened on or after that day, so its range
    runs to the report date and its precision is at least 2. A body "found" on a day dates the discovery, not
    the killing: precision at least 2 (set `discovery_precision=False` to skip).
    """
    cands = [
        d for d in dates
        if d.date_start is not None and d.note != "dateline" and paragraph.start <= d.span.start < paragraph.end
    ]  # fmt: skip
    in_sentence = [d for d in cands if sentence.start <= d.span.start < sentence.end]
    if any(not _header(d) for d in in_sentence):
        in_sentence = [d for d in in_sentence if not _header(d)]  # the entry's own words date it before its header
    # ("Experts arrived on Friday to investigate an attack which killed 11": Friday is the follow-up's day)
    in_sentence = [d for d in in_sentence if not _follows_up(d, trigger, article.text)]
    # ("The opposition has called for a shutdown on Monday after police shot two students": Monday is the shutdown's)
    in_sentence = [d for d in in_sentence if not _called_for_elsewhere(d, trigger)]
    in_clause = [
        d for d in in_sentence if d.clause is not None and d.clause.start <= trigger.start and trigger.end <= d.clause.end
    ]  # fmt: skip
    # ACLED dates the event, not its report: "Amnesty urged today …  five deaths in as many days" — a date on
    # the reporting verb yields to any other date of the sentence, and alone only bounds the event (≤ 2).
    reports = [d for d in in_sentence if _dates_the_report(d, trigger, article.text)]
    # (a period "since 2017" in a clause of its own is no other date: "arrested … in Bamenda, a city under curfew
    # since 2017, police said on Wednesday" is bounded by Wednesday, not coded in the middle of seven years)
    if reports and any(d not in reports and not _since_clause_apart(d, trigger) for d in in_sentence):
        in_sentence = [d for d in in_sentence if d not in reports]
        in_clause = [d for d in in_clause if d not in reports]
    chosen: DateMention | None = None
    if in_clause:
        innermost = min(d.clause.end - d.clause.start for d in in_clause)  # type: ignore[union-attr]
        chosen = _closest([d for d in in_clause if d.clause.end - d.clause.start == innermost], trigger)  # type: ignore[union-attr]
    if chosen is None:
        # (a date inside a "since …" clause that does not hold the trigger dates what the event is measured from:
        # "the first attack since the deal was signed in 2015" happened now, not in 2015)
        # (nor does a date in a relative clause on a noun: "In Karbala, where 40 pilgrims were killed in 2019,
        # protesters marched" tells of Karbala's past, not of the march)
        chosen = _closest([d for d in in_sentence if not _since_clause_apart(d, trigger)
                           and not _relative_clause_apart(d, trigger, article.text)], trigger)
    chosen = _latest_of_a_series(in_sentence, chosen, article.text) or chosen
    chosen = _first_day_of_an_ongoing_act(chosen, trigger, article.text) or chosen
    chosen = _the_act_a_discovery_counts_back_to(in_sentence, chosen, sentence) or chosen
    if chosen is not None and chosen.kind == "relative" and chosen not in reports:
        chosen = _from_the_report_day(chosen, reports or _same_tellers_day(dates, sentence, article.text), article)
    if chosen is not None and chosen.time_precision < 2 and _court_day(chosen, trigger, article.text):
        chosen = chosen.model_copy(update={"time_precision": 2, "note": _join(chosen.note, "a court day: on or before it")})
    if chosen is None or chosen in reports:
        # ("Gunmen killed five farmers, police said on Tuesday. The attack took place on Sunday night.": the day of
        # telling only bounds the act; the retelling gives its own day)
        chosen = _day_of_the_retelling(dates, sentence, article.text, chosen) or chosen
    # (a sentence that goes back to an incident told before, "The attackers killed nine villagers, police said on
    # Monday", is dated by the day told of that incident; its teller's day only bounds it)
    bound = chosen if chosen in reports and _CUES.regex("RETOLD_SUBJECT").match(sentence.text) else None
    if chosen is not None and chosen in reports and chosen.time_precision < 2:
        chosen = chosen.model_copy(update={"time_precision": 2, "note": _join(chosen.note, "date of the report")})
    if chosen is None or bound is not None:
        chosen = _day_told_before(dates, cands, reports, trigger, sentence, paragraph, article, bound) or chosen
    # (the act counted back from the day of a discovery is not the discovery: "found on Friday, three days after
    # they were abducted" knows the abduction's day)
    if (chosen is not None and discovery_precision and _DISCOVERY.search(sentence.text) and chosen.time_precision < 2
            and not (chosen.note or "").startswith(_COUNTED_APART_NOTE)):
        chosen = chosen.model_copy(update={"time_precision": 2, "note": _join(chosen.note, "discovery date")})
    return chosen


def _day_told_before(dates: list[DateMention], cands: list[DateMention], reports: list[DateMention], trigger: Span,
                     sentence: Span, paragraph: Span, article: Article, bound: DateMention | None) -> DateMention | None:
    """The day told before a sentence that gives none of its act's own: an earlier sentence's of the paragraph, else
    the live page entry's header, else, for a paragraph with no day, the paragraphs' before it. With a `bound` (the
    day its teller spoke), only an act's day on or before it."""
    text = article.text
    # (a period "since 2012" in an earlier sentence is how long something has lasted, not the day of this one)
    # (nor is a year of background the story's clock: "The town saw deadly clashes in 2016. Police later
    # fired tear gas …" goes on from the story's day, not from 2016)
    # (nor does a follow-up's day date the incident a later sentence tells as what is followed up: "The UN
    # condemned the shelling on Tuesday. Investigators travelled to the town to investigate an attack which
    # killed 14")
    followed_up = _told_as_followed_up(trigger, sentence, text)
    # (nor a day still to come: "The union plans to march on Friday. Police fired tear gas at teachers." is no march
    # of Friday's, and no future act)
    earlier = [d for d in cands if d.span.end <= sentence.start and "since" not in (d.note or "").split("; ")
               and d.relation not in ("history", "future") and not (followed_up and _dates_a_follow_up(d, text))
               and CALLED_FOR_NOTE not in (d.note or "")]
    if earlier:
        before = _earlier_sentences_day(earlier, trigger, sentence, article)
        return before if _within(before, bound) else None
    if bound is None and (header := _entry_header(dates, sentence)) is not None:
        return header
    if any(paragraph.start <= d.span.start < paragraph.end for d in cands if bound is None or d not in reports):
        return None
    before = _previous_paragraphs_day([d for d in dates if not (followed_up and _dates_a_follow_up(d, text))],
                                      paragraph, article)
    return before if before is not None and _within(before, bound) else None


def _within(before: DateMention, bound: DateMention | None) -> bool:
    """An act's day told before, on or before the day the teller spoke (any such day, without one)."""
    if bound is None:
        return True
    return (before.date_end is not None and bound.date_start is not None and before.date_end <= bound.date_start
            and "date of a report" not in (before.note or ""))


def _earlier_sentences_day(earlier: list[DateMention], trigger: Span, sentence: Span, article: Article) -> DateMention:
    """The day an earlier sentence gives the act of a sentence with none: the last sentence before it that tells a
    day, and of its days the act's before its teller's ("Gunmen killed seven villagers on Monday, police said on
    Wednesday. The attackers also burned dozens of houses.": Monday). A word relative to the day of telling in that
    sentence counts from it, as it does for that sentence's own act ("The air force said on Wednesday that Russia
    launched drones overnight. Debris hit a house …": Tuesday night). The teller's day alone bounds the act
    (precision 2): it is when the source spoke, not when the act happened."""
    text = article.text
    latest = max(earlier, key=lambda d: d.span.start)
    told_start = latest.span.start - len(_sentence_before(text, latest.span.start, reach=PARAGRAPH_REACH))
    in_told = [d for d in earlier if d.span.start >= told_start]
    reports = [d for d in in_told if _dates_the_report(d, trigger, text)]
    acts = [d for d in in_told if d not in reports]
    # (of the acts' days, the main act's before one counted back to an earlier act: "Soldiers killed four militants
    # on Wednesday, two days after an attack on a checkpoint. The army also arrested ten suspects.": Wednesday)
    chosen = max([d for d in acts if not _counted_back(d)] or acts or [latest], key=lambda d: d.span.start)
    told = _REPORTING_BEFORE.search(_sentence_before(text, chosen.span.start))
    if chosen.kind == "relative" and chosen not in reports:
        chosen = _from_the_report_day(chosen, reports, article)
    chosen = _as_anchor(chosen, sentence, article)
    if told and chosen.time_precision < 2:
        # the day a source spoke in an earlier sentence bounds this act, it is not its day
        chosen = chosen.model_copy(update={"time_precision": 2, "note": _join(chosen.note, "date of a report")})
    elif chosen.time_precision < 2 and _of_a_non_event_act(chosen, text):
        # ("A court ruled on Monday that the strike was illegal. Hundreds of workers marched …": the march is another
        # act, on or near the ruling's day, not known to be on it)
        chosen = chosen.model_copy(update={"time_precision": 2, "note": _join(chosen.note, NON_EVENT_ACT_NOTE)})
    return chosen


NON_EVENT_ACT_NOTE = "the day of a non-event act told before"


def _of_a_non_event_act(d: DateMention, text: str) -> bool:
    """The day is that of an act that is no event (a ruling, a meeting, a vote, a decision, a statement): "A court
    ruled on Monday that …", "The president met union leaders on Monday", "At a meeting on Monday, …"."""
    gov = d.governor
    if gov is not None and _CUES.regex("NON_EVENT_ACT_VERB").match(gov.text):
        return True
    return bool(_CUES.regex("NON_EVENT_ACT_BEFORE_DAY").search(_sentence_before(text, d.span.start)))


_REPORTING_VERBS = re.compile(
    r"(?i)^(?:say|says|said|tell|tells|told|report|reports|reported|announce[sd]?|urge[sd]?|state[sd]?|add|adds|"
    r"added|claim(?:s|ed)?|confirm(?:s|ed)?|warn(?:s|ed)?|quote[sd]?|cite[sd]?|write|writes|wrote)$"
)


# A line break right after a sentence's end: where a paragraph ends in text whose paragraphs are single lines.
_PARAGRAPH_BREAK = re.compile(r"[.!?:][\"”’')\]]*[ \t]*\n")


def line_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of a run of lines, the same whether the text parts paragraphs by a blank line or by a single
    line break: a line break after a sentence's end closes a paragraph too (one inside a sentence is a wrapped
    line). Without this, a story typed one paragraph a line was one long paragraph, where a day carried from
    sentence to sentence at precision 1 and a source's day of telling dated the next line's act. The events module
    parts its paragraphs with it, and `date_for_event` dates within the paragraph it is given."""
    out: list[tuple[int, int]] = []
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        out.append((start, m.end() - 1))
        start = m.end()
    if start < end:
        out.append((start, end))
    return out


def _day_of_the_retelling(dates: list[DateMention], sentence: Span, text: str,
                          told: DateMention | None = None) -> DateMention | None:
    """The day the next sentence gives the incident when it goes back to it to say when it happened ("Gunmen
    killed a chief near Beni. The attack took place on Tuesday night."): news often tells the act first and its
    day after, in wire copy in a paragraph of its own. Only the sentence right after, and only a day its words say
    the incident happened on (cue RETOLD_DAY), not the day a source spoke. When the lead gives the day its teller
    spoke (`told`), a next sentence that goes back to the incident by its doers or the act (cue RETOLD_SUBJECT:
    "…, security sources said on Wednesday. The blast hit their patrol late on Tuesday.") gives its day too, if that
    day is on or before the telling."""
    cue = _CUES.regex("RETOLD_DAY")
    after = [d for d in dates if d.date_start is not None and d.note != "dateline" and d.span.start >= sentence.end
             and d.relation in ("past", "present")]
    for d in sorted(after, key=lambda d: d.span.start):
        between = text[sentence.end : d.span.start]
        if _SENTENCE_END.search(between.strip()):
            return None  # past the next sentence
        if cue.match(between) or (told is not None and _retold_before_telling(d, told, between, text)):
            return d.model_copy(update={"note": _join(d.note, "the day the next sentence gives the incident")})
    return None


def _retold_before_telling(d: DateMention, told: DateMention, between: str, text: str) -> bool:
    """The next sentence opens with the incident's doers or act and dates it on or before the day `told` of it, in
    its own words, not a source's, and tells no other act of theirs (RETOLD_OTHER_ACT)."""
    return (_one_day(d) and told.date_start is not None and d.date_end is not None and d.date_end <= told.date_start
            and bool(_CUES.regex("RETOLD_SUBJECT").match(between)) and not _CUES.regex("RETOLD_OTHER_ACT").search(between)
            and not _REPORTING_BEFORE.search(_sentence_before(text, d.span.start)))


def _counted_back(d: DateMention) -> bool:
    """The day was counted back (or on) from its sentence's to another act's ("two days after an attack …")."""
    return (d.note or "").startswith(_COUNTED_APART_NOTE)


def _latest_of_a_series(in_sentence: list[DateMention], chosen: DateMention | None, text: str) -> DateMention | None:
    """The day of a series' newest act, when the sentence dates the series by a period and names that day ("Rebels
    have shelled Kidal since January, most recently on Tuesday"): ACLED codes the act the report tells, not the
    months it caps. Read as the series, the event was coded in the middle of the period or vetoed as history."""
    if chosen is None or _one_day(chosen):
        return None
    cue = _CUES.regex("LATEST_INSTANCE")
    latest = next((d for d in in_sentence if _one_day(d) and cue.search(_sentence_before(text, d.span.start))), None)
    return None if latest is None else latest.model_copy(update={"note": _join(latest.note, "the newest act of a series")})


def _first_day_of_an_ongoing_act(chosen: DateMention | None, trigger: Span, text: str) -> DateMention | None:
    """The day an ongoing act began, when the sentence tells it by the day it has run since ("Miners have been on
    strike since last Thursday", "Nurses have staged a sit-in since Monday"): the codebook codes a protest that
    goes on at the day it began when the report gives it, not in the middle of the days up to the report."""
    if chosen is None or _SINCE_A_DAY not in (chosen.note or "").split("; ") or chosen.date_start is None:
        return None
    if not (trigger.start < chosen.span.start and _CUES.regex("ONGOING_ACT").search(text[trigger.start : chosen.span.start])):
        return None
    day = chosen.date_start
    return chosen.model_copy(update={"date_end": day, "event_date": day, "time_precision": 1,
                                     "note": _join(chosen.note, "the first day of an ongoing act")})


def _the_act_a_discovery_counts_back_to(in_sentence: list[DateMention], chosen: DateMention | None,
                                        sentence: Span) -> DateMention | None:
    """"The bodies were found on Friday, three days after they were abducted": the incident a discovery tells is the
    act it counts back to, on the day counted (Tuesday), not the day of the finding."""
    if chosen is None or not _DISCOVERY.search(sentence.text):
        return None
    return next((d for d in in_sentence if d.note == f"{_COUNTED_APART_NOTE} {chosen.span.text!r}"), None)


def _follows_up(d: DateMention, trigger: Span, text: str) -> bool:
    """The day is a follow-up's (an investigation, a visit, a condemnation, a burial) and the trigger lies in what
    it follows up: "Experts arrived on Friday to investigate an attack on the town which killed 11 people", "The UN
    condemned on Friday the ambush that killed eight soldiers". The incident came before and is not dated by it."""
    gov = d.governor
    if gov is None or gov.overlaps(trigger) or trigger.start < max(gov.end, d.span.end):
        return False
    if _CUES.regex("FOLLOW_UP_VERB").match(gov.text):
        followed = gov.end
    elif purpose := _CUES.regex("FOLLOW_UP_PURPOSE").match(text[d.span.end : trigger.start]):
        followed = d.span.end + purpose.end()
    else:
        return False
    return bool(_CUES.regex("FOLLOW_UP_OBJECT").match(text[followed : trigger.start]))


def _called_for_elsewhere(d: DateMention, trigger: Span) -> bool:
    """The day is a called-for act's and the trigger is not that act: the call, or another act of the sentence."""
    return CALLED_FOR_NOTE in (d.note or "") and not (d.governor is not None and d.governor.overlaps(trigger))


def _dates_a_follow_up(d: DateMention, text: str) -> bool:
    """The day is that of a follow-up ("condemned the attack on Tuesday", "arrived on Friday to investigate")."""
    gov = d.governor
    return ((gov is not None and bool(_CUES.regex("FOLLOW_UP_VERB").match(gov.text)))
            or bool(_CUES.regex("FOLLOW_UP_PURPOSE").match(text[d.span.end : d.span.end + 80])))


def _told_as_followed_up(trigger: Span, sentence: Span, text: str) -> bool:
    """The trigger lies in what a follow-up of its own sentence follows up ("Investigators were travelling to the town
    to investigate an attack on a market which killed 14 civilians"): the incident came before that follow-up."""
    start = max(sentence.start, trigger.start - 200)
    for word in re.finditer(r"[\w'-]+", text[start : trigger.start]):
        if (_CUES.regex("FOLLOW_UP_VERB").match(word.group())
                and _CUES.regex("FOLLOW_UP_OBJECT").match(text[start + word.end() : trigger.start])):
            return True
    return False


def _court_day(d: DateMention, trigger: Span, text: str) -> bool:
    """The day dates a hearing of the courts, not the act: "Two men arrested over the killing were arraigned on
    Wednesday", "The suspects, arrested last week, appeared in court on Monday". The act came before the hearing,
    so the day only bounds it; not when the act and the hearing are one ("were arrested and charged on Monday")."""
    gov = d.governor
    if gov is None or gov.overlaps(trigger) or not _CUES.regex("COURT_GOVERNOR").match(gov.text):
        return False
    if gov.text.lower().startswith(("appear", "brought", "produced")):
        after = text[gov.end : max(gov.end, d.span.start) + 40]
        if not _CUES.regex("COURT_PLACE").search(after):
            return False
    return not (trigger.end <= gov.start and _CUES.regex("COURT_SAME_ACT").match(text[trigger.end : gov.start]))


def _relative_clause_apart(d: DateMention, trigger: Span, text: str = "") -> bool:
    """The date sits in a relative clause ("where …", "which …", "who …") that does not hold the trigger, nor tells
    of the trigger's own act ("continued their strike, which entered its fifth day on Monday", "the rally by
    farmers, which took place on Friday": the clause's day is the act's). Only a trigger that is the act's noun alone:
    "Police broke up the sit-in, which began on Tuesday" tells the sit-in's first day, not its dispersal's."""
    clause = d.clause
    return (clause is not None and not (clause.start <= trigger.start and trigger.end <= clause.end)
            and bool(_CUES.regex("RELATIVE_OPENER").match(clause.text))
            and not (text and trigger.end <= clause.start and " " not in trigger.text.strip()
                     and _CUES.regex("RELATIVE_ON_THE_ACT").match(text[trigger.end : clause.end])))


def _since_clause_apart(d: DateMention, trigger: Span) -> bool:
    """The date sits in a clause that does not hold the trigger and either opens with "since" or "until" or
    measures a period from the date ("a town they have held since 2012", "where the group has operated since
    the 1990s")."""
    clause = d.clause
    return (clause is not None and not (clause.start <= trigger.start and trigger.end <= clause.end)
            and (clause.text.lower().startswith(("since ", "until ")) or "since" in (d.note or "").split("; ")))


def _dates_the_report(d: DateMention, trigger: Span, text: str = "") -> bool:
    """The expression modifies a reporting verb ("said on Tuesday", "urged today") that is not the trigger, or
    stands right after one or after a statement's publishing ("said on Wednesday it had arrested …", where the
    parse hangs the day on the reported verb; "in a statement issued on Wednesday", "a report published Tuesday")."""
    before = _sentence_before(text, d.span.start)
    window = d.span.start - len(before)
    if text and (told := _REPORT_DAY_BEFORE.search(before)) is not None:
        # (unless the telling is the event itself: a statement keeps its own day)
        return not (trigger.start < window + told.end() and window + told.start() < trigger.end)
    return d.governor is not None and bool(_REPORTING_VERBS.match(d.governor.text)) and not d.governor.overlaps(trigger)


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z0-9]|$)|\n")


def _sentence_before(text: str, start: int, reach: int = 60) -> str:
    """Up to `reach` characters before `start`, from the start of their sentence: "… told Reuters. On Sunday,
    gunmen …" has no reporting verb before "On Sunday" (the credit closes the sentence before it)."""
    window = text[max(0, start - reach) : start]
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


# Words right before a date that make it the day of the telling: a reporting verb, or a statement's publishing,
# with where it was published ("said on", "told AFP on", "in a statement issued on", "posted on Telegram on").
_REPORT_DAY_BEFORE = re.compile(
    r"\b(?:said|says|told(?: [\w.'-]+){1,4}|reported|announced|published|released|issued|posted|read|broadcast|"
    r"aired|stated|confirmed)(?:" + _CUES.pattern("REPORT_MEDIUM") + r")?"
    r"(?:\s+(?:on|to|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[a-z]+)?|\s+online)?"
    r"\s+(?:on\s+|late\s+|early\s+|late\s+on\s+|early\s+on\s+)?$")


def _from_the_report_day(chosen: DateMention, reports: list[DateMention], article: Article) -> DateMention:
    """"Gunmen killed five farmers overnight, police said on Tuesday": a word relative to the day of telling
    ("overnight", "yesterday", "last night") counts from the report's own day when the sentence dates the report
    before publication, not from the publication date."""
    told = [r for r in reports if r.date_start is not None and r.date_start == r.date_end]
    base = story_day(article)
    if len(told) != 1 or base is None or told[0].date_start is None or told[0].date_start >= base:
        return chosen
    shift = told[0].date_start - base
    moved = {k: (v + shift if v is not None else None)
             for k, v in (("date_start", chosen.date_start), ("date_end", chosen.date_end), ("event_date", chosen.event_date))}
    return chosen.model_copy(update={**moved, "note": _join(chosen.note, f"counted from the report's day, {told[0].span.text!r}")})


def _teller(text: str) -> str | None:
    """The word that names who tells a sentence (`TELLER_BEFORE_VERB`, `TELLER_AFTER_VERB`), lower-cased."""
    found = [*_CUES.regex("TELLER_BEFORE_VERB").finditer(text), *_CUES.regex("TELLER_AFTER_VERB").finditer(text)]
    return max(found, key=lambda m: m.start()).group(1).lower() if found else None


def _same_tellers_day(dates: list[DateMention], sentence: Span, text: str) -> list[DateMention]:
    """The day of telling of the sentence just before in the paragraph, when the same teller tells this one ("…, the
    ministry said on Saturday. The strikes hit targets overnight, the ministry said."): its "overnight" is the night
    before that day. Another teller ("a local official said") speaks from the report's day."""
    before = text[max(0, sentence.start - 400) : sentence.start]
    stripped = before.rstrip()
    if not stripped or "\n" in before[len(stripped) :]:
        return []  # (the sentence opens a paragraph)
    ends = list(_SENTENCE_END.finditer(stripped[:-1]))
    offset = sentence.start - len(before)
    start, end = offset + (ends[-1].end() if ends else 0), offset + len(stripped)
    told = [d for d in dates if start <= d.span.start < end and _one_day(d)
            and _REPORT_DAY_BEFORE.search(_sentence_before(text, d.span.start))]
    if len(told) != 1:
        return []
    teller = _teller(text[start : told[0].span.start])
    return told if teller is not None and teller == _teller(text[sentence.start : sentence.end]) else []


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


PARAGRAPH_REACH = 600  # characters back from a paragraph with no date: one or two short wire paragraphs
RECENT_DAYS = 14  # a day this close before publication is the story's day, not background


# The day a source spoke or published ("police said on Thursday", "told AFP on Thursday", "in a report published
# Thursday"): when it was told, not a day of the story that the next paragraph goes on with.
_REPORTING_BEFORE = re.compile(r"\b(?:said|says|told(?: [\w.'-]+){1,4}|reported|added|announced|published|released|"
                               r"issued|stated|confirmed)(?:" + _CUES.pattern("REPORT_MEDIUM") + r")?"
                               r"\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)


def _previous_paragraphs_day(dates: list[DateMention], paragraph: Span, article: Article) -> DateMention | None:
    """A paragraph with no date of its own goes on with the story's day: the last single recent day told in the
    paragraphs just before it ("… were killed on Tuesday. ¶ In Rangpur, police fired live rounds …"). Only a day
    within two weeks before publication counts, and the event takes it as the day it is on or near (precision
    2): wire copy gives each sentence its own paragraph, and a later paragraph can tell another day's act. A
    report with no publication date is measured against the latest day it tells, the closest it gives to a "now".
    A day told inside a quotation ("\"On Wednesday, crowds stormed the parliament,\" the Reuters report adds.") is
    the quoted speaker's or outlet's story, not the report's: the next paragraph's act does not go on with it."""
    base = story_day(article) or _latest_day_told(dates)
    if base is None:
        return None
    before = [d for d in dates if d.date_start is not None and d.note != "dateline" and d.time_precision == 1
              and d.span.end <= paragraph.start and paragraph.start - d.span.start <= PARAGRAPH_REACH
              and d.date_start == d.date_end and 0 <= (base - d.date_start).days <= RECENT_DAYS
              and "since" not in (d.note or "").split("; ") and not d.in_quote and not _counted_back(d)
              and CALLED_FOR_NOTE not in (d.note or "")
              and not _REPORTING_BEFORE.search(_sentence_before(article.text, d.span.start))]
    if not before:
        return None
    day = max(before, key=lambda d: d.span.start)
    return day.model_copy(update={"time_precision": 2, "note": _join(day.note, "from an earlier paragraph")})


def _entry_header(dates: list[DateMention], sentence: Span) -> DateMention | None:
    """The time header of the live page's entry the sentence stands in: the last one before it, whose lines run to
    the next header ("Update, 3pm:" on a line of its own, then the entry)."""
    # (the sentence splitter may cut a header, "14:32 | GMT — Rockets hit …": it starts before the sentence)
    before = [d for d in dates if _header(d) and d.span.start <= sentence.start]
    if not before:
        return None
    header = max(before, key=lambda d: d.span.start)
    return header.model_copy(update={"note": _join(header.note, "the entry's header")})


def _latest_day_told(dates: list[DateMention]) -> dt.date | None:
    return max((d.date_end for d in dates if d.date_end is not None and d.date_start == d.date_end
                and d.time_precision == 1 and d.note != "dateline"), default=None)


def _as_anchor(anchor: DateMention, sentence: Span, article: Article) -> DateMention:
    # Sequencing anywhere between the anchor and the event's sentence moves the story past the anchor's day:
    # "On Wednesday X. Following X, crowds stormed Y. They also chanted Z." — both events are on or after it.
    between = article.text[anchor.span.end : sentence.end]
    if not _SEQUENCE_WORDS.search(between) or anchor.date_start is None:
        return anchor.model_copy(update={"note": _join(anchor.note, "from an earlier sentence")})
    base = story_day(article)
    start = anchor.date_start
    end = max(anchor.date_end or start, base) if base and base >= start else anchor.date_end or start
    return anchor.model_copy(
        update={
            "date_end": end,
            "event_date": coded_day(start, end),
            "time_precision": max(2, precision_for(start, end), anchor.time_precision),
            "note": _join(anchor.note, "on or after an earlier sentence's date"),
        }
    )
