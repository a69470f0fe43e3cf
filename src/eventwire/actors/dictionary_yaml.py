"""Parse eventwire's YAML actor dictionary format (see docs/actors-dictionary.md).

A file is a mapping with up to four keys::

    source: "compiled by ... (licence)"   # default source note of the file's entries
    entries:                              # states, organisations, people, groups
      - {kind: state, code: KOR, name: South Korea, names: [...], ...}
      - {kind: person, name: Jens Stoltenberg, gender: male, aliases: [Stoltenberg],
         roles: [{code: NATO, agent: null, title: Secretary General, start: 2014-10-01, end: 2024-10-01}]}
    agents:                               # sector code -> nouns that name the sector
      MIL: [army, troops, military]
    titles:                               # sector code -> office titles
      GOV: [president, prime minister]

Every problem raises ``InputError`` naming the file and line.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from typing import Any

import yaml

from eventwire.actors.dictionary import KINDS, Entry, Member, Role, _Parts, parts_from
from eventwire.errors import Errors, InputError

_LINE = "__line__"
ENTRY_FIELDS = (
    "key",
    "kind",
    "code",
    "name",
    "names",
    "aliases",
    "adjectives",
    "demonyms",
    "metonyms",
    "gender",
    "roles",
    "cameo",
    "wikidata",
    "source",
    "note",
    "members",
)
ROLE_FIELDS = ("code", "agent", "title", "start", "end", "note")
MEMBER_FIELDS = ("code", "founding", "start", "end", "note")
TOP_FIELDS = ("source", "entries", "agents", "titles")
GENDERS = ("male", "female")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

try:  # the C loader is ~10x faster on the bundled files
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader  # type: ignore[misc]


class _LineLoader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader that records the 1-based line of every mapping."""


def _mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)  # parse_date checks it, naming the line


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def parse(text: str, origin: str) -> _Parts:
    """Parse one YAML dictionary file.

    Args:
        text: The file's content.
        origin: File name used in error messages and entries' ``source``.

    Returns:
        The entries, agents and titles the file defines.

    Raises:
        InputError: Malformed YAML or an invalid entry (E101-E109).
    """
    try:
        data = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else "?"
        detail = f"not valid YAML ({getattr(e, 'problem', None) or e})"
        context = getattr(e, "context_mark", None)
        if context is not None and mark is not None and context.line != mark.line:
            detail += f"; {getattr(e, 'context', None) or 'the block'} started on line {context.line + 1}"
        raise InputError(Errors.E101.format(origin=origin, line=line, detail=detail), origin=origin) from e
    if data is None:
        return parts_from([], {}, {})
    if not isinstance(data, dict):
        detail = "the file must be a mapping with 'entries', 'agents' and/or 'titles'"
        raise InputError(Errors.E101.format(origin=origin, line=1, detail=detail), origin=origin)
    _check_fields(data, TOP_FIELDS, origin)
    source = str(data.get("source") or origin)
    entries = _entries(data.get("entries") or [], origin, source, data[_LINE])
    agents = _sector_map(data.get("agents") or {}, "agents", origin, data[_LINE])
    titles = _sector_map(data.get("titles") or {}, "titles", origin, data[_LINE])
    return parts_from(entries, agents, titles)


def _entries(items: Any, origin: str, source: str, line: int) -> list[Entry]:
    if not isinstance(items, list):
        _bad(origin, line, "entries", "a list of mappings", items)
    out: list[Entry] = []
    first_line: dict[str, int] = {}
    for item in items:
        if not isinstance(item, dict):
            _bad(origin, line, "entries", "a list of mappings", item)
        entry = _entry(item, origin, source)
        if entry.key in first_line:
            message = Errors.E107.format(
                origin=origin, line=item[_LINE], key=entry.key, first=first_line[entry.key]
            )
            raise InputError(message, origin=origin)
        first_line[entry.key] = item[_LINE]
        out.append(entry)
    return out


def _entry(item: dict[str, Any], origin: str, source: str) -> Entry:
    line = item[_LINE]
    _check_fields(item, ENTRY_FIELDS, origin)
    name = _text(item, "name", origin, required=True)
    kind = _text(item, "kind", origin, required=True)
    if kind not in KINDS:
        raise InputError(Errors.E104.format(origin=origin, line=line, value=kind, known=", ".join(KINDS)))
    code = _text(item, "code", origin)
    gender = _text(item, "gender", origin)
    if gender is not None and gender not in GENDERS:
        _bad(origin, line, "gender", "male, female or empty", gender)
    names = _texts(item, "names", origin)
    if kind == "person":
        names = [name, *names, *_texts(item, "aliases", origin)]
    elif name not in names:
        names = [name, *names]
    return Entry(
        key=_text(item, "key", origin) or default_key(kind, code, name),
        kind=kind,
        code=code,
        name=name,
        names=_unique(names),
        adjectives=_unique(_texts(item, "adjectives", origin)),
        demonyms=_unique(_texts(item, "demonyms", origin)),
        metonyms=_unique(_texts(item, "metonyms", origin)),
        gender=gender,
        roles=tuple(_role(r, origin, line) for r in _list(item, "roles", origin)),
        cameo=_text(item, "cameo", origin),
        wikidata=_text(item, "wikidata", origin),
        source=_text(item, "source", origin) or source,
        members=tuple(_member(m, origin, line) for m in _list(item, "members", origin)),
    )


def _role(item: Any, origin: str, line: int) -> Role:
    if not isinstance(item, dict):
        _bad(origin, line, "roles", "a list of mappings", item)
    _check_fields(item, ROLE_FIELDS, origin)
    start = parse_date(item.get("start"), "start", origin, item[_LINE])
    end = parse_date(item.get("end"), "end", origin, item[_LINE], last=True)
    if start and end and end < start:
        raise InputError(
            Errors.E109.format(origin=origin, line=item[_LINE], start=start, end=end), origin=origin
        )
    return Role(
        code=_text(item, "code", origin, required=True),
        agent=_text(item, "agent", origin),
        title=_text(item, "title", origin, required=True),
        start=start,
        end=end,
    )


def _member(item: Any, origin: str, line: int) -> Member:
    """A member: a code ("BRA") or a mapping ``{code, founding, start, end, note}``."""
    if isinstance(item, str) and item.strip():
        return Member(code=item.strip())
    if not isinstance(item, dict):
        _bad(origin, line, "members", "a list of codes or mappings", item)
    _check_fields(item, MEMBER_FIELDS, origin)
    founding = item.get("founding", False)
    if not isinstance(founding, bool):
        _bad(origin, item[_LINE], "founding", "true or false", founding)
    start = parse_date(item.get("start"), "start", origin, item[_LINE])
    end = parse_date(item.get("end"), "end", origin, item[_LINE], last=True)
    if start and end and end < start:
        raise InputError(
            Errors.E112.format(origin=origin, line=item[_LINE], start=start, end=end), origin=origin
        )
    return Member(code=_text(item, "code", origin, required=True), founding=founding, start=start, end=end)


def parse_date(value: Any, name: str, origin: str, line: int, *, last: bool = False) -> datetime.date | None:
    """A role date from YAML: a date, or "YYYY-MM-DD" / "YYYY-MM" / "YYYY".

    A month or year alone means its first day (``last`` False) or last day
    (``last`` True), so an end given as "2019-05" still covers all of May.
    """
    if value is None or isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    match = _DATE.match(str(value).strip())
    if not match:
        raise InputError(Errors.E103.format(origin=origin, line=line, field=name, value=value), origin=origin)
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            return datetime.date(year, int(month), int(day))
        if month:
            last_day = calendar.monthrange(year, int(month))[1] if last else 1
            return datetime.date(year, int(month), last_day)
        return datetime.date(year, 12, 31) if last else datetime.date(year, 1, 1)
    except ValueError as e:
        raise InputError(
            Errors.E103.format(origin=origin, line=line, field=name, value=value), origin=origin
        ) from e


def _sector_map(data: Any, name: str, origin: str, line: int) -> dict[str, str]:
    """``{GOV: [government, officials]}`` -> ``{"government": "GOV", "officials": "GOV"}``."""
    if not isinstance(data, dict):
        _bad(origin, line, name, "a mapping of sector code -> list of words", data)
    out: dict[str, str] = {}
    for sector, words in data.items():
        if sector == _LINE:
            continue
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            _bad(origin, data[_LINE], f"{name}.{sector}", "a list of words", words)
        for word in words:
            out[" ".join(word.lower().split())] = str(sector)
    return out


def default_key(kind: str, code: str | None, name: str) -> str:
    """The key of an entry that gives none: "state:KOR", "org:NATO", "person:jens_stoltenberg"."""
    if kind == "state" and code:
        return f"state:{code}"
    if kind in ("igo", "ngo") and code:
        return f"org:{code}"
    prefix = "org" if kind in ("igo", "ngo") else kind
    return f"{prefix}:{slug(name)}"


_FOLD = str.maketrans(
    {"ø": "o", "ł": "l", "ß": "ss", "ı": "i", "đ": "d", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"}
)


def slug(name: str) -> str:
    """A key from a name: Jens Stoltenberg -> jens_stoltenberg, António Guterres -> antonio_guterres, Sa'ar -> saar."""
    folded = unicodedata.normalize(
        "NFKD", name.lower().translate(_FOLD).replace("'", "").replace("\u2019", "")
    )
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return "_".join(re.findall(r"\w+", folded))


def _check_fields(item: dict[str, Any], known: tuple[str, ...], origin: str) -> None:
    for key in item:
        if key != _LINE and key not in known:
            message = Errors.E105.format(origin=origin, line=item[_LINE], field=key, known=", ".join(known))
            raise InputError(message, origin=origin)


def _text(item: dict[str, Any], name: str, origin: str, *, required: bool = False) -> Any:
    value = item.get(name)
    if value is None or value == "":
        if required:
            raise InputError(Errors.E102.format(origin=origin, line=item[_LINE], field=name), origin=origin)
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        _bad(origin, item[_LINE], name, "a text", value)
    return str(value)


def _texts(item: dict[str, Any], name: str, origin: str) -> list[str]:
    value = item.get(name) or []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _bad(origin, item[_LINE], name, "a list of texts", value)
    return value


def _list(item: dict[str, Any], name: str, origin: str) -> list[Any]:
    value = item.get(name) or []
    if not isinstance(value, list):
        _bad(origin, item[_LINE], name, "a list", value)
    return value


def _unique(texts: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in texts if t.strip()))


def _bad(origin: str, line: int, name: str, expected: str, value: Any) -> None:
    message = Errors.E106.format(origin=origin, line=line, field=name, expected=expected, value=value)
    raise InputError(message, origin=origin)
