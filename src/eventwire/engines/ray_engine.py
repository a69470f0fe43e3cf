"""The Ray engine: the same ``Worker`` as the local engine, as Ray Data ``map_batches`` over an actor pool.

Plan of a run (``eventwire run --engine ray INPUT...``):

1. Inputs become a dataset of items (pickled ``Article``/``Failure``), one
   read task per file (``flat_map``), so an archive of many WARC files is read
   in parallel: Parquet files with pyarrow (rows with ``text`` or ``html``, plus
   ``id``/``published``/``title``/``url``), every other file (JSONL, WARC,
   text, HTML) and URL through ``read_articles``.
2. ``map_batches(RayAnalyzer, compute=ActorPoolStrategy(size=N))``: each actor
   loads the model once (``Worker``) and re-creates it every
   ``engine.recycle_after`` articles, so spaCy's string store stays bounded on
   long-lived actors (Ray's ``max_calls`` recycling applies to tasks only, not actors).
3. Results are Parquet rows (``engines.sinks.ROW_SCHEMA``). With only
   ``--output-dir``, workers write the shards (``write_parquet``), in parallel.
   With a store, rows stream to the driver, the one writer, which can also
   write the shards.

Files must be readable at the same path on every node (a shared filesystem).
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
# Parquet inputs are read by our own read tasks (pyarrow, record batches of this many rows) rather
# than ray.data.read_parquet, whose file-listing step needs a whole CPU and so waits forever for
# one when the actor pool holds them all.
PARQUET_BATCH = 256
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
    """(Parquet files, everything else), folders expanded, so that each file is one read task."""
    from eventwire.engines.progress import readable
    from eventwire.sources import is_url

    parquet, others = [], []
    for given in inputs:
        if is_url(given):
            others.append(given)
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and (is_parquet(p) or readable(p)))
        else:
            files = [path]
        for file in files:
            (parquet if is_parquet(file) else others).append(str(file))
    return parquet, others


def is_parquet(path: str | Path) -> bool:
    return str(path).lower().endswith(PARQUET_SUFFIXES)


def _read_input(row: dict[str, Any], *, sections: dict, path: str | None) -> Iterator[dict[str, Any]]:
    config = Config(sections, path)
    items = _read_parquet(row["path"], config) if is_parquet(row["path"]) else read_articles([row["path"]], config)
    for item in items:
        yield {"item": pickle.dumps(item)}


def _read_parquet(path: str, config: Config) -> Iterator[Item]:
    """Rows of a Parquet file as articles, streamed in record batches."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH):
        for record in batch.to_pylist():
            yield _parquet_article({**record, "path": path}, config)


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

    def __call__(self, batch: dict[str, Any]) -> Any:
        """Analyse one batch; a pyarrow Table with ``ROW_SCHEMA`` (so every shard has the same schema)."""
        import pyarrow as pa

        columns = self._columns(batch)
        schema = ROW_SCHEMA.append(pa.field("payload", pa.binary())) if self.with_payload else ROW_SCHEMA
        return pa.Table.from_pydict(columns, schema=schema)

    def _columns(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        items: list[Item] = [pickle.loads(b) for b in batch["item"]]
        skipped = [isinstance(i, Article) and i.content_hash in self.known for i in items]
        todo = [i for i, skip in zip(items, skipped, strict=True) if not skip]
        results = iter(self.worker.analyze(todo))
        columns: dict[str, list[Any]] = {name: [] for name in ROW_SCHEMA.names}
        if self.with_payload:
            columns["payload"] = []
        for item, skip in zip(items, skipped, strict=True):
            result = None if skip else next(results)
            row = result_row(result) if result is not None else skipped_row(item)
            for name in ROW_SCHEMA.names:
                columns[name].append(row[name])
            if self.with_payload:
                columns["payload"].append(pickle.dumps(result) if result is not None else b"")
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
    files = parquet + others
    paths = ray.data.from_items([{"path": p} for p in files], override_num_blocks=max(len(files), 1))
    items = paths.flat_map(_read_input, fn_kwargs=args, num_cpus=READ_CPUS)
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
    ds = build_dataset(inputs, config, actors=actors, known=known, with_payload=write is not None or not output_dir)
    if write is None and output_dir is not None:
        before = set(Path(output_dir).glob("*.parquet"))
        ds.write_parquet(output_dir, ray_remote_args={"num_cpus": READ_CPUS})
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
