"""The one write path: an ``ArticleRecord`` -> rows, in the caller's transaction.

``write_record`` runs inside one transaction per article (``Store.add_record``
opens it), so an article is stored with all its events, mentions, quotes and
actor mentions, or not at all. On PostgreSQL every write transaction first
takes one advisory lock, so concurrent writers (two ``eventwire ingest``
processes) take turns: event matching and counting never race. On SQLite the
transaction begins with ``BEGIN IMMEDIATE``, which does the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from eventwire.store.dedup import PRECISION_RANK, Window, dedup_key
from eventwire.store.records import ArticleRecord, EventRecord
from eventwire.store.schema import actor_mentions, actors, articles, event_mentions, events, quotes

# All eventwire writers agree on this advisory lock key (PostgreSQL).
PG_WRITE_LOCK = 0x65770002


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``Store.add`` did with one article.

    Attributes:
        id: the article id.
        status: ``added`` (new), ``replaced`` (same id, changed text), ``skipped`` (same id and
            content hash already stored), ``failed`` (stored as a failure, or refused).
        events: events this article created (new rows in ``events``).
        mentions: event mentions stored for this article.
        quotes: quotes stored for this article.
        message: why it failed or was skipped, for summaries.
    """

    id: str
    status: str
    events: int = 0
    mentions: int = 0
    quotes: int = 0
    message: str | None = None


def lock_for_write(conn: Connection) -> None:
    """Serialise writers on PostgreSQL (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})


def insert_ignore(conn: Connection, table: Table) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` for the connection's dialect."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def write_record(conn: Connection, record: ArticleRecord, now: str) -> AddResult:
    """Store one article record (see the module docstring for the guarantees)."""
    lock_for_write(conn)
    existing = conn.execute(
        select(articles.c.pk, articles.c.content_hash, articles.c.status).where(articles.c.id == record.id)
    ).first()
    if record.failed:
        return _write_failure(conn, record, existing, now)
    if existing is not None and existing.content_hash == record.content_hash and existing.status != "failed":
        return AddResult(record.id, "skipped", message="already stored with the same content hash")
    row = {**record.article, "ingested_at": now}
    if existing is None:
        pk = conn.execute(insert(articles).values(row).returning(articles.c.pk)).scalar_one()
        touched: set[int] = set()
        status = "added"
    else:
        pk = existing.pk
        touched = _clear_article(conn, pk)
        conn.execute(update(articles).where(articles.c.pk == pk).values(row))
        status = "replaced" if existing.status != "failed" else "added"
    _write_actors(conn, record, pk, now)
    created, mentions = _write_events(conn, record.events, pk, now, touched)
    if record.quotes:
        conn.execute(insert(quotes), [{**q, "article_pk": pk} for q in record.quotes])
    recount(conn, touched, now)
    return AddResult(record.id, status, events=created, mentions=mentions, quotes=len(record.quotes))


def _write_failure(conn: Connection, record: ArticleRecord, existing: Any, now: str) -> AddResult:
    message = record.article.get("error")
    if existing is not None and existing.status != "failed":
        # Never replace a good stored article by a failed re-read of it.
        return AddResult(record.id, "failed", message=message)
    row = {**record.article, "ingested_at": now}
    if existing is None:
        conn.execute(insert(articles).values(row))
    else:
        conn.execute(update(articles).where(articles.c.pk == existing.pk).values(row))
    return AddResult(record.id, "failed", message=message)


def _clear_article(conn: Connection, pk: int) -> set[int]:
    """Delete what an article contributed; return the events whose counts must be redone."""
    touched = set(
        conn.execute(select(event_mentions.c.event_id).where(event_mentions.c.article_pk == pk).distinct())
        .scalars()
    )
    touched |= set(conn.execute(select(events.c.id).where(events.c.scope_article_pk == pk)).scalars())
    for table in (event_mentions, quotes, actor_mentions):
        conn.execute(delete(table).where(table.c.article_pk == pk))
    return touched


def _write_actors(conn: Connection, record: ArticleRecord, pk: int, now: str) -> None:
    if not record.actor_mentions:
        return
    conn.execute(insert(actor_mentions), [{**a, "article_pk": pk} for a in record.actor_mentions])
    seen: dict[str, dict[str, Any]] = {}
    for a in record.actor_mentions:
        if a["code"] and a["code"] not in seen:
            seen[a["code"]] = {
                "code": a["code"], "name": a["name"], "kind": a["kind"], "agent": a["agent"], "first_seen": now,
            }
    if seen:
        conn.execute(insert_ignore(conn, actors), list(seen.values()))


def _write_events(
    conn: Connection, records: Iterable[EventRecord], pk: int, now: str, touched: set[int]
) -> tuple[int, int]:
    created = mentions = 0
    for rec in records:
        event_id, new = _match_or_create(conn, rec, pk, now)
        created += new
        stored = conn.execute(
            insert_ignore(conn, event_mentions)
            .values({**rec.mention, "event_id": event_id, "article_pk": pk})
            .returning(event_mentions.c.pk)
        ).first()
        mentions += stored is not None
        touched.add(event_id)
    return created, mentions


def _triple_clause(triple: tuple[str, str, str]) -> Any:
    source, target, cameo = triple
    return and_(_actor_clause("source", source), _actor_clause("target", target), events.c.cameo == cameo)


def _actor_clause(side: str, key: str) -> Any:
    code, name = events.c[f"{side}_code"], events.c[f"{side}_name"]
    if key == "-":
        return and_(code.is_(None), name.is_(None))
    if key.startswith("name:"):
        return and_(code.is_(None), func.lower(name) == key.removeprefix("name:"))
    return code == key


def _match_or_create(conn: Connection, rec: EventRecord, pk: int, now: str) -> tuple[int, int]:
    """The id of the event this mention belongs to, and 1 if it had to be created."""
    window = rec.window
    if window.start is not None:
        where = and_(events.c.window_start <= window.end, events.c.window_end >= window.start)
    else:
        where = and_(events.c.window_start.is_(None), events.c.scope_article_pk == pk)
    cols = (events.c.id, events.c.date, events.c.date_precision, events.c.window_start)
    rows = conn.execute(select(*cols).where(_triple_clause(rec.triple), where)).all()
    if rows:
        best = min(rows, key=lambda r: _preference(r, rec))
        if window.rank < _rank(best):
            _refine(conn, best.id, rec, window)
        return best.id, 0
    scope = None if window.start is not None else pk
    key = dedup_key(rec.triple, window, scope)
    row = {
        **rec.event, "dedup_key": key, "window_start": window.start, "window_end": window.end,
        "scope_article_pk": scope, "num_mentions": 0, "num_articles": 0, "num_sources": 0,
        "is_root": False, "first_seen": now, "last_seen": now,
    }
    conn.execute(insert_ignore(conn, events).values(row))
    event_id = conn.execute(select(events.c.id).where(events.c.dedup_key == key)).scalar_one()
    return event_id, 1


def _rank(row: Any) -> int:
    if row.date_precision in ("day", "month", "year"):
        return PRECISION_RANK[row.date_precision]
    return PRECISION_RANK["published"] if row.window_start else PRECISION_RANK[None]


def _preference(row: Any, rec: EventRecord) -> tuple[int, int, int]:
    exact = row.date == rec.event["date"] and row.date_precision == rec.event["date_precision"]
    return (0 if exact else 1, _rank(row), row.id)


def _refine(conn: Connection, event_id: int, rec: EventRecord, window: Window) -> None:
    """Give an event the more precise date of a mention that joined it."""
    key = dedup_key(rec.triple, window, None)
    clash = conn.execute(select(events.c.id).where(events.c.dedup_key == key)).first()
    if clash is not None:
        return
    conn.execute(
        update(events).where(events.c.id == event_id).values(
            date=rec.event["date"], date_precision=rec.event["date_precision"],
            window_start=window.start, window_end=window.end, scope_article_pk=None, dedup_key=key,
        )
    )


def recount(conn: Connection, event_ids: Iterable[int], now: str) -> None:
    """Recompute NumMentions / NumArticles / NumSources / IsRootEvent; drop events left with no mention.

    NumSources counts distinct outlets; articles without a known outlet count as one source.
    """
    ids = sorted(set(event_ids))
    if not ids:
        return
    m = event_mentions.alias("m")
    a = articles.alias("a")
    of_event = m.c.event_id == events.c.id
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        conn.execute(
            update(events).where(events.c.id.in_(chunk)).values(
                num_mentions=select(func.count()).select_from(m).where(of_event).scalar_subquery(),
                num_articles=select(func.count(m.c.article_pk.distinct())).where(of_event).scalar_subquery(),
                num_sources=select(func.count(func.coalesce(a.c.outlet, "").distinct()))
                .select_from(m.join(a, a.c.pk == m.c.article_pk))
                .where(of_event)
                .scalar_subquery(),
                is_root=select(func.count()).select_from(m).where(of_event, m.c.in_lead.is_(True))
                .scalar_subquery() > 0,
                last_seen=now,
            )
        )
        conn.execute(delete(events).where(events.c.id.in_(chunk), events.c.num_mentions == 0))


__all__ = ["AddResult", "PG_WRITE_LOCK", "insert_ignore", "lock_for_write", "recount", "write_record"]
