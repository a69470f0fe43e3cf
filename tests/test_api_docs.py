"""docs/web.md documents every endpoint, page, error code and [api] config key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.api import create_app
from eventwire.errors import Errors

pytestmark = pytest.mark.issue(7)
DOC = (Path(__file__).resolve().parent.parent / "docs" / "web.md").read_text(encoding="utf-8")


def test_api_docs_every_endpoint_and_page(config):
    app = create_app(store=None, config=config)
    for path, methods in app.openapi()["paths"].items():
        documented = re.sub(r"\{[^}]+\}", "{id}", path) if path.startswith("/api/articles/") else path
        for method in methods:
            assert f"{method.upper()} {documented}" in DOC, f"{method.upper()} {path} is not in docs/web.md"
    for page in ("`/`", "`/timeline`", "`/network`", "`/actors`", "`/actors/{code}`", "`/articles/{id}`", "`/docs`"):
        assert page in DOC


def test_api_docs_every_config_key_and_error_code(config):
    for key in config.sections["api"]:
        assert f"`api.{key}`" in DOC, f"api.{key} is not in docs/web.md"
    for code in (name for name in vars(Errors) if re.fullmatch(r"E4\d\d", name)):
        assert code in DOC, f"{code} is not in docs/web.md"
