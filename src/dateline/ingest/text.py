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
from dataclasses import dataclass

import charset_normalizer

from dateline.errors import InputError
from dateline.ingest import metadata as meta_mod
from dateline.ingest.cleaning import clean_text
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


def _detect_and_decode(data: bytes) -> str | None:
    """charset-normalizer's reading of non-UTF-8 bytes, preferring common news encodings among equal fits.

    Short Latin-script texts fit several single-byte code pages equally well (no chaos, near-equal
    coherence); a common code page that puts no symbols inside words, and Windows-1252 (the web's default
    for "latin-1") on a tie, is then the likeliest.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    least_chaos = min(m.chaos for m in matches)
    fits = [m for m in matches if m.chaos <= least_chaos + 0.01]
    decoded = {m.encoding: str(m) for m in fits}
    best = max(fits, key=lambda m: (m.encoding in _COMMON_ENCODINGS, -_symbols_inside_words(decoded[m.encoding]),
                                    round(m.coherence, 2), m.encoding == "cp1252"))
    return decoded[best.encoding]


def _symbols_inside_words(text: str) -> int:
    """Non-letter, non-ASCII characters between two letters ("tysi¹ce", "protestowa³o"): a wrong code page."""
    return sum(
        1
        for i in range(1, len(text) - 1)
        if ord(text[i]) > 127 and not text[i].isalpha() and text[i] not in "’·‐-"
        and text[i - 1].isalpha() and text[i + 1].isalpha()
    )


def decode_bytes(data: bytes, source: str) -> str:
    """Decode text in whatever encoding it is in; InputError for empty or binary data, never a crash."""
    if not data.strip():
        raise InputError(source, "empty file" if not data else "holds only whitespace")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    if text is None:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise InputError(source, f"binary file ({kind}), not text")
        sample = data[:_SNIFF_BYTES]
        utf16 = _utf16_without_bom(sample) if b"\x00" in sample else None
        if utf16:
            text = data.decode(utf16, errors="replace")
        elif b"\x00" in sample:
            raise InputError(source, "binary file (NUL bytes), not text")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _detect_and_decode(data)
                if text is None:
                    raise InputError(source, "binary file: no text encoding fits its bytes") from None
    if _CONTROL_CHARS.findall(text[:_SNIFF_BYTES]) and (
        len(_CONTROL_CHARS.findall(text[:_SNIFF_BYTES])) / max(1, len(text[:_SNIFF_BYTES])) > _MAX_CONTROL_SHARE
    ):
        raise InputError(source, "binary file (mostly control characters), not text")
    if not text.strip():
        raise InputError(source, "holds no text")
    return text


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


def parse_date_value(value: object) -> dt.date | None:
    """A corpus record's date: a date, an ISO string ("2019-11-02", "2019-11-02T10:00:00Z"), or prose."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser  # only for non-ISO values; slow to import

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                                "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


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
    return meta_mod.rank_signals(signals)


def build_article(raw: str, *, source: str, article_id: str | None = None, source_kind: str = "text",
                  path: str | None = None, hints: Hints | None = None, settings: Settings | None = None,
                  keep_offset_map: bool = True) -> Article:
    """Clean `raw`, read its metadata, rank its date signals; InputError when no text is left."""
    hints = hints or Hints()
    cleaned = clean_text(raw)
    text = cleaned.text
    if not text.strip():
        raise InputError(source, "no article text left after removing ads and boilerplate")
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
        content_hash=digest,
        evidence=evidence,
        removed=cleaned.removed,
        offset_map=cleaned.offset_map if keep_offset_map else [],
    )
