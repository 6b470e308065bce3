"""Which tokens of a Doc can take part in a count, found with one array scan per Doc.

``find_counts`` runs per sentence; visiting every token as a spaCy ``Token`` object cost more than
the rules themselves. Here the Doc's attributes come out of ``Doc.to_array`` once, as integers, and
each sentence takes its slice of the candidates.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from functools import lru_cache

from spacy.attrs import DEP, LIKE_NUM, LOWER, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from heron.counts.numbers import SCALES, VAGUE_PLURALS


@lru_cache(maxsize=1)
def _hashes() -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """String ids (as in ``Doc.to_array``) of number words, subject/object labels, singular noun tags."""
    def ids(words) -> frozenset[int]:
        return frozenset(get_string_id(w) for w in words)

    return ids([*SCALES, *VAGUE_PLURALS, "half"]), ids(["nsubj", "nsubjpass", "dobj"]), ids(["NN", "NNP"])


# The last Doc's candidate tokens: find_counts runs sentence by sentence, the scan is per Doc.
_LAST_DOC: tuple[weakref.ref, list[int], list[int]] | None = None


def _doc_candidates(doc: Doc) -> tuple[list[int], list[int]]:
    """Token indexes that may start a number, and that may be a single person (supersets of both).

    One ``to_array`` call per Doc and integer set lookups, instead of a Token object per token.
    """
    global _LAST_DOC
    if _LAST_DOC is not None and _LAST_DOC[0]() is doc:
        return _LAST_DOC[1], _LAST_DOC[2]
    number_words, deps, tags = _hashes()
    rows = doc.to_array([LIKE_NUM, LOWER, DEP, TAG]).tolist() if len(doc) else []
    numeric = [i for i, (num, low, _, _) in enumerate(rows) if num or low in number_words]
    person = [i for i, (_, _, dep, tag) in enumerate(rows) if dep in deps and tag in tags]
    _LAST_DOC = (weakref.ref(doc), numeric, person)
    return numeric, person


def sentence_candidates(sent: Span) -> tuple[list[int], list[int]]:
    """The candidates (see :func:`_doc_candidates`) inside ``sent``."""
    numeric, person = _doc_candidates(sent.doc)

    def within(ids: list[int]) -> list[int]:
        return ids[bisect_left(ids, sent.start) : bisect_left(ids, sent.end)]

    return within(numeric), within(person)
