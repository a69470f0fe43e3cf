"""POST /api/articles runs the real pipeline and stores the result (token-protected)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.store import Store

pytestmark = pytest.mark.issue(7)


@pytest.fixture()
def client(tmp_path, config, analyzer):
    config = config.with_values(api__token="s3cret")
    with Store.open(f"sqlite:///{tmp_path / 'submit.db'}") as store:
        yield TestClient(create_app(store, config, analyzer=analyzer))


def test_api_submit_text_is_analysed_stored_and_shown(client, seed):
    auth = {"Authorization": "Bearer s3cret"}
    body = {"text": seed["text"], "id": "seed", "published": seed["published"], "title": "Seed", "site": "x.example"}
    response = client.post("/api/articles", json=body, headers=auth)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["ok"] and result["id"] == "seed" and result["stored"] == "added"
    stored = client.get("/api/articles/seed").json()
    assert stored["article"]["raw_text"] == seed["text"]
    assert len(stored["events"]) == result["events"] and len(stored["quotes"]) == result["quotes"]
    page = client.get("/articles/seed")
    assert page.status_code == 200
    assert page.text.count('class="card event"') == result["events"]
    again = client.post("/api/articles", json=body, headers=auth).json()
    assert again["stored"] == "skipped"


def test_api_submit_html(client):
    html = ("<html><head><title>Talks</title></head><body><article><h1>Talks in Geneva</h1>"
            "<p>" + "The foreign ministers of France and Germany met in Geneva on Tuesday. " * 5 + "</p>"
            "</article></body></html>")
    response = client.post("/api/articles", json={"html": html, "url": "https://news.example/talks"},
                           headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 201, response.text
    assert response.json()["id"] == "https://news.example/talks"
    assert "Geneva" in client.get("/api/articles/https://news.example/talks").json()["article"]["raw_text"]


def test_api_submit_odd_ids_link_to_their_page(client):
    odd = "https://news.example/a b?x=1#frag"
    body = {"text": "Seoul, March 27, 2023. South Korea and Poland signed an arms deal on Monday.", "id": odd}
    result = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"}).json()
    assert client.get(result["links"]["api"]).json()["article"]["id"] == odd
    assert client.get(result["links"]["page"]).status_code == 200
    search = client.get("/?q=Poland").text
    href = re.search(r'class="title" href="([^"]+)"', search).group(1)
    page = client.get(href.replace("&amp;", "&"))
    assert page.status_code == 200 and "arms deal" in page.text
