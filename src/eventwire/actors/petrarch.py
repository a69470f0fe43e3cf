"""Read PETRARCH/TABARI actor and agent dictionaries into eventwire entries.

The format (see docs/actors-dictionary.md for the full list):

* ``SOUTH_KOREA_ [KOR]`` -- a phrase (``_`` or spaces between words) and its code;
* ``+SEOUL`` -- a synonym of the phrase above;
* ``[KORGOV 040101-061201]``, ``[X >051017]``, ``[X <051017]`` -- date-restricted
  codes, on the phrase's line or on indented lines below it (YYMMDD or YYYYMMDD);
* ``#`` comments, ``<!-- ... -->`` comment lines, blank lines;
* agents: ``PRESIDENT [~GOV]`` (sector appended to the actor's code) or
  ``MSF {} [NGO~]``, ``{PLURALS}`` / ``{}`` plural forms, ``!PERSON! = MAN, MEN``
  substitution sets used as ``CONGRESS!PERSON!``.

Each code becomes a :class:`Role` (an undated code is a role with open dates), so
``ActorDictionary.role_on`` picks the code of the day as PETRARCH does: a dated
code covering the day beats the undated default. ``---`` is PETRARCH's "do not
code" and is kept as the role code :data:`NULL_CODE`.
"""

from __future__ import annotations

import datetime
import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from eventwire.actors.dictionary import Entry, Role, _Parts, parts_from
from eventwire.errors import Errors, InputError

log = logging.getLogger(__name__)

NULL_CODE = "---"
_CODE = re.compile(r"\[([^\[\]]*)\]")
_RESTRICTION = re.compile(
    r"^(?P<code>[^\s<>]+)\s*(?:(?P<op>[<>])\s*(?P<day>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?$"
)
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_BRACES = re.compile(r"\{([^{}]*)\}")
_IGO_PREFIXES = ("IGO", "NGO", "MNC", "IMG")
_PREPOSITIONS = frozenset({"OF", "FOR", "IN", "ON", "AT", "TO", "WITH", "FROM", "AND"})


@dataclass
class _Block:
    """One phrase with its synonyms and codes, while it is being read."""

    phrase: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, datetime.date | None, datetime.date | None]] = field(default_factory=list)


def parse(text: str, origin: str, *, strict: bool = False) -> _Parts:
    """Parse a PETRARCH/TABARI actors or agents dictionary.

    Args:
        text: The file's content.
        origin: File name for messages and the entries' ``source``.
        strict: Raise on a typo (an unreadable date restriction, a stray
            bracket) instead of skipping it with a logged warning; the Phoenix
            dictionaries have a few, such as ``[KORGOVBUS 2004017-20061201]``.

    Returns:
        Entries (for an actors file) or agent words (for an agents file).

    Raises:
        InputError: E110 for a line that cannot be read (a code or synonym
            before any phrase, an agent without a code), and with ``strict``
            E110 for a stray bracket and E111 for a bad date.
    """
    lines = list(_content_lines(text))
    if _is_agents_file(lines):
        return parts_from([], _agents(lines, origin, strict), {})
    blocks = _blocks(lines, origin, strict)
    entries = [_entry(b, origin) for b in blocks]
    written = {(e.key, p) for b, e in zip(blocks, entries, strict=True) for p in (b.phrase, *b.synonyms)}
    soft = {(e.key, n) for e in entries for n in e.names} - written
    return parts_from(entries, {}, {}, soft)


def _content_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """``(line number, text without comments, indented?)`` for lines with content."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if in_comment or stripped.startswith("<"):
            in_comment = "-->" not in stripped and (in_comment or stripped.startswith("<!--"))
            continue
        body = raw.split("#", 1)[0].rstrip()
        if body.strip():
            yield number, body, raw[:1] in (" ", "\t")


def _is_agents_file(lines: list[tuple[int, str, bool]]) -> bool:
    """Agent files code with ``~`` (``[~GOV]``, ``[NGO~]``) or define ``!SETS!``."""
    for _, body, _ in lines[:200]:
        if _SUBSTITUTION.match(body.strip()):
            return True
        if any("~" in code for code in _CODE.findall(body)):
            return True
    return False


# -- actors -----------------------------------------------------------------------


def _blocks(lines: list[tuple[int, str, bool]], origin: str, strict: bool) -> list[_Block]:
    blocks: list[_Block] = []
    for number, body, indented in lines:
        head = body.strip()
        codes = _CODE.findall(head)
        phrase = _CODE.sub(" ", head).strip()
        if "[" in phrase or "]" in phrase:
            message = Errors.E110.format(origin=origin, line=number, detail="unbalanced [ ]", text=head)
            _problem(message, origin, strict, "the stray bracket is dropped")
            phrase = phrase.replace("[", " ").replace("]", " ").strip()
        if phrase.startswith("+"):
            if not blocks:
                raise _orphan(origin, number, head)
            blocks[-1].synonyms.append(_phrase_text(phrase[1:]))
        elif phrase:
            if indented:
                detail = "indented text that is neither a [code] nor a +synonym"
                message = Errors.E110.format(origin=origin, line=number, detail=detail, text=head)
                _problem(message, origin, strict, "read as a new phrase")
            blocks.append(_Block(_phrase_text(phrase), number))
        elif not blocks:
            raise _orphan(origin, number, head)
        for code in codes:
            restriction = _restriction(code, origin, number, strict)
            if restriction:
                blocks[-1].codes.append(restriction)
    return blocks


def _orphan(origin: str, number: int, text: str) -> InputError:
    return InputError(
        Errors.E110.format(origin=origin, line=number, detail="code or synonym before any phrase", text=text)
    )


def _phrase_text(phrase: str) -> str:
    """``SOUTH_KOREA_`` -> ``SOUTH KOREA`` (PETRARCH's trailing ``_`` only marks a whole word)."""
    return " ".join(phrase.replace("_", " ").split())


def _restriction(
    code: str, origin: str, number: int, strict: bool
) -> tuple[str, datetime.date | None, datetime.date | None] | None:
    """``KORGOV 040101-061201`` -> ``("KORGOV", start, end)``; None when skipped."""
    match = _RESTRICTION.match(code.strip())
    if not match:
        return _bad_date(code, origin, number, strict)
    value = match["code"].upper()
    start = end = None
    try:
        if match["op"] == "<":
            end = _day(match["day"]) - datetime.timedelta(days=1)
        elif match["op"] == ">":
            start = _day(match["day"]) + datetime.timedelta(days=1)
        elif match["start"]:
            start, end = _day(match["start"]), _day(match["end"])
    except ValueError:
        return _bad_date(code, origin, number, strict)
    return value, start, end


def _day(digits: str) -> datetime.date:
    """YYMMDD (years up to 30 are 20xx) or YYYYMMDD -> date; ValueError otherwise."""
    if len(digits) == 6:
        year = int(digits[:2])
        return datetime.date(2000 + year if year <= 30 else 1900 + year, int(digits[2:4]), int(digits[4:]))
    if len(digits) == 8:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    raise ValueError(digits)


def _bad_date(code: str, origin: str, number: int, strict: bool) -> None:
    _problem(
        Errors.E111.format(origin=origin, line=number, text=f"[{code}]"),
        origin,
        strict,
        "this code is skipped",
    )


def _problem(message: str, origin: str, strict: bool, consequence: str) -> None:
    """Raise (strict) or log a warning about a typo in a third-party dictionary."""
    if strict:
        raise InputError(message, origin=origin)
    log.warning("%s (%s)", message, consequence)


_LOWER_WORDS = frozenset(
    (
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "at",
        "to",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "des",
        "la",
        "le",
        "les",
        "al",
        "el",
        "bin",
        "ibn",
        "van",
        "von",
        "der",
        "den",
        "y",
        "e",
    )
)


def natural_case(phrase: str) -> str:
    """PETRARCH's upper case as news write it: "SOUTH KOREA" -> "South Korea".

    A one-word phrase of up to four letters is taken for an acronym and kept
    ("NATO", "UN"), as is any word with a dot or a digit ("U.N.", "G20").
    Connecting words are lower-case inside a name ("Bashar al-Assad").
    """
    words = phrase.split()
    if len(words) == 1 and len(phrase) <= 4 and phrase.isalpha():
        return phrase
    out = []
    for i, word in enumerate(words):
        if any(c == "." or c.isdigit() for c in word) or not word.isupper():
            out.append(word)
            continue
        parts = re.split(r"([-'])", word.lower())
        cased = [
            p if p in "-'" or (p in _LOWER_WORDS and (i or j)) else p[:1].upper() + p[1:]
            for j, p in enumerate(parts)
        ]
        if i and parts[0] in _LOWER_WORDS:
            cased[0] = parts[0]
        out.append("".join(cased))
    return " ".join(out)


def _entry(block: _Block, origin: str) -> Entry:
    roles = tuple(_role(code, start, end) for code, start, end in block.codes)
    default = next((c for c, s, e in block.codes if s is None and e is None), None)
    dated = any(s is not None or e is not None for _, s, e in block.codes)
    code = _actor_code(default)[0] if default and default != NULL_CODE else None
    return Entry(
        key=f"petrarch:{block.phrase.lower().replace(' ', '_')}",
        kind=_kind(code, dated),
        code=code,
        name=natural_case(block.phrase),
        names=tuple(dict.fromkeys(f for p in [block.phrase, *block.synonyms] for f in (natural_case(p), p))),
        roles=roles,
        cameo=default,
        source=f"{origin} line {block.line} (PETRARCH format)",
    )


def _role(code: str, start: datetime.date | None, end: datetime.date | None) -> Role:
    actor, agent = _actor_code(code) if code != NULL_CODE else (NULL_CODE, None)
    return Role(code=actor, agent=agent, title=code, start=start, end=end)


def _actor_code(cameo: str) -> tuple[str, str | None]:
    """A CAMEO code -> (eventwire actor code, sector): ``KORGOVBUS`` -> ``("KOR", "GOV")``.

    IGO and NGO codes map to the gold codes through organizations.yaml's
    ``cameo`` field (``IGOWSTNAT`` -> ``NATO``); unknown ones stay as written.
    Country codes map through states.yaml (``KSV`` -> ``XKX``).
    """
    known = _cameo_codes()
    if cameo.startswith(_IGO_PREFIXES):
        return known.get(cameo, cameo), None
    actor, rest = cameo[:3], cameo[3:]
    agent = rest[:3] if rest[:3] in _sectors() else None
    return known.get(actor, actor), agent


def _kind(code: str | None, dated: bool) -> str:
    if dated:
        return "person"
    if code and code.startswith("NGO"):
        return "ngo"
    if code and (code.startswith("IGO") or code in _org_codes()):
        return "igo"
    if code and code in _state_codes():
        return "state"
    return "group"


@functools.cache
def _cameo_codes() -> dict[str, str]:
    """CAMEO code -> eventwire code, from the bundled states and organisations (unambiguous only)."""
    from eventwire.actors.dictionary import ActorDictionary

    seen: dict[str, set[str]] = {}
    for entry in ActorDictionary.load().entries.values():
        if entry.cameo and entry.code and entry.kind != "person":
            seen.setdefault(entry.cameo, set()).add(entry.code)
    return {cameo: next(iter(codes)) for cameo, codes in seen.items() if len(codes) == 1}


@functools.cache
def _state_codes() -> frozenset[str]:
    from eventwire.actors.dictionary import ActorDictionary

    return frozenset(e.code for e in ActorDictionary.load().entries.values() if e.kind == "state")


@functools.cache
def _org_codes() -> frozenset[str]:
    from eventwire.actors.dictionary import ActorDictionary

    return frozenset(e.code for e in ActorDictionary.load().entries.values() if e.kind in ("igo", "ngo"))


@functools.cache
def _sectors() -> frozenset[str]:
    """CAMEO role and sector codes (GOV, MIL, ...), from data/events/cameo_actor_type_codes.tsv."""
    path = resources.files("eventwire") / "data" / "events" / "cameo_actor_type_codes.tsv"
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(row.split("\t", 1)[0] for row in rows if row.strip())


# -- agents -----------------------------------------------------------------------


def _agents(lines: list[tuple[int, str, bool]], origin: str, strict: bool) -> dict[str, str]:
    """Agent phrase (lower case, plurals added) -> sector code (first three letters)."""
    sets: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for number, body, _ in lines:
        head = body.strip()
        substitution = _SUBSTITUTION.match(head)
        if substitution:
            sets[substitution[1]] = [w.strip() for w in substitution[2].split(",") if w.strip()]
            continue
        codes = _CODE.findall(head)
        if not codes:
            message = Errors.E110.format(
                origin=origin, line=number, detail="agent without a [code]", text=head
            )
            _problem(message, origin, strict, "this line is skipped")
            continue
        sector = codes[0].replace("~", "").strip().upper()[:3]
        if not sector:
            raise InputError(
                Errors.E110.format(origin=origin, line=number, detail="empty agent code", text=head)
            )
        phrase_part = _CODE.sub(" ", head)
        plurals = _BRACES.findall(phrase_part)
        phrase = _BRACES.sub(" ", phrase_part).strip()
        for form in _expand(phrase, sets, origin, number):
            out[_phrase_text(form).lower()] = sector
            for plural in _plurals(form, plurals):
                out[_phrase_text(plural).lower()] = sector
    return out


def _expand(phrase: str, sets: dict[str, list[str]], origin: str, number: int) -> list[str]:
    """Replace ``!SET!`` markers by each of their words."""
    marker = re.search(r"![A-Z]+!", phrase)
    if not marker:
        return [phrase]
    if marker[0] not in sets:
        detail = f"substitution set {marker[0]} is not defined above"
        raise InputError(Errors.E110.format(origin=origin, line=number, detail=detail, text=phrase))
    out: list[str] = []
    for word in sets[marker[0]]:
        out += _expand(phrase.replace(marker[0], word, 1), sets, origin, number)
    return out


def _plurals(phrase: str, braces: list[str]) -> list[str]:
    """Explicit ``{PLURALS}``; ``{}`` means none; otherwise the regular English plural."""
    if braces:
        return [p for b in braces for p in b.split() if p]
    word = phrase.rstrip("_ ")
    upper = word.upper()
    inner = upper.replace("_", " ").split()[1:-1]
    if not word or not word[-1].isalpha() or _PREPOSITIONS & set(inner) or upper.endswith("MEN"):
        return []  # "MINISTER_OF_X": the head noun is not last; "-MEN" is plural already
    if upper.endswith("MAN"):
        return [word[:-3] + ("MEN" if word.isupper() else "men")]
    if upper.endswith("S") and not upper.endswith(("SS", "US")):
        return []  # already plural ("VANDALS") or irregular ("ANALYSIS")
    if upper.endswith(("S", "X", "Z", "CH", "SH")):
        return [word + "ES"]
    if upper.endswith("Y") and upper[-2:-1] not in ("A", "E", "I", "O", "U"):
        return [word[:-1] + "IES"]
    return [word + "S"]
