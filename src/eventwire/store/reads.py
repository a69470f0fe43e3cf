"""The read queries behind ``Store``: articles, one article in full, quotes, actors, network, timeline."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, case, func, select

from eventwire.store.query import ARTICLE_SUMMARY, EVENT_COLUMNS, EventFilter, event_conditions, search_article_pks
from eventwire.store.schema import TABLES, actor_mentions, actors, articles, event_mentions, events, metadata, quotes

PERIOD_CHARS = {"day": 10, "month": 7, "year": 4}


def _dicts(result: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in result]


def list_articles(
    conn: Connection, *, search: str | None = None, outlet: str | None = None, status: str | None = None,
    limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """Article summaries (no text), newest ingested first, with their event-mention and quote counts."""
    n_mentions = (
        select(func.count()).where(event_mentions.c.article_pk == articles.c.pk).scalar_subquery().label("mentions")
    )
    n_quotes = select(func.count()).where(quotes.c.article_pk == articles.c.pk).scalar_subquery().label("quotes")
    stmt = select(*ARTICLE_SUMMARY, n_mentions, n_quotes)
    if search:
        stmt = stmt.where(articles.c.pk.in_(search_article_pks(conn.dialect.name, search)))
    if outlet:
        stmt = stmt.where(articles.c.outlet == outlet)
    if status:
        stmt = stmt.where(articles.c.status == status)
    stmt = stmt.order_by(articles.c.pk.desc()).limit(limit).offset(offset)
    return _dicts(conn.execute(stmt))


def get_article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its text, raw text, event mentions (with their events), quotes and actor mentions."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    out = dict(row._mapping)
    pk = out.pop("pk")
    out.pop("tsv", None)
    if out["raw_text"] is None:
        out["raw_text"] = out["text"]
    out["offsets"] = json.loads(out["offsets"]) if out["offsets"] else []
    out["extra"] = json.loads(out["extra"]) if out["extra"] else {}
    mention_cols = [c.label(f"mention_{c.name}") if c.name in ("date", "date_precision") else c
                    for c in event_mentions.c if c.name not in ("pk", "article_pk", "event_id")]
    stmt = (
        select(*EVENT_COLUMNS, *mention_cols)
        .select_from(event_mentions.join(events, events.c.id == event_mentions.c.event_id))
        .where(event_mentions.c.article_pk == pk)
        .order_by(event_mentions.c.start, events.c.id)
    )
    out["events"] = _dicts(conn.execute(stmt))
    quote_cols = [c for c in quotes.c if c.name not in ("pk", "article_pk")]
    out["quotes"] = _dicts(conn.execute(select(*quote_cols).where(quotes.c.article_pk == pk).order_by(quotes.c.start)))
    actor_cols = [c for c in actor_mentions.c if c.name not in ("pk", "article_pk")]
    out["actors"] = _dicts(
        conn.execute(select(*actor_cols).where(actor_mentions.c.article_pk == pk).order_by(actor_mentions.c.start))
    )
    return out


def list_mentions(conn: Connection, event_id: int) -> list[dict[str, Any]]:
    """The mentions of one event, with their article's id, title, url, outlet and publication date."""
    cols = [c for c in event_mentions.c if c.name not in ("pk", "article_pk")]
    stmt = (
        select(*cols, articles.c.id.label("article_id"), articles.c.title, articles.c.url, articles.c.outlet,
               articles.c.published)
        .select_from(event_mentions.join(articles, articles.c.pk == event_mentions.c.article_pk))
        .where(event_mentions.c.event_id == event_id)
        .order_by(articles.c.pk, event_mentions.c.start)
    )
    return _dicts(conn.execute(stmt))


def list_quotes(
    conn: Connection, *, speaker: str | None = None, actor: str | None = None, article: str | None = None,
    kind: str | None = None, search: str | None = None, limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes with their article's id, title, url, outlet and date. ``search`` matches the quote text."""
    cols = [c for c in quotes.c if c.name not in ("pk", "article_pk")]
    stmt = select(
        quotes.c.pk.label("quote_id"), *cols, articles.c.id.label("article_id"), articles.c.title,
        articles.c.url, articles.c.outlet, articles.c.published,
    ).select_from(quotes.join(articles, articles.c.pk == quotes.c.article_pk))
    if speaker:
        stmt = stmt.where(func.lower(quotes.c.speaker).contains(speaker.lower(), autoescape=True))
    if actor:
        stmt = stmt.where(quotes.c.speaker_actor == actor)
    if article:
        stmt = stmt.where(articles.c.id == article)
    if kind:
        stmt = stmt.where(quotes.c.kind == kind)
    if search:
        stmt = stmt.where(func.lower(quotes.c.text).contains(search.lower(), autoescape=True))
    stmt = stmt.order_by(articles.c.pk.desc(), quotes.c.start).limit(limit).offset(offset)
    return _dicts(conn.execute(stmt))


def list_actors(conn: Connection, *, search: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Coded actors with counts: mentions, articles, events as source, events as target."""
    m = actor_mentions
    mentions = select(func.count()).where(m.c.code == actors.c.code).scalar_subquery().label("mentions")
    n_articles = (
        select(func.count(m.c.article_pk.distinct())).where(m.c.code == actors.c.code).scalar_subquery().label("articles")
    )
    as_source = select(func.count()).where(events.c.source_code == actors.c.code).scalar_subquery().label("as_source")
    as_target = select(func.count()).where(events.c.target_code == actors.c.code).scalar_subquery().label("as_target")
    stmt = select(actors, mentions, n_articles, as_source, as_target)
    if search:
        needle = search.lower()
        stmt = stmt.where(
            func.lower(actors.c.name).contains(needle, autoescape=True) | (func.lower(actors.c.code) == needle)
        )
    stmt = stmt.order_by(mentions.desc(), actors.c.code).limit(limit).offset(offset)
    return _dicts(conn.execute(stmt))


def network(conn: Connection, f: EventFilter | None = None, *, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """Actor network: one edge per (source, target) pair with event/mention counts and mean Goldstein."""
    conds = event_conditions(f or EventFilter(), conn.dialect.name)
    conds += [events.c.source_code.is_not(None), events.c.target_code.is_not(None)]
    quads = [func.sum(case((events.c.quad_class == q, 1), else_=0)).label(f"quad{q}") for q in (1, 2, 3, 4)]
    stmt = (
        select(
            events.c.source_code.label("source"), events.c.target_code.label("target"),
            func.count().label("events"), func.sum(events.c.num_mentions).label("mentions"),
            func.avg(events.c.goldstein).label("goldstein"), *quads,
        )
        .where(*conds)
        .group_by(events.c.source_code, events.c.target_code)
        .order_by(func.count().desc(), events.c.source_code, events.c.target_code)
        .limit(limit)
    )
    edges = _dicts(conn.execute(stmt))
    for e in edges:
        e["goldstein"] = round(float(e["goldstein"]), 3)
    codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    names = dict(conn.execute(select(actors.c.code, actors.c.name).where(actors.c.code.in_(codes))).all()) if codes else {}
    nodes = [{"code": c, "name": names.get(c, c)} for c in codes]
    return {"nodes": nodes, "edges": edges}


def timeline(conn: Connection, f: EventFilter | None = None, *, interval: str = "day") -> list[dict[str, Any]]:
    """Events per period of their date window's start, split by QuadClass. Windowless events are left out."""
    period = func.substr(events.c.window_start, 1, PERIOD_CHARS[interval]).label("period")
    quads = [func.sum(case((events.c.quad_class == q, 1), else_=0)).label(f"quad{q}") for q in (1, 2, 3, 4)]
    stmt = (
        select(period, func.count().label("events"), func.sum(events.c.num_mentions).label("mentions"), *quads)
        .where(*event_conditions(f or EventFilter(), conn.dialect.name), events.c.window_start.is_not(None))
        .group_by(period)
        .order_by(period)
    )
    return [{k: (int(v) if k != "period" else v) for k, v in row.items()} for row in _dicts(conn.execute(stmt))]


def counts(conn: Connection) -> dict[str, int]:
    """Row counts per table, plus articles per status (``articles_ok``, ``articles_failed``, ...)."""
    out = {name: int(conn.execute(select(func.count()).select_from(metadata.tables[name])).scalar_one())
           for name in TABLES}
    for status, n in conn.execute(select(articles.c.status, func.count()).group_by(articles.c.status)):
        out[f"articles_{status}"] = int(n)
    return out
