"""``eventwire watch``: poll RSS/Atom feeds and store the articles of new entries."""

from __future__ import annotations

import time

import click

from eventwire.cli.common import config_option, get_config
from eventwire.cli.store_options import db_option, open_store
from eventwire.sources.watch import PollResult
from eventwire.sources.watch import watch as run_watch


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--interval", type=click.FloatRange(min=1.0), help="Seconds between polls (default watch.interval, 900).")
@click.option("--once", is_flag=True, help="Poll each feed once and exit (for cron).")
@click.option("--no-pages", is_flag=True, help="Analyse the feeds' own entry text; fetch no article pages.")
@config_option
def watch(feeds, db, interval, once, no_pages, config_path):
    """Poll FEEDS (RSS/Atom URLs or files) and store the articles of entries not seen before.

    Seen entries are remembered in the store, so a restarted watcher does not
    redo them; entries that failed for a passing reason (network, timeout,
    HTTP 5xx) are tried again at the next poll. Stop with Ctrl-C.
    """
    config = get_config(config_path, sources__fetch_pages=False if no_pages else None)

    def report(result: PollResult) -> None:
        click.echo(f"{time.strftime('%H:%M:%S')} {result.line()}", err=True)
        for message in result.summary.failures[:5]:
            click.echo(f"  failed: {message}", err=True)

    with open_store(db, config) as store:
        click.echo(f"Watching {len(feeds)} feed(s) into {store.display}", err=True)
        try:
            results = run_watch(list(feeds), store=store, config=config, interval=interval, once=once, report=report)
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
            return
    if once and all(r.error for r in results):
        raise SystemExit(2)
