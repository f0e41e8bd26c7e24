"""The JSON API: extract, store, query, review and export events. Every handler is a thin shell over one
library call (`Pipeline`, `Store`, `dateline.api.queries`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from dateline.api import queries
from dateline.api.app import AppContext, context
from dateline.api.auth import require_reader, require_writer
from dateline.api.params import MAX_INT, ArticleId, EventId, Offset
from dateline.api.schemas import (
    ArticleOut,
    AuditEntry,
    EventDetail,
    EventPage,
    ExtractRequest,
    ReviewRequest,
    ReviewResult,
    StoredArticle,
)
from dateline.errors import DatelineError
from dateline.extraction.decide import review_threshold
from dateline.model import Article, Report
from dateline.review import report_at_cut
from dateline.settings import Settings
from dateline.store import EventFilter
from dateline.store.repository import EditConflict, Reviewer
from dateline.store.type_names import canonical_types

router = APIRouter()
Reader = Annotated[str | None, Depends(require_reader)]
Writer = Annotated[str, Depends(require_writer)]
Ctx = Annotated[AppContext, Depends(context)]

_ARTICLE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ExtractRequest.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}, "example": "BAGHDAD, Nov 2 (Reuters) - ..."},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


# -- article input ----------------------------------------------------------------------------------------
def _content_type(request: Request) -> str:
    return request.headers.get("content-type", "application/json").split(";")[0].strip().lower()


TEXT_BODY_PARAMETERS = ("article_id", "published", "url")  # the metadata a raw text or HTML body may carry


def _reject_unknown_body_parameters(request: Request, ctype: str) -> None:
    """A misspelt `?publishd=` would be dropped and the article coded without its date: a 422 names it. A JSON
    body carries its metadata itself, so no query parameter is read with one."""
    known = TEXT_BODY_PARAMETERS if ctype in {"text/plain", "text/html"} else ()
    _refuse_unknown_query(request, known,
                          f"use one of {', '.join(known)}" if known else "put the article's fields in the JSON body")


def _refuse_unknown_query(request: Request, known: Iterable[str], hint: str) -> None:
    """A 422 naming the first query parameter not in `known`, with `hint` on what to send instead."""
    unknown = sorted(set(request.query_params) - set(known))
    if unknown:
        raise HTTPException(422, f"query.{unknown[0]}: unknown parameter; {hint}")


async def _article_request(request: Request) -> ExtractRequest:
    """The article in a request: a JSON `ExtractRequest`, or a raw text/plain or text/html body (then
    `?published=YYYY-MM-DD&url=…` may add metadata)."""
    ctype = _content_type(request)
    _reject_unknown_body_parameters(request, ctype)
    body = await request.body()
    try:
        if ctype == "application/json":
            return ExtractRequest.model_validate_json(body or b"{}")
        if ctype in {"text/plain", "text/html"}:
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPException(400, "request body is not UTF-8 text") from None
            key = "html" if ctype == "text/html" else "text"
            params = request.query_params
            return ExtractRequest.model_validate(
                {
                    key: text,
                    "published": params.get("published"),
                    "url": params.get("url"),
                    "article_id": params.get("article_id"),
                }
            )
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        # pydantic opens a validator's own message with "Value error, ", which says nothing to the sender
        raise HTTPException(422, f"{where}: {first['msg'].removeprefix('Value error, ')}") from None
    raise HTTPException(415, f"content type {ctype!r}: send application/json, text/plain or text/html")


def _article(req: ExtractRequest, settings: Settings) -> Article:
    """The ingested article; `published` and `url` go in as the record's metadata, so the date signals
    and the dateline are weighed by ingest as for any other input."""
    from dateline.ingest import article_from_html, article_from_text

    meta: dict[str, Any] = {
        "article_id": req.article_id,
        "url": req.url,
        "published": req.published,
        "settings": settings,
    }
    if req.html is not None:
        try:
            return article_from_html(req.html, **meta)
        except NotImplementedError:
            raise HTTPException(
                501, "HTML input is not supported by this build; send the text instead"
            ) from None
    return article_from_text(req.text or "", source_kind="api", **meta)


def _extract(ctx: AppContext, req: ExtractRequest) -> Report:
    try:
        article = _article(req, ctx.settings)
    except DatelineError as err:
        raise HTTPException(422, str(err)) from None
    if not article.text.strip():
        raise HTTPException(422, "no article text left after cleaning the input")
    pipeline = ctx.pipeline()
    with ctx.lock:
        return pipeline.extract_article(article)


@router.post("/extract", response_model=Report, tags=["extract"], openapi_extra=_ARTICLE_BODY)
async def extract(request: Request, ctx: Ctx, _reader: Reader) -> Report:
    """Extract events, places, dates, quotes and claims from one article; nothing is stored. Events the server's
    cut (DATELINE_MIN_CONFIDENCE, default the shipped model's) would leave for review are flagged `needs_review`.

    A text/plain or text/html body needs a token: another web site can make a browser send those without
    asking (a "simple" request), and would use this server's CPU; JSON needs the browser's permission."""
    if _content_type(request) in {"text/plain", "text/html"}:
        require_writer(request)
    req = await _article_request(request)
    report = await run_in_threadpool(_extract, ctx, req)
    return report_at_cut(report, review_threshold())  # `needs_review` as GET /events judges it


def _store(ctx: AppContext, req: ExtractRequest) -> tuple[StoredArticle, bool]:
    report = _extract(ctx, req)
    result = ctx.store.add_report(report)
    article_id = result.article_ids[0]
    ids = [e["id"] for e in ctx.store.query_events(EventFilter(article_id=article_id))]
    return StoredArticle(
        article_id=article_id, event_ids=ids, created=result.stored > 0, report=report
    ), result.stored > 0


@router.post(
    "/articles",
    response_model=StoredArticle,
    status_code=201,
    tags=["articles"],
    openapi_extra=_ARTICLE_BODY,
    responses={200: {"description": "The same text was stored before."}},
)
async def add_article(request: Request, response: Response, ctx: Ctx, _writer: Writer) -> StoredArticle:
    """Extract one article and store it with its events (articles are kept once, by content hash)."""
    req = await _article_request(request)
    stored, created = await run_in_threadpool(_store, ctx, req)
    if not created:
        response.status_code = 200
    return stored


@router.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
def get_article(article_id: ArticleId, ctx: Ctx, _reader: Reader) -> ArticleOut:
    """The stored article: cleaned text (every evidence span points into it), metadata and its event ids."""
    try:
        return queries.article_out(ctx.store, article_id)
    except queries.NotFound as err:
        raise HTTPException(404, str(err)) from None


# -- events -----------------------------------------------------------------------------------------------
ReviewStatus = Literal["pending", "accepted", "corrected", "rejected"]


def _query_names(dependant: Any) -> set[str]:
    """Every query parameter a route declares, its dependencies' included."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _reject_unknown_parameters(request: Request) -> None:
    """A misspelt filter (`contry=Iraq`) is a 422: ignored, it would answer with every event as if filtered."""
    route = request.scope.get("route")
    if route is None:
        return
    known = _query_names(route.dependant)
    _refuse_unknown_query(request, known, f"use one of {', '.join(sorted(known))}")


def event_filter(
    request: Request,
    date_from: Annotated[
        dt.date | None, Query(description="Events on or after this day (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[dt.date | None, Query(description="Events on or before this day.")] = None,
    country: Annotated[str | None, Query(max_length=120, description="Country name, e.g. Iraq.")] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    event_type: Annotated[
        str | None, Query(max_length=80, description="ACLED event type, e.g. Protests.")
    ] = None,
    sub_event_type: Annotated[str | None, Query(max_length=80)] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Substring of actor1/actor2/associated.")
    ] = None,
    source: Annotated[
        str | None, Query(max_length=200, description="Substring of the source column.")
    ] = None,
    review_status: Annotated[ReviewStatus | None, Query()] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat", max_length=100)] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Substring of the notes.")] = None,
    min_confidence: Annotated[float | None, Query(
        ge=0.0, le=1.0, description="Events whose confidence reaches this (default: the model's cut; 0 = all, "
                                    "including those left for review). Reviewed-accepted events always show.")] = None,
) -> EventFilter:
    """The event filters shared by GET /events and GET /export; any other query parameter is a 422."""
    _reject_unknown_parameters(request)
    texts = {"country": country, "admin1": admin1, "event_type": event_type, "sub_event_type": sub_event_type,
             "actor": actor, "source": source, "bbox": bbox, "q": q}
    for name, value in texts.items():
        if value and "\x00" in value:  # no stored text holds NUL, and PostgreSQL refuses it in a query
            raise HTTPException(422, f"{name}: the NUL character is not allowed")
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "date_from is after date_to")
    types: dict[str, str | list[str] | None] = {"event_type": event_type, "sub_event_type": sub_event_type}
    for name, value in types.items():
        if isinstance(value, str) and value:  # codebook spelling, any case; several as a,b like the CLI
            try:
                names = canonical_types(value.split(","), (name,))
            except ValueError as err:
                raise HTTPException(422, f"{name}: {err}") from None
            types[name] = names[0] if len(names) == 1 else names
    box = None
    if bbox:
        try:
            box = queries.parse_bbox(bbox)
        except ValueError as err:
            raise HTTPException(422, str(err)) from None
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        country=country or None,
        admin1=admin1 or None,
        event_type=types["event_type"] or None,
        sub_event_type=types["sub_event_type"] or None,
        actor=actor or None,
        source=source or None,
        review_status=review_status,
        bbox=box,
        article_id=article_id,
        q=q or None,
        min_confidence=min_confidence if min_confidence is not None else review_threshold(),
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", response_model=EventPage, tags=["events"])
def list_events(
    request: Request,
    f: Filter,
    ctx: Ctx,
    _reader: Reader,
    limit: Annotated[
        int, Query(ge=1, le=MAX_INT, description="Page size (at most DATELINE_API_MAX_PAGE_SIZE).")
    ] = 50,
    offset: Offset = 0,
) -> EventPage:
    """Events matching every given filter, oldest first, a page at a time (`next` links the next page)."""
    if limit > ctx.api.max_page_size:
        raise HTTPException(422, f"limit: at most {ctx.api.max_page_size} per page; follow `next` for more")
    f.limit, f.offset = limit, offset
    total = ctx.store.count_events(f)
    items = [queries.event_record(e) for e in ctx.store.query_events(f)]
    nxt = None
    if offset + len(items) < total:
        # the client's own parameters, offset moved on: a setting outside the filters (min_confidence=0)
        # must hold on every page, or following `next` silently drops the events it let in
        params = {**request.query_params, "limit": limit, "offset": offset + limit}
        nxt = f"{request.url.path}?{urlencode(params)}"
    return EventPage(
        items=items, total=total, limit=limit, offset=offset, filters=queries.active_filters(f), next=nxt
    )


@router.get("/events/{event_id}", response_model=EventDetail, tags=["events"])
def get_event(event_id: EventId, ctx: Ctx, _reader: Reader, response: Response) -> EventDetail:
    """One event with every field's evidence span, its article, all sources reporting it, quotes, claim
    chains and review history. The ETag is the event's version: send it back as If-Match with a review."""
    try:
        detail = queries.event_detail(ctx.store, event_id)
    except queries.NotFound as err:
        raise HTTPException(404, str(err)) from None
    response.headers["ETag"] = f'"{detail.event.version}"'
    return detail


@router.get("/events/{event_id}/history", response_model=list[AuditEntry], tags=["review"])
def event_history(event_id: EventId, ctx: Ctx, _reader: Reader) -> list[AuditEntry]:
    """The event's append-only audit log, oldest first: who reviewed it, when, what changed and why."""
    if ctx.store.event_model(event_id) is None:
        raise HTTPException(404, f"event {event_id} not found")
    return [queries.audit_entry(h) for h in ctx.store.history(event_id)]


def _expected_version(body: ReviewRequest, if_match: str | None) -> int | None:
    """The version the reviewer saw: the body's `version`, else the If-Match header ("3", W/"3" or 3)."""
    if body.version is not None or not if_match or if_match.strip() == "*":
        return body.version
    tag = if_match.strip().removeprefix("W/").strip('"')
    if not tag.isdigit() or len(tag) > 10 or int(tag) > MAX_INT:
        raise HTTPException(422, "If-Match: expected the event's ETag, e.g. \"3\"")
    return int(tag)


@router.patch(
    "/events/{event_id}",
    response_model=ReviewResult,
    tags=["review"],
    responses={409: {"description": "The event changed since the given version; reload and review again."}},
)
def review_event(
    event_id: EventId,
    body: ReviewRequest,
    ctx: Ctx,
    user: Writer,
    response: Response,
    if_match: Annotated[str | None, Header(max_length=40)] = None,
) -> ReviewResult:
    """Review an event: `accept`, `correct` (with `fields`: ACLED column → new value), `reject` or `reset`,
    each with an optional comment. Corrections are checked against the ACLED codebook and derived columns
    follow. With `version` (or If-Match) the review applies only if the event is still at that version.
    The change and its author are appended to the event's history."""
    if body.action == "correct" and not body.fields:
        raise HTTPException(422, "action 'correct' needs 'fields', e.g. {\"fatalities\": 3}")
    if body.action != "correct" and body.fields:
        raise HTTPException(422, f"action {body.action!r} takes no 'fields'; use action 'correct'")
    expected = _expected_version(body, if_match)
    reviewer = ctx.store.api_token_reviewer(user) or Reviewer(user)
    try:
        updated = ctx.store.review_event(
            event_id, reviewer, body.action, changes=body.fields or None, comment=body.comment,
            expected_version=expected,
        )
    except KeyError:
        raise HTTPException(404, f"event {event_id} not found") from None
    except EditConflict as err:
        raise HTTPException(409, str(err)) from None
    except ValueError as err:
        raise HTTPException(422, str(err)) from None
    entry = ctx.store.history(event_id)[-1]
    response.headers["ETag"] = f'"{updated["version"]}"'
    return ReviewResult(event=queries.event_record(updated), audit=queries.audit_entry(entry))


# -- export -----------------------------------------------------------------------------------------------
@router.get(
    "/export",
    tags=["export"],
    response_class=Response,
    responses={200: {"description": "The file, in the asked format."}},
)
def export(
    f: Filter,
    ctx: Ctx,
    _reader: Reader,
    format: Annotated[str, Query(description="acled | geojson | parquet | plover | evidence")] = "acled",
) -> Response:
    """Matching events in an export format (reviewed values; rejected events are left out unless asked for
    with review_status=rejected)."""
    from dateline.api.exports import render_export

    try:
        body, media_type, filename = render_export(ctx.store, f, format)
    except LookupError as err:
        raise HTTPException(422, str(err)) from None
    return Response(
        body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@router.get("/health", tags=["meta"])
def health(ctx: Ctx) -> dict[str, Any]:
    """Liveness and row counts."""
    return {"status": "ok", "counts": ctx.store.counts(), "database": ctx.store.dialect}
