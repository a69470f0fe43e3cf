"""Exports: CSV / JSON Lines / Parquet; GDELT-like columns load in pandas; PLOVER records validate."""

from __future__ import annotations

import json

import jsonschema
import pandas as pd
import pytest
from click.testing import CliRunner
from storefix import fresh_database, made_analysis

from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.store import EventFilter, Store
from eventwire.store import gdelt, plover
from eventwire.store.export import export
from eventwire.types import Actor

pytestmark = pytest.mark.issue(6)
NATO = Actor("NATO", "NATO", "igo", "NATO", 0, 4, agent=None)
UNKNOWN = Actor(None, "Gunmen", "group", "gunmen", 0, 6)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled(request, tmp_path_factory, config):
    with fresh_database(request.param, tmp_path_factory.mktemp("export")) as url:
        with Store.open(url) as store:
            store.add(made_analysis(config, "a1", site="a.example", events=(("190", "2022-02-21"), ("010", "2022-02-21"))))
            store.add(made_analysis(config, "b1", site="b.example", events=(("190", "2022-02-21"), ("08", "2022-03"))))
            store.add(made_analysis(config, "c1", site=None, source=NATO, target=None, published=None,
                                    events=(("0231", None),)))
            store.add(made_analysis(config, "d1", source=UNKNOWN, events=(("180", "2022-05-01"),)))
        yield url


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_store_export_gdelt_loads_in_pandas(filled, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    with Store.open(filled) as store:
        summary = export(store, out, fmt=fmt, schema="gdelt")
        n_events = store.counts()["events"]
    frame = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True), "parquet": pd.read_parquet}[fmt](out)
    assert list(frame.columns) == gdelt.COLUMNS and len(gdelt.COLUMNS) == 61
    assert summary.rows == len(frame) == n_events
    assault = frame[frame.EventCode.astype(str) == "190"].iloc[0]
    assert (assault.NumArticles, assault.NumSources, assault.NumMentions) == (2, 2, 2)
    assert (assault.SQLDATE, assault.Actor1Code, assault.Actor2CountryCode) == (20220221, "RUS", "UKR")
    assert str(assault.EventRootCode) == "19" and assault.QuadClass == 4 and assault.GoldsteinScale == -10.0
    assert assault.SOURCEURL == "a1" and assault.IsRootEvent == 1
    nato = frame[frame.Actor1Code == "NATO"].iloc[0]
    assert nato.Actor1KnownGroupCode == "NATO" and pd.isna(nato.Actor1CountryCode) and pd.isna(nato.SQLDATE)


def test_store_export_plover_validates_against_schema(filled, tmp_path):
    out = tmp_path / "events.jsonl"
    with Store.open(filled) as store:
        summary = export(store, out, fmt="jsonl", schema="plover")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    validator = jsonschema.Draft202012Validator(plover.schema(), format_checker=jsonschema.FormatChecker())
    for record in records:
        validator.validate(record)
    by_cameo = {r["eventwire"]["cameo"]: r for r in records}
    # 010 (make statement) has no PLOVER type; 0231 has no date at all: both left out and counted.
    assert set(by_cameo) == {"190", "08", "180"} and summary.left_out == 2 and summary.notes
    assert by_cameo["190"]["event"] == ["ASSAULT"] and by_cameo["190"]["recipient"][0]["code"] == "UKR"
    assert by_cameo["08"]["event"] == ["CONCEDE", "RETREAT"]
    assert (by_cameo["08"]["date"], by_cameo["08"]["enddate"]) == ("2022-03-01", "2022-03-31")
    assert by_cameo["180"]["actor"][0]["code"] == "---" and by_cameo["180"]["actor"][0]["entity_text"] == "Gunmen"


@pytest.mark.parametrize("table", ["events", "mentions", "quotes", "articles", "actors"])
def test_store_export_tables_round_trip(filled, tmp_path, table):
    with Store.open(filled) as store:
        counts = store.counts()
        for fmt in ("csv", "jsonl", "parquet"):
            out = tmp_path / f"{table}.{fmt}"
            summary = export(store, out, fmt=fmt, table=table)
            reader = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True),
                      "parquet": pd.read_parquet}[fmt]
            expected = counts["event_mentions" if table == "mentions" else table]
            assert summary.rows == expected == (len(reader(out)) if expected else 0)


def test_store_export_filters_and_bad_requests(filled, tmp_path):
    with Store.open(filled) as store:
        summary = export(store, tmp_path / "x.csv", fmt="csv", filters=EventFilter(root="19"))
        assert summary.rows == 1
        with pytest.raises(StoreError, match="E306"):
            export(store, tmp_path / "x.csv", fmt="csv", schema="plover")
        with pytest.raises(StoreError, match="E306"):
            export(store, tmp_path / "x.csv", fmt="xlsx")
        with pytest.raises(StoreError, match="E306"):
            export(store, tmp_path / "x.csv", table="quotes", schema="gdelt")
        with pytest.raises(StoreError, match="E307"):
            export(store, tmp_path / "missing" / "x.csv")


def test_store_export_command(filled, tmp_path):
    out = tmp_path / "quotes.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", filled, "--table", "quotes", "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 4 quotes rows" in result.output
    assert {json.loads(line)["article_id"] for line in out.read_text().splitlines()} == {"a1", "b1", "c1", "d1"}
    bad = CliRunner().invoke(main, ["export", "--db", filled, "--schema", "plover", "--format", "csv", "-o", str(out)])
    assert bad.exit_code == 2 and "E306" in bad.output
