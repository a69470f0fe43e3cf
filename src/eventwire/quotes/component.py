"""The ``eventwire_quotes`` pipeline component: finds quotes and writes ``doc._.eventwire_quotes``.

Each quote is a JSON-plain dict (offsets into ``doc.text``; ``analyze.py`` maps them to
the raw text)::

    {"start_char": 301, "end_char": 420,   # the quoted words without quote marks
                                           # (indirect: the reported clause)
     "kind": "direct",                     # direct | partial | indirect
     "speaker": "Jens Stoltenberg",        # full name of a person, else the org/state name, or None
     "speaker_actor": "NATO",              # the speaker's actor code, or None
     "speaker_type": "person",             # person | org | None (unattributed)
     "cue": "say"}                         # speech-verb lemma, "point out", "according to", or None
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import Errors
from eventwire.quotes.attribute import attribute
from eventwire.quotes.context import DATELINE_KEY
from eventwire.quotes.finder import find_quotes
from eventwire.quotes.lexicon import load_lexicon
from eventwire.quotes.marks import TEXT_KEY

log = logging.getLogger(__name__)


class QuoteFinder:
    """Finds direct, partial and indirect quotes and their speakers.

    Args:
        nlp: the pipeline (unused; spaCy's factory signature).
        name: the component name.
        speech_verbs: extra speech-verb lexicon files (TSV, see docs/quotes.md).
    """

    def __init__(self, nlp: Language, name: str, *, speech_verbs: Sequence[str] = ()):
        self.name = name
        self.lexicon = load_lexicon(tuple(speech_verbs))

    def find(self, doc: Doc) -> list[dict]:
        """The quote dicts of ``doc`` (leaves it as it was)."""
        doc.user_data[TEXT_KEY] = doc.text
        try:
            return attribute(doc, find_quotes(doc, self.lexicon))
        finally:
            doc.user_data.pop(TEXT_KEY, None)
            doc.user_data.pop(DATELINE_KEY, None)

    def __call__(self, doc: Doc) -> Doc:
        try:
            quotes = self.find(doc)
        except Exception as exc:  # one odd article must not stop a batch; the error is recorded on it
            log.exception("quote finding failed")
            doc._.eventwire_errors = list(doc._.eventwire_errors or []) + [
                Errors.E202.format(detail=f"{type(exc).__name__}: {exc}")
            ]
            quotes = []
        doc._.eventwire_quotes = quotes
        return doc
