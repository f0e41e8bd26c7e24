"""The ingest stage: any input (text, HTML, JSONL corpus, directory, glob, stdin, URL) becomes `Article`s.

Public entry points:
- `article_from_text(text, ...)` / `article_from_html(html, ...)`: one document already in memory.
- `read_source(source, settings)`: one path, glob, URL or "-" → an iterator of `Article` or `InputError`
  (a multi-item source reports a bad item and goes on).
"""

from dateline.ingest.sources import article_from_html, article_from_text, read_source

__all__ = ["article_from_html", "article_from_text", "read_source"]
