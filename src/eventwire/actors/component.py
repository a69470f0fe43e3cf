"""The ``eventwire_actors`` pipeline component (first version: statistical NER + pycountry)."""

from __future__ import annotations

from typing import Any

import pycountry
from spacy.language import Language
from spacy.tokens import Doc


def _country_code(text: str) -> str | None:
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


class ActorTagger:
    def __init__(self, nlp: Language, name: str, *, dictionaries: list[str]):
        self.name = name
        self.dictionaries = dictionaries

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[dict[str, Any]] = []
        for ent in doc.ents:
            if ent.label_ not in {"GPE", "ORG", "NORP", "PERSON"}:
                continue
            code = _country_code(ent.text) if ent.label_ == "GPE" else None
            mentions.append(
                {
                    "start_char": ent.start_char, "end_char": ent.end_char, "start": ent.start, "end": ent.end,
                    "text": ent.text, "code": code, "name": ent.text,
                    "kind": "state" if code else ("person" if ent.label_ == "PERSON" else "org"),
                    "agent": None, "reason": f"NER {ent.label_}", "antecedent": None,
                }
            )
        doc._.eventwire_actors = mentions
        return doc
