"""Implicit recipients: whom an action is aimed at when its clause names no target.

A denial answers the latest accuser of the speaker's side, a reaction to "the move" is aimed at its
doers, a deal at the partner named in its purpose clause, an attack at the place it hits, and a
hostile measure named as an object at whoever faces it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from eventwire.actors.lookup import actor_at
from eventwire.events import syntax as syn
from eventwire.events.lexicon import Lexicon
from eventwire.events.records import unique


def denies(verb: Token, sources: list[dict]) -> bool:
    """The reported clause says there is "no" such thing of the speaker's own side
    ("there were no Russian units in Ukraine").

    Args:
        verb: The reporting verb ("said").
        sources: The speaker's coded mentions.

    Returns:
        True when a "no ..." subject, object or attribute of the reported clause is the speaker's.
    """
    own = {m.get("code") for m in sources}
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for c in clause.children:
            negated = c.dep_ in ("attr", "nsubj", "dobj") and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)
            if negated and (any(m.get("code") in own for m in syn.actors_of(c, owners=True) if m) or any(
                (actor_at(x) or {}).get("code") in own for x in c.subtree
            )):
                return True
    return False


def implicit_targets(verb: Token, code: str, sources: list[dict], sent: Span, history: list[dict[str, Any]],
                     lex: Lexicon) -> list[dict]:
    """Recipients the clause leaves implicit: a denial answers the accuser, a reaction to
    "the move" is aimed at its doers, an attack at the place it hits.

    Args:
        verb: The action verb.
        code: The action's CAMEO code (the rules depend on its root).
        sources: The doers' coded mentions.
        sent: The verb's sentence.
        history: The events coded so far in the document, in order.
        lex: The lexicon (its ``event_nouns`` and ``claim_nouns``).

    Returns:
        The recipients' mentions (none of the doers' codes), or an empty list.
    """
    own = {m.get("code") for m in sources}
    earlier = [e for e in history if e["start_char"] < verb.idx]
    if code == "016":
        for e in reversed(earlier):
            if (e["target"] or {}).get("code") in own and e["cameo"][:2] >= "11" and e["cameo"][:2] != "14":
                return [e["source"]]
        return _previous_speaker(sent, own, lex)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "pobj")] + syn.prep_objects(verb, ("to", "on", "at"))
    reaction = code[:2] in ("10", "11", "12", "13") or code[:3] in ("051", "052", "053", "016")
    if code[:2] in ("11", "13"):  # "warned that the attacks would not go unanswered"
        objects += [x for c in verb.children if c.dep_ == "ccomp" for x in c.children if x.dep_ in syn.SUBJ]
    if reaction and any(o.lemma_.lower() in lex.event_nouns or o.lower_ in lex.event_nouns for o in objects):
        # A reaction answers the latest action of the same kind: criticism a conflictual
        # one, praise a cooperative one.
        hostile = code[:2] >= "09"
        claims = any(o.lemma_.lower() in lex.claim_nouns for o in objects)
        if claims:  # "called the accusation ...": answers an accusation aimed at the speaker
            before = [e for e in earlier if e["cameo"][:2] == "11" and (e["target"] or {}).get("code") in own]
        else:
            before = [e for e in earlier if e["start_char"] < sent.start_char
                      and (e["cameo"][:2] >= "14" if hostile else e["cameo"][:2] < "09")
                      and e["reported_by"] is None]
        nouns = {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}
        same = [e for e in before if any(n.startswith(e["verb"]) for n in nouns)]
        before = same or before
        if before:
            last = before[-1]
            group = [e["source"] for e in before if e["start_char"] == last["start_char"] and e["verb"] == last["verb"]]
            return [m for m in unique(group) if m.get("code") not in own]
    if code[:2] in ("05", "06", "07"):  # "signed contracts to sell tanks to Poland"
        # ... or in its purpose clause ("signed contracts to sell tanks to Poland")
        purpose = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > verb.i
                   and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
        found = [m for o in objects + purpose for t in o.subtree
                 if t.dep_ in ("pobj", "dative") and t.head.lower_ in ("to", "with", "for") or
                 (t.dep_ == "pobj" and t.head.dep_ == "dative" and t.head.lower_ == "to")
                 for m in syn.actors_of(t)]
        return [m for m in unique(found) if m.get("code") not in own][:2]
    if code[:2] in ("15", "18", "19", "20") or code[:3] == "171":  # "raided a camp in the West Bank"
        places = [m for t in syn.location_tokens(verb) for m in syn.actors_of(t)]
        # rebels fighting in their own state fight it ("M23 rebels seized cities in Congo": COD->COD)
        rebels = all(m.get("kind") == "group" and m.get("agent") in ("REB", "OPP") for m in sources)
        return [m for m in unique(places) if rebels or m.get("code") not in own][:1]
    return []


def _previous_speaker(sent: Span, own: set, lex: Lexicon) -> list[dict]:
    """"India said the strike hit a militant camp. Pakistan denied that any camp had been hit":
    with no accuser on record, a denial answers the other actor whose statement the sentence
    before reports."""
    doc = sent.doc
    if sent.start == 0:
        return []
    before = doc[sent.start - 1].sent
    root = before.root
    entry = lex.verb_entry(root) if root.pos_ == "VERB" else None
    if entry is None or entry.frame != "report":
        return []
    speakers = [m for t in syn.subject_tokens(root) for m in syn.actors_of(t) if m.get("code") not in own]
    return unique(speakers)[:1]


def affected(noun: Token, src: list[dict]) -> list[dict]:
    """Who suffers a hostile measure named as an object: "X, which faces the U.S. tariffs",
    "X was hit by the U.S. tariffs" -> X.

    Args:
        noun: The measure ("tariffs"), object or by-agent of a verb.
        src: The coded mentions of whoever imposes it.

    Returns:
        The verb's subject mentions other than the sources, or an empty list.
    """
    verb = noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        verb = noun.head.head
        toks = syn.passive_subject_tokens(verb)
    elif noun.dep_ == "dobj" and verb.pos_ == "VERB":
        toks = syn.subject_tokens(verb)
    else:
        return []
    own = {m.get("code") for m in src}
    return [m for m in unique([m for t in toks for m in syn.actors_of(t)]) if m.get("code") not in own]
