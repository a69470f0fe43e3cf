"""Domestic interactions: a participant named only as a domestic group belongs to a state.

"Police fired on thousands of demonstrators": the demonstrators belong to the police's state, coded as
a group (guidelines: domestic interactions). The group words come from the lexicon's
``domestic_groups`` (recipients of force) and ``domestic_forces`` (doers of repression) lists.
"""

from __future__ import annotations

import pycountry
from spacy.tokens import Token

from eventwire.events import syntax as syn

# quantity heads whose "of" phrase names the group ("thousands of demonstrators")
_AMOUNTS = {"thousand", "hundred", "dozen", "million", "score", "group", "number", "crowd", "hundreds", "thousands"}


def domestic_participants(tokens: list[Token], other: list[dict], words: frozenset[str]) -> list[dict]:
    """A participant named only as a domestic group ("demonstrators", "soldiers") belongs to
    the state on the other side of the action (guidelines: domestic interactions).

    Args:
        tokens: The argument tokens of the side the actors stage left uncoded.
        other: The coded mentions of the other side; they must name exactly one state.
        words: The group words that may stand for that state's people or forces.

    Returns:
        One group mention carrying the state's code, or an empty list.
    """
    states = [m for m in other if m.get("kind") not in ("igo", "ngo") and m.get("code")
              and pycountry.countries.get(alpha_3=str(m["code"])) is not None]
    if len({m["code"] for m in states}) != 1:
        return []
    state = states[0]
    for t in tokens:
        heads = syn.conjuncts(t)  # "thousands of demonstrators", "dozens of protesters"
        heads += [p for x in heads if x.pos_ == "NUM" or x.lemma_.lower() in _AMOUNTS
                  for c in x.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
        group = [x for x in heads if x.lemma_.lower() in words or x.lower_ in words]
        if group and not any(syn.actors_of(x) for x in group):
            g = group[0]
            return [{**state, "text": g.text, "name": g.text, "kind": "group", "start": g.i, "end": g.i + 1,
                     "start_char": g.idx, "end_char": g.idx + len(g.text), "agent": None, "antecedent": None,
                     "entity": None, "title": None, "plural": True}]
    return []
