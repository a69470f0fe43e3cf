"""Every failure of the API has one JSON shape: {"ok": false, "error", "errors", "status"}."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.config import load_config
from eventwire.store import Store
from web_fixtures import gold_db_url

pytestmark = pytest.mark.issue(7)


@pytest.fixture(scope="module")
def client():
    config = load_config(None).with_values(api__token="s3cret", api__max_body_bytes=10_000, api__max_page_size=100)
    with Store.open(gold_db_url()) as store:
        yield TestClient(create_app(store, config))


def assert_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status and isinstance(body["errors"], list)
    assert body["error"].startswith(f"[{code}]"), body["error"]
    return body


def test_api_errors_not_found(client):
    assert_shape(client.get("/api/nothing-here"), 404, "E400")
    assert_shape(client.get("/api/articles/no-such-article"), 404, "E404")
    assert_shape(client.get("/api/actors/ZZZ"), 404, "E405")


def test_api_errors_method_not_allowed(client):
    body = assert_shape(client.delete("/api/events"), 405, "E402")
    assert "GET" in body["error"]


@pytest.mark.parametrize("query", ["quad=9", "quad=x", "since=yesterday", "until=2023-02-30", "since=2023-13", "limit=0", "offset=-1",
                                   "cameo=abc", "dyad=USA", "q=%00bad", "limit=101"])
def test_api_errors_bad_parameters_are_422(client, query):
    body = assert_shape(client.get(f"/api/events?{query}"), 422, "E401")
    assert body["errors"], "the field-level details are listed"


def test_api_errors_page_size_limit_names_the_setting(client):
    body = assert_shape(client.get("/api/articles?limit=101"), 422, "E401")
    assert "max_page_size" in body["error"]


def test_api_errors_body_too_large(client):
    big = {"text": "x" * 20_000}
    assert_shape(client.post("/api/articles", json=big, headers={"Authorization": "Bearer s3cret"}), 413, "E403")


def test_api_errors_chunked_body_too_large(client):
    def chunks():
        for _ in range(30):
            yield b"x" * 1000

    response = client.post("/api/articles", content=chunks(), headers={"Authorization": "Bearer s3cret",
                                                                       "Content-Type": "application/json"})
    assert_shape(response, 413, "E403")


def test_api_errors_token(client):
    assert_shape(client.post("/api/articles", json={"text": "hello"}), 401, "E407")
    assert_shape(client.post("/api/articles", json={"text": "hello"}, headers={"Authorization": "Bearer no"}),
                 403, "E408")


def test_api_errors_submission_disabled_without_token():
    with Store.open(gold_db_url()) as store:
        client = TestClient(create_app(store, load_config(None).with_values(api__token="")))
        response = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer "})
        assert_shape(response, 403, "E406")


def test_api_errors_bad_json_body(client):
    auth = {"Authorization": "Bearer s3cret", "Content-Type": "application/json"}
    assert_shape(client.post("/api/articles", content=b"{not json", headers=auth), 422, "E401")
    assert_shape(client.post("/api/articles", json={"text": "a", "html": "<p>b</p>"}, headers=auth), 422, "E409")
    assert_shape(client.post("/api/articles", json={"text": "   "}, headers=auth), 422, "E410")
    assert_shape(client.post("/api/articles", json={"text": "a", "colour": 1}, headers=auth), 422, "E401")


def test_api_errors_crash_is_500_in_shape():
    class NoDatabase:
        """A store whose database has gone away."""

        @property
        def engine(self):
            raise RuntimeError("database vanished")

    client = TestClient(create_app(NoDatabase(), load_config(None)), raise_server_exceptions=False)
    body = assert_shape(client.get("/api/events"), 500, "E412")
    assert "vanished" not in body["error"], "internal details stay in the server log"


def test_api_errors_html_pages_get_an_html_error(client):
    response = client.get("/articles/no-such-article", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "[E404]" in response.text


def test_api_errors_cors_off_and_security_headers(client):
    response = client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
