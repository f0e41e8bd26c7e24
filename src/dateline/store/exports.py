"""`dateline export`: stored events, filtered, in the format a user's tools read.

Formats: acled (CSV, the events stage's writer), geojson, parquet, plover (JSONL, the claims stage's writer),
evidence (JSON with every field's span). `--merged` exports merged events (one per real-world event) instead
of per-article events. Filters come as `--where` expressions (see `parse_where`). Events carry reviewed values.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar

from dateline.errors import DatelineError, UsageError
from dateline.model import Article, Event, Report
from dateline.outputs import check_writable, open_output
from dateline.review import review_flags
from dateline.store.repository import EventFilter, Store, event_from_row
from dateline.store.type_names import canonical_countries, canonical_types

FORMATS = ("acled", "geojson", "parquet", "plover", "evidence")
T = TypeVar("T")
WHERE_HELP = (
    "date>=YYYY-MM-DD, date<=YYYY-MM-DD, date=YYYY-MM-DD, country=Iraq, admin1=Baghdad, event_type=Riots, "
    "sub_event_type=…, actor=…, source=…, status=accepted (several values: a,b)"
)
_KEYS = {"country": "country", "admin1": "admin1", "event_type": "event_type", "type": "event_type",
         "sub_event_type": "sub_event_type", "subtype": "sub_event_type", "actor": "actor", "source": "source",
         "status": "review_status", "review_status": "review_status"}
_LIST_KEYS = {"event_type", "sub_event_type", "review_status"}


class ExportError(DatelineError):
    pass


class ExportOptionError(ExportError, UsageError):
    """A --format, --where or -o the export cannot take."""


def _date(value: str, expr: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ExportOptionError(f"--where {expr!r}: expected a date as YYYY-MM-DD") from None


def parse_where(exprs: Sequence[str]) -> EventFilter:
    """`["date>=2019-10-01", "country=Iraq", "event_type=Riots,Protests"]` → EventFilter."""
    f = EventFilter()
    for expr in exprs:
        for op in (">=", "<=", "="):
            key, sep, value = expr.partition(op)
            if sep:
                break
        else:
            if expr.strip().lower() in ("date", "event_date"):  # an unquoted date>=… lost its rest to the shell
                raise ExportOptionError(f"--where {expr!r}: quote the filter, e.g. --where 'date>=2019-10-01' (unquoted, "
                                  "the shell takes > and < as redirections)")
            raise ExportOptionError(f"--where {expr!r}: expected field=value, date>=… or date<=… ({WHERE_HELP})")
        key, value = key.strip().lower(), value.strip()
        if key in ("date", "event_date"):
            day = _date(value, expr)
            if op in (">=", "="):
                f.date_from = day
            if op in ("<=", "="):
                f.date_to = day
            continue
        if op != "=" or key not in _KEYS:
            raise ExportOptionError(f"--where {expr!r}: unknown filter ({WHERE_HELP})")
        name = _KEYS[key]
        if name == "review_status":
            from dateline.store.tables import REVIEW_STATUSES

            bad = [v for v in value.split(",") if v not in REVIEW_STATUSES]
            if bad:
                raise ExportOptionError(f"--where {expr!r}: status is one of {', '.join(REVIEW_STATUSES)}")
        if name == "country":  # "IRQ" or a misspelt name would export no event and look like none stored
            try:
                value = canonical_countries([value])[0]
            except ValueError as err:
                raise ExportOptionError(f"--where {expr!r}: {err}") from None
        if name in ("event_type", "sub_event_type"):
            try:
                value = ",".join(canonical_types(value.split(","), (name,)))
            except ValueError as err:
                raise ExportOptionError(f"--where {expr!r}: {err}") from None
        setattr(f, name, value.split(",") if name in _LIST_KEYS else value)
    return f


def without_rejected(f: EventFilter) -> EventFilter:
    """Events a reviewer rejected stay out of every export unless the filter asks for a status (status=rejected):
    a rejection is the reviewer's word that the row is not data."""
    if f.review_status is None:
        from dateline.store.tables import REVIEW_STATUSES

        f.review_status = [status for status in REVIEW_STATUSES if status != "rejected"]
    return f


def with_articles(store: Store, stream: Iterable[tuple[Event, dict[str, Any]]]) -> Iterator[tuple[Event, Article | None]]:
    """Each event with its stored article, which gives an ACLED row its timestamp and an undated event its
    date as `dateline extract --format acled` gives them (a merged event has no one article: None)."""
    cache: dict[int, Article | None] = {}

    def article(article_id: int) -> Article | None:
        stored = store.get_article(article_id)
        return Article.model_validate({**stored["metadata"], "text": stored["text"]}) if stored else None

    for event, extra in stream:
        article_id = extra.get("article_id")
        yield event, (None if article_id is None else _cached(cache, article_id, article))


def _cached(cache: dict[int, T], article_id: int, load: Callable[[int], T]) -> T:
    """`load(article_id)`, kept in `cache`, which is emptied past 10,000 articles (an export of a whole corpus
    reads each article once per run of its events, not once per event)."""
    if article_id not in cache:
        if len(cache) > 10_000:
            cache.clear()
        cache[article_id] = load(article_id)
    return cache[article_id]


def _article_info(store: Store, cache: dict[int, dict[str, Any]], article_id: int) -> dict[str, Any]:
    def info(key: int) -> dict[str, Any]:
        art = store.get_article(key) or {}
        return {k: art.get(k) for k in ("id", "title", "url", "publisher", "published", "path")}

    return _cached(cache, article_id, info)


def event_stream(store: Store, f: EventFilter, *, with_article: bool = False,
                 review_cut: float | None = None) -> Iterator[tuple[Event, dict[str, Any]]]:
    """(Event with reviewed values, extra columns) for each matching per-article event, stable order. Its
    `needs_review` flag says whether it waits for a reviewer under `review_cut` (default: the cut in force,
    DATELINE_MIN_CONFIDENCE or the shipped model's), not what the decision said at extraction."""
    if review_cut is None:
        from dateline.extraction.decide import review_threshold

        review_cut = review_threshold()
    cache: dict[int, dict[str, Any]] = {}
    for row in store.iter_event_rows(f):
        extra: dict[str, Any] = {"uid": row.uid, "store_id": row.id, "article_id": row.article_id,
                                 "review_status": row.review_status, "source_count": 1,
                                 "independent_sources": 1}
        if with_article:
            extra["article"] = _article_info(store, cache, row.article_id)
        event = event_from_row(row)
        event.flags = review_flags(event.flags, event.confidence, row.review_status, review_cut)
        yield event, extra


def merged_stream(store: Store, f: EventFilter) -> Iterator[tuple[Event, dict[str, Any]]]:
    """(Event built from the merged fields, extra columns incl. disputes) for each matching merged event."""
    for merged in store.query_merged(f):
        fields = {k: v for k, v in merged["fields"].items() if k in Event.model_fields}
        event = Event.model_validate({**fields, "id": merged["uid"]})
        yield event, {"uid": merged["uid"], "store_id": merged["id"], "article_id": None,
                      "review_status": merged["review_status"],
                      "source_count": merged["source_count"],
                      "independent_sources": merged.get("independent_count", merged["source_count"]),
                      "disputes": merged["disputes"]}


@contextmanager
def _text_out(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    with open_output(output, newline="") as fh:
        yield fh


def with_dateline_ids(stream: Iterator[tuple[Event, dict[str, Any]]],
                      merged: bool = False) -> Iterator[tuple[Event, dict[str, Any]]]:
    """Every event with a dateline `event_id_cnty` ("DL-IRQ-…", `model.make_event_id_cnty`).

    An event stored without one, or with the ISO3 + digits form older versions wrote (which reads like a real
    ACLED id), gets one from its stored uid, so the same database always exports the same ids. A merged event
    is a record of its own: its id derives from the merged uid, never from one of its members.
    """
    from dateline.codebook import default_codebook
    from dateline.model import make_event_id_cnty, parse_event_id_cnty

    book = default_codebook()
    for event, extra in stream:
        if merged or parse_event_id_cnty(event.event_id_cnty) is None:
            iso3 = book.iso3(event.country) if event.country else None
            event = event.model_copy(update={"event_id_cnty": make_event_id_cnty(iso3, str(extra["uid"]))})
        yield event, extra


def _acled_writer() -> Any:
    try:
        from dateline.export import acled
    except ImportError:
        raise ExportError("the ACLED CSV writer (dateline.export.acled) is not installed in this build") from None
    for name in ("write_acled_csv", "write_csv", "write_acled"):
        if hasattr(acled, name):
            return getattr(acled, name)
    raise ExportError("dateline.export.acled has no CSV writer function (write_acled_csv)")


def _plover_writer() -> Any:
    try:
        from dateline.export import plover
    except ImportError:
        raise ExportError("the PLOVER writer (dateline.export.plover) is not installed in this build") from None
    for name in ("write_plover_jsonl", "write_jsonl", "write_plover"):
        if hasattr(plover, name):
            return getattr(plover, name)
    raise ExportError("dateline.export.plover has no JSONL writer function (write_plover_jsonl)")


def export(store: Store, fmt: str, where: Sequence[str] = (), output: Path | None = None,
           merged: bool = False, min_confidence: float | None = None) -> str:
    """Write the export; returns a one-line summary for the user. `min_confidence` leaves out the events the
    decision left for review (reviewed-accepted events stay); merged events were cut when merged."""
    summary = _write_export(store, fmt, where, output, merged, min_confidence)
    if merged and not store.counts()["merged_events"]:
        # `--merged` before any `dateline merge` wrote an empty file and said only "wrote 0 events"
        summary += " (the database holds no merged events yet: run `dateline merge` first)"
    return summary


def _write_export(store: Store, fmt: str, where: Sequence[str], output: Path | None, merged: bool,
                  min_confidence: float | None) -> str:
    if fmt not in FORMATS:
        raise ExportOptionError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    f = without_rejected(parse_where(where))
    f.min_confidence = min_confidence
    if merged and fmt in ("plover", "evidence"):
        raise ExportOptionError(f"--merged works with acled, geojson and parquet, not {fmt}")
    stream = merged_stream(store, f) if merged else event_stream(store, f, with_article=fmt == "evidence")
    stream = with_dateline_ids(stream, merged)
    target = str(output) if output else "stdout"
    if fmt == "geojson":
        from dateline.export.geojson import write_geojson

        with _text_out(output) as out:
            written, skipped = write_geojson(stream, out)
        return f"wrote {_events(written)} to {target}" + (f" ({skipped} without coordinates left out)" if skipped else "")
    if fmt == "parquet":
        from dateline.export.parquet import write_parquet

        if output is None:
            raise ExportOptionError("--format parquet needs -o FILE (Parquet is binary)")
        check_writable(output)
        return f"wrote {_events(write_parquet(stream, output))} to {target}"
    if fmt == "evidence":
        from dateline.export.evidence import write_evidence

        with _text_out(output) as out:
            return f"wrote {_events(write_evidence(stream, out))} to {target}"
    if fmt == "acled":
        writer = _acled_writer()
        with _text_out(output) as out:
            written = writer(with_articles(store, stream), out)
        return f"wrote {_events(written)} to {target}"
    writer = _plover_writer()
    reports = list(plover_reports(store, f, stream))
    with _text_out(output) as out:
        writer(reports, out)
    articles = "1 article" if len(reports) == 1 else f"{len(reports)} articles"
    return f"wrote PLOVER records of {articles} to {target}"


# EventFilter fields that describe an event; the cut and the review status only judge whether it is data.
_EVENT_FIELDS = ("date_from", "date_to", "country", "admin1", "event_type", "sub_event_type", "actor", "source",
                 "bbox", "article_id", "q")


def plover_reports(store: Store, f: EventFilter, stream: Iterator[tuple[Event, dict[str, Any]]]) -> Iterator[Report]:
    """Each matching article's current report with its statements, and as events only those the stream
    holds: the ones that pass the filters and the cut, with reviewed values. The stored report also holds
    the events left for review or rejected, which a PLOVER export must leave out as every other format does.

    The cut and a rejection judge events, not statements: an article matches when one of its events passes
    the filters at any confidence and status, and without such filters every article with statements does."""
    events: dict[int, list[Event]] = {}
    for event, extra in stream:
        events.setdefault(extra["article_id"], []).append(event)
    articles = set(events)
    if any(getattr(f, name) not in (None, "", []) for name in _EVENT_FIELDS):
        any_event = EventFilter(**{**f.__dict__, "min_confidence": None, "review_status": None,
                                   "limit": None, "offset": 0})
        articles.update(row.article_id for row in store.iter_event_rows(any_event))
    else:
        articles.update(store.articles_with_statements())
    for article_id in sorted(articles):
        report = store.get_report(article_id)
        if report is not None and (report.statements or events.get(article_id)):
            yield report.model_copy(update={"events": events.get(article_id, [])})


def _events(count: int) -> str:
    return f"{count} event" if count == 1 else f"{count} events"
