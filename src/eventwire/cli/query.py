"""``eventwire query``: filter the stored events and print them as a table, CSV or JSON."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from eventwire.cli.common import config_option, get_config
from eventwire.cli.store_options import db_option, filter_options, make_filter, open_store
from eventwire.store.formats import write_csv
from eventwire.store.query import EVENT_COLUMNS

TABLE_COLUMNS = [
    ("id", "id"), ("date", "date"), ("source", "source_code"), ("target", "target_code"), ("CAMEO", "cameo"),
    ("PLOVER", "plover_type"), ("quad", "quad_class"), ("Goldstein", "goldstein"), ("mentions", "num_mentions"),
    ("articles", "num_articles"), ("sources", "num_sources"),
]


def print_table(rows: list[dict], total: int, console: Console) -> None:
    table = Table(title=f"{len(rows)} of {total} events", title_justify="left")
    for header, _ in TABLE_COLUMNS:
        table.add_column(header, overflow="fold")
    for row in rows:
        cells = [row[key] for _, key in TABLE_COLUMNS]
        cells[1] = row["date"] or (f"~{row['window_start']}" if row["window_start"] else "-")
        table.add_row(*("-" if c is None else str(c) for c in cells))
    console.print(table)


@click.command()
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many events first (paging).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@db_option
@config_option
def query(limit, offset, fmt, db, config_path, **filters):
    """Print stored events that match the filters, latest date first.

    Each event is counted once however many articles report it; `mentions`,
    `articles` and `sources` say how often, by how many articles and outlets.
    """
    config = get_config(config_path)
    event_filter = make_filter(**filters)
    with open_store(db, config) as store:
        rows = store.events(event_filter, limit=limit, offset=offset)
        if fmt == "json":
            click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        elif fmt == "csv":
            write_csv(rows, [c.name for c in EVENT_COLUMNS], sys.stdout)
        else:
            print_table(rows, store.count_events(event_filter), Console())
