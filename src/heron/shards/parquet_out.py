"""``--out-parquet DIR``: each shard's events also as Parquet, partitioned by the event's month.

Layout (Hive-style, so DuckDB and pyarrow read the partition column)::

    DIR/events/month=2021-03/shard-<shard id>.parquet
    DIR/events/month=unknown/shard-<shard id>.parquet      # events without a date

A shard's files are written inside the transaction that stores its rows, before the commit,
from the rows just inserted (so they carry the store's column types); each file is written to a
hidden temporary name and renamed, and a shard coded again first loses its old files. A run killed
before a shard's commit leaves it pending, and the next run writes its files again. Read them with
``SELECT * FROM read_parquet('DIR/events/*/*.parquet', hive_partitioning = true)``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def remove_shard(out: Path, shard_id: str) -> None:
    for old in (out / "events").glob(f"month=*/shard-{shard_id}.parquet"):
        old.unlink()


def write_shard_events(con, out: Path, shard_id: str, article_ids: Sequence[str]) -> int:
    """Write the stored events of one shard's articles (inside the writer's transaction)."""
    import pyarrow.parquet as pq

    remove_shard(out, shard_id)
    if not article_ids:
        return 0
    relation = con.sql("SELECT * FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
                       "ORDER BY article_id, sentence_index, event_id", params=[list(article_ids)])
    table = relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()  # DuckDB 2 / 1.x
    months = [d.strftime("%Y-%m") if d else "unknown" for d in table.column("date").to_pylist()]
    for month in sorted(set(months)):
        folder = out / "events" / f"month={month}"
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".shard-{shard_id}.parquet.tmp"
        pq.write_table(table.take([i for i, m in enumerate(months) if m == month]), tmp)
        os.replace(tmp, folder / f"shard-{shard_id}.parquet")
    return table.num_rows
