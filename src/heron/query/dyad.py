"""Dyadic time series: what A did to B and B did to A, period by period."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from heron.query.common import (
    QUADS,
    actor_code,
    check_period,
    dedup_method,
    parse_when,
    period_range,
    precise_enough,
    side_matches,
)
from heron.query.dyad_index import DyadCounts, DyadIndex
from heron.query.source import event_source

SERIES_COLUMNS = (
    "period", "direction", "source", "target", "events", "mentions", "goldstein_sum", "goldstein_mean",
    *QUADS.values(), "top_codes",
)


def dyad_series(
    store,
    a: str,
    b: str,
    *,
    by: str = "month",
    dedup: bool | str = False,
    start: date | str | None = None,
    end: date | str | None = None,
    window_days: int = 2,
    match: str = "root",
    top_codes: int = 3,
    index: DyadIndex | None = None,
) -> pd.DataFrame:
    """One row per period and direction (``A->B`` then ``B->A``) with every period filled in.

    ``a`` and ``b`` are ISO3 country codes (``IRN``) or CAMEO actor code prefixes (``IRNGOV``,
    ``IGOUNO``): an actor matches when its country is the code or its actor code starts with it.
    ``dedup``: ``False`` counts raw mentions, ``True``/``"cluster"`` or ``"daily"`` deduplicated
    events (see :mod:`heron.query.dedup`). ``start``/``end`` take ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` (inclusive); the periods run from ``start`` (else the first event) to ``end``
    (else the last event).

    Columns: period (first day), direction, source, target, events, mentions (raw mentions behind
    the events), goldstein_sum, goldstein_mean (None when no events), verbal_coop, material_coop,
    verbal_conflict, material_conflict (QuadClass 1-4 counts), top_codes ("043 (5), 036 (2)").

    An event dated less precisely than a period (only to the year, in a monthly series) is not
    counted in any period; ``series.attrs["too_coarse"]`` says how many were left out.

    ``index``: a :class:`heron.query.dyad_index.DyadIndex` built from this store (a server answering
    many dyads builds one); raw-mention series are then counted from it instead of scanning the store
    (the same answer). Deduplicated series always read the store.
    """
    a, b = actor_code(a, "actor A"), actor_code(b, "actor B")
    by = check_period(by)
    start, end = parse_when(start), parse_when(end, end=True)
    method = dedup_method(dedup)
    directions = [(f"{a}->{b}", a, b)] + ([(f"{b}->{a}", b, a)] if a != b else [])
    if index is not None and method is None:
        counts = index.counts(a, b, by=by, start=start, end=end, top_codes=top_codes)
        return _series(counts, directions, by=by, start=start, end=end)
    ab = f"{side_matches('source', a)} AND {side_matches('target', b)}"
    ba = f"{side_matches('source', b)} AND {side_matches('target', a)}"
    where = f"(({ab}) OR ({ba}))"

    # The direction has to be decided on the raw rows, where actor codes are available, so the
    # relation is re-filtered here with the same conditions (the table alias is `e`).
    with event_source(store, dedup=method, where=where, start=start, end=end, window_days=window_days,
                      match=match) as rel:
        quad_cols = ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS {name}" for q, name in QUADS.items())
        sql = f"""
        WITH ev AS (
            SELECT CAST(date_trunc('{by}', date) AS DATE) AS period,
                   CASE WHEN {ab} THEN '{directions[0][0]}' ELSE '{directions[-1][0]}' END AS direction,
                   cameo_code, goldstein, quad_class, n_mentions, {precise_enough(by)} AS fine
            FROM {rel} e WHERE date IS NOT NULL
        ), coarse AS (
            SELECT count(*) FILTER (WHERE NOT fine) AS too_coarse FROM ev
        ), binned AS (
            SELECT * FROM ev WHERE fine
        ), agg AS (
            SELECT period, direction, count(*) AS events, CAST(sum(n_mentions) AS BIGINT) AS mentions,
                   sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean, {quad_cols}
            FROM binned GROUP BY period, direction
        ), codes AS (
            SELECT period, direction, cameo_code, count(*) AS n FROM binned WHERE cameo_code IS NOT NULL
            GROUP BY period, direction, cameo_code
            QUALIFY row_number() OVER (PARTITION BY period, direction ORDER BY count(*) DESC, cameo_code)
                    <= {int(top_codes)}
        ), top AS (
            SELECT period, direction,
                   string_agg(cameo_code || ' (' || n || ')', ', ' ORDER BY n DESC, cameo_code) AS top_codes
            FROM codes GROUP BY period, direction
        )
        SELECT agg.*, top.top_codes, coarse.too_coarse
        FROM agg LEFT JOIN top USING (period, direction) RIGHT JOIN coarse ON TRUE
        """
        # one scan: the events left out for a too coarse date come back on every row (and on a
        # row of its own, with no period, when no event could be binned at all)
        found = store.con.execute(sql).df()
    coarse = int(found["too_coarse"].iloc[0]) if len(found) else 0
    found = found[found["period"].notna()]
    labels = {label: k for k, (label, _, _) in enumerate(directions)}
    counts = DyadCounts(
        period=pd.to_datetime(found["period"]).to_numpy(dtype="datetime64[D]"),
        direction=found["direction"].map(labels).to_numpy(dtype=np.int8),
        events=found["events"].to_numpy(dtype=np.int64),
        goldstein_sum=found["goldstein_sum"].fillna(0.0).to_numpy(dtype=np.float64),
        goldstein_n=found["goldstein_mean"].notna().to_numpy(dtype=np.int64),
        quads={name: found[name].to_numpy(dtype=np.int64) for name in QUADS.values()},
        top_codes=[t if isinstance(t, str) else "" for t in found["top_codes"]],
        too_coarse=coarse, mentions=found["mentions"].fillna(0).to_numpy(dtype=np.int64),
        goldstein_mean=found["goldstein_mean"].to_numpy(dtype=np.float64, na_value=np.nan))
    return _series(counts, directions, by=by, start=start, end=end)


def _series(counts: DyadCounts, directions, *, by: str, start: date | None, end: date | None) -> pd.DataFrame:
    series = _fill(counts, directions, by=by, start=start, end=end)
    series.attrs["too_coarse"] = counts.too_coarse
    series.attrs["by"] = by
    return series


def _fill(found: DyadCounts, directions, *, by: str, start: date | None, end: date | None) -> pd.DataFrame:
    """Every (period, direction) from start to end, zeros where nothing happened."""
    days = found.period
    first = start or (days.min().item() if len(days) else None)
    last = end or (days.max().item() if len(days) else None)
    if first is None or last is None or first > last:
        return pd.DataFrame({c: pd.Series(dtype=_dtype(c)) for c in SERIES_COLUMNS})
    periods = np.array(period_range(first, last, by), dtype="datetime64[D]")
    width = len(directions)
    size = len(periods) * width
    at = np.searchsorted(periods, days)
    ok = (at < len(periods)) & (periods[np.minimum(at, len(periods) - 1)] == days) & (found.direction < width)
    slot = at[ok] * width + found.direction[ok]

    def spread(values: np.ndarray, dtype, empty=0) -> np.ndarray:
        out = np.full(size, empty, dtype=dtype)
        out[slot] = np.asarray(values)[ok]
        return out

    events = spread(found.events, np.int64)
    mean = found.goldstein_mean if found.goldstein_mean is not None else np.where(
        found.goldstein_n > 0, found.goldstein_sum / np.maximum(found.goldstein_n, 1), np.nan)
    top = np.full(size, "", dtype=object)
    top[slot] = np.asarray(found.top_codes, dtype=object)[ok]
    columns = {
        "period": np.repeat(periods, width).astype("datetime64[s]"),
        "direction": np.tile(np.array([d[0] for d in directions], dtype=object), len(periods)),
        "source": np.tile(np.array([d[1] for d in directions], dtype=object), len(periods)),
        "target": np.tile(np.array([d[2] for d in directions], dtype=object), len(periods)),
        "events": events,
        "mentions": spread(found.mentions if found.mentions is not None else found.events, np.int64),
        "goldstein_sum": spread(found.goldstein_sum, np.float64, 0.0),
        "goldstein_mean": spread(mean, np.float64, np.nan),
        **{name: spread(found.quads[name], np.int64) for name in QUADS.values()},
        "top_codes": top,
    }
    # text columns as Python objects: pandas' Arrow-backed text would cost a conversion per column
    return pd.DataFrame({c: pd.Series(v, dtype=object, copy=False) if c in _TEXT else v
                         for c, v in columns.items()})


_TEXT = ("direction", "source", "target", "top_codes")


def _dtype(col: str) -> str:
    if col == "period":
        return "datetime64[ns]"
    if col in _TEXT:
        return "object"
    if col.startswith("goldstein"):
        return "float64"
    return "int64"
