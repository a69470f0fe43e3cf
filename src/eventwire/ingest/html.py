"""HTML pages -> Article, with trafilatura (main text, metadata) and htmldate (date fallback).

The article's ``raw_text`` is the text trafilatura extracted (CONTRACT.md: for
an HTML file, offsets point into the extracted text); eventwire's boilerplate
cleaning then runs on it like on plain text, one paragraph a line.
"""

from __future__ import annotations

import logging

import trafilatura
from htmldate import find_date

from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.ingest.article import make_article
from eventwire.ingest.dateline import normalise_published
from eventwire.types import Article

log = logging.getLogger(__name__)


def extract_html(html: str, *, url: str | None = None) -> trafilatura.settings.Document | None:
    """trafilatura's main text and metadata for a page, or None when it finds no text.

    Comments and tables are left out: reader comments are not the article, and
    tables are rarely prose eventwire could code.
    """
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
    )


def html_date(html: str | bytes, *, url: str | None = None) -> str | None:
    """htmldate's publication date for a page (original, not last-modified), ISO or None."""
    try:
        return find_date(html, url=url, original_date=True, extensive_search=True)
    except ValueError:  # htmldate raises on some malformed input instead of returning None
        return None


def article_from_html(
    html: str,
    *,
    config: Config,
    origin: str | None = None,
    id: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Article:
    """Extract the main text and metadata of an HTML page and clean it.

    Args:
        html: the page.
        config: settings.
        origin: ``path`` or ``path:line``, for messages.
        id, url, published: known from the input; they win over what the page says.

    Raises:
        InputError: nothing could be extracted (E009), or what ``make_article`` raises.
    """
    if not html.strip():
        raise InputError(Errors.E003.format(origin=origin), origin=origin)
    return article_from_document(
        extract_html(html, url=url), html, config=config, origin=origin, id=id, url=url, published=published
    )


def article_from_document(
    doc: trafilatura.settings.Document | None,
    html: str,
    *,
    config: Config,
    origin: str | None = None,
    id: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Article:
    """``article_from_html`` once trafilatura has run (``doc`` from ``extract_html``).

    The date is the input's, else htmldate's (original publication date,
    extensive search), else trafilatura's, else a dateline in the text.
    """
    if doc is None or not (doc.text or "").strip():
        raise InputError(Errors.E009.format(origin=origin), origin=origin)
    # htmldate with extensive search first: on htmldate's 1,000-page set it is right
    # more often than the date trafilatura's metadata step returns (see docs/ingest.md)
    date = published or html_date(html, url=url) or normalise_published(doc.date)
    return make_article(
        doc.text,
        config=config,
        id=id,
        url=url or doc.url,
        published=date,
        title=doc.title,
        author=doc.author,
        site=doc.sitename,
        origin=origin,
        one_per_line=True,
    )
