"""Cut an article's raw text into segments so every event and quote can be highlighted.

Events and quotes overlap (a quote often sits inside an event's evidence), so the
text is split at every start and end offset; each segment knows which marks cover
it. Templates render each covered segment as one link, and the text stays escaped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """One thing to highlight: ``kind`` is ``event`` or ``quote``, ``index`` its position in its list."""

    kind: str
    index: int
    start: int
    end: int

    @property
    def key(self) -> str:
        return f"{'ev' if self.kind == 'event' else 'q'}-{self.index}"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same marks (none for plain text).

    Attributes:
        text: the characters of the raw text.
        start: offset of ``text`` in the raw text.
        marks: the marks covering it, the shortest (innermost) first.
        opens: keys of the marks that start here (their first segment gets an anchor).
    """

    text: str
    start: int
    marks: tuple[Mark, ...] = ()
    opens: tuple[str, ...] = ()

    @property
    def target(self) -> Mark | None:
        """The mark a click on this segment leads to: the innermost one."""
        return self.marks[0] if self.marks else None

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of mark covering this segment (``event``, ``quote``), sorted."""
        return tuple(sorted({m.kind for m in self.marks}))

    def keys(self, kind: str) -> str:
        """Space-separated indexes of the marks of ``kind`` covering this segment."""
        return " ".join(str(m.index) for m in self.marks if m.kind == kind)


def valid_marks(marks: list[Mark], length: int) -> list[Mark]:
    """Drop marks that fall outside the text or are empty (bad offsets never break the page)."""
    return [m for m in marks if 0 <= m.start < m.end <= length]


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Split ``text`` at every mark boundary.

    Args:
        text: the article's raw text (the offsets of events and quotes point into it).
        marks: what to highlight; marks with offsets outside the text are ignored.

    Returns:
        Segments covering the whole text, in order; joining their ``text`` gives ``text``.
    """
    marks = valid_marks(marks, len(text))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    result = []
    for a, b in itertools.pairwise(cuts):
        covering = sorted((m for m in marks if m.start <= a and b <= m.end), key=lambda m: (m.end - m.start, m.key))
        opens = tuple(m.key for m in covering if m.start == a)
        result.append(Segment(text[a:b], a, tuple(covering), opens))
    return result
