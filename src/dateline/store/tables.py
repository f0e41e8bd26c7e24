"""The database schema (SQLAlchemy 2 declarative tables), portable to SQLite and PostgreSQL.

Every table keeps the typed columns that queries filter on and a `data` JSON column with the rest of the
model record, so a `Report` read back from the store equals the one that was written. JSON columns use
SQLAlchemy's generic `JSON` type so the same schema runs on both databases.

The migrations in `dateline/store/migrations/versions/` create exactly these tables; a change here needs a new
migration there (`alembic revision` against a scratch database), never an edit of an applied one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

REVIEW_STATUSES = ("pending", "accepted", "corrected", "rejected")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def utcnow_aware() -> dt.datetime:
    """Now in UTC with its time zone, for columns declared `DateTime(timezone=True)` (the audit log)."""
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012 - SQLAlchemy reads it


class ArticleRow(Base):
    """One article, stored once whatever the number of runs or pipeline versions (unique content hash)."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    article_key: Mapped[str] = mapped_column(String(200), index=True, doc="Article.id")
    story_key: Mapped[str | None] = mapped_column(
        String(64), index=True, doc="SHA-256 of what names the story across revisions (a JSONL file and record "
        "id, a URL, a file path): a later text under the same key supersedes this one (`repository.story_key`)")
    source_kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(300), index=True)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str | None] = mapped_column(String(12))
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, doc="Article model minus text")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RunRow(Base):
    """One `dateline run`: what it read, how far it got."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pipeline_version: Mapped[str] = mapped_column(String(40))
    inputs: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="running",
                                        doc="running | finished | failed | interrupted (Ctrl-C, or its process died)")
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    pid: Mapped[int | None] = mapped_column(Integer, doc="process id of the `dateline run`")
    host: Mapped[str | None] = mapped_column(String(200), doc="machine it ran on (socket.gethostname())")
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(DateTime, doc="last sign of life (each batch)")
    articles: Mapped[int] = mapped_column(Integer, default=0, doc="articles extracted and stored")
    skipped: Mapped[int] = mapped_column(Integer, default=0, doc="already processed by this version")
    events: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)


class ReportRow(Base):
    """What one pipeline version extracted from one article; `current` marks the newest per article."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("article_id", "pipeline_version", name="uq_reports_article_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    pipeline_version: Mapped[str] = mapped_column(String(40))
    schema_version: Mapped[str] = mapped_column(String(40))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(
        JSON, doc="rejected, dates, source_profile, warnings (the rest lives in its own tables)"
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EventRow(Base):
    """One extracted event: ACLED columns as typed columns, spans and lists as JSON, plus review state.

    A review that corrects a field writes the new value into the column (exports carry reviewed values) and
    the old and new values into `audit_log`.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_date_type", "event_date", "event_type"),
        Index("ix_events_country_admin1", "country", "admin1"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(120), unique=True, doc="content hash[:16]/pipeline version/local id")
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(40), doc="Event.id within its report, e.g. E1")
    event_id_cnty: Mapped[str | None] = mapped_column(String(40))
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    disorder_type: Mapped[str | None] = mapped_column(String(80))
    event_type: Mapped[str | None] = mapped_column(String(80))
    sub_event_type: Mapped[str | None] = mapped_column(String(80), index=True)
    actor1: Mapped[str | None] = mapped_column(String(300))
    assoc_actor_1: Mapped[str | None] = mapped_column(Text)
    inter1: Mapped[int | None] = mapped_column(Integer)
    actor2: Mapped[str | None] = mapped_column(String(300))
    assoc_actor_2: Mapped[str | None] = mapped_column(Text)
    inter2: Mapped[int | None] = mapped_column(Integer)
    interaction: Mapped[int | None] = mapped_column(Integer)
    civilian_targeting: Mapped[str | None] = mapped_column(String(80))
    iso: Mapped[int | None] = mapped_column(Integer)
    region: Mapped[str | None] = mapped_column(String(80))
    country: Mapped[str | None] = mapped_column(String(120))
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    admin3: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(Text)
    source_scale: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    tags: Mapped[str | None] = mapped_column(Text)
    timestamp: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    claimed_by: Mapped[list[Any]] = mapped_column(JSON, default=list)
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    actors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, doc="field → Span as JSON")
    mentions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    review_status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1",
                                         doc="bumped by every review: optimistic concurrency (ETag, 409)")


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    speaker: Mapped[str | None] = mapped_column(String(300), index=True)
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class StatementRow(Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(40))
    plover: Mapped[str] = mapped_column(String(40), index=True)
    actor: Mapped[str | None] = mapped_column(String(300))
    target: Mapped[str | None] = mapped_column(String(300))
    date: Mapped[dt.date | None] = mapped_column(Date)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    subject: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str] = mapped_column(String(40))
    first_hand: Mapped[bool] = mapped_column(Boolean, default=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class PlaceRow(Base):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    mention: Mapped[str] = mapped_column(String(300))
    name: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    geonameid: Mapped[int | None] = mapped_column(Integer, index=True)
    country: Mapped[str | None] = mapped_column(String(120))
    admin1: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class FailureRow(Base):
    """An input item that produced no report, and why (binary, empty, too large, not English, crash …)."""

    __tablename__ = "failures"
    __table_args__ = (UniqueConstraint("item", "reason", name="uq_failures_item_reason"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"), index=True)
    item: Mapped[str] = mapped_column(String(500), doc="path, path:line, feed entry or WARC record URI")
    reason: Mapped[str] = mapped_column(String(500))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class MergedEventRow(Base):
    """One real-world event: the merged values of all the events (from different articles) that report it."""

    __tablename__ = "merged_events"
    __table_args__ = (Index("ix_merged_date_type", "event_date", "event_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(40), unique=True, doc="stable: derived from the founding event")
    family: Mapped[str] = mapped_column(String(40))
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    event_type: Mapped[str | None] = mapped_column(String(80))
    sub_event_type: Mapped[str | None] = mapped_column(String(80))
    country: Mapped[str | None] = mapped_column(String(120))
    admin1: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    source_count: Mapped[int] = mapped_column(Integer, default=1)
    independent_count: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", doc="distinct reprint clusters among the member articles"
    )
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, doc="every merged Event field (ACLED columns)")
    disputes: Mapped[dict[str, Any]] = mapped_column(
        JSON, default=dict, doc="field → [{value, event_id, source}] when sources disagree"
    )
    notes: Mapped[str | None] = mapped_column(Text)
    review_status: Mapped[str] = mapped_column(String(20), default="pending")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class MergedSourceRow(Base):
    """Links an event to the merged event it belongs to (each event belongs to at most one)."""

    __tablename__ = "merged_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("merged_events.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class ArticleReprintRow(Base):
    """An article's reprint cluster (`dateline.reprints`): copies of one story share `cluster_id`, the id of the
    cluster's first article; `signature` is the MinHash signature later articles are compared with."""

    __tablename__ = "article_reprints"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
                                            autoincrement=False)
    cluster_id: Mapped[int] = mapped_column(Integer, index=True)
    matched_id: Mapped[int | None] = mapped_column(Integer, doc="the earlier article it was found to copy")
    similarity: Mapped[float] = mapped_column(Float, default=1.0, doc="estimated Jaccard with matched_id")
    shingles: Mapped[int] = mapped_column(Integer, default=0, doc="number of word shingles of the text")
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class ArticleCopyRow(Base):
    """Another outlet's exact copy of a stored article (same cleaned text, so not stored or coded again): who
    ran it, so that merged events and exports name every outlet."""

    __tablename__ = "article_copies"
    __table_args__ = (UniqueConstraint("article_id", "key", name="uq_article_copies_article_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64), doc="hash of publisher and URL")
    publisher: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ReprintBandRow(Base):
    """LSH index of cluster representatives: one row per (band key, article)."""

    __tablename__ = "reprint_bands"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    band_key: Mapped[int] = mapped_column(BigInteger, index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class WatchSourceRow(Base):
    """A source `dateline watch` polls (folder, growing JSONL file, feed file or URL) and where it got to."""

    __tablename__ = "watch_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(1000), unique=True)
    kind: Mapped[str] = mapped_column(String(20), doc="folder | jsonl | feed | url | file")
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    offset: Mapped[int] = mapped_column(BigInteger, default=0, doc="bytes of a JSONL file already read")
    items: Mapped[int] = mapped_column(Integer, default=0, doc="items taken from this source in all")
    failures: Mapped[int] = mapped_column(Integer, default=0, doc="consecutive failed polls (back-off)")
    last_error: Mapped[str | None] = mapped_column(Text)
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    next_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class WatchItemRow(Base):
    """An item of a watched source already taken (a file of a folder, a feed entry): never coded twice, unless a
    feed entry changes (a later update date, else a different text) or a file is rewritten (other bytes)."""

    __tablename__ = "watch_items"
    __table_args__ = (UniqueConstraint("source_id", "item", name="uq_watch_items_source_item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("watch_sources.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(1000))
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[dt.datetime | None] = mapped_column(DateTime,
                                                        doc="an entry's update date / a file's mtime, when seen")
    content_hash: Mapped[str | None] = mapped_column(String(64), doc="SHA-256 of an entry's text / a file's bytes")


class AlertRuleRow(Base):
    """A saved query (`dateline alert add`) that fires when a new or updated merged event matches it."""

    __tablename__ = "alert_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[dict[str, Any]] = mapped_column(JSON, doc="dateline.alerts.AlertQuery as JSON")
    jsonl: Mapped[str | None] = mapped_column(Text, doc="append each alert to this JSONL file")
    webhook: Mapped[str | None] = mapped_column(Text, doc="POST each alert as JSON to this URL")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AlertSentRow(Base):
    """One alert: a rule fired for a merged event (once per rule and merged event, however many reprints)."""

    __tablename__ = "alerts_sent"
    __table_args__ = (UniqueConstraint("rule_id", "merged_uid", name="uq_alerts_rule_merged"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("alert_rules.id", ondelete="CASCADE"), index=True)
    merged_uid: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    delivered: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, doc="channel → ok | error message")
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditRow(Base):
    """Append-only review log: who did what to which event, when. Never updated, never deleted: it has no
    foreign key to `events`, so it outlives the event (`event_uid` still names it) and any token."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer, index=True)
    event_uid: Mapped[str | None] = mapped_column(String(120), doc="events.uid at the time")
    user: Mapped[str] = mapped_column(String(200))
    token_id: Mapped[int | None] = mapped_column(Integer, doc="api_tokens.id of the token used")
    token_created_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), doc="when that token was made: tells a re-created name from the old one")
    action: Mapped[str] = mapped_column(String(20), doc="accept | correct | reject | reset | comment | carry")
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, doc="field → {old, new}")
    comment: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow_aware, doc="UTC")


class ApiTokenRow(Base):
    """A bearer token for write endpoints; only its hash is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    hash: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


#: Event model fields stored as plain columns of `events` (the ACLED columns and a few more).
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "date_start", "date_end", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "geonameid", "source", "source_scale", "notes", "fatalities",
    "tags", "timestamp", "confidence",
)
#: Event model fields stored as JSON columns of `events`.
EVENT_JSON_COLUMNS: tuple[str, ...] = ("claimed_by", "flags", "actors", "evidence", "mentions")
