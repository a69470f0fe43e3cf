"""``run``: inputs -> engine -> one writer (Parquet shards and/or the store), with progress and a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from eventwire.analyze import Analyzer
from eventwire.config import Config
from eventwire.engines.local import LocalEngine
from eventwire.engines.progress import RunProgress
from eventwire.engines.sinks import ParquetShards, done_hashes
from eventwire.engines.summary import RunSummary
from eventwire.engines.worker import Item, Result
from eventwire.ingest import read_articles
from eventwire.types import Article


class Sink(Protocol):
    """Something results are written to, by the one writer (the calling process)."""

    def write(self, result: Result) -> None: ...

    def close(self) -> None: ...


def skip_known(
    items: Iterable[Item], known: Callable[[Article], bool], summary: RunSummary, progress: RunProgress | None
) -> Iterator[Item]:
    """Drop articles ``known`` says are stored already, counting them as skipped."""
    for item in items:
        if isinstance(item, Article) and known(item):
            summary.skipped += 1
            if progress is not None:
                progress.advance()
            continue
        yield item


def run_local(
    inputs: list[str], *, config: Config, sinks: list[Sink], known: Callable[[Article], bool] | None = None,
    workers: int | None = None, ordered: bool | None = None, progress: bool = True,
    analyzer: Analyzer | None = None, label: str = "run",
) -> RunSummary:
    """Analyse ``inputs`` on this machine and write every result to every sink.

    Args:
        inputs: paths, folders, URLs (anything ``read_articles`` takes).
        config: settings.
        sinks: where results go; all writes happen in this process (STYLE.md section 8).
        known: a test for articles already stored (skipped, so a rerun resumes).
        workers, ordered: see ``LocalEngine``.
        progress: show a progress bar on standard error (when it is a terminal).
        analyzer: for one worker, an existing Analyzer (tests share one).
        label: the bar's label.

    Returns:
        The run's summary.
    """
    summary = RunSummary()
    engine = LocalEngine(config, workers=workers, ordered=ordered, analyzer=analyzer)
    with RunProgress(label, inputs, enabled=progress) as bar:
        items: Iterable[Item] = read_articles(inputs, config)
        if known is not None:
            items = skip_known(items, known, summary, bar)
        try:
            for result in engine.run(items):
                for sink in sinks:
                    sink.write(result)
                summary.add(result)
                bar.advance()
        finally:
            for sink in sinks:
                sink.close()
    return summary


def parquet_sink(output_dir: str | Path, config: Config) -> tuple[ParquetShards, Callable[[Article], bool]]:
    """Parquet shards in ``output_dir``, and a resume test from the shards already there."""
    seen = done_hashes(output_dir) if Path(output_dir).is_dir() else set()
    shards = ParquetShards(output_dir, int(config.get("engine", "rows_per_shard")))
    return shards, lambda article: article.content_hash in seen

