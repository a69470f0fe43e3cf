#!/usr/bin/env python3
"""Load times of the actor dictionaries, and people.yaml checked against PETRARCH's Phoenix files.

1. Times the bundled load and each Phoenix dictionary (target: a few seconds for the
   1.4 MB Phoenix.Countries.actors.txt).
2. For every role in people.yaml that started before the Phoenix files were made
   (2014-01-30), takes the middle day of the role (up to that date) and compares
   our actor code with the code Phoenix gives the same person on that day. Prints
   the agreement and each disagreement, so a wrong date or code in people.yaml
   shows up (Phoenix is stale and coarse, so not every difference is our error).

Usage: benchmarks/actors_petrarch.py [--shared PATH] [--list]
Reads ../shared (next to the repository); prints a message and exits 0 without it.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import sys
import time
from pathlib import Path

from eventwire.actors import dictionary as dictionary_module
from eventwire.actors.dictionary import ActorDictionary

ROOT = Path(__file__).resolve().parent.parent
PHOENIX_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
PHOENIX_MADE = datetime.date(2014, 1, 30)


def find_shared(given: str | None) -> Path | None:
    """../shared next to the repository (or next to a worktree folder)."""
    candidates = [Path(given)] if given else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((p for p in candidates if (p / "ontology" / "petrarch2").is_dir()), None)


def timed(label: str, load) -> ActorDictionary:
    start = time.perf_counter()
    result = load()
    print(f"{label:<40} {time.perf_counter() - start:6.2f} s  {len(result.entries):>6} entries")
    return result


def middle_day(start: datetime.date, end: datetime.date | None) -> datetime.date:
    end = min(end or PHOENIX_MADE, PHOENIX_MADE)
    return start + (end - start) / 2


def compare(ours: ActorDictionary, phoenix: ActorDictionary, show: bool) -> None:
    """Our pre-2014 role codes versus Phoenix's code for the same name and day."""
    forms = {text.upper(): key for text, key, _ in phoenix.surface_forms() if key.startswith("petrarch:")}
    checked = agree = no_code = 0
    differences = []
    for entry in ours.entries.values():
        if entry.kind != "person":
            continue
        key = next((forms[n.upper()] for n in entry.names if n.upper() in forms), None)
        if key is None:
            continue
        for role in entry.roles:
            if role.start is None or role.start >= PHOENIX_MADE:
                continue
            day = middle_day(role.start, role.end)
            theirs = phoenix.role_on(phoenix.entries[key], day)
            checked += 1
            if theirs is None:
                no_code += 1
            elif theirs.code == role.code:
                agree += 1
            else:
                differences.append((entry, role.code, role.title, day, theirs.title))
    coded = checked - no_code
    print(f"\npre-2014 roles of people.yaml found in Phoenix: {checked}")
    print(f"  Phoenix has no code for that day: {no_code}")
    if coded:
        print(f"  same actor code: {agree}/{coded} = {agree / coded:.3f}")
    for entry, code, title, day, theirs in differences if show else differences[:15]:
        print(f"  differs: {entry.name:<28} {day}  ours {code} ({title})  Phoenix {theirs}")
    if not show and len(differences) > 15:
        print(f"  ... {len(differences) - 15} more (--list shows all)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", help="path of the shared reference folder (default: ../shared)")
    parser.add_argument("--list", action="store_true", help="list every difference")
    args = parser.parse_args()
    shared = find_shared(args.shared)
    if shared is None:
        print(
            "actors_petrarch: ../shared/ontology/petrarch2 not found; "
            "nothing to measure (this is fine in a clone)."
        )
        return 0
    logging.basicConfig(level=logging.ERROR)  # the Phoenix typos are logged as warnings
    folder = shared / "ontology" / "petrarch2"
    dictionary_module._bundled.cache_clear()
    ours = timed("bundled (states, orgs, people, agents)", ActorDictionary.load)
    phoenix = None
    for name in PHOENIX_FILES:
        loaded = timed(f"+ {name}", lambda n=name: ActorDictionary.load([folder / n]))
        if name == PHOENIX_FILES[0]:
            phoenix = loaded
    all_phoenix = timed(
        "+ all three Phoenix actor files", lambda: ActorDictionary.load([folder / n for n in PHOENIX_FILES])
    )
    del phoenix
    compare(ours, all_phoenix, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
