"""The analysis stage: Articles in, Analyses out, through one ``nlp.pipe`` stream."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.config import Config, load_config
from eventwire.events.cameo import cameo_info
from eventwire.ingest import Failure
from eventwire.nlp import load_pipeline
from eventwire.types import Actor, Analysis, Article, Event, Quote

log = logging.getLogger(__name__)


class Analyzer:
    """Runs the spaCy pipeline over articles and turns the Docs into ``Analysis`` records.

    Args:
        config: settings; None loads the default configuration.
        nlp: an already-loaded pipeline (tests pass one to share it).
    """

    def __init__(self, config: Config | None = None, nlp: Language | None = None):
        self.config = config or load_config()
        self.nlp = nlp or load_pipeline(self.config)
        self.batch_size = int(self.config.get("nlp", "batch_size"))
        self.min_confidence = float(self.config.get("events", "min_confidence"))

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyse articles lazily, in order; memory stays flat however many there are."""
        for item in self.analyze_stream(articles):
            assert isinstance(item, Analysis)
            yield item

    def analyze_stream(self, items: Iterable[Article | Failure]) -> Iterator[Analysis | Failure]:
        """Like ``analyze``, but passes ``Failure`` items through in their place in the order."""

        def docs() -> Iterator[tuple[Doc, Article | Failure]]:
            for item in items:
                text = item.text if isinstance(item, Article) else ""
                doc = self.nlp.make_doc(text)
                doc._.eventwire_published = item.published if isinstance(item, Article) else None
                yield doc, item

        for doc, item in self.nlp.pipe(docs(), as_tuples=True, batch_size=self.batch_size):
            yield self.to_analysis(doc, item) if isinstance(item, Article) else item

    def analyze_one(self, article: Article) -> Analysis:
        return next(self.analyze([article]))

    def to_analysis(self, doc: Doc, article: Article) -> Analysis:
        errors = doc._.eventwire_errors or []
        actors = tuple(_actor(m, article) for m in doc._.eventwire_actors or [])
        events = tuple(
            e
            for e in (_event(d, article) for d in doc._.eventwire_events or [])
            if e is not None and e.confidence >= self.min_confidence
        )
        quotes = tuple(_quote(q, article) for q in doc._.eventwire_quotes or [])
        error = "; ".join(errors) if errors else None
        return Analysis(article=article, actors=actors, events=events, quotes=quotes, error=error)


def _span(article: Article, start: int, end: int) -> tuple[int, int]:
    return article.offsets.to_raw(start), article.offsets.to_raw(end, end=True)


def _actor(m: dict[str, Any] | None, article: Article) -> Actor | None:
    if not m:
        return None
    start, end = _span(article, m["start_char"], m["end_char"])
    return Actor(
        code=m.get("code"),
        name=m.get("name") or m.get("text", ""),
        kind=m.get("kind", "org"),
        text=m.get("text", ""),
        start=start,
        end=end,
        agent=m.get("agent"),
        reason=m.get("reason", ""),
    )


def _event(d: dict[str, Any], article: Article) -> Event | None:
    info = cameo_info(d["cameo"])
    if info is None:
        log.warning("%s: unknown CAMEO code %r dropped", article.id, d["cameo"])
        return None
    start, end = _span(article, d["start_char"], d["end_char"])
    return Event(
        source=_actor(d.get("source"), article),
        target=_actor(d.get("target"), article),
        cameo=info.code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover_type=info.plover_type,
        plover_mode=info.plover_mode,
        plover_context=info.plover_context,
        date=d.get("date"),
        date_precision=d.get("date_precision"),
        evidence=article.raw_text[start:end],
        start=start,
        end=end,
        confidence=round(float(d.get("confidence", 0.5)), 3),
        reported_by=d.get("reported_by"),
        verb=d.get("verb"),
    )


def _quote(q: dict[str, Any], article: Article) -> Quote:
    start, end = _span(article, q["start_char"], q["end_char"])
    return Quote(
        text=article.raw_text[start:end],
        kind=q["kind"],
        speaker=q.get("speaker"),
        speaker_actor=q.get("speaker_actor"),
        speaker_type=q.get("speaker_type"),
        cue=q.get("cue"),
        start=start,
        end=end,
    )
