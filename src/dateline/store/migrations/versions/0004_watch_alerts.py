"""watched sources and their seen items; alert rules and the alerts they sent

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('watch_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=1000), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('offset', sa.BigInteger(), nullable=False),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_polled_at', sa.DateTime(), nullable=True),
    sa.Column('next_poll_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source')
    )
    op.create_table('watch_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=1000), nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['watch_sources.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'item', name='uq_watch_items_source_item')
    )
    with op.batch_alter_table('watch_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_watch_items_source_id'), ['source_id'], unique=False)

    op.create_table('alert_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('query', sa.JSON(), nullable=False),
    sa.Column('jsonl', sa.Text(), nullable=True),
    sa.Column('webhook', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('alerts_sent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('merged_uid', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('delivered', sa.JSON(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['rule_id'], ['alert_rules.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('rule_id', 'merged_uid', name='uq_alerts_rule_merged')
    )
    with op.batch_alter_table('alerts_sent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alerts_sent_rule_id'), ['rule_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('alerts_sent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alerts_sent_rule_id'))

    op.drop_table('alerts_sent')
    op.drop_table('alert_rules')
    with op.batch_alter_table('watch_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_watch_items_source_id'))

    op.drop_table('watch_items')
    op.drop_table('watch_sources')
