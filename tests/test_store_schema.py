"""The schema: migrations build exactly the tables in store/schema.py, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from storefix import db_url, pg_url  # noqa: F401  (fixtures)

from eventwire.errors import StoreError
from eventwire.store import Store
from eventwire.store.engine import resolve_url
from eventwire.store.migrate import head_revision
from eventwire.store.schema import TABLES, metadata

pytestmark = pytest.mark.issue(6)


def _not_fts(obj, name, type_, reflected, compare_to):
    # Full-text search objects are dialect-specific and live outside the metadata on purpose.
    return not (name or "").startswith("articles_fts") and name not in ("tsv", "ix_articles_tsv")


def test_store_schema_migration_matches_metadata(db_url):
    with Store.open(db_url) as store, store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"include_object": _not_fts}), metadata)
        assert diffs == []
        assert set(TABLES) <= set(inspect(conn).get_table_names())
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()


def test_store_schema_open_twice_is_a_noop(db_url):
    Store.open(db_url).close()
    with Store.open(db_url) as store:
        assert store.counts()["articles"] == 0


def test_store_schema_sqlite_wal_and_foreign_keys(tmp_path):
    with Store.open(str(tmp_path / "x.db")) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() > 0


def test_store_schema_unknown_revision_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    Store.open(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"E304.*ffff_from_the_future"):
        Store.open(url)


def test_store_schema_default_url_and_precedence(tmp_path, monkeypatch, config):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    assert resolve_url(None, config) == f"sqlite:///{tmp_path / 'eventwire-data' / 'eventwire.db'}"
    configured = config.with_values(store__db=str(tmp_path / "from-config.db"))
    assert resolve_url(None, configured).endswith("from-config.db")
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "from-env.db"))
    assert resolve_url(None, configured).endswith("from-env.db")
    assert resolve_url("postgresql://u:p@h/d", configured) == "postgresql+psycopg://u:p@h/d"
    with Store.open(None, None) as store:
        assert store.path == tmp_path / "from-env.db" and store.path.exists()


def test_store_schema_bad_urls_have_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="E301"):
        Store.open("mysql://x@y/z")
    with pytest.raises(StoreError, match=r"E300.*127\.0\.0\.1") as caught:
        Store.open("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(caught.value)
