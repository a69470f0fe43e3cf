"""The dev set through the real pipeline into the store: idempotent ingest, dedup across two outlets."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import pytest
from storefix import analyses_of, db_url, gold_records, pg_url, write_jsonl  # noqa: F401  (fixtures)

from eventwire.store import Store
from eventwire.store.pipeline import ingest

pytestmark = pytest.mark.issue(6)
OUTLETS = ("wire-a.example", "wire-b.example")


@pytest.fixture
def dev_analyses(analyzer, config):
    return analyses_of(analyzer, config, "gold", [{**g, "site": None} for g in gold_records()])


def _as_outlet(analysis, site):
    article = dataclasses.replace(analysis.article, id=f"{site}/{analysis.article.id}", site=site)
    return dataclasses.replace(analysis, article=article)


def test_store_devset_ingest_twice_same_counts(db_url, tmp_path, config, analyzer, dev_analyses):
    source = write_jsonl(tmp_path / "dev.jsonl", gold_records())
    with Store.open(db_url) as store:
        first = ingest([source], store, config=config, analyze=analyzer.analyze_stream, progress=False)
        counts = store.counts()
        second = ingest([source], store, config=config, analyze=analyzer.analyze_stream, progress=False)
        assert store.counts() == counts
    assert first.added == len(gold_records()) and first.failed == 0
    assert (second.added, second.skipped, second.failed) == (0, len(gold_records()), 0)
    assert counts["articles"] == len(gold_records())
    # Every mention the analysis found is stored once (repeats of one span and event count once).
    assert counts["event_mentions"] == sum(
        len({(e.start, e.end, e.source and (e.source.code or e.source.name), e.target and (e.target.code or
             e.target.name), e.cameo, e.date) for e in a.events})
        for a in dev_analyses
    )
    assert counts["quotes"] == sum(len(a.quotes) for a in dev_analyses)


def test_store_devset_two_outlets_count_each_event_once(db_url, dev_analyses):
    if not any(a.events for a in dev_analyses):
        pytest.skip("the event coder found no events in the dev set (is the events stage installed?)")
    with Store.open(db_url) as store:
        for analysis in dev_analyses:
            store.add(_as_outlet(analysis, OUTLETS[0]))
        one_outlet = store.counts()
        for analysis in dev_analyses:
            store.add(_as_outlet(analysis, OUTLETS[1]))
        both = store.counts()
        assert both["events"] == one_outlet["events"] > 0
        assert both["event_mentions"] == 2 * one_outlet["event_mentions"]
        for event in store.events(limit=100_000):
            by_outlet = defaultdict(set)
            for mention in store.event_mentions(event["id"]):
                site, _, gold_id = mention["article_id"].partition("/")
                by_outlet[site].add(gold_id)
            # Both outlets ran the same stories, so every event is reported by both, as often.
            assert by_outlet[OUTLETS[0]] == by_outlet[OUTLETS[1]]
            assert event["num_sources"] == 2
            assert event["num_articles"] == 2 * len(by_outlet[OUTLETS[0]]) >= 2
