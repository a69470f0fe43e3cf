"""The Ray engine on a local Ray with 2 CPUs: a handful of articles, JSONL and Parquet in, shards and store out."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

ray = pytest.importorskip("ray", reason="the Ray engine is the optional extra eventwire[ray]")

from eventwire.engines.run import RunRequest, run

# Ray 2.60 builds its default DataContext through the setters of its own deprecated fields, so
# ray.data.DataContext.get_current() warns although we never set them. These are marks rather than
# pyproject filterwarnings entries because marks also hold under `pytest -W error`, which overrides
# the ini file's filters.
pytestmark = [
    pytest.mark.filterwarnings(f"ignore:`{field}` is deprecated:DeprecationWarning:ray.data.context")
    for field in ("use_push_based_shuffle", "use_polars", "use_arrow_tensor_v2")
]

GOLD = Path(__file__).parent / "fixtures" / "gold"


def gold(n: int, start: int = 0) -> list[dict]:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("dev-*.json"))]
    return [{"id": d["id"], "text": d["text"], "published": d["published"]} for d in docs[start:start + n]]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def write_jsonl(path: Path, rows: list[dict], bad: bool = False) -> Path:
    lines = [json.dumps(r) for r in rows] + (["{bad json"] if bad else [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.issue(8)
@pytest.mark.slow
def test_engines_ray_jsonl_and_parquet_to_shards_then_store(local_ray, config, tmp_path):
    from eventwire.store import Store

    jsonl = write_jsonl(tmp_path / "a.jsonl", gold(3), bad=True)
    table = pa.Table.from_pylist(gold(2, start=3))
    pq.write_table(table, tmp_path / "b.parquet")
    out = tmp_path / "shards"
    cfg = config.with_values(engine__chunk_size=2)

    first = run(RunRequest([str(jsonl), str(tmp_path / "b.parquet")], engine="ray", workers=2,
                           output_dir=str(out), progress=False), config=cfg)
    assert (first.done, first.failed, first.skipped) == (5, 1, 0)
    assert first.reasons == {"E006": 1}
    rows = pq.read_table(out).to_pylist()
    assert sorted(r["id"] for r in rows if r["status"] == "done") == [f"dev-00{i}" for i in range(1, 6)]
    assert all(isinstance(json.loads(r["events"]), list) for r in rows)

    # A second run: two articles done before (skipped through the shards), two new ones stored.
    again = write_jsonl(tmp_path / "c.jsonl", gold(2) + gold(2, start=5))
    with Store.open(f"sqlite:///{tmp_path / 'ew.db'}", cfg) as store:
        second = run(RunRequest([str(again)], engine="ray", workers=1, output_dir=str(out), progress=False),
                     config=cfg, store=store)
        stored = sorted(a["id"] for a in store.articles(limit=10))
    assert (second.done, second.skipped, second.failed) == (2, 2, 0)
    assert stored == ["dev-006", "dev-007"]
