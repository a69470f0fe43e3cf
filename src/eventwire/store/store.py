"""``Store``: the one object the CLI, the web API and the workers use to write and read the database."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from eventwire.config import Config
from eventwire.errors import Errors, StoreError
from eventwire.ingest import Failure
from eventwire.store import reads
from eventwire.store.engine import check_reachable, display_url, make_engine, resolve_url, sqlite_path
from eventwire.store.migrate import upgrade
from eventwire.store.query import EventFilter, count_events, select_events
from eventwire.store.records import ArticleRecord, failure_record, to_record
from eventwire.store.schema import articles
from eventwire.store.write import AddResult, write_record
from eventwire.types import Analysis

log = logging.getLogger(__name__)


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds (``2026-11-29T12:00:00Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """An eventwire database (SQLite file or PostgreSQL), upgraded to the current schema.

    Open with ``Store.open(url)``; use as a context manager or call ``close()``.
    Writes go through ``add`` / ``add_record`` / ``add_failure`` (one transaction
    per article); every read method returns JSON-plain dicts.

    Attributes:
        url: the SQLAlchemy URL (password included; use ``display`` for messages).
        dialect: ``sqlite`` or ``postgresql``.
        path: the database file for SQLite, else None.
    """

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        self.path: Path | None = sqlite_path(url)

    @classmethod
    def open(cls, url: str | None = None, config: Config | None = None, *, migrate: bool = True) -> Store:
        """Open (creating when needed) and upgrade a store.

        Args:
            url: ``sqlite:///file.db``, a file path, or ``postgresql://user:pw@host/db``; None uses
                ``$EVENTWIRE_DB``, then ``store.db`` from ``config``, then ``eventwire-data/eventwire.db``.
            config: settings (only ``store.db`` is read).
            migrate: upgrade the schema to the current revision (default True).

        Raises:
            StoreError: unsupported URL (E301), unreachable database (E300), failed upgrade (E302/E304).
        """
        store = cls(resolve_url(url, config))
        try:
            check_reachable(store.engine, url=store.url)
            if migrate:
                upgrade(store.engine, store.url)
        except StoreError:
            store.close()
            raise
        return store

    @property
    def display(self) -> str:
        """Where the data is, for people: the file path for SQLite, the URL without password otherwise."""
        return str(self.path) if self.path else display_url(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read connection (in WAL mode, readers never block the writer)."""
        with self.engine.connect() as conn:
            yield conn

    # --- writing ---------------------------------------------------------------------------------

    def add(self, analysis: Analysis) -> AddResult:
        """Store one analysed article with its events, mentions, quotes and actor mentions, atomically.

        Same id and content hash as a stored article: skipped. Same id, changed
        hash: its events/quotes are replaced in the same transaction. Events are
        merged with those of other articles by the dedup rule (``store/dedup.py``).
        """
        return self.add_record(to_record(analysis))

    def add_failure(self, failure: Failure) -> AddResult:
        """Record an input that failed (status ``failed`` and the reason). Never overwrites a good article."""
        return self.add_record(failure_record(failure))

    def add_record(self, record: ArticleRecord) -> AddResult:
        """Store a prepared record (built by ``store.records.to_record``, possibly in a worker process).

        Raises:
            StoreError: the database refused the article (E303); nothing of it was written.
        """
        try:
            with self.engine.connect().execution_options(eventwire_write=True) as conn, conn.begin():
                return write_record(conn, record, utc_now())
        except StoreError:
            raise
        except Exception as e:  # a driver error: the transaction was rolled back, nothing half-written
            origin = record.article.get("origin") or record.id
            detail = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
            raise StoreError(Errors.E303.format(origin=origin, id=record.id, detail=detail)) from e

    def has(self, content_hash: str, article_id: str | None = None) -> bool:
        """Whether an article with this content hash (and this id, when given) is stored (not as failed)."""
        stmt = select(articles.c.pk).where(articles.c.content_hash == content_hash, articles.c.status != "failed")
        if article_id is not None:
            stmt = stmt.where(articles.c.id == article_id)
        with self.connect() as conn:
            return conn.execute(stmt.limit(1)).first() is not None

    # --- reading ---------------------------------------------------------------------------------

    def events(self, filters: EventFilter | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Deduplicated events matching ``filters``, latest date first (see ``EventFilter``)."""
        stmt = select_events(filters, self.dialect).limit(limit).offset(offset)
        with self.connect() as conn:
            return reads._dicts(conn.execute(stmt))

    def count_events(self, filters: EventFilter | None = None) -> int:
        """How many events match ``filters`` (for paging)."""
        with self.connect() as conn:
            return count_events(conn, filters)

    def event_mentions(self, event_id: int) -> list[dict[str, Any]]:
        """The mentions of one event, each with its article's id, title, url, outlet and date."""
        with self.connect() as conn:
            return reads.list_mentions(conn, event_id)

    def article(self, id: str) -> dict[str, Any] | None:
        """One article in full (text, raw_text, events, quotes, actors), or None when not stored."""
        with self.connect() as conn:
            return reads.get_article(conn, id)

    def articles(self, search: str | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        """Article summaries; ``search`` is full-text (FTS5 / tsvector). Also ``outlet``, ``status``, ``limit``, ``offset``."""
        with self.connect() as conn:
            return reads.list_articles(conn, search=search, **kwargs)

    def quotes(self, **kwargs: Any) -> list[dict[str, Any]]:
        """Quotes; filters ``speaker`` (substring), ``actor``, ``article``, ``kind``, ``search``, ``limit``, ``offset``."""
        with self.connect() as conn:
            return reads.list_quotes(conn, **kwargs)

    def actors(self, search: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Coded actors with mention, article, as-source and as-target counts."""
        with self.connect() as conn:
            return reads.list_actors(conn, search=search, limit=limit, offset=offset)

    def network(self, filters: EventFilter | None = None, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
        """``{"nodes": [...], "edges": [...]}``: who acts on whom, with counts and mean Goldstein."""
        with self.connect() as conn:
            return reads.network(conn, filters, limit=limit)

    def timeline(self, filters: EventFilter | None = None, interval: str = "day") -> list[dict[str, Any]]:
        """Events per ``day``, ``month`` or ``year``, split by QuadClass."""
        if interval not in reads.PERIOD_CHARS:
            raise StoreError(Errors.E306.format(what="interval", value=interval, choices="day, month, year"))
        with self.connect() as conn:
            return reads.timeline(conn, filters, interval=interval)

    def counts(self) -> dict[str, int]:
        """Row counts per table and articles per status."""
        with self.connect() as conn:
            return reads.counts(conn)
