"""Cross-article dedup (issue 6 item 3): one event per (source, target, CAMEO, date window)."""

from __future__ import annotations

import pytest
from storefix import RUS, UKR, db_url, made_analysis, pg_url  # noqa: F401  (fixtures)

from eventwire.store import Store
from eventwire.store.dedup import actor_key, mention_window, parse_window
from eventwire.types import Actor

pytestmark = pytest.mark.issue(6)


def test_store_dedup_windows():
    assert parse_window("2015-04-13") == parse_window("2015-04-13", "day")
    assert (parse_window("2015-02").start, parse_window("2015-02").end) == ("2015-02-01", "2015-02-28")
    assert (parse_window("2016-02").end, parse_window("2016").end) == ("2016-02-29", "2016-12-31")
    assert parse_window("2015-13") is None and parse_window("2015-02-30") is None and parse_window("soon") is None
    assert parse_window("2015-04", "day") is None
    undated = mention_window(None, None, "2015-04-14")
    assert (undated.start, undated.end, undated.basis) == ("2015-04-13", "2015-04-15", "published")
    assert mention_window(None, None, None).start is None
    assert actor_key("RUS", "Russia") == "RUS"
    assert actor_key(None, "The  Protesters") == "name:the protesters" and actor_key(None, None) == "-"


def _add(store, config, id, site, events, published="2022-02-24"):
    return store.add(made_analysis(config, id, site=site, events=events, published=published))


def test_store_dedup_same_day_across_outlets(db_url, config):
    with Store.open(db_url) as store:
        assert _add(store, config, "a1", "a.example", (("190", "2022-02-21"),)).events == 1
        assert _add(store, config, "b1", "b.example", (("190", "2022-02-21"),)).events == 0
        assert _add(store, config, "b2", "b.example", (("190", "2022-02-21"),)).events == 0
        (event,) = store.events()
        assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 3, 2)
        assert len(store.event_mentions(event["id"])) == 3


def test_store_dedup_different_day_code_or_dyad_stay_apart(db_url, config):
    with Store.open(db_url) as store:
        _add(store, config, "a1", "a", (("190", "2022-02-21"), ("190", "2022-02-22"), ("173", "2022-02-21")))
        reversed_dyad = made_analysis(config, "b1", source=UKR, target=RUS)
        store.add(reversed_dyad)
        assert store.counts()["events"] == 4


def test_store_dedup_month_overlaps_day_and_refines(db_url, config):
    with Store.open(db_url) as store:
        _add(store, config, "a1", "a", (("190", "2022-02"),), published="2022-03-05")
        _add(store, config, "b1", "b", (("190", "2022-02-21"),))
        (event,) = store.events()
        assert (event["date"], event["date_precision"], event["num_articles"]) == ("2022-02-21", "day", 2)
        # Another day in February is a different event now that the month one is pinned to the 21st.
        _add(store, config, "c1", "c", (("190", "2022-02-10"),))
        assert store.counts()["events"] == 2
        # A year-precision mention joins the most precise overlapping event, not a new one.
        _add(store, config, "d1", "d", (("190", "2022"),), published="2022-12-30")
        assert store.counts()["events"] == 2 and store.counts()["event_mentions"] == 4


def test_store_dedup_undated_uses_publication_day_plus_minus_one(db_url, config):
    with Store.open(db_url) as store:
        _add(store, config, "a1", "a", (("190", None),), published="2022-02-24")
        _add(store, config, "b1", "b", (("190", None),), published="2022-02-25")
        assert store.counts()["events"] == 1
        _add(store, config, "c1", "c", (("190", None),), published="2022-03-10")
        assert store.counts()["events"] == 2
        # A dated mention inside the window joins and gives the event its date.
        _add(store, config, "d1", "d", (("190", "2022-02-24"),), published="2022-02-26")
        by_articles = sorted(store.events(), key=lambda e: -e["num_articles"])
        assert (by_articles[0]["num_articles"], by_articles[0]["date"]) == (3, "2022-02-24")


def test_store_dedup_undated_without_publication_date_stays_in_its_article(db_url, config):
    with Store.open(db_url) as store:
        store.add(made_analysis(config, "a1", published=None, events=(("190", None), ("190", None))))
        store.add(made_analysis(config, "b1", published=None, events=(("190", None),)))
        # One event per article (the repeated mention, same evidence span, is stored once), none shared.
        assert sorted((e["num_mentions"], e["num_articles"]) for e in store.events()) == [(1, 1), (1, 1)]
        assert store.counts()["event_mentions"] == 2


def test_store_dedup_uncoded_actors_compare_by_name(db_url, config):
    crowd = Actor(None, "Protesters", "group", "protesters", 0, 10)
    other = Actor(None, "Farmers", "group", "farmers", 0, 7)
    with Store.open(db_url) as store:
        store.add(made_analysis(config, "a1", source=crowd, target=None, events=(("141", "2022-02-21"),)))
        store.add(made_analysis(config, "b1", source=crowd, target=None, events=(("141", "2022-02-21"),)))
        store.add(made_analysis(config, "c1", source=other, target=None, events=(("141", "2022-02-21"),)))
        counts = sorted(e["num_articles"] for e in store.events())
        assert counts == [1, 2]
