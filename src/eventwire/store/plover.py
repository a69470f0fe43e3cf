"""Events as PLOVER/POLECAT-like JSON records, valid against ``data/events/plover_event.schema.json``.

Mapping: ``actor``/``recipient`` from the source/target (code ``---`` when an
actor has no code, PETRARCH's mark for "unknown"), ``event`` from the PLOVER
type (``CONCEDE/RETREAT`` becomes both), ``mode``/``context`` from the CAMEO
table, keeping only values the schema lists (others go to
``eventwire.mode_other`` / ``eventwire.context_other``), ``date``/``enddate``
from the event's date window, ``quad_code``, ``event_scale`` (Goldstein),
``text``/``text_info`` from the first mention's evidence and ``cite_info`` from
its article. Events with no PLOVER type (CAMEO root 01, "make public
statement", has none) or no date window at all are left out and counted.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from eventwire import __version__

SCHEMA_PATH = "data/events/plover_event.schema.json"
LEFT_OUT_NOTE = "{n} events were left out: no PLOVER event type, or no date at all (PLOVER requires both)."


@functools.cache
def schema() -> dict[str, Any]:
    return json.loads(resources.files("eventwire").joinpath(SCHEMA_PATH).read_text(encoding="utf-8"))


def _enum(field: str) -> set[str]:
    return set(schema()["properties"][field]["items"]["enum"])


def _split(value: str | None, sep: str) -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


def _entity(code: str | None, name: str | None, agent: str | None, text: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"code": code or "---"}
    if agent:
        out["sector"] = agent
    if name or text:
        out["entity_text"] = text or name
    return out


def record(event: dict[str, Any]) -> dict[str, Any] | None:
    """One PLOVER record from an event joined with its first mention's article, or None to leave it out."""
    types = [t for t in _split(event["plover_type"], "/") if t in _enum("event")]
    if not types or not event["window_start"]:
        return None
    modes = _split(event["plover_mode"], "|")
    contexts = _split(event["plover_context"], "|")
    out: dict[str, Any] = {
        "id": f"eventwire-{event['id']}",
        "has_event": True,
        "date": event["window_start"],
        "actor": [_entity(event["source_code"], event["source_name"], event["source_agent"], None)],
        "event": types,
        "quad_code": event["quad_class"],
        "event_scale": event["goldstein"],
        "text": event["evidence"],
        "text_info": {"start": event["start"], "end": event["end"]},
        "event_text": [event["evidence"]],
        "cite_info": _cite(event),
        "coder": f"eventwire {__version__}",
        "eventwire": {
            "cameo": event["cameo"], "date": event["date"], "date_precision": event["date_precision"],
            "num_mentions": event["num_mentions"], "num_articles": event["num_articles"],
            "num_sources": event["num_sources"],
            "mode_other": [m for m in modes if m not in _enum("mode")],
            "context_other": [c for c in contexts if c not in _enum("context")],
        },
    }
    if event["window_end"] and event["window_end"] != event["window_start"]:
        out["enddate"] = event["window_end"]
    if event["target_code"] or event["target_name"]:
        out["recipient"] = [_entity(event["target_code"], event["target_name"], event["target_agent"], None)]
    if kept := [m for m in modes if m in _enum("mode")]:
        out["mode"] = kept
    if kept := [c for c in contexts if c in _enum("context")]:
        out["context"] = kept
    return out


def _cite(event: dict[str, Any]) -> dict[str, Any]:
    cite = {"citation": event["article_id"], "codebook": "CAMEO, mapped to PLOVER", "coder": "eventwire"}
    for key, column in (("url", "url"), ("title", "title"), ("publication", "outlet")):
        if event.get(column):
            cite[key] = event[column]
    return cite
