"""The write path: one transaction per article, skip by content hash, atomic replace, failures kept."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text
from storefix import db_url, made_analysis, pg_url  # noqa: F401  (fixtures)

from eventwire.errors import StoreError
from eventwire.ingest import Failure
from eventwire.store import Store, to_record

pytestmark = pytest.mark.issue(6)


def test_store_write_add_then_skip_same_hash(db_url, config):
    with Store.open(db_url) as store:
        first = store.add(made_analysis(config, "a1"))
        assert (first.status, first.events, first.mentions, first.quotes) == ("added", 1, 1, 1)
        before = store.counts()
        again = store.add(made_analysis(config, "a1"))
        assert again.status == "skipped"
        assert store.counts() == before
        assert store.has(made_analysis(config, "a1").article.content_hash, "a1")
        assert not store.has(made_analysis(config, "a1").article.content_hash, "other-id")


def test_store_write_changed_text_replaces_events_and_quotes(db_url, config):
    with Store.open(db_url) as store:
        store.add(made_analysis(config, "a1", events=(("190", "2022-02-21"), ("111", "2022-02-22")), quotes=2))
        changed = made_analysis(config, "a1", text="Russia attacked Ukraine again, officials said.",
                                events=(("173", "2022-03-01"),), quotes=1)
        result = store.add(changed)
        assert result.status == "replaced"
        stored = store.article("a1")
        assert stored["text"].startswith("Russia attacked Ukraine again")
        assert [e["cameo"] for e in stored["events"]] == ["173"]
        assert len(stored["quotes"]) == 1
        counts = store.counts()
        # The old events had no other mention, so they are gone, not left with num_mentions 0.
        assert counts["events"] == 1 and counts["event_mentions"] == 1 and counts["articles"] == 1


def test_store_write_replace_keeps_other_articles_mentions(db_url, config):
    with Store.open(db_url) as store:
        store.add(made_analysis(config, "a1", site="a.example"))
        store.add(made_analysis(config, "b1", site="b.example"))
        assert store.events()[0]["num_articles"] == 2
        store.add(made_analysis(config, "a1", text="Nothing happened here.", events=(), quotes=0))
        (event,) = store.events()
        assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (1, 1, 1)


def test_store_write_failed_write_leaves_nothing(db_url, config):
    with Store.open(db_url) as store:
        store.add(made_analysis(config, "good"))
        before = store.counts()
        record = to_record(made_analysis(config, "bad", events=(("190", "2022-02-21"), ("111", "2022-02-21"))))
        broken = dataclasses.replace(record.events[1], mention={**record.events[1].mention, "evidence": None})
        bad = dataclasses.replace(record, events=(record.events[0], broken))
        with pytest.raises(StoreError, match=r"E303.*'bad'"):
            store.add_record(bad)
        assert store.counts() == before
        assert store.article("bad") is None


def test_store_write_failures_are_recorded_but_never_replace_good_articles(db_url, config):
    with Store.open(db_url) as store:
        result = store.add_failure(Failure("in.jsonl:3", "[E006] in.jsonl:3: not valid JSON", None))
        assert result.status == "failed"
        stored = store.article("failed:in.jsonl:3")
        assert stored["status"] == "failed" and "E006" in stored["error"]
        store.add(made_analysis(config, "a1"))
        store.add_failure(Failure("a1.txt", "[E004] binary", "a1"))
        assert store.article("a1")["status"] == "ok"
        assert len(store.article("a1")["events"]) == 1


def test_store_write_failed_article_is_retried_and_replaced(db_url, config):
    with Store.open(db_url) as store:
        store.add_failure(Failure("a1.txt", "[E011] analysis failed", "a1"))
        analysis = made_analysis(config, "a1")
        assert not store.has(analysis.article.content_hash, "a1")
        assert store.add(analysis).status == "added"
        assert store.article("a1")["status"] == "ok"
        assert store.counts()["articles"] == 1


def test_store_write_analysis_error_is_stored_with_status(db_url, config):
    analysis = dataclasses.replace(made_analysis(config, "a1"), error="[E011] coref crashed")
    with Store.open(db_url) as store:
        store.add(analysis)
        stored = store.article("a1")
        assert stored["status"] == "error" and "coref" in stored["error"]


def test_store_write_offsets_point_into_raw_text(db_url, config):
    with Store.open(db_url) as store:
        analysis = made_analysis(config, "a1")
        store.add(analysis)
        stored = store.article("a1")
        for q in stored["quotes"]:
            assert stored["raw_text"][q["start"]:q["end"]] == q["text"]
        for e in stored["events"]:
            assert stored["raw_text"][e["start"]:e["end"]] == e["evidence"]


def test_store_write_sqlite_readers_do_not_block_the_writer(tmp_path, config):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    with Store.open(url) as store:
        store.add(made_analysis(config, "a1"))
        with store.engine.connect() as reader, reader.begin():
            assert reader.execute(text("SELECT count(*) FROM articles")).scalar_one() == 1
            # The reader's transaction is still open; the writer commits anyway (WAL).
            assert store.add(made_analysis(config, "b1")).status == "added"
            assert reader.execute(text("SELECT count(*) FROM articles")).scalar_one() == 1  # its snapshot
        assert store.counts()["articles"] == 2
