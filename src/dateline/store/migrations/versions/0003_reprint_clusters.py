"""reprint clusters: article_reprints, reprint_bands, article_copies, merged_events.independent_count

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('article_reprints',
    sa.Column('article_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('cluster_id', sa.Integer(), nullable=False),
    sa.Column('matched_id', sa.Integer(), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.Column('shingles', sa.Integer(), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    with op.batch_alter_table('article_reprints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_reprints_cluster_id'), ['cluster_id'], unique=False)

    op.create_table('reprint_bands',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('band_key', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reprint_bands', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reprint_bands_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reprint_bands_band_key'), ['band_key'], unique=False)

    op.create_table('article_copies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('publisher', sa.String(length=300), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'key', name='uq_article_copies_article_key')
    )
    with op.batch_alter_table('article_copies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_copies_article_id'), ['article_id'], unique=False)

    with op.batch_alter_table('merged_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('independent_count', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('merged_events', schema=None) as batch_op:
        batch_op.drop_column('independent_count')

    with op.batch_alter_table('article_copies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_copies_article_id'))

    op.drop_table('article_copies')
    with op.batch_alter_table('reprint_bands', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reprint_bands_band_key'))
        batch_op.drop_index(batch_op.f('ix_reprint_bands_article_id'))

    op.drop_table('reprint_bands')
    with op.batch_alter_table('article_reprints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_reprints_cluster_id'))

    op.drop_table('article_reprints')
