"""Find the spans of text between quotation marks, robust to stray and unbalanced marks.

Pure text scanning, no spaCy. The rules:

* A mark opens or closes by its context (space or an opening bracket before and a word
  after opens; a word or punctuation before and a space or punctuation after closes); the
  glyph (“ ” ‘ ’ « ») decides only when the context does not.
* A straight mark after a digit is a prime (6'2", 5'), never a quote mark; an apostrophe
  between letters (don't, O'Brien) or a possessive (countries') with no open single quote
  is not one either.
* Quotes never cross a paragraph (a line break), except the press convention where a
  quoting paragraph has no closing mark and the next paragraph opens with a mark again:
  then the quote goes on into that paragraph.
* A mark left open at the end of a paragraph is dropped, so a missing closing mark never
  swallows the rest of the article.
* Single quotes inside a double-quoted span are nested quotes and belong to it; single
  quotes outside any double quote are quotes of their own (translated copy uses them).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
DOUBLES = OPEN_DOUBLE + CLOSE_DOUBLE + '"'
SINGLES = OPEN_SINGLE + CLOSE_SINGLE + "'"
OPENERS_BEFORE = "([{—–-/" + OPEN_DOUBLE + OPEN_SINGLE
# longest quote we accept, in characters; longer spans are treated as unbalanced marks
MAX_QUOTE_CHARS = 3000


TEXT_KEY = "eventwire_quotes_text"


def text_of(doc) -> str:
    """``doc.text``, read once per quote-finding run (spaCy rebuilds it on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """Text between an opening and a closing quotation mark.

    Attributes:
        start, end: character offsets of the quoted words (marks excluded).
        open_at, close_at: offsets of the opening and the closing mark.
        double: True for double marks, False for single ones.
        paragraphs: how many paragraphs the quote runs over (>1 for a continued quote).
    """

    start: int
    end: int
    open_at: int
    close_at: int
    double: bool
    paragraphs: int = 1


def _direction(text: str, i: int) -> str:
    """'open', 'close', 'both' or 'none' for the mark at ``text[i]``, from its context."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = (before.isspace() or before in OPENERS_BEFORE) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and closes:
        return "both"
    if opens:
        return "open"
    if closes:
        return "close"
    return "none"


def _is_prime(text: str, i: int) -> bool:
    """A straight mark after a digit: feet and inches (6'2"), minutes, not a quote."""
    return i > 0 and text[i - 1].isdigit() and text[i] in "'\""


@functools.lru_cache(maxsize=16)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every non-empty line-delimited paragraph of ``text`` (cached per text)."""
    return tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip())


def _classify_double(text: str, i: int) -> str:
    ch = text[i]
    if ch == '"' and _is_prime(text, i):
        return "none"
    direction = _direction(text, i)
    if direction in ("open", "close"):
        return direction
    if ch in OPEN_DOUBLE:
        return "open"
    if ch in CLOSE_DOUBLE:
        return "close"
    return "both" if direction == "both" else "toggle"


def _scan_doubles(
    text: str, para: tuple[int, int], open_at: int | None = None
) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of (open, close) double marks in one paragraph, and a mark left open at its end.

    ``open_at`` carries a mark opened in an earlier paragraph (a continued quote).
    """
    pairs: list[tuple[int, int]] = []
    for i in range(*para):
        if text[i] not in DOUBLES:
            continue
        kind = _classify_double(text, i)
        if kind == "none":
            continue
        if open_at is None:
            if kind in ("open", "both", "toggle"):
                open_at = i
            continue
        if kind in ("close", "both", "toggle"):
            pairs.append((open_at, i))
            open_at = None
        elif kind == "open":
            # a second opening mark: the first one was stray
            open_at = i
    return pairs, open_at


def _reopen_at(text: str, para: tuple[int, int]) -> int | None:
    """Offset of the opening mark that starts ``para``, if it starts with one."""
    body = text[para[0] : para[1]]
    i = para[0] + len(body) - len(body.lstrip())
    if i < para[1] and text[i] in DOUBLES and _classify_double(text, i) in ("open", "both", "toggle"):
        return i
    return None


def double_spans(text: str) -> list[MarkedSpan]:
    """Double-quoted spans, including quotes continued over paragraphs."""
    spans: list[MarkedSpan] = []
    paras = paragraphs(text)
    carry: tuple[int, int] | None = None  # (opening mark offset, paragraphs so far)
    for n, para in enumerate(paras):
        if carry is not None:
            reopen = _reopen_at(text, para)
            assert reopen is not None  # only carried when this paragraph reopens
            pairs, left_open = _scan_doubles(text, (reopen + 1, para[1]), open_at=carry[0])
        else:
            pairs, left_open = _scan_doubles(text, para)
        for a, b in pairs:
            spans.append(_span(text, a, b, True, carry[1] + 1 if carry and a == carry[0] else 1))
        so_far = carry[1] + 1 if carry and left_open == carry[0] else 1
        next_reopens = n + 1 < len(paras) and _reopen_at(text, paras[n + 1]) is not None
        carry = (left_open, so_far) if left_open is not None and next_reopens else None
    return [s for s in spans if 0 < s.end - s.start <= MAX_QUOTE_CHARS]


def _span(text: str, open_at: int, close_at: int, double: bool, n_paras: int) -> MarkedSpan:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1  # « non »: French spacing inside the marks
    while end > start and text[end - 1].isspace():
        end -= 1
    return MarkedSpan(start, end, open_at, close_at, double, n_paras)


def _single_kind(text: str, i: int, is_open: bool) -> str:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "'" and _is_prime(text, i):
        return "none"
    if before.isalpha() and after.isalpha():
        return "none"  # apostrophe inside a word
    if after.isdigit() and (before.isspace() or i == 0):
        return "none"  # '90s
    direction = _direction(text, i)
    if direction == "open" and ch not in CLOSE_SINGLE:
        return "open"
    if direction in ("close", "both") and is_open:
        return "close"
    if direction == "both" and ch in OPEN_SINGLE:
        return "open"
    return "none"


def single_spans(text: str, inside: list[MarkedSpan]) -> list[MarkedSpan]:
    """Single-quoted spans outside every double-quoted span, one paragraph at a time."""
    covered = [(s.open_at, s.close_at) for s in inside]
    spans: list[MarkedSpan] = []
    for para in paragraphs(text):
        open_at: int | None = None
        for i in range(*para):
            if text[i] not in SINGLES or any(a <= i <= b for a, b in covered):
                continue
            kind = _single_kind(text, i, open_at is not None)
            if kind == "open" and open_at is None:
                open_at = i
            elif kind == "close" and open_at is not None:
                if any(c.isalpha() for c in text[open_at + 1 : i]):
                    spans.append(_span(text, open_at, i, False, 1))
                open_at = None
    return [s for s in spans if s.end - s.start <= MAX_QUOTE_CHARS]


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quoted span of ``text`` (double and top-level single), in text order."""
    doubles = double_spans(text)
    return sorted(doubles + single_spans(text, doubles), key=lambda s: s.start)
