"""Which database, and how to connect to it.

The URL comes from (first wins): the ``url`` argument (``--db``), the
``EVENTWIRE_DB`` environment variable, the config key ``store.db``, and
finally the default SQLite file ``eventwire-data/eventwire.db`` in the current
folder. ``postgresql://`` URLs are sent through psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from eventwire.config import Config
from eventwire.errors import Errors, StoreError

DEFAULT_PATH = Path("eventwire-data") / "eventwire.db"
ENV_DB = "EVENTWIRE_DB"
# How long (ms) a SQLite writer waits for another writer's lock before failing.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def resolve_url(url: str | None = None, config: Config | None = None) -> str:
    """The SQLAlchemy URL to use, with the precedence described in the module docstring.

    Args:
        url: an explicit URL or SQLite file path (the ``--db`` option), or None.
        config: settings; its ``store.db`` is used when ``url`` and ``$EVENTWIRE_DB`` are empty.

    Returns:
        A SQLAlchemy URL string (``sqlite:///...`` or ``postgresql+psycopg://...``).

    Raises:
        StoreError: the URL names a database we do not support (E301).
    """
    chosen = url or os.environ.get(ENV_DB) or (config.get("store", "db") if config else "") or ""
    if not chosen:
        return f"sqlite:///{DEFAULT_PATH.resolve()}"
    if "://" not in chosen:
        return f"sqlite:///{Path(chosen).expanduser().resolve()}"
    scheme = chosen.split("://", 1)[0]
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return "postgresql+psycopg://" + chosen.split("://", 1)[1]
    if scheme in ("sqlite", "sqlite+pysqlite"):
        return chosen
    raise StoreError(Errors.E301.format(url=chosen))


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for PostgreSQL or in-memory SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def make_engine(url: str) -> Engine:
    """A SQLAlchemy engine set up for eventwire.

    SQLite: the folder is created, the file uses WAL (readers never block the
    writer), a busy timeout, and foreign keys. Transactions begin explicitly so
    the write path can take the write lock up front (``BEGIN IMMEDIATE``) when a
    connection has the execution option ``eventwire_write=True``.
    """
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _setup_sqlite(engine)
        return engine
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url)
        _setup_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("eventwire_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def check_reachable(engine: Engine, url: str) -> None:
    """Connect once, turning driver errors into a clear E300."""
    try:
        with engine.connect():
            pass
    except Exception as e:  # any driver error: unreachable server, bad password, unreadable file
        raise StoreError(Errors.E300.format(url=display_url(url), detail=_first_line(e))) from e


def _first_line(e: BaseException) -> str:
    text = str(getattr(e, "orig", None) or e).strip()
    return text.splitlines()[0] if text else type(e).__name__
