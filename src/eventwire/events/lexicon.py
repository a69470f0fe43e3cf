"""The verb-pattern lexicon: eventwire YAML dictionaries and PETRARCH verb files, merged.

Order of precedence: extra dictionaries from the config (last wins) > the bundled
``data/events/verbs.yaml`` > the bundled PETRARCH ``CAMEO.2.0.txt`` (fallback).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from eventwire.errors import Errors, EventwireError
from eventwire.events.cameo import cameo_info
from eventwire.events.petrarch_verbs import Pattern, VerbBlock, parse_petrarch_verbs

NO_EVENT = "---"
DEFAULT_TARGETS = ("dobj", "dative", "on", "against", "with", "to", "at", "toward", "towards", "between")
# PETRARCH fallback codes that are plain statements: not events unless directed (see guidelines).
_FALLBACK_SKIP_ROOTS = {"01"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One verb or noun entry of the lexicon."""

    key: str
    code: str | None
    frame: str | None = None
    target: tuple[str, ...] = DEFAULT_TARGETS
    source: str | None = None
    symmetric: bool = False
    when: tuple[tuple[frozenset[str], str], ...] = ()
    default_off: bool = False
    origin: str = "eventwire"
    when_before: tuple[tuple[frozenset[str], str], ...] = ()
    petrarch: VerbBlock | None = None


def _word(value: Any) -> str:
    """A dictionary word; YAML 1.1 reads a bare ``on`` / ``off`` as a boolean."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value).lower()


def _data(name: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath(f"data/events/{name}")))


def _entry(key: str, raw: dict[str, Any], path: str, check_codes: bool) -> Entry:
    code = raw.get("code")
    code = str(code) if code is not None else None
    when = []
    for w in raw.get("when") or []:
        words = frozenset(_word(x) for x in w.get("words", []))
        when.append((words, str(w["code"])))
    before = [(frozenset(_word(x) for x in w.get("words", [])), str(w["code"])) for w in raw.get("when_before") or []]
    if check_codes:
        for c in [code] + [c for _, c in when + before]:
            if c is not None and c != NO_EVENT and cameo_info(c) is None:
                raise EventwireError(Errors.E152.format(path=path, entry=key, code=c))
    return Entry(
        key=key, code=code, frame=raw.get("frame"),
        target=tuple(_word(t) for t in raw.get("target") or DEFAULT_TARGETS),
        source=raw.get("source"), symmetric=bool(raw.get("symmetric")), when=tuple(when),
        default_off=bool(raw.get("default_off")), when_before=tuple(before),
    )


class Lexicon:
    """Verb and noun entries, the complement map and topic words.

    Args:
        extra: paths of extra dictionaries (``.yaml``/``.yml`` eventwire format, ``.txt``
            PETRARCH format), loaded after the bundled ones so they take precedence.
        bundled: load the bundled dictionaries (False: only ``extra``, e.g. for the
            PETRARCH suite run with its own dictionaries).
    """

    def __init__(self, extra: list[str] | tuple[str, ...] = (), *, bundled: bool = True):
        self.verbs: dict[str, Entry] = {}
        self.nouns: dict[str, Entry] = {}
        self.fallback: dict[str, VerbBlock] = {}
        self.complement: dict[str, dict[str, str]] = {}
        self.topics: list[tuple[frozenset[str], str]] = []
        self.deescalate: frozenset[str] = frozenset()
        self.event_nouns: frozenset[str] = frozenset()
        self.negative_words: frozenset[str] = frozenset()
        self.negative_verbs: frozenset[str] = frozenset()
        self.pair_nouns: frozenset[str] = frozenset()
        self.claim_nouns: frozenset[str] = frozenset()
        self.accord_nouns: frozenset[str] = frozenset()
        self.reciprocal_nouns: frozenset[str] = frozenset()
        self.military_words: frozenset[str] = frozenset()
        self.domestic_groups: frozenset[str] = frozenset()
        self.domestic_forces: frozenset[str] = frozenset()
        self.check_codes = True
        self.use_fallback = True
        if bundled:
            self.fallback = parse_petrarch_verbs(_data("petrarch/CAMEO.2.0.txt"))
            self.load_yaml(_data("verbs.yaml"))
        for path in extra:
            self.load(path)

    def load(self, path: str | Path) -> None:
        """Load one dictionary file (by extension)."""
        suffix = Path(path).suffix.lower()
        if suffix in (".yaml", ".yml"):
            self.load_yaml(Path(path))
        elif suffix == ".txt":
            self.load_petrarch(Path(path))
        else:
            raise EventwireError(Errors.E153.format(path=path))

    def load_petrarch(self, path: Path, *, check_codes: bool = False) -> None:
        """Add a PETRARCH verb file; its verbs override entries of the same lemma."""
        for lemma, block in parse_petrarch_verbs(path).items():
            self.verbs[lemma] = Entry(key=lemma, code=block.code, origin="petrarch", petrarch=block)
            for form in block.forms:
                self.verbs.setdefault(form, self.verbs[lemma])

    def load_yaml(self, path: Path) -> None:
        """Add an eventwire YAML dictionary."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise EventwireError(Errors.E150.format(path=path, detail=exc)) from exc
        if not isinstance(data, dict) or not isinstance(data.get("verbs", {}), dict):
            raise EventwireError(Errors.E151.format(path=path, detail="no 'verbs' mapping"))
        for key, raw in (data.get("verbs") or {}).items():
            self.verbs[str(key).lower()] = _entry(str(key).lower(), raw or {}, str(path), self.check_codes)
        for key, raw in (data.get("nouns") or {}).items():
            self.nouns[str(key).lower()] = _entry(str(key).lower(), raw or {}, str(path), self.check_codes)
        for prefix, codes in (data.get("complement") or {}).items():
            self.complement[str(prefix)] = {k: str(v) for k, v in codes.items()}
        for t in data.get("topics") or []:
            self.topics.append((frozenset(str(w).lower() for w in t["words"]), str(t["code"])))
        for key in ("negative_words", "negative_verbs", "pair_nouns", "claim_nouns", "accord_nouns",
                    "reciprocal_nouns", "military_words", "domestic_groups", "domestic_forces"):
            if data.get(key):
                setattr(self, key, frozenset(_word(w) for w in data[key]))
        if data.get("event_nouns"):
            self.event_nouns = frozenset(_word(w) for w in data["event_nouns"])
        if data.get("deescalate_words"):
            self.deescalate = frozenset(str(w).lower() for w in data["deescalate_words"])

    # ---- lookup -------------------------------------------------------------------
    def verb_entry(self, token: Token) -> Entry | None:
        """The entry for a verb token, trying phrasal keys ("call on", "break off") first."""
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ in ("prt", "prep", "dobj"):
                key = f"{lemma} {child.lower_}"
                if key in self.verbs:
                    return self.verbs[key]
                key = f"{lemma} {child.lemma_.lower()}"
                if key in self.verbs:
                    return self.verbs[key]
        entry = self.verbs.get(lemma) or self.verbs.get(token.lower_)
        if entry is not None:
            return entry
        block = self.fallback.get(lemma) if self.use_fallback else None
        if block is not None:
            return Entry(key=lemma, code=block.code, origin="fallback", petrarch=block)
        return None

    def noun_entry(self, token: Token) -> Entry | None:
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
                key = f"{child.lemma_.lower()} {lemma}"
                if key in self.nouns:
                    return self.nouns[key]
        return self.nouns.get(lemma) or self.nouns.get(token.lower_)

    def complement_code(self, frame: str, action: str | None) -> str | None:
        """The frame verb's code for a complement action code (longest prefix wins)."""
        if not action:
            return None
        for n in range(len(action), 1, -1):
            codes = self.complement.get(action[:n])
            if codes and frame in codes:
                return codes[frame]
        return None

    def topic_code(self, words: set[str]) -> str | None:
        for topic, code in self.topics:
            if topic & words:
                return code
        return None


@functools.lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The lexicon for a tuple of extra dictionary paths (cached per process)."""
    return Lexicon(list(extra))


def _matches(pattern: Pattern, words: set[str], pre_words: set[str] | None) -> bool:
    """Every slot of a PETRARCH pattern finds a word: its ``post`` slots after the verb, its ``pre`` slots before."""
    return all(slot & words for slot in pattern.post) and all(slot & (pre_words or set()) for slot in pattern.pre)


def choose_code(entry: Entry, words: set[str], pre_words: set[str] | None = None) -> str | None:
    """The code an entry gives for the words around the verb.

    Args:
        entry: the lexicon entry.
        words: lower-case forms and lemmas of the verb's object / complement subtree.
        pre_words: the same for the words before the verb (PETRARCH patterns).
    """
    for needed, code in entry.when_before:  # "jets struck ...": the doer's words decide
        if needed & (pre_words or set()):
            return None if code == NO_EVENT else code
    for needed, code in entry.when:
        if needed & words:
            return None if code == NO_EVENT else code
    if entry.petrarch is not None:
        best = None
        for p in entry.petrarch.patterns:
            if _matches(p, words, pre_words) and (best is None or p.size > best.size):
                best = p
        # The bundled fallback: only a matched pattern codes (its block defaults are too loose).
        if entry.origin == "fallback" and (best is None or best.size < 2):
            return None
        code = best.code if best is not None else entry.petrarch.code
        if entry.origin in ("petrarch", "fallback") and code and code[:2] in _FALLBACK_SKIP_ROOTS and entry.frame is None:
            return None if code != "016" else code
        return code
    return None if entry.default_off else entry.code



def reverse_code(entry: Entry, words: set[str], pre_words: set[str] | None = None) -> str | None:
    """The reverse event code of a user PETRARCH entry ("[032:033]" -> "033"), if any."""
    if entry.petrarch is None or entry.origin != "petrarch":
        return None
    best = None
    for p in entry.petrarch.patterns:
        if _matches(p, words, pre_words) and (best is None or p.size > best.size):
            best = p
    return best.reverse if best is not None else entry.petrarch.reverse
