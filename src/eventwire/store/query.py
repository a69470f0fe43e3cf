"""Reading the store: event filters, full-text search and the SELECTs behind ``Store``'s read methods.

Every function takes an open connection and returns JSON-plain dicts, so the
CLI, the web API and exports share them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Connection, Select, and_, column, exists, func, literal_column, or_, select, table

from eventwire.errors import Errors, StoreError
from eventwire.store.schema import articles, event_mentions, events

EVENT_COLUMNS = [c for c in events.c if c.name not in ("dedup_key", "scope_article_pk")]
ARTICLE_SUMMARY = [
    articles.c[n]
    for n in ("id", "url", "outlet", "title", "author", "published", "status", "error", "ingested_at", "origin")
]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. Every field is optional; given fields must all hold.

    Attributes:
        actor: actor code as source or target ("RUS").
        source, target: actor code on that side.
        dyad: a pair of codes, either direction (("RUS", "UKR") matches RUS->UKR and UKR->RUS).
        cameo: a CAMEO code or prefix ("04" = root 04, "043" = 043 and its sub-codes).
        root: a CAMEO root ("14").
        plover: a PLOVER event type ("CONSULT"), case-insensitive.
        quad_class: 1..4.
        date_from, date_to: ISO days; events whose date window overlaps the range
            (undated events without a publication date never match a date range).
        outlet: events with a mention in an article from this outlet.
        text: full-text search over the articles that mention the event.
        article: events mentioned in the article with this id.
        min_articles: events reported by at least this many articles.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    text: str | None = None
    article: str | None = None
    min_articles: int | None = None

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not _is_iso_day(value):
                raise StoreError(Errors.E305.format(field=name, value=value, hint="Use an ISO date, YYYY-MM-DD."))
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise StoreError(Errors.E305.format(field="quad_class", value=self.quad_class, hint="Use 1, 2, 3 or 4."))
        if self.dyad is not None and (len(self.dyad) != 2 or not all(self.dyad)):
            raise StoreError(Errors.E305.format(field="dyad", value=self.dyad, hint="Give two actor codes, A,B."))

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


def _is_iso_day(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    year, month, day = (int(p) for p in value.split("-"))
    return 1 <= month <= 12 and 1 <= day <= 31 and _valid(year, month, day)


def _valid(year: int, month: int, day: int) -> bool:
    return year >= 1 and day <= calendar.monthrange(year, month)[1]


def fts_terms(query: str) -> list[str]:
    """Split a user query into terms: "quoted phrases" stay together, other words are separate."""
    return [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', query) if (a or b).strip('"')]


def search_article_pks(dialect: str, query: str) -> Select[Any]:
    """A SELECT of the pks of articles matching ``query`` (all terms must match).

    SQLite: FTS5 with each term as a quoted phrase (so user input can never be a
    syntax error). PostgreSQL: ``tsv @@ plainto_tsquery('english', ...)`` per term.
    """
    terms = fts_terms(query) or [query]
    if dialect == "sqlite":
        fts = table("articles_fts", column("rowid"))
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return select(fts.c.rowid).where(literal_column("articles_fts").op("MATCH")(match))
    tsv = literal_column("articles.tsv")
    conds = [tsv.op("@@")(func.phraseto_tsquery("english", t)) for t in terms]
    return select(articles.c.pk).where(and_(*conds))


def _mentioned_in(where: Any) -> Any:
    """Events with a mention in an article matching ``where``."""
    return exists(
        select(1)
        .select_from(event_mentions.join(articles, articles.c.pk == event_mentions.c.article_pk))
        .where(event_mentions.c.event_id == events.c.id, where)
    )


def event_conditions(f: EventFilter, dialect: str) -> list[Any]:
    """SQL conditions on ``events`` for a filter."""
    c = events.c
    conds: list[Any] = []
    if f.actor:
        conds.append(or_(c.source_code == f.actor, c.target_code == f.actor))
    if f.source:
        conds.append(c.source_code == f.source)
    if f.target:
        conds.append(c.target_code == f.target)
    if f.dyad:
        a, b = f.dyad
        conds.append(or_(and_(c.source_code == a, c.target_code == b), and_(c.source_code == b, c.target_code == a)))
    if f.cameo:
        conds.append(c.cameo.startswith(f.cameo, autoescape=True))
    if f.root:
        conds.append(c.root == f.root.zfill(2))
    if f.plover:
        conds.append(func.upper(c.plover_type) == f.plover.upper())
    if f.quad_class is not None:
        conds.append(c.quad_class == f.quad_class)
    if f.date_from:
        conds.append(c.window_end >= f.date_from)
    if f.date_to:
        conds.append(c.window_start <= f.date_to)
    if f.outlet:
        conds.append(_mentioned_in(articles.c.outlet == f.outlet))
    if f.text:
        conds.append(_mentioned_in(articles.c.pk.in_(search_article_pks(dialect, f.text))))
    if f.article:
        conds.append(_mentioned_in(articles.c.id == f.article))
    if f.min_articles:
        conds.append(c.num_articles >= f.min_articles)
    return conds


def select_events(f: EventFilter | None, dialect: str) -> Select[Any]:
    """The SELECT behind ``Store.events`` and the exports, newest date first."""
    stmt = select(*EVENT_COLUMNS).where(*event_conditions(f or EventFilter(), dialect))
    return stmt.order_by(events.c.window_start.desc().nulls_last(), events.c.id)


def count_events(conn: Connection, f: EventFilter | None) -> int:
    conds = event_conditions(f or EventFilter(), conn.dialect.name)
    return int(conn.execute(select(func.count()).select_from(events).where(*conds)).scalar_one())
