"""JSON Lines (one article per line) and single-article ``.json`` files.

A bad line is reported as a ReadProblem with its 1-based line number and the rest of the file is
read on. Blank lines are skipped. A line longer than ``max_record_bytes`` is skipped without being
held in memory. Article origins are ``"path:LINE"``.

A ``.json`` file holds one article object; an array of article objects is accepted too (each
item's origin is ``"path#N"``, N from 1), and a ``.json`` file that turns out to be JSON Lines is
read as such.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from heron.ingest.decode import SNIFF_BYTES, Undecodable, binary_reason, decode_bytes
from heron.ingest.fields import record_to_article
from heron.ingest.files import read_text, too_large, unreadable
from heron.records import Article, ReadProblem

_CHUNK = 1 << 20


class _TooLarge:
    __slots__ = ("size",)

    def __init__(self, size: int) -> None:
        self.size = size


def byte_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | _TooLarge]]:
    """Numbered lines of a binary stream; a line over ``limit`` bytes comes as ``_TooLarge``."""
    lineno = 0
    while True:
        chunk = handle.readline(limit + 3)  # room for the line end itself
        if not chunk:
            return
        lineno += 1
        content = chunk.rstrip(b"\r\n")
        if len(content) <= limit:
            yield lineno, content
            continue
        size = len(content)
        while not chunk.endswith(b"\n"):  # skip the rest of the long line, a chunk at a time
            chunk = handle.readline(_CHUNK)
            if not chunk:
                break
            size += len(chunk.rstrip(b"\r\n"))
        yield lineno, _TooLarge(size)


def text_lines(lines: Iterable[str], limit: int) -> Iterator[tuple[int, str | _TooLarge]]:
    """Numbered lines of already-decoded text, with the same size rule as ``byte_lines``."""
    for lineno, line in enumerate(lines, 1):
        content = line.rstrip("\r\n")
        size = len(content.encode("utf-8", "surrogatepass"))
        yield lineno, (_TooLarge(size) if size > limit else content)


def records(
    lines: Iterable[tuple[int, bytes | str | _TooLarge]], origin: str, limit: int
) -> Iterator[Article | ReadProblem]:
    """Articles and problems from numbered JSONL lines."""
    for lineno, payload in lines:
        if isinstance(payload, _TooLarge):
            yield too_large(origin, lineno, payload.size, limit, what="line")
            continue
        if isinstance(payload, bytes):
            try:
                payload = decode_bytes(payload, first_line=lineno)
            except Undecodable as err:
                yield ReadProblem(origin, lineno, "undecodable", err.detail())
                continue
        if lineno == 1:
            payload = payload.lstrip("\ufeff")
        if not payload.strip():
            continue
        try:
            obj = json.loads(payload)
        except json.JSONDecodeError as err:
            yield ReadProblem(origin, lineno, "invalid-json", f"{err.msg} (column {err.colno})")
            continue
        except RecursionError:
            yield ReadProblem(origin, lineno, "invalid-json", "nested too deeply")
            continue
        yield record_to_article(
            obj, origin=origin, line=lineno, article_origin=f"{origin}:{lineno}"
        )


def read_jsonl_file(path: Path, origin: str, limit: int) -> Iterator[Article | ReadProblem]:
    """Read a ``.jsonl`` file line by line."""
    try:
        handle = open(path, "rb")
    except OSError as err:
        yield unreadable(origin, err)
        return
    with handle:
        try:
            head = handle.read(SNIFF_BYTES)
            handle.seek(0)
        except OSError as err:
            yield unreadable(origin, err)
            return
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            stream = io.TextIOWrapper(handle, encoding="utf-16", newline="")
            try:
                yield from records(text_lines(stream, limit), origin, limit)
            except UnicodeDecodeError as err:
                yield ReadProblem(origin, None, "undecodable", f"not valid UTF-16: {err.reason}")
            return
        why = binary_reason(head)
        if why:
            yield ReadProblem(origin, None, "binary-file", why)
            return
        try:
            yield from records(byte_lines(handle, limit), origin, limit)
        except OSError as err:
            yield unreadable(origin, err)


def read_json_file(path: Path, origin: str, limit: int) -> Iterator[Article | ReadProblem]:
    """Read a ``.json`` file: one article object (or an array of them)."""
    raw = read_text(path, origin, limit)
    if isinstance(raw, ReadProblem):
        yield raw
        return
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # several JSON values: JSON Lines under a .json name
            yield from records(text_lines(raw.split("\n"), limit), origin, limit)
        else:
            yield ReadProblem(origin, err.lineno, "invalid-json", f"{err.msg} (column {err.colno})")
        return
    except RecursionError:
        yield ReadProblem(origin, None, "invalid-json", "nested too deeply")
        return
    if isinstance(obj, list):
        for number, item in enumerate(obj, 1):
            found = record_to_article(
                item, origin=origin, line=None, article_origin=f"{origin}#{number}"
            )
            if isinstance(found, ReadProblem):
                found = ReadProblem(
                    found.origin, None, found.reason, f"item {number}: {found.detail}"
                )
            yield found
        return
    yield record_to_article(obj, origin=origin, line=None, article_origin=origin)
