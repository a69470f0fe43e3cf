"""eventwire: news in, political event data out.

Turns news articles into CAMEO/PLOVER-coded events and attributed quotes, each
linked to the sentence that states it. See README.md and docs/.
"""

from eventwire.types import Actor, Analysis, Article, Event, OffsetMap, Quote

__version__ = "0.1.0"
__all__ = ["Actor", "Analysis", "Article", "Event", "OffsetMap", "Quote", "__version__"]
