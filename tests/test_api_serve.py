"""``eventwire serve`` starts a real server on 127.0.0.1 and reports a bad database clearly."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from web_fixtures import gold_db_url

pytestmark = pytest.mark.issue(7)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_api_serve_starts_on_localhost(tmp_path):
    port = _free_port()
    cmd = [sys.executable, "-m", "eventwire", "serve", "--db", gold_db_url(), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        deadline, stats = time.monotonic() + 30, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1).json()
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert stats is not None and stats["articles"] > 0, proc.stderr.read() if proc.poll() is not None else ""
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in err


def test_api_serve_bad_database_is_a_clear_error():
    result = CliRunner().invoke(main, ["serve", "--db", "mysql://nope/db"])
    assert result.exit_code != 0
    assert "[E413]" in result.output and "E301" in result.output
