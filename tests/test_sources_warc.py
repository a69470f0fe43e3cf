"""WARC / WARC.gz inputs, written in the test with warcio from the fixture articles."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.engines.run import RunRequest, run
from eventwire.ingest import Failure, read_articles
from eventwire.sources.warc import count_pages, read_warc
from eventwire.types import Article

GOLD = Path(__file__).parent / "fixtures" / "gold"


def gold_articles() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def page(article: dict, n: int, keep: int | None = None) -> bytes:
    kept = [p for p in article["text"].split("\n\n") if p.strip()][:keep]
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in kept)
    return (
        f"<!doctype html><html><head><title>{article['id']} #{n}</title>"
        f'<meta property="article:published_time" content="{article["published"]}"></head><body>'
        f"<nav>Menu</nav><article><h1>Report {n}</h1><p>Dispatch number {n}.</p>{paragraphs}</article>"
        "</body></html>"
    ).encode()


def record(writer: WARCWriter, url: str, kind: str, body: bytes, headers: StatusAndHeaders | None = None):
    """A WARC record of ``body``. Its length is given so that warcio reads the payload in place
    instead of copying it to a temporary file that it never closes (a ResourceWarning)."""
    return writer.create_warc_record(url, kind, payload=io.BytesIO(body), length=len(body), http_headers=headers)


def write_warc(path: Path, pages: int, *, extras: bool = True, keep: int | None = None) -> None:
    """``pages`` HTML responses cycling through the gold articles (their first ``keep``
    paragraphs), plus non-page records."""
    gold = gold_articles()
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for n in range(pages):
            article = gold[n % len(gold)]
            url = f"https://news.example/{article['id']}/{n}"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(record(writer, url, "response", page(article, n, keep), headers))
            if extras and n % 250 == 0:  # requests, images and redirects are not articles
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(record(writer, url + ".png", "response", b"\x89PNG" + bytes(64), img))
                moved = StatusAndHeaders("301 Moved", [("Location", url)], protocol="HTTP/1.1")
                writer.write_record(record(writer, url + "/old", "response", b"", moved))
                writer.write_record(record(writer, url, "request", b"GET / HTTP/1.1\r\n\r\n"))


@pytest.mark.issue(8)
@pytest.mark.parametrize("name", ["small.warc", "small.warc.gz"])
def test_sources_warc_pages_become_articles(config, tmp_path, name):
    path = tmp_path / name
    write_warc(path, 3)
    items = list(read_articles([path], config))
    assert all(isinstance(i, Article) for i in items) and len(items) == 3
    first = items[0]
    assert first.url == "https://news.example/dev-001/0" and first.id == first.url
    assert "Steinmeier" in first.text and "Menu" not in first.text
    assert first.published == "2015-04-14"
    assert first.origin.startswith(f"{path}@")
    assert count_pages(path) == 3


@pytest.mark.issue(8)
def test_sources_warc_in_folder(config, tmp_path):
    write_warc(tmp_path / "a.warc.gz", 2, extras=False)
    (tmp_path / "note.txt").write_text("The minister met the envoy.", encoding="utf-8")
    items = list(read_articles([tmp_path], config))
    assert [type(i).__name__ for i in items] == ["Article"] * 3


@pytest.mark.issue(8)
def test_sources_warc_damaged(config, tmp_path):
    good = tmp_path / "good.warc"
    write_warc(good, 2, extras=False)
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(good.read_bytes() + b"\x00\x01garbage, not a WARC record\r\n\r\n")
    items = list(read_warc(damaged, config))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Failure"]
    assert "[E509]" in items[-1].message and str(damaged) in items[-1].message
    not_warc = tmp_path / "notes.warc"
    not_warc.write_text("just text", encoding="utf-8")
    only = list(read_warc(not_warc, config))
    assert len(only) == 1 and isinstance(only[0], Failure) and "[E509]" in only[0].message


@pytest.mark.issue(8)
def test_sources_warc_page_over_limit(config, tmp_path):
    path = tmp_path / "big.warc"
    write_warc(path, 1, extras=False)
    items = list(read_warc(path, config.with_values(sources__max_bytes=1000)))
    assert len(items) == 1 and isinstance(items[0], Failure) and "[E503]" in items[0].message


@pytest.mark.issue(8)
@pytest.mark.slow
def test_sources_warc_1000_records_end_to_end(config, tmp_path):
    """A 1,000-page WARC.gz goes through `eventwire run` (2 workers) into the store and Parquet shards."""
    from eventwire.store import Store

    path = tmp_path / "crawl.warc.gz"
    write_warc(path, 1000, keep=4)  # the first paragraphs of each story keep the suite fast
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    request = RunRequest([str(path)], workers=2, output_dir=str(tmp_path / "shards"), progress=False)
    with Store.open(db, config) as store:
        summary = run(request, config=config, store=store)
        stored = store.counts()
    assert (summary.done, summary.failed, summary.skipped) == (1000, 0, 0), summary.failures
    assert stored["articles"] == 1000
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "shards").num_rows == 1000
