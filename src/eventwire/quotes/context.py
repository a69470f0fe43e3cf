"""The state an unnamed domestic speaker belongs to ("police said", "a ministry spokeswoman said").

Wire copy names the host country once, in the dateline ("MANILA, Aug 7 -"), and then
writes "the foreign ministry", "police" or "a government spokesman" without a
nationality. The quote finder gives such speakers the state of:

1. the nearest "in <place>" before them in their own sentence ("In Juba, the information
   minister said", "Police in Minsk ... and the Interior Ministry said");
2. else the actors stage's own guess from context, when it made one;
3. else the dateline's place (the first of "VILNIUS/MINSK").

Only speakers whose head noun is a sector noun of the actor dictionary (ministry,
police, government, spokesman, official, ...) and whose phrase names no actor of its own
get this default. The lead may move ``dateline_code`` into the actors stage.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.lookup import actor_at
from eventwire.quotes.marks import text_of

# "MANILA, Aug 7", "NIAMEY — The", "DUBAI/WASHINGTON, Jan 12", "THE HAGUE, June 26"
_UP = "A-ZÀ-ÖØ-Þ"
DATELINE = re.compile(
    rf"^\s*([{_UP}][{_UP}.'’\- ]+[{_UP}.](?:/[{_UP}][{_UP}.'’\- ]+[{_UP}.])*)\s*(?:,|—|–|-\s)", re.MULTILINE
)


DATELINE_KEY = "eventwire_quotes_dateline"


@functools.cache
def _dictionary() -> ActorDictionary:
    return ActorDictionary.load()


@functools.cache
def _place_codes() -> dict[str, str]:
    """Lower-case place or state name -> state code, from the actor dictionary."""
    dictionary = _dictionary()
    out: dict[str, str] = {}
    for text, key, form in dictionary.surface_forms():
        entry = dictionary.entries.get(key)
        if (
            entry is not None
            and entry.kind == "state"
            and entry.code
            and form in ("name", "metonym", "alias")
        ):
            out.setdefault(text.lower(), entry.code)
    return out


def place_code(name: str) -> str | None:
    """State code of a place written in a dateline ("MANILA" -> "PHL"), or None."""
    name = name.strip().lower()
    codes = _place_codes()
    return codes.get(name) or codes.get(f"the {name}")


def dateline_code(text: str) -> str | None:
    """The state of the first dateline in ``text`` (None when there is none or it is unknown)."""
    for match in DATELINE.finditer(text[:3000]):
        for place in match.group(1).split("/"):
            code = place_code(place) if len(place.strip()) >= 3 else None
            if code:
                return code
    return None


def office_titles() -> list[str]:
    """The actor dictionary's office titles ("foreign minister", "secretary general")."""
    return list(_dictionary().titles)


def is_sector_noun(token: Token) -> bool:
    """Whether ``token`` heads a generic sector noun phrase ("ministry", "police", "spokesman")."""
    dictionary = _dictionary()
    lemma, lower = token.lemma_.lower(), token.lower_
    return any(w in dictionary.agents or w in dictionary.titles for w in (lemma, lower))


def lead_in_code(token: Token) -> str | None:
    """State of the nearest "in X" place before ``token`` in its sentence ("In Juba, ...",
    "Police in Minsk ... and the Interior Ministry said")."""
    for t in reversed(token.doc[token.sent.start : token.i]):
        if t.dep_ != "pobj" or t.head.lower_ != "in":
            continue
        mention = actor_at(t)
        if mention is not None and mention.get("kind") == "state" and mention.get("code"):
            return mention["code"]
    return None


def home_state(doc: Doc, token: Token, guess: str | None = None) -> str | None:
    """The state an unnamed domestic speaker headed by ``token`` most likely belongs to.

    Args:
        doc: the article.
        token: head of the speaker's phrase.
        guess: the actors stage's code from context, if it made one; preferred to the dateline.
    """
    if guess is None and not is_sector_noun(token):
        return None
    cache = doc.user_data.setdefault(DATELINE_KEY, {})
    if "code" not in cache:
        cache["code"] = dateline_code(text_of(doc))
    return lead_in_code(token) or guess or cache["code"]
