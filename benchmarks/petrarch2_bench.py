"""Peer benchmark: eventwire on PETRARCH2's validation suite, with the suite's own dictionaries.

Usage: .venv/bin/python benchmarks/petrarch2_bench.py [--suite DIR] [--verbose]

Runs the 279 active records of ``PETR.UnitTest.records.jsonl`` through eventwire with the
suite's actor/agent dictionaries (``[actors] dictionaries``) and its verb dictionary (as the
only verb patterns), and prints, beside PETRARCH2's stored results, records exactly right,
event P/R/F1 and dyad P/R/F1. Data: ``tests/fixtures/petrarch2`` (a copy of
``../shared/benchmarks/petrarch2``, MIT).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "tests" / "fixtures" / "petrarch2"
TARGETS = {"dyad_f1": 0.62, "exact": 90}


def _triples(items) -> set[tuple[str, str, str]]:
    return {(str(e.get("source") or ""), str(e.get("target") or ""), str(e.get("code") or "")) for e in items}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(expected: dict[str, set], actual: dict[str, set]) -> dict[str, float]:
    """Records exactly right, event and dyad precision / recall / F1 over the records."""
    exact = tp = fp = fn = dtp = dfp = dfn = 0
    for rid, gold in expected.items():
        got = actual.get(rid, set())
        exact += got == gold
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        gd, ad = {t[:2] for t in gold}, {t[:2] for t in got}
        dtp += len(ad & gd)
        dfp += len(ad - gd)
        dfn += len(gd - ad)
    p, r, f = _prf(tp, fp, fn)
    dp, dr, df = _prf(dtp, dfp, dfn)
    return {"records": len(expected), "exact": exact, "p": p, "r": r, "f1": f, "dyad_p": dp, "dyad_r": dr, "dyad_f1": df}


def load_discards(path: Path) -> re.Pattern:
    """PETRARCH discard phrases ("+" marks story-level ones; each record is one sentence here)."""
    phrases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip().lstrip("+").strip()
        if text:
            phrases.append(r"\s+".join(re.escape(w) for w in text.replace("_", " ").split()))
    return re.compile(r"\b(" + "|".join(phrases) + r")\b", re.IGNORECASE) if phrases else re.compile(r"(?!)")


def load_records(suite: Path) -> list[dict]:
    recs = [json.loads(line) for line in (suite / "PETR.UnitTest.records.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in recs if r.get("active")]


def suite_pipeline(suite: Path):
    """A pipeline whose actors use the suite's dictionaries and whose coder uses only its verbs."""
    from eventwire.config import load_config
    from eventwire.events.coder import Coder
    from eventwire.events.lexicon import Lexicon
    from eventwire.nlp import load_pipeline

    config = load_config(None)
    actors = [str(suite / "PETR.Validate.actors.txt"), str(suite / "PETR.Validate.agents.txt")]
    nlp = load_pipeline(config.with_values(actors__dictionaries=actors))
    coder = Coder(Lexicon([str(suite / "PETR.Validate.verbs.txt")], bundled=False))
    return nlp, coder


def _title_agent(mention: dict, dictionary, doc) -> str:
    """The agent of a title written before a name ("Bree President Romendacil" -> GOV)."""
    if dictionary is None or mention.get("start") is None:
        return ""
    head = doc[mention["end"] - 1]
    for child in head.children:
        if child.dep_ == "compound" and child.i < mention["start"]:
            code = dictionary.agents.get(child.lower_)
            if code:
                return code.strip("~")
    return ""


def actor_code(mention: dict | None, dictionary=None, day=None, doc=None) -> str:
    """The PETRARCH-style code of a mention: the dictionary's full code of the day
    ("ORCHOB", "MRGORC") when the mention is a dictionary entry, else code + agent."""
    if not mention:
        return ""
    agent = mention.get("agent") or (_title_agent(mention, dictionary, doc) if doc is not None else "")
    entity = mention.get("entity") or ""
    entry = dictionary.entries.get(entity) if dictionary is not None and entity.startswith("petrarch:") else None
    if entry is not None:
        role = dictionary.role_on(entry, day) if entry.roles else None
        full = role.title if role is not None else (entry.cameo or entry.code or "")
        # the dictionary's full code of the day; a bare country code takes the agent found in context
        return full + agent if len(full) == 3 else full
    return (mention.get("code") or "") + agent


def run(suite: Path = SUITE, verbose: bool = False) -> dict[str, dict[str, float]]:
    records = load_records(suite)
    nlp, coder = suite_pipeline(suite)
    expected = {r["id"]: _triples([{**e, "code": e["code"]} for e in r.get("expected_events") or []]) for r in records}
    actual: dict[str, set] = {}

    discards = load_discards(suite / "PETR.Validate.discards.txt")

    def docs():
        for r in records:
            doc = nlp.make_doc(" ".join(r["text"].split()))
            d = r.get("date") or ""
            doc._.eventwire_published = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None
            yield doc, r["id"]

    import datetime

    from eventwire.actors.component import get_dictionary

    dictionary = get_dictionary([str(suite / "PETR.Validate.actors.txt"), str(suite / "PETR.Validate.agents.txt")])
    with nlp.select_pipes(disable=["eventwire_events", "eventwire_quotes"]):
        for n, (doc, rid) in enumerate(nlp.pipe(docs(), as_tuples=True, batch_size=64), 1):
            # a discard phrase ("typhoon", "World Golf Championships") removes the story / sentence
            events = [] if discards.search(doc.text) else coder.code(doc)
            day = datetime.date.fromisoformat(doc._.eventwire_published) if doc._.eventwire_published else None
            actual[rid] = {
                (actor_code(e["source"], dictionary, day, doc), actor_code(e["target"], dictionary, day, doc), e["cameo"])
                for e in events
            }
            if n % 100 == 0:
                print(f"  {n}/{len(records)} records", file=sys.stderr)
    baseline = {}
    for line in (suite / "petrarch2-head.results.jsonl").read_text(encoding="utf-8").splitlines():
        o = json.loads(line)
        baseline[o["id"]] = _triples(o["suite_dicts"]["actual"])
    if verbose:
        for rid, want in expected.items():
            if actual.get(rid) != want:
                print(f"  {rid}: expected {sorted(want)} got {sorted(actual.get(rid, set()))}")
    return {"eventwire": score(expected, actual), "petrarch2": score(expected, baseline)}


def table(results: dict[str, dict[str, float]]) -> str:
    rows = ["system      records  exact   event P   event R  event F1   dyad P    dyad R   dyad F1"]
    for name, s in results.items():
        rows.append(
            f"{name:<11} {s['records']:>7} {s['exact']:>6}   {s['p']:.3f}     {s['r']:.3f}     {s['f1']:.3f}"
            f"     {s['dyad_p']:.3f}     {s['dyad_r']:.3f}     {s['dyad_f1']:.3f}"
        )
    ours, peer = results["eventwire"], results["petrarch2"]
    rows.append(
        f"ratios: exact {ours['exact']}/{peer['exact']} = {ours['exact'] / max(peer['exact'], 1):.2f}x "
        f"(target > {TARGETS['exact']}), dyad F1 {ours['dyad_f1']:.3f}/{peer['dyad_f1']:.3f} = "
        f"{ours['dyad_f1'] / max(peer['dyad_f1'], 1e-9):.2f}x (target > {TARGETS['dyad_f1']})"
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=SUITE)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not (args.suite / "PETR.UnitTest.records.jsonl").is_file():
        print(f"PETRARCH2 suite not found in {args.suite}; nothing to run")
        return 0
    print(table(run(args.suite, args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
