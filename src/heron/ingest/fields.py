"""Input records (a JSONL line, a .json file, a sidecar) to Article fields.

Keys read (the first alias present wins; other keys are ignored):

=============  ====================================================
field          keys
=============  ====================================================
id             ``id`` (a string or an integer)
text           ``text``
title          ``title``, ``headline``
published      ``published``, ``date`` (see ``heron.ingest.dates``)
source         ``source``
url            ``url``, ``link``
language       ``language``, ``lang`` (default ``en``)
=============  ====================================================

A field of the wrong type is ignored with a warning in the log; a bad ``text`` rejects the
record (``missing-text`` / ``empty-text``); an unreadable ``published`` keeps the article with no
date and logs a warning.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from heron.ingest.dates import coerce_published
from heron.ingest.ids import content_id
from heron.ingest.normalize import has_visible_text, normalise_text
from heron.records import Article, ReadProblem

log = logging.getLogger(__name__)

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title", "headline"),
    "published": ("published", "date"),
    "source": ("source",),
    "url": ("url", "link"),
    "language": ("language", "lang"),
}

_SPACES = re.compile(r"\s+")


def _pick(obj: dict[str, Any], field: str) -> Any:
    for key in ALIASES[field]:
        if obj.get(key) is not None:
            return obj[key]
    return None


def _one_line(value: Any, field: str, origin: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        log.warning(
            "%s: ignoring %s of type %s (expected a string)", origin, field, type(value).__name__
        )
        return None
    value = _SPACES.sub(" ", normalise_text(value)).strip()
    return value or None


def metadata(obj: dict[str, Any], origin: str) -> dict[str, Any]:
    """The metadata fields present and usable in ``obj`` (no text), keyed by Article field."""
    found: dict[str, Any] = {}
    raw_id = _pick(obj, "id")
    if isinstance(raw_id, float):  # 12.0 -> "12"; NaN and infinities are no id
        raw_id = int(raw_id) if raw_id.is_integer() else None
    ident = _one_line(raw_id, "id", origin)
    if ident:
        found["id"] = ident
    for field in ("title", "source", "url"):
        value = _one_line(_pick(obj, field), field, origin)
        if value:
            found[field] = value
    language = _one_line(_pick(obj, "language"), "language", origin)
    if language:
        found["language"] = language.lower()
    raw_date = _pick(obj, "published")
    if raw_date is not None:
        published = coerce_published(raw_date, origin)
        if published is not None:
            found["published"] = published
    return found


def _describe(value: Any) -> str:
    return {
        list: "an array",
        dict: "an object",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def record_to_article(
    obj: Any, *, origin: str, line: int | None, article_origin: str
) -> Article | ReadProblem:
    """One JSON record to an Article, or the ReadProblem that says why it cannot be one."""
    if not isinstance(obj, dict):
        return ReadProblem(
            origin,
            line,
            "not-an-object",
            f"found {_describe(obj)}; each record must be a JSON object with a 'text' key",
        )
    text = obj.get("text")
    if text is None:
        keys = ", ".join(sorted(map(str, obj))[:12]) or "none"
        why = "'text' is null" if "text" in obj else f"no 'text' key (keys found: {keys})"
        return ReadProblem(origin, line, "missing-text", why)
    if not isinstance(text, str):
        return ReadProblem(
            origin, line, "missing-text", f"'text' is {_describe(text)}, not a string"
        )
    text = normalise_text(text)
    if not has_visible_text(text):
        return ReadProblem(origin, line, "empty-text", "'text' is empty or only whitespace and invisible marks")
    return article_from(text, metadata(obj, article_origin), origin=article_origin)


def article_from(text: str, meta: dict[str, Any], *, origin: str, title: str | None = None) -> Article:
    """An Article from normalised text and its metadata; the id falls back to the content hash.

    ``title`` is used where the metadata has none (a title line the reader cut from the text).
    """
    return Article(
        id=meta.get("id") or content_id(text),
        text=text,
        title=meta.get("title") or title,
        published=meta.get("published"),
        source=meta.get("source"),
        url=meta.get("url"),
        language=meta.get("language", "en"),
        origin=origin,
    )
