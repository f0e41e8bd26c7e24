"""HTML pages: the main text (trafilatura), the publication date (htmldate), title/author/site name (metadata),
and, for a page read without an address (saved to disk), the address it states (`page_address`).

trafilatura runs with `favor_precision` and without comments: on the 38 pages of the tuning split measured by
`benchmarks/html_extraction.py` (token F1 of the body) that gives 0.982, against 0.977 with trafilatura's
defaults and 0.976 with `favor_recall`; menus and reader comments are what hurts event coding most. When the precise pass finds no prose (a line of at least six words), a recall-oriented pass retries, so a page with a
short or oddly marked-up body still yields text; only then is the page "without main text".

The text handed to cleaning is the title line, a blank line, then the body with one blank line between
paragraphs (trafilatura writes one paragraph per line), so a page reads like a plain-text article and the same
metadata rules apply. Offsets of an HTML article refer to that extracted text; there is no map back to the
markup (`Article.offset_map` stays empty).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from dateline.errors import InputError
from dateline.ingest.metadata import url_date_signal
from dateline.ingest.text import Hints, build_article
from dateline.model import Article
from dateline.settings import Settings

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p|"
    r"section|main|header|span|table|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</(?:p|div|html|body|head|article|span|a|li|td|h[1-6])>", re.IGNORECASE)
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
# Precision first, recall as the fallback (see the module docstring).
_PRECISE: dict[str, Any] = {"favor_precision": True, "include_comments": False, "include_tables": True}
_RECALL: dict[str, Any] = {"favor_recall": True, "include_comments": False, "include_tables": True}


def looks_like_html(text: str) -> bool:
    """Markup at the start, or closing tags throughout the first few kilobytes."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 5


@dataclass
class HtmlContent:
    text: str
    title: str | None
    author: str | None
    site_name: str | None
    description: str | None
    date: dt.date | None
    date_raw: str | None
    url: str | None = None  # the page's own address as the page states it (`page_address`)


def _extract(html: str, url: str | None, options: dict[str, Any]) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(html, url=url, with_metadata=True, **options)


MIN_SENTENCE_WORDS = 6


def has_prose(text: str) -> bool:
    """At least one line that reads like a sentence: menus and link lists are not main text."""
    return any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.split("\n"))


# Media elements whose addresses often hold a date of their own (the photo's upload day, years old).
_MEDIA = re.compile(
    r"<(?:img|source|picture|video|audio|link)\b[^>]*>|<meta\b[^>]*(?:image|video|thumbnail)[^>]*>", re.IGNORECASE
)


def _htmldate(html: str) -> str | None:
    import htmldate

    try:
        found = htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate can raise on pathological markup; a missing date is not fatal
        return None
    return found or None


def publication_date(html: str, url_date: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """The page's own publication date from its markup (htmldate; the URL is a separate signal).

    htmldate can take a date from an image's address (a years-old stock photo); when its date contradicts
    the date in the page's own URL, it is checked again without media elements, and dropped if it came
    from them.
    """
    found = _htmldate(html)
    value = _iso(found)
    if value is not None and url_date is not None and abs((value - url_date).days) > 1:
        again = _iso(_htmldate(_MEDIA.sub(" ", html)))
        if again != value:
            found, value = (again.isoformat(), again) if again is not None else (None, None)
    return value, found


def _iso(found: str | None) -> dt.date | None:
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found)
    except ValueError:
        return None


# The mark a browser writes at the top of a page it saves ("Save page as…"): <!-- saved from url=(0042)https://… -->
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->", re.IGNORECASE)


def page_address(html: str, stated: object) -> str | None:
    """A page's own address: its canonical link or og:url (`stated`, trafilatura's reading), else the address
    a browser marked on the page it saved; only an absolute http(s) address counts."""
    if isinstance(stated, str) and stated.lower().startswith(("http://", "https://")):
        return stated.strip()
    m = _SAVED_FROM.search(html[:4096])
    return m.group(1) if m else None


def read_html(html: str, url: str | None = None) -> HtmlContent:
    """Main text and metadata of a page; the text is "" when the page has no main text."""
    doc = None
    for options in (_PRECISE, _RECALL):
        doc = _extract(html, url, options)
        if doc is not None and has_prose(doc.text or ""):
            break
    url_signal = url_date_signal(url)
    date, date_raw = publication_date(html, url_signal.value if url_signal else None)
    if doc is None or not has_prose(doc.text or ""):
        return HtmlContent("", None, None, None, None, date, date_raw)
    return HtmlContent(
        text=(doc.text or "").strip(),
        title=_clean_meta(doc.title),
        author=_clean_meta(doc.author),
        site_name=_clean_meta(doc.sitename),
        description=_clean_meta(doc.description),
        date=date,
        date_raw=date_raw,
        url=page_address(html, doc.url),
    )


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _article_text(content: HtmlContent) -> str:
    body = "\n\n".join(line.strip() for line in content.text.split("\n") if line.strip())
    if content.title and not body.startswith(content.title):
        return f"{content.title}\n\n{body}"
    return body


def article_from_html(html: str | bytes, *, article_id: str | None = None, url: str | None = None,
                      path: str | None = None, source_kind: str = "html", title: str | None = None,
                      publisher: str | None = None, published: dt.date | None = None,
                      published_raw: str | None = None, settings: Settings | None = None,
                      source: str | None = None, notes: list[str] | None = None) -> Article:
    """An Article from an HTML page; InputError when the page has no main text. `notes` are what the caller
    had to guess while reading the page (its encoding), kept on `Article.ingest_warnings`."""
    from dateline.ingest.text import decode_text

    where = source or path or url or "<html>"
    notes = list(notes or [])
    if isinstance(html, bytes):
        decoded = decode_text(html, where)
        html = decoded.text
        notes += [decoded.note] if decoded.note else []
    content = read_html(html, url)
    if not content.text:
        raise InputError(where, "HTML page holds no main text (nothing an article extractor recognises)")
    # a page saved to disk keeps the address it was saved from, not only its local path
    url = url or content.url
    hints = Hints(
        title=title or content.title,
        publisher=publisher,
        author=content.author,
        site_name=content.site_name,
        url=url,
        record_published=published,
        record_published_raw=published_raw,
        html_published=content.date,
        html_published_raw=content.date_raw,
        notes=notes,
    )
    return build_article(_article_text(content), source=where, article_id=article_id, source_kind=source_kind,
                         path=path, hints=hints, settings=settings, keep_offset_map=False, html=True)
