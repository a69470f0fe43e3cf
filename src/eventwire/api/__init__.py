"""eventwire's REST API and web UI (``eventwire serve``).

``create_app(store, config)`` builds the FastAPI app; ``serve(...)`` runs it with uvicorn.
"""

from eventwire.api.app import create_app

__all__ = ["create_app"]
