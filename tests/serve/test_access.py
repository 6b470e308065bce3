"""The server's hold on the store: cursors reused between requests, the time bound, the indexes."""

from __future__ import annotations

import pytest

from heron.errors import StoreError
from heron.serve.access import QueryTimeout, ReadView, StoreAccess

SLOW = "SELECT count(*) FROM range(1000000000000) a(i) WHERE hash(i) % 7 = 3"


def test_a_stopped_query_leaves_the_next_requests_working(seed_db):
    access = StoreAccess(str(seed_db), query_timeout=0.3)
    try:
        with pytest.raises(QueryTimeout):
            with access.reading() as view:
                view.con.execute(SLOW).fetchone()
        for _ in range(3):  # cursors come back from the pool; none carries a late interrupt
            with access.reading() as view:
                assert view.con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    finally:
        access.close()


def test_indexes_are_built_once_and_a_view_without_a_store_says_so(seed_db):
    access = StoreAccess(str(seed_db))
    try:
        dyad_index, event_index = access.indexes()
        assert dyad_index is not None and len(event_index) > 0
        assert access.indexes()[1] is event_index
        with access.reading() as view:
            assert view.event_index is event_index
    finally:
        access.close()
    plain = StoreAccess(str(seed_db), indexes=False)
    try:
        assert plain.indexes() == (None, None)
    finally:
        plain.close()
    with pytest.raises(StoreError):
        ReadView(path="x").con
