"""The Ray engine: the same ``Worker`` as the local engine, as Ray Data ``map_batches`` over an actor pool.

Plan of a run (``eventwire run --engine ray INPUT...``):

1. Inputs become a dataset of items (pickled ``Article``/``Failure``):
   Parquet files through ``ray.data.read_parquet`` (rows with ``text`` or
   ``html``, plus ``id``/``published``/``title``/``url``), every other file
   (JSONL, WARC, text, HTML) and URL through ``read_articles`` on a worker
   (``flat_map``), one task per file: an archive of many WARC files is read in parallel.
2. ``map_batches(RayAnalyzer, compute=ActorPoolStrategy(size=N))``: each actor
   loads the model once (``Worker``) and re-creates it every
   ``engine.recycle_after`` articles, so spaCy's string store stays bounded on
   long-lived actors (Ray's ``max_calls`` recycling applies to tasks only, not actors).
3. Results are Parquet rows (``engines.sinks.ROW_SCHEMA``). With only
   ``--output-dir``, workers write the shards (``write_parquet``), in parallel.
   With a store, rows stream to the driver, the one writer, which can also
   write the shards.

Files must be readable at the same path on every node (a shared filesystem),
or be Parquet on object storage (``s3://...``), which ``read_parquet`` reads directly.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eventwire.config import Config
from eventwire.engines.sinks import ROW_SCHEMA, result_row, skipped_row
from eventwire.engines.summary import RunSummary
from eventwire.engines.worker import Item, Result, Worker
from eventwire.errors import Errors, EventwireError, InputError
from eventwire.ingest import Failure, read_articles
from eventwire.ingest.readers import make_article
from eventwire.types import Article

log = logging.getLogger(__name__)

PARQUET_SUFFIXES = (".parquet", ".pq")
# CPUs reserved per read task. The analysis actors hold one CPU each for the whole run; if read
# tasks needed a whole CPU too, a pool as large as the cluster would leave none for reading and
# the run would wait forever (seen with num_cpus=2 and two actors). Reading is lighter than
# analysis, so read tasks share the actors' CPUs instead.
READ_CPUS = 0
# Bytes per Ray block of items (about 100 pickled news articles).
BLOCK_BYTES = 1 << 20


def import_ray() -> Any:
    """``ray`` and ``ray.data``, or a clear error saying how to install them (E510)."""
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise EventwireError(Errors.E510.format(detail=e)) from e
    return ray


def connect(config: Config, *, address: str | None = None, num_cpus: int | None = None) -> Any:
    """Start a local Ray (address "") or join a cluster ("auto", "ray://HOST:10001")."""
    ray = import_ray()
    if ray.is_initialized():
        return ray
    address = config.get("engine", "ray_address") if address is None else address
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
    return ray


def split_inputs(inputs: list[str]) -> tuple[list[str], list[str]]:
    """(Parquet files, everything else) — folders expanded, so each file is one read task."""
    parquet, others = [], []
    for given in inputs:
        path = Path(given)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            name = str(file) if path.is_dir() or not str(given).startswith(("http://", "https://")) else given
            (parquet if name.lower().endswith(PARQUET_SUFFIXES) else others).append(name)
    return parquet, others


def _read_input(row: dict[str, Any], *, sections: dict, path: str | None) -> Iterator[dict[str, Any]]:
    config = Config(sections, path)
    for item in read_articles([row["path"]], config):
        yield {"item": pickle.dumps(item)}


def _parquet_items(batch: dict[str, Any], *, sections: dict, path: str | None) -> dict[str, list[bytes]]:
    config = Config(sections, path)
    n = len(next(iter(batch.values()))) if batch else 0
    out = []
    for i in range(n):
        record = {k: (v[i].item() if hasattr(v[i], "item") else v[i]) for k, v in batch.items()}
        out.append(pickle.dumps(_parquet_article(record, config)))
    return {"item": out}


def _parquet_article(record: dict[str, Any], config: Config) -> Item:
    origin = f"{record.get('path', 'parquet')}:{record.get('id')}"
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        published = published.isoformat()[:10] if hasattr(published, "isoformat") else str(published)[:10]
    try:
        if record.get("text") is None and isinstance(record.get("html"), str):
            from eventwire.ingest.html import article_from_html

            return article_from_html(record["html"], config=config, origin=origin, id=record.get("id"),
                                     url=record.get("url"))
        if not isinstance(record.get("text"), str):
            raise InputError(Errors.E007.format(origin=origin), origin=origin)
        return make_article(
            record["text"], config=config, id=record.get("id"), url=record.get("url"),
            published=published, title=record.get("title"), origin=origin,
        )
    except InputError as e:
        return Failure(origin, str(e), record.get("id"))


class RayAnalyzer:
    """A Ray Data actor: one ``Worker`` (model loaded once, recycled) for many batches."""

    def __init__(self, sections: dict, path: str | None, known: Any = None, with_payload: bool = False):
        self.worker = Worker(Config(sections, path))
        self.known = _resolve(known) or set()
        self.with_payload = with_payload

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        items: list[Item] = [pickle.loads(b) for b in batch["item"]]
        skipped = [isinstance(i, Article) and i.content_hash in self.known for i in items]
        todo = [i for i, skip in zip(items, skipped, strict=True) if not skip]
        results = iter(self.worker.analyze(todo))
        columns: dict[str, list[Any]] = {name: [] for name in ROW_SCHEMA.names}
        columns["payload"] = []
        for item, skip in zip(items, skipped, strict=True):
            result = None if skip else next(results)
            row = result_row(result) if result is not None else skipped_row(item)
            for name in ROW_SCHEMA.names:
                columns[name].append(row[name])
            columns["payload"].append(pickle.dumps(result) if self.with_payload and result is not None else b"")
        return columns


def _resolve(known: Any) -> set[str] | None:
    if known is None:
        return None
    import ray

    return ray.get(known) if isinstance(known, ray.ObjectRef) else set(known)


def build_dataset(
    inputs: list[str], config: Config, *, actors: int, known: set[str] | None = None, with_payload: bool = False
) -> Any:
    """The Ray Dataset of result rows for ``inputs`` (lazy: nothing runs until it is consumed)."""
    ray = import_ray()
    # Ray splits a read task's output into blocks of at most this size, and each block goes to one
    # actor: small blocks let one big JSONL or WARC file spread over the whole pool (the 128 MiB
    # default would give a 30,000-article file to a single actor).
    ray.data.DataContext.get_current().target_max_block_size = BLOCK_BYTES
    args = {"sections": config.sections, "path": config.path}
    parquet, others = split_inputs(inputs)
    parts = []
    if others:
        paths = ray.data.from_items([{"path": p} for p in others], override_num_blocks=max(len(others), 1))
        parts.append(paths.flat_map(_read_input, fn_kwargs=args, num_cpus=READ_CPUS))
    if parquet:
        rows = ray.data.read_parquet(parquet, include_paths=True)
        parts.append(rows.map_batches(_parquet_items, fn_kwargs=args, batch_format="numpy", num_cpus=READ_CPUS))
    items = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
    return items.map_batches(
        RayAnalyzer,
        fn_constructor_kwargs={**args, "known": ray.put(known or set()), "with_payload": with_payload},
        batch_size=int(config.get("engine", "chunk_size")),
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1,
        batch_format="numpy",
    )


def run_ray(
    inputs: list[str], *, config: Config, actors: int, output_dir: str | None = None,
    write: Callable[[Result], None] | None = None, known: set[str] | None = None,
    advance: Callable[[], None] | None = None,
) -> RunSummary:
    """Run the analysis on Ray and count what happened.

    Args:
        inputs: files, folders and URLs (see the module docstring).
        config: settings; ``engine.chunk_size`` is the Ray batch size.
        actors: actors in the pool (one CPU each).
        output_dir: write Parquet shards here.
        write: the driver-side writer (e.g. the store); when given, rows stream to the driver.
        known: content hashes to skip (already stored).
        advance: called once per row consumed by the driver (progress bar).

    Returns:
        The summary (failure reasons included).
    """
    summary = RunSummary()
    ds = build_dataset(inputs, config, actors=actors, known=known, with_payload=write is not None)
    if write is None and output_dir is not None:
        before = set(Path(output_dir).glob("*.parquet"))
        ds.drop_columns(["payload"]).write_parquet(output_dir)
        _count_shards(sorted(set(Path(output_dir).glob("*.parquet")) - before), summary)
        return summary
    for batch in ds.iter_batches(batch_format="numpy", batch_size=int(config.get("engine", "chunk_size"))):
        for status, payload, error in zip(batch["status"], batch["payload"], batch["error"], strict=True):
            if advance is not None:
                advance()
            if status == "skipped":
                summary.skipped += 1
                continue
            result: Result = pickle.loads(payload)
            summary.add(result)
            if write is not None:
                write(result)
    return summary


def _count_shards(shards: list[Path], summary: RunSummary) -> None:
    """Count the rows of the shards this run wrote (skipped rows are kept in them, marked ``skipped``)."""
    import pyarrow.parquet as pq

    for shard in shards:
        table = pq.read_table(shard, columns=["status", "error", "n_events", "n_quotes"])
        for row in table.to_pylist():
            _count_row(row, summary)


def _count_row(row: dict[str, Any], summary: RunSummary) -> None:
    if row["status"] == "skipped":
        summary.skipped += 1
    elif row["status"] == "done":
        summary.done += 1
        summary.events += row["n_events"]
        summary.quotes += row["n_quotes"]
    else:
        summary.fail(row["error"] or "unknown error")
