"""The ``heron serve`` application: the API, the dashboard, the local API reference, static files."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from heron import __version__
from heron.errors import HeronError, InputError
from heron.serve import api, pages
from heron.serve.access import QueryTimeout, StoreAccess
from heron.serve.cache import ResponseCache, ServeMiddleware
from heron.serve.edits import EditRefused
from heron.serve.html import error_box, page

log = logging.getLogger(__name__)

_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def create_app(db_path: str | Path, *, allow_edits: bool = False, token: str | None = None,
               query_timeout: float = 10.0, cache_size: int = 512, indexes: bool = True) -> FastAPI:
    """The app over the store at ``db_path``, opened read-only.

    With ``allow_edits`` the actors review may write, and only requests whose ``X-Heron-Token``
    header equals ``token`` do. Queries are interrupted after ``query_timeout`` seconds. Up to
    ``cache_size`` GET answers are kept in memory (0: none); an edit starts them afresh. With
    ``indexes`` (the default) the dyad series and the raw events pages are answered from in-memory
    indexes built when the server starts (see :mod:`heron.serve.access`); off, every request reads
    the store through DuckDB (the same answers).
    """
    if allow_edits and not token:
        raise InputError("allow_edits needs a token. Fix: pass token=heron.serve.edits.new_token().")
    access = StoreAccess(str(db_path), query_timeout=query_timeout, indexes=indexes)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        access.warm()  # the in-memory indexes, before the first request is taken
        yield
        access.close()

    app = FastAPI(title="Heron", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Read-only REST API over a Heron event store (CAMEO, PLOVER).")
    app.state.access = access
    app.state.allow_edits = allow_edits
    app.state.token = token
    app.state.db_name = Path(str(db_path)).name
    app.state.memo = {}  # small results computed once per store generation (see pages._actor_options)
    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("heron.serve").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> str:
        return pages.docs_page(app.openapi(), db_name=app.state.db_name)

    cache = ResponseCache(max_entries=cache_size)
    app.state.cache = cache

    app.add_middleware(ServeMiddleware, cache=cache, generation=lambda: access.generation, headers=_HEADERS)

    _errors(app)
    return app


def _error(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError):
        status = 404 if " no article " in f" {exc} " else 400
        return _error(status, str(exc))

    @app.exception_handler(HeronError)
    async def heron_error(request: Request, exc: HeronError):
        return _error(400, str(exc))

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout):
        return _error(503, str(exc))

    @app.exception_handler(EditRefused)
    async def refused(request: Request, exc: EditRefused):
        return _error(exc.status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {err.get('msg')}")
        if not request.url.path.startswith("/api/"):
            text = "invalid request: " + "; ".join(problems) + "."
            return HTMLResponse(page("Invalid request", error_box(text), db=request.app.state.db_name), status_code=422)
        return _error(422, "invalid request: " + "; ".join(problems) + ". Fix: see /docs for each parameter's "
                      "allowed values.", problems=[{"loc": list(err.get("loc", ())), "msg": err.get("msg")}
                                                    for err in exc.errors()])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = str(exc.detail)
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}. Fix: see /docs for the API's routes."
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}. Fix: see /docs."
        return _error(exc.status_code, message)
