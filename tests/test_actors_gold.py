"""Every actor code of the dev gold events and quotes is produced for its mention.

The gold files are read as they are; no codes are listed here. For an event, the
source and target codes must be among the actors found where the text states it:
the paragraph of its evidence or the paragraph before (an implicit target such as
"Pyongyang denied on Sunday" is named in the sentence before; pronouns and titles
count, through coreference). For a quote, the speaker's code must be produced for
some mention of the article.
"""

from __future__ import annotations

import pytest

from eventwire.ingest import make_article


@pytest.fixture(scope="module")
def analyses(analyzer, config, gold_articles):
    out = {}
    for g in gold_articles:
        article = make_article(g["text"], config=config, id=g["id"], published=g.get("published"))
        out[g["id"]] = analyzer.analyze_one(article)
    return out


def _paragraph_window(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the paragraph before ``start`` to the end of the paragraph of ``end``."""
    para_start = text.rfind("\n\n", 0, start)
    before = text.rfind("\n\n", 0, max(para_start, 0))
    para_end = text.find("\n\n", end)
    return max(before, 0), (para_end if para_end >= 0 else len(text))


def _event_misses(gold_articles, analyses):
    found, misses = 0, []
    for g in gold_articles:
        actors = analyses[g["id"]].actors
        for e in g["events"]:
            if e.get("optional"):
                continue
            start = g["text"].find(e["evidence"])
            assert start >= 0, f"{g['id']}: evidence not in text: {e['evidence'][:60]}"
            end = start + len(e["evidence"])
            window_start, window_end = _paragraph_window(g["text"], start, end)
            codes = {a.code for a in actors if a.start < window_end and a.end > window_start}
            for role in ("source", "target"):
                if not e.get(role):
                    continue
                if e[role] in codes:
                    found += 1
                else:
                    misses.append(f"{g['id']} {role} {e[role]} not in {sorted(c for c in codes if c)}: "
                                  f"{e['evidence'][:70]}")
    return found, misses


def test_actors_gold_event_codes_found_in_evidence(gold_articles, analyses):
    found, misses = _event_misses(gold_articles, analyses)
    rate = found / (found + len(misses))
    print(f"event actor codes found: {found}/{found + len(misses)} = {rate:.3f}")
    assert not misses, "\n".join(misses)


def test_actors_gold_quote_speaker_codes_found(gold_articles, analyses):
    found, misses = 0, []
    for g in gold_articles:
        codes = {a.code for a in analyses[g["id"]].actors}
        for q in g["quotes"]:
            if q.get("optional") or not q.get("speaker_actor"):
                continue
            if q["speaker_actor"] in codes:
                found += 1
            else:
                misses.append(f"{g['id']} speaker {q['speaker']} {q['speaker_actor']}")
    rate = found / (found + len(misses))
    print(f"quote speaker codes found: {found}/{found + len(misses)} = {rate:.3f}")
    assert not misses, "\n".join(misses)
