"""Exports: the store's tables to CSV, JSON Lines or Parquet, in eventwire's, GDELT's or PLOVER's shape.

    export(store, "events.csv", fmt="csv", schema="gdelt", filters=EventFilter(root="14"))

``schema`` applies to ``table="events"``: ``eventwire`` (our columns),
``gdelt`` (GDELT 2.0 event-table columns, ``store/gdelt.py``) or ``plover``
(PLOVER/POLECAT-like JSON records valid against
``data/events/plover_event.schema.json``, ``store/plover.py``; JSON Lines only).
Other tables (``mentions``, ``quotes``, ``articles``, ``actors``) use eventwire's columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Float, Integer, Select, func, select

from eventwire.errors import Errors, StoreError
from eventwire.store import gdelt, plover
from eventwire.store.formats import FORMATS, write_csv, write_jsonl, write_parquet
from eventwire.store.query import EVENT_COLUMNS, EventFilter, event_conditions, select_events
from eventwire.store.schema import actors, articles, event_mentions, events, quotes
from eventwire.store.store import Store

TABLES = ("events", "mentions", "quotes", "articles", "actors")
SCHEMAS = ("eventwire", "gdelt", "plover")
# Rows fetched from the database at a time while streaming.
FETCH_ROWS = 2000


@dataclass
class ExportSummary:
    """What an export wrote."""

    rows: int = 0
    left_out: int = 0
    notes: list[str] = field(default_factory=list)


def _check(fmt: str, schema: str, table: str) -> None:
    for what, value, choices in (("format", fmt, FORMATS), ("schema", schema, SCHEMAS), ("table", table, TABLES)):
        if value not in choices:
            raise StoreError(Errors.E306.format(what=what, value=value, choices=", ".join(choices)))
    if schema != "eventwire" and table != "events":
        raise StoreError(Errors.E306.format(what=f"schema for table {table}", value=schema, choices="eventwire"))
    if schema == "plover" and fmt != "jsonl":
        raise StoreError(
            Errors.E306.format(what="format for nested PLOVER records", value=fmt, choices="jsonl")
        )


def export(
    store: Store, output: str | Path, *, fmt: str = "csv", schema: str = "eventwire", table: str = "events",
    filters: EventFilter | None = None,
) -> ExportSummary:
    """Write one table of the store to ``output``.

    Args:
        store: an open store.
        output: the file to write (replaced if it exists).
        fmt: ``csv``, ``jsonl`` or ``parquet``.
        schema: ``eventwire``, ``gdelt`` or ``plover`` (events only; plover needs jsonl).
        table: ``events``, ``mentions``, ``quotes``, ``articles`` or ``actors``.
        filters: for events and mentions, which events.

    Raises:
        StoreError: an unknown format/schema/table (E306) or an unwritable file (E307).
    """
    _check(fmt, schema, table)
    summary = ExportSummary()
    path = Path(output)
    if path.parent and not path.parent.is_dir():
        raise StoreError(Errors.E307.format(path=path, detail="the folder does not exist"))
    with store.connect() as conn:
        stmt, columns, types, convert = _plan(table, schema, filters, conn.dialect.name)
        result = conn.execution_options(yield_per=FETCH_ROWS).execute(stmt)
        rows = _rows(result, convert, summary)
        if fmt == "parquet":
            summary.rows = write_parquet(rows, columns, types, path)
            return summary
        with path.open("w", encoding="utf-8", newline="") as out:
            summary.rows = write_csv(rows, columns, out) if fmt == "csv" else write_jsonl(rows, out)
    if summary.left_out:
        summary.notes.append(plover.LEFT_OUT_NOTE.format(n=summary.left_out))
    return summary


def _rows(result: Any, convert: Any, summary: ExportSummary) -> Iterator[dict[str, Any]]:
    for row in result:
        record = convert(dict(row._mapping))
        if record is None:
            summary.left_out += 1
            continue
        yield record


def _plan(table: str, schema: str, filters: EventFilter | None, dialect: str) -> tuple[Select[Any], list[str], dict[str, str], Any]:
    """The SELECT, output columns, column types and row converter for one export."""
    if table == "events" and schema == "gdelt":
        return _events_with_first_mention(filters, dialect), gdelt.COLUMNS, gdelt.TYPES, gdelt.row
    if table == "events" and schema == "plover":
        return _events_with_first_mention(filters, dialect), [], {}, plover.record
    if table == "events":
        stmt = select_events(filters, dialect)
    elif table == "mentions":
        stmt = _mentions(filters, dialect)
    elif table == "quotes":
        stmt = _quotes()
    elif table == "articles":
        stmt = select(*[c for c in articles.c if c.name != "pk"]).order_by(articles.c.pk)
    else:
        stmt = select(actors).order_by(actors.c.code)
    columns = [c.name for c in stmt.selected_columns]
    return stmt, columns, _types(stmt), lambda row: row


def _types(stmt: Select[Any]) -> dict[str, str]:
    out = {}
    for c in stmt.selected_columns:
        kind = c.type
        out[c.name] = (
            "bool" if isinstance(kind, Boolean) else "int" if isinstance(kind, Integer)
            else "float" if isinstance(kind, Float) else "str"
        )
    return out


def _events_with_first_mention(filters: EventFilter | None, dialect: str) -> Select[Any]:
    """Events plus the evidence and article of their first mention (GDELT's SOURCEURL, PLOVER's text)."""
    m, a = event_mentions, articles
    first = select(func.min(m.c.pk)).where(m.c.event_id == events.c.id).correlate(events).scalar_subquery()
    return (
        select(
            *EVENT_COLUMNS, m.c.evidence, m.c.start, m.c.end, a.c.id.label("article_id"), a.c.url, a.c.title,
            a.c.outlet, a.c.published,
        )
        .select_from(events.join(m, m.c.pk == first).join(a, a.c.pk == m.c.article_pk))
        .where(*event_conditions(filters or EventFilter(), dialect))
        .order_by(events.c.id)
    )


def _mentions(filters: EventFilter | None, dialect: str) -> Select[Any]:
    m, a = event_mentions, articles
    cols = [c for c in m.c if c.name not in ("pk", "article_pk")]
    return (
        select(*cols, a.c.id.label("article_id"), a.c.url, a.c.outlet, a.c.published)
        .select_from(m.join(a, a.c.pk == m.c.article_pk).join(events, events.c.id == m.c.event_id))
        .where(*event_conditions(filters or EventFilter(), dialect))
        .order_by(m.c.event_id, m.c.pk)
    )


def _quotes() -> Select[Any]:
    cols = [c for c in quotes.c if c.name not in ("pk", "article_pk")]
    return (
        select(quotes.c.pk.label("quote_id"), *cols, articles.c.id.label("article_id"), articles.c.url,
               articles.c.outlet, articles.c.published, articles.c.title)
        .select_from(quotes.join(articles, articles.c.pk == quotes.c.article_pk))
        .order_by(quotes.c.pk)
    )
