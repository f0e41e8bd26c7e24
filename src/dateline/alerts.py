"""Alerts: saved queries that fire when a new or updated merged event matches them.

A rule (`dateline alert add`) names what matters — countries or admin1 regions or a bounding box, event
types or sub-types, actors, a minimum of fatalities, of confidence and of independent sources — and where to
say so: printed, appended to a JSONL file, POSTed as JSON to a webhook. Rules are checked on merged events,
the one record per real-world incident, so an incident alerts once per rule however many articles (or
reprints) report it: `alerts_sent` holds one row per (rule, merged event), written before delivery, so a
crash can lose one delivery but never repeat one.

Each alert carries the merged event (its ACLED fields, source and independent-source counts, disputes), the
evidence of every member event (the passages and field spans that support it) and its sources (publisher,
title, URL, date, reprint cluster).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, field_validator
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dateline.errors import DatelineError, UsageError
from dateline.outputs import check_writable
from dateline.store import Store
from dateline.store.tables import (
    AlertRuleRow,
    AlertSentRow,
    ArticleRow,
    EventRow,
    MergedEventRow,
    MergedSourceRow,
    utcnow,
)
from dateline.store.type_names import canonical_countries, canonical_types

log = logging.getLogger("dateline.alerts")
MAX_EVIDENCE = 20  # member events whose evidence an alert carries (all sources are listed)


class AlertError(DatelineError):
    pass


class AlertOptionError(AlertError, UsageError):
    """A rule's option dateline cannot take (an unknown type or country, a bad bbox or webhook)."""


class AlertQuery(BaseModel):
    """What a rule matches; unset parts match anything, set parts combine with AND (values within one part OR)."""

    country: list[str] = Field(default_factory=list)
    admin1: list[str] = Field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = Field(default=None,
                                                           description="min_lon, min_lat, max_lon, max_lat")
    event_types: list[str] = Field(default_factory=list, description="event types or sub-event types")
    actors: list[str] = Field(default_factory=list, description="substrings of actor1/actor2/associated actors")
    min_fatalities: int | None = None
    min_confidence: float | None = None
    min_sources: int | None = Field(default=None, description="minimum independent sources")

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
        if value is not None and (value[0] > value[2] or value[1] > value[3]):
            raise ValueError("bbox is min_lon,min_lat,max_lon,max_lat with min ≤ max")
        return value

    def matches(self, merged: dict[str, Any]) -> bool:
        """Whether a merged event (a `Store.get_merged_event` dict) matches."""
        fields = merged.get("fields") or {}

        def low(v: Any) -> str:
            return str(v or "").strip().lower()

        if self.country and low(merged.get("country")) not in {low(c) for c in self.country}:
            return False
        if self.admin1 and low(merged.get("admin1")) not in {low(a) for a in self.admin1}:
            return False
        if self.bbox:
            lat, lon = merged.get("latitude"), merged.get("longitude")
            if lat is None or lon is None:
                return False
            if not (self.bbox[0] <= lon <= self.bbox[2] and self.bbox[1] <= lat <= self.bbox[3]):
                return False
        if self.event_types:
            wanted = {low(t) for t in self.event_types}
            if low(merged.get("event_type")) not in wanted and low(merged.get("sub_event_type")) not in wanted:
                return False
        if self.actors:
            names = " | ".join(low(fields.get(k)) for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))
            if not any(low(a) in names for a in self.actors):
                return False
        if self.min_fatalities is not None and (merged.get("fatalities") or 0) < self.min_fatalities:
            return False
        if self.min_confidence is not None and float(fields.get("confidence") or 0.0) < self.min_confidence:
            return False
        independent = merged.get("independent_count") or merged.get("source_count") or 0
        return not (self.min_sources is not None and independent < self.min_sources)

    def describe(self) -> str:
        parts = [f"{k}={v}" for k, v in self.model_dump(exclude_defaults=True).items()]
        return ", ".join(parts) or "every event"


# -- rules ---------------------------------------------------------------------------------------------------
def add_rule(store: Store, name: str, query: AlertQuery, *, jsonl: str | None = None,
             webhook: str | None = None) -> int:
    """Save a rule; AlertError when the name is taken, AlertOptionError when a type or country is unknown or the
    webhook not an http(s) URL, OutputError when the JSONL file cannot be written. A relative JSONL path is kept as
    an absolute one."""
    if not name.strip():
        raise AlertOptionError("an alert rule needs a name")
    if webhook and not webhook.startswith(("http://", "https://")):
        raise AlertOptionError(f"--webhook {webhook!r}: expected an http:// or https:// URL")
    try:  # a misspelt type would save a rule that never fires
        types = canonical_types(query.event_types, ("event_type", "sub_event_type"))
    except ValueError as err:
        raise AlertOptionError(f"--type {err}") from None
    try:  # a rule matches the event's country word for word: "IRQ" or "Irak" would never fire
        countries = canonical_countries(query.country)
    except ValueError as err:
        raise AlertOptionError(f"--country {err}") from None
    query = query.model_copy(update={"event_types": types, "country": countries})
    if jsonl:  # absolute: `dateline watch` from cron runs in another folder; checked now, not at the first alert
        target = Path(jsonl).expanduser().resolve()
        check_writable(target)
        jsonl = str(target)
    with store.session() as s:
        if s.scalar(select(AlertRuleRow.id).where(AlertRuleRow.name == name)) is not None:
            raise AlertError(f"an alert rule named {name!r} exists already: choose another name, or remove it "
                             f"first (dateline alert remove {name})")
        row = AlertRuleRow(name=name, query=query.model_dump(mode="json", exclude_defaults=True), jsonl=jsonl,
                           webhook=webhook, active=True, created_at=utcnow())
        s.add(row)
        s.flush()
        return row.id


def list_rules(store: Store) -> list[dict[str, Any]]:
    with store.session() as s:
        rows = s.scalars(select(AlertRuleRow).order_by(AlertRuleRow.name)).all()
        out = []
        for r in rows:
            sent = s.scalars(select(AlertSentRow.id).where(AlertSentRow.rule_id == r.id)).all()
            out.append({"name": r.name, "query": r.query, "jsonl": r.jsonl, "webhook": r.webhook,
                        "active": r.active, "alerts": len(sent), "created_at": r.created_at.isoformat()})
        return out


def remove_rule(store: Store, name: str) -> bool:
    with store.session() as s:
        row = s.scalars(select(AlertRuleRow).where(AlertRuleRow.name == name)).first()
        if row is None:
            return False
        s.delete(row)
        return True


def sent_alerts(store: Store, rule: str | None = None) -> list[dict[str, Any]]:
    """Alerts sent so far, oldest first: rule, merged_uid, sent_at, delivered, payload."""
    stmt = select(AlertSentRow, AlertRuleRow.name).join(AlertRuleRow, AlertRuleRow.id == AlertSentRow.rule_id)
    if rule:
        stmt = stmt.where(AlertRuleRow.name == rule)
    with store.session() as s:
        return [{"rule": name, "merged_uid": a.merged_uid, "sent_at": a.sent_at.isoformat(),
                 "delivered": a.delivered, "payload": a.payload}
                for a, name in s.execute(stmt.order_by(AlertSentRow.id)).all()]


# -- payload -------------------------------------------------------------------------------------------------
def alert_payload(store: Store, merged_id: int, rule_name: str) -> dict[str, Any] | None:
    """The alert for one merged event: the event, every member's evidence, and the sources."""
    from dateline.reprints import clusters_of

    merged = store.get_merged_event(merged_id)
    if merged is None:
        return None
    with store.session() as s:
        rows = s.execute(
            select(EventRow, ArticleRow.publisher, ArticleRow.title, ArticleRow.url, ArticleRow.published)
            .join(MergedSourceRow, MergedSourceRow.event_id == EventRow.id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(MergedSourceRow.merged_id == merged_id).order_by(EventRow.id)).all()
        clusters = clusters_of(s, [ev.article_id for ev, *_ in rows])
    evidence, sources = [], []
    for ev, publisher, title, url, published in rows:
        sources.append({"event_id": ev.id, "article_id": ev.article_id, "publisher": publisher, "title": title,
                        "url": url, "published": published.isoformat() if published else None,
                        "reprint_cluster": clusters.get(ev.article_id, ev.article_id)})
        if len(evidence) < MAX_EVIDENCE:
            evidence.append({"event_id": ev.id, "article_id": ev.article_id, "source": ev.source or publisher,
                             "confidence": ev.confidence,
                             "passages": [m.get("text") for m in ev.mentions or [] if isinstance(m, dict)],
                             "fields": {k: v.get("text") for k, v in (ev.evidence or {}).items()
                                        if isinstance(v, dict)}})
    event = {k: merged.get(k) for k in ("id", "uid", "event_date", "event_type", "sub_event_type", "country",
                                        "admin1", "location", "latitude", "longitude", "geo_precision",
                                        "fatalities", "source_count", "independent_count", "notes", "disputes")}
    fields = merged.get("fields") or {}
    event.update({k: fields.get(k) for k in ("actor1", "actor2", "source", "source_scale", "confidence")})
    return {"alert": rule_name, "at": utcnow().isoformat() + "Z", "event": event, "evidence": evidence,
            "sources": sources}


def format_alert(payload: dict[str, Any]) -> str:
    e = payload["event"]
    where = ", ".join(str(x) for x in (e.get("location"), e.get("admin1"), e.get("country")) if x)
    return (f"ALERT [{payload['alert']}] {e.get('event_date') or 'undated'} "
            f"{e.get('sub_event_type') or e.get('event_type')} "
            f"in {where or 'an unknown place'}: {e.get('fatalities') or 0} fatalities, "
            f"{e.get('independent_count')} independent source(s) of {e.get('source_count')} report(s), "
            f"confidence {e.get('confidence')} ({e.get('uid')})")


# -- sending -------------------------------------------------------------------------------------------------
class AlertSender:
    """Checks the active rules against merged events and delivers each new alert once per (rule, event)."""

    def __init__(self, store: Store, *, echo: Callable[[str], None] | None = None,
                 http_timeout: float = 10.0) -> None:
        self.store = store
        self.echo = echo or (lambda line: print(line, file=sys.stdout, flush=True))
        self.http_timeout = http_timeout
        # deliveries (a JSONL file, a webhook) that failed while alerts were sent: the alert still counts as sent
        # (it is printed and recorded once), but a user reading "3 alerts sent" must learn that one never arrived
        self.failed_deliveries = 0

    def on_merge(self, stats: Any) -> int:
        """Hook for `dateline watch`: check the merged events a merge created or changed."""
        return self.check(sorted(getattr(stats, "touched", set()) or set()))

    def check(self, merged_ids: Iterable[int] | None = None) -> int:
        """Fire every active rule on the given merged events (all when None); returns alerts sent."""
        with self.store.session() as s:
            rules = [(r.id, r.name, AlertQuery.model_validate(r.query), r.jsonl, r.webhook)
                     for r in s.scalars(select(AlertRuleRow).where(AlertRuleRow.active.is_(True))
                                        .order_by(AlertRuleRow.id))]
            if merged_ids is None:
                merged_ids = list(s.scalars(select(MergedEventRow.id).order_by(MergedEventRow.id)))
        if not rules:
            return 0
        sent = 0
        for merged_id in merged_ids:
            merged = self.store.get_merged_event(merged_id)
            if merged is None:
                continue
            for rule_id, name, query, jsonl, webhook in rules:
                if query.matches(merged) and self._send(rule_id, name, merged, jsonl, webhook):
                    sent += 1
        return sent

    def _send(self, rule_id: int, name: str, merged: dict[str, Any], jsonl: str | None,
              webhook: str | None) -> bool:
        payload = alert_payload(self.store, merged["id"], name)
        if payload is None:
            return False
        try:
            with self.store.session() as s:  # claim it first: at most one alert per (rule, merged event)
                if s.scalar(select(AlertSentRow.id).where(AlertSentRow.rule_id == rule_id,
                                                          AlertSentRow.merged_uid == merged["uid"])) is not None:
                    return False
                row = AlertSentRow(rule_id=rule_id, merged_uid=merged["uid"], payload=payload, delivered={},
                                   sent_at=utcnow())
                s.add(row)
                s.flush()
                alert_id = row.id
        except IntegrityError:  # another watch or `alert check` claimed it between the look and the write
            return False
        delivered: dict[str, str] = {}
        self.echo(format_alert(payload))
        delivered["print"] = "ok"
        if jsonl:
            try:
                path = Path(jsonl).expanduser()
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
                delivered["jsonl"] = "ok"
            except OSError as err:
                delivered["jsonl"] = f"error: {err}"
                log.warning("alert %s: cannot append to %s: %s", name, jsonl, err)
        if webhook:
            delivered["webhook"] = self._post(webhook, payload)
        self.failed_deliveries += sum(1 for v in delivered.values() if v != "ok")
        with self.store.session() as s:
            stored = s.get(AlertSentRow, alert_id)
            if stored is not None:
                stored.delivered = delivered
        log.info("alert %s: %s → %s", name, merged["uid"], ", ".join(f"{k} {v}" for k, v in delivered.items()))
        return True

    def _post(self, url: str, payload: dict[str, Any]) -> str:
        import httpx

        body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
        for attempt in range(3):
            try:
                resp = httpx.post(url, content=body, headers={"Content-Type": "application/json"},
                                  timeout=self.http_timeout)
            except httpx.HTTPError as err:
                result = f"error: {type(err).__name__}: {err}"
            else:
                if resp.status_code < 400:
                    return "ok"
                result = f"error: HTTP {resp.status_code}"
            if attempt < 2:
                import time

                time.sleep(0.5 * 2 ** attempt)
        log.warning("alert webhook %s failed: %s", url, result.removeprefix("error: "))
        return result


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise AlertOptionError(f"--bbox {value!r}: expected min_lon,min_lat,max_lon,max_lat") from None
    if len(parts) != 4:
        raise AlertOptionError(f"--bbox {value!r}: expected four numbers min_lon,min_lat,max_lon,max_lat")
    return parts  # type: ignore[return-value]

