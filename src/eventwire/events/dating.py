"""Dates of events: resolve the date expressions of a Doc, skip the dateline, and give an undated
retelling of a dated act its date (see ``eventwire.dates`` for the expressions themselves)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventwire.dates import ResolvedDate, resolve
from eventwire.events import modality as mod
from eventwire.events import syntax as syn

_RELATIVE_DAY = re.compile(
    r"\b(the day before|the previous day|the day after|the next day|the following day|earlier that day|"
    r"later that day|that same day|the same day|(?:shortly |soon |immediately )?afterwards?|within hours|"
    r"within minutes|hours later|minutes later|moments later)\b", re.IGNORECASE)


def _date_spans(doc: Doc) -> list[Span]:
    """DATE/TIME entities plus relative-day phrases the NER leaves out ("the day before")."""
    spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    for m in _RELATIVE_DAY.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:  # it replaces a partial entity ("the day" of "the day before")
            spans = [e for e in spans if e.end <= span.start or e.start >= span.end] + [span]
    return sorted(spans, key=lambda s: s.start)


_OFFSET = re.compile(r"^(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(day|days|week|weeks)$", re.IGNORECASE)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _offset_clause(span: Span, out: dict[int, ResolvedDate], anchor: ResolvedDate | None,
                   published: Any) -> bool:
    """"..., a day after Putin and Kim signed a treaty": the clause after "after" happened that
    long before the sentence's own day (after "before": that long after). Dates the clause's
    tokens; True when ``span`` was such an offset."""
    m = _OFFSET.match(span.text.strip())
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if not m or nxt is None or nxt.lower_ not in ("after", "before"):
        return False
    amount = _COUNTS.get(span[0].lower_) or (int(span[0].text) if span[0].text.isdigit() else 1)
    days = amount * (7 if m.group(1).lower().startswith("week") else 1)
    own = [out[t.i] for t in span.sent if t.i < span.start and t.i in out and out[t.i].precision == "day"]
    base = own[-1] if own else anchor
    if base is None and published:
        base = ResolvedDate(str(published)[:10], "day")
    if base is None or base.precision != "day":
        return True
    shift = dt.timedelta(days=-days if nxt.lower_ == "after" else days)
    when = ResolvedDate((base.as_date() + shift).isoformat(), "day")
    for t in nxt.subtree:
        out.setdefault(t.i, when)
    return True


def resolve_doc_dates(doc: Doc) -> dict[int, ResolvedDate]:
    """Resolve every date expression in document order; keyed by token index of each token."""
    published = doc._.eventwire_published
    anchor: ResolvedDate | None = None
    out: dict[int, ResolvedDate] = {}
    for span in _date_spans(doc):
        if _offset_clause(span, out, anchor, published):
            continue
        if span.root.dep_ == "poss" and span.root.head.pos_ == "NOUN":
            continue  # "unlike last year's communique": dates the thing named, not the clause's act
        got = resolve(span.text, published, anchor)
        if got is None:
            continue
        if span.start < 80 and published and got.value == str(published)[:10] and re.search(r"\d{4}", span.text):
            continue  # the dateline: it dates the article, not an event
        if got.precision == "day":
            anchor = got
        for i in range(span.start, span.end):
            out[i] = got
    return out


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'/,-]+,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2},\s+\d{4}")


def dateline_end(doc: Doc) -> int:
    """Character offset where a leading dateline ("SEOUL, June 20, 2024") ends, else 0."""
    # doc.text joins every token of the article; the first 60 tokens are enough here
    m = _DATELINE.match(doc[: min(len(doc), 60)].text[:120])
    return m.end() if m else 0


def inherit_dates(events: list[dict[str, Any]], anchors: list[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """An undated retelling of an earlier dated act (same verb, a shared actor) takes its date.
    ``anchors`` are dated acts that gave no event (same keys as events)."""
    out = []
    for i, e in enumerate(events):
        if e["date"] is None:
            codes = {(e["source"] or {}).get("code"), (e["target"] or {}).get("code")}
            earlier = events[:i] + [a for a in anchors if a["start_char"] < e["start_char"]]
            earlier.sort(key=lambda x: x["start_char"])
            for prev in reversed(earlier):
                if prev["date"] and prev["verb"] == e["verb"] and codes & {
                    (prev["source"] or {}).get("code"), (prev["target"] or {}).get("code")
                }:
                    e = {**e, "date": prev["date"], "date_precision": prev["date_precision"]}
                    break
        out.append(e)
    return out


def event_date(tok: Token, sent: Span, dates: dict[int, ResolvedDate]) -> ResolvedDate | None:
    """The date of the action at ``tok``: the nearest date expression that governs it.

    Looks in the action's own clause, then the reporting verb's clause ("said on Monday"), then
    the clause of the verb it is coordinated with, then anywhere in the sentence.

    Args:
        tok: The action word.
        sent: Its sentence.
        dates: Resolved dates keyed by token index (from :func:`resolve_doc_dates`).

    Returns:
        The date, or None when the sentence has none.
    """
    for t in syn.clause_tokens(tok):
        if t.i in dates:
            return dates[t.i]
    rep = mod.reporter(tok) if tok.pos_ == "VERB" else None
    if rep is not None and rep.pos_ == "VERB":
        for t in syn.clause_tokens(rep):
            if t.i in dates:
                return dates[t.i]
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        for t in syn.clause_tokens(tok.head):
            if t.i in dates:
                return dates[t.i]
    for t in sent:
        if t.i in dates:
            return dates[t.i]
    return None
