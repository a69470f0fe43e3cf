"""The local engine: worker processes, order, bounded memory, resume, recycling, Parquet shards, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.engines import LocalEngine, Worker, resolve_workers
from eventwire.engines.run import RunRequest, parquet_sink, run, run_local
from eventwire.engines.sinks import ParquetShards, done_hashes
from eventwire.errors import EventwireError
from eventwire.ingest import Failure, make_article, read_articles
from eventwire.types import Analysis

GOLD = Path(__file__).parent / "fixtures" / "gold"


@pytest.fixture(scope="module")
def gold_jsonl(tmp_path_factory):
    """The gold articles as one JSONL file, plus one bad line and one empty text."""
    path = tmp_path_factory.mktemp("engines") / "gold.jsonl"
    lines = []
    for p in sorted(GOLD.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        lines.append(json.dumps({"id": g["id"], "text": g["text"], "published": g["published"]}))
    lines.insert(3, "{not json")
    lines.insert(7, json.dumps({"id": "empty", "text": "  "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ids(results):
    return [r.article.id if isinstance(r, Analysis) else r.origin for r in results]


def plain(results):
    """Comparable view of results: id, events and quotes (engines must agree on these)."""
    return [
        (r.article.id, r.events, r.quotes) if isinstance(r, Analysis) else (r.origin, r.message) for r in results
    ]


@pytest.mark.issue(8)
def test_engines_local_two_workers_match_one_and_stream(config, analyzer, gold_jsonl):
    items = list(read_articles([gold_jsonl], config))
    one = list(LocalEngine(config, workers=1, analyzer=analyzer).run(items))
    small = config.with_values(engine__chunk_size=3, engine__max_inflight=1)
    pulled, ahead = 0, []

    def source():
        nonlocal pulled
        for item in items:
            pulled += 1
            yield item

    ordered = []
    for result in LocalEngine(small, workers=2).run(source()):
        ordered.append(result)
        ahead.append(pulled - len(ordered))
    assert plain(ordered) == plain(one)
    assert len(ordered) == len(items) == 23
    assert any(isinstance(r, Failure) and "[E006]" in r.message for r in ordered)  # the bad line kept its place
    # Bounded: at most workers * max_inflight chunks (2 x 1 x 3 articles) read ahead of the output.
    assert max(ahead) <= 2 * 1 * 3


@pytest.mark.issue(8)
def test_engines_local_resolve_workers(config):
    assert resolve_workers(3, config) == 3
    assert resolve_workers(0, config) >= 1
    with pytest.raises(EventwireError, match=r"\[E512\]"):
        resolve_workers(-1, config)


@pytest.mark.issue(8)
def test_engines_worker_recycles_pipeline(config, analyzer):
    """After recycle_after articles the worker loads a fresh pipeline: the string store starts over."""
    worker = Worker(config.with_values(engine__recycle_after=2), analyzer=analyzer)
    texts = [f"Zorbulan envoy Qwexlor{n} met Blivetian minister Trandor{n} in Vexholm{n}." for n in range(4)]
    articles = [make_article(t, config=config, id=str(n)) for n, t in enumerate(texts)]
    worker.analyze(articles[:2])
    grown = worker.string_count()
    assert "Qwexlor1" in worker.analyzer.nlp.vocab.strings
    worker.analyze(articles[2:3])  # 2 articles seen: recycled before this batch
    assert worker.recycled == 1
    assert "Qwexlor1" not in worker.analyzer.nlp.vocab.strings
    assert worker.string_count() < grown
    assert worker.analyzer.nlp is not analyzer.nlp


@pytest.mark.issue(8)
def test_engines_parquet_shards_rotate_and_resume(config, analyzer, gold_jsonl, tmp_path):
    out = tmp_path / "shards"
    cfg = config.with_values(engine__rows_per_shard=10)
    shards, known = parquet_sink(out, cfg)
    summary = run_local([str(gold_jsonl)], config=cfg, sinks=[shards], known=known, workers=1, progress=False,
                        analyzer=analyzer)
    assert (summary.done, summary.failed, summary.skipped) == (21, 2, 0)
    assert sorted(p.name for p in out.glob("*.parquet")) == ["part-00000.parquet", "part-00001.parquet",
                                                            "part-00002.parquet"]
    table = pq.read_table(out)
    assert table.num_rows == 23
    rows = table.to_pylist()
    seed = next(r for r in rows if r["id"] == "seed")
    assert seed["status"] == "done" and isinstance(json.loads(seed["events"]), list)
    assert {r["status"] for r in rows} == {"done", "failed"}
    assert len(done_hashes(out)) == 21

    shards, known = parquet_sink(out, cfg)  # a rerun skips what the shards hold
    again = run_local([str(gold_jsonl)], config=cfg, sinks=[shards], known=known, workers=1, progress=False,
                      analyzer=analyzer)
    assert (again.done, again.skipped, again.failed) == (0, 21, 2)
    assert max(p.name for p in out.glob("*.parquet")) == "part-00003.parquet"  # numbering continues
    assert not list(out.glob(".*.tmp"))


@pytest.mark.issue(8)
def test_engines_run_into_store_resumes(config, analyzer, gold_jsonl, tmp_path):
    from eventwire.store import Store

    db = f"sqlite:///{tmp_path / 'ew.db'}"
    with Store.open(db, config) as store:
        first = run(RunRequest([str(gold_jsonl)], workers=1, progress=False), config=config, store=store,
                    analyzer=analyzer)
        second = run(RunRequest([str(gold_jsonl)], workers=1, progress=False), config=config, store=store,
                     analyzer=analyzer)
        counts = store.counts()
    assert (first.done, first.failed) == (21, 2)
    assert (second.done, second.skipped, second.failed) == (0, 21, 2)
    assert first.reasons == {"E006": 1, "E003": 1}
    assert counts.get("articles", 0) >= 21


@pytest.mark.issue(8)
def test_engines_summary_reasons_and_exit_code(config, analyzer, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1]\n{broken\n", encoding="utf-8")
    shards = ParquetShards(tmp_path / "out", 100)
    summary = run_local([str(bad), str(tmp_path / "missing.txt")], config=config, sinks=[shards], workers=1,
                        progress=False, analyzer=analyzer)
    assert summary.failed == 3 and summary.done == 0
    assert summary.reasons == {"E014": 1, "E006": 1, "E001": 1}
    result = CliRunner().invoke(main, ["run", str(bad), "-o", str(tmp_path / "o2"), "-w", "1"])
    assert result.exit_code == 2
    assert "0 done" in result.output and "E014 x1" in result.output


@pytest.mark.issue(8)
def test_engines_local_unordered_yields_every_result(config):
    cfg = config.with_values(engine__chunk_size=2, engine__max_inflight=1)
    texts = ["The minister met the envoy in Paris on Monday. " * (1 + 6 * (n % 3)) for n in range(8)]
    articles = [make_article(t, config=cfg, id=f"a{n}") for n, t in enumerate(texts)]
    results = list(LocalEngine(cfg, workers=2, ordered=False).run(articles))
    assert sorted(ids(results)) == sorted(a.id for a in articles)
    assert all(isinstance(r, Analysis) and r.error is None for r in results)
