"""``extract``: read inputs, analyse them, write one JSON line per article (CONTRACT.md)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventwire.analyze import Analyzer
from eventwire.config import Config
from eventwire.ingest import Failure, read_articles
from eventwire.output import analysis_record, failure_record
from eventwire.types import Analysis


@dataclass
class ExtractSummary:
    """What a run did: counts and the reasons for failures."""

    done: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    failures: list[str] = field(default_factory=list)

    def print(self, stream: IO[str]) -> None:
        console = Console(file=stream, highlight=False)
        console.print(
            f"eventwire extract: {self.done} article(s) analysed, {self.failed} failed; "
            f"{self.events} events, {self.quotes} quotes."
        )
        for reason in self.failures[:20]:
            console.print(f"  failed: {reason}", markup=False)
        if len(self.failures) > 20:
            console.print(f"  ... and {len(self.failures) - 20} more failures")


def extract_records(
    inputs: Iterable[str | Path], *, config: Config, with_text: bool = False, analyzer: Analyzer | None = None,
    summary: ExtractSummary | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one output record per input article, in order, updating ``summary``."""
    analyzer = analyzer or Analyzer(config)
    summary = summary if summary is not None else ExtractSummary()
    for item in analyzer.analyze_stream(read_articles(inputs, config)):
        if isinstance(item, Failure):
            summary.failed += 1
            summary.failures.append(item.message)
            yield failure_record(item.id, item.origin, item.message)
            continue
        assert isinstance(item, Analysis)
        if item.error:
            summary.failed += 1
            summary.failures.append(f"{item.article.origin}: {item.error}")
        else:
            summary.done += 1
        summary.events += len(item.events)
        summary.quotes += len(item.quotes)
        yield analysis_record(item, with_text=with_text)


def extract_to(
    inputs: Iterable[str | Path], output: str | None, *, config: Config, with_text: bool = False,
    progress: bool = True,
) -> ExtractSummary:
    """Run extraction and write JSONL to ``output`` (a path) or standard output."""
    summary = ExtractSummary()
    with ExitStack() as stack:
        out = stack.enter_context(open(output, "w", encoding="utf-8")) if output else sys.stdout
        bar = stack.enter_context(
            Progress(
                TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                disable=not progress or not sys.stderr.isatty(),
            )
        )
        task = bar.add_task("extract", total=None, rate="")
        counts: Counter[str] = Counter()
        for record in extract_records(inputs, config=config, with_text=with_text, summary=summary):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            counts["n"] += 1
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{counts['n'] / elapsed:.1f} articles/s" if elapsed > 0 else ""
            bar.update(task, advance=1, rate=rate)
        out.flush()
    return summary
