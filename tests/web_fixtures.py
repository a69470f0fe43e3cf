"""A store for the API and UI tests, built by code from the gold fixtures (once per session).

The articles are the gold dev texts; their events and quotes are the gold
annotations, placed at the offsets where their evidence occurs in the text. This
tests what the web layer shows for a known store, independently of how good the
extractors are at the time; ``test_api_submit.py`` runs the real pipeline end to end.
An extra article carries script and event-handler markup to check that nothing runs.
"""

from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path

from eventwire.config import load_config
from eventwire.events.cameo import cameo_info
from eventwire.ingest import make_article
from eventwire.store import Store
from eventwire.types import Actor, Analysis, Event, Quote

GOLD = Path(__file__).parent / "fixtures" / "gold"
OUTLETS = ("wire-a.example", "wire-b.example")
XSS_ID = "xss-test"
XSS_TEXT = (
    'Police said <script>window.__xss = 1; document.title = "pwned"</script> nothing happened.\n\n'
    'Russia attacked <img src=x onerror="window.__xss = 2"> Ukraine on Monday, '
    'officials said. "<b onmouseover=alert(1)>Stop</b>," said the mayor &amp; <iframe src="javascript:alert(3)">.'
)


def _actor(code: str | None, text: str, start: int) -> Actor | None:
    if not code:
        return None
    return Actor(code=code, name=code, kind="state" if len(code) == 3 else "org", text=code, start=start,
                 end=start, reason="test fixture")


def _events(g: dict, raw: str) -> list[Event]:
    out = []
    for e in g["events"]:
        start = raw.find(e["evidence"])
        info = cameo_info(e["cameo"])
        if start < 0 or info is None:
            continue
        end = start + len(e["evidence"])
        date = e.get("date")
        out.append(Event(
            source=_actor(e.get("source"), raw, start), target=_actor(e.get("target"), raw, start),
            cameo=info.code, root=info.root, quad_class=info.quad_class, goldstein=info.goldstein,
            plover_type=info.plover_type, plover_mode=info.plover_mode, plover_context=info.plover_context,
            date=date, date_precision={10: "day", 7: "month", 4: "year"}.get(len(date or "")),
            evidence=raw[start:end], start=start, end=end, confidence=0.9))
    return out


def _quotes(g: dict, raw: str) -> list[Quote]:
    out = []
    for q in g["quotes"]:
        start = raw.find(q["text"])
        if start < 0:
            continue
        out.append(Quote(text=q["text"], kind=q["kind"], speaker=q.get("speaker"),
                         speaker_actor=q.get("speaker_actor"), speaker_type=q.get("speaker_type"), cue="say",
                         start=start, end=start + len(q["text"])))
    return out


def _actors_of(events: list[Event]) -> tuple[Actor, ...]:
    found = {}
    for e in events:
        for actor in (e.source, e.target):
            if actor is not None:
                found.setdefault(actor.code, actor)
    return tuple(found.values())


def gold_analyses() -> list[Analysis]:
    """One Analysis per gold file (outlets alternate), plus the XSS article."""
    config = load_config(None)
    result = []
    for i, path in enumerate(sorted(GOLD.glob("*.json"))):
        g = json.loads(path.read_text(encoding="utf-8"))
        title = g["text"].strip().splitlines()[0][:120]
        article = make_article(g["text"], config=config, id=g["id"], published=g.get("published"),
                               title=title, site=OUTLETS[i % 2], url=f"https://{OUTLETS[i % 2]}/{g['id']}")
        raw = article.raw_text
        events = _events(g, raw)
        result.append(Analysis(article=article, actors=_actors_of(events), events=tuple(events),
                               quotes=tuple(_quotes(g, raw))))
    return [*result, xss_analysis(config)]


def xss_analysis(config) -> Analysis:
    article = make_article(XSS_TEXT, config=config, id=XSS_ID, published="2024-05-06",
                           title='<script>window.__xss = 4</script>"><img src=x onerror="window.__xss=5">',
                           site='<b onmouseover="window.__xss=6">evil.example</b>', url="javascript:alert(7)")
    raw = article.raw_text
    start = raw.index("Russia attacked")
    end = raw.index("on Monday") + len("on Monday")
    info = cameo_info("190")
    event = Event(source=_actor("RUS", raw, start), target=_actor("UKR", raw, start), cameo=info.code,
                  root=info.root, quad_class=info.quad_class, goldstein=info.goldstein,
                  plover_type=info.plover_type, plover_mode=None, plover_context=None, date="2024-05-06",
                  date_precision="day", evidence=raw[start:end], start=start, end=end, confidence=0.9)
    qs = raw.index("<b onmouseover")
    qe = raw.index("</b>") + len("</b>")
    quote = Quote(text=raw[qs:qe], kind="direct", speaker="the mayor", speaker_actor=None,
                  speaker_type="person", cue="say", start=qs, end=qe)
    return Analysis(article=article, events=(event,), quotes=(quote,))


@functools.cache
def gold_db_url() -> str:
    """A SQLite store holding ``gold_analyses()``, built once per process."""
    folder = Path(tempfile.mkdtemp(prefix="eventwire-web-"))
    url = f"sqlite:///{folder / 'gold.db'}"
    with Store.open(url) as store:
        for analysis in gold_analyses():
            store.add(analysis)
    return url
