"""Shared fixtures: one real spaCy pipeline per test session, the gold articles, configs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.analyze import Analyzer
from eventwire.config import load_config
from eventwire.nlp import load_pipeline

# The store tests' fixtures (db_url, pg_url: SQLite and PostgreSQL databases), see tests/storefix.py.
pytest_plugins = ["storefix"]

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "gold"


@pytest.fixture(scope="session")
def config():
    return load_config(None)


@pytest.fixture(scope="session")
def nlp(config):
    return load_pipeline(config)


@pytest.fixture(scope="session")
def analyzer(config, nlp):
    return Analyzer(config, nlp=nlp)


@pytest.fixture(scope="session")
def gold_articles():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


@pytest.fixture(scope="session")
def seed(gold_articles):
    return next(g for g in gold_articles if g["id"] == "seed")
