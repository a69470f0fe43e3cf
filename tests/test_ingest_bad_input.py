"""Bad input through the real CLI (issue 2, item 6): a clear message naming the file (and line),
the other articles still processed, and exit 0 all good / 1 some failed / 2 nothing processed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

GOOD = (
    "GENEVA, May 4, 2021\n\nThe two foreign ministers met in Geneva on Tuesday to resume talks on the "
    "border dispute, officials said.\n"
)


def run(*args: str):
    result = CliRunner().invoke(main, ["extract", *args, "-q"])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


@pytest.fixture()
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_ingest_bad_input_missing_path(tmp_path, good):
    missing = tmp_path / "nope.txt"
    result, records = run(str(missing))
    assert result.exit_code == 2
    assert records[0]["error"].startswith("[E001]") and "nope.txt" in records[0]["error"]
    result, records = run(str(missing), str(good))
    assert result.exit_code == 1
    assert [bool(r.get("error")) for r in records] == [True, False]


def test_ingest_bad_input_folder_without_articles(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result, records = run(str(folder))
    assert result.exit_code == 2
    assert "[E002]" in records[0]["error"] and "photos" in records[0]["error"]


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "blank.html"])
def test_ingest_bad_input_empty_file(tmp_path, good, name):
    path = tmp_path / name
    path.write_text("" if name != "blank.html" else "  \n", encoding="utf-8")
    result, records = run(str(path), str(good))
    assert result.exit_code == 1
    assert "[E003]" in records[0]["error"] and name in records[0]["error"]
    assert records[1]["published"] == "2021-05-04" and "error" not in records[1]


@pytest.mark.parametrize("name", ["photo.txt", "scan.html", "dump.jsonl"])
def test_ingest_bad_input_binary_file(tmp_path, good, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result, records = run(str(path), str(good))
    assert result.exit_code == 1
    assert "[E004]" in records[0]["error"] and name in records[0]["error"]
    assert "Traceback" not in result.output


def test_ingest_bad_input_invalid_utf8_decodes_with_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    data = GOOD.replace("Geneva on", "Gen\u00e8ve on").encode("latin-1")
    path.write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", str(path), "--with-text", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    pos = data.index(b"\xe8")
    assert f"[E005] {path}: not valid UTF-8 at byte {pos}" in proc.stderr
    assert "Traceback" not in proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "Gen\ufffdve" in record["text"]


def test_ingest_bad_input_invalid_utf8_in_jsonl_names_line_and_byte(tmp_path, caplog):
    path = tmp_path / "in.jsonl"
    first = json.dumps({"id": "a", "text": GOOD}).encode() + b"\n"
    second = b'{"id": "b", "text": "' + GOOD.replace("\n", " ").encode() + b'\xff"}\n'
    path.write_bytes(first + second)
    result, records = run(str(path))
    assert result.exit_code == 0
    assert [r["id"] for r in records] == ["a", "b"]
    pos = len(first) + second.index(b"\xff")
    assert f"[E005] {path}:2: not valid UTF-8 at byte {pos}" in caplog.text


def test_ingest_bad_input_malformed_jsonl_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": GOOD})
        + "\n"
        + '{"id": "b", "text": "unfinished\n'
        + "[1, 2]\n"
        + json.dumps({"id": "d", "text": GOOD})
        + "\n",
        encoding="utf-8",
    )
    result, records = run(str(path))
    assert result.exit_code == 1
    assert [r.get("id") for r in records] == ["a", None, None, "d"]
    assert records[1]["error"].startswith(f"[E006] {path}:2: not valid JSON")
    assert records[2]["error"].startswith(f"[E014] {path}:3")
    assert "error" not in records[0] and "error" not in records[3]


def test_ingest_bad_input_jsonl_object_without_text(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [{"id": "a", "title": "no text"}, {"id": "b", "text": 42}, {"id": "c", "text": GOOD}]
    path.write_text("".join(json.dumps(obj) + "\n" for obj in lines), encoding="utf-8")
    result, records = run(str(path))
    assert result.exit_code == 1
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[0]["error"].startswith(f"[E007] {path}:1")
    assert records[1]["error"].startswith(f"[E010] {path}:2")
    assert records[2]["events"] == [] or isinstance(records[2]["events"], list)
    assert "error" not in records[2]


def test_ingest_bad_input_over_size_limit(tmp_path, good):
    path = tmp_path / "in.jsonl"
    big = "The ministers met again. " * 90_000  # 2.25 MB, over the 2 MB default
    path.write_text(
        json.dumps({"id": "big", "text": big}) + "\n" + json.dumps({"id": "ok", "text": GOOD}) + "\n"
    )
    result, records = run(str(path))
    assert result.exit_code == 1
    assert records[0]["id"] == "big" and records[0]["error"].startswith(f"[E008] {path}:1")
    assert "2,250,000 bytes" in records[0]["error"]
    result, records = run(str(good), "--max-text-bytes", "50")
    assert result.exit_code == 2 and "[E008]" in records[0]["error"] and "good.txt" in records[0]["error"]
    config = tmp_path / "eventwire.toml"
    config.write_text("[ingest]\nmax_text_bytes = 50\n", encoding="utf-8")
    result, records = run(str(good), "--config", str(config))
    assert result.exit_code == 2 and "limit of 50 bytes" in records[0]["error"]


def test_ingest_bad_input_mixed_folder_processes_the_rest(tmp_path, good):
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_binary.html").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c_lines.jsonl").write_text('{"text": 1}\nnot json\n' + json.dumps({"text": GOOD}) + "\n")
    result, records = run(str(tmp_path))
    assert result.exit_code == 1
    errors = [r.get("error", "")[:6] for r in records]
    assert errors == ["[E003]", "[E004]", "[E010]", "[E006]", "", ""]
    assert records[-1]["id"] == records[-2]["id"]  # same text, same content-hash id
