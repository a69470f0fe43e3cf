"""``eventwire run``: analyse INPUTS on all cores (``--engine local``) or on Ray (``--engine ray``)."""

from __future__ import annotations

import sys

import click

from eventwire.cli.common import config_option, exit_code, get_config
from eventwire.cli.store_options import db_option, open_store
from eventwire.engines.run import RunRequest, run
from eventwire.errors import EventwireError


def workers_option(f):
    return click.option(
        "-w", "--workers", type=click.IntRange(min=0), default=None,
        help="Worker processes (Ray: actors); 0 = one per CPU core (default: engine.workers, 0).",
    )(f)


@click.command(name="run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: processes on this machine; ray: Ray Data on a local or existing Ray cluster.")
@workers_option
@click.option("-o", "--output-dir", type=click.Path(file_okay=False),
              help="Write one Parquet row per article into shards here.")
@db_option
@click.option("--address", help="Ray address: '' local, 'auto', or ray://HOST:10001 (default engine.ray_address).")
@click.option("--unordered", is_flag=True, help="Local engine: write results as workers finish, not in input order.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on standard error.")
@config_option
def run_command(inputs, engine, workers, output_dir, db, address, unordered, quiet, config_path):
    """Analyse INPUTS (files, folders, WARC, feeds, URLs; Parquet with --engine ray) at scale.

    Results go to the store (--db, default eventwire-data/eventwire.db) and/or to
    Parquet shards (--output-dir); with only --output-dir nothing is stored.
    Articles already done (same content hash in the store, or in the shards of
    --output-dir) are skipped, so an interrupted run resumes where it stopped.
    Exit code 0 when every article succeeded, 1 when some failed, 2 when none did.
    """
    config = get_config(config_path)
    request = RunRequest(
        inputs=list(inputs), engine=engine, workers=workers, output_dir=output_dir,
        ordered=False if unordered else None, address=address, progress=not quiet,
    )
    store = open_store(db, config) if db or not output_dir else None
    try:
        summary = run(request, config=config, store=store)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    finally:
        if store is not None:
            store.close()
    if not quiet:
        summary.print(sys.stderr, command="run")
        if store is not None:
            click.echo(f"Database: {store.display}", err=True)
        if output_dir:
            click.echo(f"Parquet shards: {output_dir}", err=True)
    sys.exit(exit_code(summary.done + summary.skipped, summary.failed))
