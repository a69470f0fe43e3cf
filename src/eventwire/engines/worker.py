"""The unit of work every engine runs: a batch of articles in, a batch of results out.

A ``Worker`` lives in one process (a local worker process, a Ray actor, or the
main process when ``--workers 1``). It loads the spaCy pipeline once and
re-creates it after ``engine.recycle_after`` articles: spaCy's string store
keeps every new string it sees, so a long-lived pipeline fed 10^6 articles
grows without bound; a fresh pipeline starts from the model's own strings.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Sequence
from typing import Any

from eventwire.analyze import Analyzer
from eventwire.config import Config
from eventwire.errors import Errors
from eventwire.ingest import Failure
from eventwire.nlp import pipeline as nlp_pipeline
from eventwire.types import Analysis, Article

log = logging.getLogger(__name__)

Item = Article | Failure
Result = Any  # Analysis | Failure, or eventwire.store.ArticleRecord with records=True


def fresh_pipeline(config: Config):
    """A newly loaded pipeline (not the per-process cached one), its string store holding only the model's strings."""
    nlp_pipeline._cached.cache_clear()
    return nlp_pipeline.load_pipeline(config)


class Worker:
    """Analyses batches with one pipeline, recycled every ``recycle_after`` articles.

    Args:
        config: settings; ``engine.recycle_after`` (0 = never recycle).
        analyzer: an existing Analyzer to start with (tests share the session one).
        records: return store records (``eventwire.store.to_record``) for analysed articles, so
            the one writer only writes (analyses with an error stay ``Analysis``, for the summary).
    """

    def __init__(self, config: Config, analyzer: Analyzer | None = None, *, records: bool = False):
        self.config = config
        self.records = records
        self.recycle_after = int(config.get("engine", "recycle_after"))
        self.analyzer = analyzer or Analyzer(config)
        self.since_recycle = 0
        self.recycled = 0

    def analyze(self, items: Sequence[Item]) -> list[Result]:
        """Analyse ``items`` in order; Failures pass through, one bad article never sinks the batch."""
        if self.recycle_after and self.since_recycle >= self.recycle_after:
            self.recycle()
        self.since_recycle += sum(isinstance(i, Article) for i in items)
        try:
            results = list(self.analyzer.analyze_stream(items))
        except Exception:
            log.warning("a batch raised; analysing its %d items one by one", len(items), exc_info=True)
            results = [self._one(item) for item in items]
        return [self._as_record(r) for r in results] if self.records else results

    def _as_record(self, result: Result) -> Result:
        if isinstance(result, Analysis) and not result.error:
            from eventwire.store.records import to_record

            return to_record(result)
        return result

    def _one(self, item: Item) -> Result:
        if isinstance(item, Failure):
            return item
        try:
            return self.analyzer.analyze_one(item)
        except Exception as e:  # noqa: BLE001  (the reason is stored with the article)
            origin = item.origin or item.id
            return Failure(origin, Errors.E011.format(origin=origin, detail=f"{type(e).__name__}: {e}"), item.id)

    def recycle(self) -> None:
        """Drop the pipeline (and its grown string store) and load a fresh one."""
        log.info("re-creating the spaCy pipeline after %d articles", self.since_recycle)
        self.analyzer = Analyzer(self.config, nlp=fresh_pipeline(self.config))
        self.since_recycle = 0
        self.recycled += 1
        gc.collect()

    def string_count(self) -> int:
        """Strings in the pipeline's string store (what recycling bounds)."""
        return len(self.analyzer.nlp.vocab.strings)
