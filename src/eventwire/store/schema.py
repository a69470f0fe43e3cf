"""The store's tables, as SQLAlchemy Core objects (one schema for SQLite and PostgreSQL).

The migrations in ``store/migrations/versions`` create exactly these tables
(``tests/test_store_schema.py`` compares them); queries use the objects here.
Full-text search lives outside this metadata because it is dialect-specific:
SQLite gets an FTS5 table ``articles_fts`` (external content, kept in step by
triggers), PostgreSQL a generated ``tsv`` column with a GIN index.

Offsets (``start``/``end``) in ``event_mentions``, ``quotes`` and
``actor_mentions`` point into the article's raw text (``articles.raw_text``,
which is NULL when it equals ``articles.text``).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published", Text),
    Column("text", Text),
    Column("raw_text", Text),
    Column("offsets", Text),
    Column("content_hash", String(64)),
    Column("origin", Text),
    Column("extra", Text),
    Column("ingested_at", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("error", Text),
    Index("ix_articles_content_hash", "content_hash"),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_published", "published"),
)

actors = Table(
    "actors",
    metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", Text),
    Column("agent", Text),
    Column("first_seen", String(32), nullable=False),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("code", Text),
    Column("name", Text, nullable=False),
    Column("kind", Text),
    Column("agent", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("reason", Text),
    Index("ix_actor_mentions_article", "article_pk"),
    Index("ix_actor_mentions_code", "code"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dedup_key", String(40), nullable=False, unique=True),
    Column("cameo", String(8), nullable=False),
    Column("root", String(4), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("plover_type", Text),
    Column("plover_mode", Text),
    Column("plover_context", Text),
    Column("date", Text),
    Column("date_precision", String(8)),
    Column("window_start", String(10)),
    Column("window_end", String(10)),
    Column("scope_article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE")),
    Column("source_code", Text),
    Column("source_name", Text),
    Column("source_kind", Text),
    Column("source_agent", Text),
    Column("target_code", Text),
    Column("target_name", Text),
    Column("target_kind", Text),
    Column("target_agent", Text),
    Column("num_mentions", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("is_root", Boolean, nullable=False),
    Column("first_seen", String(32), nullable=False),
    Column("last_seen", String(32), nullable=False),
    Index("ix_events_triple", "source_code", "target_code", "cameo"),
    Index("ix_events_window", "window_start", "window_end"),
    Index("ix_events_root", "root"),
    Index("ix_events_plover", "plover_type"),
    Index("ix_events_target", "target_code"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("reported_by", Text),
    Column("verb", Text),
    Column("date", Text),
    Column("date_precision", String(8)),
    Column("source_text", Text),
    Column("target_text", Text),
    Column("in_lead", Boolean, nullable=False),
    UniqueConstraint("event_id", "article_pk", "start", "end", name="uq_event_mentions_span"),
    Index("ix_event_mentions_article", "article_pk"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("speaker", Text),
    Column("speaker_actor", Text),
    Column("speaker_type", Text),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("cue", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_quotes_article", "article_pk"),
    Index("ix_quotes_speaker_actor", "speaker_actor"),
)

TABLES = ("articles", "actors", "actor_mentions", "events", "event_mentions", "quotes")
