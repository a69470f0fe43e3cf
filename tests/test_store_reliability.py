"""Reliability (issue 6 item 5): kill -9 mid-ingest, resume, two writers, bad input."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, func, select
from storefix import analyses_of, db_url, gold_records, pg_url, write_jsonl  # noqa: F401  (fixtures)

from eventwire.store import Store
from eventwire.store.pipeline import ingest
from eventwire.store.schema import articles

pytestmark = [pytest.mark.issue(6), pytest.mark.slow]
COPIES = 3  # 3 x 21 gold texts: enough that a kill lands mid-run


def _copies(n: int) -> list[dict]:
    """The gold texts under new ids (same text and date, so the analysis is the same as the original's)."""
    return [{"id": f"copy{i}-{g['id']}", "text": g["text"], "published": g.get("published"),
             "site": f"outlet{i % 3}.example"} for i in range(n) for g in gold_records()]


@pytest.fixture
def reference(analyzer, config, tmp_path):
    """What an uninterrupted ingest stores, per article and in total (built from the session's analyses)."""
    by_id = {a.article.id: a for a in analyses_of(analyzer, config, "gold", [{**g, "site": None} for g in gold_records()])}

    def build(records: list[dict]) -> dict:
        with Store.open(f"sqlite:///{tmp_path / f'reference-{len(records)}.db'}") as store:
            for r in records:
                gold = by_id[r["id"].split("-", 1)[1]]
                article = dataclasses.replace(gold.article, id=r["id"], site=r["site"])
                store.add(dataclasses.replace(gold, article=article))
            return _snapshot(store)

    return build


def _snapshot(store: Store) -> dict:
    """Everything that must match between two stores of the same inputs (ids and times aside)."""
    per_article = {}
    for row in store.articles(limit=1_000_000):
        full = store.article(row["id"])
        per_article[row["id"]] = (
            row["status"], len(full["quotes"]), len(full["actors"]),
            sorted((e["cameo"], e["start"], e["source_code"] or "", e["target_code"] or "") for e in full["events"]),
        )
    events = sorted(
        (e["cameo"], e["source_code"] or "", e["target_code"] or "", e["date"] or "", e["num_mentions"],
         e["num_articles"], e["num_sources"])
        for e in store.events(limit=1_000_000)
    )
    counts = store.counts()
    return {"articles": per_article, "events": events, "counts": counts}


def _stored_articles(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
    except Exception:  # the tables may not exist yet while the child is starting
        return 0
    finally:
        engine.dispose()


def _ingest_process(source, url) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "eventwire", "ingest", str(source), "--db", url, "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def test_store_reliability_kill_9_leaves_no_partial_article_and_resumes(db_url, tmp_path, config, analyzer, reference):
    records = _copies(COPIES)
    source = write_jsonl(tmp_path / "many.jsonl", records)
    Store.open(db_url).close()  # schema in place, so the poll below can count
    child = _ingest_process(source, db_url)
    deadline = time.monotonic() + 300
    while _stored_articles(db_url) < 5 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child.poll() is None, "the ingest finished before it could be killed: " + child.stderr.read().decode()
    child.send_signal(signal.SIGKILL)
    child.wait()
    expected = reference(records)
    with Store.open(db_url) as store:
        killed = _snapshot(store)
        stored = len(killed["articles"])
        assert 5 <= stored < len(records)
        for article_id, contents in killed["articles"].items():
            assert contents == expected["articles"][article_id], f"partial article {article_id}"
        summary = ingest([source], store, config=config, analyze=analyzer.analyze_stream, progress=False)
        assert (summary.skipped, summary.added, summary.failed) == (stored, len(records) - stored, 0)
        assert _snapshot(store) == expected


def test_store_reliability_two_writers_never_duplicate(db_url, tmp_path, reference):
    records = _copies(1)
    source = write_jsonl(tmp_path / "same.jsonl", records)
    Store.open(db_url).close()
    children = [_ingest_process(source, db_url) for _ in range(2)]
    for child in children:
        assert child.wait(timeout=600) == 0, child.stderr.read().decode()
    with Store.open(db_url) as store:
        assert _snapshot(store) == reference(records)


def test_store_reliability_bad_input_keeps_stored_data(db_url, tmp_path, config, analyzer):
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "g1", "text": gold_records()[1]["text"], "published": "2015-04-14"}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "g1", "text": 42}\nnot json\n[1, 2]\n{"id": "x", "title": "no text"}\n', encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01 binary")
    with Store.open(db_url) as store:
        ingest([good], store, config=config, analyze=analyzer.analyze_stream, progress=False)
        before = store.article("g1")
        summary = ingest([bad, tmp_path / "binary.txt"], store, config=config, analyze=analyzer.analyze_stream,
                         progress=False)
        assert (summary.failed, summary.added) == (5, 0)
        assert any("bad.jsonl:2" in f and "E006" in f for f in summary.failures)
        after = store.article("g1")
        assert {k: v for k, v in after.items() if k != "ingested_at"} == {
            k: v for k, v in before.items() if k != "ingested_at"
        }
        failed = {a["origin"]: a["error"] for a in store.articles(status="failed")}
        assert set(failed) == {f"{bad}:2", f"{bad}:3", f"{bad}:4", str(tmp_path / "binary.txt")}
