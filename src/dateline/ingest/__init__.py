"""The ingest stage: any input (text, HTML, JSONL corpus, directory, glob, stdin, URL) becomes `Article`s.

Public entry points:
- `article_from_text(text, ...)` / `article_from_html(html, ...)`: one document already in memory.
- `read_source(source, settings)`: one path, glob, URL or "-" → an iterator of `Article` or `InputError`
  (a multi-item source reports a bad item and goes on).

One module per concern: `text` (decoding, article assembly), `html`, `corpora` (JSONL), `cleaning`,
`metadata` (title, byline, dateline, date signals), `fetch` (URLs), `sources` (dispatch by input kind).
"""

from __future__ import annotations

import datetime as dt

from dateline.ingest.html import article_from_html
from dateline.ingest.sources import read_source, register_reader
from dateline.ingest.text import Hints, build_article, parse_date_value
from dateline.model import Article
from dateline.settings import Settings


def article_from_text(text: str, *, article_id: str | None = None, source_kind: str = "text",
                      path: str | None = None, url: str | None = None, title: str | None = None,
                      publisher: str | None = None, published: dt.date | str | None = None,
                      settings: Settings | None = None) -> Article:
    """An Article from text in memory: cleaned, with metadata; `published` counts as a record's date.

    Raises InputError when no text is left after cleaning.
    """
    record_date = parse_date_value(published) if published is not None else None
    hints = Hints(title=title, publisher=publisher, url=url, record_published=record_date,
                  record_published_raw=str(published) if published is not None else None)
    return build_article(text, source=path or url or "<text>", article_id=article_id, source_kind=source_kind,
                         path=path, hints=hints, settings=settings)


__all__ = ["article_from_html", "article_from_text", "read_source", "register_reader"]
