"""Ingestion: what users have (text, HTML, JSONL files and folders) -> ``Article`` records.

The one public entry point is ``read_articles``; it yields an ``Article`` for
every readable article and a ``Failure`` (with the file and line) for every one
that cannot be read, so a batch never stops on one bad input.
"""

from eventwire.ingest.readers import Failure, make_article, read_articles

__all__ = ["Failure", "make_article", "read_articles"]
