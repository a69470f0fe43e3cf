"""Response bodies of the JSON API, for the OpenAPI document (``/api/openapi.json``).

Models allow extra fields, so a store that returns more columns passes them through.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorRef(Open):
    code: str | None = Field(None, description="Actor code (ISO 3166-1 alpha-3, NATO, UN, ...).")
    name: str | None = Field(None, description="Canonical name.")
    agent: str | None = Field(None, description="Agent type / sector (GOV, MIL, ...).")


class EventOut(Open):
    id: Any = Field(None, description="Event id (one event may have several mentions).")
    cameo: str = Field(description="CAMEO code.")
    root: str | None = Field(None, description="CAMEO root (two digits).")
    quad_class: int | None = Field(None, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")
    goldstein: float | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    date: str | None = Field(None, description="ISO date at its precision.")
    date_precision: str | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    article_id: str | None = Field(None, description="Article of this mention.")
    evidence: str | None = Field(None, description="The text stating the event.")
    start: int | None = Field(None, description="Offset of the evidence in the article's raw_text.")
    end: int | None = None
    confidence: float | None = None
    reported_by: str | None = None
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None


class QuoteOut(Open):
    article_id: str | None = None
    text: str
    kind: str | None = Field(None, description="direct, partial or indirect.")
    speaker: str | None = None
    speaker_actor: str | None = None
    speaker_type: str | None = None
    cue: str | None = None
    start: int | None = Field(None, description="Offset of the quote in the article's raw_text.")
    end: int | None = None


class ArticleSummary(Open):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    snippet: str | None = Field(None, description="The start of the text, or the matched passage.")
    events: int | None = Field(None, description="Number of event mentions in the article.")
    quotes: int | None = Field(None, description="Number of quotes in the article.")


class ArticleFull(ArticleSummary):
    raw_text: str = Field(description="The text as given; event and quote offsets point into it.")
    author: str | None = None
    status: str | None = None
    error: str | None = None


class ArticleOut(BaseModel):
    ok: bool = True
    article: ArticleFull
    events: list[EventOut]
    quotes: list[QuoteOut]


class ActorOut(Open):
    code: str | None = None
    name: str | None = None
    kind: str | None = None
    events: int = Field(0, description="Events with this actor as source or target.")
    as_source: int | None = None
    as_target: int | None = None
    quotes: int | None = Field(None, description="Quotes whose speaker has this code.")


class Listing(BaseModel):
    ok: bool = True
    limit: int
    offset: int
    total: int | None = Field(None, description="Matches in all (None when not counted).")
    total_exact: bool = Field(True, description="False when `total` is a lower bound: more rows match.")


class EventList(Listing):
    items: list[EventOut]


class ArticleList(Listing):
    items: list[ArticleSummary]


class QuoteList(Listing):
    items: list[QuoteOut]


class ActorList(Listing):
    items: list[ActorOut]


class ActorDetail(BaseModel):
    ok: bool = True
    actor: ActorOut


class Node(BaseModel):
    id: str = Field(description="Actor code.")
    label: str
    events: int = Field(description="Events of this actor in the graph.")


class Edge(BaseModel):
    source: str
    target: str
    weight: int = Field(description="Events from source to target.")
    by_quad: dict[str, int] = Field(description="Events per QuadClass ('1'..'4').")
    cooperation: int = Field(description="QuadClass 1 and 2.")
    conflict: int = Field(description="QuadClass 3 and 4.")


class NetworkOut(BaseModel):
    ok: bool = True
    nodes: list[Node]
    edges: list[Edge]


class Series(BaseModel):
    key: str = Field(description="QuadClass ('1'..'4') or PLOVER type.")
    label: str
    counts: list[int] = Field(description="Events per day, aligned with `days`.")


class TimelineOut(BaseModel):
    ok: bool = True
    by: str = Field(description="quad or plover.")
    days: list[str]
    series: list[Series]


class SubmitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="An HTML page; its main text is extracted.")
    id: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD.")
    author: str | None = Field(None, max_length=500)
    site: str | None = Field(None, max_length=500, description="The outlet.")


class SubmitOut(BaseModel):
    ok: bool = True
    id: str
    stored: str = Field(description="What the store did: added, skipped (same content) or replaced.")
    events: int
    quotes: int
    error: str | None = None
    links: dict[str, str]


class Stats(Open):
    ok: bool = True
