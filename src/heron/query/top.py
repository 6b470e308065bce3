"""Top lists: the most active actors, countries, dyads and event codes."""

from __future__ import annotations

from datetime import date

import pandas as pd

from heron.errors import InputError
from heron.query.common import dedup_method, parse_when
from heron.query.source import event_source

WHATS = ("actors", "countries", "dyads", "codes")

_CONFLICT = "avg(CASE WHEN quad_class IN (3, 4) THEN 1.0 WHEN quad_class IN (1, 2) THEN 0.0 END)"

_SQL = {
    # An actor is counted once per event it takes part in, as source, as target or both.
    "actors": """
        WITH sides AS (
            SELECT event_id, source_code AS actor, source_name AS name, 1 AS s, 0 AS t, goldstein, quad_class,
                   n_mentions FROM {rel} WHERE source_code IS NOT NULL
            UNION ALL
            SELECT event_id, target_code, target_name, 0, 1, goldstein, quad_class, n_mentions
            FROM {rel} WHERE target_code IS NOT NULL
        ), per_event AS (
            SELECT actor, event_id, max(s) AS s, max(t) AS t, any_value(goldstein) AS goldstein,
                   any_value(quad_class) AS quad_class, any_value(n_mentions) AS n_mentions
            FROM sides GROUP BY actor, event_id
        ), names AS (
            SELECT actor, name FROM sides WHERE name IS NOT NULL GROUP BY actor, name
            QUALIFY row_number() OVER (PARTITION BY actor ORDER BY count(*) DESC, name) = 1
        )
        SELECT actor, names.name, count(*) AS events, CAST(sum(n_mentions) AS BIGINT) AS mentions,
               CAST(sum(s) AS BIGINT) AS as_source, CAST(sum(t) AS BIGINT) AS as_target,
               avg(goldstein) AS goldstein_mean, {conflict} AS conflict_share
        FROM per_event LEFT JOIN names USING (actor)
        GROUP BY actor, names.name ORDER BY events DESC, mentions DESC, actor LIMIT {n}
    """,
    "countries": """
        WITH sides AS (
            SELECT event_id, source_country AS country, 1 AS s, 0 AS t, goldstein, quad_class, n_mentions
            FROM {rel} WHERE source_country IS NOT NULL
            UNION ALL
            SELECT event_id, target_country, 0, 1, goldstein, quad_class, n_mentions
            FROM {rel} WHERE target_country IS NOT NULL
        ), per_event AS (
            SELECT country, event_id, max(s) AS s, max(t) AS t, any_value(goldstein) AS goldstein,
                   any_value(quad_class) AS quad_class, any_value(n_mentions) AS n_mentions
            FROM sides GROUP BY country, event_id
        )
        SELECT country, count(*) AS events, CAST(sum(n_mentions) AS BIGINT) AS mentions, CAST(sum(s) AS BIGINT) AS as_source,
               CAST(sum(t) AS BIGINT) AS as_target, avg(goldstein) AS goldstein_mean, {conflict} AS conflict_share
        FROM per_event GROUP BY country ORDER BY events DESC, mentions DESC, country LIMIT {n}
    """,
    # Directed dyads at country level (the actor code where there is no country).
    "dyads": """
        SELECT source_key AS source, target_key AS target, count(*) AS events, CAST(sum(n_mentions) AS BIGINT) AS mentions,
               sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean, {conflict} AS conflict_share
        FROM {rel} WHERE source_key IS NOT NULL AND target_key IS NOT NULL
        GROUP BY source_key, target_key ORDER BY events DESC, mentions DESC, source, target LIMIT {n}
    """,
    "codes": """
        SELECT cameo_code, any_value(cameo_name) AS cameo_name, any_value(quad_class) AS quad_class,
               any_value(goldstein) AS goldstein, count(*) AS events, CAST(sum(n_mentions) AS BIGINT) AS mentions
        FROM {rel} WHERE cameo_code IS NOT NULL
        GROUP BY cameo_code ORDER BY events DESC, mentions DESC, cameo_code LIMIT {n}
    """,
}


def top(
    store,
    *,
    what: str = "actors",
    start: date | str | None = None,
    end: date | str | None = None,
    n: int = 10,
    dedup: bool | str = False,
    window_days: int = 2,
    match: str = "root",
) -> pd.DataFrame:
    """The ``n`` most frequent actors, countries, dyads or codes, with a ``rank`` column.

    ``actors`` (actor codes, counted once per event whichever side they are on), ``countries``
    (the same for countries), ``dyads`` (directed, country or else actor code) or ``codes`` (CAMEO).
    ``events`` counts raw mentions unless ``dedup`` is set; ``mentions`` always counts the raw
    mentions behind them. ``conflict_share`` is the share of events in QuadClass 3-4.
    """
    if what not in WHATS:
        raise InputError(f"unknown list {what!r}. Fix: choose one of {', '.join(WHATS)}.")
    if not isinstance(n, int) or n < 1:
        raise InputError(f"n must be a positive whole number, not {n!r}.")
    start, end = parse_when(start), parse_when(end, end=True)
    with event_source(store, dedup=dedup_method(dedup), start=start, end=end, window_days=window_days,
                      match=match) as rel:
        df = store.con.execute(_SQL[what].format(rel=rel, n=n, conflict=_CONFLICT)).df()
    df.insert(0, "rank", range(1, len(df) + 1))
    return df
