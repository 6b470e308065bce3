"""The check behind every mention table: find the mention covering a phrase and compare its code.

A case is (text, phrase, expected, extra): ``expected`` is the code (a tuple for compound actors)
or None when the phrase must NOT be a mention; ``extra`` may hold ``on`` (article date), ``ctx``
(dateline country), ``coref`` (run coreference, default True) and expected attributes of the
mention or its first actor: ``by`` (resolved_by), ``text``, ``name``, ``country``, ``sectors``,
``role``, ``title``. A phrase "word#2" means the second occurrence of the word.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any


def locate(text: str, phrase: str) -> tuple[int, int]:
    """Character span of the phrase as whole words ("he" is not the end of "The")."""
    word, _, nth = phrase.partition("#")
    hits = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))
    return hits[int(nth or 1) - 1].span()


def codes(mention) -> object:
    found = tuple(a.code for a in mention.actors)
    return found[0] if len(found) == 1 else found


def check_case(tools, text: str, phrase: str, expected: Any, extra: dict[str, Any], *,
               published: date | None = None) -> None:
    from heron.actors.coref import resolve

    nlp, finder = tools
    doc = nlp(text)
    mentions = finder.find(doc, published=extra.get("on", published), context_country=extra.get("ctx"))
    if extra.get("coref", True):
        mentions = resolve(doc, mentions)
    start, end = locate(text, phrase)
    if expected is None:
        hits = [m for m in mentions if m.start < end and start < m.end and m.actors]
        assert not hits, f"{phrase!r} should not be a mention: {hits}"
        return
    covering = [m for m in mentions if m.start <= start and end <= m.end]
    assert covering, f"no mention covers {phrase!r}; found {[(m.text, codes(m)) for m in mentions]}"
    m = min(covering, key=lambda x: x.end - x.start)
    if "country" not in extra or "code" in extra:
        assert codes(m) == expected, (m.text, m.actors)
    actor = m.actors[0]
    for key in ("name", "country", "sectors", "role", "title"):
        if key in extra:
            assert getattr(actor, key) == extra[key], (key, actor)
    if "text" in extra:
        assert m.text == extra["text"], m
    if "by" in extra:
        assert m.resolved_by == extra["by"], m
