"""Scoring helpers for benchmarks/extraction_bench.py (rules described in the data READMEs)."""

from __future__ import annotations

import re
from collections import Counter

_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")


def collapse(text: str) -> str:
    """All runs of white space as one space."""
    return _SPACE.sub(" ", text or "").strip()


def snippet_counts(output: str, with_: list[str], without: list[str]) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) for one page: must-have snippets found / missed, must-not found / absent."""
    text = collapse(output)
    found = [collapse(s) in text for s in with_]
    leaked = [collapse(s) in text for s in without]
    return sum(found), len(found) - sum(found), sum(leaked), len(leaked) - sum(leaked)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def shingle_counts(gold: str, output: str) -> tuple[float, float, float, int]:
    """(tp, fp, fn) of 4-token shingles for one page, normalised to sum to 1, and exact-match (0/1)."""
    g, p = _shingles(gold), _shingles(output)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    exact = int(_TOKEN.findall(gold or "") == _TOKEN.findall(output or ""))
    if total == 0:
        return 0.0, 0.0, 0.0, exact
    return tp / total, fp / total, fn / total, exact
