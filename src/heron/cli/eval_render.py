"""`heron eval` output: the report dict of :mod:`heron.eval.report` as readable rich tables."""

from __future__ import annotations

from typing import Any

from heron.eval.metrics import LEVELS


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}"


def render(report: dict[str, Any], console=None) -> None:
    """Print the report as rich tables."""
    from rich.console import Console
    from rich.table import Table

    con = console or Console()
    if "lgl" in report:
        _render_lgl(con, report)
        return
    if "news" in report:
        _render_news(con, report)
        return
    speed = f", {report['items_per_second']} items/s" if report.get("items_per_second") else ""
    con.print(f"[bold]heron eval[/bold] {report['format']}  {report['path']}")
    con.print(f"{report['items']} items, {report['gold_events']} gold events, "
              f"{report['predicted_events']} coded events, {report['seconds']} s{speed}")

    if "levels" in report and report["levels"]:
        t = Table(title="Events: precision / recall / F1 (per sentence, multiset match)", title_justify="left", min_width=72)
        for col in ("level", "items", "tp", "fp", "fn", "P %", "R %", "F1 %"):
            t.add_column(col, justify="left" if col == "level" else "right")
        for name, row in report["levels"].items():
            t.add_row(row["title"], str(row["items"]), str(row["tp"]), str(row["fp"]), str(row["fn"]),
                      _pct(row["precision"]), _pct(row["recall"]), _pct(row["f1"]))
        con.print(t)

    if "main" in report:
        t = Table(title="Main event (highest confidence; no event = miss)", title_justify="left", min_width=72)
        for col in ("level", "correct", "total", "accuracy %"):
            t.add_column(col, justify="left" if col == "level" else "right")
        names = {"root_any": "gold root among any coded event"}
        for name, row in report["main"].items():
            t.add_row(names.get(name, LEVELS[name].title if name in LEVELS else name), str(row["correct"]),
                      str(row["total"]), _pct(row["accuracy"]))
        ne = report["no_event"]
        t.add_row("sentences with no event coded", str(ne["correct"]), str(ne["total"]), _pct(ne["accuracy"]))
        con.print(t)

    if "confusion" in report:
        conf = report["confusion"]
        t = Table(title=f"By gold {conf['level']}: main-event recall and the most common confusion",
                  title_justify="left", min_width=72)
        for col in ("gold", "n", "correct", "recall %", "precision %", "most often coded instead"):
            t.add_column(col, justify="left" if col in ("gold", "most often coded instead") else "right")
        for row in conf["per_class"]:
            t.add_row(row["gold"], str(row["n"]), str(row["correct"]), _pct(row["recall"]),
                      _pct(row["precision"]), row["top_confusion"])
        con.print(t)
        if conf["level"] == "penta":
            _matrix(con, conf["table"])

    if report.get("worst"):
        con.print("[bold]Worst misses[/bold] (gold vs the coded main event)")
        for k, row in enumerate(report["worst"], 1):
            _example(con, k, f"{row['why']}  [{row['id']}]", row["text"],
                     [("gold", row["gold"]), ("coded", row["predicted"]),
                      ("also", "; ".join(row.get("others") or []))])

    if "categories" in report:
        t = Table(title="PETRARCH unit tests: records whose coded events equal the expected ones",
                  title_justify="left", min_width=72)
        for col in ("category", "passed", "records", "pass %"):
            t.add_column(col, justify="left" if col == "category" else "right")
        for name, row in report["categories"].items():
            t.add_row(f"[bold]{name}[/bold]" if name == "ALL" else name, str(row["correct"]), str(row["total"]),
                      _pct(row["accuracy"]))
        con.print(t)
        if report.get("failed"):
            con.print("[bold]Failed records[/bold] (source target code)")
            for k, row in enumerate(report["failed"], 1):
                _example(con, k, f"{row['id']} ({row['group']})", row["text"],
                         [("expected", ", ".join(row["expected"]) or "(none)"),
                          ("coded", ", ".join(row["coded"]) or "(none)")])

    if "labels" in report:
        t = Table(title="IndiaPoliceEvents labels: P / R / F1 %", title_justify="left", min_width=72)
        for col in ("label", "gold sentences", "sentences", "documents"):
            t.add_column(col, justify="left" if col == "label" else "right", no_wrap=True)
        for lab, row in report["labels"].items():
            s, d = row["sentence"], row["document"]
            t.add_row(lab if row["mapped"] else f"{lab} (unmapped)", str(row["gold_sentences"]),
                      f"{_pct(s['precision'])} / {_pct(s['recall'])} / {_pct(s['f1'])}",
                      f"{_pct(d['precision'])} / {_pct(d['recall'])} / {_pct(d['f1'])}")
        con.print(t)
        con.print(f"[dim]mapping: {report['label_summary']}[/dim]")
        if report.get("label_examples"):
            con.print("[bold]Label errors[/bold] (misses, then false alarms)")
            for k, row in enumerate(report["label_examples"], 1):
                _example(con, k, row["id"], row["text"],
                         [("gold", " ".join(row["gold"]) or "-"), ("predicted", " ".join(row["predicted"]) or "-"),
                          ("events", "; ".join(row["events"]) or "(none)")])

    if "actors" in report:
        t = Table(title="Actors (gold PLOVER actors, matched by text overlap)", title_justify="left", min_width=72)
        for col in ("matched against", "gold actors", "coverage %", "country acc %", "sector acc %"):
            t.add_column(col, justify="left" if col == "matched against" else "right")
        labels = {"mentions": "our actor mentions", "events": "our event sources/targets"}
        for view, row in report["actors"].items():
            t.add_row(labels[view], str(row["gold_actors"]), _pct(row["coverage"]),
                      f"{_pct(row['country_accuracy'])} (of {row['country_scored']})", _pct(row["sector_accuracy"]))
        con.print(t)
        errs = report["actors"]["mentions"]["country_errors"]
        if errs:
            con.print("country errors (gold -> ours): " + ", ".join(f"{e['gold']}->{e['ours']} x{e['n']}" for e in errs))


def _example(con, k: int, head: str, text: str, lines: list[tuple[str, str]]) -> None:
    from rich.markup import escape

    con.print(f"{k:>2}. [bold]{escape(head)}[/bold]")
    con.print(f"    {escape(text)}", highlight=False)
    for label, value in lines:
        if value:
            con.print(f"    [dim]{label}:[/dim] {escape(value)}", highlight=False)


def _matrix(con, table: dict[str, dict[str, int]]) -> None:
    from rich.table import Table

    cols = sorted({p for row in table.values() for p in row if p != "none"}) + ["none"]
    t = Table(title="Confusion (rows gold, columns coded main event)", title_justify="left", min_width=72)
    t.add_column("gold")
    for c in cols:
        t.add_column(c, justify="right")
    for g, row in table.items():
        t.add_row(g, *[str(row.get(c, 0)) for c in cols])
    con.print(t)


def _render_lgl(con, report: dict[str, Any]) -> None:
    from rich.table import Table

    t = Table(title=f"LGL geoparsing: {report['path']}", title_justify="left", min_width=72)
    t.add_column("measure")
    t.add_column("value", justify="right")
    for key, value in report["lgl"].items():
        if isinstance(value, float):
            shown = f"{100 * value:.1f} %" if 0.0 <= value <= 1.0 and not key.endswith(("_s", "seconds", "_km")) \
                else f"{value:.2f}"
        elif isinstance(value, (int, str)) or value is None:
            shown = str(value)
        else:
            continue  # lists and nested tables: see --json
        t.add_row(key, shown)
    con.print(t)


_NEWS_LEVELS = {"country_root": "source+target country, CAMEO root", "code_root": "source+target code, CAMEO root",
                "country_exact": "source+target country, exact code", "code_exact": "source+target code, exact code",
                "root_only": "CAMEO root only (actors ignored)", "dyad_only": "dyad only (code ignored)",
                "country_root_overlap": "country + root, same sentence only (no 'near')",
                "country_root_lenient": "country + root, unknown-country actor of the gold sector accepted",
                "source_root": "source country + root (target ignored)"}


def _render_news(con, report: dict[str, Any]) -> None:
    from rich.table import Table

    news = report["news"]
    speed = f", {report['items_per_second']} articles/s" if report.get("items_per_second") else ""
    con.print(f"[bold]heron eval[/bold] news  {report['path']}  (annotations: {report['annotations']})")
    con.print(f"{report['items']} articles, {report['gold_events']} key events, "
              f"{report['predicted_events']} coded events, {report['seconds']} s{speed}")
    for why in report.get("skipped") or []:
        con.print(f"[yellow]skipped[/yellow] {why}")
    t = Table(title=f"Key-event recall (a coded event within {news['matching']['near_chars']} chars of the "
                    f"gold sentence)", title_justify="left", min_width=72)
    t.add_column("match on")
    t.add_column("found", justify="right")
    t.add_column("recall %", justify="right")
    for level, value in news["recall"].items():
        t.add_row(_NEWS_LEVELS.get(level, level), str(news["found"].get(level, 0)), _pct(value))
    con.print(t)
    prec, over = news["precision_against_key_events"], news["over_coding"]
    place, when, counts = news["place"], news["date"], news["counts"]
    t = Table(title="Precision, over-coding, place, date, counts", title_justify="left", min_width=72)
    t.add_column("measure")
    t.add_column("value", justify="right")
    t.add_row("precision against key events (country + root) %", _pct(prec["country_root"]))
    t.add_row("precision against key events (code + exact) %", _pct(prec["code_exact"]))
    t.add_row("over-coding: coded / key events (all articles)", str(over["overall"]))
    t.add_row("over-coding: mean per article (max)", f"{over['mean_per_article']} ({over['max_per_article']})")
    t.add_row(f"place country on found events % (of {place['country_scored']})", _pct(place["country_accuracy"]))
    t.add_row(f"place name on found events % (of {place['name_scored']})", _pct(place["name_accuracy"]))
    t.add_row(f"date exact on found events % (of {when['day_scored']})", _pct(when["day_accuracy"]))
    t.add_row("date within 1 day %", _pct(when["within_1_day"]))
    t.add_row(f"day and month, undated sources % (of {when['month_day_scored']})", _pct(when["month_day_accuracy"]))
    pr, wr = news.get("place_root_only") or {}, news.get("date_root_only") or {}
    if pr:
        t.add_row(f"place country, events found by root alone % (of {pr['country_scored']})",
                  _pct(pr["country_accuracy"]))
        t.add_row(f"place name, events found by root alone % (of {pr['name_scored']})", _pct(pr["name_accuracy"]))
    if wr:
        t.add_row(f"date exact, events found by root alone % (of {wr['day_scored']})", _pct(wr["day_accuracy"]))
        t.add_row(f"day and month, found by root alone % (of {wr['month_day_scored']})",
                  _pct(wr["month_day_accuracy"]))
    t.add_row(f"counts recall % ({counts['found']} of {counts['gold']}; {counts['predicted']} coded)",
              _pct(counts["recall"]))
    con.print(t)
    t = Table(title="By corpus source", title_justify="left", min_width=72)
    for col in ("source", "articles", "key events", "coded", "recall %"):
        t.add_column(col, justify="left" if col == "source" else "right")
    for name, row in news["by_source"].items():
        t.add_row(name, str(row["articles"]), str(row["gold"]), str(row["predicted"]), _pct(row["recall"]))
    con.print(t)
    if news["miss_types"]:
        con.print("miss types: " + ", ".join(f"{k} x{n}" for k, n in news["miss_types"].items()))
    if news["unmatched_predicted_roots"]:
        con.print("unmatched coded events by root: "
                  + ", ".join(f"{k} x{n}" for k, n in news["unmatched_predicted_roots"].items()))
    shown = news["misses"][:news.get("worst", 10)]
    if shown:
        con.print(f"[bold]Misses[/bold] ({len(shown)} of {len(news['misses'])}; gold vs the nearest coded event)")
        for k, row in enumerate(shown, 1):
            _example(con, k, f"{row['why']}  [{row['id']} {row['eid']}]", row["text"],
                     [("gold", row["gold"]), ("nearest", row["nearest"] or "(none)"),
                      ("also", "; ".join(row["others"]))])
