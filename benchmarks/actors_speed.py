#!/usr/bin/env python3
"""How much the actor stage (entity ruler + resolution + coreference) adds to bare spaCy.

Runs the same texts through the bare English model and through the model plus
eventwire's actor stage, in the same process, and prints the ratio. Target
(issue 3): the actor stage adds at most 15% to bare spaCy time.

Usage: benchmarks/actors_speed.py [--repeat N]
Texts: the dev gold articles in tests/fixtures/gold (committed with the repo).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.config import load_config
from eventwire.nlp.pipeline import load_pipeline

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gold"


ACTOR_STAGE = ("eventwire_entity_ruler", "eventwire_actors")


def _time_bare(nlp, texts):
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    return time.perf_counter() - start, docs


def _time_actor_stage(full, docs):
    """The actor stage alone, applied to docs the bare model already parsed."""
    components = [full.get_pipe(name) for name in ACTOR_STAGE]
    start = time.perf_counter()
    for doc in docs:
        for component in components:
            doc = component(doc)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=10, help="how many copies of the dev texts (default 10)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds (default 3)")
    args = ap.parse_args()
    texts = [json.loads(p.read_text())["text"] for p in sorted(GOLD.glob("*.json"))] * args.repeat
    config = load_config(None)
    full = load_pipeline(config)
    bare_names = [n for n in full.pipe_names if not n.startswith("eventwire_") or n == "eventwire_paragraphs"]
    # Rounds interleave the two measurements and keep each one's fastest, so a busy
    # machine (other processes on the same cores) skews both alike.
    t_bare, t_actors = float("inf"), float("inf")
    for _ in range(args.rounds):
        with full.select_pipes(enable=bare_names):
            elapsed, docs = _time_bare(full, texts)
        t_bare = min(t_bare, elapsed)
        t_actors = min(t_actors, _time_actor_stage(full, docs))
    print(f"texts: {len(texts)}  bare spaCy nlp.pipe: {t_bare:.2f} s  actor stage alone: {t_actors:.2f} s")
    print(f"actor stage overhead: {t_actors / t_bare:+.1%} of bare spaCy time (target <= +15%)")


if __name__ == "__main__":
    main()
