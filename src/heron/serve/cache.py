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


async def through_cache(cache: ResponseCache, request: Request, call_next, generation: int) -> Response:
    """Answer from the cache, or compute the answer and keep it when it is a 200."""
    key = cache.key(request, generation)
    hit = cache.get(key)
    if hit is not None:
        return hit
    response = await call_next(request)
    if response.status_code != 200:
        return response
    body = b"".join([chunk async for chunk in response.body_iterator])
    headers = dict(response.headers)
    cache.put(key, body, headers)
    headers.pop("content-length", None)
    return Response(content=body, status_code=200, headers=headers)
