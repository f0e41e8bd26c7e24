"""Shared helpers of the store, run, merge and export tests: a database per test on SQLite AND PostgreSQL,
and small hand-made Reports (no spaCy needed).

The PostgreSQL case runs when DATELINE_TEST_PG_URL names a server (as `.ci/run` sets it) and skips cleanly
otherwise. Each test gets its own fresh PostgreSQL database, so parallel sessions never see each other's rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.model import Article, Event, Report, Span
from dateline.version import PIPELINE_VERSION

PG_URL = os.environ.get("DATELINE_TEST_PG_URL")


def pg_database(prefix: str = "dateline_t") -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the DATELINE_TEST_PG_URL server, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(PG_URL)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as err:  # noqa: BLE001 - an unreachable server is a skip, not a failure
        admin.dispose()
        pytest.skip(f"PostgreSQL at DATELINE_TEST_PG_URL unusable: {str(err).splitlines()[0]}")
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dateline.sqlite'}"
        return
    if not PG_URL:
        pytest.skip("DATELINE_TEST_PG_URL not set: no PostgreSQL server for this test")
    yield from pg_database()


def make_article(text: str, *, publisher: str | None = None, published: dt.date | None = None,
                 url: str | None = None) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(id=digest[:16], text=text, content_hash=digest, publisher=publisher, published=published,
                   url=url)


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def make_event(text: str, trigger: str, event_id: str = "E1", **fields: object) -> Event:
    """An event whose evidence for `sub_event_type` is the first occurrence of `trigger` in `text`."""
    span = span_of(text, trigger)
    defaults: dict[str, object] = {"confidence": 0.8, "evidence": {"sub_event_type": span}, "mentions": [span]}
    defaults.update(fields)
    return Event(id=event_id, **defaults)  # type: ignore[arg-type]


def make_report(article: Article, events: list[Event], version: str = PIPELINE_VERSION) -> Report:
    return Report(pipeline_version=version, article=article, events=events)


PROTEST_FIELDS: dict[str, object] = {
    "event_date": dt.date(2019, 10, 30), "year": 2019, "time_precision": 1, "disorder_type": "Demonstrations",
    "event_type": "Riots", "sub_event_type": "Violent demonstration", "actor1": "Rioters (Iraq)", "inter1": 5,
    "country": "Iraq", "iso": 368, "region": "Middle East", "admin1": "Baghdad", "location": "Baghdad",
    "latitude": 33.3406, "longitude": 44.4009, "geo_precision": 1,
}


def protest_report(text: str, trigger: str, **overrides: object) -> Report:
    """A one-event report of a riot in Baghdad on 30 Oct 2019 (override any field)."""
    fields = {**PROTEST_FIELDS, **overrides}
    publisher = str(fields.pop("publisher", "Example News"))
    return make_report(make_article(text, publisher=publisher, published=dt.date(2019, 11, 2)),
                       [make_event(text, trigger, **fields)])
