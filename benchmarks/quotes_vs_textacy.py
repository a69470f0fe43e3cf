#!/usr/bin/env python3
"""eventwire's quote finder beside textacy's direct-quotation extractor, on the dev gold.

Both run on the same spaCy Docs (eventwire's pipeline: the English model plus the
actors stage), and both are scored with the project's quote scorer (word-overlap
matching, then speaker). textacy (``textacy.extract.triples.direct_quotations``) finds
direct quotes only; it is shown twice:

* ``textacy``: the speaker as textacy returns it (the speaker tokens' text, "he");
* ``textacy+actors``: the same quotes with the speaker token resolved through
  eventwire's actors stage (full name and actor code), so the comparison is on finding
  quotes and not on coreference.

Usage: benchmarks/quotes_vs_textacy.py [--gold DIR] [--verbose]
Gold: ../shared/benchmarks/gold/dev next to the repository when present, else the copy
in tests/fixtures/gold. textacy is a benchmark-only dependency: ``pip install -e ".[bench]"``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIRS = (ROOT.parent / "shared" / "benchmarks" / "gold" / "dev", ROOT / "tests" / "fixtures" / "gold")
SCORERS = (ROOT.parent / "shared" / "eval" / "score.py", ROOT / "tests" / "fixtures" / "score.py")
MARKS = "\"'“”‘’«»„ "
FAILED: set[int] = set()


def _load_scorer():
    path = next((p for p in SCORERS if p.is_file()), None)
    if path is None:
        return None
    spec = importlib.util.spec_from_file_location("eventwire_quote_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _eventwire(doc, kinds=("direct", "partial", "indirect")) -> list[dict]:
    return [
        {
            "speaker": q["speaker"],
            "speaker_actor": q["speaker_actor"],
            "text": doc.text[q["start_char"] : q["end_char"]],
        }
        for q in doc._.eventwire_quotes or []
        if q["kind"] in kinds
    ]


def _textacy(doc, direct_quotations, *, resolve: bool) -> list[dict]:
    from eventwire.actors.lookup import actor_for_token

    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on a doc with an odd number of quote marks
        FAILED.add(id(doc))
        return []
    for speaker, _cue, content in triples:
        name = " ".join(t.text for t in speaker)
        code = None
        if resolve and speaker:
            mention = actor_for_token(speaker[-1])
            if mention is not None:
                name, code = mention.get("name") or name, mention.get("code")
        out.append({"speaker": name, "speaker_actor": code, "text": content.text.strip(MARKS)})
    return out


def _summary(scorer, golds, preds) -> dict:
    tot = {"tp": 0, "fp": 0, "fn": 0, "attributed": 0}
    for g, p in zip(golds, preds):
        for k, v in scorer.score_quotes(g.get("quotes", []), p, []).items():
            tot[k] += v
    p, r, f = scorer.prf(tot["tp"], tot["fp"], tot["fn"])
    wrong = tot["tp"] - tot["attributed"]
    attributed_f1 = scorer.prf(tot["attributed"], tot["fp"] + wrong, tot["fn"] + wrong)[2]
    speaker = tot["attributed"] / tot["tp"] if tot["tp"] else 0.0
    return dict(p=p, r=r, f1=f, speaker=speaker, attributed_f1=attributed_f1, **tot)


def _table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    print(f"{'system':16} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'attr-F1':>8}   tp   fp   fn")
    for label, s in rows.items():
        print(
            f"{label:16} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['speaker']:8.3f} {s['attributed_f1']:8.3f}"
            f" {s['tp']:4d} {s['fp']:4d} {s['fn']:4d}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--gold", type=Path, help="gold folder (default: ../shared dev gold, else tests/fixtures/gold)"
    )
    args = ap.parse_args()
    gold_dir = args.gold or next((d for d in GOLD_DIRS if d.is_dir()), None)
    scorer = _load_scorer()
    if gold_dir is None or not gold_dir.is_dir() or scorer is None:
        print(
            "quotes_vs_textacy: no gold folder or scorer found (looked for ../shared and tests/fixtures); skipped."
        )
        return 0
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]

    from eventwire.nlp import load_pipeline

    nlp = load_pipeline()

    def made(gold):
        doc = nlp.make_doc(gold["text"])
        doc._.eventwire_published = gold.get("published")  # offices are resolved on this date
        return doc

    started = time.perf_counter()
    with nlp.select_pipes(disable=["eventwire_quotes"]):
        docs = list(nlp.pipe((made(g) for g in golds), batch_size=32))
    parse_s = time.perf_counter() - started
    finder = nlp.get_pipe("eventwire_quotes")
    started = time.perf_counter()
    docs = [finder(doc) for doc in docs]
    quotes_s = time.perf_counter() - started
    rows = {"eventwire": _summary(scorer, golds, [_eventwire(d) for d in docs])}

    textacy_s = None
    if importlib.util.find_spec("textacy") is None:
        print('textacy is not installed: pip install -e ".[bench]" to add it to the comparison.')
    else:
        from textacy.extract.triples import direct_quotations

        started = time.perf_counter()
        for label, resolve in (("textacy", False), ("textacy+actors", True)):
            rows[label] = _summary(
                scorer, golds, [_textacy(d, direct_quotations, resolve=resolve) for d in docs]
            )
        textacy_s = (time.perf_counter() - started) / 2

    print(f"dev gold: {gold_dir} ({len(golds)} articles)")
    print(
        f"time: pipeline before quotes {parse_s:.2f} s, quote finder {quotes_s:.2f} s ({quotes_s / parse_s:.1%})"
    )
    if textacy_s is not None:
        print(f"time: textacy direct_quotations {textacy_s:.2f} s")
    _table("all quotes (direct, partial, indirect)", rows)
    if "textacy" in rows:
        # textacy finds direct quotes only: the same systems on the gold's direct quotes alone
        direct_gold = [
            {**g, "quotes": [q for q in g.get("quotes", []) if q["kind"] == "direct"]} for g in golds
        ]
        _table(
            "direct quotes only",
            {
                "eventwire": _summary(scorer, direct_gold, [_eventwire(d, ("direct",)) for d in docs]),
                "textacy": _summary(
                    scorer, direct_gold, [_textacy(d, direct_quotations, resolve=False) for d in docs]
                ),
                "textacy+actors": _summary(
                    scorer, direct_gold, [_textacy(d, direct_quotations, resolve=True) for d in docs]
                ),
            },
        )
    if "textacy" in rows:
        best = max(rows["textacy"]["attributed_f1"], rows["textacy+actors"]["attributed_f1"])
        ratio = rows["eventwire"]["attributed_f1"] / best if best else float("inf")
        print(f"\nall quotes: eventwire attributed-F1 / best textacy: {ratio:.2f}x")
        print(
            f"textacy gave up (unbalanced quote marks) on {len(FAILED)} of {len(docs)} articles: counted as no quotes"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
