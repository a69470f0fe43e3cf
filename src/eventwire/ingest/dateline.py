"""Publication dates: normalise a given ``published`` and find a dateline in plain text.

Rules (docs/ingest.md, "Dates"):

- An input ``published`` in any common form ("2023-03-26T10:00:00Z",
  "March 26, 2023", "Sun, 26 Mar 2023 10:00:00 GMT", "26.03.2023") becomes
  ``YYYY-MM-DD``: the calendar date as written, with no time-zone shift.
  Relative dates ("yesterday") are not accepted; an ambiguous numeric date
  ("03/04/2023") is read month first, as dateparser does.
- With no ``published``, the first full date (day, month and year) in the
  article's header lines (above and including the first prose paragraph) is
  used: a date line ("March 26, 2023", "Published 22 April 2022"), a place
  dateline ("MEXICO CITY, June 6, 2018"), a byline with a date, or the start
  of the first paragraph ("SEOUL, Jan 30, 2023 (Reuters) - ...").
- A dateline without a year ("SEOUL, Jan 30 (Reuters) -") gives a date only
  when the caller knows the year (``year=``); eventwire never guesses one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from eventwire.ingest.boilerplate import is_prose

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = "(?:(?:" + "|".join(d.lower() for d in calendar.day_name) + r"),?\s+)?"
_DATE_FORMS = tuple(
    re.compile(rf"(?<![\w-]){form}(?![\d])", re.IGNORECASE)
    for form in (
        rf"{_WEEKDAY}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
        rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
        rf"{_YEAR}-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}})",
        rf"{_YEAR}/(?P<mnum>\d{{1,2}})/(?P<day>\d{{1,2}})",
    )
)
# Words that may surround a date on a line that holds nothing else.
_DATE_LINE_WORDS = re.compile(
    r"(?i)(published|updated|last updated|posted|posted on|first published|date|on|at|am|pm|gmt|utc|"
    r"[a-z]{2,4}t|\d{1,2}[:.]\d{2}(?::\d{2})?|[|,:;·•–—-]|\s)*"
)
# "SEOUL, Jan 30 (Reuters) -", "WASHINGTON (AP) —", "MEXICO CITY, June 6, 2018": capitals, an
# optional date, an optional agency in brackets, then a dash or the end of the line.
_PLACE = r"[A-Z][A-Z.'’ -]{1,40}(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
DATELINE_RE = re.compile(
    rf"^\s*(?P<place>{_PLACE}?)(?:,\s*|\s+)(?P<date>[^()\n—–-]{{3,40}}?)?\s*(?:\((?P<agency>[^)]{{1,30}})\))?"
    r"\s*(?:[—–-]+|:|$)"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A date found at the head of an article.

    Attributes:
        published: ISO date ``YYYY-MM-DD``, or None when the dateline has no year.
        line: index of the line it was found on.
        date_only: the line holds a date and nothing else worth keeping.
    """

    published: str | None
    line: int
    date_only: bool


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match[str], year: int | None = None) -> str | None:
    g = m.groupdict()
    month = _MONTHS.get((g.get("month") or "").lower().rstrip(".")) or int(g.get("mnum") or 0)
    day = int(g.get("day") or 0)
    found = int(g["year"]) if g.get("year") else year
    if not (month and day and found):
        return None
    return _iso(found, month, day)


def date_matches(text: str) -> list[re.Match[str]]:
    """Every date-like match in ``text``, in order of position."""
    found = [m for form in _DATE_FORMS for m in form.finditer(text)]
    return sorted(found, key=lambda m: (m.start(), -m.end()))


def find_date(text: str, *, year: int | None = None) -> str | None:
    """The first full date in ``text``, as ISO, or None."""
    for m in date_matches(text):
        iso = _from_match(m, year)
        if iso:
            return iso
    return None


def is_date_line(line: str) -> bool:
    """True for a line that holds only a date ("March 26, 2023", "Published 22 April 2022 10:00 GMT")."""
    matches = date_matches(line)
    m = matches[0] if matches else None
    if not m or not m.group("year"):
        return False
    rest = line[: m.start()] + " " + line[m.end() :]
    return _DATE_LINE_WORDS.fullmatch(rest) is not None


def _dateline_in(line: str, year: int | None) -> str | None:
    m = DATELINE_RE.match(line)
    if not m or not m.group("place").strip() or not (m.group("date") or m.group("agency")):
        return None
    return find_date(m.group("date") or "", year=year)


def find_dateline(lines: list[str], *, year: int | None = None, max_lines: int = 12) -> Dateline | None:
    """Find the article's date in its header lines.

    Args:
        lines: the article's lines.
        year: a year known from elsewhere, for datelines that give none.
        max_lines: how many non-empty lines to look at, at most.

    Returns:
        The first ``Dateline`` found, or None.
    """
    seen = 0
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        seen += 1
        if seen > max_lines:
            return None
        if is_prose(text):
            published = _dateline_in(text, year)
            return Dateline(published, i, False) if published else None
        if is_date_line(text):
            return Dateline(find_date(text), i, True)
        published = find_date(text, year=year) if len(text.split()) <= 14 else None
        if published:
            return Dateline(published, i, False)
    return None


def normalise_published(value: object) -> str | None:
    """An input ``published`` value as ``YYYY-MM-DD``, or None when it is not a readable date.

    ISO forms are read directly; other forms ("March 26, 2023", "Sun, 26 Mar 2023
    10:00:00 GMT") go through dateparser, which must find a day, month and year.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = find_date(text)
    if found:
        return found
    # absolute dates only: "yesterday" or a bare timestamp says nothing reliable here
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["custom-formats", "absolute-time"]}
    parsed = _dateparser()(text, settings=settings)
    return parsed.date().isoformat() if parsed else None


@functools.lru_cache(maxsize=1)
def _dateparser():
    # imported lazily: dateparser takes about a second to import
    import dateparser

    return dateparser.parse
