"""``eventwire extract``: articles in, one JSON line of events and quotes per article out."""

from __future__ import annotations

import sys

import click

from eventwire.cli.common import config_option, exit_code, get_config
from eventwire.extract import ExtractSummary, extract_to


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write JSONL here (default: standard output).")
@click.option("--with-text", is_flag=True, help="Add the cleaned article text to each line as 'text'.")
@click.option("--max-text-bytes", type=int, help="Refuse articles whose text is longer (default 2,000,000).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on standard error.")
@config_option
def extract(inputs, output, with_text, max_text_bytes, quiet, config_path):
    """Extract events and quotes from INPUTS (JSONL, text or HTML files, or folders).

    Writes one JSON object per article, in input order, as CONTRACT.md defines;
    an article that fails still gets its line, with an "error" field.
    """
    config = get_config(config_path, ingest__max_text_bytes=max_text_bytes)
    summary: ExtractSummary = extract_to(
        inputs, output, config=config, with_text=with_text, progress=not quiet
    )
    if not quiet:
        summary.print(sys.stderr)
    sys.exit(exit_code(summary.done, summary.failed))
