"""Cross-article event dedup: when two event mentions are the same event.

The rule (docs/store.md, "Dedup"):

* Two mentions can only be one event when they have the same **triple**: the
  source actor, the target actor and the CAMEO code. An actor is compared by
  its code; an actor without a code by its lower-cased name; a missing actor
  as ``-``.
* Each mention has a **date window** of whole days:
  ``day`` precision -> that day; ``month`` -> the whole month; ``year`` -> the
  whole year. An **undated** mention gets the window publication date ± 1 day
  (events are usually reported within a day of happening); an undated mention
  of an undated article has no window and only matches undated mentions of the
  same triple in the same article.
* A mention joins an existing event of its triple whose window overlaps its
  own. Among several, it prefers the event with exactly its date and
  precision, then the most precise event, then the oldest.
* When a more precise mention joins a less precise event (a day inside a
  month, a dated mention inside an undated publication window), the event takes
  the more precise date: precision only ever improves.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

# Lower is more precise. "published" = no date in the text, window from the publication date.
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "published": 3, None: 4}
# Days either side of the publication date in the window of an undated mention.
UNDATED_SLACK_DAYS = 1

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, slots=True)
class Window:
    """A mention's date window: inclusive ISO days, and how it was derived."""

    start: str | None
    end: str | None
    basis: str | None  # "day", "month", "year", "published" or None (no window)

    @property
    def rank(self) -> int:
        return PRECISION_RANK[self.basis]


def parse_window(value: str | None, precision: str | None = None) -> Window | None:
    """The window of an ISO date at day, month or year precision; None when it is not one.

    Args:
        value: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
        precision: the stated precision; when given it must agree with the form of ``value``.
    """
    if not value or not isinstance(value, str):
        return None
    value = value.strip()[:10] if _DAY.match(value.strip()[:10]) else value.strip()
    for pattern, basis in ((_DAY, "day"), (_MONTH, "month"), (_YEAR, "year")):
        m = pattern.match(value)
        if not m:
            continue
        if precision and precision != basis:
            return None
        return _window_of(tuple(int(g) for g in m.groups()), basis)
    return None


def _window_of(parts: tuple[int, ...], basis: str) -> Window | None:
    try:
        if basis == "day":
            day = date(*parts)
            return Window(day.isoformat(), day.isoformat(), basis)
        if basis == "month":
            year, month = parts
            last = calendar.monthrange(year, month)[1]
            return Window(date(year, month, 1).isoformat(), date(year, month, last).isoformat(), basis)
        (year,) = parts
        return Window(date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat(), basis)
    except ValueError:  # month 13, February 30 ...
        return None


def mention_window(event_date: str | None, precision: str | None, published: str | None) -> Window:
    """The window used to match a mention: its own date, else its article's publication date ± 1."""
    own = parse_window(event_date, precision) or parse_window(event_date)
    if own is not None:
        return own
    pub = parse_window(published, "day")
    if pub is not None and pub.start is not None:
        day = date.fromisoformat(pub.start)
        slack = timedelta(days=UNDATED_SLACK_DAYS)
        return Window((day - slack).isoformat(), (day + slack).isoformat(), "published")
    return Window(None, None, None)


def actor_key(code: str | None, name: str | None) -> str:
    """How an actor is compared: its code, else ``name:`` + its lower-cased name, else ``-``."""
    if code:
        return code
    if name:
        return "name:" + " ".join(name.lower().split())
    return "-"


def dedup_key(triple: tuple[str, str, str], window: Window, scope_article_pk: int | None) -> str:
    """The unique key of an event row: its triple, its window, and its article when it has no window.

    Two writers that create the same event at the same time collide on this key
    (a unique constraint) instead of storing it twice.
    """
    where = f"{window.basis}:{window.start}:{window.end}" if window.start else f"article:{scope_article_pk}"
    raw = "|".join((*triple, where))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def overlaps(a: Window, start: str | None, end: str | None) -> bool:
    """Whether window ``a`` overlaps the inclusive ISO-day range ``start``..``end``."""
    if a.start is None or start is None or end is None or a.end is None:
        return False
    return a.start <= end and start <= a.end
