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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


@dataclass
class ReadView:
    """What the query functions need of a Store (``con`` and ``path``), over one request's cursor."""

    con: Any
    path: str
    dyad_index: DyadIndex | None = None
    event_index: EventIndex | None = None


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

    def warm(self) -> None:
        """Build the in-memory indexes now (else the first request that reads does)."""
        self._get_indexes()

    def _get_indexes(self) -> tuple[DyadIndex | None, EventIndex | None]:
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
        dyad_index, event_index = self._get_indexes()
        with self._slots, self._lock.read():
            cur = self._store.con.cursor()
            timer = threading.Timer(self.query_timeout, cur.interrupt)
            timer.daemon = True
            timer.start()
            try:
                yield ReadView(con=cur, path=self.path, dyad_index=dyad_index, event_index=event_index)
            except duckdb.InterruptException as exc:
                raise QueryTimeout(
                    f"the query ran longer than {self.query_timeout:g} s and was stopped. "
                    "Fix: narrow it (a shorter date range, an actor or a code filter)."
                ) from exc
            finally:
                timer.cancel()
                cur.close()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """A short-lived writable Store, with every reader held off until it is closed again."""
        with self._lock.write():
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
            self._store.close()
