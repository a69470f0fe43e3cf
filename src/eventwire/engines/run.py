"""``run``: inputs -> engine -> one writer (Parquet shards and/or the store), with progress and a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eventwire.analyze import Analyzer
from eventwire.config import Config
from eventwire.engines.local import LocalEngine, resolve_workers
from eventwire.engines.progress import RunProgress
from eventwire.engines.sinks import ParquetShards, StoreSink, done_hashes
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



@dataclass(frozen=True)
class RunRequest:
    """What ``eventwire run`` was asked to do (see the command's options)."""

    inputs: list[str]
    engine: str = "local"
    workers: int | None = None
    output_dir: str | None = None
    ordered: bool | None = None
    address: str | None = None
    progress: bool = True


def run(request: RunRequest, *, config: Config, store: Any = None, analyzer: Analyzer | None = None) -> RunSummary:
    """Run ``request`` with the local or the Ray engine, writing to ``store`` and/or Parquet shards.

    Args:
        request: inputs, engine and options.
        config: settings.
        store: an open ``eventwire.store.Store``, or None to write only Parquet.
        analyzer: for the local engine with one worker, an existing Analyzer (tests).

    Raises:
        EventwireError: Ray missing (E510), bad worker count (E512), workers that cannot start (E516).
    """
    sinks: list[Sink] = []
    tests: list[Callable[[Article], bool]] = []
    if store is not None:
        store_sink = StoreSink(store)
        sinks.append(store_sink)
        tests.append(store_sink.known)
    if request.output_dir:
        shards, in_shards = parquet_sink(request.output_dir, config)
        tests.append(in_shards)
        if request.engine == "local" or store is not None:
            sinks.append(shards)
    known = (lambda article: any(t(article) for t in tests)) if tests else None
    if request.engine == "ray":
        return _run_ray(request, config, sinks, store)
    return run_local(
        request.inputs, config=config, sinks=sinks, known=known, workers=request.workers,
        ordered=request.ordered, progress=request.progress, analyzer=analyzer,
    )


def _run_ray(request: RunRequest, config: Config, sinks: list[Sink], store: Any) -> RunSummary:
    from eventwire.engines.ray_engine import connect, run_ray

    workers = resolve_workers(request.workers, config)
    address = config.get("engine", "ray_address") if request.address is None else request.address
    connect(config, address=address, num_cpus=None if address else workers)
    # Skipping on Ray needs the hashes up front: from the shards, and from the store when given.
    known = done_hashes(request.output_dir) if request.output_dir and Path(request.output_dir).is_dir() else set()
    if store is not None:
        known |= store_hashes(store)

    def write(result: Any) -> None:
        for sink in sinks:
            sink.write(result)

    with RunProgress("run (ray)", request.inputs, enabled=request.progress and bool(sinks)) as bar:
        try:
            return run_ray(
                request.inputs, config=config, actors=workers, output_dir=request.output_dir,
                write=write if sinks else None, known=known, advance=bar.advance,
            )
        finally:
            for sink in sinks:
                sink.close()


def store_hashes(store: Any) -> set[str]:
    """Content hashes of the articles stored (not failed), for skipping on Ray workers."""
    from sqlalchemy import select

    from eventwire.store.schema import articles

    with store.connect() as conn:
        rows = conn.execute(select(articles.c.content_hash).where(articles.c.status != "failed"))
        return {digest for (digest,) in rows if digest}
