"""What a run did: done / skipped / failed, with the reasons, printed at the end."""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from rich.console import Console

from eventwire.ingest import Failure
from eventwire.types import Analysis

# Failure messages kept word for word for the summary; the rest are only counted by code.
KEEP_MESSAGES = 20
_CODE = re.compile(r"\[(E\d{3})\]")


@dataclass
class RunSummary:
    """Counts for one run of ``eventwire run`` / ``ingest`` / ``watch``.

    Attributes:
        done: articles analysed (and stored/written) without error.
        skipped: articles not analysed because they were already stored (same content hash).
        failed: inputs that could not be read, fetched or analysed.
        events, quotes: found in the done articles.
        reasons: failures counted by error code (``E503``: 4, ...).
        failures: the first failure messages, word for word.
    """

    done: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def add(self, result: Any) -> None:
        """Count one result from an engine (Analysis, Failure or store ArticleRecord)."""
        if not isinstance(result, Analysis | Failure):  # a store record: analysed without error
            self.done += 1
            self.events += len(result.events)
            self.quotes += len(result.quotes)
        elif isinstance(result, Failure):
            self.fail(result.message)
        elif result.error:
            self.fail(f"{result.article.origin or result.article.id}: {result.error}")
        else:
            self.done += 1
            self.events += len(result.events)
            self.quotes += len(result.quotes)

    def fail(self, message: str) -> None:
        self.failed += 1
        match = _CODE.search(message)
        self.reasons[match.group(1) if match else "other"] += 1
        if len(self.failures) < KEEP_MESSAGES:
            self.failures.append(message)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def print(self, stream: IO[str], *, command: str = "run") -> None:
        console = Console(file=stream, highlight=False)
        rate = self.done / self.elapsed if self.elapsed > 0 else 0.0
        console.print(
            f"eventwire {command}: {self.done} done, {self.skipped} skipped (already stored), "
            f"{self.failed} failed; {self.events} events, {self.quotes} quotes "
            f"in {self.elapsed:.1f} s ({rate:.1f} articles/s).",
            markup=False,
        )
        if self.reasons:
            by_code = ", ".join(f"{code} x{n}" for code, n in self.reasons.most_common())
            console.print(f"  failures by code: {by_code} (codes: docs/scale.md, src/eventwire/errors.py)", markup=False)
        for message in self.failures:
            console.print(f"  failed: {message}", markup=False)
        if self.failed > len(self.failures):
            console.print(f"  ... and {self.failed - len(self.failures)} more failures", markup=False)
