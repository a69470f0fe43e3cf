"""The ingest pipeline: the analysis step is swappable, and records built elsewhere go through the one writer."""

from __future__ import annotations

import pickle

import pytest
from storefix import gold_records, write_jsonl

from eventwire.ingest import Failure
from eventwire.store import Store, to_record
from eventwire.store.pipeline import count_inputs, ingest

pytestmark = pytest.mark.issue(6)


def test_store_pipeline_accepts_worker_records(tmp_path, config, analyzer):
    """A worker may return pickled ``ArticleRecord``s instead of Analyses; the result is the same."""
    source = write_jsonl(tmp_path / "in.jsonl", gold_records()[:3] + [{"id": "broken"}])
    seen = []

    def records_from_workers(items):
        for item in analyzer.analyze_stream(items):
            seen.append(type(item).__name__)
            yield item if isinstance(item, Failure) else pickle.loads(pickle.dumps(to_record(item)))

    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as a, Store.open(f"sqlite:///{tmp_path / 'b.db'}") as b:
        via_records = ingest([source], a, config=config, analyze=records_from_workers, progress=False)
        direct = ingest([source], b, config=config, analyze=analyzer.analyze_stream, progress=False)
        assert (via_records.added, via_records.failed) == (direct.added, direct.failed) == (3, 1)
        assert a.counts() == b.counts()
    assert seen.count("Analysis") == 3 and seen.count("Failure") == 1


def test_store_pipeline_skips_before_analysis(tmp_path, config, analyzer):
    source = write_jsonl(tmp_path / "in.jsonl", gold_records()[:2])
    analysed = []

    def counting(items):
        for item in analyzer.analyze_stream(items):
            analysed.append(item)
            yield item

    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store:
        ingest([source], store, config=config, analyze=counting, progress=False)
        ingest([source], store, config=config, analyze=counting, progress=False)
    assert len(analysed) == 2  # the second run analysed nothing


def test_store_pipeline_counts_inputs(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    (folder / "b.html").write_text("<p>x</p>")
    (folder / "skip.pdf").write_text("x")
    write_jsonl(folder / "c.jsonl", [{"text": "a"}, {"text": "b"}, {"text": "c"}])
    assert count_inputs([folder, tmp_path / "missing.txt"]) == 6
