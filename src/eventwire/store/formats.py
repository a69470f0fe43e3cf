"""File writers for exports: CSV, JSON Lines and Parquet, all streaming (flat memory)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("csv", "jsonl", "parquet")
# Rows per Parquet row group / write batch.
PARQUET_BATCH = 5000
ARROW_TYPES = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
        n += 1
    return n


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], columns: list[str], types: dict[str, str], path: Path) -> int:
    """Write rows in batches of PARQUET_BATCH with an explicit schema (every column typed up front)."""
    schema = pa.schema([(c, ARROW_TYPES[types.get(c, "str")]) for c in columns])
    n = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(path), schema) as writer:
        for row in rows:
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(_table(batch, schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(_table(batch, schema))
            n += len(batch)
    return n


def _table(batch: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    data = {f.name: [_typed(row.get(f.name), f.type) for row in batch] for f in schema}
    return pa.Table.from_pydict(data, schema=schema)


def _typed(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if kind == pa.string() and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)
    return value
