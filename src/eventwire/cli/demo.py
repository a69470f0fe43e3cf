"""``eventwire demo``: analyse the bundled sample articles and print what was found."""

from __future__ import annotations

from importlib import resources

import click
from rich.console import Console
from rich.table import Table

from eventwire.analyze import Analyzer
from eventwire.cli.common import config_option, get_config
from eventwire.ingest import Failure, read_articles
from eventwire.types import Analysis


def samples_dir() -> str:
    return str(resources.files("eventwire").joinpath("data/samples"))


def print_analysis(console: Console, analysis: Analysis) -> None:
    article = analysis.article
    console.rule(f"[bold]{article.title or article.id}[/] ({article.published or 'undated'})")
    events = Table(title=f"{len(analysis.events)} events", show_lines=False)
    for col in ("source", "target", "CAMEO", "PLOVER", "date", "evidence"):
        events.add_column(col, overflow="fold")
    for e in analysis.events:
        events.add_row(
            e.source.code if e.source else "-", e.target.code if e.target else "-",
            e.cameo, e.plover_type or "-", e.date or "-", e.evidence[:90],
        )
    console.print(events)
    quotes = Table(title=f"{len(analysis.quotes)} quotes")
    for col in ("speaker", "actor", "kind", "text"):
        quotes.add_column(col, overflow="fold")
    for q in analysis.quotes:
        quotes.add_row(q.speaker or "-", q.speaker_actor or "-", q.kind, q.text[:100])
    console.print(quotes)


@click.command()
@config_option
def demo(config_path):
    """Analyse the bundled sample articles and print their events and quotes."""
    config = get_config(config_path)
    console = Console()
    analyzer = Analyzer(config)
    for item in analyzer.analyze_stream(read_articles([samples_dir()], config)):
        if isinstance(item, Failure):
            console.print(f"[red]failed[/] {item.message}")
        else:
            print_analysis(console, item)
