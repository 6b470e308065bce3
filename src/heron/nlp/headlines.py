"""Headlines: the lines that open an article before its body.

A headline is a sentence with no final stop. In a text it is

* each line (under ``HEADLINE_MAX_CHARS``) that ends before the dateline ("Iran, Russia agree
  ...\\nTEHRAN (Tasnim) - ..."), and the words before a dateline on its own line ("Title.
  BAGHDAD (Reuters) - ...", as wire feeds that prefix the title to the text write it);
* without a dateline, the opening line(s) without a final stop, up to a blank line
  ("Turkey expels envoy\\n\\nTurkey expelled ...").

``body_start`` gives the character where the body begins (0 when the text opens with its body);
``sentence_breaks`` the characters where a sentence must start (after each headline line, at
the dateline), which the ``heron_dateline`` spaCy component marks before the parser runs.
The title field of an article (``Article.title``) is not part of its text and is not coded.
"""

from __future__ import annotations

import re

from heron.nlp.dateline import Dateline

HEADLINE_MAX_CHARS = 200
#: how far into a text headline lines may run
MAX_HEAD_CHARS = 600
# a line that ends like a sentence or runs on (a final stop, or ", ; : - – —"), quotes after it
_ENDS = re.compile(r"(?:[.!?\u2026]|[,;:\-\u2013\u2014])[\"'\u201d\u2019\u00bb)\]]*\s*$")
_LINE = re.compile(r"[^\n]*(?:\n[ \t\r]*)+")


def _headline_lines(text: str, dateline: Dateline | None) -> list[int]:
    """Where the text goes on after each headline line (the next line's first character)."""
    out: list[int] = []
    for m in _lines(text, min(len(text), MAX_HEAD_CHARS)):
        a, nxt = m.start(), m.end()
        line = text[a:nxt].strip()
        if dateline is not None and a >= dateline.start:
            break
        if not line:
            continue
        if len(line) >= HEADLINE_MAX_CHARS or not any(ch.isalpha() for ch in line):
            break
        before_dateline = dateline is not None and nxt <= dateline.start
        blank_after = m.group().count("\n") >= 2
        if not before_dateline and not (blank_after and not _ENDS.search(line)):
            break
        out.append(nxt)
    return out


def _lines(text: str, endpos: int):
    """The newline-ended lines of ``text[:endpos]``, in order. The same matches as
    ``_LINE.finditer`` (each one starts where the last ended, until one fails), but each is tried
    only at that one position: ``finditer`` retries at every later character once no newline is
    left, which costs the square of the length on a text without line breaks."""
    pos = 0
    while pos < endpos:
        m = _LINE.match(text, pos, endpos)
        if m is None or m.end() == pos:
            return
        yield m
        pos = m.end()


def sentence_breaks(text: str, dateline: Dateline | None) -> list[int]:
    """Characters where a sentence must start: after each headline line and at the dateline."""
    breaks = _headline_lines(text, dateline)
    if dateline is not None and dateline.start > 0:
        breaks.append(dateline.start)
    return sorted(set(b for b in breaks if 0 < b < len(text)))


def body_start(text: str, dateline: Dateline | None) -> int:
    """The character where the article's body begins: after its dateline, else after its
    headline lines, else 0. Sentences that start before it are the headline (and the dateline)."""
    if dateline is not None:
        return dateline.end
    lines = _headline_lines(text, None)
    return lines[-1] if lines else 0
