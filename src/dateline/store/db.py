"""Database connections and schema migrations (Alembic, run programmatically from the installed package).

- `resolve_url(url, settings)`: `--db` value or the default SQLite file in `settings.data_dir`.
- `make_engine(url)`: an engine with SQLite tuned for a single writer (WAL, foreign keys on).
- `upgrade(engine)`: apply every migration shipped in `dateline/store/migrations/versions`.
- `check_schema(engine)`: a fresh database is created; an older one raises `SchemaOutdatedError`, which tells
  the user to run `dateline db upgrade`.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from dateline.errors import DatelineError
from dateline.settings import Settings


class StoreError(DatelineError):
    """The database cannot be opened or used as asked."""


class SchemaOutdatedError(StoreError):
    """The database was made by an older dateline: its schema needs `dateline db upgrade`."""


def resolve_url(url: str | None = None, settings: Settings | None = None) -> str:
    """The database URL to use: the explicit one, else DATELINE_DB_URL, else a SQLite file in the data dir."""
    settings = settings or Settings()
    url = url or settings.default_db_url
    if "://" not in url:  # a bare path means a SQLite file
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    # WAL: readers (the API) never block the writer (a run); a killed process loses only its open transaction.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; creates the parent directory of a SQLite file."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"--db {url!r}: not a database URL (try sqlite:///path or postgresql+psycopg://…)") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except NoSuchModuleError:
        raise StoreError(f"{display_url(url)}: unsupported database driver") from None
    except ModuleNotFoundError as err:
        raise StoreError(
            f"{display_url(url)}: the database driver {err.name!r} is not installed (pip install 'dateline[postgres]')"
        ) from None


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(importlib.resources.files("dateline.store") / "migrations"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database, None for a database dateline never touched."""
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as err:
        raise StoreError(f"{display_url(str(engine.url))}: cannot connect: {_first_line(err)}") from None


def _first_line(err: Exception) -> str:
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Apply migrations up to `revision`; returns (revision before, revision after)."""
    before = current_revision(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return before, current_revision(engine) or ""


def check_schema(engine: Engine, *, create: bool = True) -> None:
    """Make sure the database has this dateline's schema: create it when empty, else refuse a stale one."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    where = display_url(str(engine.url))
    if current is None:
        tables = set(inspect(engine).get_table_names())
        if "articles" in tables:
            raise SchemaOutdatedError(
                f"{where}: database has dateline tables but no schema revision; run `dateline db upgrade --db URL`"
            )
        if not create:
            raise SchemaOutdatedError(f"{where}: database is empty; run `dateline db upgrade --db URL`")
        upgrade(engine)
        return
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current not in known:
        raise SchemaOutdatedError(
            f"{where}: database schema {current} was made by a newer dateline than this one; upgrade dateline"
        )
    raise SchemaOutdatedError(
        f"{where}: database schema {current} is older than this dateline's {head}; run `dateline db upgrade --db URL`"
    )
