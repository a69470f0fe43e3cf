"""Where results go: Parquet shards (one row per article) and/or the store.

Parquet rows have a fixed, flat schema (``ROW_SCHEMA``) so shards written by
the local engine and by Ray workers can be read as one dataset; events,
quotes and actors are JSON strings in the records ``eventwire extract`` writes
(docs/extract.md), because nested columns with optional fields drift between shards.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.ingest import Failure
from eventwire.output import actor_record, event_record, quote_record
from eventwire.types import Analysis, Article

ROW_SCHEMA = pa.schema([
    ("id", pa.string()), ("status", pa.string()), ("error", pa.string()), ("origin", pa.string()),
    ("url", pa.string()), ("title", pa.string()), ("published", pa.string()), ("content_hash", pa.string()),
    ("n_events", pa.int32()), ("n_quotes", pa.int32()),
    ("events", pa.string()), ("quotes", pa.string()), ("actors", pa.string()),
])
# Rows per Parquet row group: small enough to bound the writer's buffer, big enough to compress well.
ROW_GROUP = 500


def result_row(result: Analysis | Failure) -> dict[str, Any]:
    """The Parquet row for one engine result."""
    if isinstance(result, Failure):
        return {
            "id": result.id, "status": "failed", "error": result.message, "origin": result.origin,
            "url": None, "title": None, "published": None, "content_hash": None, "n_events": 0, "n_quotes": 0,
            "events": "[]", "quotes": "[]", "actors": "[]",
        }
    article = result.article
    return {
        "id": article.id, "status": "failed" if result.error else "done", "error": result.error,
        "origin": article.origin, "url": article.url, "title": article.title, "published": article.published,
        "content_hash": article.content_hash, "n_events": len(result.events), "n_quotes": len(result.quotes),
        "events": _json([event_record(e) for e in result.events]),
        "quotes": _json([quote_record(q) for q in result.quotes]),
        "actors": _json([actor_record(a) for a in result.actors]),
    }


def skipped_row(article: Article) -> dict[str, Any]:
    """The row for an article skipped because it was done before (Ray shards keep it, marked)."""
    return {
        "id": article.id, "status": "skipped", "error": None, "origin": article.origin, "url": article.url,
        "title": article.title, "published": article.published, "content_hash": article.content_hash,
        "n_events": 0, "n_quotes": 0, "events": "[]", "quotes": "[]", "actors": "[]",
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def done_hashes(directory: str | Path) -> set[str]:
    """Content hashes of the articles already done in the Parquet shards under ``directory``."""
    found: set[str] = set()
    for shard in sorted(Path(directory).glob("*.parquet")):
        table = pq.read_table(shard, columns=["content_hash", "status"])
        for digest, status in zip(table["content_hash"].to_pylist(), table["status"].to_pylist(), strict=True):
            if digest and status == "done":
                found.add(digest)
    return found


class ParquetShards:
    """Writes rows to ``part-NNNNN.parquet`` files of ``rows_per_shard`` rows each.

    A shard is written under a temporary name and renamed when complete, so a
    run that is killed leaves only whole shards (resuming redoes the rest).
    Numbering continues after the shards already in the folder.
    """

    def __init__(self, directory: str | Path, rows_per_shard: int):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.rows_per_shard = rows_per_shard
        taken = [int(p.stem.split("-")[1]) for p in self.directory.glob("part-*.parquet") if p.stem[5:].isdigit()]
        self.next_index = max(taken, default=-1) + 1
        self.buffer: list[dict[str, Any]] = []
        self.writer: pq.ParquetWriter | None = None
        self.in_shard = 0
        self.written: list[Path] = []

    def write(self, result: Analysis | Failure) -> None:
        self.buffer.append(result_row(result))
        if len(self.buffer) >= ROW_GROUP or self.in_shard + len(self.buffer) >= self.rows_per_shard:
            self._flush()

    def _flush(self) -> None:
        if not self.buffer:
            return
        if self.writer is None:
            self._tmp = self.directory / f".part-{self.next_index:05d}.parquet.tmp"
            self.writer = pq.ParquetWriter(self._tmp, ROW_SCHEMA)
        self.writer.write_table(pa.Table.from_pylist(self.buffer, schema=ROW_SCHEMA))
        self.in_shard += len(self.buffer)
        self.buffer = []
        if self.in_shard >= self.rows_per_shard:
            self._close_shard()

    def _close_shard(self) -> None:
        assert self.writer is not None
        self.writer.close()
        final = self.directory / f"part-{self.next_index:05d}.parquet"
        os.replace(self._tmp, final)
        self.written.append(final)
        self.writer, self.in_shard = None, 0
        self.next_index += 1

    def close(self) -> None:
        """Write what is buffered and finish the last shard."""
        self._flush()
        if self.writer is not None:
            self._close_shard()


class StoreSink:
    """Writes results to an open ``eventwire.store.Store`` (one transaction per article).

    A result the store refuses (E303 and friends) is recorded as a failed article
    with the reason, so the batch goes on and nothing stored before is lost.
    """

    def __init__(self, store: Any):
        self.store = store
        self.refused: list[str] = []

    def write(self, result: Any) -> None:
        from eventwire.errors import StoreError
        from eventwire.store import ArticleRecord

        try:
            if isinstance(result, Failure):
                self.store.add_failure(result)
            elif isinstance(result, ArticleRecord):
                self.store.add_record(result)
            else:
                self.store.add(result)
        except StoreError as e:
            origin, id = _where(result)
            self.refused.append(str(e))
            self.store.add_failure(Failure(origin, str(e), id))

    def known(self, article: Article) -> bool:
        """Stored already with the same content hash (and id): skip it (resumable runs)."""
        return bool(self.store.has(article.content_hash, article.id))

    def close(self) -> None:
        """The store is closed by whoever opened it."""


def _where(result: Any) -> tuple[str, str | None]:
    if isinstance(result, Failure):
        return result.origin, result.id
    if isinstance(result, Analysis):
        return result.article.origin or result.article.id, result.article.id
    return result.article.get("origin") or result.id, result.id
