"""What must not be coded (negation, hypotheticals, questions) and who reports an event.

Rules:
- negated: "not"/"never"/"n't" on the verb, on its auxiliary or on a governing verb that the
  action depends on ("did not agree to meet"), or a "no" determiner on its object;
- hypothetical: inside an "if"/"unless"/"whether" clause, under "could"/"might"/"may", or
  a "would"/"will" verb carrying an "if" clause (conditional threats are kept by the coder);
- questions: the sentence ends with "?".
- reported: a clause under a speech verb ("X said (that) ...") or with "according to X".
"""

from __future__ import annotations

from spacy.tokens import Token

NEG_WORDS = {"not", "n't", "never", "no", "nor"}
HYPO_MODALS = {"could", "might", "may", "can"}
FUTURE_MODALS = {"will", "would", "'ll", "shall", "wo"}
# "X is willing / ready to <act>": an intent, like "X will <act>"
WILLING = {"willing", "ready", "prepared", "determined", "eager", "keen"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
REPORT_LEMMAS = {
    "say", "tell", "state", "add", "report", "confirm", "note", "argue", "contend", "assert",
    "claim", "allege", "announce", "indicate", "explain", "write", "stress", "insist", "declare",
    "believe", "according", "warn", "charge", "suggest", "maintain",
}


def is_negated(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "aux") and c.lower_ in NEG_WORDS):
            return True
        if c.dep_ in ("dobj", "attr") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    head = verb
    for _ in range(3):
        if head.dep_ in ("xcomp",) and head.head is not head:
            head = head.head
            if any(c.dep_ == "neg" for c in head.children):
                return True
        else:
            break
    return False


def modals(verb: Token) -> set[str]:
    """Modal auxiliaries of ``verb`` (and of the verb it is coordinated with)."""
    out = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}
    # a coordinated verb shares the modal only when it has no tense of its own ("would X and Y")
    if not out and verb.dep_ == "conj" and verb.tag_ == "VB":
        out = {c.lower_ for c in verb.head.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if not out and verb.dep_ == "xcomp":
        out = {c.lower_ for c in verb.head.children if c.dep_ == "aux" and c.tag_ == "MD"}
    return out


def in_conditional(verb: Token) -> bool:
    """``verb`` is inside an if/unless clause."""
    t = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def has_condition(verb: Token) -> bool:
    """``verb`` carries an if/unless clause ("would ... if it continued")."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children):
            return True
    return False


_CLOSING = "\"'”’ "


def is_question(verb: Token) -> bool:
    """``verb``'s sentence ends with a question mark (closing quotes and spaces aside)."""
    for token in reversed(verb.sent):
        text = token.text.strip().rstrip(_CLOSING)
        if text:
            return text.endswith("?")
    return False


def is_hypothetical(verb: Token) -> bool:
    """Modal possibility or a conditional; future "will/would" alone is not hypothetical."""
    if modals(verb) & HYPO_MODALS:
        return True
    return in_conditional(verb) or has_condition(verb)


def reporter(verb: Token) -> Token | None:
    """The speech verb or "according to" preposition that reports ``verb``, if any."""
    t = verb
    for _ in range(6):  # "according to X" anywhere up the chain names the source of the claim
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                return c
        if t.head is t:
            break
        t = t.head
    t = verb
    for _ in range(5):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in REPORT_LEMMAS:
            return t.head
        if t.dep_ == "conj" or t.dep_ == "ccomp":
            t = t.head
            continue
        break
    for c in verb.sent.root.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            return c
    return None
