"""``heron eval GOLD``: score the coder on a gold set and print a report (tables or one JSON object)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from heron.cli import app, friendly


@app.command("eval")
@friendly
def eval_command(
    gold: Path = typer.Argument(..., help="gold file or folder (cameo-manual JSONL, ConfliBERT TSV, PETRARCH "
                                          "unit tests, IndiaPoliceEvents, LGL XML, or a news corpus "
                                          "Heron has annotations for)"),
    fmt: str = typer.Option("auto", "--format", "-f",
                            help="auto | cameo-manual | conflibert | petrarch | indiapolice | lgl | news"),
    annotations: Optional[Path] = typer.Option(None, "--annotations",
                                               help="news: the annotation file for the corpus (default: the "
                                                    "one Heron ships for a corpus of that name)"),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="score only the first N items"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object instead of tables"),
    actors: list[Path] = typer.Option([], "--actors", help="extra actor dictionary (repeatable); PETRARCH "
                                                             "sets add their own Validate dictionaries"),
    verbs: list[Path] = typer.Option([], "--verbs", help="PETRARCH verb dictionary (repeatable); PETRARCH sets "
                                                           "add their own Validate verbs"),
    model: Optional[str] = typer.Option(None, help="spaCy model name or path"),
    no_require_dyad: bool = typer.Option(False, "--no-require-dyad", help="keep events that lack a source or target"),
    worst: int = typer.Option(10, "--worst", min=0, help="how many worst misses to list"),
    fast: bool = typer.Option(False, "--fast", help="parse only the sentences the gate keeps, as `heron code --fast`"),
) -> None:
    """Score the coder on a gold set: P/R/F1 by level, main-event accuracy, confusions, worst misses."""
    from heron.cli.render import progress_bar
    from heron.eval import evaluate

    with progress_bar(enabled=not as_json) as advance:
        report = evaluate(gold, fmt, limit=limit, actor_files=tuple(actors), verb_files=tuple(verbs),
                          require_dyad=not no_require_dyad,
                          model=model, worst=worst, progress=advance, annotations=annotations,
                          fast=fast)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, default=str))
    else:
        from heron.cli.eval_render import render

        render(report)
