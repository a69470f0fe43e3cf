"""``make_article``: cleaned text, publication date and a stable id for one input article."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.ingest.clean import clean_text
from eventwire.ingest.dateline import normalise_published
from eventwire.types import Article

log = logging.getLogger(__name__)


def content_hash(text: str) -> str:
    """sha1 hex digest of ``text`` (UTF-8)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def check_size(text: str, *, config: Config, origin: str | None) -> None:
    """Refuse a text over ``ingest.max_text_bytes`` (UTF-8 bytes).

    Raises:
        InputError: E008.
    """
    limit = int(config.get("ingest", "max_text_bytes"))
    # a character is at most 4 bytes: skip the encode for the common short case
    if len(text) * 4 <= limit:
        return
    size = len(text.encode("utf-8"))
    if size > limit:
        raise InputError(Errors.E008.format(origin=origin, size=size, limit=limit), origin=origin)


def stable_id(id: Any, url: str | None, digest: str) -> str:
    """The input's id, else the URL, else ``sha1:<hash of the cleaned text>``."""
    if id is not None and str(id).strip():
        return str(id)
    if url:
        return url
    return f"sha1:{digest}"


def _published(published: Any, origin: str | None) -> str | None:
    if published is None or published == "":
        return None
    iso = normalise_published(published)
    if iso is None:
        log.warning(Errors.E016.format(origin=origin, value=published))
    return iso


def make_article(
    text: str,
    *,
    config: Config,
    id: str | None = None,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    author: str | None = None,
    site: str | None = None,
    origin: str | None = None,
    extra: dict[str, Any] | None = None,
    one_per_line: bool = False,
) -> Article:
    """Clean ``text`` and wrap it as an ``Article``.

    Args:
        text: the article as given (plain text) or as extracted (HTML); kept as ``raw_text``.
        config: settings (``ingest.max_text_bytes``, ``ingest.strip_boilerplate``).
        id, url, published, title, author, site: metadata from the input, when known.
        origin: ``path`` or ``path:line``, for messages.
        extra: other input fields, kept as they are.
        one_per_line: each line of ``text`` is a paragraph (text extracted from HTML).

    Returns:
        The ``Article``.

    Raises:
        InputError: the text is empty (E003), over the size limit (E008), or only
            boilerplate (E020).
    """
    check_size(text, config=config, origin=origin)
    if not text.strip():
        raise InputError(Errors.E003.format(origin=origin), origin=origin)
    cleaned = clean_text(
        text, strip_boilerplate=bool(config.get("ingest", "strip_boilerplate")), one_per_line=one_per_line
    )
    if not cleaned.text.strip():
        example = cleaned.dropped[0] if cleaned.dropped else ""
        raise InputError(
            Errors.E020.format(origin=origin, n=len(cleaned.dropped), example=example), origin=origin
        )
    iso = _published(published, origin)
    if iso is None and cleaned.dateline is not None:
        iso = cleaned.dateline.published
    digest = content_hash(cleaned.text)
    return Article(
        id=stable_id(id, url, digest),
        text=cleaned.text,
        raw_text=text,
        offsets=cleaned.offsets,
        published=iso,
        title=title,
        url=url,
        author=author,
        site=site,
        origin=origin,
        content_hash=digest,
        extra=extra or {},
    )
