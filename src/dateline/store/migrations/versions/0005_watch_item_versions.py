"""watch_items.updated and watch_items.content_hash: a feed entry updated in place is coded again

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 12:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # entries seen before this revision have neither: watch records both at the entry's next sighting
    # without coding it again (only a later update date than the sighting itself counts as a change)
    with op.batch_alter_table('watch_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('updated', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('content_hash', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('watch_items', schema=None) as batch_op:
        batch_op.drop_column('content_hash')
        batch_op.drop_column('updated')
