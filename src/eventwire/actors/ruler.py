"""Entity-ruler patterns built from the actor dictionary.

The ruler runs after spaCy's statistical NER with ``overwrite_ents`` on, so a
known name wins over the model's guess ("Kyiv" is GPE, not PERSON; a known
person's surname is PERSON, not ORG). Each pattern carries the dictionary key
as its ``id``, so resolution knows exactly which entry matched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.language import Language

from eventwire.actors.dictionary import ActorDictionary

# The label a surface form gets, by the kind of entry and the form.
_LABELS = {"state": "GPE", "igo": "ORG", "ngo": "ORG", "group": "ORG", "person": "PERSON"}
RULER_NAME = "eventwire_entity_ruler"
# Id prefix that marks an entity as set from eventwire's dictionary (ent.ent_id_).
ID_SEPARATOR = "|"


def _variants(text: str) -> Iterator[str]:
    """The written forms a name takes in running text.

    A leading "the" is dropped (the ruler matches "White House" inside "the
    White House"; the determiner is not part of the name), and an all-lower-case
    first word gets a capitalised twin for sentence starts.
    """
    text = " ".join(text.split())
    if text.lower().startswith("the "):
        text = text[4:]
    if not text:
        return
    yield text
    if text[0].islower():
        yield text[0].upper() + text[1:]


def entity_patterns(dictionary: ActorDictionary) -> list[dict[str, Any]]:
    """EntityRuler phrase patterns for every surface form in ``dictionary``.

    The pattern id is ``key|form`` ("state:KOR|metonym"), so a match tells which
    entry and which kind of form (name, adjective, demonym, metonym, alias) it was.
    """
    patterns, seen = [], set()
    for text, key, form in dictionary.surface_forms():
        entry = dictionary.entries[key]
        label = "NORP" if form in ("adjective", "demonym") else _LABELS.get(entry.kind, "ORG")
        for variant in _variants(text):
            marker = (variant, key, form)
            if marker in seen:
                continue
            seen.add(marker)
            patterns.append({"label": label, "pattern": variant, "id": f"{key}{ID_SEPARATOR}{form}"})
    return patterns


# Cities this large are added to the ruler, so the model's misses ("Kharkiv" untagged,
# "Aleppo" as NORP) are corrected; smaller cities are only looked up for entities the
# model found. At this size few city names are also common English words.
RULER_CITY_POPULATION = 500_000


def city_patterns(known: set[str]) -> list[dict[str, Any]]:
    """GPE patterns for large cities the dictionary does not already name."""
    from eventwire.actors.resolve import cities

    return [
        {"label": "GPE", "pattern": name, "id": f"city:{code}{ID_SEPARATOR}city"}
        for name, (code, population) in cities().items()
        if population >= RULER_CITY_POPULATION and name not in known and " of the " not in name
    ]


def add_entity_ruler(nlp: Language, dictionary: ActorDictionary) -> None:
    """Add the dictionary entity ruler right after the statistical NER."""
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        after="ner",
        config={"overwrite_ents": True, "validate": False, "phrase_matcher_attr": "ORTH"},
    )
    patterns = entity_patterns(dictionary)
    patterns += city_patterns({p["pattern"] for p in patterns})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
