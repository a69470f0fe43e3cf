"""``watch``: poll feeds on an interval and store the articles of entries not seen before.

State lives in the store itself: an entry is "seen" when an article with its
id (the entry's link, else its guid) is stored, either analysed or failed for
a lasting reason (robots.txt, not HTML, too large, no text). Entries that
failed for a passing reason (network error, timeout, HTTP 5xx) are tried
again at the next poll. So a restarted watcher picks up where it stopped,
and a network outage only delays articles.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.analyze import Analyzer
from eventwire.config import Config
from eventwire.engines.local import LocalEngine
from eventwire.engines.sinks import StoreSink
from eventwire.engines.summary import RunSummary
from eventwire.ingest import Failure
from eventwire.sources.feeds import FeedItem, item_article, item_id, load_feed
from eventwire.sources.fetch import Fetcher

log = logging.getLogger(__name__)

# Failures worth retrying at the next poll: network errors, HTTP errors (5xx after retries), timeouts.
TRANSIENT_CODES = ("[E500]", "[E501]", "[E506]")


@dataclass
class PollResult:
    """One poll of one feed."""

    feed: str
    entries: int = 0
    new: int = 0
    error: str | None = None
    summary: RunSummary = field(default_factory=RunSummary)

    def line(self) -> str:
        if self.error:
            return f"{self.feed}: feed not read ({self.error}); will try again"
        s = self.summary
        return f"{self.feed}: {self.entries} entries, {self.new} new: {s.done} stored, {s.failed} failed"


def seen_ids(store: Any, ids: Iterable[str]) -> set[str]:
    """The ids among ``ids`` that need no new attempt (stored, or failed for a lasting reason)."""
    from sqlalchemy import select

    from eventwire.store.schema import articles

    ids = list(ids)
    if not ids:
        return set()
    stmt = select(articles.c.id, articles.c.status, articles.c.error).where(articles.c.id.in_(ids))
    with store.connect() as conn:
        rows = conn.execute(stmt).all()
    return {r.id for r in rows if r.status != "failed" or not (r.error or "").startswith(TRANSIENT_CODES)}


def poll_feed(
    feed: str, *, store: Any, config: Config, fetcher: Fetcher, engine: LocalEngine
) -> PollResult:
    """Read ``feed``, fetch and analyse its new entries, and store them."""
    result = PollResult(feed)
    parsed = load_feed(feed, config, fetcher)
    if isinstance(parsed, Failure):
        result.error = parsed.message
        return result
    result.entries = len(parsed.items)
    done = seen_ids(store, (item_id(i) for i in parsed.items))
    fresh: list[FeedItem] = [i for i in parsed.items if item_id(i) not in done]
    result.new = len(fresh)
    sink = StoreSink(store)
    articles = (item_article(item, config, fetcher) for item in fresh)
    for analysis in engine.run(articles):
        sink.write(analysis)
        result.summary.add(analysis)
    return result


def watch(
    feeds: list[str], *, store: Any, config: Config, interval: float | None = None, once: bool = False,
    analyzer: Analyzer | None = None, report: Callable[[PollResult], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[PollResult]:
    """Poll ``feeds`` every ``interval`` seconds (``watch.interval``) until interrupted, or once.

    One feed's failure (network down, not a feed) never stops the others or the loop.

    Returns:
        The results of the last round of polls.
    """
    interval = float(config.get("watch", "interval")) if interval is None else interval
    engine = LocalEngine(config, workers=1, analyzer=analyzer or Analyzer(config))
    with Fetcher(config) as fetcher:
        while True:
            started = time.monotonic()
            results = []
            for feed in feeds:
                try:
                    polled = poll_feed(feed, store=store, config=config, fetcher=fetcher, engine=engine)
                except Exception as e:
                    log.exception("polling %s failed", feed)
                    polled = PollResult(feed, error=f"{type(e).__name__}: {e}")
                results.append(polled)
                if report is not None:
                    report(polled)
            if once:
                return results
            sleep(max(0.0, interval - (time.monotonic() - started)))
