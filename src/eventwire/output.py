"""The JSON records ``eventwire extract`` writes (see docs/extract.md and CONTRACT.md)."""

from __future__ import annotations

from typing import Any

from eventwire.types import Actor, Analysis, Event, Quote


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "code": actor.code, "name": actor.name, "kind": actor.kind, "agent": actor.agent,
        "text": actor.text, "start": actor.start, "end": actor.end, "reason": actor.reason,
    }


def event_record(event: Event) -> dict[str, Any]:
    return {
        "source": event.source.code if event.source else None,
        "target": event.target.code if event.target else None,
        "cameo": event.cameo,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover_type,
        "plover_mode": event.plover_mode,
        "plover_context": event.plover_context,
        "date": event.date,
        "date_precision": event.date_precision,
        "evidence": event.evidence,
        "start": event.start,
        "end": event.end,
        "confidence": event.confidence,
        "reported_by": event.reported_by,
        "verb": event.verb,
        "source_actor": actor_record(event.source),
        "target_actor": actor_record(event.target),
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "speaker_actor": quote.speaker_actor,
        "speaker_type": quote.speaker_type,
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "start": quote.start,
        "end": quote.end,
    }


def analysis_record(analysis: Analysis, *, with_text: bool = False) -> dict[str, Any]:
    """One output line of ``eventwire extract`` for an analysed article."""
    article = analysis.article
    record: dict[str, Any] = {
        "id": article.id,
        "published": article.published,
        "title": article.title,
        "url": article.url,
        "events": [event_record(e) for e in analysis.events],
        "quotes": [quote_record(q) for q in analysis.quotes],
    }
    if with_text:
        record["text"] = article.text
    if analysis.error:
        record["error"] = analysis.error
    return record


def failure_record(id: str | None, origin: str, message: str) -> dict[str, Any]:
    """The output line for an input that could not be processed."""
    return {"id": id, "origin": origin, "events": [], "quotes": [], "error": message}
