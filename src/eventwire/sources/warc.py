"""WARC and WARC.gz archives (as written by crawlers, Common Crawl's CC-NEWS, wget --warc-file).

Every HTML page the archive holds (a ``response`` record with HTTP 200, or a
``resource`` record) becomes an ``Article`` through the HTML reader; other
records (requests, metadata, images, scripts, redirects) are not articles and
are passed over. The file is streamed record by record, so its size does not
matter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.config import Config
from eventwire.errors import Errors, InputError
from eventwire.ingest.readers import Failure
from eventwire.types import Article

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One archived HTML page, before extraction.

    Attributes:
        url: WARC-Target-URI.
        html: the decoded payload.
        origin: ``path@offset`` of the record (``warcio extract PATH OFFSET`` shows it).
        crawled: WARC-Date (when it was archived, not when it was published).
    """

    url: str | None
    html: str
    origin: str
    crawled: str | None


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def iter_pages(path: str | Path, *, max_bytes: int) -> Iterator[WarcPage | Failure]:
    """Yield every HTML page in the archive at ``path``, streaming.

    A damaged archive yields a ``Failure`` (E509) after the pages read before the damage.
    """
    origin = str(path)
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                page = _page(record, max_bytes)
                if page is not None:
                    # the offset is known once the record is read (warcio reads to its end)
                    yield page(f"{origin}@{records.get_record_offset()}")
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
            yield Failure(origin, Errors.E509.format(origin=origin, detail=str(e).strip() or type(e).__name__))


def _html_type(record) -> str | None:
    """The Content-Type of ``record`` if it holds an HTML page (HTTP 200 response or resource), else None."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    return content_type if content_type.split(";")[0].strip().lower() in HTML_TYPES else None


def _page(record, max_bytes: int) -> Callable[[str], WarcPage | Failure] | None:
    """None if ``record`` is not a page; else a function of the record's origin giving the page
    (or a Failure if it is too large)."""
    content_type = _html_type(record)
    if content_type is None:
        return None
    body = record.content_stream().read(max_bytes + 1)
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date")
    if len(body) > max_bytes:
        return lambda origin: Failure(origin, Errors.E503.format(url=url or origin, limit=max_bytes), url)
    html = _decode(body, content_type)
    return lambda origin: WarcPage(url, html, origin, crawled)


def _decode(body: bytes, content_type: str) -> str:
    charset = None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def page_article(page: WarcPage, config: Config) -> Article | Failure:
    """Extract the article from an archived page (or say why not)."""
    from eventwire.ingest.html import article_from_html

    try:
        return article_from_html(page.html, config=config, origin=page.origin, url=page.url)
    except InputError as e:
        return Failure(page.origin, str(e), page.url)


def read_warc(path: str | Path, config: Config) -> Iterator[Article | Failure]:
    """Yield an Article (or a Failure) for every HTML page in a WARC / WARC.gz file."""
    max_bytes = int(config.get("sources", "max_bytes"))
    for item in iter_pages(path, max_bytes=max_bytes):
        yield item if isinstance(item, Failure) else page_article(item, config)


def count_pages(path: str | Path) -> int:
    """Count the HTML pages in a WARC file without decoding them (for progress totals)."""
    n = 0
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                n += _html_type(record) is not None
        except (ArchiveLoadFailed, OSError, EOFError, ValueError):
            n += 1  # the damage is reported as one Failure
    return n
