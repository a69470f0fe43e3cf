"""Every ``Doc._`` extension eventwire uses, declared in one place.

Values are JSON-plain (dicts, lists, strings, numbers) so they survive
``DocBin(store_user_data=True)`` and worker processes.

| attribute                   | set by                | value |
|-----------------------------|-----------------------|-------|
| ``doc._.eventwire_published``  | the caller, before the pipeline | ISO date of publication or None |
| ``doc._.eventwire_actors``  | ``eventwire_actors``  | list of actor mention dicts (see ``eventwire.actors``) |
| ``doc._.eventwire_events``  | ``eventwire_events``  | list of event dicts (see ``eventwire.events``) |
| ``doc._.eventwire_quotes``  | ``eventwire_quotes``  | list of quote dicts (see ``eventwire.quotes``) |
| ``doc._.eventwire_errors``  | any component         | list of error strings for this doc |
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, object] = {
    "eventwire_published": None,
    "eventwire_actors": None,
    "eventwire_events": None,
    "eventwire_quotes": None,
    "eventwire_errors": None,
}


def register_extensions() -> None:
    """Declare the extensions (idempotent; never overwrites another package's)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def record_error(doc: Doc, component: str, error: Exception) -> None:
    """Note on the doc that ``component`` failed on it, so one bad article never stops a batch.

    The article is then reported with an ``error`` (E011) instead of crashing ``nlp.pipe``.
    """
    errors = list(doc._.eventwire_errors or [])
    errors.append(f"{component}: {type(error).__name__}: {error}")
    doc._.eventwire_errors = errors
