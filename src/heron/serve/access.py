"""The server's hold on the store: read-only cursors per request, time-bounded, and rare edits.

The store is opened once, read-only (:class:`heron.store.Store` with ``read_only=True``). Each
request reads through its own DuckDB cursor, and a timer interrupts a query that runs past
``query_timeout`` seconds. DuckDB will not open the same file read-only and writable in one
process at once, so an allowed edit (``--allow-edits``) waits for the readers in flight, closes
the read-only store, writes through a short-lived writable Store, and reopens it read-only.

The in-memory indexes a view carries (:class:`heron.query.dyad_index.DyadIndex` for dyad series,
:class:`heron.serve.event_index.EventIndex` for events pages) are built once, at start-up
(:meth:`StoreAccess.warm`) or by the first request that needs them. They hold only the events and
articles tables, which the server never writes (an edit touches ``learned_actors``), so they
outlive edits.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import duckdb

from heron.errors import HeronError, StoreError
from heron.query.dyad_index import DyadIndex, build_dyad_index
from heron.serve.event_index import EventIndex, build_event_index
from heron.serve.events import EVENT_FIELDS
from heron.store import Store

log = logging.getLogger(__name__)


class QueryTimeout(Exception):
    """A query ran past the server's time bound and was interrupted."""


class ReadView:
    """What the query functions need of a Store (``con`` and ``path``), over one request's cursor,
    and the server's in-memory indexes. The cursor is taken when a query first asks for ``con``
    (a request the indexes answer takes none)."""

    def __init__(self, con: Any = None, path: str = "", *, dyad_index: DyadIndex | None = None,
                 event_index: EventIndex | None = None, opener: Callable[[], Any] | None = None) -> None:
        self._con = con
        self._opener = opener
        self.path = path
        self.dyad_index = dyad_index
        self.event_index = event_index

    @property
    def con(self) -> Any:
        if self._con is None:
            if self._opener is None:
                raise StoreError("this view has no store connection")
            self._con = self._opener()
        return self._con


class _ReadWriteLock:
    """Many readers or one writer; a waiting writer lets no new reader in."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class _Watchdog:
    """One thread that interrupts the cursors whose time is up (a timer thread per request cost a
    thread start each)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._due: dict[int, tuple[float, Any]] = {}
        self._next = 0
        self._thread: threading.Thread | None = None

    def watch(self, cur, seconds: float) -> int:
        with self._cond:
            self._next += 1
            self._due[self._next] = (time.monotonic() + seconds, cur)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="heron-query-watchdog", daemon=True)
                self._thread.start()
            self._cond.notify()
            return self._next

    def release(self, token: int) -> bool:
        """Stop watching; False when the cursor's time was already up (it is, or is being, interrupted)."""
        with self._cond:
            return self._due.pop(token, None) is not None

    def _run(self) -> None:
        while True:
            with self._cond:
                now = time.monotonic()
                late = [k for k, (due, _) in self._due.items() if due <= now]
                curs = [self._due.pop(k)[1] for k in late]
                wait = min((due for due, _ in self._due.values()), default=now + 60) - now
                if not curs:
                    self._cond.wait(timeout=max(0.01, wait))
            for cur in curs:
                try:
                    cur.interrupt()
                except duckdb.Error:  # closed in the meantime
                    pass


class StoreAccess:
    """The one read-only Store a server holds, lent out per request."""

    def __init__(self, path: str, *, query_timeout: float = 10.0, max_concurrent: int | None = None,
                 indexes: bool = True) -> None:
        if path == ":memory:":
            raise StoreError("heron serve needs a database file, not ':memory:'. Fix: pass --db PATH.")
        self.path = path
        self.query_timeout = query_timeout
        self._lock = _ReadWriteLock()
        self._store = Store(path, read_only=True)
        self.generation = 0  # bumped by each edit, so caches know the data changed
        # Requests beyond this many wait their turn (a bound on open cursors; fewer than ~20 made
        # the 20-client benchmark slower: DuckDB overlaps concurrent scans well).
        self._slots = threading.BoundedSemaphore(max_concurrent or 32)
        self._want_indexes = indexes
        self._indexes: tuple[DyadIndex | None, EventIndex | None] | None = None
        self._index_lock = threading.Lock()
        self._watchdog = _Watchdog()
        self._idle: list[Any] = []  # cursors of the open store, kept between requests (closing one is slow)
        self._idle_lock = threading.Lock()

    def warm(self) -> None:
        """Build the in-memory indexes now (else the first request that reads does)."""
        self.indexes()

    def indexes(self) -> tuple[DyadIndex | None, EventIndex | None]:
        """The dyad and events indexes (None, None when off or the store has no events), built once."""
        if not self._want_indexes:
            return None, None
        found = self._indexes
        if found is not None:
            return found
        with self._index_lock:
            if self._indexes is None:
                with self._lock.read():
                    cur = self._store.con.cursor()
                    try:
                        started = time.perf_counter()
                        view = ReadView(con=cur, path=self.path)
                        self._indexes = (build_dyad_index(view), build_event_index(cur, EVENT_FIELDS))
                        log.info("indexed %d mentions of %s in %.1f s", len(self._indexes[1]), self.path,
                                 time.perf_counter() - started)
                    except (HeronError, duckdb.Error) as exc:  # not a Heron store: the SQL path says so
                        log.info("no indexes for %s: %s", self.path, exc)
                        self._indexes = (None, None)
                    finally:
                        cur.close()
            return self._indexes

    @contextmanager
    def reading(self) -> Iterator[ReadView]:
        """A cursor on the store for one request; its queries are interrupted past the time bound."""
        dyad_index, event_index = self.indexes()
        with self._slots, self._lock.read():
            taken: list[tuple[Any, int]] = []

            def opener() -> Any:
                with self._idle_lock:
                    cur = self._idle.pop() if self._idle else None
                if cur is None:
                    cur = self._store.con.cursor()
                taken.append((cur, self._watchdog.watch(cur, self.query_timeout)))
                return cur

            try:
                yield ReadView(path=self.path, dyad_index=dyad_index, event_index=event_index, opener=opener)
            except duckdb.InterruptException as exc:
                raise QueryTimeout(
                    f"the query ran longer than {self.query_timeout:g} s and was stopped. "
                    "Fix: narrow it (a shorter date range, an actor or a code filter)."
                ) from exc
            finally:
                for cur, token in taken:
                    if self._watchdog.release(token):
                        self._give_back(cur)
                    else:  # an interrupt may still be on its way: not for the next request's query
                        cur.close()

    def _give_back(self, cur) -> None:
        """Keep a cursor for the next request if it is still usable (and not too many are kept)."""
        try:
            cur.execute("SELECT 1").fetchall()  # also clears an interrupt that came too late
        except duckdb.Error:
            cur.close()
            return
        with self._idle_lock:
            if len(self._idle) < 32:
                self._idle.append(cur)
                return
        cur.close()

    def _close_idle(self) -> None:
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for cur in idle:
            cur.close()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """A short-lived writable Store, with every reader held off until it is closed again."""
        with self._lock.write():
            self._close_idle()
            self._store.close()
            try:
                with Store(self.path) as store:
                    yield store
            finally:
                self.generation += 1
                self._store = Store(self.path, read_only=True)
                log.info("store %s edited and reopened read-only", self.path)

    def close(self) -> None:
        with self._lock.write():
            self._close_idle()
            self._store.close()
