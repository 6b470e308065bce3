"""`heron actors`: review, export and edit the people Heron has learned from articles."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Optional

import typer

from heron.cli import app, friendly


@app.command()
@friendly
def actors(
    db: str = typer.Option("heron.duckdb", "--db", help="DuckDB file"),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl | csv"),
    export_to: Optional[Path] = typer.Option(None, "--export", help="write the table to this CSV file to edit it"),
    load: Optional[Path] = typer.Option(None, "--load", help="load an edited CSV back; its rows become reviewed"),
) -> None:
    """People learned from articles (name, role, country, sectors, first/last seen, source article)."""
    from heron.cli.render import print_rows
    from heron.export import to_text, write_csv
    from heron.store import Store
    from heron.store.learned import learned_rows, load_reviewed

    with Store(db, read_only=load is None) as store:  # listing or exporting only reads
        if load is not None:
            with load.open(encoding="utf-8", newline="") as fh:
                n = load_reviewed(store.con, csv.DictReader(fh))
            typer.echo(f"loaded {n} reviewed actors from {load}", err=True)
        rows = learned_rows(store.con)
    if export_to is not None:
        from heron.outfile import open_out

        with open_out(export_to) as fh:
            write_csv(rows, fh)
        typer.echo(f"wrote {len(rows)} actors to {export_to}", err=True)
        return
    if fmt == "table":
        print_rows(rows, title=f"{len(rows)} learned actors")
    else:
        sys.stdout.write(to_text(rows, fmt))
