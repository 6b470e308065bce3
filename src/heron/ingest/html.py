"""HTML pages: the main text of the article, without menus, footers and other boilerplate.

Extraction is trafilatura's (no network: the page is only read from disk), tuned for precision:
a page with no recognisable article body (only menus, a footer, a "enable JavaScript" notice)
gives ``empty-text`` rather than an article made of boilerplate. Its metadata gives the
title, the publication date (from the page's own markup: meta tags, ``<time>``, the URL; dates
mentioned in the body text are not guessed at), the canonical URL and the site name (used as the
source). The ``<html lang>`` attribute gives the language. A sidecar ``NAME.json`` beside
``NAME.html`` wins over all of these, as for ``.txt`` files.

The text starts after the headline: when the extracted text opens with the title, that line is
removed, as for ``.txt`` files.

Deep pages: lxml's tree keeps about 255 levels of nesting, so text inside a few thousand nested
``<div>``s never reaches trafilatura. When trafilatura finds nothing on a page nested deeper than
that, the text comes from a streamed plain extraction (:mod:`heron.ingest.html_plain`) instead.
trafilatura's own log records (e.g. "discarding data") go to Heron's log at DEBUG, naming the
page, not to the terminal.

Size: a page may be up to 4 x ``max_record_bytes`` (markup, scripts and styles weigh more than
the story); the extracted text must then fit ``max_record_bytes``.

Encoding: UTF-8 (with or without BOM), else the charset the page declares in a ``<meta>`` tag.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from heron.errors import InputError
from heron.ingest.dates import parse_published
from heron.ingest.decode import Undecodable, decode_bytes
from heron.ingest.fields import article_from
from heron.ingest.files import read_bytes, too_large
from heron.ingest.html_plain import TREE_DEPTH_LIMIT, plain_text
from heron.ingest.normalize import has_visible_text, normalise_text
from heron.ingest.text import sidecar_meta, split_title
from heron.records import Article, ReadProblem

log = logging.getLogger(__name__)

HTML_SIZE_FACTOR = 4

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})\b""", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def decode_html(data: bytes) -> str:
    """UTF-8, else the declared charset; raise ``Undecodable`` (about UTF-8) when neither works."""
    try:
        return decode_bytes(data)
    except Undecodable as err:
        declared = _CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                if codecs.lookup(name).name != "utf-8":
                    return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
        raise err


class _ToDebug(logging.Handler):
    """Re-log a library's records on Heron's logger at DEBUG, prefixed with the page's origin."""

    def __init__(self, origin: str) -> None:
        super().__init__(logging.NOTSET)
        self.origin = origin

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("%s: %s: %s", self.origin, record.name, record.getMessage())


@contextlib.contextmanager
def _library_log_to_debug(name: str, origin: str) -> Iterator[None]:
    """While extracting, ``name``'s records go to Heron's log at DEBUG instead of the terminal."""
    logger = logging.getLogger(name)
    handler = _ToDebug(origin)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def extract(html: str, *, origin: str = "<html>") -> dict[str, Any] | None:
    """Main text and metadata of a page: keys text, title, date, url, source; None if no text.

    trafilatura first; for a page nested deeper than lxml's tree keeps, where trafilatura finds
    nothing, the streamed plain text (no date, URL or source then: only the ``<title>``).
    """
    with _library_log_to_debug("trafilatura", origin):
        found = _trafilatura(html)
    if found is not None:
        return found
    plain = plain_text(html)
    if plain.max_depth < TREE_DEPTH_LIMIT or not plain.text.strip():
        return None
    log.info("%s: nested %d deep, past lxml's tree limit; read as plain text", origin, plain.max_depth)
    return {"text": plain.text, "title": plain.title, "date": None, "url": None, "source": None}


def _trafilatura(html: str) -> dict[str, Any] | None:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        favor_precision=True,  # a menu or a cookie notice coded as events is worse than a lost line
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return None
    return {
        "text": doc.text,
        "title": doc.title,
        "date": doc.date,
        "url": doc.url,
        "source": doc.sitename,
    }


def _one_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", normalise_text(value)).strip()
    return value or None


def read_html_file(path: Path, origin: str, limit: int) -> Iterator[Article | ReadProblem]:
    """Read one HTML page as an article (and its sidecar, if any)."""
    data = read_bytes(path, origin, limit * HTML_SIZE_FACTOR)
    if isinstance(data, ReadProblem):
        yield data
        return
    try:
        html = decode_html(data)
    except Undecodable as err:
        yield ReadProblem(origin, err.line, "undecodable", err.detail())
        return
    try:
        found = extract(html, origin=origin)
    except ImportError as err:
        yield ReadProblem(
            origin, None, "html-extractor-missing", f"cannot import trafilatura: {err}"
        )
        return
    except Exception as err:  # a parser failure on one page must not stop the batch
        log.debug("%s: trafilatura failed", origin, exc_info=True)
        yield ReadProblem(origin, None, "html-extraction-failed", f"{type(err).__name__}: {err}")
        return
    if found is None:
        yield ReadProblem(origin, None, "empty-text", "no main text found in the page")
        return
    meta, problems = sidecar_meta(path, limit)
    yield from problems

    page: dict[str, Any] = {}
    for key in ("title", "url", "source"):
        value = _one_line(found[key])
        if value:
            page[key] = value
    if found["date"]:
        try:
            page["published"] = parse_published(found["date"])
        except InputError:
            log.warning(
                "%s: cannot read the page's date %r; kept without a date", origin, found["date"]
            )
    lang = _LANG.search(html[:4096])
    if lang:
        page["language"] = lang.group(1).lower()
    titles = [t for t in (meta.get("title"), page.get("title")) if t]
    page.update(meta)  # the sidecar wins over the page

    text = normalise_text(found["text"])
    # With a known title only a matching first line is cut: the title rule alone would take a
    # short first paragraph (a standfirst, a dateline) for a headline.
    line, body = split_title(text, rule=not titles)
    for title in titles:
        line, body = split_title(text, title, rule=False)
        if line is not None:
            break
    if not has_visible_text(body):
        yield ReadProblem(origin, None, "empty-text", "no main text found in the page")
        return
    size = len(body.encode("utf-8"))
    if size > limit:
        yield too_large(origin, None, size, limit, what="extracted text")
        return
    yield article_from(body, page, origin=origin, title=line)
