"""The read endpoints of the JSON API (open to all; see docs/web.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from eventwire.api import models, queries
from eventwire.api.params import (
    CODE,
    DATE,
    MAX_TEXT,
    TEXT,
    EventParams,
    Page,
    check_date,
    event_params,
    page_params,
)
from eventwire.api.problems import ApiError
from eventwire.errors import Errors

router = APIRouter(prefix="/api", tags=["read"])
ERRORS = {404: {"description": "Not found (error shape)"}, 422: {"description": "Bad parameters (error shape)"}}

Filters = Annotated[EventParams, Depends(event_params)]
Paging = Annotated[Page, Depends(page_params)]
Words = Annotated[str | None, Query(max_length=MAX_TEXT, pattern=TEXT)]


def _store(request: Request):
    return request.app.state.store


@router.get("/events", response_model=models.EventList, responses=ERRORS)
def api_events(
    request: Request, f: Filters, page: Paging,
    exact_total: Annotated[bool, Query(description="Count every match (slower on big stores); by default "
                                                   f"`total` stops at {queries.COUNT_CAP:,}.")] = False,
) -> dict:
    """Events matching the filters of `eventwire query`, newest first, each with its first mention."""
    items, total, is_exact = queries.list_events(_store(request), f, page, exact=exact_total)
    return {"ok": True, "limit": page.limit, "offset": page.offset, "total": total, "total_exact": is_exact,
            "items": items}


@router.get("/articles", response_model=models.ArticleList, responses=ERRORS)
def api_articles(
    request: Request, page: Paging,
    q: Annotated[Words, Query(description="Words that must all appear (full-text search).")] = None,
    outlet: Annotated[Words, Query(description="Outlet (site), exact, any case.")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="Published on or after, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Published on or before.")] = None,
) -> dict:
    """Articles, newest first; `q` searches titles and texts (SQLite FTS5 / PostgreSQL full text)."""
    check_date("since", since)
    check_date("until", until)
    items, total = queries.search_articles(_store(request), q, outlet, since, until, page)
    return {"ok": True, "limit": page.limit, "offset": page.offset, "total": total, "items": items}


@router.get("/articles/{article_id:path}", response_model=models.ArticleOut, responses=ERRORS)
def api_article(request: Request, article_id: Annotated[str, Path(max_length=1024)]) -> dict:
    """One article: its raw text, metadata, events (one per mention) and quotes, in text order."""
    found = queries.get_article(_store(request), article_id)
    if found is None:
        raise ApiError(404, Errors.E404.format(id=article_id))
    return {"ok": True, **found}


@router.get("/actors", response_model=models.ActorList, responses=ERRORS)
def api_actors(request: Request, page: Paging,
               q: Annotated[Words, Query(description="Part of a code or name.")] = None) -> dict:
    """Actors with their event counts (as source, as target, in all) and quote counts, most active first."""
    items, total = queries.list_actors(_store(request), q, page)
    return {"ok": True, "limit": page.limit, "offset": page.offset, "total": total, "items": items}


@router.get("/actors/{code}", response_model=models.ActorDetail, responses=ERRORS)
def api_actor(request: Request, code: Annotated[str, Path(pattern=CODE)]) -> dict:
    """One actor with its counts."""
    actor = queries.get_actor(_store(request), code.upper())
    if actor is None:
        raise ApiError(404, Errors.E405.format(code=code))
    return {"ok": True, "actor": actor}


@router.get("/network", response_model=models.NetworkOut, responses=ERRORS)
def api_network(
    request: Request, f: Filters,
    min_weight: Annotated[int, Query(ge=1, le=1_000_000, description="Leave out dyads with fewer events.")] = 1,
    limit: Annotated[int, Query(ge=1, le=2000, description="At most this many dyads, heaviest first.")] = 300,
) -> dict:
    """Dyads source → target weighted by event count, split by QuadClass (`by_quad`)."""
    return queries.network(_store(request), f, min_weight, limit)


@router.get("/quotes", response_model=models.QuoteList, responses=ERRORS)
def api_quotes(
    request: Request, page: Paging,
    speaker: Annotated[Words, Query(description="Part of the speaker's name, any case.")] = None,
    actor: Annotated[str | None, Query(pattern=CODE, description="The speaker's actor code.")] = None,
    article: Annotated[str | None, Query(max_length=1024, pattern=TEXT, description="Article id.")] = None,
    q: Annotated[Words, Query(description="Words in the quote.")] = None,
) -> dict:
    """Quotes by speaker name, speaker actor code, article or words, newest articles first."""
    items, total = queries.list_quotes(_store(request), speaker, actor, article, q, page)
    return {"ok": True, "limit": page.limit, "offset": page.offset, "total": total, "items": items}


@router.get("/timeline", response_model=models.TimelineOut, responses=ERRORS)
def api_timeline(request: Request, f: Filters,
                 by: Annotated[Literal["quad", "plover"], Query(description="Split by QuadClass or PLOVER type.")]
                 = "quad") -> dict:
    """Events per day (day-precision dates), one series per QuadClass or PLOVER type."""
    return queries.timeline(_store(request), f, by)


@router.get("/stats", response_model=models.Stats)
def api_stats(request: Request) -> dict:
    """How many articles, events, mentions, quotes and actors the store holds."""
    return {"ok": True, **queries.stats(_store(request))}
