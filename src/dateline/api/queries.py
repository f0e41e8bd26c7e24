"""What the API and dashboard read beyond the `Store` interface, written on the store's tables.

The store (`dateline.store.Store`) owns writes, event filtering, reviews and the audit log; this module adds
the views the web needs: compact map points, filter drop-down values, the review queue's next event, and an
event's full detail (quotes, claim chains, sources, history) as typed API models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, and_, case, func, not_, or_, select

from dateline.api.schemas import (
    ArticleOut,
    ArticleSummary,
    AuditEntry,
    ClaimOut,
    EventDetail,
    EventRecord,
    MapPoint,
    MergedInfo,
    QuoteOut,
    SourceRef,
)
from dateline.extraction.decide import review_threshold
from dateline.review import forced_review, review_flags
from dateline.store import EventFilter, Store
from dateline.store.repository import forced_review_clause
from dateline.store.tables import ApiTokenRow, ClaimRow, EventRow, MergedEventRow, MergedSourceRow, QuoteRow

FILTER_FIELDS = (
    "date_from",
    "date_to",
    "country",
    "admin1",
    "event_type",
    "sub_event_type",
    "actor",
    "source",
    "review_status",
    "bbox",
    "article_id",
    "q",
)


class NotFound(LookupError):
    """No row with that id."""


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'min_lon,min_lat,max_lon,max_lat' → floats, checked; ValueError with a usable message otherwise."""
    parts = text.split(",")
    if len(parts) != 4:
        raise ValueError("bbox: expected min_lon,min_lat,max_lon,max_lat (4 comma-separated numbers)")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox: expected 4 numbers, e.g. 38,29,49,38") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError("bbox: need -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90")
    return west, south, east, north


def active_filters(f: EventFilter) -> dict[str, Any]:
    """The filters that are set, JSON-ready, for echoing back and for building page links. The cut is echoed
    too (a default one included): it decides which events count as much as any filter does."""
    out: dict[str, Any] = {}
    for name in (*FILTER_FIELDS, "min_confidence"):
        value = getattr(f, name)
        if value in (None, "", []):
            continue
        if name == "bbox":
            value = ",".join(f"{x:g}" for x in value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        out[name] = value
    return out


def _selected(store: Store, f: EventFilter) -> Select[Any]:
    # The store's own filter query, so the map, the table and GET /events always agree on what matches.
    return store.event_query(f)


def map_points(store: Store, f: EventFilter, *, limit: int) -> tuple[list[MapPoint], bool]:
    """Compact rows for the map and timeline (only what a marker needs); True when `limit` cut the list."""
    inner = _selected(store, EventFilter(**{**f.__dict__, "limit": None, "offset": 0})).subquery()
    c = inner.c
    stmt = (
        select(
            c.id,
            c.latitude,
            c.longitude,
            c.event_type,
            c.sub_event_type,
            c.event_date,
            c.location,
            c.country,
            c.review_status,
            MergedEventRow.independent_count,
        )
        .select_from(inner)
        .outerjoin(MergedSourceRow, MergedSourceRow.event_id == c.id)
        .outerjoin(MergedEventRow, MergedEventRow.id == MergedSourceRow.merged_id)
        .order_by(c.event_date.is_(None), c.event_date.desc(), c.id.desc())
        .limit(limit + 1)
    )
    with store.session() as s:
        rows = s.execute(stmt).all()
    points = [
        MapPoint(
            id=r[0], lat=r[1], lon=r[2], type=r[3], sub=r[4], date=r[5], loc=r[6], country=r[7], status=r[8],
            sources=r[9] or 1,
        )
        for r in rows[:limit]
    ]
    return points, len(rows) > limit


def distinct_values(store: Store, column: str, limit: int = 300) -> list[str]:
    """Values present in an events column, for the filter drop-downs."""
    col = getattr(EventRow, column)
    stmt = select(col).where(col.is_not(None)).distinct().order_by(col).limit(limit)
    with store.session() as s:
        return [str(v) for v in s.execute(stmt).scalars()]


def _queue(store: Store, f: EventFilter, floor: float | None) -> Select[Any]:
    # the queue holds the events the decision left for review too, unless a floor (the reader's own
    # min_confidence) leaves them out; its events are the pending ones unless `f` asks for another status
    return _selected(store, EventFilter(**{**f.__dict__, "review_status": f.review_status or "pending",
                                           "limit": None, "offset": 0, "min_confidence": floor}))


def queue_next(store: Store, f: EventFilter, *, after: int | None = None, floor: float | None = None) -> int | None:
    """The next event to review within `f` (pending unless `f.review_status` says otherwise; confidence at
    least `floor` when given): events the decision left for review (confidence under `f.min_confidence`)
    come first, then the others; by id within each (after `after` when given)."""
    cut = f.min_confidence if f.min_confidence is not None else 0.0
    sub = _queue(store, f, floor).subquery()
    # an event the decision sent to review whatever its probability waits with those under the cut
    kept = case((and_(sub.c.confidence >= cut, not_(forced_review_clause(sub.c.flags))), 1), else_=0)
    stmt = select(sub.c.id).order_by(kept, sub.c.id).limit(1)
    if after is not None:
        with store.session() as s:
            previous = s.execute(select(EventRow.confidence, EventRow.flags)
                                 .where(EventRow.id == after)).one_or_none()
        if previous is not None:
            was_kept = 1 if previous.confidence >= cut and not forced_review(previous.flags or []) else 0
            stmt = stmt.where(or_(kept > was_kept, and_(kept == was_kept, sub.c.id > after)))
        else:
            stmt = stmt.where(sub.c.id > after)
    with store.session() as s:
        return s.execute(stmt).scalar_one_or_none()


def event_record(data: dict[str, Any]) -> EventRecord:
    """An API event from the store's event dict; its `needs_review` flag says whether it waits for a reviewer
    under the server's cut now (`review_flags`), as the exports and the events table say."""
    fields = {k: v for k, v in data.items() if k not in {"article", "merged"}}
    for name in ("evidence",):
        fields[name] = fields.get(name) or {}
    for name in ("claimed_by", "flags", "actors", "mentions"):
        fields[name] = fields.get(name) or []
    fields["flags"] = review_flags(fields["flags"], fields.get("confidence") or 0.0,
                                   fields.get("review_status") or "pending", review_threshold())
    return EventRecord.model_validate(fields)


def audit_entry(data: dict[str, Any]) -> AuditEntry:
    return AuditEntry.model_validate(data)


def _article_summary(data: dict[str, Any]) -> ArticleSummary:
    return ArticleSummary.model_validate({k: data.get(k) for k in ArticleSummary.model_fields})


def event_detail(store: Store, event_id: int) -> EventDetail:
    data = store.get_event(event_id)
    if data is None:
        raise NotFound(f"event {event_id} not found")
    record = event_record(data)
    article = data.get("article") or {}
    merged = data.get("merged")
    if merged and merged.get("sources"):
        sources = [SourceRef(merged_id=merged["id"], **src) for src in merged["sources"]]
    else:
        sources = [
            SourceRef(
                event_id=record.id,
                article_id=record.article_id,
                publisher=article.get("publisher"),
                title=article.get("title"),
                url=article.get("url"),
                published=article.get("published"),
            )
        ]
    with store.session() as s:
        quotes = [
            QuoteOut.model_validate(q)
            for q in s.execute(
                select(QuoteRow.data).where(QuoteRow.report_id == record.report_id).order_by(QuoteRow.id)
            ).scalars()
        ]
        claims = [
            ClaimOut.model_validate(c)
            for c in s.execute(
                select(ClaimRow.data).where(ClaimRow.report_id == record.report_id).order_by(ClaimRow.id)
            ).scalars()
        ]
    merged_info = None
    if merged:
        merged_info = MergedInfo(
            id=merged["id"],
            source_count=merged.get("source_count") or len(sources),
            independent_sources=merged.get("independent_count"),
            fields=merged.get("fields") or {},
            disputes=merged.get("disputes") or {},
            notes=merged.get("notes"),
        )
    return EventDetail(
        event=record,
        article=_article_summary(article),
        sources=sources,
        merged=merged_info,
        quotes=quotes,
        claims=claims,
        history=[audit_entry(h) for h in store.history(event_id)],
    )


def article_out(store: Store, article_id: int) -> ArticleOut:
    data = store.get_article(article_id)
    if data is None:
        raise NotFound(f"article {article_id} not found")
    meta = data.get("metadata") or {}
    extra = {k: meta.get(k) for k in ("subtitle", "author", "site_name", "dateline_place")}
    ids = [e["id"] for e in store.query_events(EventFilter(article_id=article_id))]
    return ArticleOut(**_article_summary(data).model_dump(), text=data["text"], event_ids=ids, **extra)


def token_hashes_for_key(store: Store, key: str) -> list[tuple[str, str]]:
    """(name, stored hash) of the tokens whose public key is `key` (normally one)."""
    with store.session() as s:
        rows = s.execute(
            select(ApiTokenRow.name, ApiTokenRow.hash).where(
                ApiTokenRow.hash.startswith(f"{key}:", autoescape=True)
            )
        ).all()
    return [(name, stored) for name, stored in rows]


def count_pending(store: Store, f: EventFilter, *, floor: float | None = None) -> int:
    """How many events the queue of `queue_next` holds."""
    inner = _queue(store, f, floor)
    with store.session() as s:
        return int(s.execute(select(func.count()).select_from(inner.subquery())).scalar_one())
