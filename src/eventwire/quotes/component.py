"""The ``eventwire_quotes`` pipeline component (placeholder until the quote finder lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class QuoteFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.eventwire_quotes = []
        return doc
