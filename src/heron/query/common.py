"""Shared pieces of the query layer: the mention SQL, actor matching, dates and periods.

The ``events`` table holds raw *mentions*: one row per event found in one sentence of one article.
Every query reads either those rows or deduplicated events (see :mod:`heron.query.dedup`); both
come out of :func:`heron.query.source.event_source` with the same columns, so the aggregations are
written once. This module is the bottom of the query layer: it imports no other query module.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from heron.errors import InputError, StoreError

PERIODS = ("day", "week", "month", "year")
QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
DEDUP_METHODS = ("cluster", "daily")

# The date an event is placed on: its own date, else its article's publication date.
EVENT_DATE = "coalesce(e.date, a.published)"

# One row per raw mention, with the columns every query and the deduplication need.
MENTION_COLUMNS = f"""
    e.event_id, e.article_id, e.sentence_index, e.start,
    {EVENT_DATE} AS date, CASE WHEN e.date IS NULL THEN 'day' ELSE coalesce(e.date_precision, 'day') END
        AS date_precision, a.published, a.source AS publisher,
    e.source_code, e.source_country, e.source_name,
    e.target_code, e.target_country, e.target_name,
    coalesce(e.source_country, e.source_code) AS source_key,
    coalesce(e.target_country, e.target_code) AS target_key,
    e.cameo_code, coalesce(e.cameo_root, left(e.cameo_code, 2)) AS cameo_root, e.cameo_name,
    e.goldstein, e.quad_class, e.penta_class, e.plover_type,
    e.location_name, e.location_country
"""

# The columns an "event source" (raw mentions or deduplicated events) offers to the aggregations.
EVENT_COLUMNS = (
    "event_id", "date", "date_precision", "source_code", "source_country", "source_name", "target_code", "target_country",
    "target_name", "source_key", "target_key", "cameo_code", "cameo_root", "cameo_name", "goldstein",
    "quad_class", "penta_class", "plover_type", "location_name", "location_country",
    "n_mentions", "n_sources", "n_articles",
)

# The date precisions a period can bin: an event dated only to a year is not a January event, so
# a monthly series leaves it out (and says how many it left out) rather than counting it in January.
BINNABLE = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def precise_enough(by: str, col: str = "date_precision") -> str:
    """A condition: the event's date is precise enough to be counted in a ``by`` period."""
    return f"coalesce({col}, 'day') IN ({', '.join(repr(p) for p in BINNABLE[by])})"


# Mentions come in this order: the first one of a group is its "earliest member".
MENTION_ORDER = "date NULLS LAST, published NULLS LAST, article_id, sentence_index, start, event_id"


def mentions_sql(where: str = "TRUE") -> str:
    """SQL for the raw mentions matching ``where`` (a condition on ``e.*``, ``a.*`` and EVENT_DATE)."""
    return f"SELECT {MENTION_COLUMNS} FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE {where}"


def date_where(start: date | None, end: date | None, *, pad_days: int = 0, col: str = EVENT_DATE) -> str:
    """A condition on the event date (or ``col``), widened by ``pad_days`` on both sides (literals, no
    parameters)."""
    parts = []
    if start is not None:
        parts.append(f"{col} >= DATE '{(start - timedelta(days=pad_days)).isoformat()}'")
    if end is not None:
        parts.append(f"{col} <= DATE '{(end + timedelta(days=pad_days)).isoformat()}'")
    return " AND ".join(parts) or "TRUE"


_CODE = re.compile(r"^[A-Z0-9]{3,}$")


def actor_code(value: str, what: str = "actor") -> str:
    """Normalise a user-given country (ISO3) or actor code prefix: 'irn' -> 'IRN'."""
    code = (value or "").strip().upper()
    if not _CODE.match(code):
        raise InputError(
            f"{what} {value!r} is not a country or actor code. "
            "Fix: give an ISO3 country code (IRN) or a CAMEO actor code prefix (IRNGOV, IGOUNO)."
        )
    return code


def side_matches(side: str, code: str) -> str:
    """SQL condition: the ``side`` ('source' or 'target') actor is country ``code`` or has that code prefix.

    ``code`` must already have passed :func:`actor_code` (letters and digits only).
    """
    return f"(e.{side}_country = '{code}' OR starts_with(e.{side}_code, '{code}'))"


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_when(value: date | datetime | str | None, *, end: bool = False) -> date | None:
    """``2015``, ``2015-10`` or ``2015-10-22`` (or a date). A partial ``end`` means its last day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _DATE.match(str(value).strip())
    if not m:
        raise InputError(f"cannot read the date {value!r}. Fix: write YYYY, YYYY-MM or YYYY-MM-DD.")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            return date(year, int(month), int(day))
        if month is not None:
            month_i = int(month)
            return date(year, month_i, calendar.monthrange(year, month_i)[1] if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as exc:
        raise InputError(f"cannot read the date {value!r}: {exc}. Fix: write YYYY, YYYY-MM or YYYY-MM-DD.") from exc


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise InputError(f"unknown period {by!r}. Fix: choose one of {', '.join(PERIODS)}.")
    return by


def period_start(d: date, by: str) -> date:
    if by == "day":
        return d
    if by == "week":
        return d - timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    return d.replace(month=1, day=1)


def next_period(d: date, by: str) -> date:
    if by == "day":
        return d + timedelta(days=1)
    if by == "week":
        return d + timedelta(days=7)
    if by == "month":
        return date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


def period_range(first: date, last: date, by: str) -> list[date]:
    """Every period start from the one holding ``first`` to the one holding ``last``."""
    out, p, stop = [], period_start(first, by), period_start(last, by)
    while p <= stop:
        out.append(p)
        p = next_period(p, by)
    return out


def require_events(store) -> None:
    """Fail with a fix, not a catalog error, on a file that is not a Heron store."""
    names = {r[0] for r in store.con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE table_name IN ('events', 'articles')").fetchall()}
    if names != {"events", "articles"}:
        raise StoreError(f"{store.path} holds no Heron events. "
                         f"Fix: point --db at a database written by `heron code`.")


def fetch_arrow(con, sql: str, params: Sequence[Any] = ()):
    """Run ``sql`` and return a pyarrow Table (the API differs across DuckDB versions)."""
    rel = con.sql(sql, params=list(params) or None)
    for name in ("to_arrow_table", "fetch_arrow_table", "arrow"):
        method = getattr(rel, name, None)
        if method is not None:
            return method()
    raise AttributeError("this DuckDB cannot return Arrow tables")


def dedup_method(dedup: bool | str | None) -> str | None:
    """``False``/``None`` -> raw mentions; ``True`` -> 'cluster'; or the method's name."""
    if dedup is None or dedup is False:
        return None
    if dedup is True:
        return "cluster"
    if dedup in DEDUP_METHODS:
        return str(dedup)
    raise InputError(f"unknown dedup method {dedup!r}. Fix: choose one of {', '.join(DEDUP_METHODS)}.")
