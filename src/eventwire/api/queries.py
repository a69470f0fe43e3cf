"""Read queries behind the API and the UI, as plain JSON-ready dicts.

They run SQLAlchemy Core over the store's tables (``eventwire.store.schema``), on
the store's engine, so SQLite and PostgreSQL behave alike. Filters mirror
``eventwire query`` (see ``eventwire.api.params.EventParams``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy.engine import Connection

from eventwire.api.params import EventParams, Page, first_day, last_day
from eventwire.events.cameo import cameo_info
from eventwire.store.query import EVENT_COLUMNS, EventFilter, search_article_pks
from eventwire.store.query import event_conditions as store_event_conditions
from eventwire.store.schema import actors, articles, event_mentions, events, quotes

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
SNIPPET_CHARS = 240
# Lists count matches up to this many unless asked for an exact count (see count_matches).
COUNT_CAP = 1000

# The timeline fills in days without events up to this span (ten years); beyond it, only days
# with events are listed.
MAX_TIMELINE_DAYS = 3660


def _connect(store: Any) -> Connection:
    return store.engine.connect()


def _dialect(conn: Connection) -> str:
    return conn.engine.dialect.name


def _fts_condition(conn: Connection, q: str) -> Any:
    """A condition on ``articles.pk``: articles containing every term of ``q`` (the store's search)."""
    return articles.c.pk.in_(search_article_pks(_dialect(conn), q))


def to_filter(f: EventParams) -> EventFilter:
    """The store's ``EventFilter`` for the parameters of a request (same meaning as ``eventwire query``)."""
    def code(value: str | None) -> str | None:
        return value.upper() if value else None

    return EventFilter(
        actor=code(f.actor), source=code(f.source), target=code(f.target),
        dyad=(f.dyad[0].upper(), f.dyad[1].upper()) if f.dyad else None,
        cameo=f.cameo, root=f.root, plover=f.plover, quad_class=f.quad,
        date_from=first_day(f.since) if f.since else None, date_to=last_day(f.until) if f.until else None,
        outlet=f.outlet, text=f.q,
    )


def event_conditions(conn: Connection, f: EventParams) -> list[Any]:
    """SQL conditions on ``events`` for the filters of a request (the store's, so the CLI agrees).

    Outlet and text filters are the store's too in meaning (events with a mention in a matching
    article) but written as ``id IN (...)`` so the database starts from the few matching articles
    instead of testing every event.
    """
    flt = to_filter(f)
    conds = store_event_conditions(dataclasses.replace(flt, outlet=None, text=None), _dialect(conn))
    if flt.outlet or flt.text:
        m = event_mentions.c
        matching = select(m.event_id).join(articles, articles.c.pk == m.article_pk)
        if flt.outlet:
            matching = matching.where(articles.c.outlet == flt.outlet)
        if flt.text:
            matching = matching.where(_fts_condition(conn, flt.text))
        conds.append(events.c.id.in_(matching))
    return conds


def _newest_first(conn: Connection) -> list[Any]:
    """Newest date window first, undated last, then newest stored.

    In SQLite NULLs sort last under DESC already, and this order is exactly the
    ``ix_events_window`` index read backwards, so a page needs no sort.
    """
    c = events.c
    if _dialect(conn) == "sqlite":
        return [c.window_start.desc(), c.window_end.desc(), c.id.desc()]
    return [c.window_start.desc().nulls_last(), c.window_end.desc().nulls_last(), c.id.desc()]


def _actor_dict(code: str | None, name: str | None, agent: str | None) -> dict[str, Any] | None:
    if code is None and name is None:
        return None
    return {"code": code, "name": name, "agent": agent}


def _event_dict(row: Any, mention: Any | None) -> dict[str, Any]:
    info = cameo_info(row.cameo)
    out = {
        "id": row.id, "cameo": row.cameo, "cameo_name": info.name if info else None, "root": row.root,
        "quad_class": row.quad_class, "goldstein": row.goldstein, "plover_type": row.plover_type,
        "plover_mode": row.plover_mode, "plover_context": row.plover_context, "date": row.date,
        "date_precision": row.date_precision,
        "source": _actor_dict(row.source_code, row.source_name, row.source_agent),
        "target": _actor_dict(row.target_code, row.target_name, row.target_agent),
        "num_mentions": row.num_mentions, "num_articles": row.num_articles, "num_sources": row.num_sources,
        "article_id": None, "evidence": None, "start": None, "end": None, "confidence": None,
        "reported_by": None,
    }
    if mention is not None:
        out.update(article_id=mention.article_id, evidence=mention.evidence, start=mention.start,
                   end=mention.end, confidence=mention.confidence, reported_by=mention.reported_by)
    return out


def _first_mentions(conn: Connection, event_ids: list[int]) -> dict[int, Any]:
    """The earliest mention (lowest pk) of each event, with its article id."""
    if not event_ids:
        return {}
    m = event_mentions.c
    first = (select(func.min(m.pk)).where(m.event_id.in_(event_ids)).group_by(m.event_id)).scalar_subquery()
    rows = conn.execute(
        select(m.event_id, m.evidence, m.start, m.end, m.confidence, m.reported_by,
               articles.c.id.label("article_id"))
        .join(articles, articles.c.pk == m.article_pk)
        .where(m.pk.in_(first))
    )
    return {r.event_id: r for r in rows}


def count_matches(conn: Connection, table: Any, conds: list[Any], exact: bool) -> tuple[int, bool]:
    """How many rows match: exactly, or up to ``COUNT_CAP`` (cheap however many match).

    Returns:
        ``(total, is_exact)``; when not exact, ``total`` is ``COUNT_CAP`` and more rows match.
    """
    if exact:
        return conn.execute(select(func.count()).select_from(table).where(*conds)).scalar_one(), True
    some = select(literal_column("1")).select_from(table).where(*conds).limit(COUNT_CAP + 1).subquery()
    n = conn.execute(select(func.count()).select_from(some)).scalar_one()
    return (n, True) if n <= COUNT_CAP else (COUNT_CAP, False)


def _in_date_order(conn: Connection, stmt: Any) -> list[Any]:
    """Run an events page on SQLite reading ``ix_events_window`` backwards (``INDEXED BY``).

    With many matches, one page is found after a few rows of the date index, whereas
    SQLite's default plan for an actor filter collects every match through the actor
    indexes and sorts them all (about 130 ms for 20,000 matches). SQLAlchemy renders no
    table hints for SQLite, so the hint goes into the compiled SQL of the outer FROM.
    """
    compiled = stmt.compile(dialect=conn.dialect)
    sql, n = re.subn(r"\bFROM events\b", "FROM events INDEXED BY ix_events_window", str(compiled), count=1)
    assert n == 1, "the events page query reads FROM events"
    params = tuple(compiled.params[name] for name in compiled.positiontup or ())
    return conn.exec_driver_sql(sql, params).all()


def list_events(store: Any, f: EventParams, page: Page, exact: bool = False
                ) -> tuple[list[dict[str, Any]], int, bool]:
    """Events matching the filters, newest date window first, each with its first mention.

    Args:
        exact: count every match (slower on big stores) instead of stopping at ``COUNT_CAP``.

    Returns:
        ``(events, total, total_is_exact)``.
    """
    with _connect(store) as conn:
        conds = event_conditions(conn, f)
        total, is_exact = count_matches(conn, events, conds, exact)
        stmt = select(*EVENT_COLUMNS).where(*conds).order_by(*_newest_first(conn))
        stmt = stmt.limit(page.limit).offset(page.offset)
        if (not is_exact or total > COUNT_CAP) and _dialect(conn) == "sqlite":
            rows = _in_date_order(conn, stmt)
        else:
            rows = conn.execute(stmt).all()
        mentions = _first_mentions(conn, [r.id for r in rows])
    return [_event_dict(r, mentions.get(r.id)) for r in rows], total, is_exact


def _counts_columns() -> list[Any]:
    n_events = (select(func.count()).where(event_mentions.c.article_pk == articles.c.pk)
                .correlate(articles).scalar_subquery())
    n_quotes = (select(func.count()).where(quotes.c.article_pk == articles.c.pk)
                .correlate(articles).scalar_subquery())
    return [n_events.label("events"), n_quotes.label("quotes")]


def search_articles(store: Any, q: str | None, outlet: str | None, since: str | None, until: str | None,
                    page: Page) -> tuple[list[dict[str, Any]], int]:
    """Articles matching a full-text search (all words), newest first."""
    a = articles.c
    with _connect(store) as conn:
        conds = []
        if q:
            conds.append(_fts_condition(conn, q))
        if outlet:
            conds.append(func.lower(a.outlet) == outlet.lower())
        if since:
            conds.append(a.published >= first_day(since))
        if until:
            conds.append(a.published <= last_day(until))
        total = conn.execute(select(func.count()).select_from(articles).where(*conds)).scalar_one()
        rows = conn.execute(
            select(a.id, a.title, a.url, a.outlet, a.published, a.status,
                   func.substr(a.text, 1, SNIPPET_CHARS).label("snippet"), *_counts_columns())
            .where(*conds).order_by(a.published.desc().nulls_last(), a.pk.desc())
            .limit(page.limit).offset(page.offset)
        ).all()
    return [_article_summary(r) for r in rows], total


def _article_summary(r: Any) -> dict[str, Any]:
    snippet = " ".join((r.snippet or "").split())
    return {"id": r.id, "title": r.title, "url": r.url, "outlet": r.outlet, "published": r.published,
            "status": r.status, "snippet": snippet + ("…" if len(snippet) >= SNIPPET_CHARS - 5 else ""),
            "events": r.events, "quotes": r.quotes}


def get_article(store: Any, article_id: str) -> dict[str, Any] | None:
    """One article with its raw text, its event mentions and quotes (by offset), or None."""
    a = articles.c
    with _connect(store) as conn:
        row = conn.execute(select(articles).where(a.id == article_id)).first()
        if row is None:
            return None
        m = event_mentions.c
        mentions = conn.execute(
            select(events, m.evidence, m.start, m.end, m.confidence, m.reported_by,
                   literal_column("NULL").label("article_id"))
            .join(events, events.c.id == m.event_id).where(m.article_pk == row.pk).order_by(m.start, m.pk)
        ).all()
        quote_rows = conn.execute(
            select(quotes).where(quotes.c.article_pk == row.pk).order_by(quotes.c.start, quotes.c.pk)).all()
    article = {
        "id": row.id, "title": row.title, "url": row.url, "outlet": row.outlet, "published": row.published,
        "author": row.author, "status": row.status, "error": row.error,
        "raw_text": row.raw_text if row.raw_text is not None else (row.text or ""),
        "events": len(mentions), "quotes": len(quote_rows),
    }
    event_list = [{**_event_dict(r, r), "article_id": row.id} for r in mentions]
    quote_list = [_quote_dict(q, row.id) for q in quote_rows]
    return {"article": article, "events": event_list, "quotes": quote_list}


def _quote_dict(q: Any, article_id: str, title: str | None = None) -> dict[str, Any]:
    return {"article_id": article_id, "article_title": title, "text": q.text, "kind": q.kind,
            "speaker": q.speaker, "speaker_actor": q.speaker_actor, "speaker_type": q.speaker_type,
            "cue": q.cue, "start": q.start, "end": q.end}


def list_quotes(store: Any, speaker: str | None, actor: str | None, article_id: str | None, q: str | None,
                page: Page) -> tuple[list[dict[str, Any]], int]:
    """Quotes by speaker name (substring), speaker actor code, article, or words in the quote."""
    c = quotes.c
    conds = []
    if speaker:
        conds.append(func.lower(c.speaker).contains(speaker.lower(), autoescape=True))
    if actor:
        conds.append(c.speaker_actor == actor.upper())
    if article_id:
        conds.append(articles.c.id == article_id)
    if q:
        conds.append(func.lower(c.text).contains(q.lower(), autoescape=True))
    other = quotes.alias("other")
    position = (select(func.count()).where(other.c.article_pk == c.article_pk,
                                           or_(other.c.start < c.start, and_(other.c.start == c.start,
                                                                             other.c.pk < c.pk)))
                .correlate(quotes).scalar_subquery())
    base = select(quotes, articles.c.id.label("article_id"), articles.c.title.label("article_title"),
                  position.label("position")).join(
        articles, articles.c.pk == c.article_pk).where(*conds)
    with _connect(store) as conn:
        total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
        rows = conn.execute(
            base.order_by(articles.c.published.desc().nulls_last(), c.article_pk, c.start)
            .limit(page.limit).offset(page.offset)).all()
    # ``position``: the quote's rank by offset in its article, which is its index on the article page.
    return [{**_quote_dict(r, r.article_id, r.article_title), "position": r.position} for r in rows], total


def _actor_events() -> Any:
    """One row per (actor code, role, event): the union of sources and targets."""
    e = events.c
    src = select(e.source_code.label("code"), literal_column("1").label("src"), literal_column("0").label("tgt")
                 ).where(e.source_code.is_not(None))
    tgt = select(e.target_code.label("code"), literal_column("0").label("src"), literal_column("1").label("tgt")
                 ).where(e.target_code.is_not(None))
    return src.union_all(tgt).subquery("roles")


def list_actors(store: Any, q: str | None, page: Page, code: str | None = None
                ) -> tuple[list[dict[str, Any]], int]:
    """Actors in events, with event counts (as source, as target, in all) and quote counts, most active first.

    Names and kinds come from the store's actor table when it has the code.
    """
    roles = _actor_events()
    counts = (select(roles.c.code, func.sum(roles.c.src).label("as_source"), func.sum(roles.c.tgt).label("as_target"),
                     func.count().label("events"))
              .group_by(roles.c.code).subquery("counts"))
    n_quotes = (select(func.count()).where(quotes.c.speaker_actor == counts.c.code)
                .correlate(counts).scalar_subquery())
    conds = []
    if q:
        needle = q.lower()
        conds.append(or_(func.lower(counts.c.code).contains(needle, autoescape=True),
                         func.lower(actors.c.name).contains(needle, autoescape=True)))
    if code:
        conds.append(counts.c.code == code)
    base = (select(counts.c.code, actors.c.name, actors.c.kind, actors.c.agent, counts.c.as_source,
                   counts.c.as_target, counts.c.events, n_quotes.label("quotes"))
            .select_from(counts.outerjoin(actors, actors.c.code == counts.c.code)).where(*conds))
    with _connect(store) as conn:
        total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
        rows = conn.execute(base.order_by(counts.c.events.desc(), counts.c.code).limit(page.limit)
                            .offset(page.offset))
        return [{**r._mapping, "name": r.name or r.code} for r in rows], total


def get_actor(store: Any, code: str) -> dict[str, Any] | None:
    """One actor with its counts, or None."""
    found, _ = list_actors(store, None, Page(1, 0), code=code)
    return found[0] if found else None


def network(store: Any, f: EventParams, min_weight: int, limit: int) -> dict[str, Any]:
    """Dyads (source -> target) weighted by event count and split by QuadClass."""
    e = events.c
    with _connect(store) as conn:
        conds = [*event_conditions(conn, f), e.source_code.is_not(None), e.target_code.is_not(None),
                 e.source_code != e.target_code]
        rows = conn.execute(select(e.source_code, e.target_code, e.quad_class, func.count().label("n"))
                            .where(*conds).group_by(e.source_code, e.target_code, e.quad_class)).all()
        edges = _edges(rows, min_weight, limit)
        codes = sorted({x["source"] for x in edges} | {x["target"] for x in edges})
        names = dict(conn.execute(select(actors.c.code, actors.c.name).where(actors.c.code.in_(codes))).all())
    degree: dict[str, int] = {}
    for x in edges:
        degree[x["source"]] = degree.get(x["source"], 0) + x["weight"]
        degree[x["target"]] = degree.get(x["target"], 0) + x["weight"]
    nodes = [{"id": c, "label": names.get(c) or c, "events": degree[c]} for c in codes]
    return {"ok": True, "nodes": nodes, "edges": edges}


def _edges(rows: list[Any], min_weight: int, limit: int) -> list[dict[str, Any]]:
    dyads: dict[tuple[str, str], dict[str, int]] = {}
    for r in rows:
        quads = dyads.setdefault((r.source_code, r.target_code), {"1": 0, "2": 0, "3": 0, "4": 0})
        quads[str(r.quad_class)] = quads.get(str(r.quad_class), 0) + r.n
    edges = [
        {"source": s, "target": t, "weight": sum(q.values()), "by_quad": q,
         "cooperation": q["1"] + q["2"], "conflict": q["3"] + q["4"]}
        for (s, t), q in dyads.items()
    ]
    edges = [x for x in edges if x["weight"] >= min_weight]
    edges.sort(key=lambda x: (-x["weight"], x["source"], x["target"]))
    return edges[:limit]


def timeline(store: Any, f: EventParams, by: str) -> dict[str, Any]:
    """Events per day (day-precision dates only), by QuadClass or PLOVER type."""
    e = events.c
    key = e.quad_class if by == "quad" else func.coalesce(e.plover_type, "UNKNOWN")
    with _connect(store) as conn:
        conds = [*event_conditions(conn, f), e.date_precision == "day", func.length(e.date) == 10]
        rows = conn.execute(select(e.date, key.label("key"), func.count().label("n"))
                            .where(*conds).group_by(e.date, key)).all()
    days = _every_day(sorted({r.date for r in rows}))
    keys = sorted({str(r.key) for r in rows})
    index = {d: i for i, d in enumerate(days)}
    counts = {k: [0] * len(days) for k in keys}
    for r in rows:
        counts[str(r.key)][index[r.date]] += r.n
    series = [{"key": k, "label": _series_label(by, k), "counts": counts[k]} for k in keys]
    return {"ok": True, "by": by, "days": days, "series": series}


def _every_day(days: list[str]) -> list[str]:
    """``days`` with the days between them filled in, so a chart's axis is to scale; a span of
    more than ``MAX_TIMELINE_DAYS`` keeps only the days that have events."""
    if len(days) < 2:
        return days
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    span = (last - first).days + 1
    if span > MAX_TIMELINE_DAYS:
        return days
    return [(first + dt.timedelta(days=i)).isoformat() for i in range(span)]


def _series_label(by: str, key: str) -> str:
    if by == "quad" and key.isdigit():
        return f"{key} {QUAD_NAMES.get(int(key), '')}".strip()
    return key


def stats(store: Any) -> dict[str, int]:
    """How many articles, events, event mentions, quotes and actors the store holds."""
    with _connect(store) as conn:
        def n(table: Any) -> int:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()

        return {"articles": n(articles), "events": n(events), "mentions": n(event_mentions),
                "quotes": n(quotes), "actors": n(actors)}
