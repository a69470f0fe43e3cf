"""Query parameters shared by the API and the UI, validated once, with clear 422 messages.

The event filters are those of ``eventwire query``: ``actor``, ``source``, ``target``,
``dyad``, ``cameo``, ``root``, ``plover``, ``quad``, ``since``, ``until``, ``outlet``, ``q``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query, Request

from eventwire.api.problems import ApiError
from eventwire.errors import Errors

# Printable text only: control characters (NUL above all) never reach the database.
TEXT = r"^[^\x00-\x1f\x7f]*$"
CODE = r"^[A-Za-z0-9_.\-]{1,40}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_TEXT = 200
MAX_OFFSET = 1_000_000

Text = Annotated[str | None, Query(max_length=MAX_TEXT, pattern=TEXT)]


@dataclass(frozen=True, slots=True)
class EventParams:
    """The event filters of a request (all optional; None means no filter)."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    q: str | None = None

    def query_string(self) -> dict[str, str]:
        """The filters as query parameters (for links between pages)."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        if self.dyad:
            values["dyad"] = ",".join(self.dyad)
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


def event_params(
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, pattern=TEXT,
                                       description="Actor code, as source or target.")] = None,
    source: Annotated[str | None, Query(max_length=MAX_TEXT, pattern=TEXT, description="Source actor code.")] = None,
    target: Annotated[str | None, Query(max_length=MAX_TEXT, pattern=TEXT, description="Target actor code.")] = None,
    dyad: Annotated[str | None, Query(max_length=MAX_TEXT, pattern=r"^[^,\x00-\x1f\x7f]+,[^,\x00-\x1f\x7f]+$",
                                      description="Two actor codes 'A,B': events between A and B, either direction.")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$",
                                       description="CAMEO code or prefix (e.g. 04 or 042).")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root code (01-20).")] = None,
    plover: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z_]+$",
                                        description="PLOVER event type, e.g. CONSULT.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="Earliest event date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Latest event date, YYYY[-MM[-DD]].")] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_TEXT, pattern=TEXT, description="Outlet (site).")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, pattern=TEXT,
                                   description="Full-text search in the articles that report the event.")] = None,
) -> EventParams:
    """FastAPI dependency: the event filters of a request."""
    check_date("since", since)
    check_date("until", until)
    pair = tuple(p.strip() for p in dyad.split(",")) if dyad else None
    if pair is not None and not all(pair):
        raise ApiError(422, Errors.E401.format(detail="dyad: give two actor codes, 'A,B'"))
    return EventParams(
        actor=_blank(actor), source=_blank(source), target=_blank(target), dyad=pair,  # type: ignore[arg-type]
        cameo=cameo, root=root, plover=plover.upper() if plover else None, quad=quad,
        since=since, until=until, outlet=_blank(outlet), q=_blank(q),
    )


def first_day(value: str) -> str:
    """The first day a ``YYYY[-MM[-DD]]`` bound covers (``2023-03`` -> ``2023-03-01``)."""
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value)


def last_day(value: str) -> str:
    """The last day a ``YYYY[-MM[-DD]]`` bound covers (``2023-02`` -> ``2023-02-28``)."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def check_date(name: str, value: str | None) -> None:
    """A real calendar date (``2023-02-30`` and month 13 are 422s, not 500s)."""
    if value is None:
        return
    try:
        dt.date.fromisoformat(first_day(value))
        dt.date.fromisoformat(last_day(value))
    except ValueError:
        detail = f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
        raise ApiError(422, Errors.E401.format(detail=detail),
                       [{"loc": ["query", name], "msg": "not a calendar date", "type": "date"}]) from None


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


def page_params(
    request: Request,
    limit: Annotated[int, Query(ge=1, description="Results per page (at most `api.max_page_size`).")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Results to skip.")] = 0,
) -> Page:
    """FastAPI dependency: ``limit``/``offset``, with the configured page size limit."""
    largest = request.app.state.settings.max_page_size
    if limit > largest:
        detail = f"limit: at most {largest} results per page (api.max_page_size); page with offset"
        raise ApiError(422, Errors.E401.format(detail=detail),
                       [{"loc": ["query", "limit"], "msg": f"must be <= {largest}", "type": "less_than_equal"}])
    return Page(limit, offset)
