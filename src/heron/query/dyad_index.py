"""A dyad-by-day aggregate of the raw mentions, held in memory, for fast dyad series.

:func:`heron.query.dyad_series` answers from the store with one DuckDB scan of every mention. A
server that answers many dyads of one unchanging (read-only) store builds this index once: the
mentions grouped by source actor, target actor, day, date precision, CAMEO code and QuadClass
(count, Goldstein sum and count), sorted by source actor, with the actors (country, code pairs)
numbered. A dyad then reads only the groups whose source matches one side, and gives the same
periods, counts and top codes as the SQL (:func:`build_dyad_index`; ``dyad_series(index=...)``).
It serves raw mentions only: deduplicated series need the rows, and take the SQL path.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from heron.query.common import BINNABLE, QUADS, mentions_sql, require_events

_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class DyadCounts:
    """What the dyad SQL finds, as arrays: one entry per (period, direction) with events."""

    period: np.ndarray  # datetime64[D]
    direction: np.ndarray  # 0: A->B, 1: B->A
    events: np.ndarray
    goldstein_sum: np.ndarray
    goldstein_n: np.ndarray
    quads: dict[str, np.ndarray]
    top_codes: list[str]
    too_coarse: int
    mentions: np.ndarray | None = None  # raw mentions behind the events (None: as many as events)
    goldstein_mean: np.ndarray | None = None  # None: goldstein_sum / goldstein_n (NaN without values)


class DyadIndex:
    """The grouped mentions of one store (see the module docstring). Thread-safe to read."""

    def __init__(self, frame: pd.DataFrame) -> None:
        # A missing country or code is "" here: no actor code (3+ letters or digits) equals or starts it,
        # as no NULL matches in the SQL.
        sides = ["source_country", "source_code", "target_country", "target_code"]
        frame = frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), "") for c in sides})
        actors = pd.concat([
            frame[["source_country", "source_code"]].set_axis(["country", "code"], axis=1),
            frame[["target_country", "target_code"]].set_axis(["country", "code"], axis=1),
        ], ignore_index=True).drop_duplicates(ignore_index=True)
        self._countries = actors["country"].to_numpy(dtype=object)
        self._codes = actors["code"].to_numpy(dtype=object)
        ids = pd.MultiIndex.from_frame(actors)
        src = ids.get_indexer(pd.MultiIndex.from_frame(frame[["source_country", "source_code"]]))
        tgt = ids.get_indexer(pd.MultiIndex.from_frame(frame[["target_country", "target_code"]]))
        order = np.lexsort((tgt, src))
        self._src = src[order].astype(np.int32)
        self._tgt = tgt[order].astype(np.int32)
        self._ptr = np.searchsorted(self._src, np.arange(len(actors) + 1)).astype(np.int64)
        days = pd.to_datetime(frame["date"]).to_numpy(dtype="datetime64[D]")
        self._day = days[order].astype(np.int64)
        prec_codes, precisions = pd.factorize(frame["date_precision"].fillna("day"))
        self._prec = prec_codes[order].astype(np.int16)
        self._fine = {by: np.array([p in allowed for p in precisions], dtype=bool)
                      for by, allowed in BINNABLE.items()}
        cameo_codes, cameo_names = pd.factorize(frame["cameo_code"], sort=True)
        self._cameo = cameo_codes[order].astype(np.int32)  # -1: no code
        self._cameo_names = [str(c) for c in cameo_names]
        self._quad = frame["quad_class"].fillna(0).to_numpy(dtype=np.int64)[order].astype(np.int8)
        self._n = frame["n"].to_numpy(dtype=np.int64)[order]
        self._gsum = frame["gsum"].fillna(0.0).to_numpy(dtype=np.float64)[order]
        self._gn = frame["gn"].to_numpy(dtype=np.int64)[order]
        self._matches: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._n)

    def matches(self, code: str) -> np.ndarray:
        """Which actors (country, code pairs) match ``code``: the country is it, or the code starts with it
        (the SQL's ``side_matches``)."""
        found = self._matches.get(code)
        if found is None:
            found = np.fromiter(((c == code) or k.startswith(code)
                                 for c, k in zip(self._countries, self._codes)), dtype=bool, count=len(self._codes))
            with self._lock:
                if len(self._matches) > 4096:
                    self._matches.clear()
                self._matches[code] = found
        return found

    def _rows(self, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Positions of the groups whose source actor is in ``sources`` and target in ``targets`` (masks)."""
        srcs = np.flatnonzero(sources)
        starts = self._ptr[srcs]
        lens = self._ptr[srcs + 1] - starts
        keep = lens > 0
        starts, lens = starts[keep], lens[keep]
        if not len(lens):
            return np.zeros(0, dtype=np.int64)
        pos = np.arange(int(lens.sum()), dtype=np.int64) + np.repeat(starts - (np.cumsum(lens) - lens), lens)
        return pos[targets[self._tgt[pos]]]

    def counts(self, a: str, b: str, *, by: str, start: date | None, end: date | None,
               top_codes: int) -> DyadCounts:
        """The raw-mention counts of the dyad series A->B (direction 0) and B->A (1), period by period."""
        ma, mb = self.matches(a), self.matches(b)
        ab = self._rows(ma, mb)
        pos, direction = ab, np.zeros(len(ab), dtype=np.int8)
        if a != b:
            ba = self._rows(mb, ma)
            ba = ba[~(ma[self._src[ba]] & mb[self._tgt[ba]])]  # A->B wins where both hold, as in the SQL
            pos = np.concatenate([ab, ba])
            direction = np.concatenate([direction, np.ones(len(ba), dtype=np.int8)])
        day = self._day[pos]
        keep = np.ones(len(pos), dtype=bool)
        if start is not None:
            keep &= day >= (start - _EPOCH).days
        if end is not None:
            keep &= day <= (end - _EPOCH).days
        pos, direction, day = pos[keep], direction[keep], day[keep]
        fine = self._fine[by][self._prec[pos]]
        too_coarse = int(self._n[pos[~fine]].sum())
        pos, direction, day = pos[fine], direction[fine], day[fine]
        period = _period_start(day, by)
        key = period * 2 + direction
        groups, inv = np.unique(key, return_inverse=True)
        n = self._n[pos]

        def total(weights) -> np.ndarray:
            return np.bincount(inv, weights=weights, minlength=len(groups))

        quad = self._quad[pos]
        quads = {name: total(n * (quad == q)).astype(np.int64) for q, name in QUADS.items()}
        return DyadCounts(
            period=(groups // 2).astype("datetime64[D]"), direction=(groups % 2).astype(np.int8),
            events=total(n).astype(np.int64), goldstein_sum=total(self._gsum[pos]),
            goldstein_n=total(self._gn[pos]).astype(np.int64), quads=quads,
            top_codes=self._top(inv, len(groups), pos, n, top_codes), too_coarse=too_coarse)

    def _top(self, inv: np.ndarray, n_groups: int, pos: np.ndarray, n: np.ndarray, k: int) -> list[str]:
        """Per group: the ``k`` most frequent codes, most frequent first, then by code ("043 (5), 036 (2)")."""
        out = [""] * n_groups
        code = self._cameo[pos]
        has = code >= 0
        if k <= 0 or not has.any():
            return out
        width = len(self._cameo_names)
        pair, pair_inv = np.unique(inv[has].astype(np.int64) * width + code[has], return_inverse=True)
        count = np.bincount(pair_inv, weights=n[has]).astype(np.int64)
        group, code_id = pair // width, pair % width
        order = np.lexsort((code_id, -count, group))
        group, code_id, count = group[order], code_id[order], count[order]
        first = np.searchsorted(group, group, side="left")
        rank = np.arange(len(group)) - first
        names = self._cameo_names
        parts: dict[int, list[str]] = {}
        for g, c, m in zip(group[rank < k].tolist(), code_id[rank < k].tolist(), count[rank < k].tolist()):
            parts.setdefault(g, []).append(f"{names[c]} ({m})")
        for g, items in parts.items():
            out[g] = ", ".join(items)
        return out


def _period_start(day: np.ndarray, by: str) -> np.ndarray:
    """The first day (days since 1970-01-01) of each day's period, as DuckDB's date_trunc."""
    if by == "day":
        return day
    if by == "week":  # ISO weeks start on Monday; 1970-01-01 was a Thursday
        return day - (day + 3) % 7
    unit = "M" if by == "month" else "Y"
    return day.astype("datetime64[D]").astype(f"datetime64[{unit}]").astype("datetime64[D]").astype(np.int64)


def build_dyad_index(store) -> DyadIndex:
    """Group every dated raw mention of ``store`` (one DuckDB pass) into a :class:`DyadIndex`."""
    require_events(store)
    sql = f"""
        SELECT source_country, source_code, target_country, target_code, date, date_precision, cameo_code,
               quad_class, count(*) AS n, sum(goldstein) AS gsum, count(goldstein) AS gn
        FROM ({mentions_sql()}) WHERE date IS NOT NULL
        GROUP BY ALL
    """
    return DyadIndex(store.con.execute(sql).df())
