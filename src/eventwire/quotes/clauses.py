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
    if current.dep_ == "acl" and current.tag_ == "VBG" and head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB":
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
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    return current.head
                return child
        if any(c.dep_ == "nsubjpass" for c in current.children):
            return None
        inverted = _inverted_subject(current)
        if inverted is not None:
            return inverted
        if current.dep_ == "conj" and is_act is not None and is_act(current) and current.head.dep_ == "ccomp":
            current = current.head.head  # "said X had been killed and warned that": the warner is the sayer
            continue
        up = _shares_subject_with(current)
        if up is None:
            return None
        current = up
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """"'...,' declared the minister": a quote or clause first, then verb, then its speaker."""
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "npadvmod") and child.i > verb.i and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


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


def _tail_cut(doc: Doc, start: int, end: int, head: Token, is_cue) -> int:
    """End of the reported clause once trailing attributions are cut off.

    Drops a final "according to X" and a final relative clause that is itself reported
    speech ("..., which it said had ..."): those are separate quotes.
    """
    for token in doc[start:end]:
        if token.i == head.i:
            continue
        tail = token.left_edge.i
        if token.right_edge.i + 1 < end - 1 or tail <= start:
            continue
        if token.lower_ == "according" and according_to_object(token) is not None:
            return tail
        if token.dep_ in ("relcl", "advcl") and is_cue(token):
            return tail
    return end


# dependents that may stand between a speech verb and its that-clause ("said in a statement on
# Monday that", "told reporters in Vilnius that")
BRIDGE_DEPS = {"prep", "pobj", "det", "amod", "poss", "compound", "npadvmod", "nummod", "punct", "advmod",
               "dobj", "dative", "case", "appos", "nmod", "pcomp"}


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


def _cut_coordinated_acts(doc: Doc, head: Token, end: int, is_act) -> int:
    """End the clause before a coordinated speech act of the matrix speaker.

    "said there were no units in Ukraine and urged Kyiv to ..." is often parsed with
    "urged" coordinated inside the reported clause; a coordinated verb with no subject of
    its own that is a speech act ends the clause. So does a coordinated clause in the
    present tense after a past-tense reported clause ("..., and under the final text oil
    is exempt"): reported speech is back-shifted, the writer's own present is not.
    """
    past = head.tag_ in ("VBD", "VBN") or any(c.lower_ in ("would", "could") for c in head.children)
    for token in doc[head.i + 1: end]:
        if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or token.head.i < head.left_edge.i:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        marked = any(c.dep_ == "mark" for c in token.children)
        if not own_subject and is_act(token):
            return _before_conjunction(doc, head, token)
        if token.head.i == head.i and not marked and past and token.tag_ in ("VBZ", "VBP"):
            return _before_conjunction(doc, head, token)
    return end


def _before_conjunction(doc: Doc, head: Token, conj: Token) -> int:
    cut = conj.left_edge.i
    while cut > head.i and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct or doc[cut - 1].is_space):
        cut -= 1
    return cut


def reported_clause(verb: Token, is_cue, is_act=None) -> tuple[int, int] | None:
    """Token range [start, end) of the clause a speech verb reports, or None.

    The clause is the verb's clausal complement (before or after it); for a speech verb
    in a relative clause with no object ("a move analysts said reflected concern") it is
    the rest of the clause the relative clause sits in.

    Args:
        verb: the speech verb.
        is_cue: predicate: is this token a reporting verb (for nested reports)?
        is_act: predicate: is this token a speech act of any kind (for coordinated acts)?
    """
    doc = verb.doc
    is_act = is_act or is_cue
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            start, end = child.left_edge.i, child.right_edge.i + 1
            if start < verb.i < end:
                start = verb.i + 1
            end = _cut_coordinated_acts(doc, child, end, is_act)
            end = _tail_cut(doc, start, end, child, is_cue)
            start, end = trim(doc, start, end)
            return (start, end) if end > start else None
    found = _that_clause_after(verb)
    if found is not None:
        start, end = trim(doc, *found)
        return (start, end) if end > start else None
    noun = verb.head
    has_object = any(c.dep_ in ("dobj", "prep", "dative") for c in verb.children)
    if verb.dep_ == "relcl" and not has_object and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        clause = noun.head
        if clause.i > verb.i:
            start, end = trim(doc, verb.i + 1, clause.right_edge.i + 1)
            return (start, end) if end > start else None
    return None
