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
    default_config={"speech_verbs": []},
    assigns=["doc._.eventwire_quotes"],
    requires=["doc._.eventwire_actors", "token.dep"],
)
def make_quote_finder(nlp: Language, name: str, speech_verbs: list[str]):
    from eventwire.quotes.component import QuoteFinder

    return QuoteFinder(nlp, name, speech_verbs=speech_verbs)


def _ends_line(text: str) -> bool:
    return "\n" in text


@Language.component("eventwire_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc):
    """Start a sentence after every paragraph break, before the parser runs.

    News text puts datelines, headlines, captions and paragraphs on lines of
    their own; without this the parser glues a dateline or a headline onto the
    next sentence ("March 26, 2023 \\n\\n NATO ... called" parsed as one clause).
    A single line break counts too, unless it only wraps a sentence (the line
    ends in a lower-case word or a comma and the next starts in lower case).
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if not (prev.is_space and _ends_line(prev.text)) or token.is_space:
            continue
        if "\n\n" not in prev.text and prev.i > 0:
            before = doc[prev.i - 1]
            if (before.is_lower or before.text == ",") and token.is_lower:
                continue
        token.is_sent_start = True
    return doc
