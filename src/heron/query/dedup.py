"""From raw mentions to events: GDELT's events/mentions split.

The ``events`` table keeps every *mention*: one row per event found in one sentence of one
article. The same happening reported by ten outlets (or by one syndicated story printed twice) is
ten mentions. Two ways to turn mentions into events:

``daily``
    The classic ICEWS/Phoenix one-a-day filter: one event per (date, source actor code, target actor
    code, CAMEO code). Its id is a hash of that key.

``cluster`` (the default)
    Cross-article clustering. Two mentions can be the same event when they have

    * the same directed dyad: source and target country, or the actor code where there is no
      country (``IRNGOVMIL`` and ``IRNGOV`` are both Iran);
    * compatible CAMEO codes: the same root (``match="root"``, default: 036 and 043 are both
      "consult"), the same 3-digit code (``match="code3"``) or the same code (``match="code"``);
    * dates within ``window_days`` (default 2) of the cluster's first date (inclusive:
      22 Oct and 24 Oct join with the default window, 25 Oct does not);
    * compatible locations: the same location country, or one of them unknown. A cluster takes the
      first known location country of its members.

    Mentions are taken in date order (then publication date, article id, position); each joins the
    earliest open compatible cluster or starts a new one. A cluster's id is a hash of its earliest
    member's ``event_id``, so it does not change when later copies of the story arrive. A mention
    without any date is an event of its own.

Both give one row per event with the fields of its earliest member plus ``n_mentions``,
``n_sources`` (distinct publishers; an article without a publisher counts as its own source) and
``n_articles``. :func:`dedup_mentions` gives the other half: each mention with its event's id.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

import pandas as pd

from heron.errors import InputError
from heron.query.common import (
    DEDUP_METHODS,
    MENTION_ORDER,
    date_where,
    fetch_arrow,
    mentions_sql,
    parse_when,
    require_events,
)

MATCHES = {"root": "cameo_root", "code3": "left(cameo_code, 3)", "code": "cameo_code"}

_DAILY_KEY = ("concat_ws('|', 'daily', coalesce(CAST(date AS VARCHAR), ''), coalesce(source_code, ''), "
              "coalesce(target_code, ''), coalesce(cameo_code, ''))")


def cluster_id(event_id: str) -> str:
    """The id of the cluster whose earliest member is mention ``event_id``."""
    return hashlib.md5(f"cluster|{event_id}".encode("utf-8")).hexdigest()[:16]


def dedup_events(
    store,
    *,
    method: str = "cluster",
    window_days: int = 2,
    match: str = "root",
    start: date | str | None = None,
    end: date | str | None = None,
    where: str = "TRUE",
    params: Sequence[Any] = (),
) -> pd.DataFrame:
    """Deduplicated events, one row each, ordered by date.

    ``where`` narrows the mentions first (SQL on ``e.*``/``a.*``, with ``params``); clusters are
    formed among the mentions it keeps. Events are kept when their first date is in ``start``..``end``.
    """
    start, end = parse_when(start), parse_when(end, end=True)
    with _assigned(store, method=method, window_days=window_days, match=match, start=start, end=end,
                   where=where, params=params) as rel:
        sql = f"""
        WITH g AS (
            SELECT dedup_id, count(*) AS n_mentions,
                   count(DISTINCT coalesce(publisher, 'article:' || article_id)) AS n_sources,
                   count(DISTINCT article_id) AS n_articles,
                   max(date) AS last_date, min(location_country) AS any_location
            FROM {rel} GROUP BY dedup_id
        ), r AS (
            SELECT * FROM {rel}
            QUALIFY row_number() OVER (PARTITION BY dedup_id ORDER BY {MENTION_ORDER}) = 1
        )
        SELECT r.dedup_id AS event_id, r.date, r.date_precision, g.last_date,
               r.source_code, r.source_country, r.source_name, r.target_code, r.target_country, r.target_name,
               r.source_key, r.target_key, r.cameo_code, r.cameo_root, r.cameo_name, r.goldstein,
               r.quad_class, r.penta_class, r.plover_type, r.location_name,
               coalesce(r.location_country, g.any_location) AS location_country,
               g.n_mentions, g.n_sources, g.n_articles,
               r.event_id AS first_mention_id, r.article_id AS first_article_id, '{method}' AS method
        FROM r JOIN g USING (dedup_id)
        WHERE {date_where(start, end, col='r.date') if method == 'cluster' else 'TRUE'}
        ORDER BY r.date NULLS LAST, event_id
        """
        return store.con.execute(sql).df()


def dedup_mentions(
    store,
    *,
    method: str = "cluster",
    window_days: int = 2,
    match: str = "root",
    start: date | str | None = None,
    end: date | str | None = None,
    where: str = "TRUE",
    params: Sequence[Any] = (),
) -> pd.DataFrame:
    """Every raw mention with ``dedup_id``: the id of the event it belongs to (GDELT's mentions table)."""
    start, end = parse_when(start), parse_when(end, end=True)
    with _assigned(store, method=method, window_days=window_days, match=match, start=start, end=end,
                   where=where, params=params) as rel:
        sql = f"""
        SELECT m.* FROM {rel} m
        WHERE m.dedup_id IN (
            SELECT dedup_id FROM {rel}
            QUALIFY row_number() OVER (PARTITION BY dedup_id ORDER BY {MENTION_ORDER}) = 1
               AND {date_where(start, end, col='date') if method == 'cluster' else 'TRUE'}
        )
        ORDER BY m.date NULLS LAST, m.dedup_id, m.published NULLS LAST, m.article_id, m.sentence_index,
                 m.start, m.event_id
        """
        return store.con.execute(sql).df()


@contextmanager
def _assigned(store, *, method: str, window_days: int, match: str, start: date | None, end: date | None,
              where: str, params: Sequence[Any]) -> Iterator[str]:
    """Yield a relation of mentions with a ``dedup_id`` column."""
    if method not in DEDUP_METHODS:
        raise InputError(f"unknown dedup method {method!r}. Fix: choose one of {', '.join(DEDUP_METHODS)}.")
    if match not in MATCHES:
        raise InputError(f"unknown code match {match!r}. Fix: choose one of {', '.join(MATCHES)}.")
    if not isinstance(window_days, int) or window_days < 0:
        raise InputError(f"window_days must be a whole number of days >= 0, not {window_days!r}.")
    require_events(store)
    name = f"_heron_mentions_{uuid.uuid4().hex[:8]}"
    if method == "daily":
        sql = (f"SELECT *, left(md5({_DAILY_KEY}), 16) AS dedup_id "
               f"FROM ({mentions_sql(f'({where}) AND {date_where(start, end)}')})")
        table = fetch_arrow(store.con, sql, params)
    else:
        # Pad the date range so clusters that straddle its edges are formed from all their mentions.
        sql = (f"SELECT *, {MATCHES[match]} AS code_key "
               f"FROM ({mentions_sql(f'({where}) AND {date_where(start, end, pad_days=window_days)}')}) "
               f"ORDER BY source_key NULLS FIRST, target_key NULLS FIRST, code_key NULLS FIRST, {MENTION_ORDER}")
        table = fetch_arrow(store.con, sql, params)
        table = _cluster(table, window_days)
    store.con.register(name, table)
    try:
        yield name
    finally:
        store.con.unregister(name)


def _cluster(table, window_days: int):
    """Add ``dedup_id`` to mentions sorted by (dyad, code key, date, ...): the greedy window clustering."""
    import pyarrow as pa

    src = table.column("source_key").to_pylist()
    tgt = table.column("target_key").to_pylist()
    code = table.column("code_key").to_pylist()
    days = table.column("date").cast(pa.int32()).to_pylist()  # days since 1970-01-01
    locs = table.column("location_country").to_pylist()
    ids = table.column("event_id").to_pylist()
    arts = table.column("article_id").to_pylist()
    sents = table.column("sentence_index").to_pylist()
    starts = table.column("start").to_pylist()

    out: list[str] = []
    group: tuple | None = None
    open_: list[list] = []  # [first day, location country or None, cluster id], oldest first
    for i in range(len(ids)):
        key = (src[i], tgt[i], code[i])
        if key != group:
            group, open_ = key, []
        mention = ids[i] if ids[i] is not None else f"{arts[i]}|{sents[i]}|{starts[i]}"
        day = days[i]
        if day is None:
            out.append(cluster_id(mention))
            continue
        while open_ and open_[0][0] < day - window_days:
            open_.pop(0)  # dates only grow within a group: this cluster can take no one else
        loc = locs[i]
        for cluster in open_:
            if loc is None or cluster[1] is None or cluster[1] == loc:
                if cluster[1] is None:
                    cluster[1] = loc
                out.append(cluster[2])
                break
        else:
            cid = cluster_id(mention)
            open_.append([day, loc, cid])
            out.append(cid)
    return table.append_column("dedup_id", pa.array(out, type=pa.string()))


__all__ = ["dedup_events", "dedup_mentions", "cluster_id", "MATCHES"]
