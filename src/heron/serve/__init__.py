"""``heron serve``: a local web dashboard and a read-only REST API over a Heron event store.

::

    from heron.serve import create_app, serve

    app = create_app("heron.duckdb")               # an ASGI app (FastAPI), store opened read-only
    serve("heron.duckdb", host="127.0.0.1", port=8000)  # runs it with uvicorn

The API lives under ``/api/v1`` (schema at ``/openapi.json``, reference at ``/docs``); the pages
are ``/`` (overview), ``/dyad``, ``/map``, ``/event/{id}``, ``/article/{id}`` and ``/actors``.
"""

from __future__ import annotations

from pathlib import Path

from heron.serve.app import create_app

__all__ = ["create_app", "serve"]


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000, allow_edits: bool = False,
          token: str | None = None, cache_size: int = 512, log_level: str = "warning") -> None:
    """Serve the store at ``db_path`` until interrupted (loopback by default)."""
    import uvicorn

    app = create_app(db_path, allow_edits=allow_edits, token=token, cache_size=cache_size)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
