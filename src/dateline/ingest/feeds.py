"""RSS and Atom feeds (feedparser): one `Article` per entry, streamed.

An entry's full content (`content:encoded`, Atom `content`) is preferred over its summary; its markup is turned
into lines (an entry is an article body, not a page) and the text goes through the ingest stage's
`build_article`. The feed's own metadata (link, title, publication date, feed title as publisher) fills
what the text does not say. An entry's published (else updated) date is its article's publication date, ranked
as a record's date: it outranks a dateline or a date in the text, and only `--published` outranks it. A relative
entry link is made absolute against the feed's address (the URL it was fetched from, else its `rel="self"` link,
else its site link). Nothing is fetched here: a feed is a local file, or the body of a URL the user gave
(`sources.read_url`, which knows a feed by its content type or its first bytes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from dateline.errors import InputError
from dateline.model import Article
from dateline.settings import Settings

FEED_SUFFIXES = (".rss", ".atom", ".rdf")
_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_HINT = re.compile(r"<(p|div|br|span|a|img|h[1-6]|ul|li|strong|em)\b", re.IGNORECASE)


def looks_like_feed(path: Path) -> bool:
    """A `.rss`/`.atom`/`.rdf` file, or an `.xml` file whose first KiB opens an RSS, Atom or RDF document."""
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix != ".xml":
        return False
    try:
        with path.open("rb") as fh:
            return bool(_FEED_HEAD.search(fh.read(1024)))
    except OSError:
        return False


def is_feed_body(data: bytes, content_type: str | None) -> bool:
    """A fetched body that is a feed: an RSS/Atom/RDF content type, or, unless the server says HTML, a first KiB
    that opens an RSS, Atom or RDF document (many servers send feeds as text/xml or application/xml)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind.endswith(("rss+xml", "atom+xml", "rdf+xml")):
        return True
    return "html" not in kind and bool(_FEED_HEAD.search(data[:1024]))


def _entry_date(entry: Any, *, by_update: bool = False) -> tuple[dt.date | None, str | None]:
    """(the entry's date, its raw text): published, else updated, else created; updated first `by_update`."""
    from dateline.ingest.text import parse_date_value

    for key in ("updated", "published", "created") if by_update else ("published", "updated", "created"):
        if key not in entry:  # feedparser answers get("updated") with the published date when there is none
            continue
        raw = entry.get(key)
        if not raw:
            continue
        # feedparser reads Unix time ("1575000000") as a year-1574 date: the number is read as what it is
        if str(raw).strip().isdigit():
            return parse_date_value(str(raw).strip()), str(raw)
        value = entry.get(f"{key}_parsed")
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday), str(raw)
        return parse_date_value(raw), str(raw)
    return None, None


def entry_updated(entry: Any) -> dt.datetime | None:
    """When the feed says the entry was last updated (UTC, naive), or None when it gives no update date.

    Only the entry's own `updated` (Atom `<updated>`, RSS `atom:updated`/`dc:modified`): feedparser would answer
    an RSS item's pubDate for it, which says nothing about a later change."""
    value = entry.get("updated_parsed") if "updated" in entry else None
    if not value:
        return None
    try:
        return dt.datetime(*value[:6])
    except (TypeError, ValueError):
        return None


def entry_digest(entry: Any) -> str:
    """SHA-256 of the entry's text as the feed gives it (content, else summary): a changed text, a changed digest."""
    body, _ = _entry_body(entry)
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def feed_address(parsed: Any, fetched_from: str | None = None) -> str | None:
    """The address relative entry links are read against: the URL the feed came from, else its own
    `rel="self"` link, else the site it links to."""
    if fetched_from:
        return fetched_from
    for link in parsed.feed.get("links") or []:
        if link.get("rel") == "self" and link.get("href"):
            return str(link["href"])
    return parsed.feed.get("link") or None


def _entry_body(entry: Any) -> tuple[str, bool]:
    """(body, is_html): the longest content block, else the summary."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], "html" in (best.get("type") or "html") or bool(_HTML_HINT.search(best["value"]))
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, "html" in (detail.get("type") or "") or bool(_HTML_HINT.search(summary))


def _strip_tags(html: str) -> str:
    """Fallback when the HTML reader is unavailable: paragraphs kept as lines, tags dropped."""
    import html as html_lib

    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    text = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h[1-6])\s*/?>", "\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in html_lib.unescape(text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def entry_article(entry: Any, feed_title: str | None, item: str, *, settings: Settings | None = None,
                  address: str | None = None, update: bool = False) -> Article:
    """One feed entry → Article; raises InputError when it carries no text. `settings` carries `--published`;
    `address` is the feed's (`feed_address`), against which a relative link is made absolute. An `update` (an
    entry read again because it changed) is dated by its update date: that version was told then, so a toll it
    revises is a later report's (codebook section 6), not one of the first version's day."""
    from dateline.ingest.text import Hints, build_article

    body, is_html = _entry_body(entry)
    if not body.strip():
        raise InputError(item, "feed entry has no text (no content or summary)")
    # an entry's HTML is the article body itself, not a page: there is no boilerplate for a page extractor
    # to remove (and on a short snippet it would find "no main text"), so markup is only turned into lines
    text = _strip_tags(body) if is_html else body.strip()
    if not text:
        raise InputError(item, "feed entry has no text after removing markup")
    link = entry.get("link") or None
    if link and address:
        link = urljoin(address, link)
    published, raw = _entry_date(entry, by_update=update)
    hints = Hints(url=link, record_published=published, record_published_raw=raw)
    article = build_article(text, source=item, source_kind="feed", hints=hints, settings=settings)
    update: dict[str, Any] = {}
    if entry.get("title") and not article.title:
        update["title"] = entry["title"]
    if feed_title and not article.publisher:
        update["publisher"] = feed_title
    if entry.get("author") and not article.author:
        update["author"] = entry["author"]
    return article.model_copy(update=update) if update else article


def read_feed(path: str | Path, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Articles of a local RSS/Atom file, one per entry; a bad entry yields an InputError and the rest go on."""
    source = str(path)
    settings = settings or Settings()
    try:
        size = Path(path).stat().st_size
        # a feed is parsed whole; the per-input limit still bounds memory
        if size > 20 * settings.max_input_bytes:
            yield InputError(source, f"feed too large ({size} bytes)")
            return
        data = Path(path).read_bytes()
    except OSError as err:
        yield InputError(source, f"cannot read feed: {err.strerror or err}")
        return
    yield from read_feed_bytes(data, source, settings)


def read_feed_bytes(data: bytes, source: str, settings: Settings,
                    fetched_from: str | None = None) -> Iterator[Article | InputError]:
    """Articles of a feed's bytes (a file's, or the body of the URL `fetched_from`), one per entry."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"not a readable feed: {parsed.bozo_exception}" if parsed.get("bozo") else "feed has no entries"
        yield InputError(source, reason)
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    address = feed_address(parsed, fetched_from)
    for index, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        item = f"{source}#{entry.get('id') or (urljoin(address, link) if address and link else link) or index}"
        try:
            yield entry_article(entry, feed_title, item, settings=settings, address=address)
        except InputError as err:
            yield err
