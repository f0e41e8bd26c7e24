"""Cross-report merge: events from different articles that report the same real-world event become one.

Two events are the same when all of these hold (the codebook's view of "one event"):
- same event-type family (demonstrations: Protests/Riots; political violence: Battles, Explosions/Remote
  violence, Violence against civilians; strategic developments);
- same or neighbouring place: within 25 km when both are geolocated to the town itself (geo_precision 1),
  else the same admin1 of the same country (an imprecise report cannot be placed closer than that);
- same day, or overlapping date ranges (time_precision 2-3 events carry a range); an event its report gives no
  date (coded at the report's day, flagged `date_defaulted`) happened on that day or shortly before, so it is the
  event of a dated report when that one's date lies within UNDATED_DAYS before the undated report's day, the
  sub-event type is the same and the place the same town (same location, or within 25 km), not only the same
  province; two undated events still need the same day;
- compatible actors: a shared actor name (qualifiers such as "(Iraq)" ignored), the same actor category
  (ACLED inter code; protesters and rioters count as one crowd), or no actor named on one side;
- no different targets: when both reports name the place or thing the act hit (`evidence["target"]`: "a church",
  "a police station") and neither names the other's anywhere in its passage, gunmen who attacked a church and
  gunmen who attacked a school in the same town on the same day are two incidents;
- different articles (one article's distinct events stay distinct: the extractor already split them).

The merged event takes each field from the strongest report (highest confidence; the most precise place and
date win those fields), fatalities by the codebook's conservative rule (`merged_toll`: the lowest figure among
reports of the same publication date, unless a later-dated report explicitly revises the toll, "the death toll
rose to 12", which then replaces the earlier lowest), and keeps every disagreeing value side by side in
`disputes`, with the fatality dispute also spelled out in `notes`.

Reprints (`dateline.reprints`): copies of one story (a wire story reprinted by many outlets) share a reprint
cluster, found before merging. Every copy is still coded and linked, but
- a copy's event joins the merged event of its sibling copy's event when both rest on the same passage and
  their fields do not contradict each other (a trimmed copy that lost the town still joins; a different town
  or day in the same words does not), so a reprint never makes one incident two events;
- a merged event counts ONE independent source per cluster (`independent_count`); its confidence combines
  the strongest report of each cluster (1 - prod(1 - c)), so twenty copies confirm no more than one;
  `source_scale` joins the scales of one report per cluster, and `source` names each outlet once.

Merging is deterministic (events are visited in (date, uid) order; merged ids derive from the founding
event's uid) and incremental (only events without a merged event are placed; the merged events they join are
recomputed; events of superseded reports are unlinked first, and an event of the report that superseded them
takes its predecessor's place: a revised article is the same source told again, not another one).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dateline.reprints import ReprintStats, assign_reprints, clusters_of, copy_publishers, normalise
from dateline.store import Store
from dateline.store.repository import kept_clause
from dateline.store.review_rules import SOURCE_SCALES as _SCALE_ORDER
from dateline.store.tables import (
    EVENT_COLUMNS,
    ArticleReprintRow,
    ArticleRow,
    EventRow,
    MergedEventRow,
    MergedSourceRow,
    ReportRow,
    utcnow,
)

FAMILIES: dict[str, str] = {
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Battles": "political_violence",
    "Explosions/Remote violence": "political_violence",
    "Violence against civilians": "political_violence",
    "Strategic developments": "strategic",
}
NEAR_KM = 25.0
# ACLED inter codes that name the same kind of actor for merging: protesters (6) and rioters (5) are one crowd.
_INTER_GROUP = {5: 6}
DISPUTED_FIELDS = ("event_date", "sub_event_type", "actor1", "actor2", "location", "admin1", "fatalities")
_LOCATION_FIELDS = ("country", "iso", "region", "admin1", "admin2", "admin3", "location", "latitude",
                    "longitude", "geo_precision", "geonameid")
_DATE_FIELDS = ("event_date", "year", "time_precision")
_QUALIFIER = re.compile(r"\s*\([^)]*\)")
# how many days before its report's day an undated report's event may lie: a news report tells of the last days
UNDATED_DAYS = 3
DATE_DEFAULTED = "date_defaulted"  # extraction's flag of an event coded at its report's day for want of a date
SAME_PASSAGE = 0.8  # word-set overlap at which two copies' events rest on the same passage
_UNNAMED = {"publisher"}  # extract.claims' stand-in for an article whose publisher is unknown: not an outlet


@dataclass
class MergeStats:
    placed: int = 0
    created: int = 0
    updated: int = 0
    unlinked: int = 0
    total: int = 0
    reprint_joins: int = 0
    reprints: ReprintStats | None = None
    touched: set[int] = field(default_factory=set)  # merged ids created or changed by this merge

    def summary(self) -> str:
        line = (f"merge: {self.placed} new events placed, {self.created} merged events created, {self.updated} "
                f"updated, {self.unlinked} stale links removed; {self.total} merged events in all")
        if self.reprints is not None:
            line = f"{self.reprints.summary()}\n{line} ({self.reprint_joins} placed beside a reprint)"
        return line


def family_of(event_type: str | None) -> str | None:
    return FAMILIES.get(event_type or "")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _norm(text: str | None) -> str:
    return " ".join(_QUALIFIER.sub("", text or "").lower().split())


def date_range(ev: Any) -> tuple[dt.date, dt.date] | None:
    start = ev.date_start or ev.event_date
    end = ev.date_end or ev.event_date
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def places_near(a: Any, b: Any) -> tuple[bool, float]:
    """(same or neighbouring place, distance in km or inf)."""
    if a.country and b.country and _norm(a.country) != _norm(b.country):
        return False, math.inf
    coords = None not in (a.latitude, a.longitude, b.latitude, b.longitude)
    dist = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) if coords else math.inf
    if coords and a.geo_precision == 1 and b.geo_precision == 1:
        return dist <= NEAR_KM, dist
    if a.admin1 and b.admin1:
        return _norm(a.admin1) == _norm(b.admin1), dist
    if a.location and b.location:
        return _norm(a.location) == _norm(b.location), dist
    return (dist <= NEAR_KM, dist) if coords else (False, math.inf)


def _inter(code: int | None) -> int | None:
    return _INTER_GROUP.get(code, code) if code is not None else None


def actors_compatible(a: Any, b: Any) -> bool:
    names_a = {n for n in (_norm(a.actor1), _norm(a.actor2)) if n}
    names_b = {n for n in (_norm(b.actor1), _norm(b.actor2)) if n}
    if not names_a or not names_b or names_a & names_b:
        return True
    inters_a = {c for c in (_inter(a.inter1), _inter(a.inter2)) if c is not None}
    inters_b = {c for c in (_inter(b.inter1), _inter(b.inter2)) if c is not None}
    return _inter(a.inter1) in inters_b or _inter(b.inter1) in inters_a


def _target_word(ev: Any) -> str | None:
    """The head word of what the event's act hit ("station" of "police station"), or None."""
    span = (ev.evidence or {}).get("target")
    text = span.get("text", "") if isinstance(span, dict) else getattr(span, "text", "")
    words = normalise(text or "")
    return words[-1] if words else None


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def targets_differ(a: Any, b: Any) -> bool:
    """Both reports name what the act hit and neither names the other's target in its passage ("attacked a
    church" / "attacked a school"). "attacked a checkpoint" / "killed two soldiers at a checkpoint" agree."""
    ta, tb = _target_word(a), _target_word(b)
    if ta is None or tb is None:
        return False
    in_a = {_singular(w) for w in _passage_words(a)}
    in_b = {_singular(w) for w in _passage_words(b)}
    return _singular(tb) not in in_a and _singular(ta) not in in_b


def undated(ev: Any) -> bool:
    """The event's report gave it no date: it is coded at the report's day (`date_defaulted`)."""
    return DATE_DEFAULTED in (ev.flags or [])


def _undated_pair(dated: Any, told: Any, dist: float) -> bool:
    """Whether a dated event can be the one an undated report tells: its date lies within UNDATED_DAYS before
    the undated report's day, and what happened and where agree more closely than two dated reports need to,
    since the date no longer tells incidents apart."""
    rd, day = date_range(dated), told.event_date or told.date_end
    if rd is None or day is None or rd[0] > day or rd[1] < day - dt.timedelta(days=UNDATED_DAYS):
        return False
    if not dated.sub_event_type or dated.sub_event_type != told.sub_event_type:
        return False
    same_town = bool(dated.location and told.location and _norm(dated.location) == _norm(told.location))
    return same_town or dist <= NEAR_KM


def same_event(a: Any, b: Any) -> tuple[bool, float]:
    """Whether two event-like records (EventRow or Event) report the same event, and how far apart they are."""
    fam = family_of(a.event_type)
    if fam is None or fam != family_of(b.event_type):
        return False, math.inf
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return False, math.inf
    one_undated = undated(a) != undated(b)
    if not one_undated and (ra[0] > rb[1] or rb[0] > ra[1]):
        return False, math.inf
    near, dist = places_near(a, b)
    if not near or not actors_compatible(a, b) or targets_differ(a, b):
        return False, math.inf
    if one_undated and not (_undated_pair(b, a, dist) if undated(a) else _undated_pair(a, b, dist)):
        return False, math.inf
    return True, dist


def _passage_words(ev: Any) -> set[str]:
    mentions = ev.mentions or []
    texts = [m.get("text", "") if isinstance(m, dict) else getattr(m, "text", "") for m in mentions]
    return set(normalise(" ".join(texts)))


def same_passage(a: Any, b: Any) -> bool:
    """Whether two events (of copies of one story) rest on the same passage, allowing small edits."""
    wa, wb = _passage_words(a), _passage_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= SAME_PASSAGE


def reprint_compatible(a: Any, b: Any) -> bool:
    """Fields of two copies' events that do not contradict each other: same family, overlapping (or missing)
    dates, same country, same admin1 when both know it, and within NEAR_KM when both are placed on the town.
    Looser than `same_event`: a copy that lost a paragraph may know the place or day less precisely."""
    fam = family_of(a.event_type)
    if fam is None or fam != family_of(b.event_type):
        return False
    ra, rb = date_range(a), date_range(b)
    if ra and rb and (ra[0] > rb[1] or rb[0] > ra[1]):
        return False
    if a.country and b.country and _norm(a.country) != _norm(b.country):
        return False
    if a.admin1 and b.admin1 and _norm(a.admin1) != _norm(b.admin1):
        return False
    if a.geo_precision == 1 and b.geo_precision == 1 and None not in (a.latitude, a.longitude, b.latitude,
                                                                      b.longitude):
        return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM
    return True


def combine_scales(scales: list[str | None]) -> str | None:
    """ACLED source_scale of several sources ("National" + "International" → "National-International")."""
    parts = {p for s in scales if s for p in s.split("-")}
    return "-".join(p for p in _SCALE_ORDER if p in parts) or ("-".join(sorted(parts)) or None)


def corroborated(confidences: list[float]) -> float:
    """Confidence that an event happened given independent reports: 1 - prod(1 - c)."""
    miss = 1.0
    for c in confidences:
        miss *= 1.0 - max(0.0, min(1.0, c))
    return round(1.0 - miss, 4)


@functools.cache
def _toll_update() -> re.Pattern[str]:
    """The cue of a toll told as revised ("the death toll rose to 12"), the one extraction folds updates by."""
    from dateline.extraction.packaged import Lexicon

    return Lexicon("rule_cues.yaml").regex("TOLL_UPDATE")


def revises_toll(ev: Any) -> bool:
    """Whether a report tells its figure as a revised toll ("the death toll rose to 12") in one of its passages."""
    mentions = ev.mentions or []
    texts = [m.get("text", "") if isinstance(m, dict) else getattr(m, "text", "") for m in mentions]
    return any(_toll_update().search(t.lower()) for t in texts)


def merged_toll(members: list[Any], published: dict[int, dt.date | None]) -> tuple[int | None, Any]:
    """The merged fatality figure and the report whose revision set it (None when the lowest rule did).

    Codebook section 6: among reports of the same publication date the lowest figure counts; a report dated
    later that explicitly revises the toll replaces the earlier lowest with the lowest figure of its own date.
    An undated report never counts as later: it is sorted first."""
    by_day: dict[dt.date, list[Any]] = {}
    for m in members:
        if m.fatalities is not None:
            by_day.setdefault(published.get(m.article_id) or dt.date.min, []).append(m)
    toll: int | None = None
    reviser = None
    for day in sorted(by_day):
        lowest = min(m.fatalities for m in by_day[day])
        revision = next((m for m in sorted(by_day[day], key=lambda m: m.uid) if revises_toll(m)), None)
        if toll is None:
            toll = lowest
        elif revision is not None:
            toll, reviser = lowest, revision
        elif lowest < toll:
            toll, reviser = lowest, None
    return toll, reviser


def _merged_uid(founder_uid: str) -> str:
    return "M" + hashlib.sha1(founder_uid.encode("utf-8")).hexdigest()[:15]


def _strength(ev: EventRow) -> tuple[Any, ...]:
    return (-(ev.confidence or 0.0), ev.uid)


def merged_values(members: list[EventRow], publishers: dict[int, str | None],
                  clusters: dict[int, int] | None = None,
                  copies: dict[int, list[str]] | None = None,
                  published: dict[int, dt.date | None] | None = None) -> dict[str, Any]:
    """The merged record of `members` (≥ 1 events): fields, disputes and notes. `clusters` maps article ids
    to reprint clusters (default: every article its own), which count once in confidence and source_scale;
    `published` maps article ids to publication dates, which order toll revisions (`merged_toll`)."""
    ranked = sorted(members, key=_strength)
    fields: dict[str, Any] = {}
    for name in EVENT_COLUMNS:
        fields[name] = next((getattr(m, name) for m in ranked if getattr(m, name) is not None), None)
    by_place = sorted(members, key=lambda m: (m.geo_precision or 9, m.latitude is None, *_strength(m)))
    for name in _LOCATION_FIELDS:
        fields[name] = getattr(by_place[0], name)
    by_date = sorted(members, key=lambda m: (m.time_precision or 9, m.event_date is None, *_strength(m)))
    for name in _DATE_FIELDS:
        fields[name] = getattr(by_date[0], name)
    # an undated report's day is not the incident's: the dated reports give its range when there are any
    dated = [m for m in members if not undated(m)] or members
    ranges = [r for m in dated if (r := date_range(m))]
    date_start = min((r[0] for r in ranges), default=None)
    date_end = max((r[1] for r in ranges), default=None)
    fields["fatalities"], reviser = merged_toll(members, published or {})
    outlets: dict[str, str] = {}
    for m in members:
        names = (m.source or publishers.get(m.article_id) or "").split(";") + (copies or {}).get(m.article_id, [])
        for name in names:
            if name.strip() and name.strip() not in _UNNAMED:
                outlets.setdefault(" ".join(name.lower().split()), name.strip())
    fields["source"] = "; ".join(sorted(outlets.values(), key=str.lower)) or None
    clusters = clusters or {}
    per_cluster: dict[int, EventRow] = {}
    for m in sorted(members, key=_strength):  # the strongest report of each cluster speaks for it
        per_cluster.setdefault(clusters.get(m.article_id, m.article_id), m)
    independent = list(per_cluster.values())
    fields["confidence"] = corroborated([m.confidence or 0.0 for m in independent])
    fields["source_scale"] = combine_scales([m.source_scale for m in independent])
    disputes: dict[str, list[dict[str, Any]]] = {}
    ordered = sorted(members, key=lambda m: m.uid)
    for name in DISPUTED_FIELDS:
        values = {getattr(m, name) for m in members if getattr(m, name) is not None}
        if len(values) > 1:
            disputes[name] = [{"value": _plain(getattr(m, name)), "event_id": m.id, "article_id": m.article_id,
                               "source": m.source or publishers.get(m.article_id)}
                              for m in ordered if getattr(m, name) is not None]
    notes = fields.get("notes")
    if "fatalities" in disputes:
        told = ", ".join(f"{d['value']} ({d['source'] or 'article ' + str(d['article_id'])})"
                         for d in disputes["fatalities"])
        if reviser is not None:
            who = reviser.source or publishers.get(reviser.article_id) or f"article {reviser.article_id}"
            sentence = (f"Fatality reports differ: {told}; coded {fields['fatalities']}, the toll as a later "
                        f"report ({who}) revised it.")
        else:
            sentence = f"Fatality reports differ: {told}; coded {fields['fatalities']} by the conservative rule."
        notes = f"{notes} {sentence}".strip() if notes else sentence
    fields["notes"] = notes
    return {"fields": {k: _plain(v) for k, v in fields.items()}, "disputes": disputes, "notes": notes,
            "date_start": date_start, "date_end": date_end, "raw": fields, "independent": len(independent)}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


class Merger:
    """Places unmerged events into merged events inside one session; see the module docstring."""

    def __init__(self, session: Session, min_confidence: float | None = None) -> None:
        self.s = session
        self.min_confidence = min_confidence
        self.stats = MergeStats()
        self._dirty: set[int] = set()
        self._clusters: dict[int, int] = {}
        self._shared: set[int] = set()  # clusters known to hold more than one article
        # events unlinked because a newer report of their story superseded theirs, with their merged event:
        # the newer report's matching event takes that place (`_successor_home`)
        self._vacated: list[tuple[EventRow, int]] = []
        self._stories: dict[int, str | None] = {}

    def prefetch(self, events: list[EventRow]) -> None:
        """Clusters of the pending events' articles, and which of them hold copies, in a few queries."""
        from sqlalchemy import func

        clusters = self.clusters(sorted({ev.article_id for ev in events}))
        ids = sorted(set(clusters.values()))
        for i in range(0, len(ids), 500):
            self._shared.update(self.s.scalars(
                select(ArticleReprintRow.cluster_id).where(ArticleReprintRow.cluster_id.in_(ids[i:i + 500]))
                .group_by(ArticleReprintRow.cluster_id).having(func.count() > 1)))

    def clusters(self, article_ids: Any) -> dict[int, int]:
        missing = [a for a in article_ids if a not in self._clusters]
        if missing:
            self._clusters.update(clusters_of(self.s, missing))
        return {a: self._clusters[a] for a in article_ids}

    def _reprint_home(self, ev: EventRow) -> MergedEventRow | None:
        """The merged event of a sibling copy's event that rests on the same passage, if any."""
        cluster = self.clusters([ev.article_id])[ev.article_id]
        if cluster not in self._shared:
            return None
        siblings = select(ArticleReprintRow.article_id).where(ArticleReprintRow.cluster_id == cluster,
                                                              ArticleReprintRow.article_id != ev.article_id)
        family = [t for t, f in FAMILIES.items() if f == family_of(ev.event_type)]
        stmt = (select(EventRow, MergedSourceRow.merged_id)
                .join(MergedSourceRow, MergedSourceRow.event_id == EventRow.id)
                .where(MergedSourceRow.article_id.in_(siblings), EventRow.event_type.in_(family))
                .order_by(EventRow.id).limit(64))
        after = 0
        while rows := self.s.execute(stmt.where(EventRow.id > after)).all():  # pages: a big cluster stops early
            for other, merged_id in rows:
                if same_passage(ev, other) and reprint_compatible(ev, other):
                    merged = self.s.get(MergedEventRow, merged_id)
                    members = self._members(merged_id)
                    if merged is not None and not any(m.article_id == ev.article_id for m in members):
                        return merged
            after = rows[-1][0].id
        return None

    def unlink_stale(self) -> None:
        """Unlink events whose report was superseded by a newer pipeline version, or that were rejected."""
        stale = self.s.execute(
            select(MergedSourceRow)
            .join(EventRow, EventRow.id == MergedSourceRow.event_id)
            .join(ReportRow, ReportRow.id == EventRow.report_id)
            .where((ReportRow.current.is_(False)) | (EventRow.review_status == "rejected"))
        ).scalars().all()
        for link in stale:
            self._dirty.add(link.merged_id)
            old = self.s.get(EventRow, link.event_id)
            if old is not None and old.review_status != "rejected":
                self._vacated.append((old, link.merged_id))
            self.s.delete(link)
            self.stats.unlinked += 1
        self.s.flush()

    def _story(self, article_id: int) -> str | None:
        if article_id not in self._stories:
            self._stories[article_id] = self.s.scalar(select(ArticleRow.story_key)
                                                      .where(ArticleRow.id == article_id))
        return self._stories[article_id]

    def _successor_home(self, ev: EventRow) -> MergedEventRow | None:
        """The merged event that held this event's earlier telling: the same article's report of an older
        pipeline version, or an earlier text of the same story (`articles.story_key`). A revision is the same
        source told again, not another one: it takes its predecessor's place, dated or not, so the incident
        stays one merged event (same id, no second alert) with the revised figures and one source."""
        story = self._story(ev.article_id)
        ours = [(old, merged_id) for old, merged_id in self._vacated
                if (old.article_id == ev.article_id or (story is not None and self._story(old.article_id) == story))
                and reprint_compatible(old, ev)]
        if not ours:
            return None
        words = _passage_words(ev)
        # the predecessor whose passage the event retells most closely (a revision moves and edits passages)
        old, merged_id = max(ours, key=lambda pair: (len(words & _passage_words(pair[0]))
                                                     / (len(words | _passage_words(pair[0])) or 1), -pair[0].id))
        self._vacated.remove((old, merged_id))
        merged = self.s.get(MergedEventRow, merged_id)
        members = self._members(merged_id)
        if merged is None or any(m.article_id == ev.article_id or not reprint_compatible(ev, m) for m in members):
            return None
        return merged

    def pending_events(self) -> list[EventRow]:
        linked = select(MergedSourceRow.event_id)
        stmt = (select(EventRow).join(ReportRow, ReportRow.id == EventRow.report_id)
                .where(ReportRow.current.is_(True), EventRow.review_status != "rejected",
                       EventRow.id.not_in(linked)))
        if self.min_confidence is not None:
            stmt = stmt.where(kept_clause(self.min_confidence))  # events left for review found no merged event
        rows = list(self.s.scalars(stmt).all())
        return sorted(rows, key=lambda e: (e.event_date or dt.date.max, e.uid))

    def _candidates(self, ev: EventRow) -> list[MergedEventRow]:
        fam = family_of(ev.event_type)
        rng = date_range(ev)
        if fam is None or rng is None:
            return []
        # an undated report's event may lie UNDATED_DAYS before its day; `same_event` then checks each member
        window = dt.timedelta(days=UNDATED_DAYS)
        stmt = select(MergedEventRow).where(
            MergedEventRow.family == fam, MergedEventRow.date_start <= rng[1] + window,
            MergedEventRow.date_end >= rng[0] - window,
        ).order_by(MergedEventRow.uid)
        return list(self.s.scalars(stmt).all())

    def _members(self, merged_id: int) -> list[EventRow]:
        stmt = (select(EventRow).join(MergedSourceRow, MergedSourceRow.event_id == EventRow.id)
                .where(MergedSourceRow.merged_id == merged_id))
        return list(self.s.scalars(stmt).all())

    def _join(self, home: MergedEventRow, ev: EventRow) -> None:
        self._dirty.add(home.id)
        self.s.add(MergedSourceRow(merged_id=home.id, event_id=ev.id, article_id=ev.article_id))
        self.s.flush()
        self._refresh(home)
        self.stats.placed += 1

    def place(self, ev: EventRow) -> None:
        home = self._successor_home(ev)
        if home is not None:
            self._join(home, ev)
            return
        home = self._reprint_home(ev)
        if home is not None:
            self._join(home, ev)
            self.stats.reprint_joins += 1
            return
        best: tuple[float, str, MergedEventRow] | None = None
        for merged in self._candidates(ev):
            members = self._members(merged.id)
            if any(m.article_id == ev.article_id for m in members):
                continue
            # every member must agree with the newcomer, so a chain of near places cannot drift far
            checks = [same_event(ev, m) for m in members]
            if not members or not all(ok for ok, _ in checks):
                continue
            dist = min(d for _, d in checks)
            key = (dist, merged.uid)
            if best is None or key < best[:2]:
                best = (dist, merged.uid, merged)
        if best is not None:
            merged = best[2]
            self._dirty.add(merged.id)
        else:
            merged = MergedEventRow(uid=_merged_uid(ev.uid), family=family_of(ev.event_type) or "other",
                                    fields={}, disputes={}, source_count=0, review_status="pending",
                                    updated_at=utcnow())
            self.s.add(merged)
            self.s.flush()
            self.stats.created += 1
        self.s.add(MergedSourceRow(merged_id=merged.id, event_id=ev.id, article_id=ev.article_id))
        self.s.flush()
        self._refresh(merged)
        self.stats.placed += 1

    def _refresh(self, merged: MergedEventRow) -> None:
        members = self._members(merged.id)
        if not members:
            self.s.delete(merged)
            self.s.flush()
            return
        ids = {m.article_id for m in members}
        rows = self.s.execute(select(ArticleRow.id, ArticleRow.publisher, ArticleRow.published)
                              .where(ArticleRow.id.in_(ids))).all()
        publishers = {article_id: publisher for article_id, publisher, _ in rows}
        published = {article_id: day for article_id, _, day in rows}
        vals = merged_values(members, publishers, self.clusters(sorted(ids)), copy_publishers(self.s, sorted(ids)),
                             published)
        raw = vals["raw"]
        for name in ("event_date", "event_type", "sub_event_type", "country", "admin1", "location", "latitude",
                     "longitude", "geo_precision", "fatalities"):
            setattr(merged, name, raw[name])
        merged.date_start, merged.date_end = vals["date_start"], vals["date_end"]
        merged.fields, merged.disputes, merged.notes = vals["fields"], vals["disputes"], vals["notes"]
        merged.source_count = len(ids)
        merged.independent_count = vals["independent"]
        merged.updated_at = utcnow()
        self.stats.touched.add(merged.id)
        self.s.flush()

    def finish(self) -> None:
        for merged_id in sorted(self._dirty):
            merged = self.s.get(MergedEventRow, merged_id)
            if merged is not None:
                self._refresh(merged)
                self.stats.updated += 1


def merge_events(store: Store, min_confidence: float | None = None,
                 progress: Callable[[int, int], None] | None = None) -> MergeStats:
    """Find new articles' reprint clusters, then place every event not yet merged (see the module docstring);
    the merge itself is one transaction. With `min_confidence`, only events the decision keeps at that cut (or
    a reviewer accepted) are merged. `progress(done, total)` is called after each event is placed (a corpus's
    first merge places every event it holds: the CLI shows a bar)."""
    reprints = assign_reprints(store)
    with store.session(exclusive=True) as s:  # a second merge waits, then finds these events placed
        merger = Merger(s, min_confidence)
        merger.unlink_stale()
        pending = merger.pending_events()
        merger.prefetch(pending)
        for done, ev in enumerate(pending, start=1):
            merger.place(ev)
            if progress is not None:
                progress(done, len(pending))
        merger.finish()
        merger.stats.total = len(s.scalars(select(MergedEventRow.id)).all())
        merger.stats.reprints = reprints
        merger.stats.touched = {m for m in merger.stats.touched if s.get(MergedEventRow, m) is not None}
        return merger.stats
