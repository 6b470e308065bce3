"""Plain text of an HTML page, streamed: the fallback when a page nests too deep for a tree.

lxml (libxml2) stops building the tree about 255 elements deep, so text nested in a few thousand
``<div>``s never reaches trafilatura. This reader uses lxml's parser as a stream of start, end and
text events (no tree), so depth costs nothing: it keeps the text outside the skipped elements of
``data/ingest/html_plain.yaml``, one line per block element, and the page's ``<title>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# libxml2's tree builder drops everything below this depth (measured: text at 255 is lost).
TREE_DEPTH_LIMIT = 255

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True)
class PlainPage:
    """What the stream gave: the text (lines joined by newlines), the title and the deepest nesting."""

    text: str
    title: str | None
    max_depth: int


@dataclass(frozen=True)
class _Tags:
    skip: frozenset[str]
    block: frozenset[str]


@lru_cache(maxsize=1)
def _tags() -> _Tags:
    path = resources.files("heron") / "data" / "ingest" / "html_plain.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _Tags(skip=frozenset(data["skip_tags"].split()), block=frozenset(data["block_tags"].split()))


class _Collector:
    """An lxml parser target: keeps the text outside skipped elements, splitting lines at blocks."""

    def __init__(self, tags: _Tags) -> None:
        self.tags = tags
        self.depth = 0
        self.max_depth = 0
        self.skipping = 0  # how many open skipped elements enclose the current text
        self.in_title = False
        self.title: list[str] = []
        self.lines: list[str] = []
        self.line: list[str] = []

    def _break(self) -> None:
        text = _SPACES.sub(" ", "".join(self.line)).strip()
        if text:
            self.lines.append(text)
        self.line = []

    def start(self, tag: object, attrib: object) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if name == "title":
            self.in_title = True
        if name in self.tags.skip:
            self.skipping += 1
        elif name in self.tags.block:
            self._break()

    def end(self, tag: object) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        self.depth = max(0, self.depth - 1)
        if name == "title":
            self.in_title = False
        if name in self.tags.skip:
            self.skipping = max(0, self.skipping - 1)
        elif name in self.tags.block:
            self._break()

    def data(self, text: str) -> None:
        if self.in_title:
            self.title.append(text)
        elif not self.skipping:
            self.line.append(text.replace("\n", " "))

    def comment(self, text: str) -> None:
        pass

    def close(self) -> PlainPage:
        self._break()
        title = _SPACES.sub(" ", " ".join("".join(self.title).split())).strip() or None
        return PlainPage(text="\n".join(self.lines), title=title, max_depth=self.max_depth)


def plain_text(html: str) -> PlainPage:
    """Stream ``html`` through lxml's HTML parser and return its plain text, title and depth."""
    from lxml import etree

    collector = _Collector(_tags())
    parser = etree.HTMLParser(target=collector, huge_tree=True, remove_comments=True)
    parser.feed(html)
    return parser.close()
