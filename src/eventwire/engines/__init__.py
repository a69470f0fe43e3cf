"""Engines: the same analysis on all cores of one machine (``local``) or on a Ray cluster (``ray``).

- ``engines.worker``: ``Worker``, a batch in and results out, the pipeline loaded once and recycled;
- ``engines.local``: ``LocalEngine``, worker processes fed through bounded queues;
- ``engines.ray_engine``: ``run_ray``, Ray Data ``map_batches`` over an actor pool (optional extra);
- ``engines.run``: ``run_local``, inputs -> engine -> one writer, with progress and a summary;
- ``engines.sinks``: Parquet shards; ``engines.summary``: done / skipped / failed.

See docs/scale.md.
"""

from eventwire.engines.local import LocalEngine, resolve_workers
from eventwire.engines.summary import RunSummary
from eventwire.engines.worker import Worker

__all__ = ["LocalEngine", "RunSummary", "Worker", "resolve_workers"]
