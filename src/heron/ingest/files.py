"""Reading one whole file as text, with every failure turned into a ReadProblem."""

from __future__ import annotations

import os
from pathlib import Path

from heron.ingest.decode import SNIFF_BYTES, Undecodable, binary_reason, decode_bytes
from heron.records import ReadProblem


def unreadable(origin: str, err: OSError) -> ReadProblem:
    why = err.strerror or type(err).__name__
    if isinstance(err, FileNotFoundError):
        why = "no such file or directory"
    elif isinstance(err, PermissionError):
        why = "permission denied"
    elif isinstance(err, IsADirectoryError):
        why = "is a directory"
    return ReadProblem(origin, None, "unreadable", why)


def too_large(
    origin: str, line: int | None, size: int, limit: int, what: str = "file"
) -> ReadProblem:
    return ReadProblem(
        origin,
        line,
        "record-too-large",
        f"{what} is {size:,} bytes, over the limit of {limit:,} (max_record_bytes)",
    )


def read_bytes(path: Path, origin: str, limit: int) -> bytes | ReadProblem:
    """The bytes of ``path``, or a ReadProblem (unreadable, record-too-large, binary-file)."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                return too_large(origin, None, size, limit)
            data = handle.read(limit + 1)
    except OSError as err:
        return unreadable(origin, err)
    if len(data) > limit:  # grew while we read it, or a special file with no size
        return too_large(origin, None, len(data), limit)
    why = binary_reason(data[:SNIFF_BYTES])
    if why:
        return ReadProblem(origin, None, "binary-file", why)
    return data


def read_text(path: Path, origin: str, limit: int) -> str | ReadProblem:
    """The decoded text of ``path`` (not yet normalised), or a ReadProblem."""
    data = read_bytes(path, origin, limit)
    if isinstance(data, ReadProblem):
        return data
    return decode_or_problem(data, origin)


def decode_or_problem(data: bytes, origin: str) -> str | ReadProblem:
    try:
        return decode_bytes(data)
    except Undecodable as err:
        return ReadProblem(origin, err.line, "undecodable", err.detail())


def sniff(path: Path, origin: str) -> str | ReadProblem | None:
    """For a file of an unknown type: why it is binary, a ReadProblem if unreadable, else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as err:
        return unreadable(origin, err)
    return binary_reason(head)
