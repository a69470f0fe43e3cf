"""Shared helpers for the store tests (imported by tests/test_store_*.py).

PostgreSQL: tests use the server named by $EVENTWIRE_TEST_POSTGRES (start one
with scripts/start-postgres.sh). Without it they skip, except under CI (the
CI environment variable set), where a missing or unreachable server fails them.
Each test gets a fresh database, dropped afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from eventwire.events.cameo import cameo_info
from eventwire.ingest import make_article
from eventwire.types import Actor, Analysis, Event, Quote

ENV_PG = "EVENTWIRE_TEST_POSTGRES"
GOLD = Path(__file__).parent / "fixtures" / "gold"
_ANALYSES: dict[str, list[Analysis]] = {}


def pg_admin_url() -> str:
    """The test server URL, or skip/fail as the module docstring says."""
    url = os.environ.get(ENV_PG)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(
                f"CI is set but {ENV_PG} is not: .ci/run must start PostgreSQL (scripts/start-postgres.sh)"
            )
        pytest.skip(
            f"PostgreSQL tests need {ENV_PG}=postgresql+psycopg://... (see scripts/start-postgres.sh)"
        )
    if any(ch.isspace() for ch in url.strip()) or "://" not in url:
        pytest.fail(f"{ENV_PG} is not one database URL: {url!r} (scripts/start-postgres.sh prints only the URL)")
    url = url.strip()
    url = url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    engine = create_engine(url)
    try:
        with engine.connect():
            pass
    except DBAPIError as e:  # unreachable server: always a failure once the variable is set
        pytest.fail(f"{ENV_PG} is set but PostgreSQL is unreachable: {e}")
    finally:
        engine.dispose()
    return url


@contextlib.contextmanager
def fresh_pg_database():
    """A new, empty PostgreSQL database (URL), dropped on exit."""
    admin = pg_admin_url()
    name = "ew_test_" + uuid.uuid4().hex[:12]
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        engine.dispose()


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test."""
    with fresh_pg_database() as url:
        yield url


@contextlib.contextmanager
def fresh_database(kind: str, folder: Path):
    """A new empty database of ``kind`` (``sqlite`` in ``folder``, or ``postgresql``)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'eventwire.db'}"
        return
    with fresh_pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """Each test that uses this runs twice: on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eventwire.db'}"
    return request.getfixturevalue("pg_url")


def gold_records() -> list[dict]:
    """The dev gold articles (and the seed), as JSON records ready for a JSONL input file."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def outlet_copies(outlets: tuple[str, ...] = ("wire-a.example", "wire-b.example")) -> list[dict]:
    """Every gold text once per outlet, with ids and sites that differ (as when two outlets run a story)."""
    return [
        {"id": f"{site}/{g['id']}", "text": g["text"], "published": g.get("published"), "site": site}
        for site in outlets
        for g in gold_records()
    ]


def analyses_of(analyzer, config, key: str, records: list[dict]) -> list[Analysis]:
    """Analyse records once per test session (cached under ``key``)."""
    if key not in _ANALYSES:
        articles = [
            make_article(
                r["text"], config=config, id=r["id"], published=r.get("published"), site=r.get("site")
            )
            for r in records
        ]
        _ANALYSES[key] = list(analyzer.analyze(articles))
    return _ANALYSES[key]


# Hand-built records, for exact checks of the write path and the dedup rule.
RUS = Actor("RUS", "Russia", "state", "Russia", 0, 6)
UKR = Actor("UKR", "Ukraine", "state", "Ukraine", 16, 23)


def made_analysis(
    config,
    id: str,
    *,
    site: str | None = "a.example",
    published: str | None = "2022-02-24",
    events: tuple[tuple[str, str | None], ...] = (("190", "2022-02-21"),),
    text: str | None = None,
    quotes: int = 1,
    source: Actor = RUS,
    target: Actor | None = UKR,
) -> Analysis:
    """An article about Russia and Ukraine with the given (CAMEO, date) events."""
    body = text or "Russia attacked Ukraine on Monday, officials said. " + id
    article = make_article(body, config=config, id=id, published=published, site=site)
    made = []
    for cameo, date in events:
        precision = None if date is None else {10: "day", 7: "month", 4: "year"}[len(date)]
        info = cameo_info(cameo)
        made.append(
            Event(
                source,
                target,
                info.code,
                info.root,
                info.quad_class,
                info.goldstein,
                info.plover_type,
                info.plover_mode,
                info.plover_context,
                date,
                precision,
                body[0:23],
                0,
                23,
                0.9,
                verb="attack",
            )
        )
    at = body.find("officials said")
    said = tuple(
        Quote(body[at : at + 14], "indirect", "officials", None, "org", "say", at, at + 14)
        for _ in range(quotes)
    )
    return Analysis(article, (source,) + ((target,) if target else ()), tuple(made), said)
