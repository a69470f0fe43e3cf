"""Feeds and URLs against a real HTTP server on 127.0.0.1 (no other network).

The server serves fixture pages built from the gold articles, RSS and Atom
feeds that link to them, and the awkward cases: a slow response, a 500, a
flaky 503, a redirect loop, huge pages (with and without Content-Length), a
non-HTML body and a robots.txt that forbids a folder.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.ingest import Failure, read_articles
from eventwire.sources.feeds import load_feed, read_feed
from eventwire.sources.fetch import Fetcher, FetchError
from eventwire.sources.web import read_url
from eventwire.types import Article

GOLD = Path(__file__).parent / "fixtures" / "gold"
IDS = ("dev-001", "dev-002", "dev-003")


def page_html(article: dict, *, dated: bool = True) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n\n") if p.strip())
    meta = f'<meta property="article:published_time" content="{article["published"]}">' if dated else ""
    return (
        f"<!doctype html><html><head><title>{article['id']}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Story {article['id']}</h1>{paragraphs}</article>"
        "<footer>Copyright the fixture site</footer></body></html>"
    )


def rss(base: str) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/articles/{i}.html</link><guid>urn:{i}</guid>"
        f"<pubDate>Tue, 14 Apr 2015 08:00:00 GMT</pubDate><description>Summary of {i}</description></item>"
        for i in IDS
    )
    items += (
        f"<item><title>Members only</title><link>{base}/private/secret.html</link>"
        "<guid>urn:private</guid></item>"
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture wire</title>{items}</channel></rss>'


def atom(base: str) -> str:
    entry = (
        f"<entry><id>tag:fixture,2015:{IDS[0]}</id><title>Story</title>"
        f'<link href="{base}/articles/{IDS[0]}.html"/><updated>2015-04-14T08:00:00Z</updated>'
        "<summary>Short summary</summary></entry>"
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>{entry}</feed>'


class Site:
    """What the handler serves, and what it was asked for."""

    def __init__(self):
        self.hits: Counter[str] = Counter()
        self.articles = {i: json.loads((GOLD / f"{i}.json").read_text(encoding="utf-8")) for i in IDS}
        self.robots_status = 200
        self.base = ""
        self.late = json.loads((GOLD / "dev-004.json").read_text(encoding="utf-8"))
        self.watch_ids: list[str] = []  # entries of /watch.rss
        self.late_status = 200  # /articles/late.html answers this
        self.watch_status = 200  # /watch.rss answers this


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep pytest output clean
            pass

        def send(self, status: int, body: bytes, content_type: str, *, length: bool = True, **headers: str):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if length:
                self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            site.hits[self.path] += 1
            route = ROUTES.get(self.path)
            if route is not None:
                return route(self)
            if self.path.startswith("/articles/"):
                key = self.path.rsplit("/", 1)[1].removesuffix(".html")
                if key in site.articles:
                    dated = key != IDS[1]  # one page without a date: the feed's date fills in
                    body = page_html(site.articles[key], dated=dated).encode()
                    return self.send(200, body, "text/html; charset=utf-8")
            self.send(404, b"not found", "text/plain")

        def robots(self):
            if site.robots_status != 200:
                return self.send(site.robots_status, b"down", "text/plain")
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")

        def slow(self):
            time.sleep(2.0)
            self.send(200, b"<html><body>late</body></html>", "text/html")

        def huge(self, length: bool):
            chunk = b"<p>" + b"x" * 1021
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if length:
                self.send_header("Content-Length", str(len(chunk) * 2000))
            self.end_headers()
            try:
                for _ in range(2000):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def flaky(self):
            if site.hits["/flaky"] == 1:
                return self.send(503, b"busy", "text/plain", Retry_After="0")
            self.send(200, page_html(site.articles[IDS[0]]).encode(), "text/html")

        def watch_feed(self):
            if site.watch_status != 200:
                return self.send(site.watch_status, b"down", "text/plain")
            items = "".join(
                f"<item><title>{i}</title><link>{site.base}/articles/{i}.html</link></item>" for i in site.watch_ids
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'
            self.send(200, body.encode(), "application/rss+xml")

        def late_page(self):
            if site.late_status != 200:
                return self.send(site.late_status, b"busy", "text/plain")
            self.send(200, page_html(site.late).encode(), "text/html")

        def feed_without_type(self):
            self.send(200, rss(site.base).encode(), "text/plain")

    ROUTES = {
        "/robots.txt": Handler.robots,
        "/slow": Handler.slow,
        "/error500": lambda h: h.send(500, b"boom", "text/plain"),
        "/flaky": Handler.flaky,
        "/loop-a": lambda h: h.send(302, b"", "text/plain", Location="/loop-b"),
        "/loop-b": lambda h: h.send(302, b"", "text/plain", Location="/loop-a"),
        "/huge": lambda h: h.huge(True),
        "/huge-streamed": lambda h: h.huge(False),
        "/image.png": lambda h: h.send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        "/plain.txt": lambda h: h.send(200, site.articles[IDS[2]]["text"].encode(), "text/plain; charset=utf-8"),
        "/feed.rss": lambda h: h.send(200, rss(site.base).encode(), "application/rss+xml"),
        "/feed.atom": lambda h: h.send(200, atom(site.base).encode(), "application/atom+xml"),
        "/feed-as-text": Handler.feed_without_type,
        "/watch.rss": Handler.watch_feed,
        "/articles/late.html": Handler.late_page,
        "/not-a-feed": lambda h: h.send(200, b"<html><body><p>hello</p></body></html>", "text/html"),
        "/moved": lambda h: h.send(301, b"", "text/plain", Location=f"/articles/{IDS[0]}.html"),
    }
    return Handler


@pytest.fixture
def site():
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def web_config(config):
    return config.with_values(
        sources__timeout=0.5, sources__total_timeout=5.0, sources__retries=1, sources__backoff=0.05,
        sources__host_interval=0.0, sources__max_bytes=300_000,
    )


@pytest.fixture
def fetcher(web_config):
    with Fetcher(web_config) as f:
        yield f


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.issue(8)
def test_sources_url_page_becomes_article(site, web_config, fetcher):
    article = only(read_url(f"{site.base}/articles/{IDS[0]}.html", web_config, fetcher))
    assert isinstance(article, Article)
    assert "Steinmeier" in article.text
    assert "Copyright the fixture site" not in article.text
    assert article.published == site.articles[IDS[0]]["published"]
    assert article.url == f"{site.base}/articles/{IDS[0]}.html"


@pytest.mark.issue(8)
def test_sources_url_follows_redirect(site, web_config, fetcher):
    article = only(read_url(f"{site.base}/moved", web_config, fetcher))
    assert isinstance(article, Article)
    assert article.url.endswith(f"/articles/{IDS[0]}.html")


@pytest.mark.issue(8)
def test_sources_url_plain_text_accepted(site, web_config, fetcher):
    article = only(read_url(f"{site.base}/plain.txt", web_config, fetcher))
    assert isinstance(article, Article)
    assert article.text == site.articles[IDS[2]]["text"]


@pytest.mark.issue(8)
def test_sources_url_slow_response_times_out(site, web_config, fetcher):
    started = time.monotonic()
    failure = only(read_url(f"{site.base}/slow", web_config, fetcher))
    assert isinstance(failure, Failure)
    assert "[E500]" in failure.message and "Timeout" in failure.message and "2 attempt" in failure.message
    assert time.monotonic() - started < 4.0


@pytest.mark.issue(8)
def test_sources_url_500_retried_then_reported(site, web_config, fetcher):
    failure = only(read_url(f"{site.base}/error500", web_config, fetcher))
    assert isinstance(failure, Failure)
    assert "[E501]" in failure.message and "HTTP 500" in failure.message
    assert site.hits["/error500"] == 2  # the first try and one retry (sources.retries = 1)


@pytest.mark.issue(8)
def test_sources_url_503_then_success(site, web_config, fetcher):
    article = only(read_url(f"{site.base}/flaky", web_config, fetcher))
    assert isinstance(article, Article)
    assert site.hits["/flaky"] == 2


@pytest.mark.issue(8)
def test_sources_url_redirect_loop(site, web_config, fetcher):
    failure = only(read_url(f"{site.base}/loop-a", web_config, fetcher))
    assert isinstance(failure, Failure) and "[E502]" in failure.message
    assert site.hits["/loop-a"] + site.hits["/loop-b"] <= 7  # gave up after max_redirects, no retries


@pytest.mark.issue(8)
@pytest.mark.parametrize("path", ["/huge", "/huge-streamed"])
def test_sources_url_huge_page_refused(site, web_config, fetcher, path):
    failure = only(read_url(site.base + path, web_config, fetcher))
    assert isinstance(failure, Failure)
    assert "[E503]" in failure.message and "sources.max_bytes" in failure.message


@pytest.mark.issue(8)
def test_sources_url_non_html_body(site, web_config, fetcher):
    failure = only(read_url(f"{site.base}/image.png", web_config, fetcher))
    assert isinstance(failure, Failure)
    assert "[E504]" in failure.message and "image/png" in failure.message


@pytest.mark.issue(8)
def test_sources_robots_disallow(site, web_config, fetcher):
    with pytest.raises(FetchError, match=r"\[E505\]"):
        fetcher.get(f"{site.base}/private/secret.html")
    assert site.hits["/private/secret.html"] == 0
    assert site.hits["/robots.txt"] == 1
    fetcher.get(f"{site.base}/articles/{IDS[0]}.html")
    assert site.hits["/robots.txt"] == 1  # cached per host


@pytest.mark.issue(8)
def test_sources_robots_unreachable_means_disallow(site, web_config, fetcher):
    site.robots_status = 503
    with pytest.raises(FetchError, match=r"\[E505\]"):
        fetcher.get(f"{site.base}/articles/{IDS[0]}.html")
    assert site.hits[f"/articles/{IDS[0]}.html"] == 0


@pytest.mark.issue(8)
def test_sources_robots_missing_means_allow(site, web_config, fetcher):
    site.robots_status = 404
    assert isinstance(fetcher.get(f"{site.base}/articles/{IDS[0]}.html").body, bytes)


@pytest.mark.issue(8)
def test_sources_host_pacing(site, web_config):
    with Fetcher(web_config.with_values(sources__host_interval=0.4)) as paced:
        started = time.monotonic()
        for _ in range(3):
            paced.get(f"{site.base}/plain.txt")
        # robots.txt + 3 pages = 4 requests, 3 gaps of at least 0.4 s
        assert time.monotonic() - started >= 1.2


@pytest.mark.issue(8)
def test_sources_rss_feed_articles(site, web_config, fetcher):
    items = list(read_feed(f"{site.base}/feed.rss", web_config, fetcher))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [a.url.rsplit("/", 1)[1] for a in articles] == [f"{i}.html" for i in IDS]
    undated = articles[1]  # its page has no date metadata: the feed's pubDate is used
    assert undated.published == "2015-04-14"
    assert len(failures) == 1 and "[E505]" in failures[0].message  # robots.txt forbids /private/


@pytest.mark.issue(8)
def test_sources_feed_keys_stable(site, web_config, fetcher):
    first = load_feed(f"{site.base}/feed.rss", web_config, fetcher)
    second = load_feed(f"{site.base}/feed.rss", web_config, fetcher)
    assert [i.key for i in first.items] == [i.key for i in second.items] == [f"urn:{i}" for i in IDS] + ["urn:private"]
    assert site.hits[f"/articles/{IDS[0]}.html"] == 0  # listing a feed fetches no pages


@pytest.mark.issue(8)
def test_sources_atom_feed_without_page_fetch(site, web_config, fetcher):
    config = web_config.with_values(sources__fetch_pages=False)
    article = only(read_feed(f"{site.base}/feed.atom", config, fetcher))
    assert isinstance(article, Article)
    assert article.text == "Short summary" and article.published == "2015-04-14"
    assert site.hits[f"/articles/{IDS[0]}.html"] == 0


@pytest.mark.issue(8)
def test_sources_not_a_feed(site, web_config, fetcher):
    failure = load_feed(f"{site.base}/not-a-feed", web_config, fetcher)
    assert isinstance(failure, Failure) and "[E507]" in failure.message


@pytest.mark.issue(8)
def test_sources_read_articles_dispatches_urls_and_sniffs_feeds(site, web_config, tmp_path):
    feed_file = tmp_path / "wire.rss"
    feed_file.write_text(rss(site.base), encoding="utf-8")
    inputs = [f"{site.base}/articles/{IDS[2]}.html", f"{site.base}/feed-as-text", str(feed_file)]
    items = list(read_articles(inputs, web_config.with_values(sources__retries=0)))
    assert [type(i).__name__ for i in items] == ["Article"] + ["Article"] * 3 + ["Failure"] + ["Article"] * 3 + [
        "Failure"
    ]


@pytest.mark.issue(8)
def test_sources_watch_stores_new_entries_and_survives_errors(site, web_config, analyzer, tmp_path):
    from eventwire.sources.watch import watch
    from eventwire.store import Store

    feed = f"{site.base}/watch.rss"
    site.watch_ids = [IDS[0], IDS[1], "late"]
    site.late_status = 500
    config = web_config.with_values(sources__retries=0)
    db = f"sqlite:///{tmp_path / 'watch.db'}"
    with Store.open(db, config) as store:
        first = only(watch([feed], store=store, config=config, once=True, analyzer=analyzer))
        assert (first.entries, first.new, first.summary.done, first.summary.failed) == (3, 3, 2, 1)
        assert "[E501]" in first.summary.failures[0]

        site.late_status = 200  # the server is back, and the feed has one more entry
        site.watch_ids.append(IDS[2])
        second = only(watch([feed], store=store, config=config, once=True, analyzer=analyzer))
        assert (second.entries, second.new, second.summary.done) == (4, 2, 2)  # the 500 is retried

        site.watch_status = 503  # the feed itself is down: reported, no exception
        down = only(watch([feed], store=store, config=config, once=True, analyzer=analyzer))
        assert down.error and "[E501]" in down.error

    site.watch_status = 200
    with Store.open(db, config) as store:  # a restarted watcher remembers what it stored
        third = only(watch([feed], store=store, config=config, once=True, analyzer=analyzer))
        assert (third.entries, third.new) == (4, 0)
        assert site.hits[f"/articles/{IDS[0]}.html"] == 1
        stored = {a["id"] for a in store.articles(limit=10)}
    assert f"{site.base}/articles/late.html" in stored
