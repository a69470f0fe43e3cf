"""Schema migrations, run programmatically: ``Store.open`` brings every database to the head revision."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from eventwire.errors import Errors, StoreError
from eventwire.store.engine import display_url

# Any constant works: all eventwire processes agree on it, so only one migrates at a time.
PG_MIGRATION_LOCK = 0x65770001


def alembic_config() -> AlembicConfig:
    """An Alembic config pointing at the migrations bundled in the package."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(resources.files("eventwire.store").joinpath("migrations")))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, url: str) -> None:
    """Upgrade the database to the head revision (a no-op when it is there already).

    Raises:
        StoreError: the database has a revision we do not know (E304) or the upgrade failed (E302).
    """
    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    with engine.connect().execution_options(eventwire_write=True) as conn:
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
            revision = current_revision(conn)
            if revision is not None and not _known(scripts, revision):
                raise StoreError(Errors.E304.format(url=display_url(url), revision=revision))
            if revision == head:
                return
            config.attributes["connection"] = conn
            try:
                command.upgrade(config, "head")
            except Exception as e:  # driver/DDL errors: report them with the URL, roll back
                raise StoreError(Errors.E302.format(url=display_url(url), detail=e)) from e


def _known(scripts: ScriptDirectory, revision: str) -> bool:
    return revision in {script.revision for script in scripts.walk_revisions()}
