"""The HTML pages: search, timeline, actor network, actors, one actor, one article, API docs."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from eventwire.api import queries
from eventwire.api.highlight import Mark, segments
from eventwire.api.params import CODE, MAX_TEXT, TEXT, EventParams, Page, event_params, page_params
from eventwire.api.problems import ApiError
from eventwire.errors import Errors

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
ACTOR_PAGE_EVENTS = 100
ACTOR_PAGE_QUOTES = 100


def _render(request: Request, name: str, **context) -> HTMLResponse:
    templates = request.app.state.templates
    templates.env.filters.setdefault("qs", _qs)
    context.setdefault("quad_names", queries.QUAD_NAMES)
    return templates.TemplateResponse(request, name, context)


def _api_url(request: Request, name: str, **params) -> str:
    """Path and query string of an API endpoint, for a page's ``data-src``."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return request.app.url_path_for(name) + (f"?{query}" if query else "")


def _qs(params: dict, **changes) -> str:
    """Query string of ``params`` with ``changes`` applied (for pager links)."""
    merged = {**params, **{k: v for k, v in changes.items()}}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@router.get("/", name="page_search")
def page_search(request: Request, f: Annotated[EventParams, Depends(event_params)],
                page: Annotated[Page, Depends(page_params)]):
    store = request.app.state.store
    events, total, exact = queries.list_events(store, f, page)
    apage = Page(20, 0)
    articles, _ = queries.search_articles(store, f.q, f.outlet, f.since, f.until, apage)
    return _render(request, "search.html", nav="search", f=f, events=events, total=total, page=page,
                   params=f.query_string(), articles=articles, apage=apage, stats=queries.stats(store),
                   exact=exact)


def _by_select(by: str) -> Markup:
    options = "".join(
        f'<option value="{v}"{" selected" if v == by else ""}>{label}</option>'
        for v, label in (("quad", "QuadClass"), ("plover", "PLOVER type"))
    )
    return Markup(f'<label>Split by <select name="by">{options}</select></label>')


@router.get("/timeline", name="page_timeline")
def page_timeline(request: Request, f: Annotated[EventParams, Depends(event_params)],
                  by: Literal["quad", "plover"] = "quad"):
    params = f.query_string()
    api_src = _api_url(request, "api_timeline", **params, by=by)
    return _render(request, "timeline.html", nav="timeline", f=f, by=by, params=params,
                   api_src=api_src, by_select=_by_select(by))


@router.get("/network", name="page_network")
def page_network(request: Request, f: Annotated[EventParams, Depends(event_params)]):
    api_src = _api_url(request, "api_network", **f.query_string())
    return _render(request, "network.html", nav="network", f=f, api_src=api_src)


@router.get("/actors", name="page_actors")
def page_actors(request: Request, page: Annotated[Page, Depends(page_params)],
                q: Annotated[str | None, Query(max_length=MAX_TEXT, pattern=TEXT)] = None):
    actors, total = queries.list_actors(request.app.state.store, q, page)
    return _render(request, "actors.html", nav="actors", actors=actors, total=total, page=page, q=q,
                   params={"q": q} if q else {})


@router.get("/actors/{code}", name="page_actor")
def page_actor(request: Request, code: Annotated[str, Path(pattern=CODE)]):
    store = request.app.state.store
    actor = queries.get_actor(store, code.upper())
    if actor is None:
        raise ApiError(404, Errors.E405.format(code=code))
    events, total, _ = queries.list_events(store, EventParams(actor=actor["code"]), Page(ACTOR_PAGE_EVENTS, 0))
    quotes, _ = queries.list_quotes(store, None, actor["code"], None, None, Page(ACTOR_PAGE_QUOTES, 0))
    api_src = _api_url(request, "api_timeline", actor=actor["code"])
    return _render(request, "actor.html", nav="actors", actor=actor, events=events, quotes=quotes,
                   more_events=total > len(events), api_src=api_src)


def _label(event: dict) -> str:
    src = (event["source"] or {}).get("code") or (event["source"] or {}).get("name") or "?"
    tgt = (event["target"] or {}).get("code") or (event["target"] or {}).get("name") or "—"
    return f"{event['cameo']} {event.get('cameo_name') or ''}: {src} → {tgt}, {event['date'] or 'no date'}"


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links to the original (a ``javascript:`` URL must never become a link)."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


@router.get("/articles/{article_id:path}", name="page_article")
def page_article(request: Request, article_id: Annotated[str, Path(max_length=1024)]):
    found = queries.get_article(request.app.state.store, article_id)
    if found is None:
        raise ApiError(404, Errors.E404.format(id=article_id))
    article, events, quotes = found["article"], found["events"], found["quotes"]
    marks = [Mark("event", i, e["start"], e["end"]) for i, e in enumerate(events)]
    marks += [Mark("quote", i, q["start"], q["end"]) for i, q in enumerate(quotes)]
    labels = {f"ev-{i}": _label(e) for i, e in enumerate(events)}
    labels.update({f"q-{i}": f"quote: {q['speaker'] or 'unattributed'}" for i, q in enumerate(quotes)})
    return _render(request, "article.html", article=article, events=events, quotes=quotes,
                   segments=segments(article["raw_text"], marks), labels=labels,
                   safe_url=_safe_url(article["url"]))


@router.get("/docs", name="page_api_docs")
def page_api_docs(request: Request):
    return _render(request, "api_docs.html", openapi_url=request.app.openapi_url)
