"""WARC (and gzipped WARC) web archives (warcio): one `Article` per HTML or text response, streamed.

Records are read one at a time, so an archive of any size runs in bounded memory. Request, metadata and
warcinfo records are not articles and are passed over silently; a response that is not HTML or text (an
image, a PDF), is too large, or has no main text is reported as an `InputError` with its reason, and so is a
record the archive ends inside (a cut-off download), which would otherwise pass for a whole page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article
from dateline.settings import Settings

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return "utf-8"


def _decode(body: bytes, content_type: str) -> str:
    try:
        return body.decode(_charset(content_type))
    except (LookupError, UnicodeDecodeError):
        import charset_normalizer

        best = charset_normalizer.from_bytes(body).best()
        if best is None:
            raise
        return str(best)


def record_article(body: bytes, content_type: str, uri: str | None, item: str) -> Article:
    """One HTTP response body → Article (HTML through the ingest stage's reader)."""
    from dateline.ingest import article_from_html, article_from_text
    from dateline.ingest.feeds import _strip_tags

    try:
        text = _decode(body, content_type)
    except (LookupError, UnicodeDecodeError):
        raise InputError(item, "undecodable bytes: no text encoding fits") from None
    if not text.strip():
        raise InputError(item, "empty response body")
    is_html = not content_type.startswith("text/plain")
    article: Article | None = None
    if is_html:
        try:
            article = article_from_html(text)
        except NotImplementedError:
            article = None
        except InputError as err:
            raise InputError(item, err.reason) from None
        if article is None:
            stripped = _strip_tags(text)
            if not stripped:
                raise InputError(item, "no main text in the page")
            article = article_from_text(stripped)
    else:
        article = article_from_text(text.strip())
    update: dict[str, object] = {"source_kind": "warc"}
    if uri and not article.url:
        update["url"] = uri
    return article.model_copy(update=update)


def read_warc(path: str | Path, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Articles of a WARC file, one per HTML/text response record, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    settings = settings or Settings()
    source = str(path)
    try:
        fh = Path(path).open("rb")  # noqa: SIM115 - closed by the `with` below, after the error check
    except OSError as err:
        yield InputError(source, f"cannot read archive: {err.strerror or err}")
        return
    with fh:
        records = ArchiveIterator(fh)
        try:
            for number, record in enumerate(records, start=1):
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                # (records.get_record_offset() would consume the record's body: name it by position instead)
                item = f"{source}#{number} {uri or ''}".strip()
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    if status and not status.startswith("2"):
                        yield InputError(item, f"HTTP status {status}, not a page")
                        continue
                    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                else:
                    content_type = (record.rec_headers.get_header("Content-Type") or "").lower()
                if content_type and not content_type.startswith(_TEXT_TYPES):
                    yield InputError(item, f"not HTML or text ({content_type.split(';')[0]})")
                    continue
                body = record.content_stream().read(settings.max_input_bytes + 1)
                if len(body) > settings.max_input_bytes:
                    yield InputError(item, f"too large (over {settings.max_input_bytes} bytes)")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # warcio hands over what there is, unsaid
                    yield InputError(item, "the archive ends inside this record (an interrupted download or "
                                           "copy?): its page is cut short and the records after it are missing")
                    return
                try:
                    yield record_article(body, content_type or "text/html", uri, item)
                except InputError as err:
                    yield err
        except ArchiveLoadFailed as err:
            yield InputError(source, f"not a readable WARC archive: {str(err).splitlines()[0]}")
