"""The library's front door: `Pipeline` runs ingest → annotate → extract; `extract()` does it for one input.

The CLI, the HTTP API and the cluster adapter are thin shells over these calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article, Report
from dateline.resources import Resources
from dateline.settings import Settings


class Pipeline:
    """Holds the loaded resources; build one per process and reuse it for every article."""

    def __init__(self, settings: Settings | None = None, resources: Resources | None = None) -> None:
        self.settings = settings or (resources.settings if resources else Settings())
        self.resources = resources or Resources(self.settings)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Report]:
        """Reports for articles, in input order; spaCy annotates them in batches.

        An article dateline cannot code (`uncodable_reason`: not English, longer than spaCy takes) is not
        annotated: its report has `not_coded` set and no events, so one such article never ends a batch.
        """
        from dateline.extraction import build_report

        nlp = self.resources.nlp
        limit = min(nlp.max_length, self.settings.max_article_chars)
        reasons: dict[int, str] = {}

        def stream() -> Iterator[tuple[str, Article]]:
            for article in articles:
                reason = uncodable_reason(article, limit)
                if reason is not None:
                    reasons[id(article)] = reason
                yield ("" if reason else article.text), article

        for doc, article in nlp.pipe(stream(), as_tuples=True, batch_size=self.settings.batch_size):
            reason = reasons.pop(id(article), None)
            yield not_coded_report(article, reason) if reason else build_report(article, doc, self.resources)

    def extract_article(self, article: Article) -> Report:
        """The report of one article already read (by `read`, or built with `dateline.ingest.article_from_text`)."""
        return next(self.pipe([article]))

    def extract_text(self, text: str, **article_fields: object) -> Report:
        """The report of a text given as a string. `article_fields` are those of `article_from_text`, e.g.
        `published="2019-11-02"` to date "on Friday", `title=`, `publisher=`, `url=`."""
        from dateline.ingest import article_from_text

        return self.extract_article(article_from_text(text, **article_fields))  # type: ignore[arg-type]

    def read(self, source: str | Path) -> Iterator[Article | InputError]:
        """The articles of an input (a file, a directory, a JSONL corpus, a feed, a WARC archive, a URL or "-" for
        stdin), one at a time; an item that cannot be read comes as an `InputError` in its place, and the rest
        go on: `for item in pipeline.read(src): ... pipeline.extract_article(item)`."""
        from dateline.ingest import read_source

        return read_source(str(source), self.settings)


def _reads_as_text(source: str) -> bool:
    """Whether `source` is a passage of text handed over where a path goes: words with spaces, or lines, that name
    no file and no URL. A missing file name gets the plain "no such file" from the reader."""
    from dateline.ingest.sources import is_url, unusable_path

    words = source.strip()
    if source == "-" or is_url(words) or not (" " in words or "\n" in words):
        return False
    return unusable_path(source) is not None or not Path(source).expanduser().exists()


def uncodable_reason(article: Article, max_chars: int) -> str | None:
    """Why dateline cannot code `article` (None when it can): not English, or too long for one pass."""
    from dateline.ingest.language import is_supported

    if not is_supported(article.language):
        return f"not English (language {article.language}); dateline codes English text only"
    if len(article.text) > max_chars:
        return (f"article is {len(article.text):,} characters long, over the {max_chars:,} one article may have "
                "(spaCy's limit): split it into articles")
    return None


def not_coded_report(article: Article, reason: str) -> Report:
    """The report of an article that was read but not coded: its metadata and language, no events."""
    from dateline.version import PIPELINE_VERSION

    return Report(pipeline_version=PIPELINE_VERSION, article=article, not_coded=reason,
                  warnings=[*article.ingest_warnings, f"not coded: {reason}"])


def extract(source: str | Path, settings: Settings | None = None) -> Report:
    """Extract one input: a path, a URL or "-" for stdin. Raises InputError when it holds no article, or more
    than one (a JSONL corpus, a folder, a feed: iterate `Pipeline().read(source)`, or use `dateline run`)."""
    if isinstance(source, str) and _reads_as_text(source):
        name = source if len(source) <= 60 else source[:57] + "..."
        raise InputError(name, "no such file, directory or URL; to extract text itself, call "
                               "dateline.Pipeline().extract_text(text)")
    pipeline = Pipeline(settings)
    items = pipeline.read(source)
    for item in items:
        if isinstance(item, InputError):
            raise item
        if next(items, None) is not None:  # one Report would silently stand for the first article alone
            raise InputError(str(source), "holds more than one article and dateline.extract returns one Report: "
                                          "pass each article of Pipeline().read(source) to "
                                          "Pipeline.extract_article, or use `dateline run`")
        return pipeline.extract_article(item)
    raise InputError(str(source), "no article found")
