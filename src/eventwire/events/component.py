"""The ``eventwire_events`` pipeline component: CAMEO events from each sentence.

Sets ``doc._.eventwire_events`` to a list of JSON-plain dicts::

    {"source": <actor mention dict or None>, "target": <actor mention dict or None>,
     "cameo": "0232", "date": "2023-03-20" | "2023-03" | "2023" | None,
     "date_precision": "day" | "month" | "year" | None,
     "start_char": int, "end_char": int,      # evidence span (the sentence) in doc.text
     "confidence": float, "reported_by": "USA" | None, "verb": "call"}
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.coder import Coder
from eventwire.events.lexicon import load_lexicon


class EventCoder:
    """spaCy component wrapping ``Coder`` with the configured verb dictionaries.

    Args:
        nlp: the pipeline (unused; spaCy's factory signature).
        name: component name.
        verb_dictionaries: extra dictionaries (YAML or PETRARCH .txt), loaded after the
            bundled ones so they take precedence.
    """

    def __init__(self, nlp: Language, name: str, *, verb_dictionaries: list[str]):
        self.name = name
        self.verb_dictionaries = list(verb_dictionaries)
        self.coder = Coder(load_lexicon(tuple(self.verb_dictionaries)))

    def __call__(self, doc: Doc) -> Doc:
        doc._.eventwire_events = self.coder.code(doc)
        return doc
