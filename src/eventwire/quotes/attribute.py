"""Give every quote candidate its speaker, and turn candidates into JSON-plain dicts.

Cued quotes are resolved in the order of their cue words, so pronoun and title
fallbacks see the speakers before them (``speaker.py``). A floating direct quote (no
cue in its sentence) then takes the speaker of its paragraph, where the writing makes
it clear:

1. the nearest attributed quote before it in the same paragraph, else the nearest after;
2. for a paragraph that opens with the quote, the speaker of the previous paragraph's
   last quote when that paragraph ended on a direct quote (a speech going on).

Otherwise it stays unattributed (speaker None) rather than guessed.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from eventwire.quotes.finder import Candidate
from eventwire.quotes.marks import paragraphs, text_of
from eventwire.quotes.speaker import NOBODY, Speaker, SpeakerResolver


def _position(c: Candidate) -> int:
    return c.cue.i if c.cue is not None else 0


def attribute(doc: Doc, candidates: list[Candidate]) -> list[dict[str, Any]]:
    """Resolve speakers and return the quote dicts for ``doc._.eventwire_quotes``, in text order."""
    resolver = SpeakerResolver(doc)
    speakers: dict[int, Speaker] = {}
    for c in sorted((c for c in candidates if not c.floating), key=_position):
        speaker = resolver.resolve(c.subject)
        speakers[id(c)] = speaker
        resolver.remember(c.cue.i, speaker, c.subject)
    paras = paragraphs(text_of(doc))
    for c in candidates:
        if c.floating:
            speakers[id(c)] = _paragraph_speaker(doc, c, candidates, speakers, paras)
    return [_record(c, speakers[id(c)]) for c in candidates]


def _para_index(paras: list[tuple[int, int]], offset: int) -> int:
    for i, (a, b) in enumerate(paras):
        if a <= offset < b:
            return i
    return -1


def _paragraph_speaker(
    doc: Doc,
    c: Candidate,
    candidates: list[Candidate],
    speakers: dict[int, Speaker],
    paras: list[tuple[int, int]],
) -> Speaker:
    here = _para_index(paras, c.start)
    same = [o for o in candidates if o is not c and not o.floating and _para_index(paras, o.start) == here]
    same = [o for o in same if speakers[id(o)].name]
    before = [o for o in same if o.start < c.start]
    after = [o for o in same if o.start > c.start]
    if before:
        return speakers[id(before[-1])]
    if after:
        return speakers[id(after[0])]
    opens_paragraph = here >= 0 and not text_of(doc)[paras[here][0] : c.start].strip(" \t\"'“‘«")
    if here > 0 and opens_paragraph:
        previous = [o for o in candidates if _para_index(paras, o.start) == here - 1]
        if previous and previous[-1].kind == "direct":
            return speakers.get(id(previous[-1]), NOBODY)
    return NOBODY


def _record(c: Candidate, speaker: Speaker) -> dict[str, Any]:
    return {
        "start_char": c.start,
        "end_char": c.end,
        "kind": c.kind,
        **speaker.as_fields(),
        "cue": c.cue_text,
    }
