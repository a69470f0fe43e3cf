"""p95 latency of filtered ``GET /api/events`` queries on a 10,000-article store (issue 7).

Builds the store from the gold dev articles (tests/fixtures/gold, with their annotated
events and quotes) copied N times with varied ids, dates and outlets, inserted through
``Store.add``; then times filtered /api/events requests through the whole ASGI stack
(FastAPI TestClient, in process). Target: p95 under 100 ms.

    python benchmarks/api_latency.py                 # 10,000 articles in a temporary SQLite file
    python benchmarks/api_latency.py --articles 1000 --db sqlite:///bench.db --requests 300
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.config import load_config
from eventwire.store import Store
from web_fixtures import gold_analyses

QUERIES = [
    "actor=USA", "quad=4", "since=2020-01-01&until=2022-12-31", "cameo=04", "root=19", "dyad=USA,CHN",
    "plover=CONSULT&quad=1", "outlet=outlet-7.example", "q=Stoltenberg", "actor=RUS&since=2022&limit=100",
    "source=NATO&offset=50", "target=UKR&quad=4&since=2023-01",
]


def _shift(date: str | None, days: int) -> str | None:
    if not date or len(date) != 10:
        return date
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def variant(analysis, n: int):
    """Copy ``n`` of a gold analysis: new id, text, outlet, and dates moved by ``n`` days."""
    a = analysis.article
    text = a.raw_text + f"\n\n(copy {n})"
    article = dataclasses.replace(a, id=f"{a.id}-{n}", text=text, raw_text=text, content_hash=f"{a.content_hash}-{n}",
                                  published=_shift(a.published, n), site=f"outlet-{n % 50}.example",
                                  url=f"https://outlet-{n % 50}.example/{a.id}-{n}")
    events = tuple(dataclasses.replace(e, date=_shift(e.date, n)) for e in analysis.events)
    return dataclasses.replace(analysis, article=article, events=events)


def build(store: Store, articles: int) -> float:
    """Insert ``articles`` generated articles; returns articles per second."""
    base = [a for a in gold_analyses() if a.events]
    start = time.perf_counter()
    for i in range(articles):
        store.add(variant(base[i % len(base)], i // len(base) * 7 + i % 5))
        if (i + 1) % 1000 == 0:
            rate = (i + 1) / (time.perf_counter() - start)
            print(f"  stored {i + 1:,}/{articles:,} articles ({rate:,.0f}/s)", file=sys.stderr, flush=True)
    return articles / (time.perf_counter() - start)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=240, help="timed requests (spread over the filters)")
    parser.add_argument("--db", help="store URL to build into (default: a temporary SQLite file)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='eventwire-bench-')) / 'bench.db'}"
    with Store.open(url) as store:
        have = store.counts().get("articles", 0)
        if have < args.articles:
            print(f"building a {args.articles:,}-article store at {store.display} ...", file=sys.stderr)
            rate = build(store, args.articles - have)
            print(f"  insert rate: {rate:,.0f} articles/s", file=sys.stderr)
        counts = store.counts()
        client = TestClient(create_app(store, load_config(None)))
        for q in QUERIES:  # warm-up: one of each
            assert client.get(f"/api/events?{q}").status_code == 200, q
        times: dict[str, list[float]] = {q: [] for q in QUERIES}
        for i in range(args.requests):
            q = QUERIES[i % len(QUERIES)]
            t0 = time.perf_counter()
            response = client.get(f"/api/events?{q}")
            times[q].append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.text
    every = [t for ts in times.values() for t in ts]
    print(f"store: {counts['articles']:,} articles, {counts['events']:,} events, "
          f"{counts.get('event_mentions', 0):,} mentions, {counts['quotes']:,} quotes")
    for q, ts in times.items():
        print(f"  /api/events?{q:<40} p50 {statistics.median(ts):6.1f} ms  p95 {percentile(ts, 95):6.1f} ms")
    p95 = percentile(every, 95)
    print(f"filtered /api/events over {len(every)} requests: p50 {statistics.median(every):.1f} ms, "
          f"p95 {p95:.1f} ms (target < 100 ms: {'met' if p95 < 100 else 'NOT met'}; ratio p95/target {p95 / 100:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
