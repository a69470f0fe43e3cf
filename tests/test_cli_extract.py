import json
import subprocess
import sys

from click.testing import CliRunner

from eventwire.cli import main


def test_extract_jsonl_contract_shape(tmp_path, seed):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "seed", "text": seed["text"], "published": "2023-03-26"}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "--output", str(out), "-q"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in lines] == ["seed"]
    assert lines[0]["published"] == "2023-03-26"
    assert isinstance(lines[0]["events"], list) and isinstance(lines[0]["quotes"], list)


def test_extract_missing_path_exit_2(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", str(tmp_path / "nope.jsonl")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "nope.jsonl" in proc.stdout + proc.stderr
