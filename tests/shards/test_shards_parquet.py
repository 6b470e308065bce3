"""--out-parquet: each shard's events as month-partitioned Parquet, equal to the store's events."""

from __future__ import annotations

import duckdb

from heron.shards import run_job
from heron.store import Store
from tests.shards.conftest import TEXTS, jsonl


def _parquet_events(out):
    con = duckdb.connect()
    rows = con.execute(f"SELECT * EXCLUDE (month) FROM read_parquet('{out}/events/*/*.parquet', "
                       f"hive_partitioning = true) ORDER BY ALL").fetchall()
    months = {r[0] for r in con.execute(f"SELECT DISTINCT month FROM read_parquet('{out}/events/*/*.parquet', "
                                        f"hive_partitioning = true)").fetchall()}
    return rows, months


def _store_events(db):
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT * FROM events ORDER BY ALL").fetchall()


def test_parquet_output_holds_the_stored_events_and_follows_a_recoding(tmp_path, corpus):
    db, out = tmp_path / "h.duckdb", tmp_path / "pq"
    with Store(db) as store:
        run_job([corpus], store=store, lines=3, workers=1, out_parquet=out)
    rows, months = _parquet_events(out)
    assert rows == _store_events(db) and len(rows) >= 20
    assert "2021-03" in months and "2019-07" not in months
    jsonl(corpus / "small.jsonl", [("n1", TEXTS[0])], published="2019-07-01")  # edited: fewer, older
    with Store(db) as store:
        again = run_job([corpus], store=store, lines=3, workers=1, out_parquet=out)
    assert again.article_ids == ["n1"]
    rows, months = _parquet_events(out)
    assert rows == _store_events(db)
    assert "2019-07" in months
    assert not list(out.rglob("*.tmp"))
