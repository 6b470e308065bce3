"""Terminal output for the CLI (the only place that talks to the terminal)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from heron.records import Event

out = Console()
err = Console(stderr=True)
if not out.is_terminal:  # piped or captured: don't squeeze the table into 80 columns
    out.width = 200

EVENT_COLUMNS = ("sentence_index", "date", "source_code", "cameo_code", "target_code", "cameo_name",
                 "trigger", "location_name", "confidence")


@contextmanager
def progress_bar(*, enabled: bool) -> Iterator:
    """A progress bar on stderr, shown only on a terminal and after a handful of articles."""
    if not enabled or not sys.stderr.isatty():
        yield lambda n: None
        return
    seen = [0]
    with Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("coding", total=None, visible=False)

        def advance(n: int) -> None:
            seen[0] += n
            if seen[0] > 8:
                progress.update(task, visible=True)
            progress.advance(task, n)

        yield advance


def print_events(events: Sequence[Event], *, fmt: str) -> None:
    if fmt == "none":
        return
    rows = [e.to_row() for e in events]
    if fmt in ("jsonl", "csv"):
        from heron.export import to_text

        sys.stdout.write(to_text(rows, fmt))
        return
    table = Table(title=f"{len(rows)} events", show_lines=False)
    for col in ("article", *EVENT_COLUMNS):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["article_id"], *[_fmt(r[c]) for c in EVENT_COLUMNS])
    out.print(table)


def print_summary(summary, *, db: str) -> None:
    err.print(f"[bold]read[/bold] {summary.n_read}  [bold]coded[/bold] {summary.n_coded}  "
              f"[bold]events[/bold] {summary.n_events}  [bold]skipped[/bold] {len(summary.problems)}  "
              f"-> {db} (run {summary.run_id})")
    if getattr(summary, "n_shards_skipped", 0):
        err.print(f"  {summary.n_shards_skipped} of {summary.n_shards} shards were already coded in {db} "
                  f"and were skipped (--recode codes them again)")
    for p in summary.problems:
        err.print(f"  [yellow]skipped[/yellow] {p}")


def print_article(view) -> None:
    """Print one article; all text from the data is escaped (a "[...]" in it is not rich markup)."""
    a = {k: escape(str(v)) if isinstance(v, str) else v for k, v in view.article.items()}
    out.print(f"[bold]{a['title'] or a['id']}[/bold]  id={a['id']}  published={a['published']}  source={a['source']}")
    for s in view.sentences:
        out.print(f"\n[bold cyan]\\[{s.index}][/bold cyan] {escape(s.text)}")
        for m in map(_escaped, s.mentions):
            how = m["resolved_by"]
            ante = f" -> mention {m['antecedent']}" if m["antecedent"] is not None else ""
            out.print(f"    actor  {m['text']!r} = {m['name']} \\[{m['code']}] ({how}{ante}; {m['provenance']})")
        for e in map(_escaped, s.events):
            neg = " NEGATED" if e["negated"] else ""
            out.print(
                f"    [green]event[/green]  {e['source_code'] or '-'} {e['cameo_code']} {e['target_code'] or '-'}"
                f"  {e['cameo_name']} | {e['plover_type']}/{e['plover_mode'] or '-'} | goldstein {e['goldstein']}"
                f" | trigger {e['trigger']!r} ({e['pattern_id']}) conf {e['confidence']:.2f}{neg}"
                f" | {e['modality']}"
            )
            out.print(f"           why: {e['reason']}; date {e['date']} ({e['date_reason']});"
                      f" place {e['location_name'] or '-'} ({e['location_reason']})")
        for p in map(_escaped, s.places):
            out.print(f"    place  {p['text']!r} = {p['name']}, {p['country']} "
                      f"({p['latitude']}, {p['longitude']}) \\[{p['role']}; {p['reason']}]")
        for c in map(_escaped, s.counts):
            out.print(f"    count  {c['kind']} {c['value']} ({c['qualifier']}) {c['text']!r}")


def _escaped(row: dict) -> dict:
    return {k: escape(v) if isinstance(v, str) else v for k, v in row.items()}


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def print_rows(rows: Sequence[dict], *, title: str) -> None:
    table = Table(title=title)
    if not rows:
        out.print(f"{title}")
        return
    for col in rows[0]:
        table.add_column(str(col), overflow="fold")
    for r in rows:
        table.add_row(*[_fmt(v) if not isinstance(v, list) else ";".join(v) for v in r.values()])
    out.print(table)
