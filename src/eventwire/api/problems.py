"""One error shape for every failure: ``{"ok": false, "error", "errors", "status"}``.

API clients (paths under ``/api``, and any client that does not ask for HTML)
get JSON; a browser asking for a UI page gets the same message as an HTML page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import Errors

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An expected failure with its HTTP status and coded message."""

    def __init__(self, status: int, message: str, errors: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []
        self.headers = headers


def error_body(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {"ok": False, "error": message, "errors": errors or [], "status": status}


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str,
                   errors: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """Render an error as JSON, or as an HTML page for a browser on a UI page."""
    body = error_body(status, message, errors)
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"problem": body}, status_code=status,
                                          headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)


def _plain(value: Any) -> Any:
    """Validation details can hold exceptions or bytes; keep them JSON-plain."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": _plain(list(e.get("loc", ()))), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in exc.errors()
    ]


def _describe(errors: list[dict[str, Any]]) -> str:
    parts = []
    for e in errors:
        loc = [str(p) for p in e["loc"] if p not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {e['msg']}")
    return "; ".join(parts) or "invalid request"


async def _on_api_error(request: Request, exc: ApiError) -> Response:
    return error_response(request, exc.status, exc.message, exc.errors, exc.headers)


async def _on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
    path, method = request.url.path, request.method
    if exc.status_code == 404:
        message = Errors.E400.format(method=method, path=path)
    elif exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        message = Errors.E402.format(method=method, path=path, allowed=allowed or "none")
    else:
        message = str(exc.detail)
    return error_response(request, exc.status_code, message, headers=exc.headers)


async def _on_validation_error(request: Request, exc: RequestValidationError) -> Response:
    errors = _validation_errors(exc)
    return error_response(request, 422, Errors.E401.format(detail=_describe(errors)), errors)


async def _on_crash(request: Request, exc: Exception) -> Response:
    log.exception("%s %s failed", request.method, request.url.path)
    return error_response(request, 500, Errors.E412.format(kind=type(exc).__name__))


def install_error_handlers(app: FastAPI) -> None:
    """Route every failure, expected or not, to the one error shape."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_crash)
