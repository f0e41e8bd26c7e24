"""dateline's data model: plain, serialisable records that every stage passes on.

Every value that came from text carries a `Span` into `Article.text` (the cleaned text), so a reviewer can
always see the words behind a field. Field names of `Event` that are ACLED columns are spelled exactly as in
an ACLED export, so ACLED tooling reads dateline's JSON without a mapping.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "dateline-report/1"


class Record(BaseModel):
    """Base of all model classes: strict about unknown fields, friendly to JSON."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(Record):
    """A stretch of `Article.text`: `text == article.text[start:end]` always holds."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class OffsetSegment(Record):
    """Cleaned text [clean_start, clean_start + length) came from raw [raw_start, raw_start + length)."""

    clean_start: int
    raw_start: int
    length: int


class RemovedText(Record):
    """Text that cleaning dropped, kept so nothing is lost silently."""

    raw_start: int
    raw_end: int
    text: str
    reason: Literal["ad_residue", "repeated_line", "boilerplate", "control_chars"]


class DateSignal(Record):
    """One candidate for the article's publication date and where it came from."""

    value: dt.date
    source: Literal["override", "record", "html_meta", "url", "dateline", "text"]
    evidence: Span | None = None
    raw: str | None = None


class Article(Record):
    id: str
    text: str = Field(description="Cleaned text; every Span offset refers to it.")
    source_kind: Literal["text", "html", "jsonl", "url", "stdin", "feed", "warc", "api"] = "text"
    path: str | None = None
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    publisher: str | None = None
    author: str | None = None
    site_name: str | None = None
    published: dt.date | None = None
    published_signals: list[DateSignal] = Field(default_factory=list)
    date_conflict: bool = False
    dateline_place: str | None = None
    language: str | None = Field(default="en", description="ISO 639-1 code; dateline codes English only.")
    ingest_warnings: list[str] = Field(
        default_factory=list, description="What ingest had to guess or ignore: damaged or non-UTF-8 bytes, a "
        "record's unreadable date.")
    content_hash: str | None = None
    evidence: dict[str, Span] = Field(
        default_factory=dict, description="Span per metadata field: title, subtitle, publisher, published, dateline_place."
    )
    removed: list[RemovedText] = Field(default_factory=list)
    offset_map: list[OffsetSegment] = Field(default_factory=list)

    def header_end(self) -> int:
        """Where the headline and the standfirst under it end (0: none): they announce the story in words of their
        own and are no telling of the body."""
        return max((span.end for key in ("title", "subtitle") if (span := self.evidence.get(key)) is not None),
                   default=0)

    def credit_spans(self) -> list[Span]:
        """Where the text credits its outlet or news agency: the dateline ("DURBAN, March 6 (ANA) -") and the
        publisher's credit ("… police said. Sapa /jm"). A name there is the credit, not a place or an actor."""
        return [span for key in ("dateline", "publisher") if (span := self.evidence.get(key)) is not None]

    def raw_offset(self, clean_offset: int) -> int | None:
        """Map an offset of the cleaned text back to the raw input (None when there is no map)."""
        for seg in self.offset_map:
            if seg.clean_start <= clean_offset <= seg.clean_start + seg.length:
                return seg.raw_start + (clean_offset - seg.clean_start)
        return None


class Actor(Record):
    name: str = Field(description='ACLED style, e.g. "Protesters (Iraq)", "Police Forces of Iraq".')
    inter: int | None = Field(default=None, ge=0, le=8, description="ACLED inter code, 1 State forces … 8 External.")
    inter_label: str | None = None
    country: str | None = None
    associated: list[str] = Field(default_factory=list)
    evidence: Span | None = None


class Place(Record):
    """A toponym in the text and what it resolved to (GeoNames)."""

    mention: str
    span: Span
    kind: Literal["country", "admin1", "admin2", "city", "landmark", "region", "unknown"] = "unknown"
    name: str | None = Field(default=None, description="Canonical name of the resolved place.")
    geonameid: int | None = None
    country: str | None = None
    iso3: str | None = None
    iso: int | None = Field(default=None, description="ISO 3166-1 numeric, as ACLED's iso column.")
    region: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    within: str | None = Field(default=None, description="Enclosing place for landmarks: Tahrir Square → Baghdad.")
    confidence: float = 0.0
    reason: str | None = None
    candidates: list[dict[str, object]] = Field(default_factory=list)


class DateMention(Record):
    """A date expression resolved against the article date."""

    span: Span
    kind: Literal["absolute", "relative", "weekday", "range", "duration", "year", "month", "vague"] = "absolute"
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int = Field(default=1, ge=1, le=3)
    relation: Literal["past", "present", "future", "history"] = "past"
    event_date: dt.date | None = Field(
        default=None, description="The day the codebook codes an event on for this expression (see extraction/dates.py)."
    )
    governor: Span | None = Field(default=None, description="The word the expression modifies, e.g. 'accused'.")
    clause: Span | None = Field(default=None, description="Extent of the clause the expression belongs to.")
    in_quote: bool = False
    note: str | None = Field(default=None, description="How it was resolved: anchor, hedge, dateline …")


EVENT_ID_PREFIX = "DL"
_EVENT_ID = re.compile(rf"^{EVENT_ID_PREFIX}-(?P<iso3>[A-Z]{{3}})-(?P<hash>[0-9a-f]{{10}})$")


def make_event_id_cnty(iso3: str | None, basis: str) -> str:
    """dateline's `event_id_cnty`: "DL-IRQ-3f9a0c12be" (ISO3 + a hash of `basis`, the same in every run).

    ACLED's own ids are ISO3 + digits ("IRQ7034662"); an id of that form on a dateline event could be taken
    for an ACLED record, so dateline's ids carry the "DL-" prefix, dashes and hex digits, which ACLED's never do.
    """
    digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]
    return f"{EVENT_ID_PREFIX}-{(iso3 or 'XXX').upper()}-{digest}"


def parse_event_id_cnty(value: str | None) -> tuple[str, str] | None:
    """(ISO3, hash) of a dateline `event_id_cnty`; None for anything else (an ACLED id, an old dateline id)."""
    m = _EVENT_ID.match(value or "")
    return (m.group("iso3"), m.group("hash")) if m else None



# ACLED's words for two Event columns: its source scales in its own order (a source_scale joins several with "-",
# "National-International"), and the one value of civilian_targeting (else empty).
SOURCE_SCALES = ("Local partner", "Subnational", "National", "Regional", "International", "New media", "Other")
CIVILIAN_TARGETING = "Civilian targeting"

class Event(Record):
    """One ACLED event. Columns carry ACLED's names; the rest is what a coder keeps in mind."""

    id: str = Field(description="Local id within the report, e.g. E1.")
    event_id_cnty: str | None = Field(default=None, description='dateline\'s id, e.g. "DL-IRQ-3f9a0c12be" '
                                      "(never ACLED's ISO3 + digits form).")
    event_date: dt.date | None = None
    year: int | None = None
    time_precision: int | None = Field(default=None, ge=1, le=3)
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    geonameid: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = Field(default=None, description="null = unknown (0 in the ACLED CSV).")
    tags: str | None = None
    timestamp: int | None = None
    claimed_by: list[str] = Field(default_factory=list, description="publisher → cited outlet → cited source")
    confidence: float = 0.0
    flags: list[str] = Field(default_factory=list, description="e.g. vague_fatalities, date_defaulted")
    actors: list[Actor] = Field(default_factory=list)
    evidence: dict[str, Span] = Field(default_factory=dict, description="Span per field that came from text.")
    mentions: list[Span] = Field(default_factory=list, description="Every passage that reports this event.")


class RejectedCandidate(Record):
    """A passage that looked like an event but is not one, with the reason, for review."""

    span: Span
    trigger: str | None = None
    reason: Literal["call", "statement", "negated", "hypothetical", "future", "history", "no_event", "other"]
    detail: str | None = None
    sub_event_type: str | None = None


class Quote(Record):
    id: str
    span: Span
    kind: Literal["direct", "indirect", "slogan", "block"] = "direct"
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_role: str | None = None
    speaker_named: bool = False
    cue: Span | None = None
    claimed_by: list[str] = Field(default_factory=list)


class Statement(Record):
    """A PLOVER verbal event: ACCUSE, SUPPORT, THREATEN, DEMAND, REJECT, CONSULT, AGREE …"""

    id: str
    plover: str
    actor: str | None = None
    target: str | None = None
    date: dt.date | None = None
    location: str | None = None
    mode: list[str] = Field(
        default_factory=list, description="PLOVER's mode words for the type (manual draft 0.8), e.g. [\"phone\"] for a "
        "CONSULT by phone, [\"arrest\"] for a threat to arrest; empty unless the sentence says one.")
    mode_evidence: dict[str, Span] = Field(
        default_factory=dict, description="Span per mode: the words it was coded from.")
    evidence: Span
    trigger: Span | None = Field(
        default=None, description="The cue word the statement was read from (\"condemned\"; \"called\" of \"called on\").")
    claimed_by: list[str] = Field(default_factory=list)


class ClaimLink(Record):
    name: str
    role: Literal["publisher", "outlet", "source", "person", "organisation"] = "source"
    span: Span | None = None


class Claim(Record):
    """Who asserts an event, quote or statement, and through whom."""

    subject: Literal["event", "quote", "statement"]
    subject_id: str
    chain: list[ClaimLink]
    evidence: Span | None = None
    first_hand: bool = True


class LoadedSpan(Record):
    span: Span
    category: str


class SourceProfile(Record):
    publisher: str | None = None
    publisher_kind: str | None = None
    basis: str | None = None
    loaded_language: list[LoadedSpan] = Field(default_factory=list)
    loaded_sentence_share: float = 0.0
    first_hand_claims: int = 0
    relayed_claims: int = 0


class Report(Record):
    """Everything dateline extracted from one article."""

    schema_version: str = SCHEMA_VERSION
    pipeline_version: str | None = None
    article: Article
    events: list[Event] = Field(default_factory=list)
    rejected: list[RejectedCandidate] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    source_profile: SourceProfile | None = None
    warnings: list[str] = Field(default_factory=list)
    not_coded: str | None = Field(default=None, description="Why nothing was extracted from the article (it is "
                                  "not in English, or too long for one pass); None when it was coded.")
