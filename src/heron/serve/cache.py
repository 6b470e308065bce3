"""A small in-memory cache of GET responses: the store is read-only, so an answer stays right
until an allowed edit bumps the store's generation (which is part of every key).

Only successful (200) answers of the API and the pages are kept, up to ``max_entries`` answers and
``max_bytes`` in all, least recently used out first. A cached answer carries ``X-Heron-Cache: hit``.
"""

from __future__ import annotations

from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import Response

_KEPT_HEADERS = ("content-type", "x-next-cursor", "content-disposition")
MAX_BODY = 4 * 1024 * 1024


class ResponseCache:
    def __init__(self, *, max_entries: int = 512, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, tuple[bytes, dict[str, str]]] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    @staticmethod
    def cacheable(request: Request) -> bool:
        path = request.url.path
        return request.method == "GET" and not path.startswith("/static/")

    @staticmethod
    def key(request: Request, generation: int) -> tuple:
        query = urlencode(sorted(parse_qsl(request.url.query, keep_blank_values=True)))
        return (generation, request.url.path, query)

    def get(self, key: tuple) -> Response | None:
        found = self._items.get(key)
        if found is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        body, headers = found
        return Response(content=body, status_code=200, headers={**headers, "X-Heron-Cache": "hit"})

    def put(self, key: tuple, body: bytes, headers: dict[str, str]) -> None:
        if self.max_entries <= 0 or len(body) > min(MAX_BODY, self.max_bytes):
            return
        kept = {k: v for k, v in headers.items() if k.lower() in _KEPT_HEADERS}
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= len(old[0])
        self._items[key] = (body, kept)
        self._bytes += len(body)
        while self._items and (len(self._items) > self.max_entries or self._bytes > self.max_bytes):
            _, (dropped, _) = self._items.popitem(last=False)
            self._bytes -= len(dropped)


class ServeMiddleware:
    """Plain ASGI middleware: security headers on every answer, and GET answers through the cache.

    ``generation`` is a callable giving the store's edit generation (part of each cache key).
    """

    def __init__(self, app, *, cache: ResponseCache, generation, headers: dict[str, str]) -> None:
        self.app = app
        self.cache = cache
        self.generation = generation
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    def _with_headers(self, raw: list) -> list:
        present = {k.lower() for k, _ in raw}
        return list(raw) + [(k, v) for k, v in self.headers if k not in present]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        use_cache = self.cache.max_entries > 0 and self.cache.cacheable(request)
        key = self.cache.key(request, self.generation()) if use_cache else None
        if use_cache:
            hit = self.cache.get(key)
            if hit is not None:
                raw = self._with_headers(hit.raw_headers)
                await send({"type": "http.response.start", "status": 200, "headers": raw})
                await send({"type": "http.response.body", "body": hit.body})
                return
        captured: dict = {"status": None, "headers": [], "chunks": [], "size": 0}

        async def sending(message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": self._with_headers(message.get("headers", []))}
                captured["status"] = message["status"]
                captured["headers"] = message["headers"]
            elif message["type"] == "http.response.body" and use_cache and captured["status"] == 200:
                body = message.get("body", b"")
                captured["size"] += len(body)
                if captured["size"] <= MAX_BODY:
                    captured["chunks"].append(body)
                if not message.get("more_body", False) and captured["size"] <= MAX_BODY:
                    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in captured["headers"]}
                    self.cache.put(key, b"".join(captured["chunks"]), headers)
            await send(message)

        await self.app(scope, receive, sending)
