"""The read endpoints against a store built from the gold fixtures, on SQLite and PostgreSQL.

PostgreSQL runs need $EVENTWIRE_TEST_POSTGRES (scripts/start-postgres.sh); they skip without
it, except under CI where they fail (tests/storefix.py).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.config import load_config
from eventwire.store import Store
from storefix import fresh_pg_database
from web_fixtures import XSS_ID, assert_highlighted, gold_analyses, gold_db_url

pytestmark = pytest.mark.issue(7)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request):
    if request.param == "sqlite":
        with Store.open(gold_db_url()) as store:
            yield TestClient(create_app(store, load_config(None)))
        return
    with fresh_pg_database() as url, Store.open(url) as store:
        for analysis in gold_analyses():
            store.add(analysis)
        yield TestClient(create_app(store, load_config(None)))


def test_api_read_events_filters_and_pages(client):
    everything = client.get("/api/events?limit=5").json()
    assert everything["ok"] and everything["total"] > 100 and len(everything["items"]) == 5
    nato = client.get("/api/events?actor=nato&limit=100").json()
    assert nato["total"] > 0
    assert all("NATO" in ((e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in nato["items"])
    conflict = client.get("/api/events?quad=4&since=2023&until=2024-12&limit=200").json()["items"]
    assert conflict and all(e["quad_class"] == 4 for e in conflict)
    assert all("2023" <= e["date"][:4] <= "2024" for e in conflict if e["date"])
    root = client.get("/api/events?cameo=04").json()["items"]
    assert root and all(e["cameo"].startswith("04") for e in root)
    dyad = client.get("/api/events?dyad=NATO,KOR").json()["items"]
    assert dyad and all({e["source"]["code"], e["target"]["code"]} == {"NATO", "KOR"} for e in dyad)
    page2 = client.get("/api/events?limit=5&offset=5").json()["items"]
    assert {e["id"] for e in page2}.isdisjoint({e["id"] for e in everything["items"]})


def test_api_read_events_full_text_and_outlet(client):
    found = client.get("/api/events?q=Stoltenberg").json()["items"]
    assert found and {e["article_id"] for e in found} >= {"seed"}
    outlet = client.get("/api/events?outlet=wire-b.example&limit=200").json()["items"]
    assert outlet and all(e["article_id"] != "seed" for e in outlet)  # the seed is on wire-a


def test_api_read_article_search_and_one_article(client):
    hits = client.get("/api/articles?q=Stoltenberg Seoul").json()
    assert [a["id"] for a in hits["items"]] == ["seed"]
    assert client.get('/api/articles?q=" OR * NEAR(').json()["ok"], "query syntax is never passed to FTS"
    seed = client.get("/api/articles/seed").json()
    text = seed["article"]["raw_text"]
    assert seed["events"] and seed["quotes"]
    for item in seed["events"]:
        assert text[item["start"]:item["end"]] == item["evidence"]
    for item in seed["quotes"]:
        assert text[item["start"]:item["end"]] == item["text"]


def test_api_read_actors_network_quotes_timeline(client):
    actors = client.get("/api/actors?limit=10").json()["items"]
    assert actors and actors[0]["events"] >= actors[-1]["events"]
    nato = client.get("/api/actors/nato").json()["actor"]
    assert nato["events"] == nato["as_source"] + nato["as_target"] > 0
    net = client.get("/api/network").json()
    codes = {n["id"] for n in net["nodes"]}
    for edge in net["edges"]:
        assert edge["source"] in codes and edge["target"] in codes
        assert edge["weight"] == sum(edge["by_quad"].values()) == edge["cooperation"] + edge["conflict"]
    quotes = client.get("/api/quotes?actor=NATO").json()["items"]
    assert quotes and all(q["speaker_actor"] == "NATO" for q in quotes)
    by_name = client.get("/api/quotes?speaker=stoltenberg").json()["items"]
    assert by_name and all("stoltenberg" in q["speaker"].lower() for q in by_name)
    timeline = client.get("/api/timeline?actor=NATO").json()
    assert timeline["days"] == sorted(timeline["days"])
    one_day = dt.timedelta(days=1)
    days = [dt.date.fromisoformat(d) for d in timeline["days"]]
    assert all(b - a == one_day for a, b in itertools.pairwise(days)), "days without events are filled in"
    assert all(len(s["counts"]) == len(timeline["days"]) for s in timeline["series"])
    plover = client.get("/api/timeline?by=plover").json()
    assert plover["by"] == "plover" and plover["series"]


def test_api_read_untrusted_text_is_returned_verbatim_as_json(client):
    body = client.get(f"/api/articles/{XSS_ID}").json()
    assert "<script>" in body["article"]["raw_text"]


def test_api_read_openapi_documents_every_endpoint(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/articles", "/api/articles/{article_id}", "/api/actors",
                 "/api/actors/{code}", "/api/network", "/api/quotes", "/api/timeline", "/api/stats"):
        assert path in paths
    assert "post" in paths["/api/articles"]


def test_api_read_empty_store_pages_and_endpoints(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'empty.db'}") as store:
        client = TestClient(create_app(store, load_config(None)))
        for path in ("/", "/timeline", "/network", "/actors", "/docs", "/api/events", "/api/articles",
                     "/api/actors", "/api/network", "/api/quotes", "/api/timeline", "/api/stats"):
            response = client.get(path)
            assert response.status_code == 200, path
        assert client.get("/api/events").json()["total"] == 0
        assert client.get("/api/timeline").json() == {"ok": True, "by": "quad", "days": [], "series": []}


def test_api_read_capped_total_keeps_the_same_order(client, monkeypatch):
    from eventwire.api import queries

    every = client.get("/api/events?actor=USA&limit=200").json()
    assert every["total_exact"] and every["total"] > 20
    monkeypatch.setattr(queries, "COUNT_CAP", 10)  # now the store has "many" matches
    capped = client.get("/api/events?actor=USA&limit=20&offset=5").json()
    assert capped["total"] == 10 and capped["total_exact"] is False
    assert [e["id"] for e in capped["items"]] == [e["id"] for e in every["items"][5:25]]
    exact = client.get("/api/events?actor=USA&limit=20&exact_total=true").json()
    assert exact["total"] == every["total"] and exact["total_exact"] is True


def test_api_read_seed_page_highlights_every_event_and_quote(client):
    stored = client.get("/api/articles/seed").json()
    assert len(stored["events"]) >= 10 and len(stored["quotes"]) >= 10
    assert_highlighted(client.get("/articles/seed").text, stored)
