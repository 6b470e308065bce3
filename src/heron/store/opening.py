"""Opening a DuckDB file, with errors that say what went wrong and what to do.

DuckDB lets one process write a database file at a time, and no other process may even read it
meanwhile: a query on a store being written cannot get a read-only snapshot of it (DuckDB's file
lock is per process), so it is refused at once rather than left to wait. When the file is locked,
the message names the process holding it (when DuckDB says) and how to proceed, instead of
DuckDB's IO error and a traceback.
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
            f"cannot {wanted} {path}: it is open in {who}. DuckDB lets one process at a time open a "
            f"database file for writing, and no other process may open it meanwhile, not even to read "
            f"(there is no read-only snapshot of a file being written; several processes may read a "
            f"file together when none writes). Fix: wait for that process (e.g. a running `heron code`) "
            f"to finish, or stop it, then retry; to work in parallel, code into another file with --db, "
            f"or query a copy made once the writer has finished (cp {path} copy.duckdb)."
        )
    return (
        f"cannot open {path}: {text}. Fix: check that it is a Heron (DuckDB) database file; "
        f"if it is damaged, re-code your inputs into a new --db file."
    )
