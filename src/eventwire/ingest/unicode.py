"""Unicode NFC normalisation that remembers where every character came from.

NFC keeps curly quotes and apostrophes as they are (they have no decomposition),
which quote detection needs; it only composes letters and accents that arrive
decomposed ("e" + U+0301 -> "é"). When that changes a length, the changed
cluster maps back to its raw start, and its end maps back to the raw end of
the cluster, so a word that ends in a composed letter still slices out of the
raw text whole.
"""

from __future__ import annotations

import unicodedata

# (clean_start, raw_start, length), as in ``eventwire.types.OffsetMap``.
Piece = tuple[int, int, int]


def _starts_cluster(char: str) -> bool:
    # Hangul medial vowels and final consonants (U+1160-U+11FF) are starters
    # (combining class 0) that still compose with the syllable before them.
    return unicodedata.combining(char) == 0 and not "\u1160" <= char <= "\u11ff"


def _clusters(text: str) -> list[str]:
    clusters: list[str] = []
    for char in text:
        if clusters and not _starts_cluster(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _units(text: str) -> list[tuple[str, int]]:
    """Split ``text`` into (clean text, raw length) units; unchanged runs are merged."""
    units: list[tuple[str, int]] = []
    clusters = _clusters(text)
    normal = [unicodedata.normalize("NFC", c) for c in clusters]
    if "".join(normal) != unicodedata.normalize("NFC", text):
        # A composition across clusters (rare scripts): map the whole segment as one unit.
        return [(unicodedata.normalize("NFC", text), len(text))]
    for raw, clean in zip(clusters, normal):
        if raw == clean and units and units[-1][0] and _same_run(units[-1]):
            units[-1] = (units[-1][0] + clean, units[-1][1] + len(raw))
        else:
            units.append((clean, len(raw)))
    return units


def _same_run(unit: tuple[str, int]) -> bool:
    return len(unit[0]) == unit[1] and unicodedata.is_normalized("NFC", unit[0])


def _unit_pieces(clean_len: int, raw_len: int, cs: int, rs: int) -> list[Piece]:
    """Pieces for one unit whose start maps to ``rs`` and whose end maps to ``rs + raw_len``."""
    if clean_len == raw_len:
        return [(cs, rs, clean_len)]
    if clean_len > raw_len:
        return [(cs, rs, raw_len)]  # the extra clean characters map to the raw end
    if clean_len == 1:
        return [(cs, rs + raw_len - 1, 1)]  # callers avoid this by pairing with a neighbour
    return [(cs, rs, 1), (cs + 1, rs + raw_len - (clean_len - 1), clean_len - 1)]


def _lone(unit: tuple[str, int]) -> bool:
    return len(unit[0]) == 1 and unit[1] > 1


def _pair_single(units: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join a one-character changed unit with one neighbouring character so both ends map exactly.

    It joins the character before it when that is part of the same word ("caf" + "é"),
    else the one after it ("É" + "tat"), so word boundaries map exactly either way.
    """
    out: list[tuple[str, int]] = []
    for clean, raw_len in units:
        unit = (clean, raw_len)
        if _lone(unit) and out and _same_run(out[-1]) and not out[-1][0][-1].isspace():
            prev, prev_len = out.pop()
            if len(prev) > 1:
                out.append((prev[:-1], prev_len - 1))
            out.append((prev[-1] + clean, 1 + raw_len))
        elif out and _lone(out[-1]) and _same_run(unit):
            lone, lone_len = out.pop()
            out.append((lone + clean[0], lone_len + 1))
            if len(clean) > 1:
                out.append((clean[1:], raw_len - 1))
        else:
            out.append(unit)
    return out


def nfc_with_pieces(text: str, *, clean_start: int = 0, raw_start: int = 0) -> tuple[str, list[Piece]]:
    """NFC-normalise ``text`` and return the offset pieces from clean back to raw.

    Args:
        text: a slice of the raw input.
        clean_start: where the result will start in the cleaned text.
        raw_start: where ``text`` starts in the raw input.

    Returns:
        The normalised text and its ``(clean_start, raw_start, length)`` pieces.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, [(clean_start, raw_start, len(text))] if text else []
    pieces: list[Piece] = []
    parts: list[str] = []
    cs, rs = clean_start, raw_start
    for clean, raw_len in _pair_single(_units(text)):
        pieces.extend(_unit_pieces(len(clean), raw_len, cs, rs))
        parts.append(clean)
        cs += len(clean)
        rs += raw_len
    return "".join(parts), pieces
