"""Readers for plain text, HTML and JSONL files (and folders of them)."""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire import sources
from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.types import Article, OffsetMap

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become an article: where, why, and its id if known."""

    origin: str
    message: str
    id: str | None = None


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


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
) -> Article:
    """Clean ``text`` and wrap it as an ``Article``.

    Raises:
        InputError: the text is empty or over the size limit.
    """
    raw = unicodedata.normalize("NFC", text)
    limit = int(config.get("ingest", "max_text_bytes"))
    size = len(raw.encode("utf-8"))
    if size > limit:
        raise InputError(Errors.E008.format(origin=origin, size=size, limit=limit), origin=origin)
    if not raw.strip():
        raise InputError(Errors.E003.format(origin=origin), origin=origin)
    cleaned, offsets = raw, OffsetMap.identity(len(raw))
    digest = content_hash(cleaned)
    return Article(
        id=str(id) if id not in (None, "") else (url or f"sha1:{digest}"),
        text=cleaned,
        raw_text=raw,
        offsets=offsets,
        published=published,
        title=title,
        url=url,
        author=author,
        site=site,
        origin=origin,
        content_hash=digest,
        extra=extra or {},
    )


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*")
            if p.is_file() and (p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES or sources.handles(p))
        )
    return [path]


def read_articles(paths: Iterable[str | Path], config: Config) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every article in ``paths``, in order."""
    for given in paths:
        if sources.is_url(given):  # WARC, feeds and URLs: eventwire.sources (issue 8)
            yield from sources.read_source(given, config)
            continue
        path = Path(given)
        if not path.exists():
            yield Failure(str(path), Errors.E001.format(path=path))
            continue
        files = _files(path)
        if not files:
            yield Failure(str(path), Errors.E002.format(path=path))
            continue
        for file in files:
            yield from _read_file(file, config)


def _read_file(file: Path, config: Config) -> Iterator[Article | Failure]:
    if sources.handles(file):
        yield from sources.read_source(file, config)
        return
    data = file.read_bytes()
    origin = str(file)
    if b"\x00" in data:
        yield Failure(origin, Errors.E004.format(origin=origin))
        return
    text = data.decode("utf-8", errors="replace")
    suffix = file.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin, config)
        return
    try:
        if suffix in HTML_SUFFIXES:
            from eventwire.ingest.html import article_from_html

            yield article_from_html(text, config=config, origin=origin)
        else:
            yield make_article(text, config=config, id=file.stem, origin=origin)
    except InputError as e:
        yield Failure(origin, str(e), file.stem)


def _read_jsonl(text: str, origin: str, config: Config) -> Iterator[Article | Failure]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(where, Errors.E006.format(origin=where, detail=e.msg))
            continue
        if not isinstance(obj, dict):
            yield Failure(where, Errors.E014.format(origin=where, type=type(obj).__name__))
            continue
        try:
            yield _article_from_record(obj, where, config)
        except InputError as e:
            yield Failure(where, str(e), _id_of(obj))


def _id_of(obj: dict[str, Any]) -> str | None:
    value = obj.get("id")
    return None if value is None else str(value)


def _article_from_record(obj: dict[str, Any], where: str, config: Config) -> Article:
    text = obj.get("text")
    if text is None and isinstance(obj.get("html"), str):
        from eventwire.ingest.html import article_from_html

        return article_from_html(obj["html"], config=config, origin=where, id=_id_of(obj), url=obj.get("url"))
    if text is None:
        raise InputError(Errors.E007.format(origin=where), origin=where)
    if not isinstance(text, str):
        raise InputError(Errors.E010.format(origin=where, type=type(text).__name__), origin=where)
    known = {"id", "text", "published", "title", "url", "author", "site"}
    return make_article(
        text,
        config=config,
        id=_id_of(obj),
        url=obj.get("url"),
        published=obj.get("published"),
        title=obj.get("title"),
        author=obj.get("author"),
        site=obj.get("site"),
        origin=where,
        extra={k: v for k, v in obj.items() if k not in known},
    )
