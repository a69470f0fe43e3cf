"""The ``eventwire`` command: a thin click layer over importable functions.

Each subcommand lives in its own module and only parses, validates and calls.
"""

from __future__ import annotations

import logging

import click

from eventwire import __version__
from eventwire.cli.actors import actors
from eventwire.cli.demo import demo
from eventwire.cli.export import export
from eventwire.cli.extract import extract
from eventwire.cli.ingest import ingest
from eventwire.cli.query import query
from eventwire.cli.run import run_command
from eventwire.cli.serve import serve
from eventwire.cli.watch import watch

# Exit codes (docs/cli.md): 0 all articles succeeded, 1 some failed, 2 nothing
# was processed or the command line was wrong (click's own usage errors are 2 too).
EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """eventwire: news articles in, coded political events and attributed quotes out."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


main.add_command(actors)
main.add_command(demo)
main.add_command(extract)
main.add_command(ingest)
main.add_command(query)
main.add_command(export)
main.add_command(run_command)  # issue 8
main.add_command(watch)  # issue 8
main.add_command(serve)
