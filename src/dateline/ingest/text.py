"""Plain text: bytes in any encoding → str, and any article text → a cleaned `Article` with its metadata.

`build_article` is the one place where an `Article` is assembled, whatever the input kind: it cleans the text,
reads the layout metadata, and ranks every publication-date signal (the caller passes what it knows from
outside the text: a corpus record's fields, HTML metadata, the URL, the user's `--published`).
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace

import charset_normalizer

from dateline.errors import InputError
from dateline.ingest import metadata as meta_mod
from dateline.ingest.cleaning import clean_text, strip_controls
from dateline.ingest.language import detect_language
from dateline.model import Article, DateSignal, Span
from dateline.settings import Settings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of common binary formats, named in the error so the user knows what they passed.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
)
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in UTF-16 text of a Latin script."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


# Legacy encodings news text actually comes in; rarer code pages (Mac, DOS, HP) win only when these do not fit.
_COMMON_ENCODINGS = frozenset({
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u", "iso8859_5",
    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp1257",
    "iso8859_13", "cp1258", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp",
    "iso2022_jp", "euc_kr", "cp949", "tis_620", "cp874", "utf_16", "utf_32",
})


def _readings(data: bytes) -> list[tuple[str, str]]:
    """charset-normalizer's readings of non-UTF-8 bytes as (encoding, text), likeliest first.

    Short Latin-script texts fit several single-byte code pages equally well (no chaos, near-equal
    coherence); a common code page that puts no symbols inside words, and Windows-1252 (the web's default
    for "latin-1") on a tie, is then the likeliest. Readings with more chaos than the least are left out.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return []
    least_chaos = min(m.chaos for m in matches)
    fits = [m for m in matches if m.chaos <= least_chaos + 0.01]  # more chaos than that reads as garbage
    decoded = {m.encoding: str(m) for m in fits}
    fits.sort(key=lambda m: (m.encoding in _COMMON_ENCODINGS, -_symbols_inside_words(decoded[m.encoding]),
                             round(m.coherence, 2), m.encoding == "cp1252"), reverse=True)
    return [(m.encoding, decoded[m.encoding]) for m in fits]


def _symbols_inside_words(text: str) -> int:
    """Non-letter, non-ASCII characters between two letters ("tysi¹ce", "protestowa³o"): a wrong code page."""
    return sum(
        1
        for i in range(1, len(text) - 1)
        if ord(text[i]) > 127 and not text[i].isalpha() and text[i] not in "’·‐-"
        and text[i - 1].isalpha() and text[i + 1].isalpha()
    )


@dataclass
class Decoded:
    """Text decoded from bytes, and what the reader should know about how (None when it was clean UTF-8)."""

    text: str
    note: str | None = None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode text in whatever encoding it is in; InputError for empty, binary or undecodable data."""
    return decode_text(data, source).text


def decode_text(data: bytes, source: str) -> Decoded:
    """Decode text in whatever encoding it is in, saying how when it was not clean UTF-8.

    InputError for empty data, binary data (by signature, NUL bytes or control characters), and bytes that no
    encoding reads as coherent text; never a crash.
    """
    if not data.strip():
        raise InputError(source, "empty file" if not data else "holds only whitespace")
    decoded: Decoded | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                decoded = Decoded(data.decode(encoding, errors="strict" if "16" in encoding or "32" in encoding
                                              else "replace"))
            except UnicodeDecodeError:  # FF FE then bytes that are no UTF-16: decoding would give CJK noise
                raise InputError(source, f"undecodable: starts with a {encoding.upper()} byte-order mark but "
                                         f"is not {encoding.upper()} text") from None
            break
    if decoded is None:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise InputError(source, f"binary file ({kind}), not text")
        sample = data[:_SNIFF_BYTES]
        utf16 = _utf16_without_bom(sample) if b"\x00" in sample else None
        if utf16:
            decoded = Decoded(data.decode(utf16, errors="replace"))
        elif b"\x00" in sample:
            raise InputError(source, "binary file (NUL bytes), not text")
        else:
            try:
                decoded = Decoded(data.decode("utf-8"))
            except UnicodeDecodeError:
                decoded = _not_utf8(data, source)
    text = decoded.text
    if _CONTROL_CHARS.findall(text[:_SNIFF_BYTES]) and (
        len(_CONTROL_CHARS.findall(text[:_SNIFF_BYTES])) / max(1, len(text[:_SNIFF_BYTES])) > _MAX_CONTROL_SHARE
    ):
        raise InputError(source, "binary file (mostly control characters), not text")
    if not text.strip():
        raise InputError(source, "holds no text")
    return decoded


_BROKEN_PER_VALID = 4  # broken byte sequences per valid multi-byte letter that damaged UTF-8 may have


def _not_utf8(data: bytes, source: str) -> Decoded:
    """Bytes that are not valid UTF-8: damaged UTF-8, a legacy code page, or garbage.

    UTF-8 with a few broken bytes is UTF-8: valid multi-byte sequences almost never occur by chance in a
    legacy code page, and reading damaged UTF-8 as one would turn every "é" into "Ã©" or "ĂŠ". Otherwise
    charset-normalizer's likeliest reading that does not read as mojibake (a Latin word with a letter of another
    script, "cafй"; symbols inside words; letters of another script scattered through Latin text) is used;
    when every reading does, the input is refused rather than coded.
    """
    repaired = data.decode("utf-8", errors="replace")
    broken = repaired.count("\ufffd")
    valid = sum(1 for ch in repaired if ord(ch) > 127 and ch != "\ufffd")
    if valid and broken <= _BROKEN_PER_VALID * valid:
        return Decoded(repaired, f"{broken} byte sequence(s) are not valid UTF-8 and were replaced by \ufffd")
    readings = _readings(data)
    if not readings:
        raise InputError(source, "binary file: no text encoding fits its bytes")
    for encoding, text in readings:
        if _mojibake(text) is None:
            return Decoded(text, f"not UTF-8: decoded as {encoding} (charset-normalizer's guess)")
    encoding, text = readings[0]
    sample = " ".join(text.split())[:40]
    raise InputError(source, f"undecodable: not UTF-8, and no encoding reads it as text (the best guess, "
                             f"{encoding}, has {_mojibake(text)}: {sample!r})")


_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> str:
    """"LATIN", "CYRILLIC", "ARABIC" … (the first word of the character's Unicode name)."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _symbols_inside_latin_words(text: str) -> bool:
    """A non-ASCII symbol between two Latin letters ("tysi¹ce"); CJK punctuation between ideographs is text."""
    return any(
        ord(text[i]) > 127 and not text[i].isalpha() and text[i] not in "’·‐-"
        and text[i - 1].isalpha() and text[i + 1].isalpha()
        and _script(text[i - 1]) == "LATIN" and _script(text[i + 1]) == "LATIN"
        for i in range(1, len(text) - 1)
    )


def _mojibake(text: str) -> str | None:
    """Why `text` reads as a wrong decoding, or None when it reads as text of some language."""
    if _symbols_inside_latin_words(text):
        return "symbols inside words"
    words = _WORD.findall(text)
    # Latin beside another script inside one word: "cafй". (Japanese mixes kanji and kana in a word: fine.)
    if any(len(scripts := {_script(ch) for ch in word}) > 1 and "LATIN" in scripts for word in words):
        return "words mixing scripts"
    letters = [ch for word in words for ch in word]
    foreign = sum(1 for ch in letters if _script(ch) != "LATIN")
    if 0 < foreign < 0.5 * len(letters) and sum(ch.isascii() for ch in letters) > 0.5 * len(letters):
        return "letters of another script scattered through Latin text"
    return None


# Signatures of binary formats as they look once read as text (a JSONL "text" field, an HTTP text body).
_TEXT_MAGIC = (
    ("%PDF-", "a PDF document"),
    ("\x89PNG", "a PNG image"),
    ("\ufffdPNG", "a PNG image"),
    ("GIF87a", "a GIF image"),
    ("GIF89a", "a GIF image"),
    ("\xff\xd8\xff", "a JPEG image"),
    ("\ufffd\ufffd\ufffd\ufffdJFIF", "a JPEG image"),
    ("\ufffd\ufffd\ufffd\ufffd\x00\x10JFIF", "a JPEG image"),
)


def binary_kind(text: str) -> str | None:
    """What binary format `text` starts with (an image or PDF read as text), or None."""
    head = text.lstrip("\ufeff \t\r\n")[:16]
    return next((kind for magic, kind in _TEXT_MAGIC if head.startswith(magic)), None)


@dataclass
class Hints:
    """What is known about an article from outside its text (corpus record, HTML metadata, URL, user)."""

    title: str | None = None
    subtitle: str | None = None
    publisher: str | None = None
    author: str | None = None
    site_name: str | None = None
    url: str | None = None
    record_published: dt.date | None = None
    record_published_raw: str | None = None
    html_published: dt.date | None = None
    html_published_raw: str | None = None
    notes: list[str] = field(default_factory=list)  # what ingest had to guess or ignore (Article.ingest_warnings)


_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
# A year, then two numbers: year-month-day, with or without a time after it ("2019-11-02", "2019/11/02 10:00").
_YEAR_FIRST_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?")
# Unix time as feeds and JSON exports write it: seconds (9-10 digits, 1973-2286) or milliseconds (12-13 digits).
_EPOCH = re.compile(r"(\d{9,10}|\d{12,13})(?:\.\d+)?")


def _epoch_date(text: str) -> dt.date | None:
    """The UTC day of a Unix time in seconds or milliseconds; a YYYYMMDD number (8 digits) is never one."""
    seconds = float(text)
    if len(text.split(".")[0]) >= 12:
        seconds /= 1000
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


# The days a publication date may fall on. Relative dates ("on Sunday", "last week") are reckoned from it, and
# Python's dates end at years 1 and 9999: "0001-01-01", a placeholder some exports write for "no date", stopped
# the whole run with an OverflowError there. No news report predates 1800 or is dated two centuries ahead.
PUBLICATION_DAYS = (dt.date(1800, 1, 1), dt.date(2199, 12, 31))


def parse_date_value(value: object) -> dt.date | None:
    """A corpus record's date (None outside `PUBLICATION_DAYS`); see `_parse_date_value` for what it reads."""
    day = _parse_date_value(value)
    return day if day is not None and PUBLICATION_DAYS[0] <= day <= PUBLICATION_DAYS[1] else None


def _parse_date_value(value: object) -> dt.date | None:
    """A corpus record's date: a date, an ISO string ("2019-11-02", "2019-11-02T10:00:00Z"), a compact
    YYYYMMDD number or string (20191102), Unix time in seconds or milliseconds (1575000000, its UTC day), or
    prose with a day, month and year ("2 November 2019").

    None for anything else, including a year alone ("2003": no day to date an article by) and relative words
    ("yesterday", which would be read against today's date, not the article's).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = repr(value) if isinstance(value, float) else str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _EPOCH.fullmatch(text):
        return _epoch_date(text)
    if m := _COMPACT_DATE.fullmatch(text):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    if m := _YEAR_FIRST_DATE.fullmatch(text):
        # read as ISO and YYYYMMDD are, never with day and month swapped: dateparser takes an impossible month
        # as the day ("2019-13-01" as 13 January) and would date the article wrongly without a word
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if text.isdigit():
        return None  # a year alone, or a number that is no date
    import dateparser  # only for non-ISO values; slow to import

    parsed = dateparser.parse(text, languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"]})
    return parsed.date() if parsed else None


def unreadable_date_note(raw: object, field_name: str = "published") -> str:
    """The warning for a record's date that could not be read (the article is still coded, undated)."""
    return (f"{field_name} {raw!r} is not a date dateline can read (YYYY-MM-DD, YYYYMMDD, Unix time, or a day, "
            "month and year, from 1800 to 2199); it was ignored")


def _find_span(text: str, value: str | None) -> Span | None:
    if not value:
        return None
    start = text.find(value)
    return Span.of(text, start, start + len(value)) if start >= 0 else None


def _date_signals(text: str, meta: meta_mod.TextMetadata, hints: Hints,
                  settings: Settings | None) -> list[DateSignal]:
    outside: list[DateSignal] = []
    if settings is not None and settings.published_override is not None:
        outside.append(DateSignal(value=settings.published_override, source="override", raw="--published"))
    if hints.record_published is not None:
        outside.append(DateSignal(value=hints.record_published, source="record", raw=hints.record_published_raw))
    if hints.html_published is not None:
        outside.append(DateSignal(value=hints.html_published, source="html_meta", raw=hints.html_published_raw))
    url_signal = meta_mod.url_date_signal(hints.url)
    if url_signal is not None:
        outside.append(url_signal)
    signals = outside + meta.signals
    completed = meta_mod.dateline_with_year(meta, signals)
    if completed is not None:
        signals.append(completed)
    if not signals:
        lead = meta_mod.lead_date_signal(text, skip=meta.evidence.get("dateline"))
        if lead is not None:
            signals.append(lead)
    if not signals:
        inferred = meta_mod.dateline_year_from_text(meta, text)
        if inferred is not None:
            signals.append(inferred)
    return meta_mod.rank_signals(signals)


def build_article(raw: str, *, source: str, article_id: str | None = None, source_kind: str = "text",
                  path: str | None = None, hints: Hints | None = None, settings: Settings | None = None,
                  keep_offset_map: bool = True, html: bool = False) -> Article:
    """Clean `raw`, read its metadata, rank its date signals, detect its language.

    InputError when no text is left, when the text is a binary file read as text, or when it is longer than
    one article may be (`Settings.max_article_chars`). `html` marks text extracted from a page, whose
    related-links lines are dropped as boilerplate.
    """
    hints = hints or Hints()
    hints = replace(hints, **{name: strip_controls(getattr(hints, name))
                              for name in ("title", "subtitle", "publisher", "author", "site_name", "url")})
    article_id = strip_controls(article_id)
    kind = binary_kind(raw)
    if kind is not None:
        raise InputError(source, f"binary data ({kind}), not text")
    cleaned = clean_text(raw, html=html)
    text = cleaned.text
    if not text.strip():
        raise InputError(source, "no article text left after removing ads and boilerplate")
    limit = settings.max_article_chars if settings is not None else Settings.model_fields["max_article_chars"].default
    if len(text) > limit:
        raise InputError(source, f"article is {len(text):,} characters long, over the {limit:,} one article may "
                                 "have (spaCy's limit): split it into articles")
    meta = meta_mod.text_metadata(text)
    evidence = dict(meta.evidence)

    title = hints.title or meta.title
    if hints.title and hints.title != meta.title:
        evidence.pop("title", None)
        if (span := _find_span(text, hints.title)) is not None:
            evidence["title"] = span
    subtitle = hints.subtitle or meta.subtitle
    if hints.subtitle and hints.subtitle != meta.subtitle:
        evidence.pop("subtitle", None)
        if (span := _find_span(text, hints.subtitle)) is not None:
            evidence["subtitle"] = span
    publisher = hints.publisher or meta.publisher or hints.site_name
    if publisher != meta.publisher:
        evidence.pop("publisher", None)
        if (span := _find_span(text, publisher)) is not None:
            evidence["publisher"] = span
    author = hints.author or meta.author
    if author != meta.author:
        evidence.pop("author", None)

    signals = _date_signals(text, meta, hints, settings)
    published = signals[0].value if signals else None
    evidence.pop("published", None)
    for signal in signals:
        if signal.value == published and signal.evidence is not None:
            evidence["published"] = signal.evidence
            break

    notes = list(hints.notes)
    if hints.record_published is None and hints.record_published_raw not in (None, ""):
        notes.append(unreadable_date_note(hints.record_published_raw))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(
        id=article_id or digest[:16],
        text=text,
        source_kind=source_kind,  # type: ignore[arg-type]
        path=path,
        url=hints.url,
        title=title,
        subtitle=subtitle,
        publisher=publisher,
        author=author,
        site_name=hints.site_name,
        published=published,
        published_signals=signals,
        date_conflict=meta_mod.signals_conflict(signals),
        dateline_place=meta.dateline_place,
        language=detect_language(text),
        ingest_warnings=notes,
        content_hash=digest,
        evidence=evidence,
        removed=cleaned.removed,
        offset_map=cleaned.offset_map if keep_offset_map else [],
    )
