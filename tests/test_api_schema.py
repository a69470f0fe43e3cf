"""Schemathesis over the OpenAPI schema: generated requests never get a 500."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from eventwire.api import create_app
from eventwire.config import load_config
from eventwire.store import Store
from web_fixtures import gold_db_url

pytestmark = pytest.mark.issue(7)

# A modest example count keeps CI time small (about 20 s for all operations).
EXAMPLES = 25

_store = Store.open(gold_db_url())
_app = create_app(_store, load_config(None).with_values(api__token="s3cret"))
schema = schemathesis.openapi.from_asgi("/api/openapi.json", _app)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_schema_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
    if response.status_code >= 400:
        body = response.json()
        assert body["ok"] is False and body["status"] == response.status_code and "error" in body
