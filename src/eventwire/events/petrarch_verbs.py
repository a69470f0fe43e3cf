"""Read PETRARCH/TABARI verb-pattern dictionaries (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``).

The format (documented in the files' own headers): ``&NAME`` starts a synonym set whose
members follow as ``+WORD`` lines; ``--- NAME [code] ---`` starts a verb block; plain lines
in a block are verbs (``MEET {MEETS MET MEETING} [code]``, ``+ASK_FOR [020]`` for a
multi-word verb); ``- pre words * post words [code]`` lines are patterns, where ``*`` stands
for the verb, ``(PREP WORDS)`` is a prepositional phrase, ``{A B}`` a phrase and ``&NAME``
any member of a synonym set. ``[a:b]`` codes a -> source-to-target and b -> the reverse
event; ``---`` means "no event". ``#`` starts a comment.

Patterns are reduced to bags of word slots (each slot a set of alternatives) that must
occur before / after the verb: the dependency parse replaces PETRARCH's phrase matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import Errors, EventwireError

_CODE = re.compile(r"\[([^\]]*)\]")
_MARKERS = re.compile(r"[$%^+|]")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One verb pattern: word slots that must occur before and after the verb."""

    pre: tuple[frozenset[str], ...]
    post: tuple[frozenset[str], ...]
    code: str | None
    reverse: str | None

    @property
    def size(self) -> int:
        return len(self.pre) + len(self.post)


@dataclass(slots=True)
class VerbBlock:
    """A verb (by its lower-case lemma) with its default code and patterns."""

    lemma: str
    forms: set[str] = field(default_factory=set)
    code: str | None = None
    reverse: str | None = None
    patterns: list[Pattern] = field(default_factory=list)


def _split_code(raw: str) -> tuple[str | None, str | None]:
    raw = raw.strip().split()[0] if raw.strip() else ""
    if not raw or set(raw) <= {"-"}:
        return None, None
    main, _, rev = raw.partition(":")
    main = None if not main or set(main) <= {"-"} else main
    rev = None if not rev or set(rev) <= {"-"} else rev
    return main, rev


def _words(text: str, synsets: dict[str, set[str]]) -> list[frozenset[str]]:
    slots: list[frozenset[str]] = []
    for raw in re.split(r"[\s_(){}]+", text):
        word = _MARKERS.sub("", raw).strip().lower()
        if not word or word == "*":
            continue
        if word.startswith("&"):
            members = synsets.get(word[1:].rstrip("_"))
            if members:
                slots.append(frozenset(members))
            continue
        slots.append(frozenset({word}))
    return slots


def _synset_words(text: str, synsets: dict[str, set[str]]) -> set[str]:
    out: set[str] = set()
    for slot in _words(text, synsets):
        out |= slot
    return out


def parse_petrarch_verbs(path: str | Path) -> dict[str, VerbBlock]:
    """Parse a PETRARCH-format verb dictionary.

    Args:
        path: the ``.txt`` file.

    Returns:
        Verb blocks keyed by lower-case lemma.

    Raises:
        EventwireError: E150 when the file cannot be read.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise EventwireError(Errors.E150.format(path=path, detail=exc)) from exc
    synsets: dict[str, set[str]] = {}
    verbs: dict[str, VerbBlock] = {}
    current_synset: str | None = None
    block_code: tuple[str | None, str | None] = (None, None)
    block_verbs: list[VerbBlock] = []
    for line in lines:
        text = line.split("#", 1)[0].rstrip()
        if not text.strip() or text.lstrip().startswith("<!--"):
            current_synset = None
            continue
        stripped = text.strip()
        if stripped.startswith("&"):
            current_synset = stripped[1:].split()[0].rstrip("_").lower()
            synsets.setdefault(current_synset, set())
            continue
        if current_synset and stripped.startswith("+"):
            synsets[current_synset] |= _synset_words(stripped[1:], synsets)
            continue
        if stripped.startswith("---"):
            m = _CODE.search(stripped)
            block_code = _split_code(m.group(1)) if m else (None, None)
            block_verbs = []
            continue
        if stripped.startswith("-"):
            _add_pattern(stripped[1:], block_verbs, synsets)
            continue
        verb = _add_verb(stripped, block_code, verbs, synsets)
        if verb is not None:
            block_verbs.append(verb)
    return verbs


def _add_pattern(text: str, block_verbs: list[VerbBlock], synsets: dict[str, set[str]]) -> None:
    m = _CODE.search(text)
    if not m or not block_verbs:
        return
    code, rev = _split_code(m.group(1))
    body = text[: m.start()]
    pre, star, post = body.partition("*")
    if not star:
        return
    pattern = Pattern(tuple(_words(pre, synsets)), tuple(_words(post, synsets)), code, rev)
    for verb in block_verbs:
        verb.patterns.append(pattern)


def _add_verb(text: str, block_code, verbs: dict[str, VerbBlock], synsets) -> VerbBlock | None:
    m = _CODE.search(text)
    code, rev = _split_code(m.group(1)) if m else block_code
    body = _CODE.sub("", text)
    forms_m = re.search(r"\{([^}]*)\}", body)
    head = re.sub(r"\{[^}]*\}", "", body).strip().split()
    if not head:
        return None
    word = head[0]
    parts = [p for p in word.split("_") if p]
    if not parts:
        return None
    # The verb of a multi-word entry is the part marked "+", else the first one.
    marked = [p for p in parts if p.startswith("+")]
    verb_word = (marked[-1] if marked and not word.startswith("+") else parts[0]).lstrip("+").lower()
    others = [p.lstrip("+").lower() for p in parts if p.lstrip("+").lower() != verb_word]
    block = verbs.get(verb_word)
    if block is None:
        block = verbs[verb_word] = VerbBlock(lemma=verb_word)
    if forms_m:
        block.forms |= {f.lstrip("+").split("_")[0].lower() for f in forms_m.group(1).split()}
    if others:
        slots = tuple(frozenset({w}) for w in others)
        block.patterns.append(Pattern((), slots, code, rev))
    elif block.code is None and code is not None:
        block.code, block.reverse = code, rev
    return block
