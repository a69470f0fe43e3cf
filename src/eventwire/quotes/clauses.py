"""Dependency-parse helpers: the subject of a speech verb and the clause it reports."""

from __future__ import annotations

from spacy.tokens import Doc, Token

RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
# dependency labels by which a participle or coordinated verb shares its head's subject
SHARES_SUBJECT = {"conj", "advcl", "xcomp", "acl", "pcomp"}
EDGE_PUNCT = set(",;:—–-()[]") | set("\"'“”‘’«»")


def is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _shares_subject_with(current: Token) -> Token | None:
    """The verb whose subject ``current`` shares (coordination, participle, "statement announcing")."""
    head = current.head
    if head.i == current.i:
        return None
    if current.dep_ in SHARES_SUBJECT and head.pos_ in ("VERB", "AUX"):
        return head
    if (
        current.dep_ == "acl"
        and current.tag_ == "VBG"
        and head.dep_ in ("dobj", "pobj")
        and head.head.pos_ == "VERB"
    ):
        return head.head  # "read out a statement announcing that ..."
    return None


def subject_of(verb: Token, is_act=None) -> Token | None:
    """The token heading the noun phrase that performs ``verb``.

    Follows coordination and participles up to the verb that has a subject ("X said ...
    and added", "X rejected ..., saying"), the by-agent of a passive ("was described by
    the Kremlin as"), a relative pronoun to the noun it stands for ("the ministry,
    which said"), and an inverted subject parsed as an object ("'...,' declared the
    minister"). Returns None for an agentless passive ("it was announced that").
    """
    current = verb
    for _ in range(8):
        agent = _agent(current)
        if agent is not None:
            return agent
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # two subjects ("the EU's foreign policy chief Josep Borrell said"): the named person,
            # else the one nearest the verb
            child = next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[-1])
            if child.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return child
        if any(c.dep_ == "nsubjpass" for c in current.children):
            return None
        inverted = _inverted_subject(current)
        if inverted is not None:
            return inverted
        if is_act is not None:
            for child in current.children:
                if child.dep_ == "ccomp" and child.i < current.i and is_act(child):
                    for sub in child.children:
                        if sub.dep_ == "nsubj":
                            return sub  # "Pakistan denied that ..., said ..."
        if current.dep_ == "conj" and is_act is not None and is_act(current) and current.head.dep_ == "ccomp":
            current = current.head.head  # "said X had been killed and warned that": the warner is the sayer
            continue
        up = _shares_subject_with(current)
        if up is None:
            return None
        current = up
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """ "'...,' declared the minister": a quote or clause first, then verb, then its speaker."""
    quote_first = verb.i > 0 and verb.doc[verb.i - 1].text in ("”", '"', "'", "’", "»")
    if not quote_first and not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return None
    found = None
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "attr", "npadvmod")
            and child.i > verb.i
            and child.pos_ in ("PROPN", "NOUN")
        ):
            if found is not None and child.left_edge.i > found.right_edge.i + 2:
                break
            found = child  # "declared the vice-minister": the last noun of the phrase
    return found


def according_to_object(token: Token) -> Token | None:
    """For the ``according`` of "according to X", the head of X."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink the token range [start, end) past edge punctuation, spaces and a leading 'that'."""
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT or doc[start].is_punct):
        start += 1
    if start < end and doc[start].lower_ == "that" and doc[start].dep_ == "mark":
        start += 1
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def _tail_cut(doc: Doc, start: int, end: int, head: Token, is_cue, is_act) -> int:
    """End of the reported clause once trailing attributions are cut off.

    Drops a final "according to X" and a final relative clause that reports or believes
    on its own ("..., which it said had ...", "a pact that Washington fears could ..."):
    those are someone else's words.
    """
    for token in doc[start:end]:
        if token.i == head.i:
            continue
        tail = token.left_edge.i
        if token.right_edge.i + 1 < end - 1 or tail <= start:
            continue
        if token.lower_ == "according" and according_to_object(token) is not None:
            return tail
        if token.dep_ == "relcl" and is_cue(token):
            return tail
        if token.dep_ == "advcl" and is_cue(token) and is_act(token) and _own_subject(token) is not None:
            return tail  # "..., while the British prime minister said ..."
        if token.dep_ == "advcl" and token.tag_ == "VBG" and is_cue(token) and not is_act(token):
            return tail  # "..., believing it would ...": the writer's account of a belief
    return end


# dependents that may stand between a speech verb and its that-clause ("said in a statement on
# Monday that", "told reporters in Vilnius that")
BRIDGE_DEPS = {
    "prep",
    "pobj",
    "det",
    "amod",
    "poss",
    "compound",
    "npadvmod",
    "nummod",
    "punct",
    "advmod",
    "dobj",
    "dative",
    "case",
    "appos",
    "nmod",
    "pcomp",
}


def _that_clause_after(verb: Token) -> tuple[int, int] | None:
    """A that-clause the parser failed to attach to the verb ("said in his speech ... that X")."""
    doc = verb.doc
    limit = min(verb.i + 12, verb.sent.end)
    for i in range(verb.i + 1, limit):
        token = doc[i]
        if token.lower_ == "that" and token.dep_ in ("mark", "dobj", "nsubj", "det") and i > verb.i + 1:
            clause = token.head
            if clause.pos_ not in ("VERB", "AUX") or clause.i <= i:
                return None
            return i + 1, clause.right_edge.i + 1
        if token.dep_ not in BRIDGE_DEPS or token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _cut_coordinated_acts(doc: Doc, head: Token, end: int, is_act, is_cue=None) -> int:
    """End the clause before a coordinated speech act of the matrix speaker.

    "said there were no units in Ukraine and urged Kyiv to ..." is often parsed with
    "urged" coordinated inside the reported clause; a coordinated verb with no subject of
    its own that is a speech act ends the clause. So does a coordinated clause in the
    present tense after a past-tense reported clause ("..., and under the final text oil
    is exempt"): reported speech is back-shifted, the writer's own present is not.
    """
    past = head.tag_ in ("VBD", "VBN") or any(c.lower_ in ("would", "could") for c in head.children)
    for token in doc[head.i + 1 : end]:
        if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or token.head.i < head.left_edge.i:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        marked = any(c.dep_ == "mark" for c in token.children)
        if not own_subject and (is_act(token) or _withholds(doc, token)):
            return _before_conjunction(doc, head, token)
        if own_subject and is_cue is not None and is_cue(token):
            return _before_conjunction(doc, head, token)  # "..., and the minister told X that ..."
        if token.head.i == head.i and not marked and past and token.tag_ in ("VBZ", "VBP"):
            return _before_conjunction(doc, head, token)
    return end


def _withholds(doc: Doc, conj: Token) -> bool:
    """"... that she was safe but gave no details": the reporter's "but" + a withheld statement
    (a negated verb, a "no ..." object, "declined"/"refused") is the speaker's act, not speech."""
    before = conj.left_edge.i - 1
    if before < 0 or doc[before].lower_ != "but":
        return False
    if conj.lemma_.lower() in ("decline", "refuse") or any(c.dep_ == "neg" for c in conj.children):
        return True
    return any(c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children) for c in conj.children)


def _before_conjunction(doc: Doc, head: Token, conj: Token) -> int:
    cut = conj.left_edge.i
    while cut > head.i and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct or doc[cut - 1].is_space):
        cut -= 1
    return cut


def _has_verb(token: Token) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in token.subtree)


def _own_subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child
    return None


def _complements(verb: Token, is_act) -> list[Token]:
    """Clausal complements of a speech verb, on one side of it.

    With complements on both sides, the one after the verb is the reported clause: the one
    before is a misparsed coordination ("Pakistan denied that ..., said the bombs had ...").
    """
    found = [c for c in verb.children if c.dep_ == "ccomp" and _has_verb(c)]
    # "which critics say hurt the poor": a bare clause the parser calls xcomp ("vowed to fight" is not one)
    found += [
        c
        for c in verb.children
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and not any(a.lower_ == "to" for a in c.children)
    ]
    after = [c for c in found if c.i > verb.i]
    return after or found


def _trailing_attribution(verb: Token) -> tuple[int, int] | None:
    """ "X did Y, state media reported": a reporting verb after the clause it attributes."""
    subject = _own_subject(verb)
    if subject is None or verb.dep_ not in ("conj", "parataxis", "advcl") or verb.head.i > verb.i:
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    return verb.head.left_edge.i, subject.left_edge.i


def reported_clause(verb: Token, is_cue, is_act=None) -> tuple[int, int] | None:
    """Token range [start, end) of the clause a speech verb reports, or None.

    The clause is the verb's clausal complement (before or after it); for a speech verb
    in a relative clause with no object ("a move analysts said reflected concern") it is
    the rest of the clause the relative clause sits in; for a reporting verb that follows
    its clause ("X did Y, state media reported") it is that clause.

    Args:
        verb: the speech verb.
        is_cue: predicate: is this token a reporting verb (for nested reports)?
        is_act: predicate: is this token a speech act of any kind (for coordinated acts)?
    """
    doc = verb.doc
    is_act = is_act or is_cue
    complements = _complements(verb, is_act)
    if complements:
        start = min(c.left_edge.i for c in complements)
        end = max(c.right_edge.i for c in complements) + 1
        if start < verb.i < end:
            start = verb.i + 1
        for child in complements:
            end = min(end, _cut_coordinated_acts(doc, child, end, is_act, is_cue))
        end = _tail_cut(doc, start, end, complements[-1], is_cue, is_act)
        return _nonempty(trim(doc, start, end))
    found = _that_clause_after(verb) or _trailing_attribution(verb)
    if found is not None:
        return _nonempty(trim(doc, *found))
    noun = verb.head
    has_object = any(c.dep_ in ("dobj", "prep", "dative") for c in verb.children)
    if (
        verb.dep_ == "relcl"
        and not has_object
        and noun.dep_ in ("nsubj", "nsubjpass")
        and noun.head.pos_ in ("VERB", "AUX")
    ):
        clause = noun.head
        if clause.i > verb.i:
            return _nonempty(trim(doc, verb.i + 1, clause.right_edge.i + 1))
    return None


def _nonempty(span: tuple[int, int]) -> tuple[int, int] | None:
    return span if span[1] > span[0] else None
