"""Opening a DuckDB file, with errors that say what went wrong and what to do.

DuckDB lets one process write a database file at a time, and no other process may even read it
meanwhile. When the file is locked, the message names the process holding it (when DuckDB says)
and how to proceed, instead of DuckDB's IO error and a traceback.
"""

from __future__ import annotations

import re

import duckdb

from heron.errors import StoreError

_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)(?: by user (?P<user>[^.\s]+))?")


def connect(path: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``; a StoreError naming the holder when another process has it open."""
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(describe_open_error(path, exc, read_only=read_only)) from exc


def describe_open_error(path: str, exc: BaseException, *, read_only: bool) -> str:
    """The user's message for a failed open: a lock held by another process, or a damaged file."""
    text = str(exc)
    if "lock" in text.lower():
        holder = _HOLDER.search(text)
        who = "another process"
        if holder:
            who = f"process {holder['pid']} ({holder['program']}"
            who += f", user {holder['user']})" if holder["user"] else ")"
        wanted = "read" if read_only else "write to"
        return (
            f"cannot {wanted} {path}: it is open in {who}, and DuckDB allows only one process to use "
            f"a database file while it is being written. Fix: wait for that process (e.g. a running "
            f"`heron code`) to finish, or stop it, then retry; to work in parallel, code into another "
            f"file with --db, or query a copy made once the writer has finished."
        )
    return (
        f"cannot open {path}: {text}. Fix: check that it is a Heron (DuckDB) database file; "
        f"if it is damaged, re-code your inputs into a new --db file."
    )
