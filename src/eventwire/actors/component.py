"""The ``eventwire_actors`` pipeline component: resolution + coreference over the ruler's entities.

Runs after ``eventwire_entity_ruler`` (see ``actors/ruler.py``), which puts the
dictionary's names into ``doc.ents``. Writes ``doc._.eventwire_actors`` (see
``actors/lookup.py`` for the mention format).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.coref import Coreferencer
from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.groups import GroupFinder
from eventwire.actors.resolve import Resolver, references
from eventwire.nlp.extensions import record_error

log = logging.getLogger(__name__)


@functools.cache
def _dictionary(extra: tuple[str, ...]) -> ActorDictionary:
    return ActorDictionary.load(extra=list(extra))


def get_dictionary(extra: Sequence[str] = ()) -> ActorDictionary:
    """The bundled dictionary plus ``extra`` user files, loaded once per process."""
    return _dictionary(tuple(str(p) for p in extra))


class ActorTagger:
    """Resolves every entity to an actor code and adds coreferent mentions.

    Args:
        nlp: the pipeline (unused; spaCy's factory signature).
        name: the component name.
        dictionaries: extra actor dictionary files (YAML or PETRARCH format).
    """

    def __init__(self, nlp: Language, name: str, *, dictionaries: Sequence[str] = ()):
        self.name = name
        self.dictionary = get_dictionary(dictionaries)
        self.resolver = Resolver(self.dictionary)
        self.coref = Coreferencer(self.resolver)
        self.groups = GroupFinder(self.dictionary, references()["groups"])

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.eventwire_actors = self.find(doc)
        except Exception as e:  # isolate one bad article; it is reported with its error
            log.exception("actor resolution failed")
            record_error(doc, self.name, e)
            doc._.eventwire_actors = []
        return doc

    def find(self, doc: Doc) -> list[dict]:
        """All actor mentions of ``doc``, resolved, in text order."""
        if not len(doc):
            return []
        mentions = self.resolver.resolve(doc)
        self.coref.link_names(doc, mentions)
        self.resolver.code_people_from_context(doc, mentions)
        self.coref.link_names(doc, mentions)
        mentions = self.coref.resolve(doc, mentions)
        # a second look, now that pronouns and titles are mentions too ("Its deputy ambassador, X")
        self.resolver.code_people_from_context(doc, mentions)
        self.coref.share_codes(mentions)
        # "the four countries", "the founding members of Mercosur", "the resolution", "the signing"
        return sorted(mentions + self.groups.find(doc, mentions), key=lambda m: m["start"])
