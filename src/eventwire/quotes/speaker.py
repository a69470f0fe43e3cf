"""Who said it: turn the subject of a speech verb into a speaker name, type and actor code.

The actors stage is the authority (``eventwire.actors.lookup``): a person mention carries
the full name and the code of the state or organisation the person acts for, and a
pronoun or title it resolved carries its antecedent's. Where it has nothing, this module
falls back on what the quote finder itself knows:

* a PERSON entity: its text, widened to the longest earlier (or later) PERSON entity
  with the same surname ("Mr Okafor" -> "Chidi Okafor");
* a pronoun or a definite title ("he", "the minister", "the Chinese spokesperson"): the
  most recent person speaker (or, for "it"/"they", organisation speaker) of the article
  whose actor code agrees with the title's, else the nearest preceding mention of that
  kind. This is speaker continuity for quotes only, not coreference: when the actors
  stage resolves the pronoun, its answer wins;
* anything else: an organisation named by the noun phrase itself ("analysts in
  Beijing", "insurers"), with the code of an actor mentioned inside it ("U.S. officials").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventwire.actors.lookup import actor_at, actor_for_token, actors_in
from eventwire.quotes.context import home_state, office_titles
from eventwire.quotes.marks import text_of

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"it", "they", "we", "them", "its", "their"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
PERSON_KINDS = {"person"}
# noun phrase modifiers kept in an organisation speaker's name
NP_DEPS = {
    "det",
    "amod",
    "compound",
    "poss",
    "nmod",
    "nummod",
    "prep",
    "pobj",
    "case",
    "quantmod",
    "punct",
    "cc",
    "conj",
}


@functools.cache
def person_titles() -> frozenset[str]:
    """Office nouns that refer back to a named person (``data/quotes/person_titles.txt``)."""
    ref = resources.files("eventwire") / "data" / "quotes" / "person_titles.txt"
    lines = ref.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker."""

    name: str | None
    actor: str | None
    type: str | None  # "person" | "org" | None

    def as_fields(self) -> dict[str, str | None]:
        return {"speaker": self.name, "speaker_actor": self.actor, "speaker_type": self.type}


NOBODY = Speaker(None, None, None)


@dataclass
class SpeakerResolver:
    """Resolves subjects to speakers for one Doc, remembering the speakers seen so far.

    Resolve in text order: the memory of earlier speakers is what pronoun and title
    fallbacks use.
    """

    doc: Doc
    history: list[tuple[int, Speaker, frozenset[str]]] = field(default_factory=list)

    def remember(self, position: int, speaker: Speaker, subject: Token | None = None) -> None:
        """Note a resolved speaker at token ``position``, with the words of its subject phrase."""
        if speaker.name:
            words = frozenset()
            if subject is not None:
                # the phrase with its appositions ("Maria Lopez, the council's treasurer"), not its clauses
                skip = {t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
                words = frozenset(t.lemma_.lower() for t in subject.subtree if t.i not in skip)
            self.history.append((position, speaker, words))

    def last_speaker(
        self, before: int, kind: str | None = None, actor: str | None = None, head: str | None = None
    ) -> Speaker | None:
        """The most recent speaker before token ``before`` of ``kind`` and ``actor`` (when given)
        whose subject phrase contained the word ``head`` (when given)."""
        for position, speaker, words in reversed(self.history):
            if position >= before:
                continue
            if kind and speaker.type != kind:
                continue
            if actor and speaker.actor and speaker.actor != actor:
                continue
            if head and head not in words:
                continue
            return speaker
        return None

    def recent_person(self, token: Token) -> Speaker | None:
        """The person quoted last, when that was in ``token``'s sentence or the one before."""
        doc = token.doc
        previous = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
        for position, speaker, _ in reversed(self.history):
            if position < token.i:
                return speaker if speaker.type == "person" and position >= previous else None
        return None

    def resolve(self, token: Token | None) -> Speaker:
        """The speaker a subject (or "according to" object) token stands for."""
        if token is None:
            return NOBODY
        token = _issuer(token)
        conjuncts = [token] + [c for c in token.conjuncts if c.i > token.i]
        if len(conjuncts) > 1:
            return self._joint([self._single(t) for t in conjuncts])
        return self._single(token)

    def _joint(self, parts: list[Speaker]) -> Speaker:
        names = [p.name for p in parts if p.name]
        codes = {p.actor for p in parts}
        code = codes.pop() if len(codes) == 1 else None
        return Speaker(" and ".join(names) or None, code, "org")

    def _single(self, token: Token) -> Speaker:
        return self._canonical(self._single_raw(token))

    def _canonical(self, speaker: Speaker) -> Speaker:
        """A person's name widened to the fullest earlier speaker name that contains it
        ("Espen Barth" -> "Espen Barth Eide"), keeping a known actor code."""
        if speaker.type != "person" or not speaker.name:
            return speaker
        words = set(speaker.name.lower().split())
        for _, other, _ in reversed(self.history):
            longer = other.type == "person" and other.name and len(other.name) > len(speaker.name)
            if longer and words <= set(other.name.lower().split()):
                return Speaker(other.name, speaker.actor or other.actor, "person")
        return speaker

    def _single_raw(self, token: Token) -> Speaker:
        """Precedence: a named person in the phrase; a definite phrase repeating an earlier
        speaker's words; a pronoun right after a person's quote; the actors stage; fallbacks."""
        person = self._person_in_apposition(token) or self._titled_name(token)
        if person is not None:
            return person
        mention = actor_for_token(token)
        weak = _is_context_guess(mention)
        strong = None if weak else mention
        lower = token.lower_
        if _is_definite(token):
            found = self._definite(token, _code_inside(token, own=True), same_words_only=True)
            if found is None and token.lemma_.lower() in person_titles() and not _is_named_person(strong):
                found = self._definite(token, strong.get("code") if strong else None)
            if found is not None:
                return found
        if lower in PERSON_PRONOUNS and (strong is None or _is_named_person(strong)):
            found = self.recent_person(token)  # "..., Bekele said. He affirmed that ...": quote continuity
            if found is not None:
                return found
        if strong is not None and _resolved(strong, token):
            return self._from_mention(strong, token)
        if lower in PERSON_PRONOUNS:
            return (
                self._in_sentence(token, person=True)
                or self.last_speaker(token.i, "person")
                or self._nearest_mention(token, person=True)
                or NOBODY
            )
        if lower in GROUP_PRONOUNS:
            return self.last_speaker(token.i, "org") or self._nearest_mention(token, person=False) or NOBODY
        if token.ent_type_ == "PERSON":
            return Speaker(self._full_name(token), strong.get("code") if strong else None, "person")
        if token.pos_ == "PROPN":
            # a surname the NER missed, of a person quoted before ("Eide told reporters")
            for _, other, _ in reversed(self.history):
                if other.type == "person" and other.name and other.name.split()[-1].lower() == token.lower_:
                    return other
        owner = _possessive_pronoun(token)
        if owner is not None and strong is None:
            return self._office_of(token, owner)
        return self._group(token, strong, weak_code=mention.get("code") if weak else None)

    def _definite(
        self, token: Token, code: str | None = None, *, same_words_only: bool = False
    ) -> Speaker | None:
        """ "the ministry said" after "Ecuador's foreign ministry said"; "the French minister".

        With ``same_words_only``, only an earlier speaker whose subject phrase had the same
        head word; else (for office titles) the last person speaker of a compatible code.
        """
        code = code or _code_inside(token, own=True)
        head = token.lemma_.lower()
        is_title = head in person_titles()
        # "the coast guard" may refer back; "the Bhutanese foreign ministry" names its own body
        bare = not any(
            c.dep_ == "poss"
            or (c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ or c.pos_ == "PROPN"))
            or (
                c.dep_ == "prep" and any(actor_at(t) is not None for t in c.subtree)
            )  # "the ministry in Mexico City"
            for c in token.children
        )
        if same_words_only:
            return self.last_speaker(token.i, None, code, head) if (bare or is_title) else None
        if not is_title:
            return None
        return self.last_speaker(token.i, "person", code) or self._named_later(token)

    def _named_later(self, token: Token) -> Speaker | None:
        """Cataphora: "the senator wrote ... Senator Helen Marsh has ..." within two sentences."""
        doc = token.doc
        sent = token.sent
        end = sent.end
        for _ in range(2):
            end = doc[end].sent.end if end < len(doc) else end
        for ent in doc.ents:
            after = ent.label_ == "PERSON" and token.i < ent.start < end
            if after and doc[ent.start - 1].lower_ == token.lemma_.lower():
                mention = actor_for_token(ent.root)
                return Speaker(_strip_honorific(ent.text), mention.get("code") if mention else None, "person")
        return None

    def _office_of(self, token: Token, owner: Token) -> Speaker:
        """ "his office said": an organisation acting for the person or body "his" stands for."""
        principal = self._single(owner)
        if principal.name is None:
            return self._group(token, None)
        return Speaker(f"{token.text.lower()} of {principal.name}", principal.actor, "org")

    def _titled_name(self, token: Token) -> Speaker | None:
        """ "Norwegian Foreign Minister Espen Barth Eide": an office title, then a proper name.

        The name is the run of proper nouns after the last title word; the code is the
        actor the phrase names (the actors stage may have tagged only "Norwegian").
        """
        if token.pos_ != "PROPN" or token.ent_type_ in ("ORG", "GPE", "NORP"):
            return None
        phrase = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nmod")] + [token]
        titles = [t for t in phrase if t.lower_ in person_titles()]
        if not titles:
            return None
        name = [
            t for t in phrase if t.i > titles[-1].i and t.pos_ == "PROPN" and t.lower_ not in person_titles()
        ]
        if not name or any(actor_at(t) is not None and actor_at(t).get("kind") != "person" for t in name):
            return None
        mention = actor_for_token(token)
        code = (mention.get("code") if mention else None) or _code_inside(token)
        return Speaker(" ".join(t.text for t in name), code, "person")

    def _person_in_apposition(self, token: Token) -> Speaker | None:
        """ "Its deputy ambassador, Mesfin Gebremariam, said": the named person in apposition."""
        if token.ent_type_ == "PERSON":
            return None
        titled = token.lemma_.lower() in title_words()
        for child in token.children:
            if child.dep_ != "appos" or child.pos_ != "PROPN":
                continue
            found = actor_at(child)
            if (
                titled
                and child.ent_type_ != "PERSON"
                and (found is None or found.get("kind") in PERSON_KINDS)
            ):
                # "the WHO's Africa director, Matshidiso Moeti," (a name the NER took for an ORG)
                name = " ".join(t.text for t in child.subtree if t.pos_ == "PROPN")
                return Speaker(name, _code_inside(token, own=True), "person")
            if child.ent_type_ == "PERSON":
                mention = actor_for_token(child)
                if mention is not None and mention.get("kind") in PERSON_KINDS:
                    return self._from_mention(mention, child)
                return Speaker(self._full_name(child), mention.get("code") if mention else None, "person")
        return None

    def _from_mention(self, mention: dict, token: Token) -> Speaker:
        if mention.get("kind") in PERSON_KINDS and not _is_named_person(mention):
            # an anonymous official speaks for their state or organisation (gold guidelines)
            return Speaker(_phrase(token), mention.get("code") or home_state(self.doc, token), "org")
        if mention.get("kind") in PERSON_KINDS:
            name = mention.get("name") or mention.get("text")
            if name and token.ent_type_ == "PERSON":
                name = self._full_name(token) if len(name.split()) < 2 else name
            if name and name.split()[-1].lower() not in text_of(self.doc).lower():
                # the dictionary spells it otherwise ("Zelensky"): the article's spelling wins
                name = self._full_name(token) if token.ent_type_ == "PERSON" else mention.get("text") or name
            return Speaker(_strip_honorific(name) if name else name, mention.get("code"), "person")
        head_is_mention = mention["start"] <= token.i < mention["end"]
        name = mention.get("name") if head_is_mention else _phrase(token)
        code = mention.get("code") or home_state(self.doc, token)
        return Speaker(_strip_article(name or mention.get("text")), code, "org")

    def _group(self, token: Token, mention: dict | None, weak_code: str | None = None) -> Speaker:
        """An organisation or group named by its own phrase ("analysts in Beijing", "police")."""
        if _is_joint(token):
            return Speaker(_phrase(token), _code_inside(token, own=True), "org")
        code = mention.get("code") if mention else _code_inside(token, own=True)
        if code is None:
            # "police said", "a ministry spokeswoman said": the place named in the sentence,
            # the actors stage's guess from context, then the dateline
            code = home_state(self.doc, token, guess=weak_code)
        ent = _entity_of(token)
        if ent is not None and ent.label_ in ("ORG", "GPE", "NORP") and ent.root.i == token.i:
            return Speaker(_strip_article(ent.text), code, "org")  # "Shipping group Maersk" -> "Maersk"
        return Speaker(_phrase(token), code, "org")

    def _full_name(self, token: Token) -> str:
        """The longest PERSON entity of the doc ending in the same surname as ``token``'s entity."""
        ent = _entity_of(token)
        text = ent.text if ent is not None else token.text
        surname = text.split()[-1].lower()
        best = text
        for other in self.doc.ents:
            if (
                other.label_ == "PERSON"
                and other.text.split()[-1].lower() == surname
                and len(other.text) > len(best)
            ):
                best = other.text
        return _strip_honorific(best)

    def _in_sentence(self, token: Token, *, person: bool) -> Speaker | None:
        """A person named earlier in the pronoun's own sentence ("Erdogan spoke ..., his office said")."""
        found = self._nearest_mention(token, person=person)
        for m in reversed(self.doc._.eventwire_actors or []):
            here = token.sent.start <= m["start"] and m["end"] <= token.i
            named = m.get("text", "").lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS
            if here and named and (m.get("kind") in PERSON_KINDS) == person:
                return found
        return None

    def _nearest_mention(self, token: Token, *, person: bool) -> Speaker | None:
        """The nearest preceding actor mention of the wanted kind: same paragraph, subjects first."""
        best = None
        para_start = _paragraph_start(self.doc, token)
        for m in self.doc._.eventwire_actors or []:
            if m["end"] > token.i or m.get("text", "").lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
                continue
            if (m.get("kind") in PERSON_KINDS) != person or token.i - m["end"] > 80:
                continue
            head = self.doc[m["end"] - 1]
            score = (m["start_char"] >= para_start, _subject_like(head), m["end"])
            if best is None or score > best[0]:
                best = (score, m, head)
        if best is None:
            return None
        return self._from_mention(best[1], best[2])


@functools.cache
def issued_texts() -> frozenset[str]:
    """Nouns of texts that speak for their issuer (``data/quotes/issued_texts.txt``)."""
    ref = resources.files("eventwire") / "data" / "quotes" / "issued_texts.txt"
    lines = ref.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _issuer(token: Token) -> Token:
    """The issuer of a statement that is the subject ("a statement from X" -> X), else ``token``."""
    if token.lemma_.lower() not in issued_texts():
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return token


def _is_context_guess(mention: dict | None) -> bool:
    """A code the actors stage guessed from the article's context, not from the phrase itself."""
    return mention is not None and str(mention.get("reason", "")).startswith("institution of the article")


def _is_joint(token: Token) -> bool:
    """ "officials on both sides", "the two ministers": several actors speaking together."""
    for t in token.subtree:
        if t.lower_ in ("both", "each") and t.dep_ in ("det", "predet", "preconj", "nummod", "amod"):
            return True
        if (
            t.dep_ == "nummod"
            and t.head.i == token.i
            and t.lower_ not in ("one", "1")
            and token.tag_ == "NNS"
        ):
            return True
    return False


def _is_named_person(mention: dict | None) -> bool:
    """A person mention with a proper name (not "spokesperson" standing for an unnamed one)."""
    if mention is None or mention.get("kind") not in PERSON_KINDS:
        return False
    words = (mention.get("name") or "").split()
    return any(w[:1].isupper() and w.lower() not in title_words() for w in words)


@functools.cache
def title_words() -> frozenset[str]:
    """Words of office titles ("secretary", "general", "foreign", "minister"): not names."""
    words = set(person_titles())
    for title in office_titles():
        words.update(title.lower().split())
    return frozenset(words)


def _subject_like(token: Token) -> bool:
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass")


def _possessive_pronoun(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ in ("his", "her", "its", "their"):
            return child
    return None


def _resolved(mention: dict, token: Token) -> bool:
    """Whether the actors stage gave a usable answer for ``token`` (a name, or a code)."""
    if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        if mention.get("kind") in PERSON_KINDS and not _is_named_person(mention):
            return False  # "he" -> "spokesperson": the speaker memory knows the name
        return mention.get("antecedent") is not None or (mention.get("name") or "").lower() != token.lower_
    return bool(mention.get("name") or mention.get("code"))


def _paragraph_start(doc: Doc, token: Token) -> int:
    cut = text_of(doc).rfind("\n", 0, token.idx)
    return cut + 1


def _entity_of(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _strip_article(name: str | None) -> str | None:
    if name and name.split(" ", 1)[0].lower() in ("the",) and " " in name:
        return name.split(" ", 1)[1]
    return name


HONORIFICS = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "madam"}


def _strip_honorific(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _is_definite(token: Token) -> bool:
    """ "the minister", "The Chinese spokesperson", "the ministry": a singular definite noun phrase."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "PERSON":
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and token.tag_ in ("NN", "NNP")


def _code_inside(token: Token, *, own: bool = False) -> str | None:
    """The first actor code named inside the phrase headed by ``token``.

    With ``own``, the head's own mention (a guess from context) does not count.
    """
    for mention in actors_in(token.doc[token.left_edge.i : token.right_edge.i + 1]):
        if own and (mention["start"] <= token.i < mention["end"] or _is_context_guess(mention)):
            continue
        if mention.get("code"):
            return mention["code"]
    return None


def _phrase(token: Token) -> str:
    """The noun phrase headed by ``token``, without a leading determiner or relative clause."""
    doc = token.doc
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("prep",) and child.lower_ in ("in", "on", "at", "of", "for", "from"):
            end = child.right_edge.i + 1
        else:
            break
    while start < token.i and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > token.i + 1 and doc[end - 1].is_punct:  # "Officials in Seoul, who spoke ..."
        end -= 1
    return doc[start:end].text.strip()
