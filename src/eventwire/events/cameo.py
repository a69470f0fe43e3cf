"""The CAMEO code table: names, roots, QuadClass, Goldstein and PLOVER mapping.

Data: ``data/events/cameo_event_codes.tsv`` (see ``data/SOURCES.md``) plus
``data/events/plover_supplement.tsv`` for the APPEAL codes PLOVER folds into REQUEST.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("eventwire").joinpath(f"data/events/{name}").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@functools.cache
def cameo_table() -> dict[str, CameoInfo]:
    """All CAMEO codes, keyed by code ("0232")."""
    supplement = {r["code"]: r for r in _rows("plover_supplement.tsv")}
    table = {}
    for r in _rows("cameo_event_codes.tsv"):
        extra = supplement.get(r["code"], {})
        table[r["code"]] = CameoInfo(
            code=r["code"],
            name=r["name"],
            root=r["root_code"],
            quad_class=int(r["quad_class"]),
            goldstein=float(r["goldstein_gdelt"] or 0.0),
            plover_type=r["plover_event"] or extra.get("plover_event") or None,
            plover_mode=r["plover_mode"] or extra.get("plover_mode") or None,
            plover_context=r["plover_context"] or extra.get("plover_context") or None,
        )
    return table


def cameo_info(code: str) -> CameoInfo | None:
    """The table row for ``code``, or None when it is not a CAMEO code."""
    return cameo_table().get(str(code).strip())
