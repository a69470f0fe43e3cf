"""Reported judgements and plural anaphors, which need what the article said before.

- "X said the raid was a flagrant violation" / "X said the pact violated ..." -> X criticises
  (111) or accuses (112) the doer: the actor named in the judged noun phrase ("the four
  countries' decision") or, for an action noun ("the raid"), the doer of the latest such action.
- "the two countries" / "both governments" -> the two actors of the latest interaction.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from eventwire.events import syntax as syn
from eventwire.events.lexicon import Lexicon

_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def group_referents(token: Token, history: list[dict[str, Any]], before: int, lex: Lexicon) -> list[dict]:
    """"the four countries" -> the four doers (or recipients) of the latest action that had
    exactly four of them."""
    if token.lemma_.lower() not in lex.pair_nouns:
        return []
    nums = [c for c in token.children if c.dep_ == "nummod"]
    size = _NUMBERS.get(nums[0].lower_) if nums else None
    if size is None and nums and nums[0].text.isdigit():
        size = int(nums[0].text)
    if not size or size < 3:
        return []
    earlier = [e for e in history if e["start_char"] < before and e["source"]]
    seen: set[tuple] = set()
    for last in reversed(earlier):
        key = (last["start_char"], last["verb"])
        if key in seen:
            continue
        seen.add(key)
        group = [e for e in earlier if (e["start_char"], e["verb"]) == key]
        for side in ("source", "target"):
            members = {}
            for e in group:
                if e[side] and e[side].get("code"):
                    members.setdefault(e[side]["code"], e[side])
            if len(members) == size:
                return list(members.values())
    return []


def judged_doers(subject: Token, history: list[dict[str, Any]], before: int, lex: Lexicon) -> list[dict]:
    """The actors a judged noun phrase stands for (named inside it, or the doers of the action it names)."""
    named = syn.actors_of(subject)
    if named:
        return named
    for t in [subject] + [c for c in subject.children if c.dep_ == "poss"]:  # "the four countries' decision"
        group = group_referents(t, history, before, lex)
        if group:
            return group
    lemma = subject.lemma_.lower()
    if lemma in lex.accord_nouns:  # "the pact violated ...": the parties of the latest accord
        # a signed agreement, or cooperation stated in the same sentence ("A and B restored
        # relations in a deal brokered by C")
        sent_start = subject.sent.start_char
        earlier = [e for e in history if e["start_char"] < before and (
            e["cameo"][:3] in ("057", "037")
            or (e["start_char"] >= sent_start and e["cameo"][:2] in ("03", "04", "05", "06")))]
        if earlier:
            last = earlier[-1]
            return [e["source"] for e in earlier if e["start_char"] == last["start_char"] and e["verb"] == last["verb"]]
    if lemma in lex.event_nouns or subject.lower_ in lex.event_nouns:
        earlier = [e for e in history if e["start_char"] < before and e["cameo"][:2] >= "14" and e["reported_by"] is None]
        if earlier:
            return [earlier[-1]["source"]]
    return []


def judgement(
    report: Token, lex: Lexicon, history: list[dict[str, Any]], own: tuple = ()
) -> tuple[str, list[dict]] | None:
    """The first of ``judgements``, or None."""
    found = judgements(report, lex, history, own)
    return found[0] if found else None


def judgements(
    report: Token, lex: Lexicon, history: list[dict[str, Any]], own: tuple = ()
) -> list[tuple[str, list[dict]]]:
    """(code, targets) when ``report`` (a speech verb) reports a negative judgement of someone.
    A judged claim aimed at the speaker ("the accusations against it were false") is a denial
    (016) answering its accusers."""
    clauses = [c for c in report.children if c.dep_ in ("ccomp", "parataxis")]
    clauses += [x for c in clauses for x in syn.conjuncts(c) if x.i != c.i and x.dep_ == "conj"]
    found: list[tuple[str, list[dict]]] = []
    for clause in clauses:
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        words = syn.words_of(t for t in clause.subtree if t.i > subj.i and t not in subj.subtree)
        lemma = clause.lemma_.lower()
        if lemma == "be" and any(w in lex.negative_words for w in words):
            code = "111"
        elif lemma in lex.negative_verbs or any(f"{lemma} {w}" in lex.negative_verbs for w in words):
            code = "112"  # "the pact violated ...", "Moscow bore responsibility for ..."
        elif any(c.dep_ == "advmod" and c.lower_ in lex.negative_words for c in clause.children):
            code = "112"  # "the warship had illegally entered Chinese waters"
        else:
            continue
        if any(c.dep_ == "neg" for c in clause.children):
            continue
        if code == "111" and own and subj.lemma_.lower() in lex.claim_nouns:
            accusers = [e["source"] for e in history if e["start_char"] < report.idx and e["source"]
                        and (e["target"] or {}).get("code") in own and e["cameo"][:2] == "11"]
            if accusers:
                found.append(("016", list({m.get("code"): m for m in accusers}.values())))
                continue
        doers = judged_doers(subj, history, report.idx, lex)
        if doers:
            found.append((code, doers))
    return found


def pair_referents(
    token: Token, history: list[dict[str, Any]], before: int, lex: Lexicon, exclude: tuple = (),
    speakers: tuple = (),
) -> list[dict]:
    """"the two countries" -> the two states of the latest interaction before ``before`` that
    does not involve the actors in ``exclude`` (the speaker of "urged the two countries")."""
    if token.lemma_.lower() not in lex.pair_nouns:
        return []
    if not any(c.lower_ in ("two", "both") for c in token.children if c.dep_ in ("nummod", "det", "predet", "amod")):
        return []
    counts: dict[frozenset, int] = {}
    latest: dict[frozenset, tuple[int, list[dict]]] = {}
    for n, e in enumerate(history):
        if e["start_char"] >= before or not e["target"] or not e["source"]:
            continue
        pair = [e["source"], e["target"]]
        codes = frozenset(m.get("code") for m in pair)
        if len(codes) == 2 and not codes & set(exclude) and all(m.get("kind") == "state" for m in pair):
            counts[codes] = counts.get(codes, 0) + 1
            latest[codes] = (n, pair)
    prefer = {m.get("code") for m in speakers}
    if prefer and counts and not any(k & prefer for k in counts):
        # "Beijing announced that the two countries ...": the speaker and its most frequent partner
        freq: dict[str, tuple[int, dict]] = {}
        for k, n in counts.items():
            for m in latest[k][1]:
                c = m.get("code")
                freq[c] = (freq.get(c, (0, m))[0] + n, m)
        partner = max(freq.values(), key=lambda v: v[0])[1]
        if partner.get("code") not in prefer:
            return [speakers[0], partner]
    if not counts:
        return []
    # the article's main dyad: the pair with most interactions so far, the latest on a tie
    best = max(counts, key=lambda k: (bool(k & prefer), counts[k], latest[k][0]))
    return latest[best][1]
