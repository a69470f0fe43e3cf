"""Cleaning: raw text -> the text the analysis reads, plus an ``OffsetMap`` back to the raw text.

Cleaning only ever *removes* characters from the raw text (boilerplate lines,
date-only header lines, spaces at line ends, extra blank lines, stray " ,"
after a full stop) and *inserts*
line breaks between paragraphs, then NFC-normalises what is kept. So every
offset into the cleaned text maps back into the raw text (``OffsetMap.to_raw``).

Paragraphs come out separated by one blank line. Plain text keeps its own line
breaks inside a paragraph (hard-wrapped text stays wrapped); text extracted
from HTML has one paragraph a line, so each line becomes a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.ingest.boilerplate import Pattern, boilerplate_lines, inline_cuts
from eventwire.ingest.dateline import Dateline, find_dateline
from eventwire.ingest.unicode import Piece, nfc_with_pieces
from eventwire.types import OffsetMap

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of cleaning one text.

    Attributes:
        text: the cleaned text.
        offsets: maps offsets in ``text`` to offsets in the raw text.
        dropped: the lines that were removed (stripped), in order, for reports and tests.
        dateline: the date found in the header lines, if any.
    """

    text: str
    offsets: OffsetMap
    dropped: tuple[str, ...]
    dateline: Dateline | None


def split_lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``raw``, without its line break (``\\r\\n`` aware)."""
    spans = []
    start = 0
    for part in raw.split("\n"):
        end = start + len(part)
        spans.append((start, end - 1 if part.endswith("\r") else end))
        start = end + 1
    return spans


def _trimmed(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _pieces_of_line(raw: str, start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The raw spans of a line that remain after removing ``cuts`` (offsets within the line)."""
    spans, pos = [], start
    for cut_start, cut_end in cuts:
        spans.append((pos, start + cut_start))
        pos = start + cut_end
    spans.append((pos, end))
    return [(s, e) for s, e in spans if e > s]


def _kept_spans(
    raw: str,
    spans: list[tuple[int, int]],
    drop: set[int],
    one_per_line: bool,
    patterns: tuple[Pattern, ...] | None,
    inline: bool,
) -> list[tuple[int, int, str]]:
    """(start, end, separator before it) of every kept piece of every kept, non-empty line."""
    kept = []
    gap = True
    for i, (start, end) in enumerate(spans):
        s, e = _trimmed(raw, start, end)
        if i in drop or s == e:
            gap = True
            continue
        cuts = inline_cuts(raw[s:e], patterns) if inline else []
        for n, (a, b) in enumerate(_pieces_of_line(raw, s, e, cuts)):
            sep = "" if n else (PARAGRAPH_BREAK if gap or one_per_line else "\n")
            kept.append((a, b, sep))
        gap = False
    return kept


def _assemble(raw: str, kept: list[tuple[int, int, str]]) -> tuple[str, list[Piece]]:
    parts: list[str] = []
    pieces: list[Piece] = []
    length = 0
    last_raw_end = None
    for start, end, sep in kept:
        if parts and sep:
            if last_raw_end is not None and raw[last_raw_end:start] == sep and pieces:
                # the separator is in the raw text too: extend the previous piece over it
                cs, rs, n = pieces[-1]
                if rs + n == last_raw_end:
                    pieces[-1] = (cs, rs, n + len(sep))
            parts.append(sep)
            length += len(sep)
        chunk, chunk_pieces = nfc_with_pieces(raw[start:end], clean_start=length, raw_start=start)
        if pieces and chunk_pieces and _contiguous(pieces[-1], chunk_pieces[0]):
            cs, rs, n = pieces.pop()
            first = chunk_pieces.pop(0)
            pieces.append((cs, rs, n + first[2]))
        pieces.extend(chunk_pieces)
        parts.append(chunk)
        length += len(chunk)
        last_raw_end = end
    return "".join(parts), pieces


def _contiguous(a: Piece, b: Piece) -> bool:
    return a[0] + a[2] == b[0] and a[1] + a[2] == b[1]


def clean_text(
    raw: str,
    *,
    strip_boilerplate: bool = True,
    one_per_line: bool = False,
    patterns: tuple[Pattern, ...] | None = None,
    year: int | None = None,
) -> Cleaned:
    """Clean ``raw`` and map the result back to it.

    Args:
        raw: the text as given (or as extracted from HTML).
        strip_boilerplate: drop boilerplate lines (config ``ingest.strip_boilerplate``).
        one_per_line: every line is a paragraph (text extracted from HTML).
        patterns: boilerplate patterns; None uses the bundled ones.
        year: a known year for a dateline that gives none.

    Returns:
        The cleaned text, its offset map, the dropped lines and the dateline.
    """
    spans = split_lines(raw)
    lines = [raw[s:e] for s, e in spans]
    drop = boilerplate_lines(lines, patterns) if strip_boilerplate else set()
    dateline = find_dateline([line if i not in drop else "" for i, line in enumerate(lines)], year=year)
    if dateline is None:
        dateline = find_dateline(lines, year=year)
    if dateline is not None and dateline.date_only:
        drop.add(dateline.line)
    kept = _kept_spans(raw, spans, drop, one_per_line, patterns, strip_boilerplate)
    text, pieces = _assemble(raw, kept)
    dropped = tuple(lines[i].strip() for i in sorted(drop) if lines[i].strip())
    return Cleaned(text, OffsetMap(tuple(pieces)), dropped, dateline)
