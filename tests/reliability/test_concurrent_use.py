"""Concurrent use (issue 15.3): a store that another process is writing.

A real `heron code -` is started on a store and kept writing (its standard input held open: it
has opened the store and waits for the rest of its input). Meanwhile a second `heron code` and
every query command on the same file, each in its own process, must fail at once with exit status
2 and one message that names the writer's process id and says what to do, never a traceback.
DuckDB does not let another process open a file that one process has open for writing, not even
read-only, so there is no snapshot to query: the message says so. Once the writer has finished,
the same queries work, and the store passes the integrity check.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from heron.store import Store
from heron.store.integrity import check_integrity

ARTICLE = {"id": "c1", "published": "2021-05-02",
           "text": "Egyptian mediators met Israeli officials in Cairo on Sunday to discuss a ceasefire."}


def _heron(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "heron", *args], capture_output=True, text=True, timeout=timeout)


def _wait_for_store(db: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until the writer holds the store (its file exists and another open fails)."""
    import duckdb

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        if db.exists():
            try:
                duckdb.connect(str(db), read_only=True).close()
            except duckdb.Error as exc:
                if "lock" in str(exc).lower():
                    return
        time.sleep(0.2)
    raise AssertionError("the writer never opened the store")


def test_a_second_writer_and_queries_get_a_clear_message_while_heron_code_writes(tmp_path):
    db = tmp_path / "busy.duckdb"
    src = tmp_path / "more.txt"
    src.write_text("Turkish police detained 20 protesters in Ankara on Monday.\n", encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-m", "heron", "code", "-", "--db", str(db), "--format", "none",
                               "--quiet", "--workers", "1"],
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_store(db, writer)
        calls = [
            ("code", str(src), "--db", str(db), "--quiet", "--workers", "1"),
            ("top", "--db", str(db)),
            ("dyad", "EGY", "ISR", "--db", str(db)),
            ("export", "--db", str(db)),
            ("show", "c1", "--db", str(db)),
            ("actors", "--db", str(db)),
        ]
        for args in calls:
            result = _heron(*args)
            assert result.returncode == 2, (args, result.returncode, result.stderr[-1500:])
            message = result.stderr
            assert "Traceback" not in message, message
            assert f"process {writer.pid}" in message, message
            assert "Fix:" in message and "no read-only snapshot" in message, message
            assert "error:" in message and len(message.strip().splitlines()) == 1, message
        assert writer.poll() is None  # the writer was not disturbed
        writer.stdin.write(json.dumps(ARTICLE) + "\n")
        writer.stdin.close()
        assert writer.wait(timeout=300) == 0, writer.stderr.read()[-2000:]
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        writer.stderr.close()
    with Store(db, read_only=True) as store:
        assert check_integrity(store) == []
        assert store.count("articles") == 1
    after = _heron("export", "--db", str(db))
    assert after.returncode == 0 and "c1" in after.stdout, after.stderr


def test_a_reader_blocks_a_writer_with_the_same_clear_message(tmp_path):
    db = tmp_path / "read.duckdb"
    with Store(db):
        pass
    holder = subprocess.Popen([sys.executable, "-c", "import sys, duckdb; c = duckdb.connect(sys.argv[1], read_only=True); "
                               "print('ready', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        src = tmp_path / "a.txt"
        src.write_text("Turkish police detained 20 protesters in Ankara on Monday.\n", encoding="utf-8")
        result = _heron("code", str(src), "--db", str(db), "--quiet", "--workers", "1")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and f"process {holder.pid}" in result.stderr, result.stderr
        assert "cannot write to" in result.stderr
        # several readers at once are fine
        reader = _heron("top", "--db", str(db))
        assert reader.returncode == 0, reader.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
