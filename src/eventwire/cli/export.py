"""``eventwire export``: write stored events (or mentions, quotes, articles, actors) to a file."""

from __future__ import annotations

import click

from eventwire.cli.common import config_option, get_config
from eventwire.cli.store_options import db_option, filter_options, make_filter, open_store
from eventwire.errors import StoreError
from eventwire.store.export import SCHEMAS, TABLES, export as run_export
from eventwire.store.formats import FORMATS


@click.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--schema", type=click.Choice(SCHEMAS), default="eventwire", show_default=True,
              help="Columns for events: eventwire's, GDELT 2.0-like, or PLOVER JSON records (jsonl only).")
@click.option("--table", type=click.Choice(TABLES), default="events", show_default=True, help="What to export.")
@filter_options
@db_option
@config_option
def export(output, fmt, schema, table, db, config_path, **filters):
    """Export the store to CSV, JSON Lines or Parquet (filters apply to events and mentions)."""
    config = get_config(config_path)
    event_filter = make_filter(**filters)
    with open_store(db, config) as store:
        try:
            summary = run_export(store, output, fmt=fmt, schema=schema, table=table, filters=event_filter)
        except StoreError as e:
            raise click.UsageError(str(e)) from e
    click.echo(f"Wrote {summary.rows} {table} rows to {output} ({fmt}, {schema} schema).", err=True)
    for note in summary.notes:
        click.echo(note, err=True)
