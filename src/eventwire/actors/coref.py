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

from spacy.attrs import DEP, HEAD, LOWER, POS
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Token

from eventwire.actors.resolve import Resolver, new_mention, references

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
_REFERRING_POS = (PRON, NOUN, PROPN)


def _focus_state(earlier: list[Mention]) -> Mention | None:
    """The state named most often so far (people count for the state they act for); ties: the latest."""
    counts: dict[str, int] = {}
    latest: dict[str, Mention] = {}
    for m in earlier:
        code = m.get("code")
        if not code or m["kind"] in ("igo", "ngo") or not (len(code) == 3 and code.isupper()):
            continue
        counts[code] = counts.get(code, 0) + 1
        if m["kind"] == "state" or code not in latest:
            latest[code] = m
    if not counts:
        return None
    order = {code: max(i for i, m in enumerate(earlier) if m.get("code") == code) for code in counts}
    best = max(counts, key=lambda c: (counts[c], order[c]))
    return latest[best]


class _DocInfo:
    """Per-token facts the ranking needs, computed once per doc.

    Attributes:
        sent: sentence number of each token.
        depth: how deep in its sentence's tree a token sits (arguments of the main verb are shallow).
        subject: 1 when the token is a subject or modifies one.
    """

    def __init__(self, doc: Doc):
        # from the attribute arrays: making a Token per word is the slow part on long articles
        heads = [i + rel for i, rel in enumerate(doc.to_array(HEAD).astype("int64").tolist())]
        deps = doc.to_array(DEP).tolist()
        self.sent = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sent[i] = n
        self.depth = [-1] * len(doc)
        for i in range(len(doc)):
            chain = []
            j = i
            while self.depth[j] < 0 and heads[j] != j and len(chain) < 100:
                chain.append(j)
                j = heads[j]
            base = max(self.depth[j], 0)
            self.depth[j] = base
            for k in reversed(chain):
                base += 1
                self.depth[k] = base
        subj = {doc.vocab.strings.add(d) for d in SUBJECTS}
        mods = {doc.vocab.strings.add(d) for d in ("compound", "poss", "amod")}
        self.subject = [1 if d in subj or (d in mods and deps[heads[i]] in subj) else 0 for i, d in enumerate(deps)]


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
        refs = references()
        self.organisation_nouns = set(refs["organisation"])
        self.group_nouns = set(refs["group_nouns"])
        self.state_sectors = set(refs["state_sectors"])

    def link_names(self, doc: Doc, mentions: list[Mention]) -> None:
        """Honorific genders, and short or repeated names linked to the full earlier name."""
        mentions.sort(key=lambda m: m["start"])
        for m in mentions:
            self._honorific(doc, m)
        self._link_short_names(mentions)

    @staticmethod
    def share_codes(mentions: list[Mention]) -> None:
        """Give every mention of a person the code found for any of them (pronouns, short names)."""
        code_of: dict[str, str] = {}
        for m in mentions:
            if m["kind"] == "person" and m["code"] and m["name"] not in code_of:
                code_of[m["name"]] = m["code"]
        for m in mentions:
            if m["kind"] == "person" and not m["code"] and m["name"] in code_of:
                m["code"] = code_of[m["name"]]
                m["reason"] += f"; code {m['code']} from another mention of {m['name']}"

    def contextual_metonyms(self, doc: Doc, mentions: list[Mention]) -> None:
        """"Brussels said" stands for the EU when the article has named the EU (``references.yaml``)."""
        table = references().get("contextual_metonyms") or {}
        for i, m in enumerate(mentions):
            options = table.get(m["text"].removeprefix("the "))
            root = doc[m["start"]:m["end"]].root
            acting = root.dep_ in ("nsubj", "nsubjpass", "poss") or (root.dep_ == "pobj" and root.head.lower_ == "by")
            if not options or m["kind"] != "state" or not acting:
                continue
            named = [o for o in mentions[:i] if o["code"] in options and o["kind"] in ("igo", "ngo")]
            if named:
                org = named[-1]
                m.update(code=org["code"], name=org["name"], kind=org["kind"],
                         reason=f"metonym {m['text']} for {org['name']}, named earlier in the article")

    def resolve(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Add pronoun and title mentions linked to their antecedents; returns all mentions in order."""
        mentions = sorted(mentions, key=lambda m: m["start"])
        self.contextual_metonyms(doc, mentions)
        self._info = _DocInfo(doc)
        self._named = {i for m in mentions if m.get("code") for i in range(m["start"], m["end"])}
        covered = {i for m in mentions for i in range(m["start"], m["end"])}
        earlier: list[Mention] = []
        pending = iter(mentions)
        upcoming = next(pending, None)
        pos = doc.to_array(POS).tolist()
        lower = doc.to_array(LOWER).tolist()
        personal = {doc.vocab.strings.add(w) for w in PERSONAL}
        for i in range(len(doc)):
            if i in covered or not (pos[i] in _REFERRING_POS or lower[i] in personal):
                continue
            while upcoming is not None and upcoming["start"] < i:
                earlier.append(upcoming)
                upcoming = next(pending, None)
            token = doc[i]
            new = self._for_token(doc, token, earlier)
            if new is not None:
                earlier.append(new)
                covered.update(range(new["start"], new["end"]))
        return sorted(earlier + ([upcoming] if upcoming else []) + list(pending), key=lambda m: m["start"])

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
            found = self._title(doc, token, earlier)
            if found is not None:
                return found
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
            return self._bare_reference(doc, token, earlier)
        return None

    def _bare_reference(self, doc: Doc, token: Token, earlier: list[Mention]) -> Mention | None:
        """"the bloc" -> the latest organisation; "the junta", "police" -> the article's main state."""
        lefts = list(token.lefts)
        agents = self.resolver.dictionary.agents
        # "the opposition leader", "the army chief": a sector noun as modifier names the sector
        sector_mods = [t for t in lefts if t.dep_ == "compound" and t.pos_ == "NOUN" and agents.get(t.lower_)]
        if any(t.dep_ in ("compound", "amod", "poss", "nmod") and t not in sector_mods for t in lefts):
            return None
        if any(c.dep_ == "prep" and c.lower_ in ("of", "in", "from") and any(t.i in self._named for t in c.subtree)
               for c in token.children):
            return None  # "the government of Donald Trump", "the army in Kyiv": named by its attachment
        definite = any(t.lower_ == "the" for t in lefts)
        lemma = token.lemma_.lower()
        span = doc[(sector_mods[0].i if sector_mods else token.i):token.i + 1]
        if definite and lemma in self.organisation_nouns:
            kinds = ("igo", "ngo", "group") if lemma in self.group_nouns else ("igo", "ngo")
            orgs = [m for m in earlier if m["kind"] in kinds and m["code"]]
            named = [m for m in orgs if lemma in m["text"].lower()]
            pick = (named or orgs or [None])[-1]
            if pick is None:
                return None
            return new_mention(span, code=pick["code"], name=pick["name"], kind=pick["kind"],
                               antecedent=pick.get("antecedent", pick["start"]) or pick["start"],
                               reason=f"coreference (organisation noun): {token.text} -> {pick['name']}")
        sector = next((agents[t.lower_] for t in sector_mods), None) or agents.get(token.lower_) or agents.get(lemma)
        # "Diplomats said" without "the" is anyone's diplomats; "the ministry", "police" are the story's own
        if sector not in self.state_sectors or not (definite or lemma == "police"):
            return None
        # "Israeli warplanes struck ..., the military said": a state whose forces of that sector
        # the same sentence names, else the article's main state
        here = self._info.sent[token.i]
        same = [m for m in earlier if m.get("agent") == sector and m["kind"] == "state" and m.get("code")
                and self._info.sent[m["start"]] == here]
        state = same[-1] if same else _focus_state(earlier)
        if state is None:
            return None
        return new_mention(span, code=state["code"], name=state["name"], kind="state", agent=sector,
                           plural=token.tag_ in ("NNS", "NNPS"),
                           reason=f"institution of the article's main state so far: {token.text} -> {state['name']}")


    def _ranked(self, token: Token, candidates: list[Mention], doc: Doc) -> list[Mention]:
        info = self._info
        here = info.sent[token.i]

        def key(m: Mention) -> tuple[int, int, int, int]:
            last = m["end"] - 1
            return (info.subject[last], -(here - info.sent[m["start"]]), -info.depth[last], m["start"])

        in_window = [
            m for m in candidates
            if 0 <= here - info.sent[m["start"]] <= WINDOW and m["start"] < token.i
        ]
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
        # only a person whose own office fits: "the Chinese spokesperson" is not the Chinese president
        ranked = self._ranked(token, fitting, doc) or sorted(fitting, key=lambda m: m["start"], reverse=True)
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
