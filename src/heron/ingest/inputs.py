"""``read_inputs``: files, folders and standard input to a stream of Articles and ReadProblems."""

from __future__ import annotations

import codecs
import logging
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, BinaryIO, TextIO

from heron.ingest.decode import SNIFF_BYTES, binary_reason
from heron.ingest.files import decode_or_problem, sniff, too_large, unreadable
from heron.ingest.html import read_html_file
from heron.ingest.jsonl import byte_lines, read_json_file, read_jsonl_file, records, text_lines
from heron.ingest.text import SIDECAR_FOR, SIDECAR_SUFFIXES, read_text_file, text_article
from heron.records import Article, ReadProblem

log = logging.getLogger(__name__)

STDIN = "<stdin>"

READERS = {
    ".txt": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".json": read_json_file,
    ".html": read_html_file,
    ".htm": read_html_file,
}
SUPPORTED = ", ".join(sorted(READERS))
EMPTY_FOLDER = "empty-folder"

_SPOOL_IN_MEMORY = 32 * 1024 * 1024
_CHUNK = 1 << 20


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    published: date | None = None,
    source: str | None = None,
    max_record_bytes: int = 2_000_000,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article | ReadProblem]:
    """Read every input in order; yield an Article per article and a ReadProblem per failure.

    ``inputs`` are files, folders (walked recursively, in sorted order) or ``-`` for standard
    input (``stdin`` if given, else ``sys.stdin``). ``published`` and ``source`` fill in what an
    input lacks; what an input says itself wins. Nothing is raised for bad input: each problem is
    yielded and the batch goes on.
    """
    if max_record_bytes < 1:
        raise ValueError("max_record_bytes must be at least 1")
    for item in inputs:
        for found in _read_one(item, max_record_bytes, stdin):
            if isinstance(found, Article):
                if found.published is None and published is not None:
                    found.published = published
                if not found.source and source:
                    found.source = source
            else:
                log.debug("read problem: %s", found)
            yield found


def _read_one(
    item: str | Path, limit: int, stdin: TextIO | BinaryIO | None
) -> Iterator[Article | ReadProblem]:
    if str(item) == "-":
        yield from read_stdin(stdin if stdin is not None else _sys_stdin(), limit)
        return
    path = Path(item)
    origin = str(item)
    try:
        is_dir = path.is_dir()
        if not is_dir:
            path.stat()
    except OSError as err:
        yield unreadable(origin, err)
        return
    if is_dir:
        yield from read_folder(path, limit)
        return
    if _has_article_beside(path):
        log.info("%s: skipped: it is the metadata sidecar of an article beside it", origin)
        return
    yield from read_file(path, origin, limit)


def read_file(path: Path, origin: str, limit: int) -> Iterator[Article | ReadProblem]:
    """Read one file by its extension."""
    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        yield from reader(path, origin, limit)
        return
    why = sniff(path, origin)
    if isinstance(why, ReadProblem):
        yield why
    elif why:
        yield ReadProblem(origin, None, "binary-file", why)
    else:
        kind = path.suffix or "no extension"
        yield ReadProblem(
            origin, None, "unsupported-file-type", f"{kind}: Heron reads {SUPPORTED} files"
        )


def _has_article_beside(path: Path) -> bool:
    """For a file named on the command line: is it the sidecar of a file beside it?"""
    if path.suffix not in SIDECAR_SUFFIXES:
        return False
    return any(
        path.with_suffix(ext).is_file() for base in SIDECAR_FOR for ext in (base, base.upper())
    )


def _article_stems(names: Iterable[str]) -> set[str]:
    return {Path(name).stem for name in names if Path(name).suffix.lower() in SIDECAR_FOR}


def read_folder(folder: Path, limit: int) -> Iterator[Article | ReadProblem]:
    """Every file under ``folder``: a folder's files in sorted order, then its subfolders.

    Hidden files and folders (name starting with ``.``) are skipped, and so are sidecars.
    Symbolic links to folders are not followed.
    """
    errors: list[OSError] = []
    seen = 0
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        while errors:
            err = errors.pop(0)
            seen += 1
            yield unreadable(str(err.filename or root), err)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        stems = _article_stems(files)
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.suffix in SIDECAR_SUFFIXES and path.stem in stems:
                continue  # the sidecar of NAME.txt / NAME.html: read with it
            seen += 1
            yield from read_file(path, str(path), limit)
    while errors:
        err = errors.pop(0)
        seen += 1
        yield unreadable(str(err.filename or folder), err)
    if not seen:
        yield ReadProblem(str(folder), None, EMPTY_FOLDER, f"no files to read in it (Heron reads {SUPPORTED} files)")


def empty_folders(inputs: Iterable[str | Path]) -> list[str]:
    """The inputs that are folders holding no file Heron would look at (hidden ones do not count)."""
    return [str(item) for item in inputs if str(item) != "-" and Path(item).is_dir() and not _has_files(Path(item))]


def _has_files(folder: Path) -> bool:
    for _root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(not name.startswith(".") for name in files):
            return True
    return False


def _sys_stdin() -> TextIO | BinaryIO:
    return getattr(sys.stdin, "buffer", sys.stdin)


def read_stdin(stream: TextIO | BinaryIO, limit: int) -> Iterator[Article | ReadProblem]:
    """Standard input: JSON Lines if every non-blank line starts with ``{``, else one text.

    The input is spooled (to memory, then to a temporary file past 32 MB) while the rule is
    checked, so a long JSONL stream is never held in memory whole.
    """
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY, mode="w+b")
    with spool:
        try:
            all_json, any_text, size = _spool(stream, spool)
        except UnicodeDecodeError as err:
            yield ReadProblem(
                STDIN, None, "undecodable", f"standard input is not UTF-8: {err.reason}"
            )
            return
        except OSError as err:
            yield unreadable(STDIN, err)
            return
        spool.seek(0)
        if not any_text:
            yield ReadProblem(STDIN, None, "empty-text", "standard input is empty")
            return
        head = spool.read(SNIFF_BYTES)
        spool.seek(0)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield from _utf16_stdin(spool.read(), limit)
            return
        why = binary_reason(head)
        if why:
            yield ReadProblem(STDIN, None, "binary-file", why)
            return
        if all_json:
            yield from records(byte_lines(spool, limit), STDIN, limit)
            return
        if size > limit:
            yield too_large(STDIN, None, size, limit, what="standard input")
            return
        raw = decode_or_problem(spool.read(), STDIN)
        if isinstance(raw, ReadProblem):
            yield raw
            return
        yield text_article(raw, origin=STDIN)


def _utf16_stdin(data: bytes, limit: int) -> Iterator[Article | ReadProblem]:
    raw = decode_or_problem(data, STDIN)
    if isinstance(raw, ReadProblem):
        yield raw
        return
    lines = raw.split("\n")
    if all(line.lstrip().startswith("{") for line in lines if line.strip()):
        yield from records(text_lines(lines, limit), STDIN, limit)
    elif len(raw.encode("utf-8")) > limit:
        yield too_large(STDIN, None, len(raw.encode("utf-8")), limit, what="standard input")
    else:
        yield text_article(raw, origin=STDIN)


def _spool(stream: TextIO | BinaryIO, spool: IO[bytes]) -> tuple[bool, bool, int]:
    """Copy ``stream`` to ``spool`` as bytes; say whether every non-blank line starts with ``{``,
    whether there was any non-blank text, and how many bytes there were."""
    all_json = True
    any_text = False
    in_lead = True  # still in the leading whitespace of the current line
    size = 0
    first = True
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8", "surrogatepass")
        spool.write(chunk)
        size += len(chunk)
        scan = chunk
        if first:
            first = False
            for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
                if scan.startswith(bom):
                    scan = scan[len(bom) :]
                    break
        if not all_json:
            continue
        for index, piece in enumerate(scan.split(b"\n")):
            if index:
                in_lead = True
            if not in_lead:
                continue
            stripped = piece.lstrip(b" \t\r\x0b\x0c")
            if stripped:
                in_lead = False
                any_text = True
                if not stripped.startswith(b"{"):
                    all_json = False
                    break
    return all_json, any_text, size
