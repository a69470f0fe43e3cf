"""Event records: build one event dict, compare actor mentions, and merge duplicate events.

Every rule of the coder (``coder``, ``ellipsis``) emits through :func:`event_record`, so an event
has one shape wherever it comes from; :func:`dedupe` keeps one event per (source, target, root).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from eventwire.dates import ResolvedDate


def event_record(s, t, code, date: ResolvedDate | None, sent: Span, confidence, reported, tok: Token) -> dict[str, Any]:
    """One event dict, with the sentence as its evidence.

    Args:
        s: The source actor mention.
        t: The target actor mention.
        code: The CAMEO code.
        date: The event's resolved date, or None.
        sent: The sentence that states the event.
        confidence: The raw confidence; clipped to [0.05, 1.0] and rounded.
        reported: The mention of whoever reports the event, or None.
        tok: The action word (its lemma is the event's ``verb``).

    Returns:
        The event dict (the keys of ``doc._.eventwire_events``).
    """
    return {
        "source": s, "target": t, "cameo": code,
        "date": date.value if date else None, "date_precision": date.precision if date else None,
        "start_char": sent.start_char, "end_char": sent.end_char - len(sent.text) + len(sent.text.rstrip()),
        "confidence": round(max(0.05, min(1.0, confidence)), 3),
        "reported_by": reported.get("code") if reported else None,
        "verb": tok.lemma_.lower(),
    }


def unique(mentions: list[dict]) -> list[dict]:
    """The coded mentions, the first one of each actor code, in order.

    Args:
        mentions: Actor mentions; those without a code are dropped.

    Returns:
        One mention per code.
    """
    seen, out = set(), []
    for m in mentions:
        key = m.get("code")
        if key and key not in seen:
            seen.add(key)
            out.append(m)
    return out


def same_mention(a: dict, b: dict) -> bool:
    """Whether two mentions are one: the same token, the same state named by the same words, or a
    group and an actor with its code.

    Args:
        a: An actor mention.
        b: Another actor mention.

    Returns:
        True when an event between them would be an actor acting on itself.
    """
    if a.get("code") == b.get("code") and (a.get("group") is not None or b.get("group") is not None):
        return True  # "the Kremlin described the agreement" (Russia and North Korea): not Russia -> Russia
    return a.get("start") == b.get("start") or (a.get("code") == b.get("code") and a.get("kind") == b.get("kind") == "state" and a.get("text") == b.get("text"))


def self_igo(a: dict, b: dict) -> bool:
    """An organisation acting on itself ("NATO leaders agreed to raise the alliance's ...").

    Args:
        a: The source mention.
        b: The target mention.

    Returns:
        True when both carry one code and either is an intergovernmental organisation.
    """
    return a.get("code") == b.get("code") and "igo" in (a.get("kind"), b.get("kind"))


def own_bloc(source: dict, targets: list[dict]) -> list[dict]:
    """A member state acting on a group its own bloc belongs to acts on its bloc: "France opposed
    the deal" (between the EU and Mercosur's members) -> the EU only.

    Args:
        source: The doer's mention.
        targets: The recipients' mentions.

    Returns:
        The group targets whose ``member_states`` include the doer, else ``targets`` unchanged.
    """
    bloc = [t for t in targets if t.get("group") is not None and source.get("code") in (t.get("member_states") or ())]
    return bloc or targets


def dedupe(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per (source code, target code, CAMEO root), in first-seen order.

    The most confident event wins; a date from any of the merged events is kept.

    Args:
        events: Event dicts in document order.

    Returns:
        The merged events.
    """
    best: dict[tuple, dict[str, Any]] = {}
    order = []
    for e in events:
        key = ((e["source"] or {}).get("code"), (e["target"] or {}).get("code"), e["cameo"][:2])
        if key not in best:
            order.append(key)
            best[key] = e
        elif e["confidence"] > best[key]["confidence"]:
            if e["date"] is None and best[key]["date"] is not None:
                e = {**e, "date": best[key]["date"], "date_precision": best[key]["date_precision"]}
            best[key] = e
        elif best[key]["date"] is None and e["date"] is not None:
            # a headline states the event undated; the body dates it
            best[key] = {**best[key], "date": e["date"], "date_precision": e["date_precision"]}
    return [best[k] for k in order]
