"""``POST /api/articles``: analyse and store one article (token-protected)."""

from __future__ import annotations

import hmac
import logging
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse

from eventwire.api import models
from eventwire.api.problems import ApiError
from eventwire.errors import Errors, InputError, StoreError

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["write"])
RESPONSES = {
    401: {"description": "No token sent (error shape)"},
    403: {"description": "Wrong token, or submission disabled (error shape)"},
    413: {"description": "Body over `api.max_body_bytes` (error shape)"},
    422: {"description": "Bad body or unreadable article (error shape)"},
}


def check_token(request: Request, authorization: str | None) -> None:
    """Let the request through only with the server's bearer token.

    Raises:
        ApiError: 403 when no token is configured or the token is wrong, 401 when none is sent.
    """
    expected = request.app.state.settings.token
    if not expected:
        raise ApiError(403, Errors.E406)
    scheme, _, sent = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not sent.strip():
        raise ApiError(401, Errors.E407, headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(sent.strip().encode(), expected.encode()):
        raise ApiError(403, Errors.E408)


def _article(body: models.SubmitIn, config: Any) -> Any:
    from eventwire.ingest import make_article
    from eventwire.ingest.html import article_from_html

    origin = "POST /api/articles"
    if body.html is not None:
        return article_from_html(body.html, config=config, origin=origin, id=body.id, url=body.url)
    return make_article(body.text or "", config=config, id=body.id, url=body.url, published=body.published,
                        title=body.title, author=body.author, site=body.site, origin=origin)


def _outcome(result: Any) -> str:
    """What the store did, in a word, whatever shape its result has."""
    for name in ("status", "action", "outcome"):
        value = getattr(result, name, None)
        if isinstance(value, str):
            return value
    return "stored"


@router.post("/articles", status_code=201, response_model=models.SubmitOut, responses=RESPONSES)
def api_submit(request: Request, body: models.SubmitIn,
               authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    """Analyse an article (plain `text`, or an `html` page) and store it with its events and quotes.

    Needs `Authorization: Bearer TOKEN` (config `api.token` / `EVENTWIRE_API_TOKEN`).
    Sending the same text again stores nothing new (`stored` says so).
    """
    check_token(request, authorization)
    if (body.text is None) == (body.html is None):
        raise ApiError(422, Errors.E409)
    config = request.app.state.config
    try:
        article = _article(body, config)
    except InputError as e:
        raise ApiError(422, Errors.E410.format(detail=str(e))) from e
    if body.html is not None and (body.published or body.title or body.site or body.author):
        article = _with_metadata(article, body)
    try:
        analysis = request.app.state.analyzers.get().analyze_one(article)
    except Exception as e:  # a pipeline bug must still answer in the error shape, with nothing stored
        log.exception("analysis of %s failed", article.id)
        raise ApiError(500, Errors.E411.format(detail=type(e).__name__)) from e
    try:
        result = request.app.state.store.add(analysis)
    except StoreError as e:
        raise ApiError(500, str(e)) from e
    payload = {
        "ok": True, "id": article.id, "stored": _outcome(result), "events": len(analysis.events),
        "quotes": len(analysis.quotes), "error": analysis.error,
        "links": {"api": f"/api/articles/{quote(article.id, safe='/:@')}",
                  "page": f"/articles/{quote(article.id, safe='/:@')}"},
    }
    return JSONResponse(payload, status_code=201)


def _with_metadata(article: Any, body: models.SubmitIn) -> Any:
    """Metadata sent with an HTML page wins over what was extracted from it."""
    from dataclasses import replace

    given = {k: getattr(body, k) for k in ("published", "title", "author", "site") if getattr(body, k)}
    return replace(article, **given)
