"""Resolve relative date expressions ("on Monday", "last November", "the day before") against
the publication date, keeping the precision the text gives (day, month or year).

Rules (see docs/dates.md and the gold guidelines):

- a weekday ("on Monday", "late on Friday", "this Wednesday") is the most recent such day on
  or before the publication date;
- "yesterday" / "today" / "tomorrow" shift from publication; "the day before", "the previous
  day", "earlier that day" shift from the previous date mentioned (``anchor``);
- a month ("in March", "last November", "March") is the most recent such month on or before
  publication (precision month); "last month" / "this month" likewise;
- "last year" / "this year" / "earlier this year" / "in 2019" give a year, "earlier this
  month" the month;
- explicit dates ("Jan. 30", "30 January", "March 20, 2023") are read with the publication
  year when none is given, moved back a year when that would fall after publication;
- loose phrases ("recently", "last week", "in recent days", "for years") give None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_LOOSE = re.compile(
    r"\b(recent(ly)?|last week|this week|next week|past week|weeks?|days ago|coming days|"
    r"years ago|decades?|months ago|the past|future|soon|later this|next month|next year)\b"
)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A resolved date: ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    value: str
    precision: str  # day | month | year

    def as_date(self) -> dt.date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])


def _day(d: dt.date) -> ResolvedDate:
    return ResolvedDate(d.isoformat(), "day")


def _month(year: int, month: int) -> ResolvedDate:
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def parse_published(published: str | None) -> dt.date | None:
    """The publication date as a ``date`` (None when missing or unreadable)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _explicit(text: str, pub: dt.date | None) -> ResolvedDate | None:
    m = re.search(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", text)
    day_first = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?\b(?:,?\s+(\d{{4}}))?", text)
    if m:
        month, day, year = MONTHS[m.group(1)], int(m.group(2)), m.group(3)
    elif day_first:
        month, day, year = MONTHS[day_first.group(2)], int(day_first.group(1)), day_first.group(3)
    else:
        return None
    if year is None:
        if pub is None:
            return None
        y = pub.year
        try:
            if dt.date(y, month, day) > pub:
                y -= 1
            return _day(dt.date(y, month, day))
        except ValueError:
            return None
    try:
        return _day(dt.date(int(year), month, day))
    except ValueError:
        return None


def _month_only(text: str, pub: dt.date | None, month_may: bool = False) -> ResolvedDate | None:
    m = re.search(rf"\b({_MONTH_RE})\b\.?(?:\s+(?:of\s+)?(\d{{4}}))?", text)
    may_ok = month_may or re.search(r"\b(in|last|early|late|mid|since|of|this)\s+may\b", text)
    if not m or (m.group(1) == "may" and not may_ok):
        return None
    month = MONTHS[m.group(1)]
    if m.group(2):
        return _month(int(m.group(2)), month)
    if pub is None:
        return None
    year = pub.year
    if "next" in text:
        return None
    if month > pub.month or ("last" in text and month == pub.month):
        year -= 1
    return _month(year, month)


# "Shortly afterwards", "within hours", "minutes later": the same day as the date before.
_SOON_AFTER = re.compile(r"\b((shortly|soon|immediately) )?afterwards?\b|\bwithin (hours|minutes)\b|"
                         r"\b(hours|minutes|moments) (later|after)\b")


def resolve(text: str, published: str | None, anchor: ResolvedDate | None = None) -> ResolvedDate | None:
    """Resolve one date expression.

    Args:
        text: the expression as written ("on Monday", "last November", "Jan. 30").
        published: the publication date (ISO) or None.
        anchor: the previous date mentioned, for "the day before" / "earlier that day".

    Returns:
        The resolved date with its precision, or None when the text fixes no date.
    """
    month_may = bool(re.search(r"\bMay\b", text))  # capitalised: the month, not the modal
    t = " ".join(text.lower().replace("’", "'").split())
    pub = parse_published(published)
    m = re.search(r"\b(\d{4})\b", t)
    if _LOOSE.search(t) and not re.search(rf"\b({_MONTH_RE})\b", t):
        return None
    explicit = _explicit(t, pub)
    if explicit:
        return explicit
    if re.search(r"\b(the )?(day before|previous day|day earlier|eve)\b", t):
        return _day(anchor.as_date() - dt.timedelta(days=1)) if anchor and anchor.precision == "day" else None
    if re.search(r"\b(earlier|later) that day|that day|the same day\b", t) or _SOON_AFTER.search(t):
        return anchor if anchor and anchor.precision == "day" else None
    if re.search(r"\b(the )?(day after|next day|following day)\b", t):
        return _day(anchor.as_date() + dt.timedelta(days=1)) if anchor and anchor.precision == "day" else None
    if pub is None:
        return ResolvedDate(m.group(1), "year") if m and not re.search(r"\d{4}s", t) else None
    for word, shift in (("yesterday", -1), ("today", 0), ("tonight", 0), ("tomorrow", 1)):
        if re.search(rf"\b{word}\b", t):
            return _day(pub + dt.timedelta(days=shift))
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", t):
            back = (pub.weekday() - i) % 7
            if "next" in t:
                return _day(pub + dt.timedelta(days=(i - pub.weekday()) % 7 or 7))
            if "last" in t and back == 0:
                back = 7
            return _day(pub - dt.timedelta(days=back))
    if re.search(r"\bweekend\b", t) and not re.search(r"\bnext\b", t):
        # "over the weekend": the Saturday of the latest weekend up to the publication day
        return _day(pub - dt.timedelta(days=(pub.weekday() - 5) % 7))
    if re.search(r"\blast month\b", t):
        first = pub.replace(day=1) - dt.timedelta(days=1)
        return _month(first.year, first.month)
    if re.search(r"\b(this month|earlier this month|early this month)\b", t):
        return _month(pub.year, pub.month)
    month = _month_only(t, pub, month_may)
    if month:
        return month
    if re.search(r"\blast year\b", t):
        return ResolvedDate(str(pub.year - 1), "year")
    if re.search(r"\b(this year|earlier this year)\b", t):
        return ResolvedDate(str(pub.year), "year")
    if m and not re.search(r"\d{4}s", t) and not re.search(r"\bsince\b", t):
        return ResolvedDate(m.group(1), "year")
    return None
