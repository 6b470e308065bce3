"""The events the API lists: typed filters, parameterised SQL, bounded pages and cursor paging.

Every value a user gives reaches SQL as a bound parameter (``?``); codes are also checked against a
pattern first, so a bad one gets a message saying what is expected. Raw mentions are paged with a
keyset cursor on (date, event_id), newest first (from the server's in-memory
:class:`heron.serve.event_index.EventIndex` when the request's view has one); deduplicated events
(daily or cluster, from :func:`heron.query.dedup_events`) are formed from the filtered mentions and
paged by position.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from heron.errors import InputError
from heron.query.common import EVENT_DATE, actor_code, parse_when, require_events
from heron.query.dedup import dedup_events

MAX_PAGE = 500
DEFAULT_PAGE = 50
# Deduplication clusters in Python: refuse to do it over more mentions than this in one request.
MAX_DEDUP_MENTIONS = 200_000
DEDUPS = ("raw", "daily", "cluster")

_CAMEO = re.compile(r"^[0-9]{2,4}$")
_PLOVER = re.compile(r"^[A-Z_]{3,40}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")

# Columns of one listed raw event (the export contract's names).
EVENT_FIELDS = (
    "event_id", "article_id", "sentence_index", "date", "date_precision", "source_text", "source_name",
    "source_code", "source_country", "target_text", "target_name", "target_code", "target_country",
    "cameo_code", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover_type", "plover_mode",
    "location_name", "location_country", "latitude", "longitude", "trigger", "confidence", "negated",
    "modality", "sentence_text",
)


@dataclass(frozen=True)
class EventFilter:
    """What the user asked for; every field optional."""

    actor: str | None = None  # either side: ISO3 country or actor code prefix
    source: str | None = None
    target: str | None = None
    country: str | None = None  # either side's country (ISO3)
    cameo: str | None = None  # a CAMEO code or its prefix ("04", "043")
    root: str | None = None  # a 2-digit CAMEO root
    quad: int | None = None  # 1-4
    plover: str | None = None  # PLOVER type
    start: str | None = None
    end: str | None = None
    place: str | None = None  # location country (ISO3)
    text: str | None = None  # the sentence contains this (case-insensitive)
    between: tuple[str, str] | None = None  # a dyad, either direction


def _side(side: str, code: str) -> tuple[str, list[Any]]:
    return f"(e.{side}_country = ? OR starts_with(e.{side}_code, ?))", [code, code]


def _pattern(value: str, pattern: re.Pattern, what: str, fix: str) -> str:
    v = value.strip().upper()
    if not pattern.match(v):
        raise InputError(f"{what} {value!r} is not valid. Fix: {fix}.")
    return v


def where_clause(f: EventFilter, *, date_col: str = EVENT_DATE) -> tuple[str, list[Any]]:
    """SQL condition on ``e.*``/``a.*`` and its parameters (the event date is ``date_col``)."""
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        parts.append(sql)
        params.extend(values)

    if f.actor:
        code = actor_code(f.actor, "actor")
        s_sql, s_p = _side("source", code)
        t_sql, t_p = _side("target", code)
        add(f"({s_sql} OR {t_sql})", s_p + t_p)
    for side, value in (("source", f.source), ("target", f.target)):
        if value:
            add(*_side(side, actor_code(value, side)))
    if f.between:
        a, b = actor_code(f.between[0], "actor A"), actor_code(f.between[1], "actor B")
        (sa, pa), (tb, pb), (sb, pb2), (ta, pa2) = (_side("source", a), _side("target", b), _side("source", b),
                                                    _side("target", a))
        add(f"(({sa} AND {tb}) OR ({sb} AND {ta}))", pa + pb + pb2 + pa2)
    if f.country:
        c = _pattern(f.country, _ISO3, "country", "give an ISO 3166 alpha-3 code such as IRN")
        add("(e.source_country = ? OR e.target_country = ?)", [c, c])
    if f.cameo:
        add("starts_with(e.cameo_code, ?)", [_pattern(f.cameo, _CAMEO, "CAMEO code", "give 2-4 digits such as 04 or 043")])
    if f.root:
        r = _pattern(f.root, re.compile(r"^[0-9]{2}$"), "CAMEO root", "give two digits such as 19")
        add("coalesce(e.cameo_root, left(e.cameo_code, 2)) = ?", [r])
    if f.quad is not None:
        if f.quad not in (1, 2, 3, 4):
            raise InputError(f"quad {f.quad!r} is not valid. Fix: give 1, 2, 3 or 4.")
        add("e.quad_class = ?", [f.quad])
    if f.plover:
        add("e.plover_type = ?", [_pattern(f.plover, _PLOVER, "PLOVER type", "give a type such as ASSAULT")])
    start, end = parse_when(f.start), parse_when(f.end, end=True)
    if start is not None:
        add(f"{date_col} >= ?", [start])
    if end is not None:
        add(f"{date_col} <= ?", [end])
    if f.place:
        add("e.location_country = ?", [_pattern(f.place, _ISO3, "place country", "give an ISO3 code such as SYR")])
    if f.text:
        if len(f.text) > 200:
            raise InputError("text filter longer than 200 characters. Fix: search for a shorter phrase.")
        add("contains(lower(e.sentence_text), lower(?))", [f.text])
    return (" AND ".join(parts) or "TRUE"), params


def encode_cursor(payload: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, *, kind: str) -> dict[str, Any]:
    bad = InputError(f"cursor {cursor[:40]!r} is not one this server gave. Fix: pass the next_cursor of the "
                     "previous page unchanged, or leave it out for the first page.")
    if len(cursor) > 200:
        raise bad
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise bad from exc
    if not isinstance(data, dict) or data.get("k") != kind:
        raise bad
    return data


@dataclass
class EventPage:
    rows: pd.DataFrame
    next_cursor: str | None
    dedup: str


def list_events(view, f: EventFilter, *, dedup: str = "raw", limit: int = DEFAULT_PAGE,
                cursor: str | None = None) -> EventPage:
    """One page of events matching ``f``: raw mentions (newest first) or deduplicated events."""
    if dedup not in DEDUPS:
        raise InputError(f"unknown dedup {dedup!r}. Fix: choose one of {', '.join(DEDUPS)}.")
    if not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise InputError(f"page size {limit!r} is out of range. Fix: ask for 1 to {MAX_PAGE} events a page.")
    if dedup == "raw":
        index = getattr(view, "event_index", None)
        page = indexed_page(index, f, limit=limit, cursor=cursor, view=view) if index is not None else None
        if page is not None:
            return page
        require_events(view)
        return _raw_page(view, f, limit=limit, cursor=cursor)
    require_events(view)
    where, params = where_clause(f)
    return _dedup_page(view, where, params, method=dedup, limit=limit, cursor=cursor)


def indexed_page(index, f: EventFilter, *, limit: int = DEFAULT_PAGE, cursor: str | None = None,
                 view=None) -> EventPage | None:
    """A page of raw mentions from the in-memory :class:`~heron.serve.event_index.EventIndex`, or None
    when DuckDB has to answer (a text filter; without ``view``, also rows beyond the index's head)."""
    if not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise InputError(f"page size {limit!r} is out of range. Fix: ask for 1 to {MAX_PAGE} events a page.")
    where_clause(f)  # the same checks of every value, and the same messages
    found = index.page(view, f, limit=limit, after=_raw_after(cursor))
    if found is None:
        return None
    rows, after = found
    return EventPage(rows=rows, next_cursor=_raw_cursor(*after) if after else None, dedup="raw")


# Raw mentions come from two branches: those with their own date (no join needed) and those placed
# on their article's publication date. Each gives the sort key and the FROM/WHERE for it.
_BRANCHES = (
    ("e.date", "FROM events e WHERE e.date IS NOT NULL", "e.date"),
    (f"coalesce({EVENT_DATE}, DATE '0001-01-01')",
     "FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE e.date IS NULL", EVENT_DATE),
)


def _raw_after(cursor: str | None) -> tuple[date, str] | None:
    """The (date, event_id) of the last mention of the previous page, from its cursor."""
    if not cursor:
        return None
    c = decode_cursor(cursor, kind="raw")
    try:
        return date.fromisoformat(str(c["d"])), str(c["i"])
    except (KeyError, ValueError) as exc:
        raise InputError("cursor is damaged. Fix: pass the next_cursor of the previous page unchanged.") from exc


def _raw_cursor(day: date, event_id: str) -> str:
    return encode_cursor({"k": "raw", "d": day.isoformat(), "i": event_id})


def _raw_page(view, f: EventFilter, *, limit: int, cursor: str | None) -> EventPage:
    """Newest first by (date, event_id). Two passes: the dates alone find the oldest date the page can
    reach (sorting a million dates is cheap, by a string tiebreak not); then only the mentions from
    that date on are read in full and sorted."""
    after = _raw_after(cursor)

    def branches(select: str, *, floor: date | None) -> tuple[str, list[Any]]:
        parts, values = [], []
        for key, source, date_col in _BRANCHES:
            where, params = where_clause(f, date_col=date_col)
            conds, vals = [f"({where})"], list(params)
            if after is not None:
                conds.append(f"({key} < ? OR ({key} = ? AND e.event_id < ?))")
                vals += [after[0], after[0], after[1]]
            if floor is not None:
                conds.append(f"{key} >= ?")
                vals.append(floor)
            cols = select.format(key=key, date=date_col)
            parts.append(f"SELECT {cols} {source} AND {' AND '.join(conds)}")
            values += vals
        return " UNION ALL ".join(f"({p})" for p in parts), values

    keys_sql, values = branches("{key} AS _key", floor=None)
    floor = view.con.execute(f"SELECT min(_key) FROM (SELECT _key FROM ({keys_sql}) ORDER BY _key DESC LIMIT ?)",
                             values + [limit + 1]).fetchone()[0]
    cols = ", ".join("{date} AS date" if c == "date" else f"e.{c}" for c in EVENT_FIELDS)
    rows_sql, values = branches(cols + ", {key} AS _key", floor=floor)
    df = view.con.execute(f"SELECT * FROM ({rows_sql}) ORDER BY _key DESC, event_id DESC LIMIT ?",
                          values + [limit + 1]).df()
    next_cursor = None
    if len(df) > limit:
        df = df.iloc[:limit]
        last = df.iloc[-1]
        next_cursor = _raw_cursor(pd.Timestamp(last["_key"]).date(), str(last["event_id"]))
    return EventPage(rows=df.drop(columns=["_key"]).reset_index(drop=True), next_cursor=next_cursor, dedup="raw")


def check_dedup_size(view, f: EventFilter) -> None:
    """Deduplication clusters in Python, out of reach of the query time bound: refuse it over more
    than MAX_DEDUP_MENTIONS mentions (counted by DuckDB first)."""
    where, params = where_clause(f)
    _check_dedup_count(view, where, params)


def _check_dedup_count(view, where: str, params: list[Any]) -> None:
    n = view.con.execute(f"SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE {where}",
                         params).fetchone()[0]
    if n > MAX_DEDUP_MENTIONS:
        raise InputError(f"deduplicating {n:,} mentions in one request is more than this server does "
                         f"({MAX_DEDUP_MENTIONS:,}). Fix: narrow the filters (actor, code, a shorter date range), "
                         "or ask for raw mentions (dedup=raw).")


def _dedup_page(view, where: str, params: list[Any], *, method: str, limit: int, cursor: str | None) -> EventPage:
    _check_dedup_count(view, where, params)
    offset = 0
    if cursor:
        c = decode_cursor(cursor, kind=method)
        offset = c.get("o")
        if not isinstance(offset, int) or offset < 0:
            raise InputError("cursor is damaged. Fix: pass the next_cursor of the previous page unchanged.")
    df = dedup_events(view, method=method, where=where, params=params)
    df = df.iloc[::-1].reset_index(drop=True)  # newest first, as raw pages
    page = df.iloc[offset:offset + limit].reset_index(drop=True)
    more = offset + limit < len(df)
    return EventPage(rows=page, next_cursor=encode_cursor({"k": method, "o": offset + limit}) if more else None,
                     dedup=method)
