"""articles.story_key: a revised article (same JSONL record, URL or file, new text) supersedes its earlier telling

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('story_key', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_articles_story_key'), ['story_key'], unique=False)
    # Articles stored before get their key, so the first revision of one supersedes it. A relative file path
    # was relative to a folder the upgrade cannot know: such articles keep no key until a revision of their
    # file is stored (the store then finds the folder from the revision's absolute path).
    from dateline.store.repository import story_key_of

    conn = op.get_bind()
    articles = sa.table('articles', sa.column('id', sa.Integer), sa.column('content_hash', sa.String),
                        sa.column('article_key', sa.String), sa.column('source_kind', sa.String),
                        sa.column('url', sa.Text), sa.column('path', sa.Text), sa.column('story_key', sa.String))
    rows = conn.execute(sa.select(articles.c.id, articles.c.content_hash, articles.c.article_key,
                                  articles.c.source_kind, articles.c.url, articles.c.path)).all()
    for article_id, digest, key, kind, url, path in rows:
        value = story_key_of(kind, key, digest, url, path, resolve=False)
        if value is not None:
            conn.execute(sa.update(articles).where(articles.c.id == article_id).values(story_key=value))


def downgrade() -> None:
    # Not a batch (copy-and-move) operation: on SQLite that drops and recreates `articles`, and with foreign
    # keys on, dropping it deletes every report and event through ON DELETE CASCADE. SQLite 3.35+ drops an
    # unindexed column in place.
    op.drop_index(op.f('ix_articles_story_key'), table_name='articles')
    op.drop_column('articles', 'story_key')
