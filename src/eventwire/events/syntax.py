"""Arguments of an action on the dependency parse: subjects, agents, objects, complements.

Covers active and passive voice (by-agents), coordination ("Germany and Norway"), shared
subjects of coordinated verbs, control ("X went on to ...", "..., calling on Y"), relative
clauses ("Washington, which promised ..."), appositions and "together with" companions.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from eventwire.actors.lookup import actor_at, actor_for_token, group_members

Mention = dict
SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp")
_RELATIVE = {"which", "who", "that", "whom"}
# Heads whose "in X" names the state they belong to ("the government in Kyiv").
_SEATED = {"government", "authority", "authorities", "leadership", "regime", "administration", "parliament",
           "official", "officials", "embassy", "police", "army", "military", "leader", "leaders", "court"}


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("A, B and C")."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _companions(token: Token) -> Iterator[Token]:
    """"X, together with Y" / "X, along with Y" / "X as well as Y"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            head = child.head
            if any(a.lower_ in ("together", "along") for a in head.children if a.i < child.i) or any(
                a.lower_ in ("together", "along") for a in child.children
            ):
                yield from (p for p in child.children if p.dep_ == "pobj")
        if child.dep_ in ("advmod",) and child.lower_ in ("together", "along"):
            for p in child.children:
                if p.dep_ == "prep" and p.lower_ == "with":
                    yield from (q for q in p.children if q.dep_ == "pobj")


def _np_actor(token: Token, depth: int = 0) -> Mention | None:
    """An actor inside a noun phrase's modifiers ("Ukrainian Foreign Minister Pavlo Klimkin",
    "a spokesman for the Israeli foreign ministry", "the head of the Mexican mission")."""
    m = actor_for_token(token)
    if (m and m.get("code")) or depth > 3:
        return m if m and m.get("code") else None
    for c in token.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss"):
            found = _np_actor(c, depth + 1)
            if found:
                return found
    for c in token.children:
        if c.dep_ == "appos":
            found = _np_actor(c, depth + 1)
            if found:
                return found
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "in", "from"):
            for p in c.children:
                if p.dep_ == "pobj":
                    found = _np_actor(p, depth + 1)
                    if found and (c.lower_ in ("of", "for", "from") or token.lemma_.lower() in _SEATED):
                        return found
    return None


def _of_list(token: Token) -> list[Mention]:
    """"the leaders of Qatar, Saudi Arabia and Kuwait" -> the three states."""
    own = actor_at(token)
    # a plural head the actors stage gave one member's code ("leaders" -> the first state) still lists them all
    if own and own.get("kind") != "person" and own.get("code") and token.tag_ != "NNS":
        return []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            pobjs = [x for p in c.children if p.dep_ == "pobj" for x in conjuncts(p)]
            for p in pobjs[:1]:
                if p.dep_ == "pobj":
                    ms = [m for m in (actor_for_token(x) for x in pobjs) if m and m.get("code")]
                    if own and len(ms) < 2:  # a title resolved on its own ("the president") keeps its actor
                        return []
                    # "the ambassadors of A, B and C": the head's sector applies to every member
                    agent = next((m.get("agent") for m in ms if m.get("agent")), None)
                    return [m if m.get("agent") or not agent else {**m, "agent": agent} for m in ms]
    return []


def location_tokens(verb: Token) -> list[Token]:
    """Places an action happens in or is aimed at ("struck targets across Yemen"; "eastern Congo,
    where rebels seized two cities" -> Congo)."""
    out = []
    if verb.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children):
        out.append(verb.head)
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for h in heads:
        for t in h.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("in", "across", "on", "over", "near", "inside", "into", "of", "against") \
                    and not _in_other_clause(t, h):
                out.append(t)
    return out


def _in_other_clause(token: Token, top: Token) -> bool:
    """``token`` sits in a clause below ``top`` ("in what it describes as a campaign ... in Gaza")."""
    t = token
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in CLAUSE_DEPS:
            return True
        t = t.head
    return False


_POSS_PRON = {"its", "their", "his", "her", "our", "my", "your"}
_AGENT_HEADS = {"ambassador", "envoy", "minister", "spokesman", "spokeswoman", "spokesperson", "government",
                "president", "leader", "official", "diplomat", "representative", "delegation", "ministry",
                "army", "military", "police", "force", "troop", "embassy", "foreign", "chief", "head"}


def actors_of(token: Token, owners: bool = False) -> list[Mention]:
    """The actors a noun phrase stands for, coordinated ones and adjective lists included.

    A possessive pronoun ("its support") marks the owner, not the referent, so it is skipped
    unless ``owners`` is set or the head is an agent noun ("its ambassador" acts for "it").
    """
    if token.lower_ in ("which", "whom") and token.dep_ == "pobj":  # "Ukraine, to which Seoul provided aid"
        token = _relative_antecedent(token) or token
    if owners or token.lemma_.lower() in _AGENT_HEADS:  # "its ambassador": the owner acts
        return _actors_of(token)
    return [m for m in _actors_of(token) if token.lower_ in _POSS_PRON or str(m.get("text", "")).lower() not in _POSS_PRON]


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun right before "to which", "with whom", ... (commas skipped): the pronoun's
    antecedent, whatever the parser attached the relative clause to."""
    doc, i = pronoun.doc, pronoun.head.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    return doc[i] if i >= 0 and doc[i].pos_ in ("NOUN", "PROPN") else None


def _actors_of(token: Token) -> list[Mention]:
    found: list[Mention] = []
    for t in conjuncts(token):
        listed = _of_list(t)
        if len(listed) > 1:
            found.extend(listed)
            continue
        m = actor_for_token(t) or _np_actor(t)
        if m and m.get("group") is not None:  # "the four countries": every member
            found.extend(group_members(t.doc, m))
            continue
        mods = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i]
        multi = [actor_at(x) for c in mods for x in conjuncts(c) if actor_at(x) and actor_at(x).get("code")]
        if len(multi) > 1:
            found.extend(multi)
        elif m and m.get("code"):
            found.append(m)
        else:
            found.extend(_included(t))
            for c in t.children:
                if c.dep_ == "appos":
                    m2 = actor_for_token(c)
                    if m2 and m2.get("code"):
                        found.append(m2)
                        break
                if c.dep_ == "prep" and c.lower_ in ("in", "from", "of"):
                    for p in c.children:
                        m2 = actor_for_token(p) if p.dep_ == "pobj" else None
                        if m2 and m2.get("code") and (c.lower_ == "of" or t.lemma_.lower() in _SEATED):
                            found.append(m2)
    for t in conjuncts(token):
        for comp in _companions(t.head if t.dep_ in SUBJ else t):
            found.extend(_actors_of(comp))
    seen, out = set(), []
    for m in found:
        if id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out


def _included(token: Token) -> list[Mention]:
    """"European countries, including Poland and Estonia" -> the named members."""
    out = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("including", "like"):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(m for x in conjuncts(p) for m in [actor_for_token(x)] if m and m.get("code"))
    return out


def is_passive(verb: Token) -> bool:
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        return True  # "the accord, brokered by X"
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def subject_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """The (active) subject of ``verb``, inherited from the governing verb when elided."""
    subs = [c for c in verb.children if c.dep_ in SUBJ]
    if subs:
        if subs[-1].lower_ in _RELATIVE and verb.dep_ == "relcl":
            return [verb.head]
        # a list the parser split into two subjects ("Mordor, Rohan, Fornost and Bree") stays whole
        return sorted({t for s in subs for t in conjuncts(s)}, key=lambda t: t.i)
    if depth > 4:
        return []
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        subj_actor = any(actors_of(t) for t in (c for c in head.children if c.dep_ in SUBJ))
        if head.dep_ == "ccomp" and verb.tag_ == "VBD" and (
            any(a.tag_ == "MD" for a in head.children) or not subj_actor
        ):
            # "X said sanctions could send ... and urged Y": a past-tense verb does not continue
            # the modal clause, it continues the speaker's
            return subject_tokens(head.head, depth + 1)
        found = subject_tokens(verb.head, depth + 1)
        if found or verb.head.dep_ != "ccomp":
            return found
        # "X said that there were ... and urged Y": the parser hangs "urged" on the clause.
        return subject_tokens(verb.head.head, depth + 1)
    if verb.dep_ in ("xcomp", "advcl", "acl") and verb.tag_ in ("VBG", "VB", "VBN") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(verb.head, depth + 1)
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":  # "X is about / ready / willing to ..."
        return subject_tokens(verb.head.head, depth + 1)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]
    return []


def passive_subject_tokens(verb: Token) -> list[Token]:
    subs = [c for c in verb.children if c.dep_ in PASSIVE_SUBJ]
    if subs and subs[0].lower_ in _RELATIVE and verb.dep_ == "relcl":  # "X, which was hit by ..."
        return [verb.head]
    if subs:
        return conjuncts(subs[0])
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head]
    if verb.dep_ == "relcl":
        return [verb.head]
    return []


def agent_tokens(verb: Token) -> list[Token]:
    """The by-agent of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            return [t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
    return []


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            out.extend(t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p))
    return out


def first_role_actors(verb: Token, roles: tuple[str, ...]) -> list[Token]:
    """Recipient tokens of the first role (in the entry's order) that names an actor:
    "celebrated Eid at Osgiliath with Gondor" -> Gondor ("with" before "at")."""
    for role in roles:
        toks = object_tokens(verb, (role,))
        if any(actors_of(t) for t in toks):
            return toks
    return object_tokens(verb, roles)


def object_tokens(verb: Token, roles: tuple[str, ...]) -> list[Token]:
    """Recipient candidates for ``verb`` in the order the entry's ``target`` roles give."""
    preps = tuple(r for r in roles if r not in ("dobj", "dative", "ccomp"))
    out: list[Token] = []
    for role in roles:
        if role == "dobj":
            for c in verb.children:
                if c.dep_ in ("dobj", "attr", "oprd"):
                    out.extend(conjuncts(c))
                    if c.lemma_.lower() in _SEATED:  # "urged the government in Kyiv"
                        out.extend(prep_objects(verb, ("in",)))
        elif role == "dative":
            out.extend(t for c in verb.children if c.dep_ in ("dative", "iobj") for t in conjuncts(c))
            out.extend(prep_objects(verb, ("to",)) if "to" not in roles else [])
        elif role == "ccomp":
            for c in verb.children:
                if c.dep_ == "ccomp":
                    out.extend(t for s in c.children if s.dep_ in SUBJ for t in conjuncts(s))
        else:
            out.extend(prep_objects(verb, (role,)))
    # Recipients attached to the object noun: "sanctions on Iran", "a range of sanctions on Iran".
    for c in list(verb.children):
        if c.dep_ in ("dobj", "nsubjpass"):
            for t in conjuncts(c):
                out.extend(_nested_preps(t, preps or ("on", "against", "with", "to"), 0))
    return out


def _nested_preps(token: Token, preps: tuple[str, ...], depth: int) -> list[Token]:
    found = prep_objects(token, preps)
    if found or depth > 2:
        return found
    for c in token.children:
        # through "of", and through "in" after an amount ("20 million euros in aid for X")
        amount = token.pos_ == "NUM" or any(n.dep_ == "nummod" for n in token.children)
        if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and amount)):
            for p in c.children:
                if p.dep_ == "pobj":
                    found.extend(_nested_preps(p, preps, depth + 1))
    return found


def complement_of(verb: Token, frame: str | None = None) -> Token | None:
    """The complement clause of a frame verb ("urged X [to stop]", "called on X [to ...]").

    A that-clause is the complement only of a demand or appeal ("demanded that Beijing
    order ..."); after "warned that" / "promised that" it is reported speech.
    """
    for dep in ("xcomp", "ccomp", "advcl"):
        for c in verb.children:
            if c.dep_ == dep and c.pos_ in ("VERB", "AUX"):
                if dep == "advcl" and not any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
                    continue
                if dep == "ccomp" and frame not in ("appeal", "demand"):
                    continue
                return c
    for c in verb.children:
        if c.dep_ == "dobj":
            for cc in c.children:
                if cc.dep_ in ("acl", "relcl", "xcomp") and cc.pos_ == "VERB" and cc.i > c.i \
                        and any(a.lower_ == "to" for a in cc.children if a.dep_ == "aux"):
                    return cc
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for") and verb.lemma_ in ("accuse", "blame", "criticize", "criticise"):
            for p in c.children:
                if p.dep_ == "pcomp":
                    return p
    return None


def is_ellipsis(verb: Token) -> bool:
    """A verb phrase that stands for an earlier action: "did the same", "did likewise",
    "followed suit", "..., as did X", "and so did X"."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma == "do":
        if any(c.dep_ in ("dobj", "advmod", "npadvmod") and c.lower_ in ("same", "likewise", "so") for c in kids):
            return True
        return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) \
            and any(c.dep_ in SUBJ and c.i > verb.i for c in kids)
    return lemma == "follow" and any(c.dep_ == "dobj" and c.lower_ == "suit" for c in kids)


def words_of(tokens) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
    return out


def clause_tokens(verb: Token) -> list[Token]:
    """``verb``'s clause: its subtree minus nested clauses headed by other verbs."""
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") and c is not verb:
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def after_words(verb: Token) -> set[str]:
    """Words of the verb's subtree after the verb (objects, complements)."""
    return words_of(t for t in verb.subtree if t.i > verb.i)


def phrase_tokens(verb: Token) -> list[Token]:
    """The verb's phrase without finite subordinate clauses ("after a hafling was reported ...")
    but with infinitival ones ("an accord to supply Gondor")."""
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c is not verb and c.dep_ in ("advcl", "relcl", "ccomp", "parataxis", "conj") \
                    and c.pos_ in ("VERB", "AUX") and not any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)
