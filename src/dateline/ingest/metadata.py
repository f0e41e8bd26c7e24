"""Metadata from the cleaned text: title, subtitle, byline, dateline, and the ranked publication-date signals.

Everything here reads the CLEANED text and returns spans into it, so each field can carry its evidence.
The rules are layout conventions of news copy, not facts about any one article:
- the title is the first line when it is short and does not read as a sentence of the body; the subtitle is a
  second such line;
- a byline line names who reports: "Reporting by X", "By X"; an organisation there is the publisher, a person
  the author; a wire tag "(Reuters)" in the dateline names the publisher when nothing else does;
- a dateline opens the body: "PLACE, DATE —", "PLACE, DATE (WIRE) -", "PLACE (WIRE) -", "PLACE —";
- the publication date is ranked over every signal: the user's override, a corpus record's field, HTML metadata,
  the dateline, the URL, then the text itself. Signals that disagree by more than a day are a conflict, reported
  on the article, never resolved silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateline.model import DateSignal, Span

SOURCE_RANK: dict[str, int] = {"override": 0, "record": 1, "html_meta": 2, "dateline": 3, "url": 4, "text": 5}
CONFLICT_DAYS = 1

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
# A calendar date as datelines and "Published:" lines write it, with or without the year.
DATE = (
    rf"(?:{WEEKDAY},?\s+)?"
    rf"(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})))"
)
_DATE_RE = re.compile(rf"\b{DATE}\b")

_NAME_WORD = r"[A-Z][^\W\d_]*\.?"
_PLACE = rf"{_NAME_WORD}(?:[ '’\-]{_NAME_WORD}){{0,3}}"
_WIRE = r"\((?P<wire>[A-Z][A-Za-z.&/' \-]{1,30}?|dpa)\)"
_DASH = r"(?:\s*[-–—]+\s*|\s*:\s+)"
_CAPS_WORD = r"[A-Z][A-Z.'’\-]+"
_CAPS_PLACE = rf"{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}}"


def _dateline_patterns(place: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"PLACE, DATE (WIRE) —" and "PLACE (WIRE) —", where PLACE may add a state: "KANSAS CITY, Mo.,"."""
    # ", Mo.", ", Afghanistan", ", Democratic Republic of Congo", ", Bosnia and Herzegovina"
    region = rf"(?:,\s+(?!(?:{MONTH}|{WEEKDAY})(?![^\W\d_])){_NAME_WORD}(?:(?: (?:of|and|the))? {_NAME_WORD}){{0,3}})?"
    # "By JOHN SMITH (AP) —" is a byline and "Friday, November 1, 2019 —" a date, neither a place.
    place = rf"(?!By\s)(?!(?:{WEEKDAY}|{MONTH})(?![^\W\d_])){place}"
    dated = re.compile(rf"(?P<place>{place}{region}),\s+(?P<date>{DATE})\s*(?:{_WIRE})?{_DASH}(?=\S)")
    wired = re.compile(rf"(?P<place>{place}{region})\s+{_WIRE}{_DASH}(?=\S)")
    return dated, wired


# "Iran, November 2, 2019—", "BAGHDAD, Nov 2 (Reuters) -", "KANSAS CITY, Mo., Nov. 2 (AP) —", "GENEVA (Reuters) -"
_DATELINE_DATED, _DATELINE_WIRE = _dateline_patterns(_PLACE)
# Written in capitals, a dateline is recognisable even after leftover header words ("ANA Reporter DURBAN, …").
_CAPS_DATED, _CAPS_WIRE = _dateline_patterns(_CAPS_PLACE)
# "WASHINGTON —", "CHARSADDA: …": capitals alone, no date or wire. Stricter, as a slug ("BC-SOC--") or an
# agency acronym ("NNA -") looks the same: four letters at least, and a hyphen only with spaces around it.
_CAPS_ONLY_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
# It may add its country or state in ordinary case ("KABUL, Afghanistan —"), and a dash may end the line when the
# dateline stands as a paragraph of its own ("KABUL, Afghanistan —" and the story below).
_CAPS_REGION = rf"(?:,\s+(?!(?:{MONTH}|{WEEKDAY})(?![^\W\d_]))[A-Z][a-z][^\W\d_]*\.?(?: [A-Z][^\W\d_]*\.?)?)?"
_DATELINE_CAPS = re.compile(
    rf"(?P<place>{_CAPS_ONLY_WORD}(?: {_CAPS_ONLY_WORD}){{0,3}}{_CAPS_REGION})"
    rf"(?:(?:\s*[–—]+\s*|\s+-{{1,2}}\s+|:\s+)(?=[A-Z\"“‘'])|(?:\s*[–—]+|\s+-{{1,2}})\s*$)"
)
# Byline words left before a capitalised dateline on its line: "By Jane Doe CAPE TOWN - …", "Staff Reporter
# CAPE TOWN - …". The name is in ordinary case, so it cannot be taken for the capitalised place.
_BYLINE_LEAD = re.compile(
    r"(?:By:?\s+[A-Z][a-z][^\W\d_'’\-]*(?:[ '’\-][A-Z][a-z]*\.?|[ ][A-Z][a-z][^\W\d_'’\-]*){0,3}"
    r"|(?:[A-Z][a-z][^\W\d_]*\s+){0,3}(?:Staff\s+)?(?:Reporter|Writer|Correspondent))\s+(?=[A-Z]{2})"
)
# "By PETER OKAFOR SAN DIEGO (AP) —": a capitalised byline runs into the dateline; the name is two words.
_CAPS_BYLINE_BEFORE = re.compile(r"\bBy $")
_DATELINE_SEARCH_CHARS = 200

_BYLINE_REPORTING = re.compile(
    r"^(?:Reporting|Reported|Report|Written|Compiled|Text|Story)(?: and [a-z]+)? by:?\s+(?P<name>[^;|]+?)[.]?"
    r"(?:\s*[;|].*)?$",
    re.IGNORECASE,
)
_BYLINE_BY = re.compile(r"^By:?\s+(?P<name>[A-Z][^\d;|,()—–]{1,80}?)(?:,\s*(?P<org>[^;|]{2,60}))?[.]?$")
_ORG_WORDS = re.compile(
    r"\b(?:news|agency|press|service|tv|television|radio|times|post|journal|network|media|staff|desk|"
    r"committee|council|organi[sz]ation|office|ministry|department|group|foundation|institute|centre|center|"
    r"watch|international|correspondents?|bureau|wire|reporters?|editors?|team)\b",
    re.IGNORECASE,
)
_PUBLISHED_CUE = re.compile(
    r"^(?:published|posted|updated|last updated|first published|date|dated|released)(?: on| at)?:?\s+",
    re.IGNORECASE,
)
# A header line that is a date ("Saturday, 2 November 2019", "Nov. 2, 2019 10:41 GMT", "November 1, 2019 — …").
_DATE_LINE = re.compile(rf"^{DATE}(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,5}})?)?\s*(?:[-–—|]|$)",
                        re.IGNORECASE)
_URL_MONTH = r"0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_URL_DATE = re.compile(
    # /2019/11/02/, /2019-11-02-, /2019/nov/02/ (one separator kind throughout), or a compact /20191102/
    rf"(?<![0-9])(?P<y>(?:19|20)\d{{2}})(?P<sep>[/_\-.])(?P<m>{_URL_MONTH})(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01])(?![0-9])"
    r"|(?<![0-9])(?P<cy>(?:19|20)\d{2})(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])(?![0-9])",
    re.IGNORECASE,
)

TITLE_MAX_WORDS = 30
SUBTITLE_MAX_WORDS = 40
HEADER_LINES = 6


@dataclass
class TextMetadata:
    """What the layout of a cleaned text says about the article; spans are into that text."""

    title: str | None = None
    subtitle: str | None = None
    publisher: str | None = None
    author: str | None = None
    wire: str | None = None
    dateline_place: str | None = None
    # The dateline's date: month and day always, year only when the dateline writes it.
    dateline_month_day: tuple[int, int] | None = None
    dateline_year: int | None = None
    signals: list[DateSignal] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str
    blank_after: bool


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        if raw.strip():
            out.append(_Line(pos, end, raw, blank_after=text[end : end + 2] == "\n\n"))
        pos = end + 1
    return out


def parse_date_match(match: re.Match[str]) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) from a match of DATE; None when it is no calendar date."""
    if match.group("iso"):
        year, month, day = int(match.group("iy")), int(match.group("im")), int(match.group("id"))
    else:
        month_name = match.group("m1") or match.group("m2")
        day_text = match.group("d1") or match.group("d2")
        year_text = match.group("y1") or match.group("y2")
        month = _MONTHS[month_name.rstrip(".").lower()]
        day = int(day_text)
        year = int(year_text) if year_text else None
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February passes without a year
    except ValueError:
        return None
    return year, month, day


def _complete(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_near(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The date with this month and day closest to `reference` (a dateline "Dec 31" in a January record)."""
    best: dt.date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - reference).days) < abs((best - reference).days):
            best = candidate
    return best


def _is_org(name: str) -> bool:
    """An organisation rather than a person: "PMOI/MEK", "AFP", "Reuters Staff", "Al Arabiya TV"."""
    tokens = name.split()
    if "/" in name or _ORG_WORDS.search(name):
        return True
    if len(tokens) == 1:
        return True  # a one-word byline is an outlet ("Reuters"), people sign with at least two names
    caps = [t for t in tokens if len(t) >= 2 and t.isupper()]
    return bool(caps) and len(caps) < len(tokens)


def _span_of(text: str, line: _Line, match: re.Match[str], group: str, offset: int = 0) -> Span:
    start = line.start + offset + match.start(group)
    return Span.of(text, start, line.start + offset + match.end(group))


def _title_case(place: str) -> str:
    """"BAGHDAD" → "Baghdad", "KANSAS CITY, MO." → "Kansas City, Mo."; mixed case stays as written."""
    return ", ".join(part.title() if part.isupper() else part for part in place.split(", "))


def _ends_like_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)").endswith((".", ";", ","))


def dateline_end(line: str) -> int | None:
    """Where a dateline that opens this line ends ("KYIV, March 13 (Reuters) - " → the offset of the story's first
    word), or None: the parser reads the story's first sentence from there, not from the city."""
    for pattern in (_DATELINE_DATED, _DATELINE_WIRE, _DATELINE_CAPS):
        match = pattern.match(line[: _DATELINE_SEARCH_CHARS + 80])
        if match and (pattern is not _DATELINE_CAPS or sum(c.isalpha() for c in match.group("place")) >= 4):
            return match.end()
    return None


def find_dateline(text: str, line: _Line) -> tuple[re.Match[str], int] | None:
    """A dateline at the start of this line, or (written in capitals) within its first characters."""
    head = line.text[: _DATELINE_SEARCH_CHARS + 80]
    for pattern in (_DATELINE_DATED, _DATELINE_WIRE, _DATELINE_CAPS):
        match = pattern.match(head)
        if match and (pattern is not _DATELINE_CAPS or sum(c.isalpha() for c in match.group("place")) >= 4):
            return match, 0
    lead = _BYLINE_LEAD.match(head)
    if lead is not None:
        match = _DATELINE_CAPS.match(head, lead.end())
        if match and sum(c.isalpha() for c in match.group("place")) >= 4:
            return match, 0
    # A capitalised dateline after leftover header words ("ANA Reporter DURBAN, April 6 (ANA) - …").
    for pattern in (_CAPS_DATED, _CAPS_WIRE):
        for match in pattern.finditer(head):
            if match.start() > _DATELINE_SEARCH_CHARS:
                break
            if _CAPS_BYLINE_BEFORE.search(head, 0, match.start()):
                words = match.group("place").split(" ", 2)
                if len(words) < 3:
                    continue  # "By JOHN SMITH (AP) —": a name, no place
                start = match.start() + len(words[0]) + len(words[1]) + 2
                match = pattern.match(head, start)  # type: ignore[assignment]
                if match is None:
                    continue
            if len(match.group("place")) >= 3 and head[match.start() - 1] == " ":
                return match, 0
    return None


def _byline(line: str) -> re.Match[str] | None:
    if len(line.split()) > 14:
        return None
    return _BYLINE_REPORTING.match(line) or _BYLINE_BY.match(line)


def _could_head(line: _Line, max_words: int, next_line: _Line | None, next_is_structure: bool) -> bool:
    """A header line (title, subtitle): short, and not the body's first sentence."""
    words = line.text.split()
    if not words or len(words) > max_words or next_line is None:
        return False
    if not (line.text[0].isupper() or line.text[0].isdigit() or line.text[0] in "\"“‘'"):
        return False
    # A headline rarely ends like a sentence; when it does, the byline/dateline that follows confirms it.
    return not _ends_like_sentence(line.text) or next_is_structure


def text_metadata(text: str) -> TextMetadata:
    """Title, subtitle, byline, dateline and the date signals the text itself holds."""
    meta = TextMetadata()
    lines = _lines(text)
    if not lines:
        return meta
    header = lines[:HEADER_LINES]
    bylines = {i for i, ln in enumerate(header) if _byline(ln.text)}
    datelines = {i: found for i, ln in enumerate(header) if (found := find_dateline(text, ln))}

    cues = {i for i, ln in enumerate(header) if _PUBLISHED_CUE.match(ln.text) or _DATE_LINE.match(ln.text)}

    def structure(i: int) -> bool:
        return i in bylines or i in datelines or i in cues

    # Title and subtitle: the leading short lines before any byline or dateline.
    heads: list[_Line] = []
    for i, ln in enumerate(header):
        if structure(i) or len(heads) == 2:
            break
        next_line = lines[i + 1] if i + 1 < len(lines) else None
        limit = TITLE_MAX_WORDS if not heads else SUBTITLE_MAX_WORDS
        if not _could_head(ln, limit, next_line, structure(i + 1)):
            break
        heads.append(ln)
    if heads:
        meta.title = heads[0].text
        meta.evidence["title"] = Span.of(text, heads[0].start, heads[0].end)
    if len(heads) == 2:
        meta.subtitle = heads[1].text
        meta.evidence["subtitle"] = Span.of(text, heads[1].start, heads[1].end)

    _read_bylines(text, lines, bylines, meta)
    _read_closing_credit(text, meta)
    if datelines:
        first = min(datelines)
        match, offset = datelines[first]
        _read_dateline(text, lines[first], match, offset, meta)
    meta.signals.extend(_cue_signals(text, header))
    return meta


def _read_bylines(text: str, lines: list[_Line], header_bylines: set[int], meta: TextMetadata) -> None:
    # "Reporting by …; Editing by …" often closes wire copy, so the last lines count as well.
    indices = sorted(header_bylines) + [i for i in range(max(len(lines) - 3, HEADER_LINES), len(lines))]
    for i in indices:
        line = lines[i]
        match = _byline(line.text)
        if not match:
            continue
        name = match.group("name").strip().rstrip(".")
        if not name:
            continue
        span = _span_of(text, line, match, "name")
        span = Span.of(text, span.start, span.start + len(name))
        if _is_org(name):
            if meta.publisher is None:
                meta.publisher, meta.evidence["publisher"] = name, span
        elif meta.author is None:
            meta.author = name if not name.isupper() else name.title()
            meta.evidence["author"] = span


# Wire copy often ends with its agency's credit after the last sentence, with desk initials: "… he said. Sapa",
# "… on Tuesday. Sapa-AP /fws", "African News Agency (ANA)"; a partner agency may be written in lower case
# ("Sapa-dpa", "Sapa-afp").
_CLOSING_CREDIT = re.compile(r"(?:^|[.!?\"”’)]\s+)(?P<name>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,3}(?:-[a-z]{2,4})?)"
                             r"(?:\s*\([A-Z]{2,6}\))?(?:\s*/[\w/]+)?\s*$")


def _read_closing_credit(text: str, meta: TextMetadata) -> None:
    """The outlet credited at the very end of the text is the publisher when nothing else names one. Only a
    name of the outlets table counts (a last word "Mandela" is no credit); "Sapa-AP" is Sapa's copy."""
    if meta.publisher is not None:
        return
    from dateline.extraction.source import find_outlet  # the outlets table; imported here, ingest loads first

    tail_start = max(0, len(text.rstrip()) - 80)
    match = _CLOSING_CREDIT.search(text, tail_start)
    if not match:
        return
    name = match.group("name")
    for candidate in (name, *name.split("-")[:1]):
        if find_outlet(candidate, credit=True) is not None:
            start = match.start("name")
            meta.publisher = candidate
            meta.evidence["publisher"] = Span.of(text, start, start + len(candidate))
            return


def _read_dateline(text: str, line: _Line, match: re.Match[str], offset: int, meta: TextMetadata) -> None:
    meta.dateline_place = _title_case(match.group("place").strip())
    meta.evidence["dateline_place"] = _span_of(text, line, match, "place", offset)
    start = line.start + offset + match.start()
    meta.evidence["dateline"] = Span.of(text, start, start + len(match.group().rstrip()))
    wire = match.groupdict().get("wire")
    if wire:
        meta.wire = wire.strip()
        if meta.publisher is None:
            meta.publisher = meta.wire
            meta.evidence["publisher"] = _span_of(text, line, match, "wire", offset)
    if match.groupdict().get("date"):
        meta.evidence["dateline_date"] = _span_of(text, line, match, "date", offset)
        date_match = _DATE_RE.match(match.group("date"))
        parsed = parse_date_match(date_match) if date_match else None
        if parsed:
            year, month, day = parsed
            meta.dateline_month_day = (month, day)
            meta.dateline_year = year
            value = _complete(year, month, day)
            if value:
                meta.signals.append(DateSignal(value=value, source="dateline", raw=match.group("date"),
                                               evidence=_span_of(text, line, match, "date", offset)))


def _cue_signals(text: str, header: list[_Line]) -> list[DateSignal]:
    """"Published: 2 November 2019", "Updated Nov. 2, 2019" or a bare date line near the top."""
    out: list[DateSignal] = []
    for line in header:
        cue = _PUBLISHED_CUE.match(line.text) or _DATE_LINE.match(line.text)
        if not cue:
            continue
        match = _DATE_RE.search(line.text, cue.end() if cue.re is _PUBLISHED_CUE else 0)
        parsed = parse_date_match(match) if match else None
        value = _complete(*parsed) if parsed else None
        if match and value:
            out.append(DateSignal(value=value, source="text", raw=match.group(0),
                                  evidence=Span.of(text, line.start + match.start(), line.start + match.end())))
    return out


def lead_date_signal(text: str, skip: Span | None = None, window: int = 300) -> DateSignal | None:
    """The first full calendar date in the opening of the text: the weakest signal, used only when alone."""
    for match in _DATE_RE.finditer(text[:window]):
        if skip and skip.start <= match.start() < skip.end:
            continue
        parsed = parse_date_match(match)
        value = _complete(*parsed) if parsed else None
        if value:
            return DateSignal(value=value, source="text", raw=match.group(0),
                              evidence=Span.of(text, match.start(), match.end()))
    return None


def url_date_signal(url: str | None) -> DateSignal | None:
    """A date written in a URL path: /2019/11/02/, /2019-11-02-, /20191102/, /2019/nov/02/."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    for match in _URL_DATE.finditer(path):
        year, month_text, day = match.group("y", "m", "d") if match.group("y") else match.group("cy", "cm", "cd")
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
        try:
            value = dt.date(int(year), month, int(day))
        except ValueError:
            continue
        return DateSignal(value=value, source="url", raw=match.group(0))
    return None


def dateline_with_year(meta: TextMetadata, others: list[DateSignal]) -> DateSignal | None:
    """A year-less dateline ("Nov 2") completed from the best other signal, or None when none settles it."""
    if meta.dateline_month_day is None or meta.dateline_year is not None or not others:
        return None
    reference = rank_signals(others)[0]
    month, day = meta.dateline_month_day
    value = year_near(month, day, reference.value)
    if value is None:
        return None
    date_span = meta.evidence.get("dateline_date")
    return DateSignal(value=value, source="dateline", evidence=date_span,
                      raw=f"{date_span.text if date_span else ''} (year from {reference.source})")


_FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORD = re.compile(rf"\b({'|'.join(_FULL_WEEKDAYS)})\b", re.IGNORECASE)
_YEAR_WORD = re.compile(r"(?<![\d\-/.])((?:19|20)\d\d)(?![\d\-/])")
LEAD_CHARS = 600


def dateline_year_from_text(meta: TextMetadata, text: str) -> DateSignal | None:
    """A year-less dateline ("KABUL, April 11 (Xinhua) --") dated from its own text, when nothing else dates it.

    Wire copy kept without its metadata writes the month and day but not the year. Its lead names the weekday
    of the news ("on Monday", "reported Wednesday"): the dateline's own day, or the day before for a story
    filed the morning after. The years the story writes ("the 2015 figures") bound the year: the story's is
    one of them or the one after. Of those, the latest whose calendar puts the lead's weekday on the dateline's
    day wins, then the latest that puts it on the day before; no weekday or no year written, no date. Date
    libraries resolve a weekday against a known date; none infers the year from one, so this is written here.
    """
    if meta.dateline_month_day is None or meta.dateline_year is not None:
        return None
    dateline_span = meta.evidence.get("dateline")
    lead_start = dateline_span.end if dateline_span is not None else 0
    weekday = _WEEKDAY_WORD.search(text, lead_start, lead_start + LEAD_CHARS)
    years = {int(y) for y in _YEAR_WORD.findall(text)}
    if weekday is None or not years:
        return None
    named = _FULL_WEEKDAYS.index(weekday.group(1).lower())
    month, day = meta.dateline_month_day
    ranked: list[tuple[int, int]] = []
    for year in years | {y + 1 for y in years}:
        try:
            value = dt.date(year, month, day)
        except ValueError:
            continue
        days_after = (value.weekday() - named) % 7
        if days_after in (0, 1):
            ranked.append((days_after, -year))
    if not ranked:
        return None
    days_after, negative_year = min(ranked)
    date_span = meta.evidence.get("dateline_date")
    return DateSignal(value=dt.date(-negative_year, month, day), source="dateline", evidence=date_span,
                      raw=f"{date_span.text if date_span else ''} (year from the lead's {weekday.group(1)} "
                          "and the years the text writes)")


def rank_signals(signals: list[DateSignal]) -> list[DateSignal]:
    """Strongest first: override > record > html_meta > dateline > url > text; stable within a source."""
    return sorted(signals, key=lambda s: SOURCE_RANK[s.source])


def signals_conflict(signals: list[DateSignal]) -> bool:
    """True when two signals are more than a day apart."""
    if len(signals) < 2:
        return False
    values = [s.value for s in signals]
    return (max(values) - min(values)).days > CONFLICT_DAYS
