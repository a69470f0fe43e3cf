"""docs/ingest.md documents every error code ingestion raises and every ``ingest`` config key;
the extraction benchmark exits 0 with a message when the shared data is missing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from eventwire.config import load_config

ROOT = Path(__file__).resolve().parent.parent
INGEST = ROOT / "src" / "eventwire" / "ingest"


def test_ingest_docs_list_every_error_code():
    used = set()
    for module in INGEST.glob("*.py"):
        used |= set(re.findall(r"Errors\.(E\d{3})", module.read_text(encoding="utf-8")))
    assert len(used) >= 15
    docs = (ROOT / "docs" / "ingest.md").read_text(encoding="utf-8")
    assert not [code for code in sorted(used) if f"| {code} |" not in docs]


def test_ingest_docs_list_every_config_key():
    docs = (ROOT / "docs" / "ingest.md").read_text(encoding="utf-8")
    for key in load_config(None).sections["ingest"]:
        assert f"`ingest.{key}`" in docs


def test_ingest_docs_extract_options_documented():
    from eventwire.cli.extract import extract

    docs = (ROOT / "docs" / "extract.md").read_text(encoding="utf-8")
    for param in extract.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert f"`{opt}" in docs or f", {opt}" in docs, opt


def test_ingest_docs_benchmark_without_shared_data_exits_0(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "extraction_bench.py"), "--shared", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert "no benchmark data" in proc.stdout


def test_ingest_docs_worked_example_matches(config):
    from eventwire.cli.demo import samples_dir
    from eventwire.ingest import read_articles

    (article,) = read_articles([Path(samples_dir()) / "seed.txt"], config)
    for doc in ("ingest.md", "extract.md"):
        text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
        assert set(re.findall(r"sha1:[0-9a-f]{40}", text)) == {article.id}, doc
    docs = (ROOT / "docs" / "ingest.md").read_text(encoding="utf-8")
    assert f"article.offsets.to_raw(0)  # {article.offsets.to_raw(0)}:" in docs
    assert article.published == "2023-03-26"
