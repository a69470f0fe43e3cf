"""The ingest and demo commands: default database, resumable runs, summaries, progress, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from click.testing import CliRunner
from storefix import gold_records

from eventwire.cli import main
from eventwire.config import load_config
from eventwire.ingest import read_articles
from eventwire.types import Article
from eventwire.store import Store
from eventwire.store import pipeline

pytestmark = pytest.mark.issue(6)


@pytest.fixture
def folder(tmp_path):
    """Two gold texts as .txt files, in a folder of their own."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for g in gold_records()[1:3]:
        (inputs / f"{g['id']}.txt").write_text(g["text"], encoding="utf-8")
    return inputs


def test_store_cli_ingest_default_db_and_resume(folder, tmp_path, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(folder)])
    db = tmp_path / "eventwire-data" / "eventwire.db"
    assert first.exit_code == 0, first.output
    assert f"Storing into {db}" in first.output and "2 added" in first.output and db.exists()
    again = runner.invoke(main, ["ingest", str(folder)])
    assert again.exit_code == 0 and "0 added" in again.output and "2 skipped" in again.output
    with Store.open(str(db)) as store:
        # plain-text files carry no id: each article is named by its content hash (docs/ingest.md)
        stored = {a["id"]: a for a in store.articles()}
        assert len(stored) == 2 and all(i.startswith("sha1:") for i in stored)


def test_store_cli_ingest_exit_codes_and_reasons(folder, tmp_path, nlp):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    (folder / "broken.txt").write_bytes(b"\x00binary")
    runner = CliRunner()
    some_failed = runner.invoke(main, ["ingest", str(folder), "--db", db])
    assert some_failed.exit_code == 1 and "1 failed" in some_failed.output and "E004" in some_failed.output
    nothing = runner.invoke(main, ["ingest", str(tmp_path / "missing"), "--db", db])
    assert nothing.exit_code == 2 and "E001" in nothing.output
    bad_db = runner.invoke(main, ["ingest", str(folder), "--db", "mysql://x@y/z"])
    assert bad_db.exit_code == 2 and "E301" in bad_db.output


def test_store_cli_ingest_env_db_and_plain_progress(folder, tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "env.db"))
    monkeypatch.setattr(pipeline, "PLAIN_PROGRESS_EVERY", 0.0)
    result = CliRunner().invoke(main, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert "ingest: 1/2 articles" in result.output and "articles/s, ETA" in result.output
    assert (tmp_path / "env.db").exists()


def test_store_cli_demo_stores_samples_and_says_where(tmp_path, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    for _ in range(2):  # the second run finds everything stored and still prints the summary
        result = CliRunner().invoke(main, ["demo"])
        assert result.exit_code == 0, result.output
        assert str(tmp_path / "eventwire-data" / "eventwire.db") in result.output
        samples = Path(eventwire.__file__).parent / "data" / "samples"
        n_samples = sum(isinstance(a, Article) for a in read_articles([samples], load_config(None)))
        assert f"The store holds {n_samples} articles" in result.output and "quotes" in result.output
