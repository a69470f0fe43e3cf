"""The actor dictionary: states, organisations, office-holders and agent nouns.

The bundled data lives in ``eventwire/data/actors/*.yaml`` (see its SOURCES.md).
Users add or override actors with their own YAML files in the same format, or
with PETRARCH/TABARI ``.txt`` actor and agent dictionaries (``actors/petrarch.py``).

Typical use::

    actors = ActorDictionary.load()
    entry = actors.entries["person:jens_stoltenberg"]
    actors.role_on(entry, datetime.date(2023, 3, 20)).code   # "NATO"
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.errors import Errors, InputError

KINDS = ("state", "igo", "ngo", "person", "group")
FORMS = ("name", "adjective", "demonym", "metonym", "alias")
BUNDLED_FILES = ("states.yaml", "organizations.yaml", "companies.yaml", "people.yaml", "agents.yaml")


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held, and the actor they acted for while holding it.

    Attributes:
        code: Actor code the holder acts for ("NATO", "KOR").
        agent: Sector code ("GOV", "MIL", ...) or None (heads of IGOs).
        title: Office title ("Secretary General", "Foreign Minister").
        start: First day in office, or None when unknown.
        end: Last day in office, or None while in office.
    """

    code: str
    agent: str | None
    title: str
    start: datetime.date | None
    end: datetime.date | None

    def covers(self, day: datetime.date) -> bool:
        """Whether ``day`` falls inside the office's dates (open ends count as covering)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Member:
    """A state's membership of an organisation ("the founding members of Mercosur").

    Attributes:
        code: The member's actor code ("BRA").
        founding: Whether it is a founding member.
        start: First day of membership, or None when unknown (or founding).
        end: Last day of membership, or None while a member.
    """

    code: str
    founding: bool = False
    start: datetime.date | None = None
    end: datetime.date | None = None

    def covers(self, day: datetime.date | None) -> bool:
        """Whether the state is a member on ``day`` (no day: a member now, i.e. no end)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor: a state, an organisation, a person or a group.

    Attributes:
        key: Unique key: "state:KOR", "org:NATO", "person:jens_stoltenberg".
        kind: "state" | "igo" | "ngo" | "person" | "group".
        code: Actor code (ISO alpha-3, IGO code) or None for people.
        name: Common short name used in news ("South Korea", "NATO").
        names: Surface forms that denote the actor itself; for people the
            full name first, then aliases.
        adjectives: "South Korean" (as in "South Korean officials").
        demonyms: Plural people nouns: "South Koreans".
        metonyms: Capitals and seats of power: "Seoul", "Blue House".
        gender: For people: "male" | "female" | None.
        roles: For people: dated offices.
        cameo: CAMEO/Phoenix code ("IGOWSTNAT", "KOR") or None.
        wikidata: Wikidata QID or None.
        source: Where the entry came from (file and source note).
        members: For organisations and blocs: member states, with dates.
    """

    key: str
    kind: str
    code: str | None
    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    gender: str | None = None
    roles: tuple[Role, ...] = ()
    cameo: str | None = None
    wikidata: str | None = None
    source: str = ""
    members: tuple[Member, ...] = ()


@dataclass
class _Parts:
    """What one dictionary file contributes."""

    entries: list[Entry] = field(default_factory=list)
    agents: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    # (key, text) forms derived by eventwire rather than written in the file (the
    # natural-case twin of a PETRARCH phrase): they never take a text from an earlier file.
    soft_forms: set[tuple[str, str]] = field(default_factory=set)


class ActorDictionary:
    """All known actors, their surface forms, and agent (sector) nouns.

    Attributes:
        entries: Entry by key.
        agents: Lower-case sector noun or phrase -> sector code ("army" -> "MIL").
        titles: Lower-case office title -> sector code ("president" -> "GOV").
    """

    def __init__(
        self,
        entries: dict[str, Entry] | None = None,
        agents: dict[str, str] | None = None,
        titles: dict[str, str] | None = None,
    ):
        self.entries: dict[str, Entry] = dict(entries or {})
        self.agents: dict[str, str] = dict(agents or {})
        self.titles: dict[str, str] = dict(titles or {})
        self._soft: set[tuple[str, str]] = set()
        self._forms: dict[str, tuple[str, str]] | None = None
        self._codes: dict[str, str] | None = None

    # -- queries -----------------------------------------------------------

    def role_on(self, entry: Entry, day: datetime.date | None) -> Role | None:
        """The office ``entry`` held on ``day``.

        Args:
            entry: A dictionary entry (usually a person).
            day: The article's date, or None when unknown.

        Returns:
            The covering role with the latest start (an unknown start counts as
            earliest; on a tie a role with dates beats one without); with ``day``
            None, the most recent role. None when no role covers the day or the
            entry has no roles.
        """
        roles = entry.roles if day is None else [r for r in entry.roles if r.covers(day)]
        if not roles:
            return None
        return max(roles, key=_role_order)

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """Every surface form as ``(text, entry key, form)``.

        ``form`` is one of "name", "adjective", "demonym", "metonym", "alias".
        Each text appears once: a later file's entry wins a text it shares with
        an earlier one.
        """
        for text, (key, form) in self._form_index().items():
            yield text, key, form

    def by_code(self, code: str) -> Entry | None:
        """The state or organisation entry for an actor code ("KOR", "NATO"), or None."""
        if self._codes is None:
            self._codes = _code_index(self.entries.values())
        key = self._codes.get(code)
        return self.entries.get(key) if key else None

    # -- building ----------------------------------------------------------

    def add(self, entries: Iterable[Entry]) -> None:
        """Add entries; an entry replaces an earlier one with the same key."""
        for entry in entries:
            self.entries.pop(entry.key, None)  # re-insert so the later file wins surface forms
            self.entries[entry.key] = entry
        self._forms = None
        self._codes = None

    def merged(self, parts: _Parts) -> ActorDictionary:
        """A copy with ``parts`` added on top."""
        out = ActorDictionary(self.entries, self.agents, self.titles)
        out._soft = self._soft | parts.soft_forms
        out.add(parts.entries)
        out.agents.update(parts.agents)
        out.titles.update(parts.titles)
        return out

    def _form_index(self) -> dict[str, tuple[str, str]]:
        if self._forms is None:
            forms: dict[str, tuple[str, str]] = {}
            for entry in self.entries.values():
                for text, form in entry_forms(entry):
                    if text in forms and (entry.key, text) in self._soft:
                        continue
                    forms.pop(text, None)
                    forms[text] = (entry.key, form)
            self._forms = forms
        return self._forms

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> ActorDictionary:
        """The bundled dictionary, plus ``extra`` user files in order.

        Args:
            extra: Paths of eventwire YAML files or PETRARCH/TABARI ``.txt``
                actor or agent dictionaries. Later files add entries, or
                override entries with the same key or the same surface form.

        Returns:
            A new ActorDictionary (the bundled part is loaded once per process).

        Raises:
            InputError: A file is missing or malformed (message names file and line).
        """
        base = _bundled()
        if not extra:
            return base
        out = base
        for path in extra:
            out = out.merged(read_file(Path(path)))
        return out


_APOSTROPHES = {"'": "\u2019", "\u2019": "'"}


def _typographic_twins(text: str) -> tuple[str, ...]:
    """The text, and the same with straight and curly apostrophes swapped ("Côte d’Ivoire")."""
    for mark, other in _APOSTROPHES.items():
        if mark in text:
            return text, text.replace(mark, other)
    return (text,)


def entry_forms(entry: Entry) -> Iterator[tuple[str, str]]:
    """``(text, form)`` pairs of one entry, without duplicates.

    A text with an apostrophe also comes with its typographic twin (news use
    both "Quai d'Orsay" and "Quai d’Orsay").
    """
    seen: set[str] = set()
    groups: list[tuple[str, Iterable[str]]] = []
    if entry.kind == "person":
        groups += [("name", entry.names[:1] or (entry.name,)), ("alias", entry.names[1:])]
    else:
        groups.append(("name", entry.names or (entry.name,)))
    groups += [("adjective", entry.adjectives), ("demonym", entry.demonyms), ("metonym", entry.metonyms)]
    for form, texts in groups:
        for text in texts:
            for twin in _typographic_twins(text):
                if twin not in seen:
                    seen.add(twin)
                    yield twin, form


def _role_order(role: Role) -> tuple[datetime.date, bool, datetime.date]:
    """Latest start first; on a tie a dated role beats an undated default (as in PETRARCH)."""
    dated = role.start is not None or role.end is not None
    return role.start or datetime.date.min, dated, role.end or datetime.date.max


def _code_index(entries: Iterable[Entry]) -> dict[str, str]:
    """Actor code -> key of the entry that *is* that actor (org:UN over org:UNSC)."""
    index: dict[str, str] = {}
    for entry in entries:
        if entry.code is None or entry.kind == "person":
            continue
        own = entry.key.split(":", 1)[-1] == entry.code
        if entry.code not in index or own:
            index[entry.code] = entry.key
    return index


def read_file(path: Path) -> _Parts:
    """Read one user dictionary file, choosing the parser by suffix and content.

    Raises:
        InputError: E100 when missing, E108 when the format is unknown, or the
            parser's own coded error.
    """
    if not path.is_file():
        raise InputError(Errors.E100.format(path=path), origin=str(path))
    text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    from eventwire.actors import dictionary_yaml  # the parser imports this module

    if suffix in (".yaml", ".yml"):
        return dictionary_yaml.parse(text, str(path))
    if suffix == ".txt" or _looks_like_petrarch(text):
        from eventwire.actors import petrarch

        return petrarch.parse(text, str(path))
    raise InputError(Errors.E108.format(path=path), origin=str(path))


def _looks_like_petrarch(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.split("#", 1)[0].strip()
        if stripped:
            return "[" in stripped and stripped.endswith("]") or stripped.startswith("+")
    return False


@functools.cache
def _bundled() -> ActorDictionary:
    from eventwire.actors import dictionary_yaml  # the parser imports this module

    out = ActorDictionary()
    folder = resources.files("eventwire") / "data" / "actors"
    for name in BUNDLED_FILES:
        resource = folder / name
        if not resource.is_file():
            continue
        parts = dictionary_yaml.parse(resource.read_text(encoding="utf-8"), f"eventwire/data/actors/{name}")
        out = out.merged(parts)
    return out


def parts_from(
    entries: list[Entry],
    agents: dict[str, str],
    titles: dict[str, str],
    soft_forms: set[tuple[str, str]] | None = None,
) -> _Parts:
    """Bundle what a parser read (used by the YAML and PETRARCH parsers)."""
    return _Parts(entries, agents, titles, soft_forms or set())
