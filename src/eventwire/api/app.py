"""The FastAPI application: JSON API under ``/api``, HTML pages elsewhere, static files under ``/static``."""

from __future__ import annotations

import threading
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from eventwire import __version__
from eventwire.api.middleware import BodyLimit, SecurityHeaders
from eventwire.api.problems import install_error_handlers
from eventwire.api.settings import ApiSettings
from eventwire.config import Config, load_config

DESCRIPTION = """
Political events (CAMEO/PLOVER-coded, with actors, dates and evidence offsets) and attributed
quotes extracted from news articles by eventwire.

* Read endpoints are open. `POST /api/articles` needs `Authorization: Bearer TOKEN`
  (config `api.token` or `EVENTWIRE_API_TOKEN`).
* Every failure has the body `{"ok": false, "error": "...", "errors": [...], "status": N}`.
* Lists are paginated with `limit` (at most `api.max_page_size`) and `offset`.
* Offsets (`start`, `end`) point into the article's `raw_text`.
"""


class Analyzers:
    """Loads the spaCy pipeline on the first submitted article, once, and shares it."""

    def __init__(self, config: Config, analyzer: Any = None):
        self.config = config
        self._analyzer = analyzer
        self._lock = threading.Lock()

    def get(self) -> Any:
        with self._lock:
            if self._analyzer is None:
                from eventwire.analyze import Analyzer

                self._analyzer = Analyzer(self.config)
            return self._analyzer


def _templates() -> Jinja2Templates:
    folder = resources.files("eventwire.api").joinpath("templates")
    templates = Jinja2Templates(directory=str(folder))
    # Jinja2Templates turns autoescape on for .html; article text is untrusted, so insist.
    assert templates.env.autoescape is True or callable(templates.env.autoescape)
    templates.env.globals["version"] = __version__
    # Article ids are often URLs: percent-encode them inside a path ("?" and "#" must not end it).
    templates.env.filters["pathpart"] = lambda value: quote(str(value), safe="/:@")
    return templates


def create_app(store: Any, config: Config | None = None, analyzer: Any = None) -> FastAPI:
    """Build the web application over an open store.

    Args:
        store: an open ``eventwire.store.Store``; the app does not close it.
        config: settings (section ``[api]``); None loads the default configuration.
        analyzer: an ``Analyzer`` to reuse for ``POST /api/articles`` (tests share one);
            None loads one on the first submission.

    Returns:
        The FastAPI app, ready for uvicorn or a test client.
    """
    config = config or load_config()
    settings = ApiSettings.from_config(config)
    app = FastAPI(title="eventwire", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.store = store
    app.state.config = config
    app.state.settings = settings
    app.state.analyzers = Analyzers(config, analyzer)
    app.state.templates = _templates()
    install_error_handlers(app)
    _add_routes(app)
    static = resources.files("eventwire.api").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def _add_routes(app: FastAPI) -> None:
    from eventwire.api import routes_api, routes_submit, routes_ui

    app.include_router(routes_api.router)
    app.include_router(routes_submit.router)
    app.include_router(routes_ui.router)
