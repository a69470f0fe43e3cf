"""Inputs beyond local text/HTML/JSONL: WARC archives, RSS/Atom feeds and URLs.

``read_articles`` (in ``eventwire.ingest``) hands anything ``handles`` accepts
to ``read_source``, so every command that takes files also takes these:

- ``*.warc`` / ``*.warc.gz``: every archived HTML page (see ``sources.warc``);
- ``*.rss`` / ``*.atom`` files and feed URLs: the article behind every entry (``sources.feeds``);
- ``http(s)://`` URLs: the page, or the feed's entries if it is a feed (``sources.web``).

Fetching is polite (``sources.fetch``): timeouts, size limits, retries with
backoff, a per-host pace and robots.txt.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # eventwire.ingest imports this package: no import cycle at run time
    from eventwire.config import Config
    from eventwire.ingest.readers import Failure
    from eventwire.types import Article

SOURCE_SUFFIXES = (".warc", ".warc.gz", ".rss", ".atom")


def is_url(given: object) -> bool:
    return isinstance(given, str) and given.lower().startswith(("http://", "https://"))


def handles(given: str | Path) -> bool:
    """Whether ``given`` is a URL, a WARC file or a feed file (rather than text/HTML/JSONL)."""
    return is_url(given) or str(given).lower().endswith(SOURCE_SUFFIXES)


def read_source(given: str | Path, config: Config) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every article in a URL, WARC file or feed file."""
    from eventwire.sources.feeds import is_feed_file, read_feed
    from eventwire.sources.warc import is_warc, read_warc
    from eventwire.sources.web import read_url

    text = str(given)
    if is_url(text):
        yield from read_url(text, config)
    elif is_warc(text):
        yield from read_warc(text, config)
    elif is_feed_file(text):
        yield from read_feed(text, config)
    else:
        raise ValueError(f"not a source eventwire.sources handles: {text}")
