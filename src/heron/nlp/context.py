"""What every coding stage asks of a parsed Doc, computed once per Doc.

``Doc.text``, ``Doc.sents`` and ``Doc.ents`` are not stored: each access walks the whole Doc and
builds new Python objects (``Doc.text`` joins every token). The pipeline builds one
``DocContext`` per article and hands its parts to the stages; each stage still works alone and
computes what it was not given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span


def sentence_of_token(doc: Doc) -> list[int]:
    """Token index -> index of its sentence in ``doc.sents`` (ValueError where there are none)."""
    if not doc.has_annotation("SENT_START"):
        raise ValueError("the Doc has no sentence boundaries (no parser or senter ran)")
    if not len(doc):
        return []
    starts = doc.to_array(SENT_START) == 1
    starts[0] = False  # the first token opens sentence 0 whatever its flag says (as in Doc.sents)
    return numpy.cumsum(starts).tolist()


@dataclass(slots=True)
class DocContext:
    """A parsed Doc's text, sentences and entities, each computed once."""

    doc: Doc
    text: str
    sents: list[Span]
    ents: list[Span]
    sent_of_token: list[int]
    _ents_by_sent: list[list[Span]] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        sents = list(doc.sents)
        return cls(doc=doc, text=doc.text, sents=sents, ents=list(doc.ents), sent_of_token=sentence_of_token(doc))

    def sentence_ents(self, i: int) -> list[Span]:
        """The entities inside sentence ``i`` (what ``sent.ents`` gives, without rescanning the Doc)."""
        if self._ents_by_sent is None:
            by: list[list[Span]] = [[] for _ in self.sents]
            for ent in self.ents:
                si = self.sent_of_token[ent.start]
                if self.sent_of_token[ent.end - 1] == si:
                    by[si].append(ent)
            self._ents_by_sent = by
        return self._ents_by_sent[i]


def governing_verb(tok, *, max_steps: int = 5):
    """The nearest verb (or auxiliary) at or above ``tok`` in the parse, within ``max_steps``."""
    for _ in range(max_steps):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
