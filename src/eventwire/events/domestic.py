"""Domestic interactions: a participant named only as a domestic group belongs to a state.

"Police fired on thousands of demonstrators": the demonstrators belong to the police's state, coded as
a group (guidelines: domestic interactions). The group words come from the lexicon's
``domestic_groups`` (recipients of force) and ``domestic_forces`` (doers of repression) lists.
Protesters outside a foreign embassy belong to the state they protest in ("protesters gathered
outside the Chinese consulate in Manila" -> PHL->CHN).
"""

from __future__ import annotations

import pycountry
from spacy.tokens import Token

from eventwire.events import syntax as syn

# quantity heads whose "of" phrase names the group ("thousands of demonstrators")
_AMOUNTS = {"thousand", "hundred", "dozen", "million", "score", "group", "number", "crowd", "hundreds", "thousands"}


def _group_token(tokens: list[Token], words: frozenset[str]) -> Token | None:
    """The first domestic-group word among ``tokens`` ("thousands of demonstrators") with no
    nationality of its own."""
    for t in tokens:
        heads = syn.conjuncts(t)  # "thousands of demonstrators", "dozens of protesters"
        heads += [p for x in heads if x.pos_ == "NUM" or x.lemma_.lower() in _AMOUNTS
                  for c in x.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
        group = [x for x in heads if x.lemma_.lower() in words or x.lower_ in words]
        if group and not any(syn.actors_of(x) for x in group):
            return group[0]
    return None


def _group_mention(state: dict, g: Token) -> dict:
    return {**state, "text": g.text, "name": g.text, "kind": "group", "start": g.i, "end": g.i + 1,
            "start_char": g.idx, "end_char": g.idx + len(g.text), "agent": None, "antecedent": None,
            "entity": None, "title": None, "plural": True, "group": None}


def _is_state(m: dict) -> bool:
    return bool(m.get("code")) and m.get("kind") not in ("igo", "ngo") \
        and pycountry.countries.get(alpha_3=str(m["code"])) is not None


def protesters(tokens: list[Token], verb: Token, targets: list[dict], words: frozenset[str]) -> list[dict]:
    """Protesters with no nationality, protesting against a foreign actor, belong to the state
    they protest in: a state or city named as the protest's place ("on the outskirts of Niamey"),
    else the state the article has named most so far other than the target's.

    Args:
        tokens: The subject tokens of the protest verb.
        verb: The protest verb.
        targets: The coded targets ("the Chinese consulate" -> CHN).
        words: The domestic-group words.

    Returns:
        One group mention carrying the protesters' state, or an empty list.
    """
    g = _group_token(tokens, words)
    if g is None:
        return []
    against = {m.get("code") for m in targets}
    places = [m for t in syn.location_tokens(verb) for m in syn.actors_of(t) if _is_state(m)]
    here = [m for m in places if m["code"] not in against]
    if not here:
        counts: dict[str, int] = {}
        last: dict[str, dict] = {}
        for m in verb.doc._.eventwire_actors or []:
            if m["start"] < verb.i and _is_state(m) and m["code"] not in against:
                counts[m["code"]] = counts.get(m["code"], 0) + 1
                last[m["code"]] = m
        here = [last[max(counts, key=lambda c: (counts[c], last[c]["start"]))]] if counts else []
    return [_group_mention(here[0], g)] if here else []


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
    states = [m for m in other if _is_state(m)]
    if len({m["code"] for m in states}) != 1:
        return []
    g = _group_token(tokens, words)
    return [_group_mention(states[0], g)] if g is not None else []
