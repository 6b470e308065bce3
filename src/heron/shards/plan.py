"""Splitting inputs into shards: the units a run codes, commits and can skip or resume.

Inputs are files, folders (walked like ``heron.ingest.read_inputs`` walks them: sorted, hidden
names and sidecars skipped) and globs (``'news/*.jsonl.gz'``, ``**`` for any depth). Each file is
one or more shards:

* ``.jsonl`` / ``.ndjson``: a shard per ``lines`` lines (byte ranges found in one pass; line
  numbers in origins stay the file's own);
* ``.jsonl.gz`` / ``.ndjson.gz`` / ``.jsonl.zst`` / ``.ndjson.zst``: a shard per ``lines``
  decompressed lines;
* ``.parquet``: a shard per ``lines`` rows (the ``text`` column and the JSONL keys);
* any other file (``.txt``, ``.html``, ``.json``, a UTF-16 ``.jsonl``...): one shard, read as
  ``read_inputs`` reads it, its sidecar included.

A shard's id is the SHA-1 of its file's absolute path and part number, so part *k* of a file is
the same shard on every run; its content hash is the SHA-256 of the bytes it covers (for Parquet,
of the file and the row range; for a file with a sidecar, of both), so an edited or grown part
is coded again and an unchanged one is skipped.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from heron.ingest.decode import SNIFF_BYTES, binary_reason
from heron.ingest.files import unreadable
from heron.ingest.text import SIDECAR_FOR, SIDECAR_SUFFIXES, find_sidecar
from heron.records import ReadProblem

DEFAULT_LINES = 200  # JSONL lines or Parquet rows per shard

JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSED_SUFFIXES = tuple(f"{base}{ext}" for base in JSONL_SUFFIXES for ext in (".gz", ".zst"))
PARQUET_SUFFIXES = (".parquet",)
_GLOB_CHARS = set("*?[")
_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of work: a whole file, or lines ``first_line``.. (1-based) / rows of one."""

    shard_id: str
    path: str  # absolute
    origin: str  # the path as the user named it (articles' origin)
    part: int
    kind: str  # file | jsonl | jsonl-stream | parquet
    content_hash: str
    first_line: int = 1  # first line (jsonl kinds) or row + 1 (parquet)
    n_lines: int = 0  # lines or rows covered (0 for a whole file)
    byte_start: int = 0  # jsonl only: where the range starts and ends in the file
    byte_end: int = 0

    @property
    def weight(self) -> int:
        """About how many articles it holds (for grouping small shards into one task)."""
        return max(1, self.n_lines)


@dataclass
class Plan:
    shards: list[Shard]
    problems: list[ReadProblem]


def plan_shards(inputs: Iterable[str | Path], *, lines: int = DEFAULT_LINES) -> Plan:
    """The shards of ``inputs``, in input order; inputs that cannot be read become problems."""
    if lines < 1:
        raise ValueError("lines per shard must be at least 1")
    plan = Plan([], [])
    seen: set[str] = set()
    for item in inputs:
        for path in _expand(str(item), plan.problems):
            key = str(path.resolve())
            if key in seen:  # named twice (a file and its folder, two overlapping globs)
                continue
            seen.add(key)
            try:
                plan.shards.extend(file_shards(path, origin=str(path), lines=lines))
            except OSError as err:
                plan.problems.append(unreadable(str(path), err))
    return plan


def _expand(item: str, problems: list[ReadProblem]) -> Iterator[Path]:
    path = Path(item)
    if not path.exists() and _GLOB_CHARS & set(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            problems.append(ReadProblem(item, None, "unreadable", "no file matches this pattern"))
        for match in matches:
            yield from _expand(match, problems)
        return
    try:
        is_dir = path.is_dir()
        if not is_dir:
            path.stat()
    except OSError as err:
        problems.append(unreadable(item, err))
        return
    if not is_dir:
        if not _is_sidecar_beside(path):
            yield path
        return
    n = len(problems)
    found = list(_walk(path, problems))
    if not found and len(problems) == n:
        problems.append(ReadProblem(item, None, "empty-folder", "no files to read in it"))
    yield from found


def _walk(folder: Path, problems: list[ReadProblem]) -> Iterator[Path]:
    """Files under ``folder`` in the order ``read_inputs`` reads them."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        problems.extend(unreadable(str(e.filename or root), e) for e in errors)
        errors.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        stems = {Path(n).stem for n in files if Path(n).suffix.lower() in SIDECAR_FOR}
        for name in sorted(files):
            if name.startswith(".") or (Path(name).suffix in SIDECAR_SUFFIXES and Path(name).stem in stems):
                continue
            yield Path(root) / name
    problems.extend(unreadable(str(e.filename or folder), e) for e in errors)


def _is_sidecar_beside(path: Path) -> bool:
    return path.suffix in SIDECAR_SUFFIXES and any(
        path.with_suffix(ext).is_file() for base in SIDECAR_FOR for ext in (base, base.upper()))


def shard_id(path: str, part: int) -> str:
    return hashlib.sha1(f"{path}|{part}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def file_shards(path: Path, *, origin: str, lines: int) -> list[Shard]:
    """The shards of one file."""
    name = path.name.lower()
    absolute = str(path.resolve())
    if name.endswith(COMPRESSED_SUFFIXES):
        return _stream_shards(path, absolute, origin, lines)
    if name.endswith(PARQUET_SUFFIXES):
        return _parquet_shards(path, absolute, origin, lines)
    if name.endswith(JSONL_SUFFIXES) and _plain_jsonl(path):
        return _jsonl_shards(path, absolute, origin, lines)
    digest = _file_hash(path)
    sidecar = find_sidecar(path) if path.suffix.lower() in SIDECAR_FOR else None
    if sidecar is not None:
        digest = hashlib.sha256((digest + _file_hash(sidecar)).encode()).hexdigest()
    return [Shard(shard_id(absolute, 0), absolute, origin, 0, "file", digest)]


def _file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(_BLOCK):
            h.update(block)
    return h.hexdigest()


def _plain_jsonl(path: Path) -> bool:
    """UTF-8 text (a UTF-16 or binary file is one shard, and its reader says what is wrong)."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    return not head.startswith((b"\xff\xfe", b"\xfe\xff")) and not binary_reason(head)


def _jsonl_shards(path: Path, absolute: str, origin: str, lines: int) -> list[Shard]:
    shards: list[Shard] = []
    with open(path, "rb") as handle:
        for part, (first, count, start, end, digest) in enumerate(_line_ranges(handle, lines)):
            shards.append(Shard(shard_id(absolute, part), absolute, origin, part, "jsonl", digest,
                                first_line=first, n_lines=count, byte_start=start, byte_end=end))
    return shards


def _stream_shards(path: Path, absolute: str, origin: str, lines: int) -> list[Shard]:
    with open_compressed(path) as handle:
        return [Shard(shard_id(absolute, part), absolute, origin, part, "jsonl-stream", digest,
                      first_line=first, n_lines=count)
                for part, (first, count, _start, _end, digest) in enumerate(_line_ranges(handle, lines))]


def _line_ranges(handle: IO[bytes], lines: int) -> Iterator[tuple[int, int, int, int, str]]:
    """(first line, line count, start byte, end byte, SHA-256) of each run of ``lines`` lines."""
    first, count, start, pos = 1, 0, 0, 0
    h = hashlib.sha256()
    for line in handle:
        h.update(line)
        pos += len(line)
        count += 1
        if count == lines:
            yield first, count, start, pos, h.hexdigest()
            first, count, start, h = first + count, 0, pos, hashlib.sha256()
    if count:
        yield first, count, start, pos, h.hexdigest()


def open_compressed(path: Path) -> IO[bytes]:
    """A binary stream of the decompressed bytes of a ``.gz`` or ``.zst`` file."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    try:
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True)
    except ImportError:  # pyarrow (a dependency) reads zstd too
        import pyarrow as pa

        return io.BufferedReader(pa.CompressedInputStream(pa.OSFile(str(path)), "zstd"))


def _parquet_shards(path: Path, absolute: str, origin: str, lines: int) -> list[Shard]:
    import pyarrow.parquet as pq

    rows = pq.ParquetFile(path).metadata.num_rows
    digest = _file_hash(path)
    shards = []
    for part, start in enumerate(range(0, rows, lines)):
        count = min(lines, rows - start)
        part_hash = hashlib.sha256(f"{digest}|{start}|{count}".encode()).hexdigest()
        shards.append(Shard(shard_id(absolute, part), absolute, origin, part, "parquet", part_hash,
                            first_line=start + 1, n_lines=count))
    return shards
