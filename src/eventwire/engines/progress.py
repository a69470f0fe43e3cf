"""A progress bar for long jobs (rich): count, articles/s and, once the total is known, an ETA.

The total is counted in a background thread while the run starts (JSONL lines,
HTML pages in WARC files, files in folders), so a large input shows progress
at once and an ETA a little later. URLs and feeds have no total: the bar then
shows the count and the rate only.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from eventwire import sources
from eventwire.ingest.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES


class RateColumn(ProgressColumn):
    """Articles per second, from rich's moving estimate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "-- articles/s")


def count_inputs(inputs: Iterable[str | Path]) -> int | None:
    """How many articles ``inputs`` hold, or None when unknowable without fetching (URLs, feeds)."""
    total = 0
    for given in inputs:
        if sources.is_url(given):
            return None
        path = Path(given)
        files = sorted(p for p in path.rglob("*") if p.is_file() and readable(p)) if path.is_dir() else [path]
        for file in files:
            n = _count_file(file)
            if n is None:
                return None
            total += n
    return total


def readable(file: Path) -> bool:
    """The files ``read_articles`` picks from a folder."""
    return file.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES or sources.handles(file)


def _count_file(file: Path) -> int | None:
    name = file.name.lower()
    if name.endswith((".rss", ".atom")):
        return None
    if name.endswith((".warc", ".warc.gz")):
        from eventwire.sources.warc import count_pages

        return count_pages(file)
    if not file.exists():
        return 1  # reading it yields one Failure
    if file.suffix.lower() in JSONL_SUFFIXES:
        with open(file, "rb") as f:
            return sum(1 for line in f if line.strip())
    return 1


class RunProgress:
    """The bar: ``advance()`` per result; the total fills in from a background count."""

    def __init__(self, label: str, inputs: list[str] | None, *, enabled: bool = True):
        self.bar = Progress(
            TextColumn(label), BarColumn(), MofNCompleteColumn(), RateColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=False,
            disable=not enabled or not sys.stderr.isatty(),
        )
        self.task = self.bar.add_task(label, total=None)
        if inputs is not None and enabled:
            threading.Thread(target=self._count, args=(inputs,), daemon=True).start()

    def _count(self, inputs: list[str]) -> None:
        try:
            total = count_inputs(inputs)
        except OSError:
            return
        if total is not None:
            self.bar.update(self.task, total=total)

    def advance(self, n: int = 1) -> None:
        self.bar.update(self.task, advance=n)

    def __enter__(self) -> Self:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(*exc)  # type: ignore[arg-type]
