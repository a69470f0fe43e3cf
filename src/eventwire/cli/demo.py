"""``eventwire demo``: store the bundled sample articles and print their events and quotes."""

from __future__ import annotations

import sys
from importlib import resources

import click
from rich.console import Console
from rich.table import Table

from eventwire.cli.common import config_option, get_config
from eventwire.cli.store_options import db_option, open_store
from eventwire.ingest import read_articles
from eventwire.types import Article
from eventwire.store import Store
from eventwire.store.pipeline import ingest


def samples_dir() -> str:
    return str(resources.files("eventwire").joinpath("data/samples"))


def print_article(console: Console, article: dict) -> None:
    """One stored article's events and quotes as two tables."""
    console.rule(f"[bold]{article['title'] or article['id']}[/] ({article['published'] or 'undated'})")
    events = Table(title=f"{len(article['events'])} event mentions", title_justify="left")
    for col in ("source", "target", "CAMEO", "PLOVER", "date", "articles", "evidence"):
        events.add_column(col, overflow="fold")
    for e in article["events"]:
        events.add_row(
            e["source_code"] or "-", e["target_code"] or "-", e["cameo"], e["plover_type"] or "-",
            e["date"] or "-", str(e["num_articles"]), e["evidence"][:90],
        )
    console.print(events)
    quotes = Table(title=f"{len(article['quotes'])} quotes", title_justify="left")
    for col in ("speaker", "actor", "kind", "text"):
        quotes.add_column(col, overflow="fold")
    for q in article["quotes"]:
        quotes.add_row(q["speaker"] or "-", q["speaker_actor"] or "-", q["kind"], q["text"][:100])
    console.print(quotes)


def sample_ids(config) -> list[str]:
    return [a.id for a in read_articles([samples_dir()], config) if isinstance(a, Article)]


@click.command()
@db_option
@config_option
def demo(db, config_path):
    """Store the bundled sample articles (default: eventwire-data/eventwire.db) and print what was found."""
    config = get_config(config_path)
    console = Console()
    with open_store(db, config) as store:
        summary = ingest([samples_dir()], store, config=config, progress=True)
        summary.print(sys.stderr, store.display)
        for article_id in sample_ids(config):
            article = store.article(article_id)
            if article is not None:
                print_article(console, article)
        print_totals(console, store)


def print_totals(console: Console, store: Store) -> None:
    counts = store.counts()
    console.print(
        f"\nThe store holds {counts['articles']} articles, {counts['events']} events "
        f"({counts['event_mentions']} mentions) and {counts['quotes']} quotes.\n"
        f"Database: [bold]{store.display}[/]\n"
        "Next: eventwire query --help, eventwire export --help",
        soft_wrap=True,
    )
