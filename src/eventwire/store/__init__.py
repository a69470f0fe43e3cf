"""The store: SQLite by default, PostgreSQL by URL, events deduplicated across articles.

    from eventwire.store import EventFilter, Store

    with Store.open() as store:                 # eventwire-data/eventwire.db, or $EVENTWIRE_DB
        result = store.add(analysis)            # AddResult(status="added" | "replaced" | "skipped" | ...)
        store.events(EventFilter(actor="RUS", root="14"), limit=20)

See docs/store.md for the schema, the dedup rule and every method.
"""

from eventwire.store.query import EventFilter
from eventwire.store.records import ArticleRecord, failure_record, to_record
from eventwire.store.store import Store
from eventwire.store.write import AddResult

__all__ = ["AddResult", "ArticleRecord", "EventFilter", "Store", "failure_record", "to_record"]
