"""The speech-cue lexicon: which words introduce, attribute or block reported speech.

The data lives in ``eventwire/data/quotes/speech_verbs.tsv`` (format and sources in its
header and in ``data/quotes/SOURCES.md``); extra files in the same format can be added.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.symbols import AUX, VERB
from spacy.tokens import Token

from eventwire.errors import Errors, InputError

CLASSES = ("report", "name", "comm", "source", "belief")
RULES_NAME = "eventwire.quote_rules.v1"

_VERB_POS = (VERB, AUX)


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """Cue words by class.

    Attributes:
        verbs: verb lemma -> class (``report``, ``name``, ``comm``, ``belief``).
        phrasal: (lemma, particle) -> class, e.g. ("point", "out") -> report.
        sources: multi-word prepositions that attribute a clause ("according to").
    """

    verbs: dict[str, str] = field(default_factory=dict)
    phrasal: dict[tuple[str, str], str] = field(default_factory=dict)
    sources: frozenset[str] = frozenset()

    def cue_class(self, token: Token) -> str | None:
        """The class of ``token`` as a speech cue, or None when it is no cue.

        A phrasal entry ("point out") wins over the bare verb; a verb is a cue only
        when tagged as a verb (so "the report" and "a call" are not).
        """
        if token.pos not in _VERB_POS or token.tag_ == "MD":  # integer ids: this runs on every token
            return None
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ == "prt":
                found = self.phrasal.get((lemma, child.lower_))
                if found:
                    return found
        return self.verbs.get(lemma)

    def cue_text(self, token: Token) -> str:
        """The cue as reported in output: the lemma, with its particle for phrasal verbs."""
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ == "prt" and (lemma, child.lower_) in self.phrasal:
                return f"{lemma} {child.lower_}"
        return lemma


def _parse(lines: Sequence[str], origin: str) -> list[tuple[str, str]]:
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or cols[1] not in CLASSES or not cols[0].strip():
            raise InputError(
                Errors.E200.format(origin=f"{origin}:{n}", line=line.strip(), classes=", ".join(CLASSES))
            )
        rows.append((cols[0].strip().lower(), cols[1]))
    return rows


def _build(rows: list[tuple[str, str]]) -> SpeechLexicon:
    verbs: dict[str, str] = {}
    phrasal: dict[tuple[str, str], str] = {}
    sources: set[str] = set()
    for cue, cls in rows:
        if cls == "source":
            sources.add(cue)
        elif " " in cue:
            lemma, particle = cue.split(" ", 1)
            phrasal[(lemma, particle)] = cls
        else:
            verbs[cue] = cls
    return SpeechLexicon(verbs, phrasal, frozenset(sources))


@functools.cache
def _bundled_rows() -> tuple[tuple[str, str], ...]:
    ref = resources.files("eventwire") / "data" / "quotes" / "speech_verbs.tsv"
    return tuple(_parse(ref.read_text(encoding="utf-8").splitlines(), "speech_verbs.tsv"))


def load_lexicon(extra: Sequence[str | Path] = ()) -> SpeechLexicon:
    """The bundled lexicon, then ``extra`` files (later entries override earlier ones).

    Raises:
        InputError: a file is missing or has a malformed line (E200, E201).
    """
    rows = list(_bundled_rows())
    for path in extra:
        path = Path(path)
        if not path.is_file():
            raise InputError(Errors.E201.format(path=path))
        rows.extend(_parse(path.read_text(encoding="utf-8").splitlines(), str(path)))
    return _build(rows)
