"""The raw mentions newest first, indexed in memory, for the events pages the API lists most.

:func:`heron.serve.events.list_events` finds a page of raw mentions with DuckDB: it sorts every
matching mention's date (and reads 29 columns of the rows it keeps), tens of milliseconds on a
million mentions. A server builds this index once when it opens the (read-only) store: every
mention's position in page order (date, then event_id, both descending, by DuckDB's own ORDER BY),
its DuckDB row id, and its filtered columns as small integer codes. A page is then a scan from the
cursor's position that stops once it has its rows. The rows themselves come from memory for the
newest ``head`` mentions (the first pages, what a dashboard asks for most), else from DuckDB by row
id (a few milliseconds).

It answers the filters on codes and dates (actor, source, target, country, dyad, CAMEO code or
root, quad, PLOVER type, place, date range); a text search, and deduplicated events, take the
DuckDB path. The pages are the same as that path's, row by row and value by value.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from heron.query.common import EVENT_DATE, actor_code, fetch_arrow, parse_when

# The sort key of a mention without any date (the DuckDB path's, so both order pages alike).
NO_DATE = date(1, 1, 1)
_EPOCH = date(1970, 1, 1)
_CHUNK = 2048

Mask = Callable[[int, int], np.ndarray]


def _codes(table, column: str) -> tuple[np.ndarray, list[str]]:
    """The integer codes of a text column and its distinct values (Arrow's dictionary encoding)."""
    encoded = pc.dictionary_encode(table.column(column)).combine_chunks()
    return encoded.indices.to_numpy().astype(np.int32), encoded.dictionary.to_pylist()


def _pairs(values: list[str]) -> list[tuple[str, str]]:
    return [tuple(v.split(_SEP, 1)) for v in values]


class EventIndex:
    def __init__(self, table, head: pd.DataFrame, listed: tuple[str, ...]) -> None:
        """``table``: the index columns in page order (pyarrow, see build_event_index); ``head``: the
        listed columns of the first positions, as DuckDB gives them, with their ``_rowid``."""
        self._listed = listed
        self._n = table.num_rows
        self._rowid = table.column("_rowid").combine_chunks().to_numpy()
        same_order = np.array_equal(head["_rowid"].to_numpy(dtype=np.int64), self._rowid[:len(head)])
        head = head.drop(columns="_rowid") if same_order else head.iloc[:0].drop(columns="_rowid")
        # Text columns as Python objects (one consolidated block): taking 50 rows of them is one numpy
        # take, where pandas' Arrow-backed text columns cost a conversion each.
        self._head = head.astype({c: object for c, col in head.items() if col.dtype.kind not in "iufbmM"})
        self._src, src = _codes(table, "_src")
        self._tgt, tgt = _codes(table, "_tgt")
        self._src_actors, self._tgt_actors = _pairs(src), _pairs(tgt)
        self._kind, kinds = _codes(table, "_kind")
        self._kinds_u = _pairs(kinds)
        self._quad = table.column("_quad").combine_chunks().to_numpy().astype(np.int16)
        self._plover, self._plovers = _codes(table, "_plover")
        self._place, self._places = _codes(table, "_place")
        key = table.column("_key").combine_chunks().cast(pa.int32()).to_numpy().astype(np.int64)
        self._neg_key = -key  # ascending, for searchsorted
        self._dated = table.column("_dated").combine_chunks().to_numpy(zero_copy_only=False)
        self._all_dated = bool(self._dated.all())
        self._ids = table.column("event_id").combine_chunks()
        self._ids_complete = self._ids.null_count == 0
        self._luts: dict[tuple, np.ndarray] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._n

    # -- lookups: which codes match a filter value (cached: the values users ask for repeat)

    def _lut(self, what: str, value, build: Callable[[], list[bool]]) -> np.ndarray:
        key = (what, value)
        found = self._luts.get(key)
        if found is None:
            found = np.array(build(), dtype=bool)
            with self._lock:
                if len(self._luts) > 4096:
                    self._luts.clear()
                self._luts[key] = found
        return found

    def _actors(self, side: str, code: str) -> np.ndarray:
        """Actors matching ``code`` (the SQL's: the country is it, or the code starts with it); a missing
        country or code is "" here, which no checked code (3+ letters or digits) equals or starts."""
        actors = self._src_actors if side == "source" else self._tgt_actors
        return self._lut(side, code, lambda: [c == code or k.startswith(code) for c, k in actors])

    def _country(self, side: str, code: str) -> np.ndarray:
        actors = self._src_actors if side == "source" else self._tgt_actors
        return self._lut(side + " country", code, lambda: [c == code for c, _ in actors])

    def _values(self, what: str, values: list[str], wanted: str) -> np.ndarray:
        return self._lut(what, wanted, lambda: [v == wanted for v in values])

    # -- pages

    def masks(self, f) -> list[Mask] | None:
        """The filter ``f`` (an EventFilter, already checked by where_clause) as masks over a range of
        positions; None when it needs the DuckDB path (a text search)."""
        if f.text:
            return None
        out: list[Mask] = []
        src, tgt, kind = self._src, self._tgt, self._kind
        if f.actor:
            code = actor_code(f.actor, "actor")
            ms, mt = self._actors("source", code), self._actors("target", code)
            out.append(lambda lo, hi, ms=ms, mt=mt: ms[src[lo:hi]] | mt[tgt[lo:hi]])
        if f.source:
            ms = self._actors("source", actor_code(f.source, "source"))
            out.append(lambda lo, hi, ms=ms: ms[src[lo:hi]])
        if f.target:
            mt = self._actors("target", actor_code(f.target, "target"))
            out.append(lambda lo, hi, mt=mt: mt[tgt[lo:hi]])
        if f.between:
            a, b = actor_code(f.between[0], "actor A"), actor_code(f.between[1], "actor B")
            sa, tb = self._actors("source", a), self._actors("target", b)
            sb, ta = self._actors("source", b), self._actors("target", a)

            def dyad(lo: int, hi: int) -> np.ndarray:
                s, t = src[lo:hi], tgt[lo:hi]
                return (sa[s] & tb[t]) | (sb[s] & ta[t])
            out.append(dyad)
        if f.country:
            c = f.country.strip().upper()
            ms, mt = self._country("source", c), self._country("target", c)
            out.append(lambda lo, hi, ms=ms, mt=mt: ms[src[lo:hi]] | mt[tgt[lo:hi]])
        if f.cameo:
            p = f.cameo.strip().upper()
            m = self._lut("cameo", p, lambda: [c.startswith(p) for c, _ in self._kinds_u])
            out.append(lambda lo, hi, m=m: m[kind[lo:hi]])
        if f.root:
            r0 = f.root.strip().upper()
            m = self._lut("root", r0, lambda: [r == r0 for _, r in self._kinds_u])
            out.append(lambda lo, hi, m=m: m[kind[lo:hi]])
        if f.quad is not None:
            q = int(f.quad)
            out.append(lambda lo, hi: self._quad[lo:hi] == q)
        if f.plover:
            m = self._values("plover", self._plovers, f.plover.strip().upper())
            out.append(lambda lo, hi, m=m: m[self._plover[lo:hi]])
        if f.place:
            m = self._values("place", self._places, f.place.strip().upper())
            out.append(lambda lo, hi, m=m: m[self._place[lo:hi]])
        if (f.start or f.end) and not self._all_dated:
            out.append(lambda lo, hi: self._dated[lo:hi])
        return out

    def _position(self, day: date, *, side: str) -> int:
        return int(np.searchsorted(self._neg_key, -(day - _EPOCH).days, side=side))

    def after(self, cursor: tuple[date, str]) -> int | None:
        """The first position after the cursor's mention (date, event_id); None: ask DuckDB."""
        if not self._ids_complete:
            return None
        d, event_id = cursor
        lo, hi = self._position(d, side="left"), self._position(d, side="right")
        ids = self._ids.slice(lo, hi - lo).to_pylist()[::-1]  # ascending
        return lo + len(ids) - bisect.bisect_left(ids, event_id)

    def page(self, view, f, *, limit: int, after: tuple[date, str] | None) -> tuple[pd.DataFrame, tuple | None] | None:
        """Up to ``limit`` rows matching ``f`` from the cursor on, and the cursor of the next page (its
        last row's (date, event_id)) if there are more; None when the DuckDB path has to answer.
        ``view``: what reads rows beyond the head (its ``con``); None: answer only from memory (None
        when rows beyond the head are needed)."""
        masks = self.masks(f)
        if masks is None:
            return None
        first, stop = 0, self._n
        if after is not None:
            found = self.after(after)
            if found is None:
                return None
            first = found
        start, end = parse_when(f.start), parse_when(f.end, end=True)
        if end is not None:
            first = max(first, self._position(end, side="left"))
        if start is not None:
            stop = min(stop, self._position(start, side="right"))
        hits: list[np.ndarray] = []
        found_n, lo, chunk = 0, first, _CHUNK
        while lo < stop and found_n <= limit:
            hi = min(stop, lo + chunk)
            keep = np.ones(hi - lo, dtype=bool)
            for mask in masks:
                keep &= mask(lo, hi)
            where = np.flatnonzero(keep) + lo
            hits.append(where)
            found_n += len(where)
            lo, chunk = hi, min(chunk * 2, 1 << 20)
        positions = np.concatenate(hits)[:limit + 1] if hits else np.zeros(0, dtype=np.int64)
        more = len(positions) > limit
        positions = positions[:limit]
        if view is None and len(positions) and positions[-1] >= len(self._head):
            return None
        rows = self._rows(view, positions)
        next_after = None
        if more and len(positions):
            last = int(positions[-1])
            next_after = (date.fromordinal(_EPOCH.toordinal() - int(self._neg_key[last])),
                          str(self._ids[last].as_py()))
        return rows, next_after

    def _rows(self, view, positions: np.ndarray) -> pd.DataFrame:
        if not len(positions) or positions[-1] < len(self._head):
            return self._head.take(positions).reset_index(drop=True)
        cols = ", ".join(f"{EVENT_DATE} AS date" if c == "date" else f"e.{c}" for c in self._listed)
        rowids = self._rowid[positions].tolist()
        # the semi join reads only the rows asked for; LEFT JOIN articles only for their dates
        df = view.con.execute(
            f"SELECT e._rowid, {cols} FROM (SELECT rowid AS _rowid, * FROM events WHERE rowid IN (SELECT unnest(?))) e "
            f"LEFT JOIN articles a ON a.id = e.article_id", [rowids]).df()
        order = pd.Series(range(len(rowids)), index=rowids)
        df = df.iloc[np.argsort(order.loc[df["_rowid"]].to_numpy(), kind="stable")]
        return df.drop(columns="_rowid").reset_index(drop=True)


_SEP = "\x1f"
_KEYS = {
    "_src": "coalesce(e.source_country, '') || chr(31) || coalesce(e.source_code, '')",
    "_tgt": "coalesce(e.target_country, '') || chr(31) || coalesce(e.target_code, '')",
    "_kind": "coalesce(e.cameo_code, '') || chr(31) || coalesce(e.cameo_root, left(e.cameo_code, 2), '')",
    "_quad": "coalesce(e.quad_class, 0)",
    "_plover": "coalesce(e.plover_type, '')",
    "_place": "coalesce(e.location_country, '')",
    "_key": f"coalesce({EVENT_DATE}, DATE '{NO_DATE.isoformat()}')",
    "_dated": f"{EVENT_DATE} IS NOT NULL",
}
_FROM = "FROM events e LEFT JOIN articles a ON a.id = e.article_id"
_ORDER = "ORDER BY _key DESC, e.event_id DESC"


def build_event_index(con, listed: tuple[str, ...], *, head: int = 10_000) -> EventIndex:
    """Every raw mention of the store on ``con`` in page order, and the ``listed`` columns (the page's,
    with ``date`` the event's own date else its article's) of the first ``head`` of them (enough for
    the first pages of any actor with 1 % of the mentions; a few MB, and few objects for Python's
    garbage collector to walk)."""
    keys = ", ".join(f"{sql} AS {name}" for name, sql in _KEYS.items())
    table = fetch_arrow(con, f"SELECT e.rowid AS _rowid, {keys}, e.event_id {_FROM} {_ORDER}")
    cols = ", ".join(f"{EVENT_DATE} AS date" if c == "date" else f"e.{c}" for c in listed)
    top = con.execute(f"SELECT e.rowid AS _rowid, {cols}, {_KEYS['_key']} AS _key {_FROM} {_ORDER} LIMIT ?",
                      [head]).df()
    return EventIndex(table, top.drop(columns="_key"), listed)
