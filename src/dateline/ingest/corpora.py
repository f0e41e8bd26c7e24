"""JSONL corpora: one article per line, streamed, so a corpus of any size runs in constant memory.

A line holds a JSON object with `text` or `html` and, optionally, `id`, `url`, `title`, `published` and
`publisher` (`published`: any form `text.parse_date_value` reads, Unix time included). `Article.id` is the line's
`id`. A bad line becomes an `InputError` naming `file:line` and the
reason; the lines after it are still read. `settings.max_input_bytes` limits each line (one article), not the
file. Files ending in `.gz` are decompressed on the fly.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from dateline.errors import InputError, json_fault
from dateline.model import Article
from dateline.settings import Settings

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_CHUNK = 1 << 16


def is_corpus_path(path: str | Path) -> bool:
    return str(path).lower().endswith(CORPUS_SUFFIXES)


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """Each line's bytes, or the byte count of a line longer than `limit` (never held in memory whole)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:  # skip the rest of the overlong line in chunks
                rest = stream.readline(_CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield size
        else:
            yield line


def _record_article(record: object, where: str, settings: Settings) -> Article:
    from dateline.ingest.html import article_from_html
    from dateline.ingest.text import Hints, build_article, parse_date_value

    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, found {type(record).__name__}")
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise InputError(where, 'no article: the object needs a non-empty "text" or "html" field')
    raw_id = record.get("id")
    article_id = str(raw_id) if raw_id is not None and str(raw_id) != "" else None
    url = record.get("url") if isinstance(record.get("url"), str) else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    publisher = _outlet(record)
    published_raw = record.get("published")
    published = parse_date_value(published_raw)
    raw_text = str(published_raw) if published_raw is not None else None
    if isinstance(text, str) and text.strip():
        hints = Hints(title=title, publisher=publisher, url=url, record_published=published,
                      record_published_raw=raw_text)
        return build_article(text, source=where, article_id=article_id, source_kind="jsonl", path=where,
                             hints=hints, settings=settings)
    return article_from_html(str(html), article_id=article_id, url=url, path=where, source_kind="jsonl",
                             title=title, publisher=publisher, published=published, published_raw=raw_text,
                             settings=settings, source=where)


def _outlet(record: dict[str, object]) -> str | None:
    """The record's publisher: `publisher`, else `source`, the name ACLED's columns and many news corpora give the
    outlet (without it, the ACLED export's `source` column of their events stayed empty)."""
    for key in ("publisher", "source"):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_jsonl_lines(lines: Iterable[bytes | int], name: str,
                     settings: Settings) -> Iterator[Article | InputError]:
    """Articles from the lines of a JSONL stream; an int item is the size of a line that was too long."""
    for lineno, line in enumerate(lines, start=1):
        where = f"{name}:{lineno}"
        if isinstance(line, int):
            yield InputError(where, f"line is {line / 2**20:.1f} MB, over the {settings.max_input_bytes / 2**20:g} MB "
                                    "limit per article (DATELINE_MAX_INPUT_BYTES)")
            continue
        if not line.strip():
            continue
        try:
            # without its newline, so an error's column falls inside the line rather than at "column 1" of the next
            record = json.loads(line.rstrip(b"\r\n"))
        except UnicodeDecodeError:
            yield InputError(where, "line is not UTF-8 encoded JSON")
            continue
        except json.JSONDecodeError as err:
            yield InputError(where, f"invalid JSON ({json_fault(err)})")
            continue
        try:
            yield _record_article(record, where, settings)
        except InputError as err:
            yield err


def read_jsonl(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    """Stream a JSONL (or .jsonl.gz) corpus file."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    read = 0  # whole lines read, for the error of a compressed file cut short

    def counted(lines: Iterator[bytes | int]) -> Iterator[bytes | int]:
        nonlocal read
        for line in lines:
            read += 1
            yield line

    try:
        with opener(path, "rb") as stream:
            yield from read_jsonl_lines(counted(_bounded_lines(stream, settings.max_input_bytes)),  # type: ignore[arg-type]
                                        str(path), settings)
    except OSError as err:  # unreadable file, broken gzip stream
        yield InputError(str(path), f"cannot read: {err.strerror or err}")
    except EOFError:  # gzip's word for a file cut short; it would end the whole run
        yield InputError(str(path), f"the compressed file is cut short (an interrupted download or copy?): "
                                    f"read up to line {read}, the rest is missing")
