"""Ingestion: what users have (text, HTML, JSONL files and folders) -> ``Article`` records.

The one public entry point is ``read_articles``; it yields an ``Article`` for
every readable article and a ``Failure`` (with the file and line) for every one
that cannot be read, so a batch never stops on one bad input. ``make_article``
cleans one text; ``clean_text`` is the cleaning on its own. See docs/ingest.md.
"""

from eventwire.ingest.article import content_hash, make_article
from eventwire.ingest.clean import Cleaned, clean_text
from eventwire.ingest.readers import Failure, read_articles, read_file

__all__ = ["Cleaned", "Failure", "clean_text", "content_hash", "make_article", "read_articles", "read_file"]
