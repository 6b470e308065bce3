"""The ``heron`` command line. Each command is a thin layer over an importable function."""

from __future__ import annotations

import functools
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from heron.errors import HeronError, InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Heron: political event data (CAMEO, PLOVER) from news text, offline.",
    pretty_exceptions_enable=False,
)

def friendly(fn):
    """Turn Heron's errors into a red one-line message and exit status 2 (no traceback)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except HeronError as exc:
            typer.secho(f"error: {exc}", err=True, fg="red")
            raise typer.Exit(code=2) from exc

    return wrapper


DbOption = typer.Option("heron.duckdb", "--db", help="DuckDB file (':memory:' for a throwaway store)")


def _published(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    from heron.ingest import parse_published

    return parse_published(value)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="log progress details to stderr")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@app.command()
@friendly
def code(
    inputs: list[str] = typer.Argument(..., help="files, folders, or - for stdin (.txt, .jsonl, .html)"),
    db: str = DbOption,
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl | csv | none"),
    published: Optional[str] = typer.Option(None, help="publication date for inputs that lack one (YYYY-MM-DD)"),
    source: Optional[str] = typer.Option(None, help="source name for inputs that lack one"),
    workers: Optional[int] = typer.Option(None, help="worker processes (default: the machine's cores)"),
    actors: list[Path] = typer.Option([], "--actors", help="extra actor dictionary: YAML/CSV or PETRARCH .actors.txt/.agents.txt (repeatable)"),
    verbs: list[Path] = typer.Option([], "--verbs", help="PETRARCH/TABARI verb dictionary: its verbs are coded by its patterns (repeatable)"),
    model: Optional[str] = typer.Option(None, help="spaCy model name or path"),
    no_require_dyad: bool = typer.Option(False, "--no-require-dyad", help="keep events that lack a source or target"),
    main_only: bool = typer.Option(False, "--main-only", help="only the main event of each sentence (PETRARCH-style); the others are not stored"),
    main_per: str = typer.Option("sentence", "--main-per", help="with --main-only: one main event per 'sentence' or per directed 'dyad'"),
    fast: bool = typer.Option(False, "--fast", help="tag and parse only the sentences that can carry an event or a count (heron.nlp.gate); the others yield nothing"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar and no summary"),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) | ray (pip install 'heron-events[ray]')"),
    address: Optional[str] = typer.Option(None, "--address", help="with --engine ray: join this Ray cluster (e.g. ray://HEAD:10001); default: start a local one"),
    shard_lines: int = typer.Option(200, "--shard-lines", min=1, help="JSONL lines / Parquet rows per shard"),
    recode: bool = typer.Option(False, "--recode", help="code every shard again, even those the store has already coded"),
    out_parquet: Optional[Path] = typer.Option(None, "--out-parquet", help="also write each shard's events to this folder as Parquet, by month (events/month=YYYY-MM/)"),
) -> None:
    """Code news articles into events, store them, and print this run's events.

    Inputs (files, folders, globs; .jsonl.gz/.zst and Parquet too) are coded in shards recorded in
    the store: running the same command again codes only new or changed shards, and resumes a run
    that was killed."""
    from heron.cli.render import print_events, print_summary, progress_bar
    from heron.runner import code_inputs
    from heron.settings import Settings
    from heron.store import Store

    from heron.ingest import empty_folders

    empty = empty_folders(inputs)
    if empty and len(empty) == len(inputs):  # nothing to read at all: say so, create no store
        raise InputError(f"nothing to read: {', '.join(empty)} {'is an empty folder' if len(empty) == 1 else 'are empty folders'} "
                         f"(no files Heron reads; hidden files are skipped). Fix: point `heron code` at a folder "
                         f"holding .txt, .jsonl, .json or .html files, or at the files themselves.")
    if main_per not in ("sentence", "dyad"):
        raise typer.BadParameter(f"{main_per!r}: use 'sentence' or 'dyad'", param_hint="--main-per")
    settings = Settings(model=model, actor_files=tuple(actors), verb_files=tuple(verbs),
                        require_dyad=not no_require_dyad, main_only=main_only, main_per=main_per,
                        fast=fast)
    from heron.runner import check_dictionaries
    from heron.shards import run_job

    check_dictionaries(settings)  # a bad --actors/--verbs line: one message naming file and line
    if "-" in inputs and engine != "local":
        raise InputError("standard input (-) is coded by the local engine only. Fix: save it to a file first.")
    with Store(db) as store, progress_bar(enabled=not quiet) as advance:
        if "-" in inputs:  # a stream: no shards to record, coded as it comes
            summary = code_inputs(inputs, store=store, settings=settings, workers=workers,
                                  published=_published(published), source=source, progress=advance,
                                  stdin=sys.stdin.buffer)
        else:
            summary = run_job(inputs, store=store, settings=settings, engine=engine, workers=workers,
                              address=address, lines=shard_lines, published=_published(published),
                              source=source, recode=recode, progress=advance, out_parquet=out_parquet)
    print_events(summary.events, fmt=fmt)
    if not quiet:
        print_summary(summary, db=db)
    skipped = getattr(summary, "n_shards_skipped", 0)
    if summary.n_coded == 0 and not (skipped and skipped == summary.n_shards):  # all done before: fine
        raise typer.Exit(code=1)


@app.command()
@friendly
def export(
    db: str = DbOption,
    table: str = typer.Option("events", help="events | counts | places | actors | articles | sentences | learned"),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | csv | parquet | plover | phoenix"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="output file (default: stdout)"),
    dedup: Optional[str] = typer.Option(None, "--dedup", help="events only: deduplicated events, 'daily' or 'cluster'"),
) -> None:
    """Export a stored table (events: raw mentions, or deduplicated with --dedup)."""
    from heron.export import export as do_export
    from heron.store import Store

    with Store(db, read_only=True) as store:
        n = do_export(store, table=table, fmt=fmt, out=out if out else sys.stdout, dedup=dedup)
    if out:
        typer.echo(f"wrote {n} rows to {out}", err=True)


@app.command()
@friendly
def show(article_id: str, db: str = DbOption) -> None:
    """Show an article sentence by sentence with its actors, events, places and counts."""
    from heron.cli.render import print_article
    from heron.show import article_view
    from heron.store import Store

    with Store(db, read_only=True) as store:
        print_article(article_view(store, article_id))


@app.command()
@friendly
def serve(
    db: str = typer.Option(..., "--db", help="DuckDB file written by `heron code` (opened read-only)"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (loopback by default)"),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="port to listen on"),
    allow_edits: bool = typer.Option(False, "--allow-edits", help="let the actors page accept/reject learned people, with the printed token"),
) -> None:
    """Serve a web dashboard and a read-only REST API (/api/v1, reference at /docs) over a store."""
    from heron.serve import serve as run_server
    from heron.serve.edits import new_token

    token = new_token() if allow_edits else None
    typer.echo(f"heron serve: {db} at http://{host}:{port}/ (API reference at /docs)", err=True)
    if token:
        typer.echo(f"edits allowed; the edit token (X-Heron-Token) is: {token}", err=True)
    run_server(db, host=host, port=port, allow_edits=allow_edits, token=token)


def main() -> None:
    app()

# Commands that live in their own modules register themselves on ``app`` when imported.
from heron.cli import commands_actors, commands_eval, commands_query  # noqa: E402,F401
