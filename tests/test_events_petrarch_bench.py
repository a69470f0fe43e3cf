"""The PETRARCH2-suite peer benchmark runs (in CI) and prints its table (issue 4, item 7)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = [pytest.mark.issue(4), pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("petrarch2_bench", ROOT / "benchmarks" / "petrarch2_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scoring_counts_exact_records_and_dyads():
    bench = _bench()
    expected = {"a": {("ARN", "GON", "064")}, "b": {("GON", "OSG", "041")}, "c": set()}
    actual = {"a": {("ARN", "GON", "064")}, "b": {("GON", "OSG", "042")}, "c": {("X", "Y", "010")}}
    s = bench.score(expected, actual)
    assert s["exact"] == 1
    assert (round(s["p"], 3), round(s["r"], 3)) == (round(1 / 3, 3), 0.5)
    assert (round(s["dyad_p"], 3), s["dyad_r"]) == (round(2 / 3, 3), 1.0)


def test_benchmark_runs_on_the_suite_and_prints_the_table(capsys):
    bench = _bench()
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["system", "records", "exact"]
    ours = next(line for line in lines if line.startswith("eventwire"))
    peer = next(line for line in lines if line.startswith("petrarch2"))
    assert ours.split()[1] == peer.split()[1] == "279"
    assert int(peer.split()[2]) == 90  # PETRARCH2's stored results, scored by the same code
    assert any(line.startswith("ratios:") for line in lines)


def test_discard_phrases_are_read():
    bench = _bench()
    pattern = bench.load_discards(bench.SUITE / "PETR.Validate.discards.txt")
    assert pattern.search("after a typhoon trashed its embassy")
    assert pattern.search("the World Golf Championships")
    assert not pattern.search("Arnor restored ties with Gondor")
