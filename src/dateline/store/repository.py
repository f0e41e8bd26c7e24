"""`Store`: every read and write of dateline's database goes through this class.

Writes are batched: `add_reports` stores articles, their reports and everything extracted from them, and
the batch's failures, in ONE transaction, so a process killed at any moment leaves whole batches or nothing.
Articles are keyed by content hash and reports by (article, pipeline version): writing the same report twice
is a no-op, which is what makes runs resumable.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import socket
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Self
from urllib.parse import urlsplit

from sqlalchemy import Select, String, and_, cast, func, insert, not_, or_, select, text, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from dateline.model import Article, Claim, Event, Place, Quote, Report, Statement
from dateline.review import FORCED_REVIEW, NEEDS_REVIEW
from dateline.settings import Settings
from dateline.store import db
from dateline.store.tables import (
    EVENT_COLUMNS,
    EVENT_JSON_COLUMNS,
    REVIEW_STATUSES,
    ApiTokenRow,
    ArticleRow,
    AuditRow,
    ClaimRow,
    EventRow,
    FailureRow,
    MergedEventRow,
    MergedSourceRow,
    PlaceRow,
    QuoteRow,
    ReportRow,
    RunRow,
    StatementRow,
    utcnow,
    utcnow_aware,
)
from dateline.version import PIPELINE_VERSION

REVIEW_ACTIONS = {"accept": "accepted", "correct": "corrected", "reject": "rejected", "reset": "pending",
                  "comment": None}
SYSTEM_USER = "dateline"  # the audit log's user for what dateline itself does (carrying reviews over)
REVIEWED = ("accepted", "corrected", "rejected")
#: A run on another machine with no heartbeat for this long is taken as dead (a batch takes seconds).
STALE_RUN = dt.timedelta(hours=6)


class EditConflict(ValueError):
    """The event changed since the client read it (optimistic concurrency): re-read, then review again."""

    def __init__(self, event_id: int, expected: int, current: int) -> None:
        super().__init__(f"event {event_id} is at version {current}, not {expected}: someone reviewed it "
                         "meanwhile; reload it and review again")
        self.current = current


@dataclass(frozen=True)
class Reviewer:
    """Who reviews: the token's name, and its id and creation time (a re-created name is another token)."""

    name: str
    token_id: int | None = None
    token_created_at: dt.datetime | None = None
_REPORT_EXTRA = ("rejected", "dates", "source_profile", "warnings")


@dataclass
class EventFilter:
    """Which events to read. Every field is optional; set fields combine with AND.

    `review_status` and `event_type` accept one value or a list. `bbox` is (min_lon, min_lat, max_lon, max_lat).
    `actor` matches actor1, actor2 or the associated actors (case-insensitive substring); `source` and `q`
    likewise match the source column and the notes. By default only events of each article's current report
    are read (`all_versions=True` reads every pipeline version's events).
    `min_confidence` keeps events whose confidence (the learned decision's probability) reaches it, and
    every event a reviewer accepted or corrected; None reads them all.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | list[str] | None = None
    sub_event_type: str | list[str] | None = None
    actor: str | None = None
    source: str | None = None
    review_status: str | list[str] | None = None
    bbox: tuple[float, float, float, float] | None = None
    article_id: int | None = None
    q: str | None = None
    min_confidence: float | None = None
    all_versions: bool = False
    limit: int | None = None
    offset: int = 0


@dataclass
class BatchResult:
    stored: int = 0
    skipped: int = 0
    events: int = 0
    failures: int = 0
    article_ids: list[int] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)


def kept_clause(min_confidence: float) -> Any:
    """Events the decision keeps at this cut: confident enough and not sent to review whatever their
    probability (`FORCED_REVIEW`), or accepted/corrected by a reviewer. A cut of 0 keeps every event."""
    if min_confidence <= 0:
        # `--min-confidence 0` and `?min_confidence=0` promise every event, those sent to review whatever their
        # probability too, as `dateline extract --min-confidence 0` writes them
        return true()
    return or_(and_(EventRow.confidence >= min_confidence, not_(forced_review_clause())),
               EventRow.review_status.in_(("accepted", "corrected")))


def forced_review_clause(column: Any = None) -> Any:
    """SQL for `review.forced_review` over an events `flags` column (default: the events table's)."""
    # the flags are a JSON list; its text, matched on quoted names, reads the same on SQLite and PostgreSQL
    flags = func.coalesce(cast(EventRow.flags if column is None else column, String), "")
    return and_(flags.like(f'%"{NEEDS_REVIEW}"%'), or_(*(flags.like(f'%"{flag}"%') for flag in FORCED_REVIEW)))


def content_hash(article: Article) -> str:
    return article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def story_key_of(source_kind: str | None, article_key: str | None, digest: str, url: str | None,
                 path: str | None, *, resolve: bool = True) -> str | None:
    """What names one story across its revisions, hashed: a JSONL record's id in its file, else a URL that is
    not a site's front page, else a text or HTML file's path; None when nothing does (stdin, an id-less JSONL
    row, a feed entry without a link). `resolve` makes a relative path absolute (the reading process's folder);
    without it (a database upgrade, which cannot know that folder) a relative path names nothing."""
    def where(name: str) -> str | None:
        if resolve:
            return os.path.abspath(name)
        return name if os.path.isabs(name) else None

    key: str | None = None
    if source_kind == "jsonl" and path and article_key and article_key != digest[:16]:
        # a JSONL article's path is "file:line"; the line moves when rows are added, the id does not
        file, _, line = path.rpartition(":")
        place = where(file if file and line.isdigit() else path)
        key = f"jsonl\0{place}\0{article_key}" if place else None
    elif url and urlsplit(url).path.strip("/"):
        key = f"url\0{url}"
    elif source_kind in ("text", "html") and path:
        place = where(path)
        key = f"file\0{place}" if place else None
    return hashlib.sha256(key.encode("utf-8")).hexdigest() if key else None


def story_key(article: Article) -> str | None:
    """`story_key_of` an Article about to be stored."""
    return story_key_of(article.source_kind, article.id, content_hash(article), article.url, article.path)


_STORY_LOCKS = 7340323  # PostgreSQL advisory lock space of story keys (the merge's lock is 7340322)


def _file_of(source_kind: str | None, path: str) -> str:
    """The file of an article's path: a JSONL article's path is "file:line"."""
    file, _, line = path.rpartition(":")
    return file if source_kind == "jsonl" and file and line.isdigit() else path


def _adopt_keyless_telling(conn: Any, key: str, article: Article) -> None:
    """Give this story's key to an article stored before story keys from a relative file path. The upgrade
    could not tell which folder that path was relative to, so it left the article keyless; this article's own
    file tells: the earlier path is the tail of this file's absolute path (`dateline run` started in another
    folder), and read from the folder that makes it so, it names this story. The earlier telling is then
    superseded as any other."""
    if article.source_kind not in ("text", "html", "jsonl") or not article.path:
        return
    own = os.path.abspath(_file_of(article.source_kind, article.path))
    rows = conn.execute(select(ArticleRow.id, ArticleRow.content_hash, ArticleRow.article_key, ArticleRow.url,
                               ArticleRow.path)
                        .where(ArticleRow.story_key.is_(None), ArticleRow.source_kind == article.source_kind,
                               ArticleRow.path.like(f"%{os.path.basename(own)}%"))).all()
    for article_id, digest, article_key, url, path in rows:
        relative = os.path.normpath(_file_of(article.source_kind, path))
        if os.path.isabs(relative) or not own.endswith(os.sep + relative):
            continue
        folder = own[:-len(relative)]
        if story_key_of(article.source_kind, article_key, digest, url, os.path.join(folder, path)) == key:
            conn.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(story_key=key))


def _json(model: Any, **kw: Any) -> Any:
    return model.model_dump(mode="json", **kw)


def event_values(event: Event) -> dict[str, Any]:
    """Column values of `events` for one Event model."""
    data = event.model_dump(mode="python")
    values: dict[str, Any] = {name: data[name] for name in EVENT_COLUMNS}
    dumped = event.model_dump(mode="json", include=set(EVENT_JSON_COLUMNS))
    values.update(dumped)
    return values


def event_from_row(row: EventRow) -> Event:
    """The Event model of a stored event, carrying reviewed values."""
    data: dict[str, Any] = {name: getattr(row, name) for name in EVENT_COLUMNS}
    data.update({name: getattr(row, name) for name in EVENT_JSON_COLUMNS})
    data["id"] = row.local_id
    return Event.model_validate(data)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def event_dict(row: EventRow) -> dict[str, Any]:
    """A stored event as a JSON-ready dict: every column, JSON columns decoded, dates as ISO strings."""
    out: dict[str, Any] = {
        "id": row.id, "uid": row.uid, "article_id": row.article_id, "report_id": row.report_id,
        "local_id": row.local_id, "review_status": row.review_status, "updated_at": _jsonable(row.updated_at),
        "version": row.version,
    }
    for name in EVENT_COLUMNS + EVENT_JSON_COLUMNS:
        out[name] = _jsonable(getattr(row, name))
    return out


def _row_dict(row: Any, columns: Iterable[str]) -> dict[str, Any]:
    return {name: _jsonable(getattr(row, name)) for name in columns}


_ARTICLE_COLS = ("id", "content_hash", "article_key", "source_kind", "url", "path", "title", "publisher",
                 "published", "language", "created_at")
_MERGED_COLS = ("id", "uid", "family", "event_date", "date_start", "date_end", "event_type", "sub_event_type",
                "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities",
                "source_count", "independent_count", "fields", "disputes", "notes", "review_status", "updated_at")
_RUN_COLS = ("id", "pipeline_version", "inputs", "status", "started_at", "finished_at", "articles", "skipped",
             "events", "failures", "pid", "host", "heartbeat_at")
_AUDIT_COLS = ("id", "event_id", "event_uid", "user", "token_id", "token_created_at", "action", "changes",
               "comment", "at")


def _after_key(last_id: int, last_date: dt.date | None) -> Any:
    """Rows after (last_date, last_id) in the order (event_date IS NULL, event_date, id)."""
    if last_date is None:  # undated rows come last, by id
        return and_(EventRow.event_date.is_(None), EventRow.id > last_id)
    return or_(
        EventRow.event_date.is_(None),
        EventRow.event_date > last_date,
        and_(EventRow.event_date == last_date, EventRow.id > last_id),
    )


def _needle(name: str, value: str) -> str:
    """A substring filter's value, lower-cased; ValueError for a NUL character (no stored text has one, and
    PostgreSQL refuses it in a query)."""
    if "\x00" in value:
        raise ValueError(f"{name}: the NUL character cannot be searched for")
    return value.lower()


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time with its UTC zone (SQLite hands back naive datetimes even for zone-aware columns)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _process_gone(pid: int) -> bool:
    """True when no process has this id (signal 0 checks without sending anything)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, owned by someone else
        return False
    return _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed child its parent has not reaped yet still has a pid, but it will never write again."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _as_list(value: str | list[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


LOCKED_RETRIES = 5  # attempts of one write transaction that SQLite turned down as locked


def retried_when_locked(method: Any) -> Any:
    """Run a Store method that writes in one transaction again when SQLite turns it down as locked: a batch of a
    run must not be lost because another run committed at the wrong moment. The transaction was rolled back,
    so running it again stores everything once."""
    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        for attempt in range(LOCKED_RETRIES - 1):
            try:
                return method(self, *args, **kwargs)
            except db.DatabaseBusyError:
                time.sleep(0.05 * 2 ** attempt)
        return method(self, *args, **kwargs)  # the last attempt's error is the caller's
    return wrapper


class Store:
    """dateline's database. `Store(url)` opens (and, when empty, creates) it; see the package docstring."""

    def __init__(self, url: str | None = None, *, settings: Settings | None = None, create: bool = True,
                 check: bool = True, must_exist: bool = False) -> None:
        self.url = db.resolve_url(url, settings)
        if must_exist:
            db.require_existing(self.url)
        self.engine = db.make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if check:
            db.check_schema(self.engine, create=create)

    # -- lifecycle -------------------------------------------------------------------------------------
    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self, *, exclusive: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error. A database error other
        than a constraint (damaged file, lost server) becomes a one-line StoreError.

        `exclusive`: no other exclusive transaction, in any process, runs at the same time (SQLite: the write
        lock is taken at BEGIN; PostgreSQL: an advisory lock), and this one reads what the one before it
        committed. Work that reads what is still to do and then writes it (a merge) stays correct when two
        processes start it together."""
        try:
            with self._sessions() as session, session.begin():
                if exclusive:
                    conn = session.connection()
                    if self.dialect == "sqlite":
                        conn.exec_driver_sql("BEGIN IMMEDIATE")
                    else:
                        conn.execute(text("SELECT pg_advisory_xact_lock(7340322)"))  # dateline's merge
                yield session
        except IntegrityError:
            raise
        except DBAPIError as err:
            raise db.database_error(self.url, err) from None

    def _insert(self, table: Any) -> Any:
        """INSERT … ON CONFLICT DO NOTHING on either backend: concurrent runs may write the same row."""
        dialect = postgresql if self.dialect == "postgresql" else sqlite
        return dialect.insert(table)

    def upgrade(self) -> tuple[str | None, str]:
        return db.upgrade(self.engine)

    # -- runs and failures -----------------------------------------------------------------------------
    @retried_when_locked
    def start_run(self, inputs: Sequence[str], pipeline_version: str = PIPELINE_VERSION) -> int:
        """Record a new run (this process, this machine); first mark runs whose process is gone."""
        self.mark_interrupted()
        now = utcnow()
        with self.session() as s:
            run = RunRow(pipeline_version=pipeline_version, inputs=list(inputs), status="running",
                         started_at=now, articles=0, skipped=0, events=0, failures=0, pid=os.getpid(),
                         host=socket.gethostname()[:200], heartbeat_at=now)
            s.add(run)
            s.flush()
            return run.id

    @retried_when_locked
    def update_run(self, run_id: int, *, status: str | None = None, **counts: int) -> None:
        """Add `counts` (articles, skipped, events, failures) to the run's totals; set its status. Every call
        is also the run's heartbeat."""
        values: dict[str, Any] = {name: getattr(RunRow, name) + n for name, n in counts.items() if n}
        values["heartbeat_at"] = utcnow()
        if status is not None:
            values["status"] = status
            if status != "running":
                values["finished_at"] = utcnow()
        with self.session() as s:
            s.execute(update(RunRow).where(RunRow.id == run_id).values(**values))

    @retried_when_locked
    def mark_interrupted(self) -> list[int]:
        """Mark "running" runs whose process is gone as "interrupted"; returns their ids.

        On this machine a run is gone when its pid no longer exists; a run from another machine when its
        heartbeat is older than STALE_RUN. A run from an older dateline (no pid) is left alone.
        """
        here = socket.gethostname()[:200]
        now = utcnow()
        with self.session() as s:
            running = s.execute(select(RunRow.id, RunRow.pid, RunRow.host, RunRow.heartbeat_at)
                                .where(RunRow.status == "running")).all()
            dead = [run_id for run_id, pid, host, beat in running
                    if pid is not None and (_process_gone(pid) if host == here
                                            else beat is None or now - beat > STALE_RUN)]
            if dead:
                s.execute(update(RunRow).where(RunRow.id.in_(dead), RunRow.status == "running")
                          .values(status="interrupted", finished_at=now))
        return dead

    def runs(self, limit: int = 50) -> list[dict[str, Any]]:
        with self.session() as s:
            rows = s.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(limit)).all()
            return [_row_dict(r, _RUN_COLS) for r in rows]

    def failures(self, run_id: int | None = None, limit: int | None = None,
                 offset: int = 0) -> list[dict[str, Any]]:
        """Failed input items, oldest first: id, run_id, item, reason, content_hash, at."""
        stmt = select(FailureRow).order_by(FailureRow.id).offset(offset)
        if run_id is not None:
            stmt = stmt.where(FailureRow.run_id == run_id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.session() as s:
            return [_row_dict(r, ("id", "run_id", "item", "reason", "content_hash", "at"))
                    for r in s.scalars(stmt).all()]

    # -- writes ----------------------------------------------------------------------------------------
    def processed_hashes(self, hashes: Iterable[str], pipeline_version: str = PIPELINE_VERSION) -> set[str]:
        """Those of `hashes` whose article already has a report by `pipeline_version`."""
        wanted = list(dict.fromkeys(hashes))
        done: set[str] = set()
        with self.session() as s:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                stmt = (select(ArticleRow.content_hash).join(ReportRow, ReportRow.article_id == ArticleRow.id)
                        .where(ArticleRow.content_hash.in_(chunk), ReportRow.pipeline_version == pipeline_version))
                done.update(s.scalars(stmt).all())
        return done

    def add_report(self, report: Report, run_id: int | None = None) -> BatchResult:
        return self.add_reports([report], run_id=run_id)

    @retried_when_locked
    def add_reports(self, reports: Iterable[Report], run_id: int | None = None,
                    failures: Iterable[tuple[str, str, str | None]] = ()) -> BatchResult:
        """Store reports (article + everything extracted) and failures `(item, reason, content_hash)` in ONE
        transaction. A report whose article already has a report by the same pipeline version is skipped."""
        result = BatchResult()
        with self.session() as s:
            self._add_many(s, list(reports), run_id, result)
            for item, reason, digest in failures:
                if self._add_failure(s, item, reason, digest, run_id):
                    result.failures += 1
        return result

    @retried_when_locked
    def add_failures(self, failures: Iterable[tuple[str, str, str | None]], run_id: int | None = None) -> int:
        with self.session() as s:
            return sum(self._add_failure(s, item, reason, digest, run_id) for item, reason, digest in failures)

    def _add_failure(self, s: Session, item: str, reason: str, digest: str | None, run_id: int | None) -> bool:
        item, reason = item[:500], reason[:500]
        exists = s.scalar(select(FailureRow.id).where(FailureRow.item == item, FailureRow.reason == reason))
        if exists is not None:
            # Met again: list it under this run, which counted it and sends the user to `failures --run N`.
            if run_id is not None:
                s.execute(update(FailureRow).where(FailureRow.id == exists).values(run_id=run_id, at=utcnow()))
            return False
        # Another run may record the same failure between the check and the insert: that is no error.
        stmt = self._insert(FailureRow).values(item=item, reason=reason, content_hash=digest, run_id=run_id,
                                               at=utcnow()).on_conflict_do_nothing()
        return bool(s.execute(stmt).rowcount)

    def _add_many(self, s: Session, reports: list[Report], run_id: int | None, result: BatchResult) -> None:
        """Insert a batch with a handful of multi-row statements (not a few per article): the store must cost
        little next to extraction. Order of `result.article_ids` follows `reports`."""
        conn = s.connection()
        keyed = [(content_hash(r.article), r.pipeline_version or PIPELINE_VERSION, r) for r in reports]
        digests = list(dict.fromkeys(d for d, _, _ in keyed))
        existing: dict[str, int] = {}
        for i in range(0, len(digests), 500):
            chunk = digests[i:i + 500]
            existing.update({d: a for a, d in conn.execute(
                select(ArticleRow.id, ArticleRow.content_hash).where(ArticleRow.content_hash.in_(chunk))).all()})
        done: set[tuple[int, str]] = set()
        old_ids = list(existing.values())
        for i in range(0, len(old_ids), 500):
            done.update((a, v) for a, v in conn.execute(
                select(ReportRow.article_id, ReportRow.pipeline_version)
                .where(ReportRow.article_id.in_(old_ids[i:i + 500]))).all())
        # new articles, once each, in one statement
        now = utcnow()
        new_articles: dict[str, Article] = {}
        for digest, _, report in keyed:
            if digest not in existing and digest not in new_articles:
                new_articles[digest] = report.article
        if new_articles:
            rows = [{"content_hash": d, "article_key": a.id[:200], "story_key": story_key(a),
                     "source_kind": a.source_kind, "url": a.url,
                     "path": a.path, "title": a.title, "publisher": a.publisher[:300] if a.publisher else None,
                     "published": a.published, "language": a.language, "text": a.text,
                     "data": _json(a, exclude={"text"}), "created_at": now}
                    for d, a in sorted(new_articles.items())]  # one order in every process: no deadlock
            # Another run may store the same article meanwhile: keep its row and use that one's id.
            conn.execute(self._insert(ArticleRow).on_conflict_do_nothing(index_elements=["content_hash"]), rows)
            existing.update({d: a for a, d in conn.execute(
                select(ArticleRow.id, ArticleRow.content_hash)
                .where(ArticleRow.content_hash.in_(list(new_articles)))).all()})
        # reports: skip (article, version) pairs already stored or repeated in this batch
        todo: list[tuple[str, int, str, Report]] = []
        for digest, version, report in keyed:
            article_id = existing[digest]
            if (article_id, version) in done:
                result.skipped += 1
                result.article_ids.append(article_id)
                continue
            done.add((article_id, version))
            todo.append((digest, article_id, version, report))
        if not todo:
            return
        report_rows = [{"article_id": a, "pipeline_version": v, "schema_version": r.schema_version, "run_id": run_id,
                        "current": True, "n_events": len(r.events), "data": _json(r, include=set(_REPORT_EXTRA)),
                        "created_at": now} for _, a, v, r in todo]
        # A concurrent run may have stored the same (article, version) report since the lookup above: the
        # conflict skips ours, and RETURNING tells which were written.
        written = {(a, v): rid for rid, a, v in conn.execute(
            self._insert(ReportRow).on_conflict_do_nothing(index_elements=["article_id", "pipeline_version"])
            .returning(ReportRow.id, ReportRow.article_id, ReportRow.pipeline_version), report_rows).all()}
        raced = [t for t in todo if (t[1], t[2]) not in written]
        for _, article_id, _, _ in raced:
            result.skipped += 1
            result.article_ids.append(article_id)
        todo = [t for t in todo if (t[1], t[2]) in written]
        report_ids = [written[(a, v)] for _, a, v, _ in todo]
        if not todo:
            return
        superseded = {a: written[(a, v)] for _, a, v, _ in todo}
        conn.execute(update(ReportRow).where(ReportRow.article_id.in_(list(superseded)),
                                             ReportRow.id.not_in(list(superseded.values())),
                                             ReportRow.current.is_(True)).values(current=False))
        previously_reviewed = self._reviewed_events(s, list(superseded), list(superseded.values()))
        events: list[dict[str, Any]] = []
        quotes: list[dict[str, Any]] = []
        statements: list[dict[str, Any]] = []
        claims: list[dict[str, Any]] = []
        places: list[dict[str, Any]] = []
        for (digest, article_id, version, report), report_id in zip(todo, report_ids, strict=True):
            owner = {"report_id": report_id, "article_id": article_id}
            events += [{**owner, **event_values(e), "uid": f"{digest[:16]}/{version}/{e.id}", "local_id": e.id,
                        "review_status": "pending", "updated_at": now} for e in report.events]
            quotes += [{**owner, "local_id": q.id, "kind": q.kind, "speaker": q.speaker and q.speaker[:300],
                        "text": q.span.text, "data": _json(q)} for q in report.quotes]
            statements += [{**owner, "local_id": st.id, "plover": st.plover, "actor": st.actor and st.actor[:300],
                            "target": st.target and st.target[:300], "date": st.date, "data": _json(st)}
                           for st in report.statements]
            claims += [{**owner, "subject": c.subject, "subject_id": c.subject_id, "first_hand": c.first_hand,
                        "data": _json(c)} for c in report.claims]
            places += [{**owner, "mention": p.mention[:300], "name": p.name and p.name[:300], "kind": p.kind,
                        "geonameid": p.geonameid, "country": p.country, "admin1": p.admin1, "latitude": p.latitude,
                        "longitude": p.longitude, "data": _json(p)} for p in report.places]
            result.stored += 1
            result.events += len(report.events)
            result.article_ids.append(article_id)
            result.report_ids.append(report_id)
        for table, rows in ((EventRow, events), (QuoteRow, quotes), (StatementRow, statements),
                            (ClaimRow, claims), (PlaceRow, places)):
            if rows:
                conn.execute(insert(table), rows)
        if previously_reviewed:
            carry_reviews(s, previously_reviewed, report_ids)
        self._supersede_earlier_tellings(s, [(a, r.article) for _, a, _, r in todo], report_ids)

    @staticmethod
    def _supersede_earlier_tellings(s: Session, stored: list[tuple[int, Article]], report_ids: list[int]) -> None:
        """A revised article (the same JSONL record, URL or file with another text) takes its earlier telling's
        place: the earlier article's reports stop being current, so lists, exports and `dateline merge` see
        the revision only, and its reviews are carried to the matching events of the revision. The earlier
        rows stay (reports, events, audit log) for the record. Within a batch the last telling wins."""
        latest: dict[str, int] = {}
        told: dict[str, Article] = {}
        for article_id, article in stored:
            if (key := story_key(article)) is not None:
                latest[key] = article_id
                told[key] = article
        if not latest:
            return
        conn = s.connection()
        if conn.dialect.name == "postgresql":
            # Two runs storing texts of one story at once would each miss the other's uncommitted article and
            # both stay current. A lock per story (sorted: no deadlock) makes the second wait for the first's
            # commit, then see its article and supersede it. SQLite's single writer serialises them already.
            for key in sorted(latest):
                conn.execute(text("SELECT pg_advisory_xact_lock(:space, :key)"),
                             {"space": _STORY_LOCKS, "key": int(key[:8], 16) - 2**31})
        for key, article_id in latest.items():  # articles stored before keys were kept, or from another folder
            conn.execute(update(ArticleRow).where(ArticleRow.id == article_id, ArticleRow.story_key.is_(None))
                         .values(story_key=key))
        for key, article in told.items():
            _adopt_keyless_telling(conn, key, article)
        successor: dict[int, int] = {}
        keys = list(latest)
        for i in range(0, len(keys), 500):
            successor.update({a: latest[k] for a, k in conn.execute(
                select(ArticleRow.id, ArticleRow.story_key)
                .where(ArticleRow.story_key.in_(keys[i:i + 500]), ArticleRow.id.not_in(list(latest.values()))))})
        if not successor:
            return
        earlier = sorted(successor)
        reviewed = list(s.scalars(
            select(EventRow).join(ReportRow, ReportRow.id == EventRow.report_id)
            .where(EventRow.article_id.in_(earlier), ReportRow.current.is_(True),
                   EventRow.review_status.in_(REVIEWED)).order_by(EventRow.id)))
        conn.execute(update(ReportRow).where(ReportRow.article_id.in_(earlier), ReportRow.current.is_(True))
                     .values(current=False))
        if reviewed:
            carry_reviews(s, reviewed, report_ids, successor)

    @staticmethod
    def _reviewed_events(s: Session, article_ids: list[int], new_report_ids: list[int]) -> list[EventRow]:
        """Reviewed events of these articles' previous current reports: a re-extraction must not lose them."""
        previous = (select(func.max(ReportRow.id)).where(ReportRow.article_id.in_(article_ids),
                                                         ReportRow.id.not_in(new_report_ids))
                    .group_by(ReportRow.article_id))
        rows = s.scalars(select(EventRow).where(EventRow.report_id.in_(previous),
                                                EventRow.review_status.in_(REVIEWED))
                         .order_by(EventRow.id)).all()
        return list(rows)

    # -- articles and reports --------------------------------------------------------------------------
    def get_article(self, article_id: int) -> dict[str, Any] | None:
        """An article's columns plus `text` and `metadata` (the Article model minus text), or None."""
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return None
            out = _row_dict(row, _ARTICLE_COLS)
            out["text"] = row.text
            out["metadata"] = row.data
            return out

    def article_id_for_hash(self, digest: str) -> int | None:
        with self.session() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest))

    def list_articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        with self.session() as s:
            rows = s.scalars(select(ArticleRow).order_by(ArticleRow.id).limit(limit).offset(offset)).all()
            return [_row_dict(r, _ARTICLE_COLS) for r in rows]

    def articles_with_statements(self) -> list[int]:
        """Ids of the articles whose current report holds PLOVER statements, ascending."""
        stmt = (select(ReportRow.article_id).join(StatementRow, StatementRow.report_id == ReportRow.id)
                .where(ReportRow.current.is_(True)).distinct().order_by(ReportRow.article_id))
        with self.session() as s:
            return list(s.scalars(stmt).all())

    def get_report(self, article_id: int, pipeline_version: str | None = None) -> Report | None:
        """The article's Report as extracted (current version unless `pipeline_version`), with reviewed events."""
        with self.session() as s:
            art = s.get(ArticleRow, article_id)
            if art is None:
                return None
            stmt = select(ReportRow).where(ReportRow.article_id == article_id)
            stmt = stmt.where(ReportRow.pipeline_version == pipeline_version) if pipeline_version else \
                stmt.where(ReportRow.current.is_(True))
            rep = s.scalars(stmt).first()
            if rep is None:
                return None
            article = Article.model_validate({**art.data, "text": art.text})
            by = {"report_id": rep.id}
            events = s.scalars(select(EventRow).filter_by(**by).order_by(EventRow.id)).all()
            quotes = s.scalars(select(QuoteRow).filter_by(**by).order_by(QuoteRow.id)).all()
            stmts = s.scalars(select(StatementRow).filter_by(**by).order_by(StatementRow.id)).all()
            claims = s.scalars(select(ClaimRow).filter_by(**by).order_by(ClaimRow.id)).all()
            places = s.scalars(select(PlaceRow).filter_by(**by).order_by(PlaceRow.id)).all()
            return Report.model_validate({
                **rep.data, "schema_version": rep.schema_version, "pipeline_version": rep.pipeline_version,
                "article": article, "events": [event_from_row(e) for e in events],
                "quotes": [Quote.model_validate(q.data) for q in quotes],
                "statements": [Statement.model_validate(x.data) for x in stmts],
                "claims": [Claim.model_validate(c.data) for c in claims],
                "places": [Place.model_validate(p.data) for p in places],
            })

    # -- events ----------------------------------------------------------------------------------------
    def _event_query(self, f: EventFilter) -> Select[tuple[EventRow]]:
        stmt = select(EventRow)
        if not f.all_versions:
            stmt = stmt.join(ReportRow, ReportRow.id == EventRow.report_id).where(ReportRow.current.is_(True))
        conds: list[Any] = []
        if f.date_from:
            conds.append(EventRow.event_date >= f.date_from)
        if f.date_to:
            conds.append(EventRow.event_date <= f.date_to)
        if f.country:
            conds.append(func.lower(EventRow.country) == f.country.lower())
        if f.admin1:
            conds.append(func.lower(EventRow.admin1) == f.admin1.lower())
        if (types := _as_list(f.event_type)) is not None:
            conds.append(EventRow.event_type.in_(types))
        if (subs := _as_list(f.sub_event_type)) is not None:
            conds.append(EventRow.sub_event_type.in_(subs))
        if (statuses := _as_list(f.review_status)) is not None:
            conds.append(EventRow.review_status.in_(statuses))
        # Substring filters escape LIKE's wildcards: `%` or `_` typed by a reader is a character, not "anything".
        if f.actor:
            needle = _needle("actor", f.actor)
            conds.append(or_(*(func.lower(c).contains(needle, autoescape=True)
                               for c in (EventRow.actor1, EventRow.actor2, EventRow.assoc_actor_1,
                                         EventRow.assoc_actor_2))))
        if f.source:
            conds.append(func.lower(EventRow.source).contains(_needle("source", f.source), autoescape=True))
        if f.q:
            conds.append(func.lower(EventRow.notes).contains(_needle("q", f.q), autoescape=True))
        if f.bbox:
            min_lon, min_lat, max_lon, max_lat = f.bbox
            conds.append(and_(EventRow.longitude >= min_lon, EventRow.longitude <= max_lon,
                              EventRow.latitude >= min_lat, EventRow.latitude <= max_lat))
        if f.article_id is not None:
            conds.append(EventRow.article_id == f.article_id)
        if f.min_confidence is not None:
            conds.append(kept_clause(f.min_confidence))
        return stmt.where(*conds)

    def event_query(self, f: EventFilter | None = None) -> Select[tuple[EventRow]]:
        """The SELECT of event rows matching `f` (no order, limit or offset), to refine or count."""
        return self._event_query(f or EventFilter())

    def query_events(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching `f` as JSON-ready dicts (see `event_dict`), ordered by date then id."""
        return [event_dict(row) for row in self.iter_event_rows(f)]

    def iter_event_rows(self, f: EventFilter | None = None, chunk: int = 1000) -> Iterator[EventRow]:
        """Stream matching event rows (detached) in stable order: date (undated last), then id; bounded memory.

        Each chunk is found by sorting only (id, event_date) of the matching rows, then the full rows of
        those ids are read by primary key: sorting full rows (JSON evidence and all) made a deep page cost
        tens of ms on 10,000 events. `f.offset` is skipped once, in that narrow sort; later chunks continue
        from the last row's sort key (keyset), so streaming a whole export never re-skips earlier rows.
        The order is the same as ORDER BY (event_date IS NULL, event_date, id): ids are unique, so the key
        is total and offset-then-keyset yields exactly the rows an OFFSET/LIMIT walk would.
        """
        f = f or EventFilter()
        keys = self._event_query(f).with_only_columns(EventRow.id, EventRow.event_date)
        order = (EventRow.event_date.is_(None), EventRow.event_date, EventRow.id)
        offset, remaining = f.offset, f.limit
        last: tuple[int, dt.date | None] | None = None
        while remaining is None or remaining > 0:
            size = chunk if remaining is None else min(chunk, remaining)
            stmt = keys if last is None else keys.where(_after_key(*last))
            stmt = stmt.order_by(*order).limit(size)
            if last is None and offset:
                stmt = stmt.offset(offset)
            with self.session() as s:
                page = s.execute(stmt).all()
                if not page:
                    return
                ids = [event_id for event_id, _ in page]
                by_id = {row.id: row for row in s.scalars(select(EventRow).where(EventRow.id.in_(ids)))}
            # in the sorted order; a row deleted between the two reads (article removed meanwhile) is left out
            yield from (by_id[event_id] for event_id in ids if event_id in by_id)
            if len(page) < size:
                return
            last = (page[-1][0], page[-1][1])
            if remaining is not None:
                remaining -= len(page)

    def iter_events(self, f: EventFilter | None = None) -> Iterator[Event]:
        """Matching events as Event models (reviewed values), stable order; for exporters."""
        for row in self.iter_event_rows(f):
            yield event_from_row(row)

    def count_events(self, f: EventFilter | None = None) -> int:
        f = f or EventFilter()
        inner = self._event_query(EventFilter(**{**f.__dict__, "limit": None, "offset": 0})).subquery()
        with self.session() as s:
            return int(s.scalar(select(func.count()).select_from(inner)) or 0)

    def get_event(self, event_id: int) -> dict[str, Any] | None:
        """One event (see `event_dict`) plus `article` (columns, no text) and `merged` (its merged event with
        `sources`: the other events reporting it), or None."""
        with self.session() as s:
            row = s.get(EventRow, event_id)
            if row is None:
                return None
            out = event_dict(row)
            art = s.get(ArticleRow, row.article_id)
            out["article"] = _row_dict(art, _ARTICLE_COLS) if art else None
            merged_id = s.scalar(select(MergedSourceRow.merged_id).where(MergedSourceRow.event_id == event_id))
        out["merged"] = self.get_merged_event(merged_id) if merged_id is not None else None
        return out

    def event_model(self, event_id: int) -> Event | None:
        with self.session() as s:
            row = s.get(EventRow, event_id)
            return event_from_row(row) if row else None

    def events_per_day(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Counts per (event_date, event_type) for a timeline: [{date, event_type, count}], by date."""
        inner = self._event_query(f or EventFilter()).subquery()
        stmt = (select(inner.c.event_date, inner.c.event_type, func.count())
                .where(inner.c.event_date.is_not(None))
                .group_by(inner.c.event_date, inner.c.event_type).order_by(inner.c.event_date, inner.c.event_type))
        with self.session() as s:
            return [{"date": _jsonable(d), "event_type": t, "count": n} for d, t, n in s.execute(stmt).all()]

    # -- review and audit ------------------------------------------------------------------------------
    def review_event(self, event_id: int, user: str | Reviewer, action: str,
                     changes: dict[str, Any] | None = None, comment: str | None = None, *,
                     expected_version: int | None = None) -> dict[str, Any]:
        """Accept, correct, reject or reset an event, or comment on it; appends one audit entry.

        `action` is accept | correct | reject | reset | comment. `changes` (only with correct; allowed with
        accept) maps Event column names to new values; they are checked against the Event model and the
        ACLED codebook (`review_rules`), derived columns follow (year, event type, interaction, iso, region),
        and they are written into the event, so exports carry them. `expected_version` (the version the
        reviewer saw) makes the write conditional: EditConflict when the event changed since. Without it
        the write is still atomic, so an audit entry's `old` is always the previous entry's `new`.
        Raises KeyError for an unknown event, ValueError for a bad action, field or value.
        """
        if action not in REVIEW_ACTIONS:
            raise ValueError(f"unknown review action {action!r}; use one of {', '.join(REVIEW_ACTIONS)}")
        reviewer = user if isinstance(user, Reviewer) else Reviewer(name=user)
        changes = dict(changes or {})
        bad = sorted(set(changes) - set(EVENT_COLUMNS))
        if bad:
            raise ValueError(f"cannot correct {', '.join(bad)}: not an event column")
        if changes and action not in ("correct", "accept"):
            raise ValueError(f"action {action!r} takes no field changes; use 'correct'")
        # Without expected_version a lost race is retried on the fresh row (PostgreSQL locks the row instead,
        # so only SQLite ever retries); each attempt re-checks the corrections against what it reads.
        for attempt in range(50):
            done = self._review_once(event_id, reviewer, action, changes, comment, expected_version)
            if done is not None:
                return done
            time.sleep(0.005 * (attempt + 1))
        raise ValueError(f"event {event_id} is being reviewed by others right now; try again")

    def _review_once(self, event_id: int, reviewer: Reviewer, action: str, changes: dict[str, Any],
                     comment: str | None, expected_version: int | None) -> dict[str, Any] | None:
        from dateline.codebook import default_codebook
        from dateline.store.review_rules import apply_corrections

        with self.session() as s:
            row = s.get(EventRow, event_id, with_for_update=True)
            if row is None:
                raise KeyError(event_id)
            if expected_version is not None and row.version != expected_version:
                raise EditConflict(event_id, expected_version, row.version)
            current = event_from_row(row)
            updated = apply_corrections(current, changes, default_codebook()) if changes else current
            diff: dict[str, Any] = {}
            for name in EVENT_COLUMNS:
                old, new = getattr(current, name), getattr(updated, name)
                if old != new:
                    diff[name] = {"old": _jsonable(old), "new": _jsonable(new)}
            if action == "correct" and not diff and not comment:
                raise ValueError("'correct' needs at least one changed field")
            status = REVIEW_ACTIONS[action]
            values: dict[str, Any] = {name: getattr(updated, name) for name in diff}
            values.update(updated_at=utcnow(), version=row.version + 1)
            if status is not None:
                values["review_status"] = status
            # Conditional on the version read above: two reviewers cannot both write over the same state.
            written = s.execute(update(EventRow).where(EventRow.id == event_id, EventRow.version == row.version)
                                .values(**values).execution_options(synchronize_session=False)).rowcount
            if not written:
                if expected_version is not None:
                    raise EditConflict(event_id, expected_version, row.version + 1)
                return None
            s.add(AuditRow(event_id=event_id, event_uid=row.uid, user=reviewer.name[:200],
                           token_id=reviewer.token_id, token_created_at=_aware(reviewer.token_created_at),
                           action=action, changes=diff, comment=comment, at=utcnow_aware()))
            s.flush()
            s.refresh(row)
            return event_dict(row)

    def history(self, event_id: int) -> list[dict[str, Any]]:
        """The event's audit entries, oldest first: id, event_id, event_uid, user, token_id, token_created_at,
        action, changes, comment, at (times are UTC with their zone). Entries outlive a deleted event."""
        with self.session() as s:
            rows = s.scalars(select(AuditRow).where(AuditRow.event_id == event_id).order_by(AuditRow.id)).all()
            out = []
            for row in rows:
                item = _row_dict(row, _AUDIT_COLS)
                item["at"] = _jsonable(_aware(row.at))
                item["token_created_at"] = _jsonable(_aware(row.token_created_at))
                out.append(item)
            return out

    # -- API tokens ------------------------------------------------------------------------------------
    def add_api_token(self, name: str, token_hash: str) -> None:
        """Store a token's hash under a unique name (hash the token before calling). ValueError if taken."""
        with self.session() as s:
            if s.scalar(select(ApiTokenRow.id).where(ApiTokenRow.name == name)) is not None:
                raise ValueError(f"a token named {name!r} exists already: choose another name, or revoke it first "
                                 f"(dateline token revoke --name {name})")
            s.add(ApiTokenRow(name=name, hash=token_hash, created_at=utcnow()))

    def api_token_name(self, token_hash: str) -> str | None:
        """The name of the token with this hash, None when no token matches."""
        with self.session() as s:
            return s.scalar(select(ApiTokenRow.name).where(ApiTokenRow.hash == token_hash))

    def api_token_reviewer(self, name: str) -> Reviewer | None:
        """The token named `name` as a Reviewer (name, id, created_at), None when there is none."""
        with self.session() as s:
            row = s.scalars(select(ApiTokenRow).where(ApiTokenRow.name == name)).first()
            return Reviewer(row.name, row.id, _aware(row.created_at)) if row else None

    def list_api_tokens(self) -> list[dict[str, Any]]:
        with self.session() as s:
            rows = s.scalars(select(ApiTokenRow).order_by(ApiTokenRow.name)).all()
            return [_row_dict(r, ("name", "created_at")) for r in rows]

    def delete_api_token(self, name: str) -> bool:
        with self.session() as s:
            row = s.scalars(select(ApiTokenRow).where(ApiTokenRow.name == name)).first()
            if row is None:
                return False
            s.delete(row)
            return True

    # -- merged events ---------------------------------------------------------------------------------
    def get_merged_event(self, merged_id: int) -> dict[str, Any] | None:
        """A merged event (columns, `fields`, `disputes`) plus `sources`: [{event_id, article_id, title,
        publisher, url, published}] in stable order."""
        with self.session() as s:
            row = s.get(MergedEventRow, merged_id)
            if row is None:
                return None
            out = _row_dict(row, _MERGED_COLS)
            src = s.execute(
                select(MergedSourceRow.event_id, ArticleRow.id, ArticleRow.title, ArticleRow.publisher,
                       ArticleRow.url, ArticleRow.published)
                .join(ArticleRow, ArticleRow.id == MergedSourceRow.article_id)
                .where(MergedSourceRow.merged_id == merged_id).order_by(MergedSourceRow.event_id)
            ).all()
            out["sources"] = [{"event_id": e, "article_id": a, "title": t, "publisher": p, "url": u,
                               "published": _jsonable(d)} for e, a, t, p, u, d in src]
            return out

    def query_merged(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Merged events matching the date, country, admin1, type and status parts of `f` (no sources)."""
        f = f or EventFilter()
        stmt = select(MergedEventRow)
        if f.date_from:
            stmt = stmt.where(MergedEventRow.event_date >= f.date_from)
        if f.date_to:
            stmt = stmt.where(MergedEventRow.event_date <= f.date_to)
        if f.country:
            stmt = stmt.where(func.lower(MergedEventRow.country) == f.country.lower())
        if f.admin1:
            stmt = stmt.where(func.lower(MergedEventRow.admin1) == f.admin1.lower())
        if (types := _as_list(f.event_type)) is not None:
            stmt = stmt.where(MergedEventRow.event_type.in_(types))
        if (subs := _as_list(f.sub_event_type)) is not None:
            stmt = stmt.where(MergedEventRow.sub_event_type.in_(subs))
        if (statuses := _as_list(f.review_status)) is not None:
            stmt = stmt.where(MergedEventRow.review_status.in_(statuses))
        stmt = stmt.order_by(MergedEventRow.event_date.is_(None), MergedEventRow.event_date, MergedEventRow.uid)
        stmt = stmt.offset(f.offset)
        if f.limit is not None:
            stmt = stmt.limit(f.limit)
        with self.session() as s:
            return [_row_dict(r, _MERGED_COLS) for r in s.scalars(stmt).all()]

    # -- overview --------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, reports, events, quotes, statements, claims, places, failures, runs,
        merged_events, audit_log."""
        tables = {"articles": ArticleRow, "reports": ReportRow, "events": EventRow, "quotes": QuoteRow,
                  "statements": StatementRow, "claims": ClaimRow, "places": PlaceRow, "failures": FailureRow,
                  "runs": RunRow, "merged_events": MergedEventRow, "audit_log": AuditRow}
        with self.session() as s:
            return {name: int(s.scalar(select(func.count()).select_from(t)) or 0) for name, t in tables.items()}


# -- reviews across re-extraction ---------------------------------------------------------------------------
def _span_key(row: EventRow) -> tuple[int, int] | None:
    """Where the event is told in the article (its first mention): stable across pipeline versions."""
    mentions = row.mentions or []
    if mentions and isinstance(mentions[0], dict):
        return int(mentions[0].get("start", -1)), int(mentions[0].get("end", -1))
    return None


def _same_event(old: EventRow, new: EventRow) -> bool:
    """Whether a re-extracted event is the reviewed one: the same mention in the text, or the same date and
    place and kind of event."""
    a, b = _span_key(old), _span_key(new)
    if a and b and a[0] < b[1] and b[0] < a[1]:
        return True
    return (old.event_date == new.event_date and old.location == new.location
            and old.country == new.country and old.event_type == new.event_type)


def _reviewed_fields(s: Session, event_id: int) -> list[str]:
    """Fields a reviewer set on the event (every correction in its audit log, in order, once each)."""
    fields: dict[str, None] = {}
    for changes in s.scalars(select(AuditRow.changes).where(AuditRow.event_id == event_id)
                             .order_by(AuditRow.id)):
        fields.update(dict.fromkeys(changes or {}))
    return [f for f in fields if f in EVENT_COLUMNS]


def _passage(row: EventRow) -> set[str]:
    texts = [m.get("text", "") for m in row.mentions or [] if isinstance(m, dict)]
    return set(" ".join(texts).lower().split())


def _same_telling(old: EventRow, new: EventRow) -> bool:
    """Whether an event of a revised article tells the reviewed one of its earlier text: offsets moved with the
    edit, so the passage's words (most of them shared) or the same date, place and kind of event decide."""
    a, b = _passage(old), _passage(new)
    if a and b and len(a & b) / len(a | b) >= 0.5:
        return True
    return (old.event_date == new.event_date and old.location == new.location
            and old.country == new.country and old.event_type == new.event_type)


def _extracted_values(s: Session, event_id: int) -> dict[str, Any]:
    """What extraction gave each field a reviewer changed (the first `old` of each field in the audit log)."""
    first: dict[str, Any] = {}
    for changes in s.scalars(select(AuditRow.changes).where(AuditRow.event_id == event_id)
                             .order_by(AuditRow.id)):
        for name, change in (changes or {}).items():
            if isinstance(change, dict):
                first.setdefault(name, change.get("old"))
    return first


def carry_reviews(s: Session, reviewed: list[EventRow], new_report_ids: list[int],
                  successor: dict[int, int] | None = None) -> None:
    """Carry each reviewed event's decision and corrected values to the matching event of the article's new
    report, with an audit row on the new event; a reviewed event with no match gets an audit row saying its
    article was re-extracted, and the new report's events wait in the review queue beside it.

    `successor` maps an earlier telling's article to its revision's (`_supersede_earlier_tellings`). A
    revision may tell a corrected field anew (a toll raised from 4 to 12): a correction is carried only where
    the revision still says what the reviewed text said before the correction; where it says something else,
    the revision's value stays and the event waits for review again, its audit row naming the field."""
    successor = successor or {}
    targets = {successor.get(r.article_id, r.article_id) for r in reviewed}
    fresh = s.scalars(select(EventRow).where(EventRow.report_id.in_(new_report_ids),
                                             EventRow.article_id.in_(targets))
                      .order_by(EventRow.id)).all()
    taken: set[int] = set()
    now = utcnow_aware()
    for old in reviewed:
        revised = old.article_id in successor
        target = successor.get(old.article_id, old.article_id)
        same = _same_telling if revised else _same_event
        match = next((n for n in fresh if n.id not in taken and n.article_id == target and same(old, n)), None)
        if match is None:
            why = (f"article revised (article {target} tells it now)" if revised
                   else "article re-extracted by a new pipeline version")
            s.add(AuditRow(event_id=old.id, event_uid=old.uid, user=SYSTEM_USER, action="supersede", changes={},
                           comment=f"{why}: no new event matches this reviewed one; the new events are pending "
                                   "review", at=now))
            continue
        taken.add(match.id)
        diff: dict[str, Any] = {}
        retold: list[str] = []
        extracted = _extracted_values(s, old.id) if revised else {}
        for name in _reviewed_fields(s, old.id):
            before, after = getattr(match, name), getattr(old, name)
            if revised and name in extracted and _jsonable(before) != extracted[name]:
                retold.append(f"{name} {_jsonable(before)} (reviewed {_jsonable(after)})")
                continue
            if before != after:
                diff[name] = {"old": _jsonable(before), "new": _jsonable(after)}
                setattr(match, name, after)
        match.review_status = "pending" if retold else old.review_status
        match.updated_at = utcnow()
        how = "article revised" if revised else "re-extraction"
        comment = f"review carried over from event {old.id} ({old.uid}, {old.review_status}) after {how}"
        if retold:
            comment += f"; the revision tells {', '.join(retold)} anew: left as told, pending review"
        s.add(AuditRow(event_id=match.id, event_uid=match.uid, user=SYSTEM_USER, action="carry", changes=diff,
                       comment=comment, at=now))
    s.flush()


def validate_status(status: str) -> str:
    if status not in REVIEW_STATUSES:
        raise ValueError(f"review status {status!r}: use one of {', '.join(REVIEW_STATUSES)}")
    return status
