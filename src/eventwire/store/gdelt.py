"""Events as GDELT 2.0 event-table rows (the 61 columns of the GDELT 2.0 Event codebook, in order).

What we fill: dates, actor codes/names/country/known-group/type, IsRootEvent
(a mention in the lead paragraph), CAMEO codes, QuadClass, Goldstein,
NumMentions/NumSources/NumArticles, DATEADDED and SOURCEURL (the first
reporting article's URL, else its id). Left empty: ethnic/religion codes,
AvgTone and all geography, which eventwire does not code. SQLDATE is the first
day of the event's date window, so month- and year-precision dates become the
first of the month/year, and undated events get the day before publication
(their window start); events with no window have no SQLDATE.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import pycountry

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO] + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
_INTS = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
         "NumArticles", "DATEADDED", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"}
_FLOATS = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
           "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}
TYPES = {c: "int" if c in _INTS else "float" if c in _FLOATS else "str" for c in COLUMNS}
GROUP_KINDS = {"igo", "ngo", "group"}


@functools.cache
def _is_country(code: str) -> bool:
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def _actor(prefix: str, code: str | None, name: str | None, kind: str | None, agent: str | None) -> dict[str, Any]:
    country = code if code and (kind == "state" or _is_country(code)) else None
    return {
        f"{prefix}Code": ((code or "") + (agent or "")) or None,
        f"{prefix}Name": name,
        f"{prefix}CountryCode": country,
        f"{prefix}KnownGroupCode": code if code and kind in GROUP_KINDS else None,
        f"{prefix}Type1Code": agent,
    }


def _dates(window_start: str | None) -> dict[str, Any]:
    if not window_start:
        return {}
    day = date.fromisoformat(window_start)
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return {"SQLDATE": int(day.strftime("%Y%m%d")), "MonthYear": day.year * 100 + day.month, "Year": day.year,
            "FractionDate": round(fraction, 4)}


def row(event: dict[str, Any]) -> dict[str, Any]:
    """One GDELT-like row from an event joined with its first mention's article (``export``)."""
    out: dict[str, Any] = dict.fromkeys(COLUMNS)
    out.update(_dates(event["window_start"]))
    out.update(_actor("Actor1", event["source_code"], event["source_name"], event["source_kind"], event["source_agent"]))
    out.update(_actor("Actor2", event["target_code"], event["target_name"], event["target_kind"], event["target_agent"]))
    out.update(
        GLOBALEVENTID=event["id"], IsRootEvent=int(bool(event["is_root"])), EventCode=event["cameo"],
        EventBaseCode=event["cameo"][:3], EventRootCode=event["root"], QuadClass=event["quad_class"],
        GoldsteinScale=event["goldstein"], NumMentions=event["num_mentions"], NumSources=event["num_sources"],
        NumArticles=event["num_articles"],
        DATEADDED=int("".join(ch for ch in event["first_seen"] if ch.isdigit())[:14]),
        SOURCEURL=event["url"] or event["article_id"],
    )
    return out
