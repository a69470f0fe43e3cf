"""RSS and Atom feeds (feedparser): entries -> the articles they link to.

``feed_items`` lists a feed's entries cheaply (no page requests), each with a
stable ``key``, so ``eventwire watch`` can drop the ones it has seen before
fetching anything; ``item_article`` then fetches one entry's page.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html

from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.ingest.readers import Failure, make_article
from eventwire.sources.fetch import Fetcher, FetchError
from eventwire.sources import is_url
from eventwire.sources.web import response_article, shared_fetcher
from eventwire.types import Article

FEED_SUFFIXES = (".rss", ".atom")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed entry.

    Attributes:
        key: stable identity: the entry's id/guid, else its link, else a hash of title and text.
        feed: the feed's URL or path.
        link: the article's URL, or None.
        title: entry title.
        published: ISO date from the entry, or None.
        summary: the entry's content (or summary) as plain text.
    """

    key: str
    feed: str
    link: str | None
    title: str | None
    published: str | None
    summary: str


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: where it came from and its entries, in feed order."""

    origin: str
    title: str | None
    items: tuple[FeedItem, ...]


def is_feed_file(path: str | Path) -> bool:
    return str(path).lower().endswith(FEED_SUFFIXES)


def parse_feed(body: bytes, *, origin: str) -> Feed | Failure:
    """Parse RSS/Atom bytes. A document with no feed version and no entries is a Failure (E507)."""
    parsed = feedparser.parse(body)
    if not parsed.version and not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no RSS or Atom elements")
        return Failure(origin, Errors.E507.format(origin=origin, detail=detail))
    items = tuple(_item(entry, origin) for entry in parsed.entries)
    return Feed(origin, parsed.feed.get("title"), items)


def _item(entry, origin: str) -> FeedItem:
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    summary = _plain(html)
    link = entry.get("link") or None
    key = entry.get("id") or link
    if not key:
        key = "sha1:" + hashlib.sha1(f"{entry.get('title', '')}\n{summary}".encode()).hexdigest()
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%d", stamp) if stamp else None
    return FeedItem(str(key), origin, link, entry.get("title"), published, summary)


def _plain(html: str) -> str:
    if not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    try:
        return lxml.html.fromstring(html).text_content().strip()
    except (lxml.etree.ParserError, ValueError):
        return ""


def load_feed(source: str, config: Config, fetcher: Fetcher | None = None) -> Feed | Failure:
    """Fetch (URL) or read (file) a feed and parse it."""
    if is_url(source):
        try:
            response = (fetcher or shared_fetcher(config)).get(source)
        except FetchError as e:
            return Failure(source, str(e), source)
        return parse_feed(response.body, origin=source)
    path = Path(source)
    if not path.is_file():
        return Failure(source, Errors.E001.format(path=source))
    return parse_feed(path.read_bytes(), origin=source)


def item_article(item: FeedItem, config: Config, fetcher: Fetcher | None = None) -> Article | Failure:
    """The article behind a feed entry: its linked page, or its own text.

    The page is fetched when ``sources.fetch_pages`` is on and the entry has an
    http(s) link. The entry's date wins over the page's (a feed's date is
    structured metadata; a page's may be guessed from its text); the entry's
    title fills in when the page has none.
    """
    origin = f"{item.feed}#{item.key}"
    id = item_id(item)
    try:
        if item.link and is_url(item.link) and config.get("sources", "fetch_pages"):
            try:
                response = (fetcher or shared_fetcher(config)).get(item.link)
            except FetchError as e:
                return Failure(origin, str(e), id)
            article = response_article(response, config, origin=item.link, id=id)
            return dataclasses.replace(
                article, published=item.published or article.published, title=article.title or item.title,
            )
        if not item.summary:
            return Failure(origin, Errors.E508.format(origin=origin), id)
        return make_article(
            item.summary, config=config, id=id, url=item.link, published=item.published, title=item.title,
            origin=origin,
        )
    except InputError as e:
        return Failure(origin, str(e), id)


def item_id(item: FeedItem) -> str:
    """The article id of a feed entry, known before fetching: its link, else its key (guid)."""
    return item.link or item.key


def feed_articles(feed: Feed, config: Config, fetcher: Fetcher | None = None) -> Iterator[Article | Failure]:
    """Yield the article (or a Failure) for every entry of ``feed``, in feed order."""
    for item in feed.items:
        yield item_article(item, config, fetcher)


def read_feed(source: str, config: Config, fetcher: Fetcher | None = None) -> Iterator[Article | Failure]:
    """Yield the articles of the feed at ``source`` (a URL or a .rss/.atom file)."""
    feed = load_feed(source, config, fetcher)
    if isinstance(feed, Failure):
        yield feed
        return
    yield from feed_articles(feed, config, fetcher)
