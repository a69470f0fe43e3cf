"""Scale benchmark (issue 8): throughput against bare spaCy, worker speedup, memory, Ray vs processes.

Prints ratios, never asserts: run it on a quiet machine for numbers that mean something.

    python benchmarks/scale_bench.py                       # 1,000 articles; RSS for 1k and 10k
    python benchmarks/scale_bench.py --articles 200 --rss-sizes 200,2000 --ray   # small, plus Ray

What it measures (articles are the gold dev articles, cycled, each with a unique
sentence so the string store meets new words as real news would):

1. bare spaCy: ``nlp.pipe`` of the model alone (no eventwire components) over the texts;
2. whole pipeline, 1 worker: ``run_local`` from a JSONL file to Parquet shards (read, clean,
   analyse, write), model already loaded; printed as a ratio to (1);
3. speedup from 1 to 2 workers, steady state (from the first result to the last, so the
   workers' model loading is left out) and wall clock (everything included);
4. ``nlp.pipe(n_process=2)`` over the full eventwire pipeline, for comparison with our pool;
5. peak RSS of the whole run (writer + largest worker) for each size in ``--rss-sizes``, each
   in a fresh process; flat means the ratio stays near 1;
6. with ``--ray``: Ray Data on a local Ray (2 CPUs) against the local engine with 2 workers.

Needs only the repository (it reads tests/fixtures/gold); no /work/shared.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"


def make_corpus(path: Path, n: int) -> Path:
    """``n`` articles as JSONL: gold texts, cycled, each with a sentence of new words."""
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            g = gold[i % len(gold)]
            text = f"{g['text']}\n\nFiled by correspondent Qorvan{i} from Velmaro{i * 7}."
            out.write(json.dumps({"id": f"{g['id']}-{i}", "text": text, "published": g["published"]}) + "\n")
    return path


def texts_of(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


class Clock:
    """A sink that notes when the first and the last result arrived."""

    def __init__(self):
        self.first = self.last = 0.0
        self.n = 0

    def write(self, result) -> None:
        now = time.perf_counter()
        self.first = self.first or now
        self.last = now
        self.n += 1

    def close(self) -> None:
        pass

    def steady_rate(self) -> float:
        return (self.n - 1) / (self.last - self.first) if self.last > self.first else 0.0


def bare_spacy(texts: list[str], config) -> float:
    from eventwire.nlp.pipeline import _load_model

    nlp = _load_model(config.get("nlp", "model"))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=int(config.get("nlp", "batch_size"))):
        pass
    return len(texts) / (time.perf_counter() - started)


def whole_pipeline(corpus: Path, out: Path, config, workers: int, analyzer=None) -> tuple[float, float, float]:
    """(wall-clock rate, steady-state rate, seconds) of run_local from JSONL to Parquet shards."""
    from eventwire.engines.run import run_local
    from eventwire.engines.sinks import ParquetShards

    clock = Clock()
    shards = ParquetShards(out, 5000)
    started = time.perf_counter()
    summary = run_local([str(corpus)], config=config, sinks=[shards, clock], workers=workers, progress=False,
                        analyzer=analyzer)
    seconds = time.perf_counter() - started
    assert summary.failed == 0, summary.failures
    return summary.done / seconds, clock.steady_rate(), seconds


def n_process_pipe(texts: list[str], config, n_process: int) -> float:
    """Articles/s of the full eventwire pipeline through spaCy's own multiprocessing (steady state)."""
    from eventwire.nlp import load_pipeline

    nlp = load_pipeline(config)
    first = last = 0.0
    for _ in nlp.pipe(texts, batch_size=int(config.get("nlp", "batch_size")), n_process=n_process):
        last = time.perf_counter()
        first = first or last
    return (len(texts) - 1) / (last - first) if last > first else 0.0


def child_rss(n: int, workers: int) -> dict[str, float]:
    """Run ``n`` articles in a fresh process; its peak RSS and its largest worker's, in MiB."""
    proc = subprocess.run(
        [sys.executable, __file__, "--_rss-child", str(n), "--workers", str(workers)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _rss_child(n: int, workers: int) -> None:
    from eventwire.config import load_config

    config = load_config()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp) / "corpus.jsonl", n)
        rate, steady, _ = whole_pipeline(corpus, Path(tmp) / "out", config, workers)
    kib = 1024.0  # ru_maxrss is in KiB on Linux
    print(json.dumps({
        "writer_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib,
        "worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kib,
        "rate": rate, "steady": steady,
    }))


def ray_vs_local(corpus: Path, tmp: Path, config, workers: int) -> tuple[float, float]:
    from eventwire.engines.ray_engine import connect, run_ray

    connect(config, address="", num_cpus=workers)
    clock = Clock()
    started = time.perf_counter()
    summary = run_ray([str(corpus)], config=config, actors=workers, write=clock.write)
    wall = summary.done / (time.perf_counter() - started)
    return wall, clock.steady_rate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="articles for the throughput runs")
    parser.add_argument("--rss-sizes", default="1000,10000", help="comma-separated sizes for peak RSS ('' skips)")
    parser.add_argument("--workers", type=int, default=2, help="workers for the parallel runs")
    parser.add_argument("--ray", action="store_true", help="also run Ray Data on a local Ray")
    parser.add_argument("--no-n-process", action="store_true", help="skip the nlp.pipe(n_process) comparison")
    parser.add_argument("--_rss-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._rss_child:
        _rss_child(args._rss_child, args.workers)
        return
    if not GOLD.is_dir():
        print(f"scale_bench: no articles at {GOLD}; run it from an eventwire checkout. Nothing measured.")
        return

    from eventwire.analyze import Analyzer
    from eventwire.config import load_config

    config = load_config()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = make_corpus(tmp / "corpus.jsonl", args.articles)
        texts = texts_of(corpus)
        print(f"scale_bench: {args.articles} articles, {sum(map(len, texts)) / len(texts):.0f} chars each on average")

        bare = bare_spacy(texts, config)
        analyzer = Analyzer(config)
        one_wall, one_steady, _ = whole_pipeline(corpus, tmp / "o1", config, 1, analyzer)
        print(f"bare spaCy nlp.pipe:                {bare:8.1f} articles/s")
        print(f"whole pipeline, 1 worker:           {one_wall:8.1f} articles/s  "
              f"= {one_wall / bare:.2f} x bare spaCy (target >= 0.75)")

        many_wall, many_steady, many_s = whole_pipeline(corpus, tmp / "o2", config, args.workers)
        print(f"whole pipeline, {args.workers} workers:          {many_wall:8.1f} articles/s wall "
              f"({many_s:.1f} s incl. worker start), {many_steady:.1f} steady")
        print(f"speedup 1 -> {args.workers} workers: {many_steady / one_steady:.2f} x steady state, "
              f"{many_wall / one_wall:.2f} x wall clock (target >= 1.7)")

        if not args.no_n_process:
            np_rate = n_process_pipe(texts, config, args.workers)
            print(f"nlp.pipe(n_process={args.workers}), full pipeline: {np_rate:8.1f} articles/s steady "
                  f"= {np_rate / many_steady:.2f} x our pool (Docs cross processes; ours send records)")

        if args.ray:
            ray_wall, ray_steady = ray_vs_local(corpus, tmp, config, args.workers)
            print(f"Ray Data, {args.workers} actors (local Ray):    {ray_wall:8.1f} articles/s wall (incl. Ray start), "
                  f"{ray_steady:.1f} steady = {ray_steady / many_steady:.2f} x local engine steady")

    sizes = [int(s) for s in args.rss_sizes.split(",") if s.strip()]
    if sizes:
        rss = {n: child_rss(n, args.workers) for n in sizes}
        for n, r in rss.items():
            print(f"peak RSS, {n:6d} articles, {args.workers} workers: writer {r['writer_mib']:7.1f} MiB, "
                  f"largest worker {r['worker_mib']:7.1f} MiB")
        lo, hi = rss[sizes[0]], rss[sizes[-1]]
        print(f"peak RSS ratio {sizes[-1]} / {sizes[0]} articles: writer {hi['writer_mib'] / lo['writer_mib']:.2f}, "
              f"worker {hi['worker_mib'] / lo['worker_mib']:.2f} (flat = 1.0)")


if __name__ == "__main__":
    main()
