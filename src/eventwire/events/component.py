"""The ``eventwire_events`` pipeline component (placeholder until the coder lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventCoder:
    def __init__(self, nlp: Language, name: str, *, verb_dictionaries: list[str]):
        self.name = name
        self.verb_dictionaries = verb_dictionaries

    def __call__(self, doc: Doc) -> Doc:
        doc._.eventwire_events = []
        return doc
