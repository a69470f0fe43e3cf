"""Look up the actor behind a token or span, for the event coder and the quote finder.

``doc._.eventwire_actors`` is a list of mention dicts, JSON-plain::

    {"start": 3, "end": 5,                 # token offsets of the mention
     "start_char": 18, "end_char": 34,     # character offsets in doc.text
     "text": "Jens Stoltenberg",           # as written ("he", "Seoul", ...)
     "code": "NATO",                       # actor code or None (unknown person / group)
     "name": "Jens Stoltenberg",           # canonical name (full name for people)
     "kind": "person",                     # state | igo | ngo | person | group | org
     "agent": "GOV",                       # sector / agent type or None
     "reason": "office: NATO Secretary General 2014-10-01..2024-10-01",
     "antecedent": None,                   # start token of the mention a pronoun/title/surname resolved to
     "title": "secretary general",         # office title when known (people)
     "gender": "male",                     # people, when known
     "entity": "person:jens_stoltenberg",  # dictionary key when the actor is in the dictionary
     "plural": False,                      # a group of several actors or people ("Ukrainians", "the two")
     "group": 12}                          # set on the members of a group ("the four countries"): one
                                           # mention per member over the same span, sharing this value

Pronouns and titles resolved by coreference are mentions too (``"text": "he"``),
carrying the code and name of their antecedent.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

Mention = dict[str, Any]


# Where spaCy keeps ``doc._.eventwire_actors``; read directly because the event coder asks for
# it tens of thousands of times per batch and ``doc._`` builds a helper object on every access.
_ACTORS_KEY = ("._.", "eventwire_actors", None, None)


def mentions(doc: Doc) -> list[Mention]:
    return doc.user_data.get(_ACTORS_KEY) or []


# The last few docs' token -> mention maps, keyed by the docs' identity. Kept out of
# ``doc.user_data`` so the doc stays JSON-plain (DocBin, worker processes).
_INDEX_CACHE: dict[int, tuple[Doc, int, dict[int, Mention]]] = {}
_INDEX_CACHE_SIZE = 8


def _index(doc: Doc) -> dict[int, Mention]:
    actors = mentions(doc)
    cached = _INDEX_CACHE.get(id(doc))
    if cached is not None and cached[0] is doc and cached[1] == id(actors):
        return cached[2]
    by_token: dict[int, Mention] = {}
    for m in actors:
        for i in range(m["start"], m["end"]):
            by_token.setdefault(i, m)
    if len(_INDEX_CACHE) >= _INDEX_CACHE_SIZE:
        _INDEX_CACHE.pop(next(iter(_INDEX_CACHE)))
    _INDEX_CACHE[id(doc)] = (doc, id(actors), by_token)
    return by_token


def actor_at(token: Token) -> Mention | None:
    """The mention that covers ``token``, or None."""
    return _index(token.doc).get(token.i)


def actor_for_token(token: Token) -> Mention | None:
    """The actor a noun phrase headed by ``token`` stands for.

    Looks at the token itself, then at its compound / adjectival / possessive
    modifiers ("South Korean officials" -> KOR, "the Russian army" -> RUS),
    then at a prepositional "of" attachment ("the government of Japan").
    """
    found = actor_at(token)
    if found:
        return found
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < token.i:
            found = actor_at(child)
            if found and found.get("code"):
                return found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = actor_at(pobj)
                    if found and found.get("code"):
                        return found
    return None


def group_members(doc: Doc, mention: Mention) -> list[Mention]:
    """All members of the group ``mention`` belongs to ("the four countries" -> four states),
    or just ``mention`` when it is not part of a group."""
    group = mention.get("group")
    if group is None:
        return [mention]
    return [m for m in mentions(doc) if m.get("group") == group and m["start"] == mention["start"]]


def actors_in(span: Span) -> list[Mention]:
    """All distinct mentions inside ``span``, in order."""
    seen, out = set(), []
    index = _index(span.doc)
    for token in span:
        m = index.get(token.i)
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out
