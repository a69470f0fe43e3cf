#!/usr/bin/env python3
"""HTML ingestion benchmark: eventwire's text and date beside plain trafilatura and htmldate.

Usage:
    python benchmarks/extraction_bench.py [--shared DIR (default $EVENTWIRE_SHARED or ../shared)] [--sets trafilatura,zyte,dates] [--limit N]

Data (read-only, see each README there):
    ../shared/benchmarks/extraction/trafilatura   990 pages, must / must-not snippets
    ../shared/benchmarks/extraction/scrapinghub-aeb   181 news pages, gold article bodies
    ../shared/benchmarks/dates/htmldate    1,000 pages with gold publication dates

Systems compared on the same pages, in this process:
    trafilatura      trafilatura.extract(html, url=url) with its default settings
    traf-eventwire   trafilatura.bare_extraction with eventwire's settings (no comments, no tables)
    eventwire        eventwire's HTML ingestion: the above, then eventwire's boilerplate cleaning
    htmldate         htmldate.find_date(html, url=url, original_date=True, extensive_search=True)
    eventwire-date   the ``published`` eventwire resolves (htmldate, then trafilatura, then a dateline)

Archives are unpacked into a temporary folder that is removed afterwards.
Exits 0 with a message when the shared data is missing (a user's clone has none).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import os
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scoring import shingle_counts, snippet_counts

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = Path(os.environ.get("EVENTWIRE_SHARED") or ROOT.parent / "shared")


def _progress(name: str, i: int, total: int, started: float) -> None:
    if i % 50 == 0 or i == total:
        rate = i / max(time.perf_counter() - started, 1e-9)
        print(f"\r  {name}: {i}/{total} pages ({rate:.1f}/s)", end="" if i < total else "\n", file=sys.stderr)


def _read_html(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


class Systems:
    """The extractors under comparison, with their time spent."""

    def __init__(self) -> None:
        from eventwire.config import load_config

        self.config = load_config(None)
        self.seconds = {"trafilatura": 0.0, "traf-eventwire": 0.0, "eventwire": 0.0, "htmldate": 0.0}
        self.refused: list[str] = []  # error codes of date-set pages eventwire refused

    def texts(self, data: bytes, url: str | None) -> dict[str, str]:
        """The libraries get the page's bytes (they decode it themselves); eventwire decodes as its reader does."""
        import trafilatura

        from eventwire.errors import InputError
        from eventwire.ingest.clean import clean_text
        from eventwire.ingest.decode import decode_html
        from eventwire.ingest.html import extract_html

        t0 = time.perf_counter()
        plain = trafilatura.extract(data, url=url) or ""
        t1 = time.perf_counter()
        doc = extract_html(decode_html(data, "page"), url=url)
        ours_raw = (doc.text or "") if doc is not None else ""
        t2 = time.perf_counter()
        try:
            ours = clean_text(ours_raw, one_per_line=True).text if ours_raw.strip() else ""
        except InputError:
            ours = ""
        t3 = time.perf_counter()
        self.seconds["trafilatura"] += t1 - t0
        self.seconds["traf-eventwire"] += t2 - t1
        self.seconds["eventwire"] += t3 - t1
        return {"trafilatura": plain, "traf-eventwire": ours_raw, "eventwire": ours}

    def dates(self, data: bytes, url: str | None) -> dict[str, str | None]:
        from eventwire.errors import InputError
        from eventwire.ingest.decode import decode_html
        from eventwire.ingest.html import article_from_html, html_date

        t0 = time.perf_counter()
        plain = html_date(data, url=url)
        t1 = time.perf_counter()
        try:
            ours = article_from_html(decode_html(data, "page"), config=self.config, url=url).published
        except InputError as e:
            ours = None  # the article fails as a whole, so it has no date either
            self.refused.append(str(e).split("]")[0] + "]")
        t2 = time.perf_counter()
        self.seconds["htmldate"] += t1 - t0
        self.seconds["eventwire-date"] = self.seconds.get("eventwire-date", 0.0) + t2 - t1
        return {"htmldate": plain, "eventwire-date": ours}


_UNPACKED: dict[Path, Path] = {}


def _unpack(archive: Path, into: Path) -> Path:
    """Unpack ``archive`` into ``into`` once per run; later calls reuse the first folder."""
    if archive not in _UNPACKED:
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="data")
        _UNPACKED[archive] = into
    return _UNPACKED[archive]


def bench_trafilatura(shared: Path, tmp: Path, systems: Systems, limit: int | None) -> dict[str, dict]:
    base = shared / "benchmarks/extraction/trafilatura"
    gold = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    html_dir = _unpack(base / "html.tar.xz", tmp / "traf") / "html"
    items = list(gold.items())[:limit]
    counts = {name: [0, 0, 0, 0] for name in ("trafilatura", "traf-eventwire", "eventwire")}
    worse: list[tuple[str, str]] = []
    started = time.perf_counter()
    for i, (url, entry) in enumerate(items, 1):
        path = html_dir / "cache" / entry["file"]
        path = path if path.exists() else html_dir / "eval" / entry["file"]
        texts = systems.texts(_read_html(path), url)
        per = {}
        for name, text in texts.items():
            c = snippet_counts(text, entry.get("with", []), entry.get("without", []))
            per[name] = c
            counts[name] = [a + b for a, b in zip(counts[name], c)]
        if per["eventwire"][0] < per["traf-eventwire"][0]:  # a must-have snippet lost by our cleaning
            worse.append((entry["file"], "lost text"))
        _progress("trafilatura set", i, len(items), started)
    results = {name: _snippet_scores(*c) for name, c in counts.items()}
    results["_pages"] = {"n": len(items), "worse": worse}
    return results


def _snippet_scores(tp: int, fn: int, fp: int, tn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "accuracy": (tp + tn) / max(tp + fn + fp + tn, 1)}


def bench_zyte(shared: Path, tmp: Path, systems: Systems, limit: int | None) -> dict[str, dict]:
    base = shared / "benchmarks/extraction/scrapinghub-aeb"
    gold = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    html_dir = _unpack(base / "html.tar", tmp / "zyte") / "html"
    items = list(gold.items())[:limit]
    sums = {name: [0.0, 0.0, 0.0, 0] for name in ("trafilatura", "traf-eventwire", "eventwire")}
    started = time.perf_counter()
    for i, (page_id, entry) in enumerate(items, 1):
        texts = systems.texts(_read_html(html_dir / f"{page_id}.html.gz"), entry.get("url"))
        for name, text in texts.items():
            tp, fp, fn, exact = shingle_counts(entry["articleBody"], text)
            s = sums[name]
            s[0], s[1], s[2], s[3] = s[0] + tp, s[1] + fp, s[2] + fn, s[3] + exact
        _progress("zyte set", i, len(items), started)
    results = {}
    for name, (tp, fp, fn, exact) in sums.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        results[name] = {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "accuracy": exact / max(len(items), 1),
        }
    results["_pages"] = {"n": len(items)}
    return results


def _gold_dates(base: Path) -> list[tuple[str, str, str, str]]:
    locations = json.loads((base / "file_locations.json").read_text(encoding="utf-8"))
    rows = []
    for set_name in ("eval_default.json", "eval_mediacloud_2020.json"):
        for url, entry in json.loads((base / set_name).read_text(encoding="utf-8")).items():
            date = entry.get("date")
            if not isinstance(date, str) or entry["file"] not in locations:
                continue  # 5 Media Cloud pages have no gold date (NaN)
            rows.append((set_name, url, date, locations[entry["file"]]))
    return rows


def bench_dates(shared: Path, tmp: Path, systems: Systems, limit: int | None) -> dict[str, dict]:
    base = shared / "benchmarks/dates/htmldate"
    roots = {
        "htmldate": _unpack(base / "html.tar.xz", tmp / "dates") / "html",
        "trafilatura": _unpack(shared / "benchmarks/extraction/trafilatura/html.tar.xz", tmp / "traf2")
        / "html",
    }
    rows = _gold_dates(base)[:limit]
    tallies: dict[str, dict[str, list[int]]] = {}
    missing = 0
    started = time.perf_counter()
    for i, (set_name, url, gold, location) in enumerate(rows, 1):
        archive, _, rel = location.partition(":")
        if not (roots[archive] / rel).is_file():
            missing += 1  # listed in file_locations.json but absent from the archive
            continue
        refused_before = len(systems.refused)
        found = systems.dates(_read_html(roots[archive] / rel), url)
        # "ingested": the pages eventwire takes as articles (a refused page has no date to give)
        keys = (set_name, "all") if len(systems.refused) > refused_before else (set_name, "all", "ingested")
        for name, date in found.items():
            for key in keys:
                t = tallies.setdefault(key, {}).setdefault(name, [0, 0, 0])  # pages, returned, correct
                t[0] += 1
                t[1] += date is not None
                t[2] += date is not None and date[:10] == gold
        _progress("dates", i, len(rows), started)
    if missing:
        print(
            f"  dates: {missing} page(s) listed but missing from the archives were skipped", file=sys.stderr
        )
    return {
        key: {
            name: {
                "precision": c / r if r else 0.0,
                "recall": r / n if n else 0.0,
                "accuracy": c / n if n else 0.0,
                "pages": n,
            }
            for name, (n, r, c) in per.items()
        }
        for key, per in tallies.items()
    }


def _print_table(title: str, results: dict[str, dict], baselines: tuple[str, ...], ours: str) -> None:
    print(f"\n{title}")
    print(f"  {'system':<16}{'precision':>10}{'recall':>10}{'F1':>10}{'accuracy':>10}")
    for name, r in results.items():
        if name.startswith("_"):
            continue
        print(
            f"  {name:<16}{r['precision']:>10.3f}{r['recall']:>10.3f}{r.get('f1', math.nan):>10.3f}"
            f"{r['accuracy']:>10.3f}"
        )
    key = "f1" if "f1" in results[ours] else "accuracy"
    for baseline in baselines:
        ratio = results[ours][key] / results[baseline][key] if results[baseline][key] else math.nan
        print(f"  ratio {ours}/{baseline} {key}: {ratio:.4f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument(
        "--sets", default="trafilatura,zyte,dates", help="comma-separated: trafilatura,zyte,dates"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    parser.add_argument("--json", type=Path, help="also write all numbers to this JSON file")
    args = parser.parse_args(argv)
    if not (args.shared / "benchmarks/extraction").is_dir():
        print(
            f"extraction_bench: no benchmark data at {args.shared}/benchmarks (it is not part of a clone); "
            "nothing to do."
        )
        return 0
    logging.disable(logging.WARNING)  # trafilatura and htmldate warn about many real pages
    systems = Systems()
    wanted = set(args.sets.split(","))
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        if "trafilatura" in wanted:
            out["trafilatura"] = bench_trafilatura(args.shared, Path(tmp), systems, args.limit)
            _print_table(
                f"trafilatura eval set ({out['trafilatura']['_pages']['n']} pages, snippets)",
                out["trafilatura"],
                ("trafilatura", "traf-eventwire"),
                "eventwire",
            )
            worse = out["trafilatura"]["_pages"]["worse"]
            print(
                f"  pages where eventwire's cleaning lost a must-have snippet: {len(worse)}"
                + (f" ({', '.join(f for f, _ in worse[:10])})" if worse else "")
            )
        if "zyte" in wanted:
            out["zyte"] = bench_zyte(args.shared, Path(tmp), systems, args.limit)
            _print_table(
                f"Zyte article-extraction set ({out['zyte']['_pages']['n']} pages, 4-shingles)",
                out["zyte"],
                ("trafilatura", "traf-eventwire"),
                "eventwire",
            )
        if "dates" in wanted:
            out["dates"] = bench_dates(args.shared, Path(tmp), systems, args.limit)
            refused = systems.refused
            print(
                f"\n  date-set pages eventwire refused as articles: {len(refused)} "
                f"({', '.join(sorted(set(refused)))}); they get no date"
            )
            for key, per in out["dates"].items():
                n = next(iter(per.values()))["pages"]
                _print_table(f"publication dates: {key} ({n} pages)", per, ("htmldate",), "eventwire-date")
    print("\nseconds spent:", ", ".join(f"{k} {v:.1f}" for k, v in systems.seconds.items()))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
