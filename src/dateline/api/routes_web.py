"""The dashboard: server-rendered pages (Jinja2, autoescaped) plus small vendored scripts; no CDN.

- `/ui/`             map of events coloured by type, with clustering, and a timeline that filters it
- `/ui/events`       table with filters and pages
- `/ui/events/{id}`  the article with each field's evidence highlighted, quotes, claim chains, review form
- `/ui/review`       the review queue: pending events one by one (keys: a accept, r reject, n/j next), within
                     the table's filters
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from dateline.api import queries
from dateline.api.app import AppContext, context
from dateline.api.auth import COOKIE, require_reader
from dateline.api.highlight import Mark, highlight
from dateline.api.params import MAX_INT, EventId, Offset
from dateline.api.schemas import EventDetail
from dateline.extraction.decide import review_threshold
from dateline.store import EventFilter
from dateline.store.exports import without_rejected
from dateline.store.tables import REVIEW_STATUSES
from dateline.store.type_names import canonical_types

try:
    from importlib.resources import files
except ImportError:  # pragma: no cover
    from importlib_resources import files  # type: ignore[no-redef]

router = APIRouter(prefix="/ui", include_in_schema=False, dependencies=[Depends(require_reader)])
templates = Jinja2Templates(directory=str(files("dateline.api") / "templates"))
Ctx = Annotated[AppContext, Depends(context)]

EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2e86c1",
    "Riots": "#b7950b",
    "Strategic developments": "#27ae60",
}
#: Fields shown on the event page, in a coder's reading order; all of them can be corrected.
SHOWN_FIELDS = (
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "source",
    "source_scale",
    "notes",
    "tags",
)
# The filters a page takes as plain text: the API's filters less the typed ones (dates, article id).
TEXT_FILTERS = tuple(f for f in queries.FILTER_FIELDS if f not in {"date_from", "date_to", "article_id"})
# Every filter a page takes, in the filter bar's order (the table, the map and the review queue alike).
PAGE_FILTERS = ("date_from", "date_to", *TEXT_FILTERS, "min_confidence")


#: What the map and the table say when the filters match no event: one sentence, so the two never differ.
NO_MATCH = "No events match these filters."


def colour(event_type: str | None) -> str:
    return TYPE_COLOURS.get(event_type or "", "#7f8c8d")


templates.env.globals.update(
    colour=colour, EVENT_TYPES=EVENT_TYPES, REVIEW_STATUSES=REVIEW_STATUSES, COOKIE=COOKIE, NO_MATCH=NO_MATCH
)


def web_filter(
    request: Request, page_params: tuple[str, ...] = ()
) -> tuple[EventFilter, dict[str, str], str | None]:
    """Filters from a dashboard form: empty fields are ignored and a bad value becomes a message on the
    page (not a 422), so a typo never loses the analyst's other filters. A parameter that is neither a
    filter nor one of the page's own `page_params` is named too: ignored, a misspelt filter (`contry=`)
    would show every event as if filtered."""
    raw = {k: v.strip() for k, v in request.query_params.items() if v.strip() and k in PAGE_FILTERS}
    f = EventFilter(min_confidence=review_threshold())  # the map and table show what the decision keeps
    error = None
    unknown = sorted(set(request.query_params) - set(PAGE_FILTERS) - set(page_params))
    if unknown:
        error = f"{unknown[0]}: unknown filter; use one of {', '.join(PAGE_FILTERS)}"
    for key, value in raw.items():
        try:
            if key in {"date_from", "date_to"}:
                setattr(f, key, dt.date.fromisoformat(value))
            elif key == "min_confidence":
                f.min_confidence = _confidence(value)
            elif key == "bbox":
                f.bbox = queries.parse_bbox(value)
            elif key == "review_status" and value not in REVIEW_STATUSES:
                raise ValueError(f"review status {value!r}: use one of {', '.join(REVIEW_STATUSES)}")
            elif key in ("event_type", "sub_event_type"):  # any case, as the API; a typo is named on the page
                setattr(f, key, canonical_types([value], (key,))[0])
            elif "\x00" in value:  # PostgreSQL refuses NUL in a query; no stored text holds one
                raise ValueError("the NUL character is not allowed")
            else:
                setattr(f, key, value[:200])
        except ValueError as err:
            error = f"{key}: {err}" if not str(err).startswith(key) else str(err)
    return f, raw, error


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:  # also NaN
        raise ValueError(f"min_confidence: {value!r} is not a number from 0 to 1")
    return number


def _options(ctx: AppContext) -> dict[str, list[str]]:
    return {
        "event_types": sorted(set(EVENT_TYPES) | set(queries.distinct_values(ctx.store, "event_type"))),
        "sub_event_types": queries.distinct_values(ctx.store, "sub_event_type"),
        "countries": queries.distinct_values(ctx.store, "country"),
    }


def _qs(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request, ctx: Ctx) -> HTMLResponse:
    f, raw, error = web_filter(request)
    # a pin carries no review status: a rejected event would look like data, so the map leaves it out as
    # exports do, unless the filter asks for a status
    f = without_rejected(f)
    return templates.TemplateResponse(
        request,
        "map.html",
        {
            "page": "map",
            "params": raw,
            "error": error,
            "options": _options(ctx),
            "points_url": f"/ui/points.json?{_qs(raw)}",
            "total": ctx.store.count_events(f),
        },
    )


@router.get("/points.json")
def points(request: Request, ctx: Ctx) -> JSONResponse:
    """Markers for the map: id, position, type, sub-type, date, place, status (filters as on the table)."""
    f, _raw, error = web_filter(request)
    if error:
        raise HTTPException(422, error)
    pts, truncated = queries.map_points(ctx.store, without_rejected(f), limit=ctx.api.map_point_limit)
    data = []
    for p in pts:
        p.url = f"/ui/events/{p.id}"
        data.append(p.model_dump(mode="json"))
    return JSONResponse({"points": data, "truncated": truncated})


@router.get("/events", response_class=HTMLResponse)
def table_page(request: Request, ctx: Ctx, offset: Offset = 0) -> HTMLResponse:
    f, raw, error = web_filter(request, ("offset",))
    size = 50
    offset = max(0, offset)
    total = ctx.store.count_events(f)
    f.limit, f.offset = size, offset
    rows = [queries.event_record(e) for e in ctx.store.query_events(f)]
    prev_url = f"/ui/events?{_qs(raw, offset=max(0, offset - size))}" if offset > 0 else None
    next_url = f"/ui/events?{_qs(raw, offset=offset + size)}" if offset + size < total else None
    return templates.TemplateResponse(
        request,
        "table.html",
        {
            "page": "events",
            "params": raw,
            "error": error,
            "options": _options(ctx),
            "rows": rows,
            "cut": review_threshold(),  # the table may list events under it (min_confidence=0): they are marked
            "total": total,
            "offset": offset,
            "prev_url": prev_url,
            "next_url": next_url,
            "map_url": f"/ui/?{_qs(raw)}",
            "review_url": f"/ui/review?{_qs(raw)}",
            "export_qs": _qs({k: v for k, v in raw.items()}),
        },
    )


def _marks(detail: EventDetail) -> list[Mark]:
    ev = detail.event
    marks = [Mark(s.start, s.end, "mention", "mention") for s in ev.mentions]
    for quote in detail.quotes:
        marks.append(Mark(quote.span.start, quote.span.end, f"quote {quote.id}", "quote"))
    for claim in detail.claims:
        if claim.evidence is not None:
            marks.append(Mark(claim.evidence.start, claim.evidence.end, "claim", "claim"))
    for name, span in ev.evidence.items():
        marks.append(Mark(span.start, span.end, name, "field"))
    for actor in ev.actors:
        if actor.evidence is not None:
            marks.append(Mark(actor.evidence.start, actor.evidence.end, "actor", "field"))
    return marks


def _field_rows(detail: EventDetail) -> list[dict[str, Any]]:
    ev = detail.event
    rows = []
    for name in SHOWN_FIELDS:
        value = getattr(ev, name)
        span = ev.evidence.get(name)
        rows.append(
            {
                "name": name,
                "value": value,
                "input": ""
                if value is None
                else (value.isoformat() if isinstance(value, dt.date) else str(value)),
                "evidence": span.text if span else None,
            }
        )
    return rows


def _event_page(
    request: Request,
    ctx: AppContext,
    event_id: int,
    *,
    queue: bool,
    next_url: str | None,
    queue_left: int | None = None,
    queue_status: str = "pending",
) -> HTMLResponse:
    try:
        detail = queries.event_detail(ctx.store, event_id)
    except queries.NotFound as err:
        raise HTTPException(404, str(err)) from None
    article = ctx.store.get_article(detail.event.article_id)
    text = article["text"] if article else ""
    ev = detail.event
    own_claims = [c for c in detail.claims if c.subject == "event" and c.subject_id == ev.local_id]
    return templates.TemplateResponse(
        request,
        "event.html",
        {
            "page": "review" if queue else "events",
            "d": detail,
            "ev": ev,
            "rows": _field_rows(detail),
            "article_html": highlight(text, _marks(detail)),
            "own_claims": own_claims,
            "queue": queue,
            "next_url": next_url,
            "queue_left": queue_left,
            "queue_status": queue_status,
            "event_url": f"/events/{ev.id}",
        },
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: EventId, ctx: Ctx) -> HTMLResponse:
    return _event_page(request, ctx, event_id, queue=False, next_url=None)


@router.get("/review", response_class=HTMLResponse)
def review_queue(
    request: Request, ctx: Ctx, after: Annotated[int | None, Query(ge=0, le=MAX_INT)] = None
) -> HTMLResponse:
    f, raw, error = web_filter(request, ("after",))
    if error:  # a queue that dropped a filter would have the reviewer decide events they did not ask for
        return templates.TemplateResponse(
            request, "bad_request.html", {"page": "bad-request", "path": request.url.path, "message": error},
            status_code=422,
        )
    # the table's min_confidence is a floor here; without one the queue also holds the events left for review
    floor = f.min_confidence if "min_confidence" in raw else None
    f.min_confidence = review_threshold()
    current = queries.queue_next(ctx.store, f, after=after, floor=floor)
    if current is None and after is not None:
        current = queries.queue_next(ctx.store, f, floor=floor)  # wrap around to events skipped earlier
    if current is None:
        return templates.TemplateResponse(
            request, "queue_empty.html", {"page": "review", "params": raw, "error": error}
        )
    next_url = f"/ui/review?{_qs(raw, after=current)}"
    return _event_page(
        request, ctx, current, queue=True, next_url=next_url,
        queue_left=queries.count_pending(ctx.store, f, floor=floor),
        queue_status=raw.get("review_status", "pending"),
    )
