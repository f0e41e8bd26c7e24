"""dateline's store: every article, report, event and review in SQLite (default) or PostgreSQL.

Open a database with `Store(url)`: `url` is a SQLAlchemy URL (`sqlite:///path/to.db`,
`postgresql+psycopg://user:pass@host/db`), a bare file path (SQLite), or None for DATELINE_DB_URL or else
`<settings.data_dir>/dateline.sqlite`. An empty database gets the schema on first open; a database made by an
older dateline raises `SchemaOutdatedError` ("… run `dateline db upgrade --db URL`"); `Store(url).upgrade()`
or `dateline db upgrade` applies the Alembic migrations shipped in `dateline/store/migrations/`.

The interface the CLI, the runner, the merger, the exporters and the HTTP API use (stable; ids are ints):

Writing
- `add_reports(reports, run_id=None, failures=()) -> BatchResult(stored, skipped, events, failures,
  article_ids, report_ids)`: one transaction; articles stored once by content hash; a report already stored
  for the same (article, pipeline version) is skipped. `add_report(report)` is the one-report form
  (`POST /articles`: `store.add_report(report).article_ids[0]`).
- `processed_hashes(hashes, pipeline_version=PIPELINE_VERSION) -> set[str]`.
- `start_run(inputs) -> run_id` (records pid, host, heartbeat; first marks dead runs), `update_run(run_id,
  status=…, articles=n, …)` (also the heartbeat), `mark_interrupted() -> [run ids]`, `add_failures(...)`.
  Concurrent writers are safe: articles, reports and failures are insert-or-ignore.

Reading (dicts are JSON-ready: dates as ISO strings)
- `query_events(EventFilter(...)) -> list[dict]`, `count_events(filter) -> int`,
  `iter_events(filter) -> Iterator[Event]` (models with reviewed values, for exporters),
  `events_per_day(filter) -> [{date, event_type, count}]`. Events come by event date (undated last), then
  id, on every backend; `offset` and `limit` page in that order (a deep page stays cheap: only ids are sorted).
  `EventFilter(date_from, date_to, country, admin1, event_type, sub_event_type, actor, source,
  review_status, bbox=(min_lon, min_lat, max_lon, max_lat), article_id, q, all_versions=False, limit,
  offset=0)`; strings match case-insensitively; event_type / sub_event_type / review_status take a list too.
  An event dict has: id, uid, article_id, report_id, local_id, review_status, updated_at, every ACLED column
  of `Event` (event_date … fatalities, tags, timestamp, confidence) and claimed_by, flags, actors,
  evidence ({field: {start, end, text}} into the article text), mentions.
- `get_event(id) -> dict | None`: the event dict + `article` (columns, no text) + `merged` (see below or None).
- `event_model(id) -> Event | None`.
- `event_query(filter) -> Select` of EventRow (unordered; `_event_query` is the same and stays too),
  `iter_event_rows(filter)` streams EventRow objects in (date, id) order.
- `get_article(id) -> dict | None`: id, content_hash, article_key, source_kind, url, path, title, publisher,
  published, language, created_at, text, metadata (the Article model minus text).
  `list_articles(limit, offset)`, `article_id_for_hash(hash)`, `articles_with_statements() -> [ids]`.
- `get_report(article_id, pipeline_version=None) -> Report | None` (events carry reviewed values).
- `get_merged_event(id)`, `query_merged(filter)`: id, uid, family, event_date, date_start, date_end,
  event_type, sub_event_type, country, admin1, location, latitude, longitude, geo_precision, fatalities,
  source_count, independent_count (reprint clusters among the sources: see `dateline.reprints`), fields
  (every merged ACLED column), disputes ({field: [{value, event_id, article_id, source}]}),
  notes, review_status, updated_at; `get_merged_event` adds `sources` [{event_id, article_id, title,
  publisher, url, published}].
- `runs()`, `failures(run_id=None, limit=None, offset=0)`, `counts()`.

Review (events.review_status in pending | accepted | corrected | rejected)
- `review_event(event_id, user, action, changes=None, comment=None, *, expected_version=None) -> event dict`:
  `user` a name or a `Reviewer(name, token_id, token_created_at)`; action accept | correct | reject | reset |
  comment; `changes` {column: new value} is checked by the Event model and the codebook
  (`dateline.store.review_rules`), derived columns follow, and it is written into the event; the event's
  `version` is bumped; appends one row to the append-only `audit_log`. KeyError for an unknown event id,
  `EditConflict` (a ValueError) when `expected_version` is stale, ValueError (one-line message) for bad input.
- `history(event_id) -> [audit dicts]`, oldest first: id, event_id, event_uid, user, token_id,
  token_created_at, action, changes {field: {old, new}}, comment, at (UTC with zone). Re-extraction carries
  reviews to matching new events (`carry`) or notes there was none (`supersede`).

API tokens (store only hashes): `add_api_token(name, token_hash)` (ValueError if the name exists),
`api_token_name(token_hash) -> str | None`, `api_token_reviewer(name) -> Reviewer | None`,
`list_api_tokens() -> [{name, created_at}]`,
`delete_api_token(name) -> bool`.

Lower level: `store.session()` (a SQLAlchemy Session in one transaction), `store.engine`, and the table
classes in `dateline.store.tables`.
"""

from dateline.store.db import SchemaOutdatedError, StoreError, resolve_url
from dateline.store.repository import (
    BatchResult,
    EditConflict,
    EventFilter,
    Reviewer,
    Store,
    event_dict,
    event_from_row,
)
from dateline.store.tables import REVIEW_STATUSES

__all__ = [
    "REVIEW_STATUSES",
    "BatchResult",
    "EditConflict",
    "EventFilter",
    "Reviewer",
    "SchemaOutdatedError",
    "Store",
    "StoreError",
    "event_dict",
    "event_from_row",
    "resolve_url",
]
