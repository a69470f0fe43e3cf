"""The records that flow between eventwire's stages.

    Article (ingest) -> spaCy Doc (nlp) -> Analysis with Actor / Event / Quote -> rows (store)

Variable names, one per type (see CONTRIBUTING.md): ``article``, ``doc``,
``analysis``, ``actor``, ``event``, ``quote``, ``offsets``.

Character offsets: the analysis runs on ``Article.text`` (the cleaned text);
every ``start``/``end`` on an ``Event``, ``Quote`` or ``Actor`` points into
``Article.raw_text`` (the text as the user gave it, or as extracted from HTML),
so highlights land where the user expects them. ``OffsetMap`` converts.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in a cleaned text back to the raw text it was cut from.

    The cleaned text is a concatenation of pieces of the raw text. ``pieces``
    holds one ``(clean_start, raw_start, length)`` triple per kept piece, in
    order. Characters that cleaning inserted (a newline joining two pieces,
    say) map to the position just after the previous piece.
    """

    pieces: tuple[tuple[int, int, int], ...] = ()

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(((0, 0, length),))

    def to_raw(self, offset: int, *, end: bool = False) -> int:
        """Raw-text offset of clean-text ``offset``.

        Args:
            offset: a character offset into the cleaned text.
            end: treat ``offset`` as an exclusive end, so an end that falls
                just after a piece maps to the end of that piece in the raw text.
        """
        if not self.pieces:
            return offset
        starts = [p[0] for p in self.pieces]
        probe = offset - 1 if end and offset > 0 else offset
        i = max(bisect.bisect_right(starts, probe) - 1, 0)
        clean_start, raw_start, length = self.pieces[i]
        delta = min(max(offset - clean_start, 0), length)
        return raw_start + delta


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, cleaned and ready for analysis.

    Attributes:
        id: stable id: the input's id, else the URL, else ``sha1:<content hash>``.
        text: cleaned text (boilerplate removed, Unicode NFC).
        raw_text: the text as given (plain text / JSONL) or as extracted (HTML).
        offsets: maps offsets in ``text`` to offsets in ``raw_text``.
        published: publication date, ISO 8601 (``YYYY-MM-DD``), or None.
        title, url, author, site: metadata when known.
        origin: where it came from, for messages: ``path`` or ``path:line``.
        content_hash: sha1 of ``text``, used to skip re-ingestion.
        extra: any other input fields, JSON-plain.
    """

    id: str
    text: str
    raw_text: str
    offsets: OffsetMap
    published: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    site: str | None = None
    origin: str | None = None
    content_hash: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a code.

    Attributes:
        code: actor code (ISO 3166-1 alpha-3 for states, ``NATO``, ``UN``, ...), or None.
        name: canonical name ("Jens Stoltenberg", "South Korea").
        kind: ``state``, ``igo``, ``ngo``, ``person``, ``group`` or ``org``.
        agent: agent type / sector (``GOV``, ``MIL``, ...) or None.
        text: the mention as written ("he", "Seoul").
        start, end: offsets into ``Article.raw_text``.
        reason: why this code (dictionary entry, office held on a date, coreference ...).
    """

    code: str | None
    name: str
    kind: str
    text: str
    start: int
    end: int
    agent: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One coded interaction: who did what to whom, when.

    Attributes:
        source, target: the actors (target may be None for unilateral actions).
        cameo: the most specific CAMEO code; ``root`` its two-digit root.
        quad_class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.
        goldstein: Goldstein scale value.
        plover_type, plover_mode, plover_context: PLOVER coding (mode/context may be None).
        date: ISO date at its precision (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``) or None.
        date_precision: ``day``, ``month``, ``year`` or None.
        evidence: the text that states the event; ``start``/``end`` locate it in ``raw_text``.
        confidence: 0..1.
        reported_by: the code or name of whoever reported it ("according to X"), or None.
        verb: the word that triggered the code (lemma).
    """

    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None
    date: str | None
    date_precision: str | None
    evidence: str
    start: int
    end: int
    confidence: float
    reported_by: str | None = None
    verb: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech and its speaker.

    Attributes:
        text: the quoted words without quote marks (for ``indirect``, the reported clause).
        kind: ``direct``, ``partial`` or ``indirect``.
        speaker: full name of the person, else the organisation or state, else None.
        speaker_actor: the speaker's actor code, or None.
        speaker_type: ``person`` or ``org`` (None when unattributed).
        cue: the speech verb lemma ("say", "according to"), or None.
        start, end: offsets of ``text`` in ``Article.raw_text``.
    """

    text: str
    kind: str
    speaker: str | None
    speaker_actor: str | None
    speaker_type: str | None
    cue: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Analysis:
    """What eventwire found in one article (or why it could not)."""

    article: Article
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    error: str | None = None
