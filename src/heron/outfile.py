"""Writing a user's ``--out`` file: only at the path asked for, never through a planted symlink.

Every output file (``heron export --out``, ``heron actors --export``, ``heron dyad --plot``) is
written to a fresh temporary file in the same folder (created with ``O_EXCL``, so nothing already
there is opened) and then renamed over the path with ``os.replace``. A rename replaces a symbolic
link at the path by the new file and never writes where the link points; a reader never sees a
half-written file; a failed write leaves the old file as it was. The decision: **a symlink at the
out path is replaced, not followed** (the link's target is left untouched).

A path that is a folder is refused with a message (``InputError``), as is a missing folder.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from heron.errors import InputError


def _check(path: Path) -> Path:
    path = Path(path)
    if path.is_dir() and not path.is_symlink():
        raise InputError(f"{path} is a folder. Fix: give a file name, e.g. {path / 'out.jsonl'}.")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: there is no folder {folder}. Fix: create it first.")
    return path


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def temp_beside(path: str | Path) -> Iterator[Path]:
    """A temporary file's path in ``path``'s folder (same suffix); renamed onto ``path`` on success.

    For writers that want a file name (pyarrow, matplotlib). The temporary file is removed when
    the block raises.
    """
    path = _check(Path(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".tmp{path.suffix}", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, _umask_mode())
        os.replace(tmp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise


@contextlib.contextmanager
def open_out(path: str | Path, *, newline: str | None = "") -> Iterator[TextIO]:
    """A UTF-8 text handle whose contents land at ``path`` when the block ends without error."""
    with temp_beside(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())


def write_text(path: str | Path, text: str) -> None:
    with open_out(path) as fh:
        fh.write(text)
