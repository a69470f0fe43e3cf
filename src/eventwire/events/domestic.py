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


def protest_state(where: Token, against: set[str], *, main_state: bool = True) -> dict | None:
    """The state a protest happens in: a state or city named as its place ("on the outskirts of
    Niamey"), else (``main_state``) the state the article has named most so far; never one it is
    aimed at."""
    places = [m for t in syn.location_tokens(where) for m in syn.actors_of(t) if _is_state(m)]
    here = [m for m in places if m["code"] not in against]
    if here or not main_state:
        return here[0] if here else None
    counts: dict[str, int] = {}
    last: dict[str, dict] = {}
    for m in where.doc._.eventwire_actors or []:
        if m["start"] < where.i and _is_state(m) and m["code"] not in against:
            counts[m["code"]] = counts.get(m["code"], 0) + 1
            last[m["code"]] = m
    return last[max(counts, key=lambda c: (counts[c], last[c]["start"]))] if counts else None


def protesters(tokens: list[Token], verb: Token, targets: list[dict], words: frozenset[str]) -> list[dict]:
    """Protesters with no nationality belong to the state they protest in (``protest_state``).

    Args:
        tokens: The subject tokens of the protest verb ("thousands of protesters"), or the
            protest noun itself ("street protests in Caracas against the government"), whose
            state must then be named as its place.
        verb: The protest verb or noun.
        targets: The coded targets ("the Chinese consulate" -> CHN); may be empty.
        words: The domestic-group words.

    Returns:
        One group mention carrying the protesters' state, or an empty list.
    """
    noun = bool(tokens) and tokens[0].i == verb.i
    g = tokens[0] if noun else _group_token(tokens, words)
    if g is None:
        return []
    # a protest noun has no protesters to go by: only a named place says whose they are
    state = protest_state(verb, {m.get("code") for m in targets}, main_state=not noun)
    return [_group_mention(state, g)] if state else []


def domestic_protest(tokens: list[Token], verb: Token, words: frozenset[str]) -> tuple[list[dict], list[dict]]:
    """A protest aimed at nobody foreign is domestic: "thousands of protesters marched in
    Tbilisi against a draft law" -> GEO->GEO (guidelines: domestic interactions)."""
    src = protesters(tokens, verb, [], words)
    if not src:
        return [], []
    state = protest_state(verb, set(), main_state=not (tokens and tokens[0].i == verb.i))
    return src, [state] if state else []


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
