"""Input readers (first pass: plain text files and stdin; the ingest work deepens this)."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer

from dateline.errors import InputError
from dateline.model import Article
from dateline.settings import Settings


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise InputError(source, "empty input")
    if b"\x00" in data[:4096]:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise InputError(source, "undecodable bytes: no text encoding fits") from None
        return str(best)


def article_from_text(text: str, *, article_id: str | None = None, source_kind: str = "text",
                      path: str | None = None) -> Article:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=article_id or digest[:16], text=text, source_kind=source_kind, path=path,
                   content_hash=digest)


def article_from_html(html: str, **kwargs: object) -> Article:
    raise NotImplementedError("HTML ingest is not built yet")


def read_source(source: str, settings: Settings | None = None) -> Iterator[Article | InputError]:
    settings = settings or Settings()
    if source == "-":
        data = sys.stdin.buffer.read()
        yield article_from_text(_decode(data, "<stdin>"), source_kind="stdin")
        return
    path = Path(source)
    if not path.exists():
        yield InputError(source, "no such file or directory")
        return
    try:
        data = path.read_bytes()
        yield article_from_text(_decode(data, source), path=str(path))
    except InputError as err:
        yield err
