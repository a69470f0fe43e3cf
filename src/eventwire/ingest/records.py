"""JSON records (JSONL lines, .json files) -> Article: the fields eventwire recognises."""

from __future__ import annotations

import logging
from typing import Any

from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.ingest.article import make_article
from eventwire.types import Article

log = logging.getLogger(__name__)

# Recognised fields, each with the aliases accepted for it (docs/ingest.md, "JSONL").
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "text": ("text",),
    "html": ("html",),
    "published": ("published", "date"),
    "title": ("title",),
    "url": ("url",),
    "author": ("author",),
    "site": ("site", "sitename"),
}
_KNOWN = {alias for aliases in FIELDS.values() for alias in aliases}


def _field(obj: dict[str, Any], name: str) -> Any:
    for alias in FIELDS[name]:
        if obj.get(alias) is not None:
            return obj[alias]
    return None


def _string(obj: dict[str, Any], name: str, origin: str) -> str | None:
    value = _field(obj, name)
    if value is None or isinstance(value, str):
        return value or None
    log.warning(Errors.E017.format(origin=origin, field=name, type=type(value).__name__))
    return None


def record_id(obj: dict[str, Any]) -> str | None:
    """The record's ``id`` as a string (numbers are accepted), or None."""
    value = obj.get("id")
    if value is None or isinstance(value, (dict, list)) or str(value).strip() == "":
        return None
    return str(value)


def article_from_record(obj: dict[str, Any], origin: str, config: Config) -> Article:
    """Turn one JSON object into an Article.

    ``text`` is the article; without it, ``html`` is extracted as a web page.

    Raises:
        InputError: no ``text``/``html`` (E007), a non-string ``text`` (E010), or
            any problem ``make_article`` reports.
    """
    text = obj.get("text")
    meta = {name: _string(obj, name, origin) for name in ("url", "published", "title", "author", "site")}
    if text is None and isinstance(obj.get("html"), str):
        from eventwire.ingest.html import article_from_html

        return article_from_html(
            obj["html"],
            config=config,
            origin=origin,
            id=record_id(obj),
            url=meta["url"],
            published=meta["published"],
        )
    if text is None:
        raise InputError(Errors.E007.format(origin=origin), origin=origin)
    if not isinstance(text, str):
        raise InputError(Errors.E010.format(origin=origin, type=type(text).__name__), origin=origin)
    return make_article(
        text,
        config=config,
        id=record_id(obj),
        origin=origin,
        extra={k: v for k, v in obj.items() if k not in _KNOWN},
        **meta,
    )
