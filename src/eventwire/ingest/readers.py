"""Readers for plain text, HTML and JSON/JSONL files, and folders of them.

``read_articles`` yields an ``Article`` for every readable article and a
``Failure`` (naming the file and line) for every one that is not, in input
order, so one bad input never stops a batch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire import sources
from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.ingest.article import make_article
from eventwire.ingest.decode import decode, decode_html, looks_binary
from eventwire.ingest.records import article_from_record, record_id
from eventwire.types import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
# HTML pages may be much bigger than their text; refuse pages beyond this many
# times ``max_text_bytes`` unread (E018) rather than parse them.
HTML_SIZE_FACTOR = 10


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become an article: where, why, and its id if known."""

    origin: str
    message: str
    id: str | None = None


def find_files(path: Path) -> list[Path]:
    """The article files in a folder (recursively, sorted, hidden ones skipped), or ``[path]``.

    In a folder only the suffixes in ``ARTICLE_SUFFIXES`` count (so a README.md
    is not an article); a file named on its own is read whatever its suffix.
    """
    if not path.is_dir():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and (p.suffix.lower() in ARTICLE_SUFFIXES or sources.handles(p))
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def read_articles(paths: Iterable[str | Path], config: Config) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every article in ``paths``, in order.

    Args:
        paths: files or folders (text, HTML, JSONL, JSON).
        config: settings.
    """
    for given in paths:
        if sources.is_url(given):  # WARC, feeds and URLs: eventwire.sources (issue 8)
            yield from sources.read_source(given, config)
            continue
        path = Path(given)
        if not path.exists():
            yield Failure(str(path), Errors.E001.format(path=path))
            continue
        files = find_files(path)
        if not files:
            yield Failure(str(path), Errors.E002.format(path=path))
            continue
        for file in files:
            yield from read_file(file, config)


def _kind(file: Path, head: bytes) -> str:
    suffix = file.suffix.lower()
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES)):
        if suffix in suffixes:
            return kind
    if suffix in JSON_SUFFIXES:
        return "json"
    start = head.lstrip()[:200].lower()  # a file named on the command line with another suffix
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "html"
    return "jsonl" if start.startswith(b"{") else "text"


def read_file(file: Path, config: Config) -> Iterator[Article | Failure]:
    """Yield the article(s) in one file, or a Failure for each that cannot be read."""
    if sources.handles(file):  # WARC archives and saved feeds: eventwire.sources (issue 8)
        yield from sources.read_source(file, config)
        return
    origin = str(file)
    try:
        with file.open("rb") as f:
            head = f.read(4096)
    except OSError as e:
        yield Failure(origin, Errors.E019.format(origin=origin, detail=e.strerror or e))
        return
    if looks_binary(head):
        yield Failure(origin, Errors.E004.format(origin=origin))
        return
    kind = _kind(file, head)
    if kind == "jsonl":
        yield from _read_jsonl(file, origin, config)
        return
    try:
        data = _read_bytes(file, kind, config)
        if kind == "json":
            yield from _read_json(data, file, origin, config)
        elif kind == "html":
            from eventwire.ingest.html import article_from_html

            yield article_from_html(decode_html(data, origin), config=config, origin=origin)
        else:
            yield make_article(decode(data, origin), config=config, origin=origin)
    except InputError as e:
        yield Failure(origin, str(e))


def _read_bytes(file: Path, kind: str, config: Config) -> bytes:
    limit = int(config.get("ingest", "max_text_bytes"))
    size = file.stat().st_size
    origin = str(file)
    if size == 0:
        raise InputError(Errors.E003.format(origin=origin), origin=origin)
    if kind == "text" and size > limit + 3:  # a text file's bytes are its text (+ a BOM)
        raise InputError(Errors.E008.format(origin=origin, size=size, limit=limit), origin=origin)
    if kind != "text" and size > limit * HTML_SIZE_FACTOR:
        raise InputError(
            Errors.E018.format(origin=origin, size=size, limit=limit * HTML_SIZE_FACTOR), origin=origin
        )
    return file.read_bytes()


def _record(obj: Any, where: str, config: Config) -> Article | Failure:
    if not isinstance(obj, dict):
        return Failure(where, Errors.E014.format(origin=where, type=type(obj).__name__))
    try:
        return article_from_record(obj, where, config)
    except InputError as e:
        return Failure(where, str(e), record_id(obj))


def _read_jsonl(file: Path, origin: str, config: Config) -> Iterator[Article | Failure]:
    """One article per line; a bad line is a Failure naming ``file:line``, the rest go on."""
    offset = 0
    found = False
    with file.open("rb") as f:
        for n, data in enumerate(f, 1):
            where = f"{origin}:{n}"
            start, offset = offset, offset + len(data)
            if not data.strip():
                continue
            found = True
            try:
                line = decode(data, where, base=start)
            except InputError as e:
                yield Failure(where, str(e))
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield Failure(where, Errors.E006.format(origin=where, detail=f"{e.msg} at column {e.colno}"))
                continue
            yield _record(obj, where, config)
    if not found:
        yield Failure(origin, Errors.E003.format(origin=origin))


def _read_json(data: bytes, file: Path, origin: str, config: Config) -> Iterator[Article | Failure]:
    """A .json file: one object, a list of objects, or (failing those) JSON Lines."""
    text = decode(data, origin)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        yield from _read_jsonl(file, origin, config)
        return
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield _record(item, f"{origin}[{i}]", config)
    else:
        yield _record(obj, origin, config)
