"""Where a query's events come from: raw mentions or deduplicated events, with one set of columns.

Above :mod:`heron.query.common` (the shared SQL) and :mod:`heron.query.dedup` (the
deduplication); :mod:`heron.query.dyad` and :mod:`heron.query.top` read their events here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from heron.query.common import EVENT_COLUMNS, date_where, dedup_method, mentions_sql, require_events
from heron.query.dedup import dedup_events

__all__ = ["event_source"]


@contextmanager
def event_source(
    store,
    *,
    dedup: bool | str | None = False,
    where: str = "TRUE",
    start: date | None = None,
    end: date | None = None,
    window_days: int = 2,
    match: str = "root",
) -> Iterator[str]:
    """Yield a SQL relation (a subquery or a registered table) with :data:`EVENT_COLUMNS`.

    Raw mentions (``dedup=False``) each count as one event with one mention; deduplicated events
    carry their mention, source and article counts. Only events dated within ``start``..``end``
    are kept. ``where`` is SQL on ``e.*``/``a.*`` with literals only (validated codes, dates).
    """
    method = dedup_method(dedup)
    require_events(store)
    if method is None:
        dw = date_where(start, end)
        cols = ", ".join(c for c in EVENT_COLUMNS if not c.startswith("n_"))
        sql = (f"SELECT {cols}, 1 AS n_mentions, 1 AS n_sources, 1 AS n_articles "
               f"FROM ({mentions_sql(f'({where}) AND {dw}')})")
        yield f"({sql})"
        return

    frame = dedup_events(store, method=method, window_days=window_days, match=match, where=where,
                         start=start, end=end)
    name = f"_heron_dedup_{uuid.uuid4().hex[:8]}"
    store.con.register(name, frame)
    try:
        yield name
    finally:
        store.con.unregister(name)
