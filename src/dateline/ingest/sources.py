"""Where articles come from: a file, a directory, a glob, standard input ("-") or a URL.

`read_source` yields `Article`s and, for an input that cannot be read, an `InputError` in its place, so a
multi-item run reports the bad item and goes on. Readers for further file kinds register a suffix in
`READERS` (`register_reader(".warc.gz", read_warc)`), which is how feeds and WARC files plug in.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from dateline.errors import InputError
from dateline.ingest.corpora import read_jsonl, read_jsonl_lines
from dateline.ingest.html import HTML_SUFFIXES, article_from_html, looks_like_html
from dateline.ingest.text import build_article, decode_text
from dateline.model import Article
from dateline.settings import Settings

Reader = Callable[[Path, Settings], Iterator[Article | InputError]]
READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".ndjson.gz": read_jsonl,
}
_GLOB_CHARS = "*?["


def register_reader(suffix: str, reader: Reader) -> None:
    """Read files whose name ends with `suffix` (e.g. ".warc.gz") with `reader` instead of as one document."""
    READERS[suffix.lower()] = reader


def _container_reader(path: Path) -> Reader | None:
    """WARC archives and RSS/Atom feeds, when their readers (`ingest.warc`, `ingest.feeds`) are present."""
    try:
        from dateline.ingest import warc

        if warc.is_warc(path):
            return warc.read_warc  # type: ignore[return-value]
    except ImportError:
        pass
    try:
        from dateline.ingest import feeds

        if feeds.looks_like_feed(path):
            return feeds.read_feed  # type: ignore[return-value]
    except ImportError:
        pass
    return None


def reader_for(path: Path) -> Reader | None:
    """The reader of a multi-article file kind, or None for a single text/HTML document."""
    name = path.name.lower()
    # The longest matching suffix wins: ".jsonl.gz" before ".gz".
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return _container_reader(path)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def unusable_path(source: str) -> str | None:
    """Why the system refuses `source` as a path at all (a paragraph pasted where a file name goes: "File name
    too long"), or None."""
    try:
        Path(source).expanduser().exists()
    except OSError as err:
        return err.strerror or str(err)
    return None


def unusable_input(source: str) -> InputError | None:
    """The one-line error for a source the system refuses as a path (see `unusable_path`), or None."""
    reason = unusable_path(source)
    if reason is None:
        return None
    name = source if len(source) <= 60 else source[:57] + "..."
    return InputError(name, f"not a file, directory or URL ({reason}); to extract text itself, pass it on "
                            "standard input: echo '...' | dateline extract -")


def is_multi(source: str) -> bool:
    """Whether a source can hold several articles (a directory, glob or corpus) rather than one."""
    path = Path(source)
    if source == "-" or is_url(source) or unusable_path(source):
        return False
    return path.is_dir() or reader_for(path) is not None or (not path.exists() and any(c in source for c in _GLOB_CHARS))


def mb(size: int) -> float:
    """Bytes as MB of 2**20 bytes, the unit of the 10 MB default limit."""
    return size / 2**20


def _too_big(size: int, settings: Settings) -> str:
    return (f"file is {mb(size):.1f} MB, over the {mb(settings.max_input_bytes):g} MB limit "
            "(raise DATELINE_MAX_INPUT_BYTES to read it)")


def document_from_bytes(data: bytes, source: str, settings: Settings, *, source_kind: str = "text",
                        path: str | None = None, url: str | None = None, html: bool | None = None) -> Article:
    """One document whose bytes are in memory; HTML when `html` says so or the content looks like it."""
    decoded = decode_text(data, source)
    return document_from_text(decoded.text, source, settings, source_kind=source_kind, path=path, url=url,
                              html=html, notes=[decoded.note] if decoded.note else [])


def document_from_text(text: str, source: str, settings: Settings, *, source_kind: str = "text",
                       path: str | None = None, url: str | None = None, html: bool | None = None,
                       notes: list[str] | None = None) -> Article:
    """One decoded document; `notes` say what decoding had to guess (kept on `Article.ingest_warnings`)."""
    if _is_json_document(text):  # coded as prose, a JSON export of N articles became one article of markup
        raise InputError(source, 'a JSON document, not article text: give a corpus as JSONL, one object with '
                                 '"text" or "html" per line (a .jsonl file)')
    if html is None:
        html = looks_like_html(text)
    elif html and "<" not in text[:4096]:
        html = False  # an ".html" name or a text/html header on what is plain text
    if html:
        kind = source_kind if source_kind != "text" else "html"
        return article_from_html(text, url=url, path=path, source_kind=kind, settings=settings, source=source,
                                 notes=notes)
    from dateline.ingest.text import Hints

    return build_article(text, source=source, source_kind=source_kind, path=path,
                         hints=Hints(url=url, notes=list(notes or [])), settings=settings)


def _is_json_document(text: str) -> bool:
    """Whether `text` is one JSON array or object (never the case for prose, even prose opening with "[")."""
    import json

    stripped = text.strip()
    if not (stripped[:1] == "[" and stripped[-1:] == "]") and not (stripped[:1] == "{" and stripped[-1:] == "}"):
        return False
    try:
        json.loads(stripped)
    except ValueError:
        return False
    return True


def read_file(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    """A single file: a registered corpus kind, or one text/HTML document (size checked before reading)."""
    reader = reader_for(path)
    if reader is not None:
        yield from reader(path, settings)
        return
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise InputError(source, _too_big(size, settings))
        with path.open("rb") as stream:
            data = stream.read(settings.max_input_bytes + 1)
        if len(data) > settings.max_input_bytes:  # a file that grew, or a device without a size
            raise InputError(source, _too_big(len(data), settings))
        html = True if path.suffix.lower() in HTML_SUFFIXES else None
        yield document_from_bytes(data, source, settings, path=source, html=html)
    except InputError as err:
        yield err
    except IsADirectoryError:
        yield from read_directory(path, settings)
    except OSError as err:
        yield InputError(source, f"cannot read: {err.strerror or err}")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def directory_files(root: Path) -> list[Path]:
    """Every non-hidden file under `root`, recursively, in sorted path order."""
    return sorted((p for p in root.rglob("*") if p.is_file() and not _hidden(p, root)), key=lambda p: str(p))


def read_directory(root: Path, settings: Settings) -> Iterator[Article | InputError]:
    files = directory_files(root)
    if not files:
        yield InputError(str(root), "directory holds no files")
        return
    for path in files:
        yield from read_file(path, settings)


def read_glob(pattern: str, settings: Settings) -> Iterator[Article | InputError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputError(pattern, "no file matches this pattern")
        return
    for match in matches:
        path = Path(match)
        yield from (read_directory(path, settings) if path.is_dir() else read_file(path, settings))


def _looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    import json

    line = text.lstrip().split("\n", 1)[0]
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def read_stdin(settings: Settings, stream: IO[bytes] | None = None) -> Iterator[Article | InputError]:
    """Standard input: one document (text or HTML), or a JSONL corpus when it reads like one."""
    source = "<stdin>"
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        data = stream.read(settings.max_input_bytes + 1)
        if len(data) > settings.max_input_bytes:
            raise InputError(source, f"more than {mb(settings.max_input_bytes):g} MB on standard input "
                                     "(save it as a .jsonl corpus, or raise DATELINE_MAX_INPUT_BYTES)")
        decoded = decode_text(data, source)
        if _looks_like_jsonl(decoded.text):
            lines = (line.encode("utf-8") for line in decoded.text.split("\n"))
            yield from read_jsonl_lines(lines, source, settings)
            return
        yield document_from_text(decoded.text, source, settings, source_kind="stdin",
                                 notes=[decoded.note] if decoded.note else [])
    except InputError as err:
        yield err


def read_url(url: str, settings: Settings) -> Iterator[Article | InputError]:
    """A page, or an RSS/Atom feed (one article per entry) known by its content type or first bytes."""
    from dateline.ingest import feeds
    from dateline.ingest.fetch import fetch

    try:
        data, content_type = fetch(url, settings)
    except InputError as err:
        yield err
        return
    if feeds.is_feed_body(data, content_type):
        yield from feeds.read_feed_bytes(data, url, settings, fetched_from=url)
        return
    try:
        html = None if not content_type else ("html" in content_type or "xml" in content_type)
        yield document_from_bytes(data, url, settings, source_kind="url", url=url, html=html)
    except InputError as err:
        yield err


def read_source(source: str, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Articles from one path, directory, glob, URL or "-" (stdin); a bad item is yielded as InputError."""
    settings = settings or Settings()
    if source == "-":
        yield from read_stdin(settings)
        return
    if is_url(source):
        yield from read_url(source, settings)
        return
    if (refused := unusable_input(source)) is not None:
        yield refused
        return
    path = Path(source).expanduser()
    if path.is_dir():
        yield from read_directory(path, settings)
    elif path.exists():
        yield from read_file(path, settings)
    elif any(c in source for c in _GLOB_CHARS):
        yield from read_glob(source, settings)
    else:
        yield InputError(source, "no such file or directory")
