"""robust store: run liveness, event versions, an audit log that outlives events and tokens

- runs: pid, host, heartbeat_at (a run whose process is gone is marked interrupted)
- events: version (optimistic concurrency for reviews)
- audit_log: no foreign key to events (audit rows are never deleted with their event), event_uid,
  token_id and token_created_at, time-zone-aware `at`

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 16:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_AUDIT_COPY = "id, event_id, user, action, changes, comment, at"


def _audit_table(name: str, *, new: bool) -> None:
    extra = [
        sa.Column('event_uid', sa.String(length=120), nullable=True),
        sa.Column('token_id', sa.Integer(), nullable=True),
        sa.Column('token_created_at', sa.DateTime(timezone=True), nullable=True),
    ] if new else []
    keys = [] if new else [sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE')]
    op.create_table(
        name,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        *extra[:1],
        sa.Column('user', sa.String(length=200), nullable=False),
        *extra[1:],
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('changes', sa.JSON(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=True),
        sa.Column('at', sa.DateTime(timezone=new), nullable=False),
        *keys,
        sa.PrimaryKeyConstraint('id'),
    )


def _swap_audit(*, new: bool) -> None:
    """Rebuild audit_log (the portable way to drop or add its foreign key on SQLite and PostgreSQL)."""
    quoted = ", ".join(f'"{c.strip()}"' for c in _AUDIT_COPY.split(","))
    _audit_table('audit_log_swap', new=new)
    op.execute(f'INSERT INTO audit_log_swap ({quoted}) SELECT {quoted} FROM audit_log')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_event_id'))
    op.drop_table('audit_log')
    op.rename_table('audit_log_swap', 'audit_log')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_event_id'), ['event_id'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':  # ids were copied: move the sequence past them
        op.execute("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), "
                   "COALESCE((SELECT MAX(id) FROM audit_log), 0) + 1, false)")


def upgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pid', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('host', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('heartbeat_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
    _swap_audit(new=True)
    # Audit times were naive UTC; PostgreSQL converts them with the session time zone, so say it is UTC.
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("UPDATE audit_log SET at = (at AT TIME ZONE current_setting('TimeZone')) AT TIME ZONE 'UTC'")
    op.execute("UPDATE audit_log SET event_uid = (SELECT uid FROM events WHERE events.id = audit_log.event_id)")


def downgrade() -> None:
    op.execute("DELETE FROM audit_log WHERE event_id NOT IN (SELECT id FROM events)")
    _swap_audit(new=False)
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch rebuild of `events` would drop the table, and
    # with foreign keys on, SQLite deletes every row that cascades from it (audit rows, merge links).
    for table, column in (('events', 'version'), ('runs', 'heartbeat_at'), ('runs', 'host'), ('runs', 'pid')):
        op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
