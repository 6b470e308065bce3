"""Reading one shard's articles, with the same records, ids, origins and problems as ``read_inputs``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from heron.ingest.fields import record_to_article
from heron.ingest.inputs import read_file
from heron.ingest.jsonl import byte_lines, records
from heron.records import Article, ReadProblem
from heron.shards.plan import Shard, open_compressed

log = logging.getLogger(__name__)

MAX_RECORD_BYTES = 2_000_000  # read_inputs' default


def read_shard(shard: Shard, *, published: date | None = None, source: str | None = None,
               limit: int = MAX_RECORD_BYTES) -> Iterator[Article | ReadProblem]:
    """The articles and problems of one shard; ``published`` / ``source`` fill in what a record lacks."""
    for found in _read(shard, limit):
        if isinstance(found, Article):
            if found.published is None and published is not None:
                found.published = published
            if not found.source and source:
                found.source = source
        yield found


def _read(shard: Shard, limit: int) -> Iterator[Article | ReadProblem]:
    path = Path(shard.path)
    if shard.kind == "file":
        yield from read_file(path, shard.origin, limit)
    elif shard.kind == "jsonl":
        with open(path, "rb") as handle:
            handle.seek(shard.byte_start)
            lines = byte_lines(_Window(handle, shard.byte_end - shard.byte_start), limit)
            yield from records(((n + shard.first_line - 1, line) for n, line in lines), shard.origin, limit)
    elif shard.kind == "jsonl-stream":
        with open_compressed(path) as handle:
            lines = islice(byte_lines(handle, limit), shard.first_line - 1, shard.first_line - 1 + shard.n_lines)
            yield from records(lines, shard.origin, limit)
    elif shard.kind == "parquet":
        yield from _parquet(shard)
    else:
        raise ValueError(f"unknown shard kind {shard.kind!r}")


class _Window:
    """The next ``size`` bytes of a binary file, read by lines."""

    def __init__(self, handle, size: int) -> None:
        self.handle, self.left = handle, size

    def readline(self, n: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        line = self.handle.readline(self.left if n < 0 else min(n, self.left))
        self.left -= len(line)
        return line


def _parquet(shard: Shard) -> Iterator[Article | ReadProblem]:
    import pyarrow.parquet as pq

    source = pq.ParquetFile(shard.path)
    names = source.schema_arrow.names
    if "text" not in names:
        yield ReadProblem(shard.origin, None, "missing-text", f"no 'text' column (columns: {', '.join(names)})")
        return
    start, stop = shard.first_line - 1, shard.first_line - 1 + shard.n_lines
    groups, offset, first = [], 0, None  # only the row groups that hold the shard's rows
    for i in range(source.metadata.num_row_groups):
        size = source.metadata.row_group(i).num_rows
        if offset < stop and offset + size > start:
            groups.append(i)
            first = offset if first is None else first
        offset += size
    table = source.read_row_groups(groups).slice(start - (first or 0), shard.n_lines)
    for offset, row in enumerate(table.to_pylist()):
        number = start + offset + 1
        yield record_to_article(_plain(row), origin=shard.origin, line=number,
                                article_origin=f"{shard.origin}#{number}")


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as a JSONL record would read: dates as ISO strings."""
    return {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in row.items()}
