"""Resolve entity spans to actor codes, with a reason for each decision.

Order of evidence for one entity:
1. A dictionary match (the entity ruler's id): states, metonyms, organisations,
   and people by the office they held on the article's date.
2. For a person the dictionary does not know (or knows without an office on
   that date): the title and modifiers around the name — "Lithuanian Foreign
   Minister Linas Linkevicius", "Bankole Adeoye, the AU's commissioner",
   "Niger's military ruler, General Abdourahamane Tiani".
3. A country name pycountry knows that the dictionary does not.

Agent types (sectors) come from the noun the mention modifies: "South Korean
government officials" -> GOV, "the Russian army" -> MIL.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources
from typing import Any

import pycountry
import yaml
from spacy.tokens import Doc, Span, Token

from eventwire.actors.dictionary import ActorDictionary, Entry
from eventwire.actors.petrarch import NULL_CODE
from eventwire.actors.ruler import ID_SEPARATOR

Mention = dict[str, Any]
# Dependency labels that keep a modifier inside the noun phrase of its head.
NP_MODIFIERS = {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "punct"}


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@functools.cache
def references() -> dict[str, Any]:
    """``data/actors/references.yaml``: the words coreference and context rules react to."""
    text = resources.files("eventwire").joinpath("data/actors/references.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def new_mention(span: Span, **fields: Any) -> Mention:
    mention: Mention = {
        "start": span.start, "end": span.end, "start_char": span.start_char, "end_char": span.end_char,
        "text": span.text, "code": None, "name": span.text, "kind": "org", "agent": None, "reason": "",
        "antecedent": None, "title": None,
    }
    mention.update(fields)
    return mention


class Resolver:
    """Turns ``doc.ents`` into mention dicts, using the dictionary and the parse."""

    def __init__(self, dictionary: ActorDictionary):
        self.dictionary = dictionary

    # -- entry lookups -------------------------------------------------------------
    def entry_of(self, ent: Span) -> tuple[Entry | None, str | None]:
        key, _, form = ent.ent_id_.partition(ID_SEPARATOR)
        return self.dictionary.entries.get(key), (form or None)

    def title_of(self, words: list[str]) -> tuple[str, str] | None:
        """The longest office title that ends ``words`` (lower case), with its sector."""
        for size in range(min(len(words), 5), 0, -1):
            phrase = " ".join(words[-size:])
            if phrase in self.dictionary.titles:
                return phrase, self.dictionary.titles[phrase]
        return None

    def sector_of(self, token: Token) -> str | None:
        """The agent type a noun denotes, with its compounds: "government officials" -> GOV."""
        words = [t.lower_ for t in token.lefts if t.dep_ == "compound"] + [token.lower_]
        lemma = token.lemma_.lower()
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[-size:])
            for table in (self.dictionary.agents, self.dictionary.titles):
                if phrase in table:
                    return table[phrase]
        return self.dictionary.agents.get(lemma) or self.dictionary.titles.get(lemma)

    def sector_of_title(self, title: str) -> str | None:
        found = self.title_of(title.split())
        return found[1] if found else None

    def is_title(self, token: Token) -> bool:
        return token.lower_ in self.dictionary.titles or token.lemma_.lower() in self.dictionary.titles

    # -- main entry ----------------------------------------------------------------
    def resolve(self, doc: Doc) -> list[Mention]:
        published = parse_date(doc._.eventwire_published)
        mentions = []
        for ent in doc.ents:
            mention = self.resolve_entity(ent, published)
            if mention is not None:
                mentions.append(mention)
        mentions = self._drop_name_parts(doc, mentions)
        for mention in mentions:
            if mention["kind"] != "person" and mention["agent"] is None:
                mention["agent"] = self._agent_from_head(doc, mention)
            mention["plural"] = _is_plural(doc[mention["start"]:mention["end"]], mention)
        return mentions

    def resolve_entity(self, ent: Span, published: dt.date | None) -> Mention | None:
        entry, form = self.entry_of(ent)
        if entry is not None:
            return self._from_entry(ent, entry, form, published)
        if ent.label_ == "PERSON":
            return new_mention(ent, kind="person", name=_clean_name(ent), reason="NER person")
        if ent.label_ in ("GPE", "LOC", "NORP", "FAC"):
            code = _pycountry_code(ent.text) if ent.label_ == "GPE" else None
            if ent.ent_id_.startswith("city:"):
                code = None
            if code:
                return new_mention(ent, code=code, kind="state", name=ent.text, reason="pycountry country name")
            city = cities().get(ent.text.removeprefix("the "))
            if city:
                return new_mention(ent, code=city[0], kind="state", name=ent.text, form="city",
                                   reason=f"city of {city[0]} (GeoNames)")
        return None

    def _from_entry(self, ent: Span, entry: Entry, form: str | None, published: dt.date | None) -> Mention | None:
        if entry.kind != "person":
            # groups and PETRARCH entries keep their code and sector as (dated) roles: IDF -> ISR MIL
            role = self.dictionary.role_on(entry, published) if entry.roles else None
            code = role.code if role else entry.code
            if code == NULL_CODE:  # PETRARCH's "---": a phrase that must not be coded
                return None
            reason = f"dictionary {form or 'name'} of {entry.name}"
            return new_mention(ent, code=code, kind=entry.kind, name=entry.name, reason=reason,
                               entity=entry.key, form=form, agent=role.agent if role else None)
        role = self.dictionary.role_on(entry, published)
        mention = new_mention(ent, kind="person", name=entry.name, entity=entry.key, gender=entry.gender)
        if role is None or role.code == NULL_CODE:
            mention["reason"] = f"dictionary person {entry.name}, no office known on {published or 'an undated day'}"
            return mention
        span = f"{role.start or '?'}..{role.end or 'now'}"
        mention.update(code=role.code, agent=role.agent, title=role.title.lower(),
                       reason=f"office: {role.code} {role.title} {span}")
        return mention

    def _drop_name_parts(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Drop a place that only starts a longer proper name: "Vienna Convention", "Washington Post".

        A place modifying a proper noun that is neither an actor nor a sector or title
        ("Seoul Foreign Ministry", "US Congress" keep theirs) names a treaty, a paper or
        an event, not the state.
        """
        covered = {i for m in mentions for i in range(m["start"], m["end"])}
        kept = []
        for m in mentions:
            root = doc[m["start"]:m["end"]].root
            head = root.head
            if (m["kind"] == "state" and root.dep_ == "compound" and head.pos_ == "PROPN"
                    and head.i not in covered and head.i >= m["end"]
                    and self.sector_of(head) is None and not self.is_title(head)):
                continue
            kept.append(m)
        return kept

    # -- context -------------------------------------------------------------------
    def code_people_from_context(self, doc: Doc, mentions: list[Mention]) -> None:
        """Code people the dictionary could not, from the titles and actors around their names."""
        by_token = {i: m for m in mentions for i in range(m["start"], m["end"])}
        for mention in mentions:
            if mention["kind"] == "person" and not mention["code"]:
                self._code_from_context(doc, mention, by_token)

    def _code_from_context(self, doc: Doc, mention: Mention, by_token: dict[int, Mention]) -> None:
        """"Lithuanian Foreign Minister Linas Linkevicius", "Bankole Adeoye, the AU's commissioner"."""
        root = doc[mention["start"]:mention["end"]].root
        before = [t for t in doc[root.left_edge.i:mention["start"]] if not t.is_punct]
        title = self.title_of([t.lower_ for t in before]) if before else None
        code = self._code_in(before, by_token)
        appositions = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            appositions.append(root.head)
        for other in appositions:
            np_words = [t.lower_ for t in other.lefts if t.dep_ == "compound"] + [other.lower_]
            found = self.title_of(np_words)
            if found is None:
                # "a senior member of the group's political bureau": no title, but an affiliation
                if other.lemma_.lower() in references()["affiliation_nouns"]:
                    code = code or self._code_in([t for t in other.subtree if t.dep_ not in ("relcl", "appos")
                                                  and t.i > other.i], by_token)
                continue
            title = title or found
            code = code or self._code_in([t for t in other.subtree if t.dep_ not in ("relcl", "appos")
                                          and not (t.i >= mention["start"] and t.i < mention["end"])], by_token)
        if code is None and root.head.lower_ in ("including", "like") and root.dep_ == "pobj":
            group = root.head.head
            code = self._code_in([group] + [t for t in group.lefts], by_token)
        if code is None and title is not None:
            code = self._lead_in_place(root, by_token)
        if title:
            mention["title"], mention["agent"] = title[0], mention["agent"] or title[1]
        if code:
            how = f"{title[0]} of {code}" if title else f"modifier {code}"
            mention.update(code=code, reason=f"title context: {how}")

    @staticmethod
    def _lead_in_place(root: Token, by_token: dict[int, Mention]) -> str | None:
        """"In Juba, Information Minister X said": an official with no country is the lead-in place's."""
        sent = root.sent
        first = sent[0]
        if first.lower_ != "in" or len(sent) < 3:
            return None
        for t in first.children:
            m = by_token.get(t.i)
            if t.dep_ == "pobj" and m is not None and m["kind"] == "state" and m["code"]:
                comma = next((x for x in sent if x.i > t.i and x.text == ","), None)
                if comma is not None and comma.i < root.i:
                    return m["code"]
        return None

    @staticmethod
    def _code_in(tokens: list[Token], by_token: dict[int, Mention]) -> str | None:
        """The first state or organisation code among ``tokens``' mentions."""
        for t in sorted(tokens, key=lambda t: t.i):
            m = by_token.get(t.i)
            if m is not None and m["code"] and m["kind"] != "person":
                return m["code"]
        return None

    def _agent_from_head(self, doc: Doc, mention: Mention) -> str | None:
        """The sector of the noun an adjective/compound/possessive mention modifies."""
        span = doc[mention["start"]:mention["end"]]
        root = span.root
        if root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i >= span.end:
            return self.sector_of(root.head)
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
            return self.sector_of(root.head.head)
        return None


def _is_plural(span: Span, mention: Mention) -> bool:
    """A demonym ("Ukrainians") or an adjective on a plural noun ("South Korean officials")."""
    if mention.get("form") == "demonym":
        return True
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.tag_ in ("NNS", "NNPS")


def _clean_name(ent: Span) -> str:
    tokens = [t for t in ent if not (t.is_punct or t.lower_ in ("'s", "’s"))]
    return " ".join(t.text for t in tokens) or ent.text


@functools.cache
def cities() -> dict[str, tuple[str, int]]:
    """City name -> (state code, population), cities of 100,000+ people (``data/actors/cities.tsv``)."""
    text = resources.files("eventwire").joinpath("data/actors/cities.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: (row[1], int(row[2])) for row in rows if len(row) >= 3 and row[0] != "name"}


def _pycountry_code(text: str) -> str | None:
    try:
        return pycountry.countries.lookup(text.removeprefix("the ")).alpha_3
    except LookupError:
        return None
