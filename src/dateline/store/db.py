"""Database connections and schema migrations (Alembic, run programmatically from the installed package).

- `resolve_url(url, settings)`: `--db` value or the default SQLite file in `settings.data_dir`.
- `make_engine(url)`: an engine with SQLite tuned for a single writer (WAL, foreign keys on).
- `upgrade(engine)`: apply every migration shipped in `dateline/store/migrations/versions`.
- `check_schema(engine)`: a fresh database is created; an older one raises `SchemaOutdatedError`, which tells
  the user to run `dateline db upgrade`.

Schema creation and upgrades run under a database-wide lock (SQLite: an exclusive transaction; PostgreSQL: a
transaction-scoped advisory lock) and re-read the revision once they hold it, so two `dateline run` starting
on one new database both find the schema made once. A file that is not a database (damaged, truncated, a
0-byte file, something else) is a `StoreError` with one line saying what to do, never a traceback.
"""

from __future__ import annotations

import importlib.resources
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from dateline.errors import DatelineError, UsageError
from dateline.settings import Settings


class StoreError(DatelineError):
    """The database cannot be opened or used as asked."""


class DatabaseUrlError(StoreError, UsageError):
    """--db (or DATELINE_DB_URL) is not a database URL or path."""


class DatabaseBusyError(StoreError):
    """SQLite said "database is locked" at once: in WAL mode it does so without waiting (busy_timeout) when a
    transaction cannot get the write lock it needs, so the only remedy is to run the transaction again."""


class DatabaseUnavailableError(StoreError):
    """The database server cannot be reached right now (down, restarting, not accepting connections, network):
    unlike a refused login or a missing database, trying again later may succeed."""


class SchemaOutdatedError(StoreError):
    """The database was made by an older dateline: its schema needs `dateline db upgrade`."""


def resolve_url(url: str | None = None, settings: Settings | None = None) -> str:
    """The database URL to use: the explicit one, else DATELINE_DB_URL, else a SQLite file in the data dir."""
    settings = settings or Settings()
    url = url or settings.default_db_url
    if "://" not in url:  # a bare path means a SQLite file
        if _SCHEME_TYPO.match(url):
            # Taken as a path, "postgresql+psycopg:/user:pw@host/db" would be a new SQLite file in the current
            # folder: the run would succeed and store nothing on the server.
            shown = re.sub(r"^([^:]*:/*)[^@]*@", r"\1***@", url)  # no user name or password
            raise DatabaseUrlError(f"--db {shown!r}: not a database URL: a URL has '://' after its scheme "
                             "(postgresql+psycopg://user:password@host:5432/dbname)")
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


# A database URL's scheme with "://" mistyped; a path never starts like this by accident.
_SCHEME_TYPO = re.compile(r"(?:sqlite|postgres(?:ql)?|mysql|mariadb|oracle|mssql)(?:\+\w+)?:", re.IGNORECASE)


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number
        parsed = None
    if parsed is None or "@" in (parsed.host or ""):  # an "@" in the password would leave its tail in the host
        return _PASSWORD.sub(r"\1***@", url, count=1)
    return parsed.render_as_string(hide_password=True)


# What stands between "user:" and the last "@" is taken for the password when the URL cannot be parsed.
_PASSWORD = re.compile(r"(://[^:/@]*:).*@")


def parse_url(url: str) -> URL:
    """The parsed URL; DatabaseUrlError (one line) for a value that is no database URL."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise DatabaseUrlError(
            f"--db {display_url(url)!r}: not a database URL (try sqlite:///path or "
            "postgresql+psycopg://user:password@host:5432/dbname)"
        ) from None
    if "@" in (parsed.host or ""):
        # The parser ends the password at its first "@": the rest would be taken for the host, sent to DNS and
        # printed in the connection error.
        raise DatabaseUrlError(
            f"--db {display_url(url)!r}: the user name or password holds an '@'; write it as %40 in the URL "
            "(and any : / ? # % in it as %3A %2F %3F %23 %25)"
        )
    return parsed


BUSY_TIMEOUT = 30.0  # seconds a connection waits for another process's lock before "database is locked"
CONNECT_TIMEOUT = 15  # seconds to wait for a PostgreSQL server to answer a new connection


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    # First: a second process opening the same new file waits for the first instead of failing at once.
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
    # WAL: readers (the API) never block the writer (a run); a killed process loses only its open transaction.
    _switch_to_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _switch_to_wal(cur) -> None:  # type: ignore[no-untyped-def]
    """Put the database in WAL mode, waiting for other processes as busy_timeout would. SQLite takes the
    exclusive lock for the switch without calling its busy handler, so two dateline processes opening one new
    file together could see "database is locked" at once; once one of them has switched, the pragma is a
    read and no longer contends."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    pause = 0.01
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err).lower() or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def make_engine(url: str) -> Engine:
    """An engine for `url`; creates the parent directory of a SQLite file."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            _refuse_empty_file(Path(parsed.database), url)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # libpq waits for ever on a server that takes the connection and never answers (a stalled host, a port
    # forwarded to nothing), so a command would hang with no message; a URL's own connect_timeout wins.
    connect_args = {"connect_timeout": CONNECT_TIMEOUT} if (
        parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query) else {}
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except NoSuchModuleError:
        raise StoreError(f"{display_url(url)}: unsupported database driver") from None
    except ModuleNotFoundError as err:
        # 'dateline[postgres]' brings psycopg 3 only: advising it for psycopg2 or MySQL would not help.
        if parsed.get_backend_name() != "postgresql":
            advice = "dateline stores in SQLite or PostgreSQL (sqlite:///path or postgresql+psycopg://…)"
        elif parsed.get_driver_name() != "psycopg":
            advice = "write the URL as postgresql+psycopg://… (psycopg 3, pip install 'dateline[postgres]')"
        else:
            advice = "pip install 'dateline[postgres]'"
        raise StoreError(f"{display_url(url)}: the database driver {err.name!r} is not installed; {advice}") from None


def require_existing(url: str) -> None:
    """StoreError when `url` names a SQLite file that does not exist: a command that only reads (an export,
    the failures list, a merge) would otherwise create an empty database at a misspelt path and report
    nothing found, which reads like an empty corpus."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return
    if not Path(parsed.database).exists():
        raise StoreError(f"{parsed.database}: no such database; `dateline run FILES --db {parsed.database}` "
                         "creates one")


ZERO_BYTE_WAIT = 2.0  # seconds a 0-byte file may take to become a database (another dateline creating it)


def _refuse_empty_file(path: Path, url: str) -> None:
    """A 0-byte file at the database path is not a database: SQLite would quietly take it as a new one,
    hiding a failed copy or a truncated backup. Another dateline that is creating the file right now fills
    it within moments, so wait briefly before refusing."""
    deadline = time.monotonic() + ZERO_BYTE_WAIT
    while path.is_file() and path.stat().st_size == 0:
        if time.monotonic() > deadline:
            raise StoreError(
                f"{display_url(url)}: the file is empty (0 bytes), not a database; delete it to start a new "
                "database there, or point --db at the right file"
            )
        time.sleep(0.1)


# libpq's preamble before the reason a connection failed: 'connection failed: connection to server at "h",
# port 5432 failed: FATAL:  ' (the host and port are in the URL shown). A socket's path is kept: the URL names
# only its folder.
_LIBPQ_PREAMBLE = re.compile(r'^connection (?:failed|is bad): (?:connection to server at "[^"]*", port \d+ '
                             r'failed: )?(?:FATAL:\s+)?', re.IGNORECASE)
_CONNECT_FAILURES = ("connection failed:", "failed to resolve host", "connection is bad:", "connection timeout",
                     "unable to open database")


def _connection_error(where: str, first: str) -> StoreError | None:
    """One line for a connection the server or the network turned down, with what to check; None for any
    other error."""
    if not first.lower().startswith(_CONNECT_FAILURES):
        return None
    reason = _LIBPQ_PREAMBLE.sub("", first)
    lowered = reason.lower()
    if "password authentication failed" in lowered or ("role" in lowered and "does not exist" in lowered):
        advice = "check the user name and password in --db or DATELINE_DB_URL"
    elif "database" in lowered and "does not exist" in lowered:
        advice = "create it on the server (createdb NAME), then run `dateline db upgrade`"
    elif lowered.startswith("invalid"):  # an option libpq does not know, e.g. ?sslmode=bogus
        advice = "check the options after '?' in --db or DATELINE_DB_URL"
    elif first.lower().startswith("unable to open database"):
        return StoreError(f"{where}: cannot connect: {reason}")
    else:
        advice = "check the host, port and options in --db or DATELINE_DB_URL, and that the database server is running"
        return DatabaseUnavailableError(f"{where}: cannot connect: {reason}; {advice}")
    return StoreError(f"{where}: cannot connect: {reason}; {advice}")


def database_error(url: str, err: Exception) -> StoreError:
    """One line for a database error, with what to do when the server cannot be reached or refuses the login,
    or when the file is damaged or not a database."""
    first = _first_line(err)
    where = display_url(url)
    if (refused := _connection_error(where, first)) is not None:
        return refused
    if isinstance(err, DBAPIError) and err.connection_invalidated:  # the server went away mid-transaction
        return DatabaseUnavailableError(f"{where}: lost the connection to the database server ({first}); "
                                        "what was committed before it is kept; try again")
    lowered = first.lower()
    if "not a database" in lowered or "malformed" in lowered or "disk image" in lowered:
        return StoreError(
            f"{where}: the database is damaged or not a dateline database ({first}); restore it from a backup, "
            "or point --db at another file"
        )
    if "database is locked" in lowered:
        return DatabaseBusyError(f"{where}: database error: {first}")
    return StoreError(f"{where}: database error: {first}")


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
    except DBAPIError as err:
        raise database_error(str(engine.url), err) from None


def _first_line(err: Exception) -> str:
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__


@contextmanager
def schema_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that no other dateline can hold at the same time: schema changes made
    on it are made once, however many processes open a new database together."""
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                # pysqlite has not begun a transaction yet (it starts one at the first write); EXCLUSIVE
                # waits (busy_timeout) for any other process's schema work to commit.
                conn.exec_driver_sql("BEGIN EXCLUSIVE")
            elif conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(7340321)"))  # any constant: dateline's schema
            yield conn
    except DBAPIError as err:
        raise database_error(str(engine.url), err) from None


def _dateline_tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names()) & {"articles", "events", "runs", "api_tokens"}


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Apply migrations up to `revision`; returns (revision before, revision after)."""
    cfg = alembic_config()
    with schema_lock(engine) as conn:
        before = MigrationContext.configure(conn).get_current_revision()
        if before is None and _dateline_tables(conn):
            raise SchemaOutdatedError(
                f"{display_url(str(engine.url))}: database has dateline tables but no schema revision "
                "(its alembic_version table is missing), so it cannot be upgraded safely; restore it from a "
                "backup, or export its events with the dateline that made it"
            )
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        after = MigrationContext.configure(conn).get_current_revision()
    return before, after or ""


def check_schema(engine: Engine, *, create: bool = True) -> None:
    """Make sure the database has this dateline's schema: create it when empty, else refuse a stale one."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    where = display_url(str(engine.url))
    if current is None:
        if create:
            # Another process may be creating the schema right now, and may finish between the read above and
            # any further one: only upgrade() judges the database, under the schema lock, where the revision
            # and the tables are read together (at head already: nothing to do; tables without a revision: a
            # damaged database it refuses).
            upgrade(engine)
            return
        # Tables first, then the revision: a schema another process creates is committed at once (one
        # transaction), so tables seen here mean its revision is there to be read now.
        with engine.connect() as conn:
            tables = _dateline_tables(conn)
        current = current_revision(engine)
        if current is None and tables:
            raise SchemaOutdatedError(
                f"{where}: database has dateline tables but no schema revision (alembic_version is missing); "
                "restore it from a backup"
            )
        if current is None:
            raise SchemaOutdatedError(f"{where}: database is empty; run `dateline db upgrade --db URL`")
        if current == head:
            return
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current not in known:
        raise SchemaOutdatedError(
            f"{where}: database schema {current} was made by a newer dateline than this one; upgrade dateline"
        )
    raise SchemaOutdatedError(
        f"{where}: database schema {current} is older than this dateline's {head}; run `dateline db upgrade --db URL`"
    )
