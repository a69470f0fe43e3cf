"""The spaCy pipeline: the English model plus eventwire's registered components.

``load_pipeline(config)`` is the only way the rest of eventwire gets an ``nlp``
object; it is loaded once per process and cached.
"""

from eventwire.nlp.pipeline import load_pipeline

__all__ = ["load_pipeline"]
