"""``eventwire serve``: the REST API and web UI over a store."""

from __future__ import annotations

import click

from eventwire.cli.common import config_option, get_config
from eventwire.errors import Errors, EventwireError


@click.command()
@click.option("--db", help="Database URL or SQLite file (default: config store.db, $EVENTWIRE_DB, "
                           "or eventwire-data/eventwire.db).")
@click.option("--host", help="Address to listen on (default 127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port to listen on (default 8000).")
@config_option
def serve(db, host, port, config_path):
    """Serve the store as a JSON API (/api, documented at /docs) and a web UI (/)."""
    import uvicorn

    from eventwire.api import create_app
    from eventwire.store import Store

    config = get_config(config_path, api__host=host, api__port=port)
    try:
        store = Store.open(db, config)
    except EventwireError as e:
        raise click.ClickException(Errors.E413.format(detail=e)) from e
    host, port = config.get("api", "host"), int(config.get("api", "port"))
    click.echo(f"eventwire: serving {store.display} on http://{host}:{port}/ (API docs: /docs); Ctrl-C stops.",
               err=True)
    try:
        uvicorn.run(create_app(store, config), host=host, port=port, log_level="info")
    finally:
        store.close()
