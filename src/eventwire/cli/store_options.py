"""Options and helpers shared by the commands that use the store (ingest, query, export, demo)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from eventwire.config import Config
from eventwire.errors import StoreError
from eventwire.store import EventFilter, Store


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        metavar="URL",
        help="Database: sqlite:///file.db, a file path, or postgresql://user:pw@host/db "
        "(default $EVENTWIRE_DB, then store.db in the config, then eventwire-data/eventwire.db).",
    )(f)


def open_store(db: str | None, config: Config) -> Store:
    """Open the store, turning a bad URL or an unreachable server into a clean error (exit 2)."""
    try:
        return Store.open(db, config)
    except StoreError as e:
        raise click.UsageError(str(e)) from e


FILTER_OPTIONS = [
    click.option("--actor", help="Actor code as source or target (RUS)."),
    click.option("--source", help="Source actor code."),
    click.option("--target", help="Target actor code."),
    click.option("--dyad", metavar="A,B", help="Events between two actors, either direction (RUS,UKR)."),
    click.option("--cameo", help="CAMEO code or prefix (043, or 04 for the whole root)."),
    click.option("--root", help="CAMEO root code (14)."),
    click.option("--plover", help="PLOVER event type (CONSULT)."),
    click.option("--quad", type=click.IntRange(1, 4), help="QuadClass 1-4."),
    click.option("--since", metavar="YYYY-MM-DD", help="Events whose date window ends on or after this day."),
    click.option("--until", metavar="YYYY-MM-DD", help="Events whose date window starts on or before this day."),
    click.option("--outlet", help="Events reported by this outlet."),
    click.option("--search", metavar="TEXT", help="Full-text search in the articles that report the event."),
    click.option("--min-articles", type=int, help="Events reported by at least this many articles."),
]


def filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(FILTER_OPTIONS):
        f = option(f)
    return f


def make_filter(**kw: Any) -> EventFilter:
    """An ``EventFilter`` from the command-line options (bad values are usage errors)."""
    dyad = None
    if kw.get("dyad"):
        parts = tuple(p.strip() for p in kw["dyad"].split(","))
        if len(parts) != 2 or not all(parts):
            raise click.BadParameter("give two actor codes separated by a comma, like RUS,UKR", param_hint="--dyad")
        dyad = parts
    try:
        return EventFilter(
            actor=kw.get("actor"), source=kw.get("source"), target=kw.get("target"), dyad=dyad,
            cameo=kw.get("cameo"), root=kw.get("root"), plover=kw.get("plover"), quad_class=kw.get("quad"),
            date_from=kw.get("since"), date_to=kw.get("until"), outlet=kw.get("outlet"),
            text=kw.get("search"), min_articles=kw.get("min_articles"),
        )
    except StoreError as e:
        raise click.UsageError(str(e)) from e
