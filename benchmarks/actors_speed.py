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
from eventwire.nlp.pipeline import _load_model, load_pipeline

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gold"


def _time(nlp, texts, *, disable=()):
    start = time.perf_counter()
    with nlp.select_pipes(disable=list(disable)):
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=10, help="how many copies of the dev texts (default 10)")
    args = ap.parse_args()
    texts = [json.loads(p.read_text())["text"] for p in sorted(GOLD.glob("*.json"))] * args.repeat
    config = load_config(None)
    bare = _load_model(config.get("nlp", "model"))
    full = load_pipeline(config)
    _time(bare, texts[:5]), _time(full, texts[:5])  # warm up
    later = ["eventwire_events", "eventwire_quotes"]
    t_bare = min(_time(bare, texts) for _ in range(2))
    t_actors = min(_time(full, texts, disable=later) for _ in range(2))
    print(f"texts: {len(texts)}  bare spaCy: {t_bare:.2f} s  with actor stage: {t_actors:.2f} s")
    print(f"actor stage overhead: {t_actors / t_bare - 1:+.1%} (target <= +15%)")


if __name__ == "__main__":
    main()
