"""Alembic environment for dateline's store: runs on the connection the caller hands in.

dateline runs migrations programmatically (`dateline db upgrade`, or a fresh database on first open); the
caller puts an open SQLAlchemy connection in `config.attributes["connection"]`. With the `alembic` command
line, `sqlalchemy.url` from the config (or DATELINE_DB_URL) is used instead.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from dateline.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things in place
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATELINE_DB_URL")
    if not url:
        raise SystemExit("set sqlalchemy.url or DATELINE_DB_URL to the database to migrate")
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; use `dateline db upgrade`")
run_migrations_online()
