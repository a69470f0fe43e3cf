"""``eventwire actors``: show each actor mention in a text, its code, agent type, and why."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from eventwire.analyze import Analyzer
from eventwire.cli.common import config_option, get_config
from eventwire.errors import InputError
from eventwire.ingest import make_article


@click.command()
@click.argument("text", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False), help="Read the text from a file.")
@click.option("--date", "published", help="Publication date (YYYY-MM-DD): offices are resolved as of this day.")
@click.option("--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor dictionary (YAML or PETRARCH .txt); repeatable.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per mention instead of a table.")
@config_option
def actors(text, file, published, dictionaries, as_json, config_path):
    """Print each actor mention in TEXT (or --file), its code, agent type, and why."""
    if (text is None) == (file is None):
        raise click.UsageError("give either TEXT or --file FILE")
    if file:
        text = Path(file).read_text(encoding="utf-8", errors="replace")
    config = get_config(config_path)
    if dictionaries:
        extra = list(config.get("actors", "dictionaries")) + list(dictionaries)
        config = config.with_values(actors__dictionaries=extra)
    try:
        article = make_article(text, config=config, published=published, origin=file or "<text>")
    except InputError as e:
        raise click.UsageError(str(e)) from e
    analysis = Analyzer(config).analyze_one(article)
    if as_json:
        for actor in analysis.actors:
            print(json.dumps({"text": actor.text, "start": actor.start, "end": actor.end, "code": actor.code,
                              "agent": actor.agent, "kind": actor.kind, "name": actor.name,
                              "reason": actor.reason}, ensure_ascii=False))
        return
    table = Table(title=f"{len(analysis.actors)} actor mentions")
    for col in ("mention", "chars", "code", "agent", "kind", "name", "why"):
        table.add_column(col, overflow="fold")
    for actor in analysis.actors:
        table.add_row(actor.text, f"{actor.start}-{actor.end}", actor.code or "-", actor.agent or "-",
                      actor.kind, actor.name, actor.reason)
    Console(file=sys.stdout).print(table)
