"""``ingest``: read inputs, skip what is stored, analyse the rest, and store each result.

    summary = ingest(["articles.jsonl"], store, config=config)

The analysis step is a parameter (``analyze``): any function from a stream of
``Article | Failure`` to a stream of ``Analysis | ArticleRecord | Failure``, so
a multiprocessing engine can replace the default in-process ``Analyzer``. All
writes happen here, in this process, one article per transaction (STYLE.md §8).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from eventwire.config import Config
from eventwire.errors import StoreError
from eventwire.ingest import Failure, read_articles
from eventwire.ingest.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES
from eventwire.store.records import ArticleRecord
from eventwire.store.store import Store
from eventwire.store.write import AddResult
from eventwire.types import Analysis, Article

AnalyzeFn = Callable[[Iterable[Article | Failure]], Iterable[Analysis | ArticleRecord | Failure]]
# Without a terminal, print a plain progress line this often (seconds).
PLAIN_PROGRESS_EVERY = 10.0


@dataclass
class IngestSummary:
    """What an ingest run did."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    mentions: int = 0
    quotes: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Articles that are now stored as given: added, replaced or already there."""
        return self.added + self.replaced + self.skipped

    @property
    def processed(self) -> int:
        return self.done + self.failed

    def count(self, result: AddResult, origin: str | None = None) -> None:
        if result.status == "failed":
            self.failed += 1
            self.failures.append(f"{origin or result.id}: {result.message}")
            return
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.events += result.events
        self.mentions += result.mentions
        self.quotes += result.quotes

    def print(self, stream: IO[str], where: str) -> None:
        console = Console(file=stream, highlight=False, soft_wrap=True)
        rate = (self.added + self.replaced) / self.seconds if self.seconds > 0 else 0.0
        console.print(
            f"eventwire ingest: {self.added} added, {self.replaced} replaced, {self.skipped} skipped "
            f"(already stored), {self.failed} failed; {self.events} new events, {self.mentions} event "
            f"mentions, {self.quotes} quotes; {rate:.1f} articles/s.",
            markup=False,
        )
        for reason in self.failures[:20]:
            console.print(f"  failed: {reason}", markup=False)
        if len(self.failures) > 20:
            console.print(f"  ... and {len(self.failures) - 20} more failures")
        console.print(f"Database: {where}", markup=False)


def count_inputs(paths: Iterable[str | Path]) -> int:
    """A cheap article count for the progress bar: files, plus non-empty lines of JSONL files."""
    total = 0
    for given in paths:
        path = Path(given)
        files = (
            [p for p in sorted(path.rglob("*")) if p.is_file()
             and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES]
            if path.is_dir() else [path]
        )
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES and file.is_file():
                with file.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            else:
                total += 1
    return total


def default_analyze(config: Config) -> AnalyzeFn:
    """The in-process analysis stream (loads spaCy once)."""
    from eventwire.analyze import Analyzer

    return Analyzer(config).analyze_stream


def ingest(
    inputs: Iterable[str | Path], store: Store, *, config: Config, analyze: AnalyzeFn | None = None,
    progress: bool = True, stream: IO[str] | None = None,
) -> IngestSummary:
    """Ingest ``inputs`` into ``store``; articles already stored (same id and content hash) are not analysed.

    Args:
        inputs: files or folders (text, HTML, JSONL), as for ``eventwire extract``.
        store: an open store.
        config: settings (reading limits, pipeline).
        analyze: the analysis stream; default: ``Analyzer(config).analyze_stream``.
        progress: show a progress bar (articles/s, ETA) on ``stream``.
        stream: where progress goes (default standard error).

    Returns:
        An ``IngestSummary`` with counts and failure reasons.
    """
    inputs = list(inputs)
    summary = IngestSummary()
    started = time.perf_counter()
    with _Progress(count_inputs(inputs), progress, stream or sys.stderr) as bar:
        fresh = _unstored(read_articles(inputs, config), store, summary, bar)
        run = analyze or default_analyze(config)
        for item in run(fresh):
            _store_one(store, item, summary)
            bar.advance(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _unstored(
    items: Iterable[Article | Failure], store: Store, summary: IngestSummary, bar: _Progress
) -> Iterator[Article | Failure]:
    """Drop articles already stored, counting them as skipped, before they reach the analysis."""
    for item in items:
        if isinstance(item, Article) and store.has(item.content_hash, item.id):
            summary.skipped += 1
            bar.advance(summary)
            continue
        yield item


def _store_one(store: Store, item: Analysis | ArticleRecord | Failure, summary: IngestSummary) -> None:
    origin = _origin(item)
    try:
        if isinstance(item, Failure):
            result = store.add_failure(item)
        elif isinstance(item, ArticleRecord):
            result = store.add_record(item)
        else:
            result = store.add(item)
    except StoreError as e:
        # The article's transaction was rolled back; record why, then carry on with the batch.
        fallback = Failure(origin or "?", str(e), _article_id(item))
        summary.count(store.add_failure(fallback), origin)
        return
    summary.count(result, origin)
    if isinstance(item, Analysis) and item.error and result.status in ("added", "replaced"):
        # Stored (status 'error', with what was found), but reported and counted as a failure.
        setattr(summary, result.status, getattr(summary, result.status) - 1)
        summary.failed += 1
        summary.failures.append(f"{origin}: {item.error} (stored with status 'error')")


def _origin(item: Any) -> str | None:
    if isinstance(item, Failure):
        return item.origin
    if isinstance(item, ArticleRecord):
        return item.article.get("origin")
    return item.article.origin


def _article_id(item: Any) -> str | None:
    if isinstance(item, Failure | ArticleRecord):
        return item.id
    if isinstance(item, Analysis):
        return item.article.id
    return None


class _Progress:
    """A rich progress bar on a terminal; a plain line every few seconds otherwise."""

    def __init__(self, total: int, enabled: bool, stream: IO[str]):
        self.total, self.enabled, self.stream = total, enabled, stream
        self.tty = enabled and stream.isatty()
        self.started = self.last_line = time.perf_counter()
        self.bar = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(file=stream), transient=True, disable=not self.tty,
        )
        self.task = self.bar.add_task("ingest", total=total or None, rate="")

    def __enter__(self) -> _Progress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)

    def advance(self, summary: IngestSummary) -> None:
        elapsed = time.perf_counter() - self.started
        rate = summary.processed / elapsed if elapsed > 0 else 0.0
        self.bar.update(self.task, completed=summary.processed, rate=f"{rate:.1f} articles/s")
        if self.enabled and not self.tty and time.perf_counter() - self.last_line >= PLAIN_PROGRESS_EVERY:
            self.last_line = time.perf_counter()
            left = (self.total - summary.processed) / rate if rate > 0 and self.total else 0.0
            print(f"ingest: {summary.processed}/{self.total} articles, {rate:.1f} articles/s, "
                  f"ETA {left:.0f}s", file=self.stream, flush=True)
