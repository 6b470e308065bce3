"""The REST API under ``/api/v1``: thin routes over the query functions the CLI uses.

``dyad`` is :func:`heron.query.dyad_series` (``heron dyad``), ``top`` is :func:`heron.query.top`
(``heron top``), ``articles/{id}`` is :func:`heron.show.article_view` (``heron show``), ``actors``
is :func:`heron.store.learned.learned_rows` (``heron actors``), ``codes`` is the ontology.

``events`` (raw mentions) and ``dyad`` (raw series) are ``async``: when the server's in-memory
indexes can answer, they do so in the event loop, with no thread hand-off and no DuckDB cursor
(a few milliseconds); anything else runs in the thread pool over a read-only cursor.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from heron.query import dyad_series, top
from heron.serve import convert, edits, explain
from heron.serve.access import ReadView
from heron.serve.events import DEFAULT_PAGE, MAX_PAGE, EventFilter, check_dedup_size, indexed_page, list_events
from heron.store.learned import learned_rows

router = APIRouter(prefix="/api/v1")

Dedup = Literal["raw", "daily", "cluster"]
_CODE = r"^[A-Za-z0-9]{3,24}$"
_DATE = r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"

_Actor = Query(None, max_length=24, description="either side: ISO3 country (IRN) or actor code prefix (IRNGOV)")
_Start = Query(None, alias="from", pattern=_DATE, description="first day: YYYY, YYYY-MM or YYYY-MM-DD")
_End = Query(None, alias="to", pattern=_DATE, description="last day, inclusive")


def _access(request: Request):
    return request.app.state.access


def _json(body: bytes, headers: dict[str, str] | None = None) -> Response:
    """An answer already encoded (by pandas, see convert.json_with_rows): no per-row Python pass."""
    return Response(body, media_type="application/json", headers=headers or {})


def _dedup_arg(dedup: str) -> bool | str:
    return False if dedup == "raw" else dedup


def event_filter(actor=None, source=None, target=None, country=None, cameo=None, root=None, quad=None,
                 plover=None, start=None, end=None, place=None, text=None) -> EventFilter:
    return EventFilter(actor=actor, source=source, target=target, country=country, cameo=cameo, root=root,
                       quad=quad, plover=plover, start=start, end=end, place=place, text=text)


@router.get("/events", summary="Events (raw mentions or deduplicated), filtered and paged")
async def events(
    request: Request,
    actor: str | None = _Actor,
    source: str | None = Query(None, max_length=24, description="source actor: ISO3 or actor code prefix"),
    target: str | None = Query(None, max_length=24, description="target actor: ISO3 or actor code prefix"),
    country: str | None = Query(None, max_length=3, description="either side's country (ISO3)"),
    cameo: str | None = Query(None, max_length=4, description="CAMEO code or prefix (04, 043)"),
    root: str | None = Query(None, max_length=2, description="CAMEO root (two digits)"),
    quad: int | None = Query(None, ge=1, le=4, description="QuadClass 1-4"),
    plover: str | None = Query(None, max_length=40, description="PLOVER event type (ASSAULT)"),
    start: str | None = _Start,
    end: str | None = _End,
    place: str | None = Query(None, max_length=3, description="location country (ISO3)"),
    text: str | None = Query(None, max_length=200, description="the sentence contains this"),
    dedup: Dedup = Query("raw", description="raw mentions, or deduplicated events: daily | cluster"),
    limit: int = Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description=f"events a page (at most {MAX_PAGE})"),
    cursor: str | None = Query(None, max_length=200, description="next_cursor of the previous page"),
    format: Literal["json", "csv", "parquet"] = Query("json"),
) -> Any:
    f = event_filter(actor, source, target, country, cameo, root, quad, plover, start, end, place, text)
    access = _access(request)
    page = None
    if dedup == "raw" and access.indexes()[1] is not None:
        # answered from memory in the event loop (no thread, no DuckDB cursor) when the index can
        page = indexed_page(access.indexes()[1], f, limit=limit, cursor=cursor)
    if page is None:
        page = await run_in_threadpool(_events_page, access, f, dedup=dedup, limit=limit, cursor=cursor)
    headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
    if format == "csv":
        return Response(convert.to_csv(page.rows), media_type="text/csv; charset=utf-8", headers=headers)
    if format == "parquet":
        return Response(convert.to_parquet(page.rows), media_type="application/vnd.apache.parquet",
                        headers={**headers, "Content-Disposition": 'attachment; filename="events.parquet"'})
    return _json(convert.json_with_rows({"dedup": page.dedup, "count": len(page.rows),
                                          "next_cursor": page.next_cursor}, "events", page.rows), headers)


def _events_page(access, f: EventFilter, *, dedup: str, limit: int, cursor: str | None):
    with access.reading() as view:
        return list_events(view, f, dedup=dedup, limit=limit, cursor=cursor)


@router.get("/dyad/{a}/{b}", summary="The dyad's series both ways (as `heron dyad`)")
async def dyad(
    request: Request,
    a: str = Path(..., pattern=_CODE, description="actor A: ISO3 country or actor code prefix"),
    b: str = Path(..., pattern=_CODE, description="actor B"),
    by: Literal["day", "week", "month", "year"] = Query("month"),
    dedup: Dedup = Query("raw"),
    start: str | None = _Start,
    end: str | None = _End,
) -> Any:
    access = _access(request)
    index = access.indexes()[0]
    if dedup == "raw" and index is not None:
        # counted from the in-memory index in the event loop: the store is not read
        series = dyad_series(ReadView(path=access.path), a, b, by=by, start=start, end=end, index=index)
    else:
        series = await run_in_threadpool(_dyad_series, access, a, b, by=by, dedup=dedup, start=start, end=end)
    meta = {"a": a.upper(), "b": b.upper(), "by": by, "dedup": dedup,
            "too_coarse": int(series.attrs.get("too_coarse", 0))}
    return _json(convert.json_with_rows(meta, "series", series))


def _dyad_series(access, a: str, b: str, *, by: str, dedup: str, start: str | None, end: str | None):
    with access.reading() as view:
        if dedup != "raw":
            check_dedup_size(view, EventFilter(between=(a, b), start=start, end=end))
        return dyad_series(view, a, b, by=by, dedup=_dedup_arg(dedup), start=start, end=end,
                           index=view.dyad_index)


@router.get("/top", summary="Most active actors, countries, dyads or codes (as `heron top`)")
def top_list(
    request: Request,
    what: Literal["actors", "countries", "dyads", "codes"] = Query("actors"),
    start: str | None = _Start,
    end: str | None = _End,
    n: int = Query(10, ge=1, le=100),
    dedup: Dedup = Query("raw"),
) -> Any:
    with _access(request).reading() as view:
        if dedup != "raw":
            check_dedup_size(view, EventFilter(start=start, end=end))
        df = top(view, what=what, start=start, end=end, n=n, dedup=_dedup_arg(dedup))
    return _json(convert.json_with_rows({"what": what}, "rows", df))


@router.get("/articles/{article_id:path}", summary="One article's coding, sentence by sentence (as `heron show`)")
def article(request: Request, article_id: str = Path(..., min_length=1, max_length=200)) -> Any:
    with _access(request).reading() as view:
        return explain.article_data(view, article_id)


@router.get("/codes", summary="The ontology: CAMEO codes with their PLOVER types and modes")
def codes(root: str | None = Query(None, pattern=r"^[0-9]{2}$")) -> Any:
    return explain.ontology_data(root=root)


@router.get("/actors", summary="People Heron learned from articles (as `heron actors`)")
def actors(request: Request, q: str | None = Query(None, max_length=100, description="name contains")) -> Any:
    with _access(request).reading() as view:
        rows = learned_rows(view.con)
    if q:
        rows = [r for r in rows if q.lower() in (r["name"] or "").lower()]
    return {"count": len(rows), "actors": [convert.plain(r) for r in rows]}


@router.post("/actors/review", summary="Accept or reject a learned person (needs --allow-edits and the token)")
def review(
    request: Request,
    body: edits.Review = Body(...),
    x_heron_token: str | None = Header(None, description="the token `heron serve --allow-edits` printed"),
) -> Any:
    row = edits.review(request.app.state, body, token=x_heron_token)
    return JSONResponse({"ok": True, "actor": convert.plain(row)})
