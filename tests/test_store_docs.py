"""docs/store.md documents every option of the store commands, every store error code and every event column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.errors import Errors
from eventwire.store.query import EVENT_COLUMNS
from eventwire.store.schema import metadata

pytestmark = pytest.mark.issue(6)
DOC = (Path(__file__).parent.parent / "docs" / "store.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["ingest", "query", "export", "demo"])
def test_store_docs_every_option(command):
    assert f"eventwire {command}" in DOC
    for param in main.commands[command].params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in DOC or f"{opt} " in DOC, f"{command} {opt} is not in docs/store.md"


def test_store_docs_every_error_code():
    codes = [name for name in vars(Errors) if re.fullmatch(r"E3[0-4]\d", name)]
    assert codes
    for code in codes:
        assert f"| {code} |" in DOC, f"{code} is not in docs/store.md"


def test_store_docs_every_column():
    for table in metadata.tables.values():
        for column in table.columns:
            if column.name != "pk":
                assert f"`{column.name}`" in DOC, f"{table.name}.{column.name} is not in docs/store.md"
    assert all(f"`{c.name}`" in DOC for c in EVENT_COLUMNS)
