"""Request and response bodies of the HTTP API (they make the OpenAPI document at /openapi.json)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dateline.model import Article, Claim, Event, Quote, Report


class EventRecord(Event):
    """A stored event: every `Event` field, with the database id and its review state."""

    id: int = Field(description="Database id (use it in /events/{id}).")  # type: ignore[assignment]
    local_id: str = Field(description="Event.id within its report, e.g. E1.")
    uid: str
    article_id: int
    report_id: int
    review_status: Literal["pending", "accepted", "corrected", "rejected"] | str = "pending"
    updated_at: dt.datetime | None = None
    version: int = Field(default=1, description="Bumped by every review; send it back (or If-Match) to "
                                                "review only if nobody changed the event meanwhile.")


class EventPage(BaseModel):
    items: list[EventRecord]
    total: int
    limit: int
    offset: int
    filters: dict[str, Any] = Field(default_factory=dict, description="The filters that were applied.")
    next: str | None = Field(default=None, description="Path of the next page, null on the last page.")


class ArticleSummary(BaseModel):
    id: int
    article_key: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    path: str | None = None
    published: dt.date | None = None
    source_kind: str | None = None


class ArticleOut(ArticleSummary):
    text: str
    subtitle: str | None = None
    author: str | None = None
    site_name: str | None = None
    dateline_place: str | None = None
    event_ids: list[int] = Field(default_factory=list)


class SourceRef(BaseModel):
    """One article reporting the event (several when reports were merged into one real-world event)."""

    event_id: int
    article_id: int
    merged_id: int | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None


class QuoteOut(Quote):
    pass


class ClaimOut(Claim):
    pass


class AuditEntry(BaseModel):
    id: int
    event_id: int
    event_uid: str | None = Field(default=None, description="The event's uid (entries outlive the event).")
    user: str = Field(description="Name of the API token that made the change ('dateline' for carry-overs).")
    token_id: int | None = Field(default=None, description="Id of that token: a re-created name has a new one.")
    token_created_at: dt.datetime | None = None
    action: str = Field(description="accept | correct | reject | reset | carry (review kept across "
                                    "re-extraction) | supersede (article re-extracted, no matching event)")
    changes: dict[str, Any] = Field(default_factory=dict, description="field → {old, new}")
    comment: str | None = None
    at: dt.datetime = Field(description="UTC, with its zone.")


class MergedInfo(BaseModel):
    """The real-world event this report was merged into, with the values its sources disagree on."""

    id: int
    source_count: int
    independent_sources: int | None = Field(
        default=None, description="Reprint clusters among the sources: copies of one story count once."
    )
    fields: dict[str, Any] = Field(default_factory=dict, description="Merged ACLED values.")
    disputes: dict[str, list[dict[str, Any]]] = Field(
        default_factory=dict,
        description="field → [{value, event_id, article_id, source}] when sources differ",
    )
    notes: str | None = None


class EventDetail(BaseModel):
    event: EventRecord
    article: ArticleSummary
    sources: list[SourceRef]
    merged: MergedInfo | None = None
    quotes: list[QuoteOut] = Field(default_factory=list)
    claims: list[ClaimOut] = Field(default_factory=list)
    history: list[AuditEntry] = Field(default_factory=list)


class MapPoint(BaseModel):
    id: int
    lat: float | None
    lon: float | None
    type: str | None
    sub: str | None
    date: dt.date | None
    loc: str | None
    country: str | None
    status: str | None
    sources: int = Field(default=1, description="Independent sources of its merged event (1 when not merged).")
    url: str = ""


class ExtractRequest(BaseModel):
    """One article: `text` (plain text) or `html` (a page; main text by trafilatura), not both."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="Plain article text.")
    html: str | None = Field(default=None, description="An HTML page.")
    url: str | None = Field(
        default=None, description="Where the article came from (kept as metadata; never fetched)."
    )
    published: dt.date | None = Field(
        default=None, description="Publication date when the text has no dateline."
    )
    article_id: str | None = Field(default=None, max_length=200, description="Your id for the article.")

    @field_validator("published")
    @classmethod
    def _news_day(cls, value: dt.date | None) -> dt.date | None:
        from dateline.ingest.text import PUBLICATION_DAYS

        if value is not None and not PUBLICATION_DAYS[0] <= value <= PUBLICATION_DAYS[1]:
            raise ValueError(f"{value.isoformat()} is no publication date (from 1800 to 2199)")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _unix_time(cls, value: Any) -> Any:
        # Unix time as a JSON corpus line gives it ("published": 1575000000) is its UTC day here too; pydantic
        # alone takes only a midnight timestamp and refuses every other as "should have zero time"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            from dateline.ingest.text import parse_date_value

            day = parse_date_value(value)
            if day is None:
                raise ValueError(f"{value!r} is not a date (YYYY-MM-DD or Unix time in seconds or milliseconds)")
            return day
        return value

    @model_validator(mode="after")
    def _one_body(self) -> ExtractRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        body = self.text if self.text is not None else self.html
        if not (body or "").strip():
            raise ValueError("the article is empty")
        return self


class StoredArticle(BaseModel):
    article_id: int
    event_ids: list[int]
    created: bool = Field(description="False when the same text was stored before (articles are kept once).")
    report: Report


class ReviewRequest(BaseModel):
    """A reviewer's decision on an event."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["accept", "correct", "reject", "reset"]
    fields: dict[str, Any] = Field(
        default_factory=dict, description="For 'correct': ACLED field → new value (null clears it)."
    )
    comment: str | None = Field(default=None, max_length=5000)
    version: int | None = Field(
        default=None, ge=1, le=2**31 - 1,
        description="The event version the reviewer saw (or send If-Match: \"<version>\"); 409 if it changed.",
    )


class ReviewResult(BaseModel):
    event: EventRecord
    audit: AuditEntry


class TokenInfo(BaseModel):
    name: str
    created_at: dt.datetime | None = None


__all__ = [
    "Article",
    "ArticleOut",
    "ArticleSummary",
    "AuditEntry",
    "ClaimOut",
    "EventDetail",
    "EventPage",
    "EventRecord",
    "ExtractRequest",
    "MapPoint",
    "MergedInfo",
    "QuoteOut",
    "ReviewRequest",
    "ReviewResult",
    "SourceRef",
    "StoredArticle",
    "TokenInfo",
]
