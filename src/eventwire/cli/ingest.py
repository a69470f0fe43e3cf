"""``eventwire ingest``: analyse articles and store them (resumable: stored articles are skipped)."""

from __future__ import annotations

import sys

import click

from eventwire.cli.common import config_option, exit_code, get_config
from eventwire.cli.run import workers_option
from eventwire.cli.store_options import db_option, open_store
from eventwire.engines import LocalEngine
from eventwire.store.pipeline import ingest as run_ingest


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--max-text-bytes", type=int, help="Refuse articles whose text is longer (default 2,000,000).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on standard error.")
@workers_option
@config_option
def ingest(inputs, db, max_text_bytes, quiet, workers, config_path):
    """Analyse INPUTS (JSONL, text or HTML files, or folders) and store the results.

    Articles already stored with the same id and text are skipped before analysis,
    so an interrupted run can simply be started again. A changed article (same id,
    new text) replaces its events and quotes. Exit code 0 when every article is
    stored, 1 when some failed, 2 when none could be processed.
    """
    config = get_config(config_path, ingest__max_text_bytes=max_text_bytes)
    with open_store(db, config) as store:
        if not quiet:
            click.echo(f"Storing into {store.display}", err=True)
        analyze = LocalEngine(config, workers=workers, records=True).run  # issue 8: all cores
        summary = run_ingest(inputs, store, config=config, progress=not quiet, analyze=analyze)
        if not quiet:
            summary.print(sys.stderr, store.display)
    sys.exit(exit_code(summary.done, summary.failed))
