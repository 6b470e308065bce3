"""Killing ``heron code -v`` with SIGKILL part-way through a run, for the crash-safety tests."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass


@dataclass
class Kill:
    returncode: int
    ended_first: bool  # the run ended on its own before the kill
    tail: str  # its last log lines


def kill_after_commits(cmd: list[str], *, commits: int, delay: float, timeout_s: float,
                       env: dict[str, str] | None = None) -> Kill:
    """Start ``cmd`` in a process group of its own, wait until it has logged ``commits`` committed
    tasks (0: until it starts coding) and then ``delay`` seconds, and SIGKILL the group (the driver
    and its workers, as on a pre-empted node)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=env)
    guard = threading.Timer(timeout_s, lambda: os.killpg(proc.pid, signal.SIGKILL))
    guard.start()
    lines: list[str] = []
    ended_first = True
    try:
        seen = 0
        for line in proc.stderr:
            lines.append(line)
            seen += "committed task" in line
            if ("to code (run" in line and commits == 0) or (commits and seen >= commits):
                ended_first = False
                break
        time.sleep(delay)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    finally:
        guard.cancel()
        proc.stderr.close()
    return Kill(proc.returncode, ended_first, "".join(lines[-30:]))
