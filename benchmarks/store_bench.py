"""Store throughput and memory: N generated articles into SQLite and PostgreSQL, beside the analysis rate.

    .venv/bin/python benchmarks/store_bench.py                 # 10,000 articles
    .venv/bin/python benchmarks/store_bench.py --n 1000        # smaller
    EVENTWIRE_TEST_POSTGRES=postgresql+psycopg://... .venv/bin/python benchmarks/store_bench.py

The articles are built from the dev texts in tests/fixtures/gold: the 21 texts
are analysed once with the real pipeline (that also gives the analysis-only
rate), then article i is text i % 21 under a new id, an outlet among 50, and a
publication date (and event dates) shifted by (i // 21) % 200 days. So about
2-3 articles share each (text, shift): the dedup path merges real events.
Articles are generated lazily, so a flat peak RSS (1k vs N) means the store
does not accumulate memory. Prints ratios, asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from eventwire.analyze import Analyzer
from eventwire.config import load_config
from eventwire.ingest import make_article
from eventwire.store import Store
from eventwire.store.engine import display_url
from eventwire.types import Analysis, Event

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gold"
OUTLETS = 50
SHIFTS = 200


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def shift(value: str | None, days: int) -> str | None:
    """Shift an ISO date at day, month (by whole months ~ days//30) or year precision."""
    if not value:
        return value
    if len(value) == 10:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7]) - 1 + days // 30
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return value


def analyse_gold(analyzer: Analyzer, config) -> tuple[list[Analysis], float]:
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    articles = [
        make_article(r["text"], config=config, id=r["id"], published=r.get("published")) for r in records
    ]
    list(analyzer.analyze(articles[:2]))  # warm up
    started = time.perf_counter()
    analyses = list(analyzer.analyze(articles))
    return analyses, len(articles) / (time.perf_counter() - started)


def generated(base: list[Analysis], n: int) -> Iterator[Analysis]:
    for i in range(n):
        gold = base[i % len(base)]
        days = (i // len(base)) % SHIFTS
        published = shift(gold.article.published or "2020-01-01", days)
        article = dataclasses.replace(
            gold.article, id=f"bench-{i}", site=f"outlet{i % OUTLETS}.example", published=published
        )
        events = tuple(_shifted(e, days) for e in gold.events)
        yield dataclasses.replace(gold, article=article, events=events)


def _shifted(event: Event, days: int) -> Event:
    return dataclasses.replace(event, date=shift(event.date, days))


def run(url: str, base: list[Analysis], n: int) -> dict:
    with Store.open(url) as store:
        started = time.perf_counter()
        rss_1k = None
        for i, analysis in enumerate(generated(base, n), 1):
            store.add(analysis)
            if i == min(1000, n):
                rss_1k = peak_rss_mb()
            if i % 1000 == 0:
                print(
                    f"  {display_url(url)}: {i}/{n} articles, {i / (time.perf_counter() - started):.0f}/s",
                    file=sys.stderr,
                    flush=True,
                )
        seconds = time.perf_counter() - started
        counts = store.counts()
    return {
        "rate": n / seconds,
        "seconds": seconds,
        "rss_1k": rss_1k,
        "rss_n": peak_rss_mb(),
        "counts": counts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000, help="articles to store (default 10000)")
    parser.add_argument(
        "--pg",
        default=os.environ.get("EVENTWIRE_TEST_POSTGRES"),
        help="PostgreSQL URL of an empty database (default $EVENTWIRE_TEST_POSTGRES)",
    )
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite run")
    args = parser.parse_args()
    if not GOLD.is_dir():
        print(f"store_bench: no dev texts at {GOLD}; nothing to measure.")
        return 0
    config = load_config(None)
    analyzer = Analyzer(config)
    base, analysis_rate = analyse_gold(analyzer, config)
    print(f"analysis only (real pipeline, {len(base)} dev texts): {analysis_rate:.1f} articles/s")
    results = {}
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            results["sqlite"] = run(f"sqlite:///{Path(folder) / 'bench.db'}", base, args.n)
    if args.pg:
        url, drop = _fresh_pg(args.pg)
        try:
            results["postgresql"] = run(url, base, args.n)
        finally:
            drop()
    else:
        print("postgresql: skipped (set EVENTWIRE_TEST_POSTGRES or --pg; see scripts/start-postgres.sh)")
    for name, r in results.items():
        c = r["counts"]
        print(
            f"{name}: stored {args.n} articles in {r['seconds']:.1f}s = {r['rate']:.0f} articles/s "
            f"({r['rate'] / analysis_rate:.0f}x the analysis rate); events {c['events']}, "
            f"mentions {c['event_mentions']} ({c['event_mentions'] / max(c['events'], 1):.2f} per event), "
            f"quotes {c['quotes']}; peak RSS {r['rss_1k']:.0f} MB at 1k, {r['rss_n']:.0f} MB at {args.n}"
        )
    return 0


def _fresh_pg(admin: str) -> tuple[str, Callable[[], None]]:
    """A new database on the server of ``admin`` (benchmarks never reuse data), and how to drop it."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = (
        admin.replace("postgresql://", "postgresql+psycopg://", 1)
        if admin.startswith("postgresql://")
        else admin
    )
    name = "ew_bench_" + uuid.uuid4().hex[:8]
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    return make_url(admin).set(database=name).render_as_string(hide_password=False), drop


if __name__ == "__main__":
    sys.exit(main())
