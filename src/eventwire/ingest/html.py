"""HTML pages -> Article, with trafilatura (main text, metadata) and htmldate (date)."""

from __future__ import annotations

import trafilatura
from htmldate import find_date

from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.ingest.readers import make_article
from eventwire.types import Article


def article_from_html(
    html: str, *, config: Config, origin: str | None = None, id: str | None = None, url: str | None = None
) -> Article:
    """Extract the main text and metadata of an HTML page.

    Raises:
        InputError: nothing could be extracted.
    """
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(Errors.E009.format(origin=origin), origin=origin)
    published = extracted.date or find_date(html, url=url, original_date=True)
    return make_article(
        extracted.text,
        config=config,
        id=id,
        url=url or extracted.url,
        published=published,
        title=extracted.title,
        author=extracted.author,
        site=extracted.sitename,
        origin=origin,
    )
