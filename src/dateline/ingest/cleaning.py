"""Cleaning: raw article text → the cleaned text every `Span` refers to, with a map back to the raw input.

What goes: ad residue ("728 x 90", "300x250", a lone "Advertisement"), lines repeated verbatim (the first copy
stays), share/cookie/newsletter boilerplate lines, control characters, and in a web page's main text the
related-links lines ("Also on …", "Read more: …", a "Related stories" heading and the links under it). What changes: line endings become
"\\n", runs of spaces/tabs inside a line become one space, lines lose leading/trailing blanks, and runs of
blank lines become a single blank line (a paragraph break). Nothing else is rewritten, so each kept stretch of
the cleaned text is a verbatim copy of the raw text, recorded as an `OffsetSegment`; what was dropped (other
than whitespace) is recorded as a `RemovedText` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.model import OffsetSegment, RemovedText

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
# Horizontal whitespace: a run of several, or a single one that is not a plain space (tab, NBSP, thin space …).
_HSPACE_RUN = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Control and invisible format characters that carry no text (zero-width spaces, BOM, soft hyphen, C0/C1), and
# lone surrogates (half an emoji from a JSON "\ud83d" escape), which cannot even be encoded as UTF-8.
_CONTROL_CHARS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff\ufffe\ud800-\udfff"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]+")

# IAB banner sizes left behind when an ad slot's placeholder is scraped: "728 x 90", "300x250", "[ 970×250 ]".
_AD_SIZE = re.compile(r"^[\[(]?\s*\d{2,4}\s*[x×X]\s*\d{2,4}\s*(?:px)?\s*[\])]?$")
_AD_WORDS = re.compile(
    r"^[-–—*\s(\[]*(advertisement|advertisements|advertising|advert|ad|ads|sponsored( content)?|"
    r"paid (content|post)|promoted( content)?|story continues below( advertisement)?|"
    r"scroll (down )?to continue( with content)?|continue reading below|article continues below( this ad)?)"
    r"[-–—*\s:)\]]*$",
    re.IGNORECASE,
)
# Share / social / cookie / newsletter lines: only short lines, so a sentence that mentions cookies survives.
_BOILERPLATE = re.compile(
    r"^(?:"
    r"(?:share|share this( article| story| page)?|share on \w+|share via \w+|click to share.*|tweet|pin it|"
    r"email|e-mail|print|copy link|copy the link|whatsapp|facebook|twitter|linkedin|reddit|telegram|"
    r"follow us( on .*)?|like us on facebook)"
    r"(?:\s*[|/,·•]\s*(?:share|tweet|email|e-mail|print|copy link|whatsapp|facebook|twitter|x|linkedin|"
    r"reddit|telegram|pinterest|comments?))*"
    r"|.*\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b.*"
    r"|.*\b(?:accept|reject|manage|allow)(?: all)? cookies\b.*"
    r"|.*\bcookie (?:policy|settings|preferences|consent)\b.*"
    r"|follow (?:us|[\w-]+(?: [\w-]+)?) on (?:instagram|facebook|twitter|x|youtube|tiktok|linkedin|telegram)\b.*"
    r"|(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ )?newsletters?.*"
    r"|(?:skip to (?:main )?content|back to top|toggle navigation|open menu|close menu)"
    r")[.!:]?$",
    re.IGNORECASE,
)
_BOILERPLATE_MAX_WORDS = 25
# In a web page's main text: lines that point to other stories ("Also on BBC: …", "Read more: …", "Related: …")
# or head a list of them ("Related stories"). They read like headlines, so left in they were coded as events.
_RELATED_CUE = (
    r"(?:also (?:on|in|from) [^:|»]{1,40}|also (?:read|see|watch)|read more|read also|read|see|watch|listen|"
    r"more (?:on this (?:story|topic)|from [^:|»]{1,40}|about [^:|»]{1,40})|"
    r"related(?: (?:stories|articles|news|coverage|content|links|topics|reading))?|see also|further reading|"
    r"recommended(?: for you| stories| reading| articles)?|you (?:may|might) (?:also )?(?:like|be interested in)|"
    r"most (?:read|popular|viewed|shared)|top stories|trending(?: now)?|don'?t miss|editor'?s picks?|"
    r"(?:more|latest) (?:stories|news|headlines))"
)
# The cue must end the line or be followed by a colon or separator, so prose ("Related protests took place …",
# "Watch towers were burned") stays.
_RELATED_LINK = re.compile(rf"^[-–—•*»>\s]*{_RELATED_CUE}\s*(?:[:|»›>–—]|$)", re.IGNORECASE)
# A heading alone on its line ("Related stories", "More on this story"): the short lines after it are its links.
_RELATED_HEADING = re.compile(rf"^[-–—•*»>\s]*{_RELATED_CUE}\s*:?$", re.IGNORECASE)
_RELATED_MAX_LINKS = 10  # link lines taken after a heading, at most


@dataclass
class CleanText:
    """The cleaned text, its map back to the raw text, and what was dropped."""

    text: str
    offset_map: list[OffsetSegment] = field(default_factory=list)
    removed: list[RemovedText] = field(default_factory=list)


class _Builder:
    """Appends to the cleaned text, recording which appended pieces are verbatim copies of the raw text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[OffsetSegment] = []

    def copy(self, piece: str, raw_start: int) -> None:
        """Append raw[raw_start:raw_start+len(piece)], which equals `piece`."""
        if not piece:
            return
        last = self.segments[-1] if self.segments else None
        if last and last.clean_start + last.length == self.length and last.raw_start + last.length == raw_start:
            last.length += len(piece)
        else:
            self.segments.append(OffsetSegment(clean_start=self.length, raw_start=raw_start, length=len(piece)))
        self._add(piece)

    def raw_end(self) -> int | None:
        """Raw offset just past the last piece, when that piece was a verbatim copy."""
        last = self.segments[-1] if self.segments else None
        if last and last.clean_start + last.length == self.length:
            return last.raw_start + last.length
        return None

    def insert(self, piece: str) -> None:
        """Append text that is not a copy of the raw text (a normalised space or line break)."""
        self._add(piece)

    def _add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def text(self) -> str:
        return "".join(self.parts)


def _lines(raw: str) -> list[tuple[int, str, int]]:
    """(start, content, end-of-line-with-break) for every line, whatever its line ending."""
    out: list[tuple[int, str, int]] = []
    pos = 0
    for match in _LINE_BREAK.finditer(raw):
        out.append((pos, raw[pos : match.start()], match.end()))
        pos = match.end()
    if pos < len(raw):
        out.append((pos, raw[pos:], len(raw)))
    return out


def _normalised(line: str) -> str:
    return _HSPACE_RUN.sub(" ", _CONTROL.sub("", line)).strip()


def line_removal_reason(line: str, html: bool = False) -> str | None:
    """Why a whole (normalised) line is dropped, or None when it stays; `html` adds related-links lines."""
    if _AD_SIZE.match(line) or _AD_WORDS.match(line):
        return "ad_residue"
    short = len(line.split()) <= _BOILERPLATE_MAX_WORDS
    if short and _BOILERPLATE.match(line):
        return "boilerplate"
    if html and short and _RELATED_LINK.match(line):
        return "boilerplate"
    return None


def _is_link_line(line: str) -> bool:
    """A line under a "Related stories" heading that reads as a link (a headline), not as prose."""
    return len(line.split()) <= _BOILERPLATE_MAX_WORDS and not line.rstrip("\"”’'").endswith((".", "!", "?"))


_BLANK_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # blanks other than the plain space
_ANY_GAP_CHAR = f"[ {_BLANK_CHARS}{_CONTROL_CHARS}]"
# Inside a line, a run of blanks/control characters that is not a lone plain space (which stays as it is).
_GAP = re.compile(f"{_ANY_GAP_CHAR}*(?:[{_BLANK_CHARS}{_CONTROL_CHARS}]| {{2}}){_ANY_GAP_CHAR}*")
# The same characters as a plain string, for str.strip at the edges of a line.
_GAP_CHARS = "".join(ch for ch in map(chr, range(0x3001)) if re.fullmatch(_ANY_GAP_CHAR, ch)) + "\ufeff\ufffe"


def _record_controls(gap: str, raw_start: int, removed: list[RemovedText]) -> None:
    for ctl in _CONTROL.finditer(gap):
        removed.append(RemovedText(raw_start=raw_start + ctl.start(), raw_end=raw_start + ctl.end(),
                                   text=ctl.group(), reason="control_chars"))


def _emit_line(out: _Builder, start: int, content: str, removed: list[RemovedText]) -> None:
    """Copy one kept line without control characters or edge blanks, inner blank runs as one space."""
    inner_start = len(content) - len(content.lstrip(_GAP_CHARS))
    inner_end = max(inner_start, len(content.rstrip(_GAP_CHARS)))
    _record_controls(content[:inner_start], start, removed)
    cursor = inner_start
    for gap in _GAP.finditer(content, inner_start, inner_end):
        out.copy(content[cursor : gap.start()], start + cursor)
        _record_controls(gap.group(), start + gap.start(), removed)
        # Control characters alone join their neighbours (a soft hyphen inside a word); blanks separate.
        if _CONTROL.sub("", gap.group()):
            space = gap.group().find(" ")
            if space >= 0:
                out.copy(" ", start + gap.start() + space)
            else:
                out.insert(" ")
        cursor = gap.end()
    out.copy(content[cursor:inner_end], start + cursor)
    _record_controls(content[inner_end:], start + inner_end, removed)


def strip_controls(value: str | None) -> str | None:
    """A metadata value (title, publisher, URL, id) without control or invisible format characters: they carry
    no text, and PostgreSQL refuses a NUL in any text column, so one stray byte in a corpus record would stop a
    run there while SQLite stored it."""
    return _CONTROL.sub("", value) if value else value


def clean_text(raw: str, html: bool = False) -> CleanText:
    """Clean raw article text; see the module docstring for what changes. `html` marks a page's main text,
    whose related-links lines ("Also on …", "Read more: …", a "Related stories" list) go as boilerplate."""
    out = _Builder()
    removed: list[RemovedText] = []
    seen: set[str] = set()
    blank_since_last = False
    links_left = 0  # link lines still expected under a related-stories heading
    for start, content, _line_end in _lines(raw):
        line = _normalised(content)
        if not line:
            blank_since_last = True
            continue
        reason = line_removal_reason(line, html)
        if html and reason is None and links_left and _is_link_line(line):
            reason = "boilerplate"
            links_left -= 1
        elif html and _RELATED_HEADING.match(line):
            reason, links_left = "boilerplate", _RELATED_MAX_LINKS
        else:
            links_left = 0 if reason is None else links_left
        if reason is None and line in seen:
            reason = "repeated_line"
        if reason is not None:
            removed.append(RemovedText(raw_start=start, raw_end=start + len(content), text=content, reason=reason))
            continue
        seen.add(line)
        if out.length:
            separator = "\n\n" if blank_since_last else "\n"
            # The separator is a verbatim copy when the raw text between the two lines is exactly that.
            last_raw_end = out.raw_end()
            if last_raw_end is not None and raw[last_raw_end:start] == separator:
                out.copy(separator, last_raw_end)
            else:
                out.insert(separator)
        _emit_line(out, start, content, removed)
        blank_since_last = False
    removed.sort(key=lambda r: r.raw_start)
    return CleanText(text=out.text(), offset_map=out.segments, removed=removed)
