"""All spaCy factory registrations of eventwire, in one module.

Names carry the package prefix; the versioned names of rule sets live in the
components' own configs.
"""

from __future__ import annotations

from spacy.language import Language


@Language.factory(
    "eventwire_actors",
    default_config={"dictionaries": []},
    assigns=["doc._.eventwire_actors", "doc.ents"],
    requires=["token.dep", "token.lemma", "doc.ents"],
)
def make_actor_tagger(nlp: Language, name: str, dictionaries: list[str]):
    from eventwire.actors.component import ActorTagger

    return ActorTagger(nlp, name, dictionaries=dictionaries)


@Language.factory(
    "eventwire_events",
    default_config={"verb_dictionaries": []},
    assigns=["doc._.eventwire_events"],
    requires=["doc._.eventwire_actors", "token.dep"],
)
def make_event_coder(nlp: Language, name: str, verb_dictionaries: list[str]):
    from eventwire.events.component import EventCoder

    return EventCoder(nlp, name, verb_dictionaries=verb_dictionaries)


@Language.factory(
    "eventwire_quotes",
    assigns=["doc._.eventwire_quotes"],
    requires=["doc._.eventwire_actors", "token.dep"],
)
def make_quote_finder(nlp: Language, name: str):
    from eventwire.quotes.component import QuoteFinder

    return QuoteFinder(nlp, name)
