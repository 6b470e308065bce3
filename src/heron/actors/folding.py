"""Accent-insensitive actor matching: "Erdoğan" finds the table's "Erdogan", "Sao Paulo" the
table's "São Paulo", "Lukaszenka" a dictionary's "Łukaszenka".

:func:`fold` maps a word to its plain-Latin form (NFKD with the combining marks dropped, the
letters of data/actors/letter_folds.csv that do not decompose, curly quotes and dashes as ASCII).
:class:`FoldingMatcher` wraps a spaCy ``PhraseMatcher`` whose patterns are the phrases as written
and folded. It matches the document as it is and, when some token changes under folding, a
shadow ``Doc`` of the same tokens in folded form; the token offsets are the same in both, so the
matches index the real document. Nothing on the parsed ``Doc`` is changed (its NORM feeds the
tagger and parser), and an unparsed ``Doc`` (the sentence gate's) gets the same matches.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

import numpy
from spacy.attrs import ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from heron.actors.codes import _QUOTES, letter_folds

__all__ = ["fold", "folded_doc", "FoldingMatcher"]


@functools.lru_cache(maxsize=1)
def _letters() -> dict[int, str]:
    table = dict(letter_folds())
    table.update({k: v for k, v in _QUOTES.items() if v != " "})  # "_" stays a letter of the word
    return table


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` without accents, in plain Latin letters; the case is kept ("Côte" -> "Cote")."""
    if text.isascii():
        return text
    s = unicodedata.normalize("NFKD", text.translate(_letters()))
    return "".join(ch for ch in s if not unicodedata.combining(ch)) or text


# ORTH ids of the words seen so far that folding keeps as they are, and that it changes
_KEPT: set[int] = set()
_CHANGED: set[int] = set()


def _changes(doc: Doc) -> bool:
    """Whether folding changes some token of ``doc`` (one vectorised pass over the word ids)."""
    strings = doc.vocab.strings
    for i in numpy.unique(doc.to_array(ORTH)).tolist():
        if i in _KEPT:
            continue
        if i in _CHANGED:
            return True
        word = strings[i]
        if fold(word) == word:
            _KEPT.add(i)
        else:
            _CHANGED.add(i)
            return True
    return False


def folded_doc(doc: Doc) -> Doc | None:
    """A ``Doc`` of ``doc``'s tokens folded, or None when folding changes no token."""
    if not _changes(doc):
        return None
    return Doc(doc.vocab, words=[fold(t.text) for t in doc], spaces=[bool(t.whitespace_) for t in doc])


_LAST: tuple[Doc, Doc | None] | None = None  # the last document and its folded form


class FoldingMatcher:
    """A ``PhraseMatcher`` (``attr`` LOWER or ORTH) that also matches across accents.

    Called like the matcher (``matcher(doc)`` -> ``[(match_id, start, end), ...]``, sorted).
    The folded form of the last document is kept, so the matchers of one finder share it.
    Docs are never changed: the folded form is a new ``Doc`` over the same vocabulary.
    """

    def __init__(self, nlp, phrases, label: str, *, attr: str = "LOWER", build=None,
                 exact_only: Iterable[str] = ()) -> None:
        unique = sorted({p for p in phrases if p})
        both = sorted({*unique, *(fold(p) for p in unique)})
        self._matcher: PhraseMatcher = build(nlp, both, label, attr=attr)
        # phrases an accented word may not reach by folding (lower-cased): demonyms ("Thaís" is a
        # given name, not "Thais")
        self._exact_only = frozenset(p.lower() for p in exact_only)

    def __len__(self) -> int:
        return len(self._matcher)

    @staticmethod
    def _shadow(doc: Doc) -> Doc | None:
        global _LAST
        if _LAST is not None and _LAST[0] is doc:
            return _LAST[1]
        shadow = folded_doc(doc)
        _LAST = (doc, shadow)
        return shadow

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = self._matcher(doc)
        shadow = self._shadow(doc)
        if shadow is None:
            return found
        folded = [m for m in self._matcher(shadow) if not self._blocked(doc, shadow, m[1], m[2])]
        return sorted({*found, *folded}, key=lambda m: (m[1], m[2], m[0]))

    def _blocked(self, doc: Doc, shadow: Doc, start: int, end: int) -> bool:
        if not self._exact_only:
            return False
        text = shadow[start:end].text
        return text != doc[start:end].text and text.lower() in self._exact_only
