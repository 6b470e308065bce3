"""Dyadic time series: what A did to B and B did to A, period by period."""

from __future__ import annotations

from datetime import date

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
    """
    a, b = actor_code(a, "actor A"), actor_code(b, "actor B")
    by = check_period(by)
    start, end = parse_when(start), parse_when(end, end=True)
    method = dedup_method(dedup)
    ab = f"{side_matches('source', a)} AND {side_matches('target', b)}"
    ba = f"{side_matches('source', b)} AND {side_matches('target', a)}"
    directions = [(f"{a}->{b}", a, b)] + ([(f"{b}->{a}", b, a)] if a != b else [])
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
    found = found[found["period"].notna()].drop(columns="too_coarse")
    series = _fill(found, directions, by=by, start=start, end=end)
    series.attrs["too_coarse"] = coarse
    series.attrs["by"] = by
    return series


def _fill(found: pd.DataFrame, directions, *, by: str, start: date | None, end: date | None) -> pd.DataFrame:
    """Every (period, direction) from start to end, zeros where nothing happened."""
    days = [d.date() for d in pd.to_datetime(found["period"])] if len(found) else []
    first = start or (min(days) if days else None)
    last = end or (max(days) if days else None)
    if first is None or last is None or first > last:
        return pd.DataFrame({c: pd.Series(dtype=_dtype(c)) for c in SERIES_COLUMNS})
    periods = period_range(first, last, by)
    lookup = {(p.date(), d): row for p, d, row in zip(pd.to_datetime(found["period"]), found["direction"],
                                                        found.to_dict("records"))}
    rows = []
    for p in periods:
        for label, src, tgt in directions:
            row = lookup.get((p, label), {})
            rows.append({
                "period": p, "direction": label, "source": src, "target": tgt,
                "events": int(row.get("events", 0)), "mentions": int(row.get("mentions", 0) or 0),
                "goldstein_sum": float(row.get("goldstein_sum") or 0.0),
                "goldstein_mean": _num(row.get("goldstein_mean")),
                **{name: int(row.get(name, 0)) for name in QUADS.values()},
                "top_codes": row.get("top_codes") or "",
            })
    df = pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
    df["period"] = pd.to_datetime(df["period"])
    return df


def _num(v) -> float | None:
    if v is None or pd.isna(v):
        return None
    return float(v)


def _dtype(col: str) -> str:
    if col == "period":
        return "datetime64[ns]"
    if col in ("direction", "source", "target", "top_codes"):
        return "object"
    if col.startswith("goldstein"):
        return "float64"
    return "int64"
