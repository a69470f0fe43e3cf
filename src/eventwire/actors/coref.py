"""Coreference inside one article, by rules over the parse.

Resolves to the fullest earlier mention of a compatible actor:
- surnames and shortened names ("Stoltenberg", "Mr Stoltenberg") -> the earlier full name;
- title phrases ("the Secretary General", "the NATO chief", "the French minister",
  "her Rwandan counterpart") -> the latest person whose office fits, or, failing
  that, the state or organisation their modifiers name;
- pronouns: he/she -> a person of compatible gender; it/its -> a state or
  organisation; they/their -> a plural group of actors.

Candidates are ranked by salience: grammatical subjects first, then the nearest
sentence, then the latest position. Why rules: coreferee's English models are
not shipped on PyPI (its wheel holds empty placeholders), and no other PyPI
package offers a spaCy-3.8-compatible English coreference model.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import Resolver, new_mention

Mention = dict[str, Any]

HONORIFICS = {"mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female",
              "miss": "female", "sir": "male", "madam": "female", "dr": None, "dr.": None}
PERSONAL = {"he": "male", "him": "male", "his": "male", "himself": "male",
            "she": "female", "her": "female", "hers": "female", "herself": "female"}
NEUTER = {"it", "its", "itself"}
# "them" is left out: as an object it is far more often a thing ("selling them") than an actor.
PLURAL = {"they", "their", "theirs", "themselves"}
# How many sentences back a pronoun may look for its antecedent.
WINDOW = 3
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


def _is_subject(token: Token) -> bool:
    return token.dep_ in SUBJECTS or (token.dep_ in ("compound", "poss", "amod") and token.head.dep_ in SUBJECTS)


def _depth(token: Token) -> int:
    """How deep in its sentence's tree a token sits: arguments of the main verb are shallow."""
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _is_expletive(token: Token) -> bool:
    """"It" that stands for no actor: "it was important that ...", "it is said"."""
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    has_clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children)
    has_pred = any(c.dep_ in ("acomp", "attr") for c in head.children)
    return (head.lemma_ == "be" and has_pred and has_clause) or head.lemma_ in ("seem", "appear", "take")


class Coreferencer:
    """Adds mentions for surnames, titles and pronouns, linked to their antecedents."""

    def __init__(self, resolver: Resolver):
        self.resolver = resolver

    def link_names(self, doc: Doc, mentions: list[Mention]) -> None:
        """Honorific genders, and short or repeated names linked to the full earlier name."""
        mentions.sort(key=lambda m: m["start"])
        for m in mentions:
            self._honorific(doc, m)
        self._link_short_names(mentions)

    def resolve(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Add pronoun and title mentions linked to their antecedents; returns all mentions in order."""
        mentions = sorted(mentions, key=lambda m: m["start"])
        covered = {i for m in mentions for i in range(m["start"], m["end"])}
        added = []
        for token in doc:
            if token.i in covered:
                continue
            earlier = [m for m in mentions + added if m["start"] < token.i]
            new = self._for_token(doc, token, earlier)
            if new is not None:
                added.append(new)
                covered.update(range(new["start"], new["end"]))
        return sorted(mentions + added, key=lambda m: m["start"])

    # -- names -----------------------------------------------------------------------
    def _honorific(self, doc: Doc, m: Mention) -> None:
        if m["kind"] != "person" or m["start"] == 0:
            return
        prev = doc[m["start"] - 1].lower_
        if prev in HONORIFICS and HONORIFICS[prev] and not m.get("gender"):
            m["gender"] = HONORIFICS[prev]

    def _link_short_names(self, mentions: list[Mention]) -> None:
        """"Linkevicius" after "Linas Linkevicius": same person, same code."""
        people = [m for m in mentions if m["kind"] == "person"]
        for i, m in enumerate(people):
            words = m["name"].split()
            for full in reversed(people[:i]):
                full_words = full["name"].split()
                if len(full_words) < len(words) or (full_words == words and not full.get("code")):
                    continue
                if m.get("code") and full_words == words:
                    continue
                if words and (words[-1] == full_words[-1] or words == full_words[: len(words)]):
                    if m.get("entity") and m.get("entity") != full.get("entity"):
                        continue
                    root = full["antecedent"] if full.get("antecedent") is not None else full["start"]
                    m.update(name=full["name"], antecedent=root,
                             reason=f"coreference: short name of {full['name']}")
                    for key in ("code", "agent", "title", "gender", "entity"):
                        if full.get(key) and not m.get(key):
                            m[key] = full[key]
                    if m.get("code") != full.get("code") and full.get("code"):
                        m["code"] = full["code"]
                    break

    # -- titles and pronouns -------------------------------------------------------------
    def _for_token(self, doc: Doc, token: Token, earlier: list[Mention]) -> Mention | None:
        lower = token.lower_
        if token.pos_ == "PRON" or lower in PERSONAL or lower in NEUTER or lower in PLURAL:
            return self._pronoun(doc, token, earlier)
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and self.resolver.is_title(token):
            return self._title(doc, token, earlier)
        return None

    def _ranked(self, token: Token, candidates: list[Mention], doc: Doc) -> list[Mention]:
        sent_of = {s.start: n for n, s in enumerate(doc.sents)}
        here = sent_of[token.sent.start]

        def key(m: Mention) -> tuple[int, int, int, int]:
            anchor = doc[m["start"]]
            distance = here - sent_of[anchor.sent.start]
            last = doc[m["end"] - 1]
            return (1 if _is_subject(last) else 0, -distance, -_depth(last), m["start"])

        in_window = []
        for m in candidates:
            anchor = doc[m["start"]]
            distance = here - sent_of[anchor.sent.start]
            if 0 <= distance <= WINDOW and not (distance == 0 and anchor.i > token.i):
                in_window.append(m)
        return sorted(in_window, key=key, reverse=True)

    def _link(self, doc: Doc, token: Token, antecedent: Mention, earlier: list[Mention], how: str) -> Mention:
        span = doc[token.i:token.i + 1]
        root = antecedent["antecedent"] if antecedent.get("antecedent") is not None else antecedent["start"]
        return new_mention(
            span, code=antecedent["code"], name=antecedent["name"], kind=antecedent["kind"],
            agent=antecedent.get("agent"), gender=antecedent.get("gender"), title=antecedent.get("title"),
            entity=antecedent.get("entity"), antecedent=root,
            reason=f"coreference ({how}): {token.text} -> {antecedent['name']}",
        )

    def _pronoun(self, doc: Doc, token: Token, earlier: list[Mention]) -> Mention | None:
        lower = token.lower_
        if lower in PERSONAL:
            gender = PERSONAL[lower]
            people = [m for m in earlier if m["kind"] == "person"]
            ranked = self._ranked(token, people, doc)
            matching = [m for m in ranked if m.get("gender") == gender]
            unknown = [m for m in ranked if not m.get("gender")]
            best = (matching or unknown or [None])[0]
            if best is None:
                return None
            if not best.get("gender"):
                best["gender"] = gender
            return self._link(doc, token, best, earlier, "pronoun")
        if lower in NEUTER:
            if _is_expletive(token):
                return None
            things = [m for m in earlier if m["kind"] != "person" and m["code"] and not m.get("plural")]
            ranked = self._ranked(token, things, doc)
            return self._link(doc, token, ranked[0], earlier, "pronoun") if ranked else None
        if lower in PLURAL:
            groups = [m for m in earlier if m.get("plural") and m["code"]]
            ranked = self._ranked(token, groups, doc)
            return self._link(doc, token, ranked[0], earlier, "pronoun") if ranked else None
        return None

    def _title(self, doc: Doc, token: Token, earlier: list[Mention]) -> Mention | None:
        """"the NATO Secretary General", "the minister", "her Rwandan counterpart"."""
        if any(c.dep_ == "appos" for c in token.children) or token.ent_type_ == "PERSON":
            return None
        lefts = list(token.lefts)
        definite = any(t.lower_ in ("the", "his", "her", "their", "its") or t.dep_ == "poss" for t in lefts)
        compounds = [t for t in lefts if t.dep_ == "compound"]
        found = self.resolver.title_of([t.lower_ for t in compounds] + [token.lower_])
        if not definite or found is None:
            return None
        title, sector = found
        start = token.i - len(title.split()) + 1
        modifier_codes = {
            m["code"] for m in earlier
            if m["code"] and m["kind"] != "person" and any(m["start"] <= t.i < m["end"] for t in lefts)
        }
        people = [m for m in earlier if m["kind"] == "person" and m["code"]]
        if modifier_codes:
            people = [m for m in people if m["code"] in modifier_codes]
        fitting = [m for m in people if m.get("title") and (m["title"].endswith(title.split()[-1])
                                                             or title.endswith(m["title"]))]
        ranked = self._ranked(token, fitting, doc) or sorted(fitting, key=lambda m: m["start"], reverse=True)
        if not ranked and modifier_codes:
            ranked = self._ranked(token, people, doc)
        if ranked:
            mention = self._link(doc, token, ranked[0], earlier, "title")
            mention.update(start=start, start_char=doc[start].idx, text=doc[start:token.i + 1].text)
            return mention
        if len(modifier_codes) == 1:
            code = next(iter(modifier_codes))
            span = doc[start:token.i + 1]
            return new_mention(span, code=code, kind="person", name=span.text, title=title, agent=sector,
                               reason=f"title with actor modifier: {span.text} of {code}")
        return None
