"""The built gazetteer, pickled under ``$HERON_CACHE_DIR/geo`` and loaded once per process.

The first build runs in a child process under a file lock, so that parallel workers build once.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from pathlib import Path

from heron.geo.gazetteer_build import build_gazetteer, _source_fingerprint
from heron.geo.gazetteer_index import Gazetteer

# --------------------------------------------------------------------------------------------
# cache


def cache_dir() -> Path:
    base = os.environ.get("HERON_CACHE_DIR")
    root = Path(base).expanduser() if base else Path.home() / ".cache" / "heron"
    return root / "geo"


def _cache_path() -> Path:
    return cache_dir() / f"gazetteer-{_source_fingerprint()}.pickle"


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def load_gazetteer(*, use_cache: bool = True) -> Gazetteer:
    """The gazetteer, once per process.

    The first use on a machine builds it (about 6 s) in a child process that writes the compiled
    form under the cache dir; this process then reads that (about 0.3 s, ~130 MB), so a worker
    never holds the ~500 MB the build briefly needs. Processes starting together wait on a file
    lock and one of them builds. Without a usable cache dir it is built here, in memory.
    """
    global _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
        if not use_cache:
            _loaded = _built_here()
            return _loaded
        path = _cache_path()
        gaz = _read_cache(path)
        if gaz is None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                with _file_lock(path.with_suffix(".lock")):
                    gaz = _read_cache(path)  # another process may have built it meanwhile
                    if gaz is None:
                        t0 = time.perf_counter()
                        _build_in_child(path)
                        gaz = _read_cache(path)
                        if gaz is not None:
                            gaz.stats["source"] = "built (child process)"
                            gaz.stats["first_load_s"] = round(time.perf_counter() - t0, 2)
            except OSError:
                gaz = None
        if gaz is None:  # no writable cache, or the child failed: build here
            gaz = _built_here()
            _write_cache(path, gaz)
        _loaded = gaz
        return gaz


def _built_here() -> Gazetteer:
    gaz = build_gazetteer()
    gaz.stats["source"] = "built"
    return gaz


def _read_cache(path: Path) -> Gazetteer | None:
    if not path.exists():
        return None
    t0 = time.perf_counter()
    try:
        with open(path, "rb") as f:
            cols, index, stats = pickle.load(f)
    except Exception:  # corrupt or foreign cache: rebuild
        return None
    stats = dict(stats, load_s=round(time.perf_counter() - t0, 2), source="cache")
    return Gazetteer(cols, index, stats)


def _build_in_child(path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from heron.geo.gazetteer_build import build_gazetteer; "
        "from heron.geo.gazetteer_cache import _write_cache; "
        "_write_cache(Path(sys.argv[1]), build_gazetteer())"
    )
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2])  # make sure the child imports this heron
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=False, timeout=600,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        pass


class _file_lock:
    """An exclusive advisory lock on a file (POSIX); a no-op where fcntl is missing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.f = None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:
            return self
        self.f = open(self.path, "a")
        fcntl.flock(self.f.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        if self.f is not None:
            import fcntl

            fcntl.flock(self.f.fileno(), fcntl.LOCK_UN)
            self.f.close()
        return False


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        cols = {
            "ids": gaz._ids, "names": gaz._names, "countries": gaz._countries, "admin1": gaz._admin1,
            "lat": gaz._lat, "lon": gaz._lon, "pop": gaz._pop, "feat": gaz._feat,
        }
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump((cols, gaz._index, gaz.stats), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        stale = path.parent.glob("gazetteer-*.pickle")
        for old in stale:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home is not an error: we just rebuild next time
