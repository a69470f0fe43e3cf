"""Ellipsis: "X did the same", "X followed suit", "..., as did X" repeat the latest action.

``syntax.is_ellipsis`` finds the construction; this module copies the events it stands for, with the
elliptical clause's subject as the new doer.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from eventwire.dates import ResolvedDate
from eventwire.events.dating import event_date
from eventwire.events.records import event_record


def ellipsis_events(tok: Token, sent: Span, sources: list[dict], history: list[dict[str, Any]],
                    dates: dict[int, ResolvedDate]) -> list[dict[str, Any]]:
    """"X did the same", "X followed suit", "..., as did X": X repeats the latest
    action (its events, with X as the new doer and the same recipients).

    Args:
        tok: The elliptical verb ("did", "followed").
        sent: Its sentence.
        sources: The coded mentions of the verb's subject (X), one per actor.
        history: The events coded so far in the document, in order.
        dates: Resolved dates keyed by token index.

    Returns:
        The repeated events (not yet added to ``history``).
    """
    earlier = [e for e in history if e["start_char"] <= sent.start_char and e["reported_by"] is None
               and e["verb"] not in ("do", "follow")]
    if tok.dep_ == "advcl" and tok.head.pos_ == "VERB":  # "..., as did X": the head verb's own events
        earlier = [e for e in earlier if e["start_char"] == sent.start_char and e["verb"] == tok.head.lemma_.lower()]
    if not sources or not earlier:
        return []
    last = earlier[-1]
    group = [e for e in earlier if e["start_char"] == last["start_char"] and e["verb"] == last["verb"]
             and e["source"].get("code") == last["source"].get("code")]
    own = {m.get("code") for m in sources}
    date = event_date(tok, sent, dates)
    out = []
    for e in group:
        # "Chile criticised Peru. Peru did the same": Peru answers in kind, at Chile
        target = e["source"] if (e["target"] or {}).get("code") in own else e["target"]
        for s in sources:
            if target is None or target.get("code") == s.get("code"):
                continue
            copy = event_record(s, target, e["cameo"], date, sent, e["confidence"] - 0.1, None, tok)
            if date is None and tok.dep_ == "advcl":
                copy.update(date=e["date"], date_precision=e["date_precision"])
            out.append(copy)
    return out
