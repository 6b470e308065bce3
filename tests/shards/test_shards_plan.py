"""Sharding: which shards inputs become, and that a shard reads exactly what read_inputs reads."""

from __future__ import annotations

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq

from heron.ingest import read_inputs
from heron.records import Article
from heron.shards import plan_shards, read_shard
from tests.shards.conftest import TEXTS, jsonl


def _articles(items):
    return [(a.id, a.text, a.origin, a.published, a.source) for a in items if isinstance(a, Article)]


def _read_all(plan):
    return [found for shard in plan.shards for found in read_shard(shard)]


def test_a_folder_becomes_line_ranges_and_whole_files_in_reading_order(corpus):
    plan = plan_shards([corpus], lines=5)
    assert [(s.origin.rsplit("/", 1)[-1], s.kind, s.first_line, s.n_lines) for s in plan.shards] == [
        ("big.jsonl", "jsonl", 1, 5), ("big.jsonl", "jsonl", 6, 5), ("big.jsonl", "jsonl", 11, 2),
        ("small.jsonl", "jsonl", 1, 4),
        ("t0.txt", "file", 1, 0), ("t1.txt", "file", 1, 0), ("t2.txt", "file", 1, 0), ("t3.txt", "file", 1, 0),
    ]  # the hidden file and t0's sidecar are not shards
    assert not plan.problems
    assert len({s.shard_id for s in plan.shards}) == len(plan.shards)


def test_shards_read_the_same_articles_origins_and_sidecar_metadata_as_read_inputs(corpus):
    plan = plan_shards([corpus], lines=5)
    assert _articles(_read_all(plan)) == _articles(read_inputs([corpus]))
    t0 = next(a for a in _read_all(plan) if isinstance(a, Article) and a.origin.endswith("t0.txt"))
    assert t0.source == "wire" and str(t0.published) == "2021-03-05"


def test_bad_lines_keep_their_file_line_numbers_in_a_later_shard(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"id": f"m{i}", "text": TEXTS[i]}) for i in range(5)]
    lines.insert(3, "{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = plan_shards([path], lines=2)
    problems = [p for p in _read_all(plan) if not isinstance(p, Article)]
    assert [(p.line, p.reason) for p in problems] == [(4, "invalid-json")]
    origins = [a.origin for a in _read_all(plan) if isinstance(a, Article)]
    assert origins == [f"{path}:{n}" for n in (1, 2, 3, 5, 6)]


def test_content_hash_changes_only_for_the_part_that_changed(tmp_path):
    path = jsonl(tmp_path / "grow.jsonl", [(f"g{i}", TEXTS[i]) for i in range(5)])
    before = plan_shards([path], lines=2).shards
    jsonl(path, [(f"g{i}", TEXTS[i]) for i in range(7)])  # two more lines at the end
    after = plan_shards([path], lines=2).shards
    assert [s.shard_id for s in after[:3]] == [s.shard_id for s in before]
    assert [s.content_hash for s in after[:2]] == [s.content_hash for s in before[:2]]
    assert after[2].content_hash != before[2].content_hash  # the last part grew
    assert len(after) == 4


def test_compressed_jsonl_and_parquet_are_split_and_read(tmp_path):
    items = [{"id": f"c{i}", "text": TEXTS[i], "published": "2022-01-0" + str(1 + i % 9)} for i in range(7)]
    body = "".join(json.dumps(r) + "\n" for r in items).encode()
    with gzip.open(tmp_path / "a.jsonl.gz", "wb") as out:
        out.write(body)
    with pa.CompressedOutputStream(str(tmp_path / "b.jsonl.zst"), "zstd") as out:
        out.write(body)
    table = pa.table({"id": [r["id"] for r in items], "text": [r["text"] for r in items],
                      "published": pa.array([r["published"] for r in items]).cast(pa.date32())})
    pq.write_table(table, tmp_path / "c.parquet", row_group_size=3)
    for name, kind in (("a.jsonl.gz", "jsonl-stream"), ("b.jsonl.zst", "jsonl-stream"), ("c.parquet", "parquet")):
        plan = plan_shards([tmp_path / name], lines=3)
        assert [(s.kind, s.first_line, s.n_lines) for s in plan.shards] == [(kind, 1, 3), (kind, 4, 3), (kind, 7, 1)]
        got = [(a.id, a.text, str(a.published)) for a in _read_all(plan)]
        assert got == [(r["id"], r["text"], r["published"]) for r in items], name


def test_globs_expand_and_what_is_missing_or_empty_is_a_problem(tmp_path, corpus):
    (tmp_path / "empty").mkdir()
    plan = plan_shards([str(corpus / "*.jsonl"), str(tmp_path / "none*.jsonl"), tmp_path / "empty",
                        tmp_path / "absent.txt"], lines=100)
    assert [s.origin.rsplit("/", 1)[-1] for s in plan.shards] == ["big.jsonl", "small.jsonl"]
    assert [p.reason for p in plan.problems] == ["unreadable", "empty-folder", "unreadable"]


def test_a_file_named_twice_is_one_shard(corpus):
    plan = plan_shards([corpus / "t1.txt", corpus], lines=100)
    assert [s.origin.rsplit("/", 1)[-1] for s in plan.shards].count("t1.txt") == 1
