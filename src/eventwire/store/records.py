"""Analyses -> plain records ready to write (pure functions, no database).

STYLE.md §8: batch workers may build these records (they pickle cheaply) and
hand them to the one writer, ``Store.add_record``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from eventwire.ingest import Failure
from eventwire.store.dedup import Window, actor_key, mention_window
from eventwire.types import Actor, Analysis, Article, Event

# A paragraph shorter than this is a dateline or heading, not the lead (GDELT's IsRootEvent
# marks events found in the lead paragraph).
LEAD_MIN_CHARS = 60


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event mention plus the event attributes it would create."""

    triple: tuple[str, str, str]
    window: Window
    event: dict[str, Any]
    mention: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """Everything stored for one article, as column dicts."""

    article: dict[str, Any]
    actor_mentions: tuple[dict[str, Any], ...] = ()
    events: tuple[EventRecord, ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    failed: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return str(self.article["id"])

    @property
    def content_hash(self) -> str | None:
        return self.article.get("content_hash")


def outlet_of(article: Article) -> str | None:
    """The outlet: the article's ``site``, else its URL's host without ``www.``."""
    if article.site:
        return article.site.strip() or None
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def lead_span(text: str) -> tuple[int, int]:
    """Offsets of the lead paragraph: the first blank-line-separated block of LEAD_MIN_CHARS or more."""
    for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        if len(m.group(0)) >= LEAD_MIN_CHARS:
            return m.start(), m.end()
    return 0, len(text)


def to_record(analysis: Analysis) -> ArticleRecord:
    """The record of an analysed article (status ``ok``, or ``error`` with the analysis error)."""
    article = analysis.article
    lead = lead_span(article.raw_text)
    row = _article_row(article)
    row.update(status="error" if analysis.error else "ok", error=analysis.error)
    return ArticleRecord(
        article=row,
        actor_mentions=tuple(_actor_row(a) for a in analysis.actors),
        events=tuple(_event_record(e, article.published, lead) for e in analysis.events),
        quotes=tuple(_quote_row(q) for q in analysis.quotes),
    )


def failure_record(failure: Failure) -> ArticleRecord:
    """The record of an input that could not be read or analysed (status ``failed``)."""
    row = {
        "id": failure.id or f"failed:{failure.origin}", "url": None, "outlet": None, "title": None,
        "author": None, "published": None, "text": None, "raw_text": None, "offsets": None,
        "content_hash": None, "origin": failure.origin, "extra": None, "status": "failed",
        "error": failure.message,
    }
    return ArticleRecord(article=row, failed=True)


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "outlet": outlet_of(article),
        "title": article.title,
        "author": article.author,
        "published": None if article.published is None else str(article.published),
        "text": article.text,
        # Kept only when it differs from the cleaned text (offsets point into it).
        "raw_text": None if article.raw_text == article.text else article.raw_text,
        "offsets": json.dumps([list(p) for p in article.offsets.pieces]),
        "content_hash": article.content_hash,
        "origin": article.origin,
        "extra": json.dumps(article.extra, ensure_ascii=False, default=str) if article.extra else None,
    }


def _actor_row(actor: Actor) -> dict[str, Any]:
    return {
        "code": actor.code, "name": actor.name, "kind": actor.kind, "agent": actor.agent,
        "text": actor.text, "start": actor.start, "end": actor.end, "reason": actor.reason,
    }


def _side(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_kind": actor.kind if actor else None,
        f"{prefix}_agent": actor.agent if actor else None,
    }


def _event_record(event: Event, published: str | None, lead: tuple[int, int]) -> EventRecord:
    window = mention_window(event.date, event.date_precision, published)
    own_date = window.basis in ("day", "month", "year")
    attributes = {
        "cameo": event.cameo, "root": event.root, "quad_class": event.quad_class,
        "goldstein": event.goldstein, "plover_type": event.plover_type, "plover_mode": event.plover_mode,
        "plover_context": event.plover_context,
        "date": event.date if own_date else None, "date_precision": window.basis if own_date else None,
        **_side("source", event.source), **_side("target", event.target),
    }
    mention = {
        "evidence": event.evidence, "start": event.start, "end": event.end,
        "confidence": event.confidence, "reported_by": event.reported_by, "verb": event.verb,
        "date": event.date, "date_precision": event.date_precision,
        "source_text": event.source.text if event.source else None,
        "target_text": event.target.text if event.target else None,
        "in_lead": lead[0] <= event.start < lead[1],
    }
    triple = (
        actor_key(*_code_name(event.source)), actor_key(*_code_name(event.target)), event.cameo,
    )
    return EventRecord(triple=triple, window=window, event=attributes, mention=mention)


def _code_name(actor: Actor | None) -> tuple[str | None, str | None]:
    return (actor.code, actor.name) if actor else (None, None)


def _quote_row(quote: Any) -> dict[str, Any]:
    return {
        "speaker": quote.speaker, "speaker_actor": quote.speaker_actor, "speaker_type": quote.speaker_type,
        "text": quote.text, "kind": quote.kind, "cue": quote.cue, "start": quote.start, "end": quote.end,
    }
