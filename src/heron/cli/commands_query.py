"""``heron dyad`` and ``heron top``: the analysts' commands over a coded store."""

from __future__ import annotations

import csv
import json
import math
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional

import typer

from heron.cli import app, friendly
from heron.errors import InputError

FORMATS = ("table", "jsonl", "csv")

_Db = typer.Option("heron.duckdb", "--db", help="DuckDB file written by `heron code`")
_Dedup = typer.Option(False, "--dedup", help="count deduplicated events instead of raw mentions")
_Method = typer.Option("cluster", "--method", help="with --dedup: cluster (cross-article) | daily (one a day)")
_Window = typer.Option(2, "--window", min=0, help="with --dedup --method cluster: days a cluster spans")
_From = typer.Option(None, "--from", help="first day: YYYY, YYYY-MM or YYYY-MM-DD")
_To = typer.Option(None, "--to", help="last day, inclusive: YYYY, YYYY-MM or YYYY-MM-DD")
_Format = typer.Option("table", "--format", "-f", help="table | jsonl | csv")


@app.command()
@friendly
def dyad(
    a: str = typer.Argument(..., help="actor A: ISO3 country (IRN) or actor code prefix (IRNGOV)"),
    b: str = typer.Argument(..., help="actor B: ISO3 country (RUS) or actor code prefix (RUSMIL)"),
    db: str = _Db,
    by: str = typer.Option("month", "--by", help="day | week | month | year"),
    dedup: bool = _Dedup,
    method: str = _Method,
    window: int = _Window,
    start: Optional[str] = _From,
    end: Optional[str] = _To,
    fmt: str = _Format,
    plot: Optional[Path] = typer.Option(None, "--plot", help="also draw the series to this PNG file"),
) -> None:
    """Events between A and B per period, both directions: counts, Goldstein, QuadClass, top codes."""
    from heron.query import dyad_series, plot_dyad
    from heron.store import Store

    _check_format(fmt)
    with Store(db, read_only=True) as store:
        series = dyad_series(store, a, b, by=by, dedup=method if dedup else False, start=start, end=end,
                             window_days=window)
    if series.empty:
        typer.secho(f"no events between {a.upper()} and {b.upper()} in {db}"
                    + (f" from {start}" if start else "") + (f" to {end}" if end else ""), err=True, fg="yellow")
    if series.attrs.get("too_coarse"):
        coarser = {"day": "a month or a year", "week": "a month or a year", "month": "a year"}.get(by, "")
        typer.secho(f"note: {series.attrs['too_coarse']} events dated only to {coarser} are not counted per {by} "
                    f"(use a coarser --by to count them)", err=True, fg="yellow")
    if plot is not None and not series.empty:
        plot_dyad(series, plot, by=by, dedup=method if dedup else False)
        typer.echo(f"wrote {plot}", err=True)
    what = f"deduplicated events ({method})" if dedup else "event mentions"
    _emit(series, fmt=fmt, title=f"{a.upper()} / {b.upper()}: {what} per {by}", period=by,
          drop=("source", "target"))


@app.command()
@friendly
def top(
    db: str = _Db,
    what: str = typer.Option("actors", "--what", help="actors | countries | dyads | codes"),
    start: Optional[str] = _From,
    end: Optional[str] = _To,
    n: int = typer.Option(10, "--n", "-n", min=1, help="how many"),
    dedup: bool = _Dedup,
    method: str = _Method,
    window: int = _Window,
    fmt: str = _Format,
) -> None:
    """The most active actors, countries, dyads or event codes."""
    from heron.query import top as top_list
    from heron.store import Store

    _check_format(fmt)
    with Store(db, read_only=True) as store:
        df = top_list(store, what=what, start=start, end=end, n=n, dedup=method if dedup else False,
                      window_days=window)
    what_counted = f"deduplicated events ({method})" if dedup else "event mentions"
    _emit(df, fmt=fmt, title=f"top {n} {what} by {what_counted}")


# -- output ------------------------------------------------------------------------------------
def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}. Fix: choose one of {', '.join(FORMATS)}.")


def _emit(df, *, fmt: str, title: str, period: str | None = None, drop: tuple[str, ...] = ()) -> None:
    records = [{k: _plain(v) for k, v in r.items()} for r in df.to_dict("records")]
    if fmt == "jsonl":
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(df.columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        _table(df.columns, records, title=title, period=period, drop=drop)


def _table(columns, records: list[dict[str, Any]], *, title: str, period: str | None, drop: tuple[str, ...]) -> None:
    from rich.console import Console
    from rich.table import Table

    cols = [c for c in columns if c not in drop]
    table = Table(title=title, show_lines=False)
    for c in cols:
        numeric = any(isinstance(r.get(c), (int, float)) for r in records)
        table.add_column(_HEADERS.get(c, c), justify="right" if numeric else "left",
                         no_wrap=c != "top_codes" and c != "name" and c != "cameo_name")
    for r in records:
        table.add_row(*[_cell(c, r.get(c), period) for c in cols])
    console = Console()
    if not console.is_terminal:  # piped to a file: don't squeeze the table into 80 columns
        console = Console(width=200)
    console.print(table)


_HEADERS = {
    "goldstein_sum": "gold. sum", "goldstein_mean": "gold. mean", "goldstein": "gold.",
    "verbal_coop": "verb. coop", "material_coop": "mat. coop", "verbal_conflict": "verb. confl",
    "material_conflict": "mat. confl", "top_codes": "top codes", "conflict_share": "conflict %",
    "as_source": "as src", "as_target": "as tgt", "quad_class": "quad",
}


def _cell(col: str, v: Any, period: str | None) -> str:
    if v is None:
        return "-"
    if col == "period" and period:
        return {"month": v[:7], "year": v[:4]}.get(period, v)
    if col == "conflict_share" and isinstance(v, float):
        return f"{100 * v:.0f}%"
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def _plain(v: Any) -> Any:
    """A JSON/CSV-friendly value: ISO dates, None for missing, plain ints and floats."""
    import pandas as pd

    if v is None or (pd.api.types.is_scalar(v) and pd.isna(v)):
        return None
    if isinstance(v, datetime):  # also pandas Timestamp
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        try:
            return v.item()
        except (ValueError, AttributeError):
            return v
    if isinstance(v, float) and math.isnan(v):
        return None
    return v
