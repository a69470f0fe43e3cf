"""Noun phrases that stand for several actors, or for the body behind a document.

Runs after name resolution and coreference, on the parse, and adds mentions:

- counted references: "the four countries" -> the nearest earlier list of exactly four
  coordinated states or organisations ("Saudi Arabia, the UAE, Bahrain and Egypt");
- memberships: "the four founding members of the Mercosur bloc", "BRICS member states" ->
  the member states on the article's date, for a grouping that has no code of its own
  (a coded one, "NATO members", stays coded as itself);
- documents: "rejected the resolution" -> the organisation or legislature named most so far,
  the body that adopts resolutions and declarations;
- agreements: "welcomed the signing", "the accord, brokered by ..." -> the parties of the
  latest agreement the article reports ("the foreign ministers of A and B signed a peace
  agreement", "a deal between A and B").

A group is one mention per member, all over the same span and carrying the same ``group``
value (the span's first token), so ``lookup.group_members`` can give the event coder all of
them. The words each rule reacts to are data: the ``groups`` section of
``data/actors/references.yaml``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc, Token

from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.resolve import new_mention, parse_date

Mention = dict[str, Any]

NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12}
DEFINITE = {"the", "these", "those", "both", "all"}
ACTOR_KINDS = ("state", "igo", "ngo")


def _number(token: Token) -> int | None:
    for child in token.children:
        if child.dep_ == "nummod":
            if child.lower_ in NUMBERS:
                return NUMBERS[child.lower_]
            if child.text.isdigit():
                return int(child.text)
    return None


def _definite(token: Token) -> bool:
    return any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in token.lefts)


def _phrase_start(token: Token) -> int:
    """First token of the noun phrase left of ``token`` ("the four founding members")."""
    lefts = [c for c in token.lefts if c.dep_ in ("det", "nummod", "amod", "compound", "poss", "predet")]
    return min([c.left_edge.i for c in lefts] + [token.i])


class GroupFinder:
    """Adds group, document and agreement mentions to an article's mentions.

    Args:
        dictionary: the actor dictionary (membership lists and names).
        words: the ``groups`` section of references.yaml.
    """

    def __init__(self, dictionary: ActorDictionary, words: dict[str, list[str]]):
        self.dictionary = dictionary
        self.counted = set(words["counted"])
        self.members = set(words["members"])
        self.founding = set(words["founding"])
        self.documents = set(words["documents"])
        self.agreements = set(words["agreements"])
        self.signing_verbs = set(words["signing_verbs"])
        # the head nouns any rule reacts to ("member state" -> "state"), to skip every other token fast
        self._heads = {w.split()[-1] for w in self.counted | self.members | self.documents | self.agreements}
        self._blocs = {e.code: e.members for e in dictionary.entries.values() if e.code and e.members}
        self._kinds: dict[str, tuple[str, str]] = {}  # code -> (kind, name); a state's entry wins
        for e in dictionary.entries.values():
            if e.code and e.kind in ACTOR_KINDS and (e.code not in self._kinds or e.kind == "state"):
                self._kinds[e.code] = (e.kind, e.name)

    def find(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """The new mentions for ``doc``, given its resolved ``mentions``."""
        by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m["start"], m["end"]):
                by_token.setdefault(i, m)
        self._by_token = by_token
        self._groups: dict[int, list[str]] = {}
        day = parse_date(doc._.eventwire_published)
        # the few tokens any rule reacts to, found once (attribute access on every token is the cost)
        words = self._heads | self.signing_verbs
        candidates = [t for t in doc if t.lemma_.lower() in words]
        if not candidates:
            return []
        heads = [t for t in candidates if t.lemma_.lower() in self._heads]
        added: list[Mention] = []
        # groups first, so an agreement's parties may be a group ("signed with the Mercosur members")
        added += self._each_token(heads, lambda t: self._counted(doc, t) or self._membership(doc, t, day))
        records = self._agreement_records(candidates)
        added += self._each_token(heads, lambda t: self._document(doc, t, mentions) or self._agreement(doc, t, records))
        return added

    def _each_token(self, tokens: list[Token], rule: Any) -> list[Mention]:
        """Apply ``rule`` to each of ``tokens`` not yet part of a mention; record what it adds."""
        added: list[Mention] = []
        for token in tokens:
            if token.i in self._by_token or token.pos_ not in ("NOUN", "PROPN"):
                continue
            new = rule(token)
            if new:
                added.extend(new)
                for i in range(new[0]["start"], new[0]["end"]):
                    self._by_token.setdefault(i, new[0])
                if new[0].get("group") is not None:
                    self._groups[new[0]["group"]] = [m["code"] for m in new]
        return added

    # -- helpers ---------------------------------------------------------------------
    def _coded(self, token: Token) -> Mention | None:
        """The coded state or organisation a list item or party token stands for."""
        m = self._by_token.get(token.i)
        if m is None:
            for child in token.lefts:
                if child.dep_ in ("compound", "amod", "poss"):
                    m = self._by_token.get(child.i)
                    if m:
                        break
        if m is None:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for p in child.children:
                        if p.dep_ == "pobj" and p.i in self._by_token:
                            m = self._by_token[p.i]
        return m if m and m.get("code") and (m["kind"] in ACTOR_KINDS or m["kind"] == "person") else None

    def _codes(self, tokens: list[Token]) -> list[str]:
        codes = [c for m in (self._coded(t) for t in tokens) if m
                 for c in (self._groups.get(m["group"], [m["code"]]) if m.get("group") is not None else [m["code"]])]
        return list(dict.fromkeys(codes))

    def _group(self, doc: Doc, token: Token, codes: list[str], reason: str) -> list[Mention]:
        """One mention per member; an organisation member lists its own member states on the
        article's date (``member_states``), so the event coder can tell "France opposed the
        deal" (its own bloc's deal) from an outsider's reaction."""
        span = doc[_phrase_start(token):token.i + 1]
        day = parse_date(doc._.eventwire_published)
        out = []
        for code in codes:
            mention = new_mention(span, code=code, name=self._name(code), kind=self._kinds.get(code, ("state",))[0],
                                  plural=True, group=span.start, reason=reason)
            if code in self._blocs:
                mention["member_states"] = [m.code for m in self._blocs[code] if m.covers(day)]
            out.append(mention)
        return out

    def _name(self, code: str) -> str:
        return self._kinds[code][1] if code in self._kinds else code

    # -- the rules ---------------------------------------------------------------------
    def _counted(self, doc: Doc, token: Token) -> list[Mention] | None:
        """"the four countries" -> the nearest earlier list of four."""
        size = _number(token)
        if token.lemma_.lower() not in self.counted or token.tag_ not in ("NNS", "NNPS") or not size or size < 3:
            return None
        if not _definite(token) or any(self._by_token.get(c.i, {}).get("code") for c in token.lefts):
            return None
        start = _phrase_start(token)
        for head in sorted((t for t in doc[:start] if t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children)),
                           key=lambda t: t.i, reverse=True):
            members = [t for t in _conjuncts(head) if t.i < start]
            codes = self._codes(members)
            if len(codes) == size:
                names = ", ".join(self._name(c) for c in codes)
                return self._group(doc, token, codes, f"group: {doc[start:token.i + 1].text} -> {names}")
        return None

    def _membership(self, doc: Doc, token: Token, day: dt.date | None) -> list[Mention] | None:
        """"the founding members of Mercosur", "BRICS member states"."""
        lefts = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
        words = [c.lower_ for c in lefts if c.lower_ == "member"] + [token.lemma_.lower()]
        phrase = " ".join(words)
        founding = any(c.lower_ in self.founding for c in lefts)
        if phrase not in self.members and not (founding and token.lemma_.lower() in self.counted):
            return None
        org = self._organisation(token)
        if org is None:
            return None
        entry = self.dictionary.entries.get(org.get("entity") or "")
        if entry is None or entry.code or not entry.members:
            return None
        codes = [m.code for m in entry.members if m.covers(day) and (m.founding or not founding)]
        size = _number(token)
        if not codes or (size and size != len(codes)):
            return None
        what = "founding members" if founding else "members"
        return self._group(doc, token, codes,
                           f"{what} of {entry.name}{f' on {day}' if day else ''}: {', '.join(codes)}")

    def _organisation(self, token: Token) -> Mention | None:
        """The grouping named by "of X", "X's" or a modifier "X" of a members noun."""
        candidates = [c for c in token.lefts if c.dep_ in ("compound", "poss", "nmod")]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                candidates += [t for p in child.children if p.dep_ == "pobj" for t in p.subtree]
        for t in candidates:
            m = self._by_token.get(t.i)
            if m and m["kind"] in ("igo", "org") and m.get("entity"):
                return m
        return None

    def _document(self, doc: Doc, token: Token, mentions: list[Mention]) -> list[Mention] | None:
        """"rejected the resolution" -> the organisation or legislature the article names most."""
        if token.lemma_.lower() not in self.documents or token.tag_ != "NN":
            return None
        if not any(c.lower_ == "the" for c in token.lefts) or any(c.dep_ == "prep" and c.lower_ == "of"
                                                                  for c in token.children):
            return None
        if any(t.i in self._by_token for c in token.lefts for t in c.subtree):
            return None  # "the U.S.-drafted resolution", "the NATO declaration": its own actor
        bodies = [m for m in mentions if m["start"] < token.i and m.get("code")
                  and (m["kind"] == "igo" or m.get("agent") == "LEG")]
        if not bodies:
            return None
        # the body the article is about: named most often so far (ties: the latest)
        counts: dict[str, int] = {}
        for m in bodies:
            counts[m["code"]] = counts.get(m["code"], 0) + 1
        body = max(bodies, key=lambda m: (counts[m["code"]], m["start"]))
        span = doc[_phrase_start(token):token.i + 1]
        return [new_mention(span, code=body["code"], name=body["name"], kind=body["kind"], agent=body.get("agent"),
                            antecedent=body["start"],
                            reason=f"document of the body the article names most: {span.text} -> {body['name']}")]

    def _agreement_records(self, tokens: list[Token]) -> list[tuple[int, list[str], set[int]]]:
        """Agreements the article reports among ``tokens``: (position, party codes, the tokens that
        state it)."""
        records = []
        for token in tokens:
            lemma = token.lemma_.lower()
            if lemma not in self.signing_verbs and lemma not in self.agreements:
                continue
            parties: list[Token] = []
            own: set[int] = set()
            if token.pos_ == "VERB" and lemma in self.signing_verbs:
                objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
                if lemma != "sign" and not any(self._is_agreement(o) for o in objects):
                    continue
                for c in token.children:
                    if c.dep_ in ("nsubj", "agent"):
                        heads = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "agent" else [c]
                        parties += [x for h in heads for x in _party_tokens(h)]
                for h in [token, *objects]:
                    parties += [x for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                                for p in c.children if p.dep_ == "pobj" for x in _party_tokens(p)]
                own = {o.i for o in objects}
            elif self._is_agreement(token):
                parties = [x for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                           for p in c.children if p.dep_ == "pobj" for x in _conjuncts(p)]
                own = {token.i}
            codes = self._codes(parties)
            if len(codes) >= 2:
                records.append((token.i, codes, own))
        return records

    def _is_agreement(self, token: Token) -> bool:
        # multi-word entries ("peace deal") end in a one-word entry ("deal"), so the lemma decides
        return token.lemma_.lower() in self.agreements

    def _agreement(self, doc: Doc, token: Token, records: list[tuple[int, list[str], set[int]]]
                   ) -> list[Mention] | None:
        """"welcomed the signing" -> the parties of the latest agreement reported before it."""
        if not self._is_agreement(token) or token.tag_ != "NN" or not any(c.lower_ in ("the", "this")
                                                                          for c in token.lefts):
            return None
        if any(token.i in own for _, _, own in records) or any(t.i in self._by_token for c in token.lefts
                                                                for t in c.subtree):
            return None
        earlier = [r for r in records if r[0] < token.i]
        if not earlier:
            return None
        _, codes, _ = earlier[-1]
        names = ", ".join(self._name(c) for c in codes)
        return self._group(doc, token, codes, f"parties of the agreement reported before: {token.text} -> {names}")


def _conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it, in text order (spaCy's ``Token.conjuncts``)."""
    return sorted([token, *token.conjuncts], key=lambda t: t.i)


def _party_tokens(head: Token) -> list[Token]:
    """A signing subject's parties: "A and B", or "the foreign ministers of A and B"."""
    out = []
    for t in _conjuncts(head):
        out.append(t)
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                out += [x for p in c.children if p.dep_ == "pobj" for x in _conjuncts(p)]
    return out
