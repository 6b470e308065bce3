"""Plain-text articles: one article per ``.txt`` file (or per text on standard input).

Title rule: the first line is taken as the title, and removed from the text, when

* it is shorter than 200 characters and has at least one letter,
* it does not end like a sentence or a run-on line: no final ``. ! ? …`` (closing quotes and
  brackets after them still count as an ending) and no final ``, ; : - – —`` (a dateline such as
  ``ANKARA (Wire) -`` on a line of its own is body text, not a title),
* and more text follows it.

A first line equal to the title given by the metadata (the sidecar, ignoring case and spacing) is
always taken as the title line. Everything after the title line is the text, verbatim apart from
the normalisation in ``heron.ingest.normalize``.

Sidecar: ``NAME.json`` beside ``NAME.txt`` may hold ``id``, ``title``, ``published``, ``source``,
``url``, ``language`` (other keys, such as ``text_file``, are ignored). Its values win over what
the text itself suggests. A sidecar that cannot be read is reported as a ReadProblem of its own
and the article is read without it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from heron.ingest.fields import article_from, metadata
from heron.ingest.files import read_text
from heron.ingest.normalize import has_visible_text, normalise_text
from heron.records import Article, ReadProblem

log = logging.getLogger(__name__)

TITLE_MAX_CHARS = 200

_ENDS_SENTENCE = re.compile(r"(?:[.!?\u2026]|[,;:\-\u2013\u2014])[\"'\u201d\u2019\u00bb)\]]*$")
_SPACES = re.compile(r"\s+")
_TITLE_SEPARATORS = frozenset("|-\u2013\u2014:\u00b7")

SIDECAR_FOR = (".txt", ".html", ".htm")  # the files a sidecar can belong to (any case)
SIDECAR_SUFFIXES = (".json", ".JSON")


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def same_title(line: str, title: str) -> bool:
    """Whether a text's first line is the given title (ignoring case and spacing).

    A title with a site name after it ("Talks resume | Example Wire") matches its first part.
    """
    line, title = _fold(line), _fold(title)
    if not line:
        return False
    if line == title:
        return True
    return title.startswith(line) and title[len(line) :].lstrip()[:1] in _TITLE_SEPARATORS


def split_title(
    text: str, known_title: str | None = None, *, rule: bool = True
) -> tuple[str | None, str]:
    """Split a normalised text into (title line or None, body).

    The first line is the title line when it matches ``known_title``, or (with ``rule``) when it
    passes the title rule above.
    """
    first, _, rest = text.partition("\n")
    rest = rest.strip()
    line = first.strip()
    if not rest:
        return None, text
    if known_title and same_title(line, known_title):
        return line, rest
    if not rule:
        return None, text
    if len(line) >= TITLE_MAX_CHARS or not any(ch.isalpha() for ch in line):
        return None, text
    if _ENDS_SENTENCE.search(line):
        return None, text
    return line, rest


def text_article(
    raw: str, *, origin: str, meta: dict[str, Any] | None = None
) -> Article | ReadProblem:
    """One article from decoded text: normalise, apply the title rule, fill metadata."""
    meta = meta or {}
    text = normalise_text(raw)
    if not has_visible_text(text):
        return ReadProblem(origin, None, "empty-text", "the text is empty or only whitespace and invisible marks")
    line, body = split_title(text, meta.get("title"))
    return article_from(body, meta, origin=origin, title=line)


def find_sidecar(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate != path and candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path, limit: int) -> dict[str, Any] | ReadProblem:
    """The metadata in a sidecar file, or the ReadProblem that stops us from using it."""
    origin = str(path)
    raw = read_text(path, origin, limit)
    if isinstance(raw, ReadProblem):
        return raw
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as err:
        return ReadProblem(
            origin, err.lineno, "invalid-json", f"sidecar: {err.msg} (column {err.colno})"
        )
    except RecursionError:
        return ReadProblem(origin, None, "invalid-json", "sidecar: nested too deeply")
    if not isinstance(obj, dict):
        return ReadProblem(origin, None, "not-an-object", "a sidecar must be a JSON object")
    if "text" in obj:
        log.warning(
            "%s: sidecar has a 'text' key; it is ignored (the text is the .txt file)", origin
        )
    return metadata(obj, origin)


def sidecar_meta(path: Path, limit: int) -> tuple[dict[str, Any], list[ReadProblem]]:
    sidecar = find_sidecar(path)
    if sidecar is None:
        return {}, []
    found = read_sidecar(sidecar, limit)
    if isinstance(found, ReadProblem):
        return {}, [found]
    return found, []


def read_text_file(path: Path, origin: str, limit: int) -> Iterator[Article | ReadProblem]:
    """Read one ``.txt`` article (and its sidecar, if any)."""
    raw = read_text(path, origin, limit)
    if isinstance(raw, ReadProblem):
        yield raw
        return
    meta, problems = sidecar_meta(path, limit)
    yield from problems
    yield text_article(raw, origin=origin, meta=meta)
