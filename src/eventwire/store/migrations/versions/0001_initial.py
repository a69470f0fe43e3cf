"""Initial schema: articles, actors, actor mentions, events, event mentions, quotes, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite: an FTS5 index over articles (external content, English stemming like PostgreSQL's
# 'english' configuration), kept in step by triggers.
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk', tokenize='porter unicode61')",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
    END""",
]
# PostgreSQL: a generated tsvector column with a GIN index.
POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, ''))) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
]


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=True),
    sa.Column('agent', sa.Text(), nullable=True),
    sa.Column('first_seen', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('articles',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('published', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('raw_text', sa.Text(), nullable=True),
    sa.Column('offsets', sa.Text(), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('extra', sa.Text(), nullable=True),
    sa.Column('ingested_at', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('id')
    )
    op.create_index('ix_articles_content_hash', 'articles', ['content_hash'], unique=False)
    op.create_index('ix_articles_outlet', 'articles', ['outlet'], unique=False)
    op.create_index('ix_articles_published', 'articles', ['published'], unique=False)
    op.create_table('actor_mentions',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('code', sa.Text(), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=True),
    sa.Column('agent', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index('ix_actor_mentions_article', 'actor_mentions', ['article_pk'], unique=False)
    op.create_index('ix_actor_mentions_code', 'actor_mentions', ['code'], unique=False)
    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('dedup_key', sa.String(length=40), nullable=False),
    sa.Column('cameo', sa.String(length=8), nullable=False),
    sa.Column('root', sa.String(length=4), nullable=False),
    sa.Column('quad_class', sa.Integer(), nullable=False),
    sa.Column('goldstein', sa.Float(), nullable=False),
    sa.Column('plover_type', sa.Text(), nullable=True),
    sa.Column('plover_mode', sa.Text(), nullable=True),
    sa.Column('plover_context', sa.Text(), nullable=True),
    sa.Column('date', sa.Text(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('window_start', sa.String(length=10), nullable=True),
    sa.Column('window_end', sa.String(length=10), nullable=True),
    sa.Column('scope_article_pk', sa.Integer(), nullable=True),
    sa.Column('source_code', sa.Text(), nullable=True),
    sa.Column('source_name', sa.Text(), nullable=True),
    sa.Column('source_kind', sa.Text(), nullable=True),
    sa.Column('source_agent', sa.Text(), nullable=True),
    sa.Column('target_code', sa.Text(), nullable=True),
    sa.Column('target_name', sa.Text(), nullable=True),
    sa.Column('target_kind', sa.Text(), nullable=True),
    sa.Column('target_agent', sa.Text(), nullable=True),
    sa.Column('num_mentions', sa.Integer(), nullable=False),
    sa.Column('num_articles', sa.Integer(), nullable=False),
    sa.Column('num_sources', sa.Integer(), nullable=False),
    sa.Column('is_root', sa.Boolean(), nullable=False),
    sa.Column('first_seen', sa.String(length=32), nullable=False),
    sa.Column('last_seen', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['scope_article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('dedup_key')
    )
    op.create_index('ix_events_plover', 'events', ['plover_type'], unique=False)
    op.create_index('ix_events_root', 'events', ['root'], unique=False)
    op.create_index('ix_events_target', 'events', ['target_code'], unique=False)
    op.create_index('ix_events_triple', 'events', ['source_code', 'target_code', 'cameo'], unique=False)
    op.create_index('ix_events_window', 'events', ['window_start', 'window_end'], unique=False)
    op.create_table('quotes',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('speaker_actor', sa.Text(), nullable=True),
    sa.Column('speaker_type', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index('ix_quotes_article', 'quotes', ['article_pk'], unique=False)
    op.create_index('ix_quotes_speaker_actor', 'quotes', ['speaker_actor'], unique=False)
    op.create_table('event_mentions',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('reported_by', sa.Text(), nullable=True),
    sa.Column('verb', sa.Text(), nullable=True),
    sa.Column('date', sa.Text(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('target_text', sa.Text(), nullable=True),
    sa.Column('in_lead', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('event_id', 'article_pk', 'start', 'end', name='uq_event_mentions_span')
    )
    op.create_index('ix_event_mentions_article', 'event_mentions', ['article_pk'], unique=False)

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("event_mentions", "quotes", "events", "actor_mentions", "articles", "actors"):
        op.drop_table(table)
