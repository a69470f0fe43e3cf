"""Reading the store: event filters, full-text search, quotes, actors, network, timeline, the query command."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from storefix import fresh_database, made_analysis

from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.store import EventFilter, Store
from eventwire.types import Actor

pytestmark = pytest.mark.issue(6)
DEU = Actor("DEU", "Germany", "state", "Germany", 0, 7, agent="GOV")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled(request, tmp_path_factory, config):
    """Three articles, two outlets: an assault (RUS->UKR, twice), a meeting (DEU->UKR), a protest month."""
    with fresh_database(request.param, tmp_path_factory.mktemp("query")) as url:
        _fill(url, config)
        yield url


def _fill(db_url, config):
    with Store.open(db_url) as store:
        store.add(made_analysis(config, "a1", site="a.example", events=(("190", "2022-02-21"), ("1411", "2022-03"))))
        store.add(made_analysis(config, "b1", site="b.example", events=(("190", "2022-02-21"),),
                                text="Russia attacked Ukraine near Kharkiv, officials said."))
        store.add(made_analysis(config, "c1", site="b.example", source=DEU, events=(("043", "2022-04-02"),),
                                text="Germany hosted Ukraine's foreign minister for ceasefire talks, officials said."))


def _codes(rows):
    return sorted(r["cameo"] for r in rows)


@pytest.mark.parametrize(
    ("event_filter", "expected"),
    [
        (EventFilter(), ["043", "1411", "190"]),
        (EventFilter(actor="UKR"), ["043", "1411", "190"]),
        (EventFilter(source="DEU"), ["043"]),
        (EventFilter(target="RUS"), []),
        (EventFilter(dyad=("UKR", "RUS")), ["1411", "190"]),
        (EventFilter(cameo="14"), ["1411"]),
        (EventFilter(cameo="043"), ["043"]),
        (EventFilter(root="4"), ["043"]),
        (EventFilter(plover="assault"), ["190"]),
        (EventFilter(quad_class=4), ["1411", "190"]),  # GDELT puts PROTEST in material conflict
        (EventFilter(date_from="2022-03-15"), ["043", "1411"]),
        (EventFilter(date_from="2022-02-01", date_to="2022-02-28"), ["190"]),
        (EventFilter(outlet="a.example"), ["1411", "190"]),
        (EventFilter(text="Kharkiv"), ["190"]),
        (EventFilter(text="ceasefire talks"), ["043"]),
        (EventFilter(text='"foreign minister" hosting'), ["043"]),  # phrase + stemmed word
        (EventFilter(text='attacked" OR (*'), []),  # user syntax never breaks the query
        (EventFilter(article="c1"), ["043"]),
        (EventFilter(min_articles=2), ["190"]),
    ],
)
def test_store_query_event_filters(filled, event_filter, expected):
    with Store.open(filled) as store:
        assert _codes(store.events(event_filter)) == expected
        assert store.count_events(event_filter) == len(expected)


def test_store_query_filter_rejects_bad_values():
    with pytest.raises(StoreError, match="E305.*date_from"):
        EventFilter(date_from="last week")
    with pytest.raises(StoreError, match="E305.*quad_class"):
        EventFilter(quad_class=7)


def test_store_query_articles_quotes_actors(filled):
    with Store.open(filled) as store:
        assert [a["id"] for a in store.articles(search="Kharkiv")] == ["b1"]
        assert {a["id"] for a in store.articles(outlet="b.example")} == {"b1", "c1"}
        assert store.articles(search="Kharkiv")[0]["mentions"] == 1
        assert len(store.quotes()) == 3 and store.quotes(article="c1")[0]["outlet"] == "b.example"
        assert store.quotes(search="OFFICIALS SAID", limit=1)[0]["kind"] == "indirect"
        actors = {a["code"]: a for a in store.actors()}
        assert actors["UKR"]["as_target"] == 3 and actors["RUS"]["as_source"] == 2
        assert actors["UKR"]["articles"] == 3
        assert [a["code"] for a in store.actors(search="germ")] == ["DEU"]


def test_store_query_network_and_timeline(filled):
    with Store.open(filled) as store:
        net = store.network()
        edges = {(e["source"], e["target"]): e for e in net["edges"]}
        assert edges[("RUS", "UKR")]["events"] == 2 and edges[("RUS", "UKR")]["mentions"] == 3
        assert {n["code"]: n["name"] for n in net["nodes"]}["DEU"] == "Germany"
        months = {r["period"]: r for r in store.timeline(interval="month")}
        assert sorted(months) == ["2022-02", "2022-03", "2022-04"]
        assert months["2022-02"]["quad4"] == 1 and months["2022-02"]["mentions"] == 2
        assert [r["period"] for r in store.timeline(EventFilter(source="DEU"))] == ["2022-04-02"]


def test_store_query_article_in_full(filled):
    with Store.open(filled) as store:
        article = store.article("c1")
        assert article["outlet"] == "b.example" and article["raw_text"].startswith("Germany hosted")
        (event,) = article["events"]
        assert (event["cameo"], event["source_code"], event["source_agent"]) == ("043", "DEU", "GOV")
        assert store.article("nope") is None


def test_store_query_command_formats(filled):
    runner = CliRunner()
    as_json = runner.invoke(main, ["query", "--db", filled, "--dyad", "RUS,UKR", "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert _codes(json.loads(as_json.output)) == ["1411", "190"]
    as_csv = runner.invoke(main, ["query", "--db", filled, "--root", "19", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert [(r["cameo"], r["num_articles"]) for r in rows] == [("190", "2")]
    table = runner.invoke(main, ["query", "--db", filled, "--search", "Kharkiv"])
    assert table.exit_code == 0 and "1 of 1 events" in table.output and "190" in table.output
    bad = runner.invoke(main, ["query", "--db", filled, "--since", "yesterday"])
    assert bad.exit_code == 2 and "E305" in bad.output
    bad_dyad = runner.invoke(main, ["query", "--db", filled, "--dyad", "RUS"])
    assert bad_dyad.exit_code == 2 and "--dyad" in bad_dyad.output
