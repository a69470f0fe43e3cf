"""Turn a parsed Doc into event dicts: find actions, their actors, code, date and evidence.

Groups of rules live in their own modules: ``recipients`` (targets a clause leaves implicit),
``domestic`` (domestic groups standing for a state), ``ellipsis`` ("X did the same"), ``dating``
(an event's date) and ``records`` (the event dict, duplicates).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

from spacy.attrs import POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from eventwire.actors.lookup import actor_at
from eventwire.events import modality as mod
from eventwire.events import syntax as syn
from eventwire.events.cameo import cameo_info
from eventwire.events.dating import dateline_end, event_date, inherit_dates, resolve_doc_dates
from eventwire.events.domestic import domestic_participants, domestic_protest, protesters
from eventwire.events.ellipsis import ellipsis_events
from eventwire.events.judgements import judged_doers, judgements, pair_referents
from eventwire.events.lexicon import DEFAULT_TARGETS, Entry, Lexicon, choose_code, reverse_code
from eventwire.events.recipients import affected, denies, implicit_targets
from eventwire.events.records import dedupe, event_record, own_bloc, same_mention, self_igo, unique

FRAMES = ("appeal", "demand", "intent", "reject", "threat")
_PRONOUNS = {"it", "its", "he", "him", "his", "she", "her", "they", "them", "their"}
_REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves"}
_ACCUSE_PREFIXES = ("062", "072")

_ACTION_POS = (VERB, AUX, NOUN)
# praise, support, criticism, rejection and threats react to an action rather than act on its victim
_REACTION_ROOTS = ("05", "11", "12", "13")


class Coder:
    """Codes the events of one Doc with a ``Lexicon``."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def code(self, doc: Doc) -> list[dict[str, Any]]:
        dates = resolve_doc_dates(doc)
        self._dateline_end = dateline_end(doc)
        self._history: list[dict[str, Any]] = []
        self._anchors: list[dict[str, Any]] = []
        consumed: set[int] = set()
        events: list[dict[str, Any]] = []
        pos = doc.to_array(POS).tolist()  # only verbs and nouns become Tokens: making one per word is slow
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                if pos[i] not in _ACTION_POS or i in consumed:
                    continue
                tok = doc[i]
                if tok.pos_ in ("VERB", "AUX") and syn.is_ellipsis(tok):
                    events.extend(self._ellipsis_events(tok, sent, dates))
                elif tok.pos_ == "VERB":
                    entry = self.lex.verb_entry(tok)
                    if entry is not None:
                        found = self._verb_events(tok, entry, sent, dates, consumed)
                        events.extend(found)
                        if not found:
                            self._anchor(tok, sent, dates)
                elif tok.pos_ == "NOUN":
                    entry = self.lex.noun_entry(tok)
                    if entry is not None and not any(a.i in consumed for a in tok.ancestors):
                        events.extend(self._noun_events(tok, entry, sent, dates))
        return dedupe(inherit_dates(events, self._anchors))

    def _anchor(self, verb: Token, sent: Span, dates) -> None:
        """A dated action that gave no event (a party the actors stage cannot code: "the EU and
        the Mercosur bloc signed ... on Saturday") still dates its later retellings."""
        if mod.is_negated(verb) or mod.in_conditional(verb) or mod.modals(verb) & mod.HYPO_MODALS:
            return
        when = next((dates[t.i] for t in syn.clause_tokens(verb) if t.i in dates), None)
        actors = [m for t in syn.subject_tokens(verb) for m in syn.actors_of(t)]
        if when is None or not actors:
            return
        for m in unique(actors):
            self._anchors.append({"source": m, "target": None, "date": when.value, "date_precision": when.precision,
                                  "verb": verb.lemma_.lower(), "start_char": sent.start_char})

    # ---- verbs -------------------------------------------------------------------------
    def _action_code(self, verb: Token) -> str | None:
        """The code of a complement action ("to stop attacks" -> 087) without frames."""
        words = syn.after_words(verb)
        if verb.lemma_.lower() in self.lex.deescalate:
            # "stop attacks" de-escalates (087); "stop sending materials" just yields (080)
            return "087" if words & self.lex.military_words else "080"
        entry = self.lex.verb_entry(verb)
        usable = entry is not None and entry.frame != "report" and entry.origin != "fallback"
        code = choose_code(entry, words) if usable else None
        return code or self.lex.topic_code(words)

    def _frame_code(self, verb: Token, entry: Entry, consumed: set[int]) -> tuple[str | None, Token | None]:
        comp = syn.complement_of(verb, entry.frame)
        words = syn.after_words(verb)
        own = choose_code(entry, words) if entry.when else None
        if comp is not None:
            for t in syn.conjuncts(comp):
                consumed.add(t.i)
            action = self._action_code(comp)
        else:
            action = self.lex.topic_code(words)
        mapped = self.lex.complement_code(entry.frame, action)
        if entry.frame == "threat" and mapped is None:
            mapped = entry.code
        return mapped or own or entry.code, comp

    def _verb_events(self, verb, entry: Entry, sent: Span, dates, consumed) -> list[dict[str, Any]]:
        if entry.frame == "report" and entry.code is None:
            return self._judgement_events(verb, entry, sent, dates)
        if entry.frame in ("deny", "accuse") and entry.code is None:
            return []
        # a user's PETRARCH dictionary codes negation itself, with patterns ("&NEGATVAUXVRB * ...")
        if mod.is_question(verb) or (mod.is_negated(verb) and entry.origin != "petrarch"):
            return []
        if entry.origin == "petrarch" and _background_clause(verb):
            return []  # PETRARCH dictionaries code the main clause, not "after crowds trashed ..."
        comp = None
        if entry.frame == "consider":  # "was considering negotiating deals with X": a policy option
            comp = syn.complement_of(verb, entry.frame)
            if comp is not None:
                for t in syn.conjuncts(comp):
                    consumed.add(t.i)
            options = {"request", "proposal", "offer", "option", "plan", "idea", "possibility", "measure",
                       "sanction", "step", "move", "bid", "refusal", "policy", "ban"}
            objects = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
            code = entry.code if comp is not None or objects & options else None
        elif entry.frame in FRAMES:
            code, comp = self._frame_code(verb, entry, consumed)
        else:
            code = choose_code(entry, syn.after_words(verb), _pre_words(sent, verb))
        if code is None or (cameo_info(code) is None and entry.origin != "petrarch"):
            return []  # a user's PETRARCH dictionary may carry its own (e.g. WEIS) codes
        code = self._modal_code(verb, code, entry)
        if code is None:
            return []
        sources, targets = self._arguments(verb, entry, comp, code)
        if not sources:
            return []
        pair_subject = any(t.lemma_.lower() in self.lex.pair_nouns and not syn.actors_of(t)
                           for t in syn.subject_tokens(verb))
        if not targets and len(sources) == 2 and pair_subject:
            entry = replace(entry, symmetric=True, code=code)  # "the two countries held exercises"
        elif not targets and len(sources) > 1 and (entry.origin == "petrarch" or self._reciprocal(verb, code, sources)):
            # PETRARCH codes "A and B renewed ties" as reciprocal; so do we, for a mutual object
            entry = replace(entry, symmetric=True, code=code)
        elif not targets:
            targets = implicit_targets(verb, code, sources, sent, self._history, self.lex)
            if targets and entry.symmetric:  # a recipient found by inference is not mirrored
                entry = replace(entry, symmetric=False)
            if not targets and entry.origin == "petrarch":
                # PETRARCH's own reading: the first other actor in the verb's clause is the target
                own = {m.get("code") for m in sources}
                phrase = [m for t in syn.phrase_tokens(verb) if t.i > verb.i
                          and t.dep_ in ("pobj", "dobj", "poss", "compound", "amod")
                          for m in syn.actors_of(t) if m.get("code") not in own]
                targets = phrase[:1]
        out = self._emit(verb, entry, code, sources, targets, sent, dates)
        reverse = reverse_code(entry, syn.after_words(verb), _pre_words(sent, verb))
        if reverse and targets and not entry.symmetric:
            # PETRARCH "[a:b]" codes: the recipient does b to the doer ("X arrived in Y": Y hosts X)
            out += self._emit(verb, replace(entry, symmetric=False), reverse, targets, sources, sent, dates)
        return out

    def _judgement_events(self, verb: Token, entry: Entry, sent: Span, dates) -> list[dict[str, Any]]:
        if mod.is_negated(verb) or mod.is_question(verb):
            return []
        sources = [m for t in self._past_dateline(syn.subject_tokens(verb)) for m in syn.actors_of(t)]
        if not sources:
            return []
        found = judgements(verb, self.lex, self._history, tuple(m.get("code") for m in sources))
        if not found and denies(verb, sources):
            # "X said (that) there were no X troops in Y": a denial answering X's latest accuser
            accusers = implicit_targets(verb, "016", sources, sent, self._history, self.lex)
            found = [("016", accusers)] if accusers else []
        out = []
        for code, targets in found:
            out += self._emit(verb, entry, code, unique(sources), unique(targets), sent, dates)
        return out

    def _past_dateline(self, tokens: list[Token]) -> list[Token]:
        """A dateline parsed into the first sentence ("MEXICO CITY, June 6, 2018 Mexico imposed"):
        use the noun phrase after it that the parser hung on the dateline word."""
        out = []
        for t in tokens:
            if t.idx >= self._dateline_end:
                out.append(t)
                continue
            out.extend(
                c for c in t.children
                if c.idx >= self._dateline_end and c.dep_ in ("appos", "conj", "npadvmod", "compound")
                and c.pos_ in ("PROPN", "NOUN")
            )
        return out

    def _modal_code(self, verb: Token, code: str, entry: Entry) -> str | None:
        """Future and conditional verbs: intents, threats, or nothing (hypothetical)."""
        modals = mod.modals(verb)
        hostile = code[:2] >= "11"
        if mod.in_conditional(verb):
            return None
        if modals & mod.HYPO_MODALS:
            return None
        if mod.has_condition(verb):
            if hostile or entry.frame == "threat":
                return self.lex.complement_code("threat", code) or "130"
            return None
        willing = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in mod.WILLING
        if (modals & mod.FUTURE_MODALS or willing) and entry.frame is None and code[:2] not in ("01", "02", "03", "10", "12", "13"):
            return self.lex.complement_code("intent", code) or code
        return code

    def _arguments(self, verb: Token, entry: Entry, comp: Token | None, code: str = ""):
        if syn.is_passive(verb):
            sources = syn.agent_tokens(verb)
            targets = syn.passive_subject_tokens(verb) + syn.object_tokens(verb, entry.target)
        else:
            sources = syn.subject_tokens(verb)
            targets = syn.first_role_actors(verb, entry.target)
            if entry.source:
                froms = syn.prep_objects(verb, (entry.source,))
                if froms:
                    sources, targets = froms, sources
        sources = self._past_dateline(sources)
        targets = self._past_dateline(targets)
        if code[:2] in _REACTION_ROOTS:
            # "praised the attack on Israel": the reaction is aimed at the attack's doers, not at its victim
            acts = [c for c in verb.children if c.dep_ == "dobj"
                    and (c.lemma_.lower() in self.lex.event_nouns or c.lower_ in self.lex.event_nouns)]
            inside = {t.i for a in acts for t in a.subtree if t.i != a.i}
            targets = [t for t in targets if t.i not in inside]
        src = [m for t in sources if t.idx >= self._dateline_end
               for m in (self._reported_pronoun(t, verb) or syn.actors_of(t) or self._pronoun_fallback(t, verb)
                         or self._pair_subject(t, verb))]
        own_codes = tuple(m.get("code") for m in src)
        tgt = [m for t in targets if t.idx >= self._dateline_end
               for m in (self._pair_noun(t, verb, own_codes) or syn.actors_of(t)
                         or pair_referents(t, self._history, verb.idx, self.lex, own_codes))]
        if not tgt and comp is not None and entry.frame in ("intent", "threat", "reject", "consider"):
            tgt = [m for t in syn.object_tokens(comp, DEFAULT_TARGETS) for m in syn.actors_of(t)]
        anaphoric = any(t.lemma_.lower() in self.lex.event_nouns for t in targets)
        if not tgt and targets and not anaphoric:
            # "sanctions on 11 companies involved in Iran's programme": the first actor inside
            own = {m.get("code") for m in src}
            pair = [m for t in targets for x in t.subtree if x.i != t.i for m in self._pair_noun(x, verb, own_codes)]
            inner = [m for t in targets for x in t.subtree if x.i != t.i for m in syn.actors_of(x)
                     if m.get("code") not in own]
            tgt = pair[:2] if pair else inner[:1]  # "dialogue between the two governments": both
        if not tgt and entry.frame == "threat":  # "warned that the United States would ..."
            for c in verb.children:
                if c.dep_ == "ccomp":
                    tgt = [m for t in syn.subject_tokens(c) for m in syn.actors_of(t)]
                    break
            # "threatened countermeasures if the Philippines continued its patrols"
            for c in verb.children if not tgt else ():
                if c.dep_ == "advcl" and any(x.dep_ == "mark" and x.lower_ in ("if", "unless") for x in c.children):
                    own = {m.get("code") for m in src}
                    tgt = [m for t in syn.subject_tokens(c) for m in syn.actors_of(t) if m.get("code") not in own]
                    break
        if not tgt and code[:3] in ("045", "046"):  # "the accord, brokered by X": X mediated between its parties
            accords = [t for t in targets if t.lemma_.lower() in self.lex.accord_nouns]
            if accords:
                own = {m.get("code") for m in src}
                tgt = [m for m in judged_doers(accords[0], self._history, verb.idx, self.lex) if m.get("code") not in own]
        if not tgt and src and code[:2] in ("15", "17", "18", "19", "20"):
            tgt = domestic_participants(targets, src, self.lex.domestic_groups)
        if not src and tgt and code[:2] in ("15", "17", "18"):
            src = domestic_participants(sources, tgt, self.lex.domestic_forces)
        if not src and tgt and code[:2] == "14":  # "protesters gathered outside the Chinese consulate"
            src = protesters(sources, verb, tgt, self.lex.domestic_groups)
        elif not src and not tgt and code[:2] == "14":  # "protesters marched in Tbilisi against a law"
            src, tgt = domestic_protest(sources, verb, self.lex.domestic_groups)
        src, tgt = unique(src), unique(tgt)
        tgt = [m for m in tgt if str(m.get("text", "")).lower() not in _REFLEXIVES]
        if code[:2] == "15":  # "put its army on alert": a state's own forces are no recipient of its posture
            own_codes = {m.get("code") for m in src}
            tgt = [m for m in tgt if not (m.get("code") in own_codes and str(m.get("text", "")).lower() in ("its", "their"))]
        return src, [self._unbound(m, src, verb) for m in tgt]

    def _pair_noun(self, token: Token, verb: Token, own: tuple) -> list[dict]:
        """"the two governments" that the actors stage coded with one state only: the two
        actors of the article's main dyad."""
        if token.tag_ != "NNS":
            return []
        coded = actor_at(token)
        if not coded or coded.get("start") != token.i:
            return []
        return pair_referents(token, self._history, verb.idx, self.lex, own)

    def _unbound(self, target: dict, sources: list[dict], verb: Token) -> dict:
        """A pronoun object does not refer to its own clause's subject ("X accused it of ...").
        When the actors stage bound it to the subject, take the latest other actor before it."""
        if str(target.get("text", "")).lower() not in _PRONOUNS:
            return target
        if target.get("code") not in {m.get("code") for m in sources}:
            return target
        own = {m.get("code") for m in sources}
        doc = verb.doc
        for m in reversed(doc._.eventwire_actors or []):
            if m["start"] < target["start"] and m.get("code") and m["code"] not in own \
                    and str(m.get("text", "")).lower() not in _PRONOUNS:
                return m
        return target

    def _reported_pronoun(self, token: Token, verb: Token) -> list[dict]:
        """"X announced (that) it was ...": a subject "it" in X's reported clause is X
        ("he"/"she" when X is a person), whatever a wider coreference guess says."""
        if token.lower_ not in ("it", "he", "she", "they"):
            return []
        rep = mod.reporter(verb)
        if rep is None or rep.lower_ == "according":
            return []
        speakers = [m for t in syn.subject_tokens(rep) for m in syn.actors_of(t)]
        personal = token.lower_ in ("he", "she")
        return [m for m in speakers if (m.get("kind") == "person") == personal][:1]

    def _pair_subject(self, token: Token, verb: Token) -> list[dict]:
        """"The two countries signed ...": the main dyad so far, the reporter's side first."""
        rep = mod.reporter(verb)
        speakers = tuple(_speakers(rep)) if rep is not None else ()
        return pair_referents(token, self._history, verb.idx, self.lex, (), speakers)

    def _pronoun_fallback(self, token: Token, verb: Token) -> list[dict]:
        """An unresolved "it"/"he" subject inside reported speech is the reporter."""
        if token.pos_ != "PRON":
            return []
        rep = mod.reporter(verb)
        if rep is None or rep.lower_ == "according":
            return []
        return [m for t in syn.subject_tokens(rep) for m in syn.actors_of(t)]

    def _ellipsis_events(self, tok: Token, sent: Span, dates) -> list[dict[str, Any]]:
        """An elliptical clause ("X did the same") repeats the latest action; see ``ellipsis``."""
        if mod.is_negated(tok) or mod.is_question(tok) or mod.in_conditional(tok):
            return []
        sources = unique([m for t in self._past_dateline(syn.subject_tokens(tok)) for m in syn.actors_of(t)])
        out = ellipsis_events(tok, sent, sources, self._history, dates)
        self._history.extend(out)
        return out

    # ---- nouns ----------------------------------------------------------------------------
    def _noun_events(self, noun: Token, entry: Entry, sent: Span, dates) -> list[dict[str, Any]]:
        if mod.is_question(noun) or (noun.head.pos_ == "VERB" and mod.is_negated(noun.head)):
            return []
        code = choose_code(entry, syn.words_of(noun.subtree))
        if code is None or cameo_info(code) is None:
            return []
        src_tokens = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i]
        src_tokens += syn.prep_objects(noun, ("by", "from"))
        src = unique([m for t in src_tokens for m in syn.actors_of(t)])
        if not src and entry.symmetric:  # "(hosting) talks in Doha between the government and the M23"
            # distinct mentions, not distinct codes: talks between a government and its rebels are domestic
            between = list({id(m): m for t in syn.prep_objects(noun, ("between",)) for m in syn.actors_of(t)}.values())
            if len(between) >= 2:
                return self._emit(noun, entry, code, between, [], sent, dates, confidence=0.55)
        if not src and noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ == "be":
            # "the prime minister is on a two-day visit to X"
            src = unique([m for t in syn.subject_tokens(noun.head.head) for m in syn.actors_of(t)])
        if not src and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and not mod.is_negated(noun.head) \
                and self._performs(noun.head, code):
            # "announced the rupture of relations with X", "launched an attack on X"
            src = unique([m for t in self._past_dateline(syn.subject_tokens(noun.head)) for m in syn.actors_of(t)])
        tgt = unique([m for t in syn.prep_objects(noun, entry.target) for m in syn.actors_of(t)])
        if not tgt:  # "countermeasures on C$16 billion of American goods"
            tgt = unique([m for t in syn._nested_preps(noun, entry.target, 0) for m in syn.actors_of(t)])
        if not tgt and src and code[:2] in ("16", "17", "18", "19", "20"):
            tgt = affected(noun, src)
        if not src and code[:2] == "14":  # "two nights of protests against the election result"
            if tgt:
                src = protesters([noun], noun, tgt, self.lex.domestic_groups)
            else:
                src, tgt = domestic_protest([noun], noun, self.lex.domestic_groups)
        if not src or not tgt:
            return []
        return self._emit(noun, entry, code, src, tgt, sent, dates, confidence=0.55)

    def _performs(self, verb: Token, code: str) -> bool:
        """Whether ``verb``'s subject does the action its object noun names: "launched an attack",
        "announced the rupture of relations" (a verb with no code of its own, or one of the same
        kind), not "praised the attack", "lifted sanctions" or "suspended talks"."""
        entry = self.lex.verb_entry(verb)
        if entry is None or entry.frame == "report":
            return True
        own = choose_code(entry, syn.after_words(verb), _pre_words(verb.sent, verb))
        return own is None or own[:2] == code[:2]

    # ---- output ------------------------------------------------------------------------------
    def _reciprocal(self, verb: Token, code: str, sources: list[dict]) -> bool:
        """"Japan and the Philippines agreed to deepen defence ties": a coordinated subject's
        cooperative (03-06), yielding (08: "agreed to a ceasefire") or relation-cutting (16) action
        on a mutual object, with no recipient."""
        if len({m.get("code") for m in sources}) < 2 or code[:2] not in ("03", "04", "05", "06", "08", "16"):
            return False
        return bool(syn.words_of(syn.phrase_tokens(verb)) & self.lex.reciprocal_nouns)

    def _emit(self, tok, entry, code, src, tgt, sent, dates, confidence=None) -> list[dict[str, Any]]:
        pairs = [(s, t) for s in src for t in own_bloc(s, tgt) if s is not t and not same_mention(s, t) and not self_igo(s, t)]
        if entry.symmetric and entry.code and code[:2] == entry.code[:2]:
            group = src if not tgt else []
            pairs += [(a, b) for a in group for b in group if a is not b and not same_mention(a, b)]
            pairs += [(t, s) for s, t in pairs if tgt]
        if not pairs:
            return []
        date = event_date(tok, sent, dates)
        rep = mod.reporter(tok) if tok.pos_ == "VERB" else None
        speakers = _speakers(rep) if rep is not None else []
        base = confidence or (0.8 if entry.origin == "eventwire" else 0.5)
        out = []
        for s, t in pairs:
            reported = next((m for m in speakers if m.get("code") != s.get("code")), None)
            out.append(event_record(s, t, code, date, sent, base - (0.1 if reported else 0), reported, tok))
            if reported and (code[:2] in ("15", "17", "18", "19", "20") or code.startswith(_ACCUSE_PREFIXES)):
                out.append(event_record(reported, s, "112", date, sent, base - 0.2, None, tok))
        self._history.extend(out)
        return out



def _speakers(rep: Token) -> list[dict]:
    if rep.lower_ == "according":
        toks = [p for c in rep.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        toks += [p for p in rep.children if p.dep_ == "pobj"]
        found = [m for t in toks for m in syn.actors_of(t)]
        if not found:  # "according to information provided by the White House"
            found = [m for t in toks for x in t.subtree if x.dep_ == "pobj" for m in syn.actors_of(x)][:1]
        return found
    toks = syn.subject_tokens(rep)
    return [m for t in toks for m in syn.actors_of(t)]


def _pre_words(sent: Span, verb: Token) -> set[str]:
    """Words before the verb, with contractions rejoined ("did" + "n't" -> "didn't")."""
    toks = [t for t in sent if t.i < verb.i]
    words = syn.words_of(toks)
    for a, b in pairwise(toks):
        if b.lower_ in ("n't", "not"):
            words.add(a.lower_ + "n't")
            words.add(a.lower_ + "nt")
    return words


def _background_clause(verb: Token) -> bool:
    """``verb`` heads a temporal / causal subordinate clause ("after crowds trashed its embassy")."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "when", "while", "as", "until", "because")
        for c in verb.children
    )
