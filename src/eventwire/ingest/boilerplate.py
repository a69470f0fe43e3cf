"""Find web boilerplate lines (comment forms, share buttons, bylines...) in article text.

The patterns are data: ``eventwire/data/boilerplate/patterns.tsv`` (format and
sources in its header). This module only decides, line by line, what to drop;
``clean.py`` builds the cleaned text and its offset map from that decision.

A *prose paragraph* is a line of at least ``PROSE_MIN_WORDS`` words that ends
like a sentence and matches no pattern. ``inline`` patterns remove
a piece of a line (a stray " ," after a full stop) rather than the line.
Patterns marked ``edge`` apply only
above the first or below the last prose paragraph, so a real sentence in the
middle of a story ("We use cookies...", quoted in a story about privacy law)
is never dropped by them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from eventwire.errors import Errors

PATTERNS_RESOURCE = "data/boilerplate/patterns.tsv"
KINDS = ("line", "block", "inline")
PLACES = ("any", "edge")
# Eight words ending in ".", "!", "?" (or a closing quote/bracket after one) is
# where one-line headlines, menu entries and "Related" items stop and story
# sentences start: the shortest story paragraph in the dev set has 11 words.
PROSE_MIN_WORDS = 8
# A "Related posts" block swallows list-like lines after its heading; a line this
# long is a paragraph of the story, whatever it ends with.
BLOCK_ITEM_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_LIST_ITEM = re.compile(r"^(\d{1,2}[.)]|[-*•·–—►▸>])\s+")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One boilerplate pattern: what to drop (``kind``), where (``place``), and the regex."""

    kind: str
    place: str
    regex: re.Pattern[str]
    source_line: int


def parse_patterns(text: str, origin: str) -> tuple[Pattern, ...]:
    """Parse a patterns file (see the header of ``patterns.tsv``).

    Raises:
        ValueError: a line has the wrong number of columns, an unknown kind or
            place, or a regex that does not compile; the message names the line.
    """
    patterns = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or cols[0] not in KINDS or cols[1] not in PLACES:
            raise ValueError(
                Errors.E015.format(origin=f"{origin}:{n}", detail="expected KIND<TAB>WHERE<TAB>REGEX")
            )
        try:
            regex = re.compile(cols[2])
        except re.error as e:
            raise ValueError(Errors.E015.format(origin=f"{origin}:{n}", detail=f"bad regex: {e}")) from e
        patterns.append(Pattern(cols[0], cols[1], regex, n))
    return tuple(patterns)


@functools.lru_cache(maxsize=1)
def bundled_patterns() -> tuple[Pattern, ...]:
    """The patterns shipped with eventwire (parsed once per process)."""
    text = resources.files("eventwire").joinpath(PATTERNS_RESOURCE).read_text(encoding="utf-8")
    return parse_patterns(text, PATTERNS_RESOURCE)


def _words(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    """A story paragraph: long enough and ending like a sentence."""
    return _words(line) >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))


def _match(line: str, patterns: tuple[Pattern, ...]) -> Pattern | None:
    for pattern in patterns:
        if pattern.regex.fullmatch(line):
            return pattern
    return None


def _is_block_item(line: str) -> bool:
    if not line:
        return True
    if _LIST_ITEM.match(line):
        return _words(line) <= BLOCK_ITEM_MAX_WORDS
    return not is_prose(line) and _words(line) <= BLOCK_ITEM_MAX_WORDS


def boilerplate_lines(lines: list[str], patterns: tuple[Pattern, ...] | None = None) -> set[int]:
    """Indexes of the lines to drop.

    Args:
        lines: the article's lines, without line breaks.
        patterns: the patterns to use; None uses the bundled ones.

    Returns:
        The set of indexes into ``lines`` that are boilerplate.
    """
    patterns = tuple(p for p in (bundled_patterns() if patterns is None else patterns) if p.kind != "inline")
    keys = [unicodedata.normalize("NFC", line).strip() for line in lines]
    hits = [_match(key, patterns) if key else None for key in keys]
    prose = [i for i, key in enumerate(keys) if hits[i] is None and is_prose(key)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    drop: set[int] = set()
    i = 0
    anywhere = tuple(p for p in patterns if p.place == "any")
    while i < len(lines):
        hit = hits[i]
        if hit is not None and hit.place == "edge" and first <= i <= last:
            hit = _match(keys[i], anywhere)  # inside the story only "any" patterns count
        if hit is None:
            i += 1
            continue
        drop.add(i)
        i += 1
        if hit.kind == "block":
            end = _block_end(keys, hits, i)
            drop.update(range(i, end))
            i = end
    return drop


def _block_end(keys: list[str], hits: list[Pattern | None], i: int) -> int:
    """Index just after the list-like lines that follow a block heading at ``i - 1``.

    A blank line ends the block once it has items, unless a list item ("- ...",
    "1. ...") follows it: a story's subheading after a "Read more" link survives.
    """
    items = 0
    while i < len(keys) and hits[i] is None and _is_block_item(keys[i]):
        if not keys[i]:
            after = next((k for k in keys[i + 1 :] if k), "")
            if items and not _LIST_ITEM.match(after):
                break
        else:
            items += 1
        i += 1
    return i


def inline_cuts(line: str, patterns: tuple[Pattern, ...] | None = None) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``line`` that ``inline`` patterns remove, in order."""
    patterns = bundled_patterns() if patterns is None else patterns
    cuts = sorted(
        m.span()
        for p in patterns
        if p.kind == "inline"
        for m in p.regex.finditer(line)
        if m.end() > m.start()
    )
    merged: list[tuple[int, int]] = []
    for start, end in cuts:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
