"""URLs as inputs: a page becomes an Article, a feed becomes its entries' articles."""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.ingest.readers import Failure, make_article
from eventwire.sources.fetch import Fetcher, FetchError, FetchSettings, Response
from eventwire.types import Article

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/feed+xml",
}
TEXT_TYPES = {"text/plain"}
GENERIC_XML = {"application/xml", "text/xml"}


_FETCHERS: dict[FetchSettings, Fetcher] = {}


def shared_fetcher(config: Config) -> Fetcher:
    """One Fetcher per settings per process, so host pacing and robots.txt apply across inputs."""
    settings = FetchSettings.from_config(config)
    if settings not in _FETCHERS:
        _FETCHERS[settings] = Fetcher(config)
    return _FETCHERS[settings]


def looks_like_feed(response: Response) -> bool:
    """By media type, or by the root tag for servers that say text/xml, text/plain or nothing."""
    if response.content_type in FEED_TYPES - GENERIC_XML:
        return True
    if response.content_type in HTML_TYPES:
        return False
    head = response.body[:1024].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def response_article(
    response: Response, config: Config, *, origin: str | None = None, id: str | None = None
) -> Article:
    """Turn a fetched page into an Article.

    Raises:
        InputError: not HTML or plain text (E504), or no text could be extracted.
    """
    origin = origin or response.url
    if response.content_type in HTML_TYPES or (
        not response.content_type and response.body[:1024].lstrip().lower().startswith((b"<!doctype", b"<html"))
    ):
        from eventwire.ingest.html import article_from_html

        return article_from_html(response.text(), config=config, origin=origin, id=id, url=response.final_url)
    if response.content_type in TEXT_TYPES:
        return make_article(response.text(), config=config, id=id, url=response.final_url, origin=origin)
    message = Errors.E504.format(url=response.url, content_type=response.content_type or "none")
    raise InputError(message, origin=origin)


def read_url(url: str, config: Config, fetcher: Fetcher | None = None) -> Iterator[Article | Failure]:
    """Yield the article at ``url``, or one article per entry if ``url`` is a feed."""
    fetcher = fetcher or shared_fetcher(config)
    try:
        response = fetcher.get(url)
    except FetchError as e:
        yield Failure(url, str(e), url)
        return
    if looks_like_feed(response):
        from eventwire.sources.feeds import feed_articles, parse_feed

        parsed = parse_feed(response.body, origin=url)
        if isinstance(parsed, Failure):
            yield parsed
            return
        yield from feed_articles(parsed, config, fetcher)
        return
    try:
        yield response_article(response, config, origin=url)
    except InputError as e:
        yield Failure(url, str(e), url)
