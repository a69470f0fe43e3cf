"""The local engine: all cores of one machine, streaming, with bounded memory.

The calling process reads inputs and sends chunks of ``engine.chunk_size``
articles to ``workers`` processes (each loads the model once, see
``engines.worker``); results come back as ``Analysis`` records (small: no
spaCy Docs cross process boundaries), and the caller is the one writer.

At most ``workers * engine.max_inflight`` chunks are in flight: when that many
are pending, reading waits, so memory does not depend on the corpus size.
Results are yielded in input order (``ordered``, the default) or as soon as a
chunk is done. A worker that dies (out of memory, a crash in native code)
breaks the pool: it is restarted and the chunks in flight are retried once; a
chunk that kills a worker twice is reported as failed (E511).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from eventwire.analyze import Analyzer
from eventwire.config import Config
from eventwire.engines.worker import Item, Result, Worker
from eventwire.errors import Errors, EventwireError
from eventwire.ingest import Failure

log = logging.getLogger(__name__)

# Pool breaks in a row, with no chunk finishing in between, before the run stops (workers cannot start).
MAX_BREAKS = 3
_WORKER: Worker | None = None  # one per worker process, made by _init_worker


def resolve_workers(workers: int | None, config: Config) -> int:
    """``workers`` (or ``engine.workers``); 0 means one per CPU core available to this process.

    Raises:
        EventwireError: a negative number (E512).
    """
    n = int(config.get("engine", "workers")) if workers is None else int(workers)
    if n < 0:
        raise EventwireError(Errors.E512.format(workers=n))
    if n == 0:
        n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(n, 1)


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _init_worker(sections: dict, path: str | None, records: bool) -> None:
    global _WORKER
    _WORKER = Worker(Config(sections, path), records=records)


def _analyze_chunk(chunk: list[Item]) -> list[Result]:
    assert _WORKER is not None, "worker process not initialised"
    return _WORKER.analyze(chunk)


@dataclass
class _Pending:
    chunk: list[Item]
    future: Future
    attempts: int = 1


class LocalEngine:
    """Runs the analysis on ``workers`` processes (or in this process when ``workers`` is 1).

    Args:
        config: settings (section ``[engine]``).
        workers: processes; None uses ``engine.workers``; 0 means one per core.
        ordered: yield results in input order; None uses ``engine.ordered``.
        analyzer: for ``workers == 1``, an existing Analyzer to use (tests share one).
        records: workers return store records (see ``Worker``), for ``eventwire ingest``.
    """

    def __init__(
        self, config: Config, *, workers: int | None = None, ordered: bool | None = None,
        analyzer: Analyzer | None = None, records: bool = False,
    ):
        self.records = records
        self.config = config
        self.workers = resolve_workers(workers, config)
        self.ordered = bool(config.get("engine", "ordered")) if ordered is None else ordered
        self.chunk_size = int(config.get("engine", "chunk_size"))
        self.max_pending = self.workers * int(config.get("engine", "max_inflight"))
        self._analyzer = analyzer

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        """Analyse ``items`` (Articles and read Failures); yield one result per item."""
        if self.workers == 1:
            worker = Worker(self.config, analyzer=self._analyzer, records=self.records)
            for chunk in chunks(items, self.chunk_size):
                yield from worker.analyze(chunk)
            return
        yield from self._run_pool(items)

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the caller may run threads (progress bar, HTTP pool), which fork would copy broken.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.config.sections, self.config.path, self.records),
        )

    def _run_pool(self, items: Iterable[Item]) -> Iterator[Result]:
        self._pool: ProcessPoolExecutor | None = None
        self._breaks = 0
        pending: deque[_Pending] = deque()
        try:
            for chunk in chunks(items, self.chunk_size):
                if self._pool is None:  # started on the first chunk: nothing to do, no processes
                    self._pool = self._new_pool()
                pending.append(_Pending(chunk, self._submit(chunk)))
                while len(pending) >= self.max_pending:
                    yield from self._collect(pending)
            while pending:
                yield from self._collect(pending)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, chunk: list[Item]) -> Future:
        assert self._pool is not None
        return self._pool.submit(_analyze_chunk, chunk)

    def _collect(self, pending: deque[_Pending]) -> Iterator[Result]:
        """Wait for one chunk (the oldest if ordered, else the first done) and yield its results."""
        if self.ordered:
            entry = pending[0]
        else:
            done, _ = wait([p.future for p in pending], return_when=FIRST_COMPLETED)
            entry = next(p for p in pending if p.future in done)
        try:
            results = entry.future.result()
        except BrokenProcessPool as e:
            self._restart(pending, e)
            return
        pending.remove(entry)
        self._breaks = 0
        yield from results

    def _restart(self, pending: deque[_Pending], error: BaseException) -> None:
        """A worker died: start a new pool and resubmit what was in flight (once per chunk)."""
        self._breaks += 1
        if self._breaks > MAX_BREAKS:
            raise EventwireError(Errors.E516.format(times=self._breaks, detail=error)) from error
        log.warning("a worker process died (%s); restarting the pool", error)
        assert self._pool is not None
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        for entry in pending:
            if entry.future.done() and entry.future.exception() is None:
                continue  # finished before the crash: keep its results
            if entry.attempts >= 2:
                entry.future = Future()
                entry.future.set_result(_died(entry.chunk, error))
                continue
            entry.future = self._submit(entry.chunk)
            entry.attempts += 1


def _died(chunk: list[Item], error: BaseException) -> list[Result]:
    out: list[Result] = []
    for item in chunk:
        if isinstance(item, Failure):
            out.append(item)
            continue
        origin = item.origin or item.id
        out.append(Failure(origin, Errors.E511.format(origin=origin, detail=str(error) or "killed"), item.id))
    return out
