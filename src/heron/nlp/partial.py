"""Parse only the sentences the gate keeps, and put their annotations back into the whole Doc.

Steps for a batch of texts:

1. **cheap pass**: the tokenizer, Heron's dateline and sentence-cap components (which preset some
   sentence starts) and spaCy's ``senter`` (the small pipeline ships it disabled; it costs about
   1 % of the full pipeline) give every sentence;
2. **gate** (:class:`heron.nlp.gate.SentenceGate`): which sentences can carry an event or a count;
3. **parse**: each run of consecutive kept sentences becomes a Doc of its own (same vocabulary,
   the dateline's preset sentence starts kept, the senter's left to the parser) and goes through
   the model's own components (tok2vec, tagger, parser, attribute ruler, lemmatizer, NER) in one
   stream;
4. **merge**: their tags, morphology, lemmas, dependencies and entities are written back into the
   whole Doc with one ``Doc.from_array``. A dropped sentence keeps its tokens and boundaries but
   no annotation: no tags or lemmas, no entities, and a flat tree (every token attached to the
   sentence's first token, dependency label ``dep``), so ``Doc.sents`` still gives it.

The whole Doc is what the coder sees, with the character offsets of the article, so every later
stage works unchanged; a dropped sentence simply has nothing to find.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc

from heron.nlp.gate import GateDecision, SentenceGate

_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
_HEAD_COL = _ATTRS.index(HEAD)
_DEP_COL = _ATTRS.index(DEP)
_IOB_COL = _ATTRS.index(ENT_IOB)
_OWN = ("heron_dateline", "heron_sentence_cap")


@dataclass(slots=True)
class PartialStats:
    """What the gate kept, summed over the texts parsed so far (for logs and benchmarks)."""

    sentences: int = 0
    kept_sentences: int = 0
    tokens: int = 0
    kept_tokens: int = 0

    @property
    def kept_token_share(self) -> float:
        return self.kept_tokens / self.tokens if self.tokens else 0.0


class PartialParser:
    """Runs the cheap pass, the gate, the parse of kept sentences and the merge (module doc)."""

    def __init__(self, nlp, gate: SentenceGate, *, batch_size: int = 32) -> None:
        if "senter" not in nlp.component_names:
            raise ValueError("the pipeline has no senter component: parse the whole text instead")
        self.nlp = nlp
        self.gate = gate
        self.batch_size = batch_size
        self.senter = nlp.get_pipe("senter")
        self.presetters = [nlp.get_pipe(n) for n in _OWN if n in nlp.pipe_names]
        self.components = [(n, p) for n, p in nlp.pipeline if n not in _OWN]
        self.stats = PartialStats()
        self._dep = nlp.vocab.strings.add("dep")
        self._root = nlp.vocab.strings.add("ROOT")

    def pipe(self, texts: Iterable[str]) -> Iterator[tuple[Doc, GateDecision]]:
        """Parsed Docs in the order of ``texts``, each with the gate's decision on its sentences."""
        chunk: list[str] = []
        for text in texts:
            chunk.append(text)
            if len(chunk) >= self.batch_size * 4:
                yield from self._chunk(chunk)
                chunk = []
        if chunk:
            yield from self._chunk(chunk)

    # -- steps ----------------------------------------------------------------------------
    def _chunk(self, texts: list[str]) -> list[tuple[Doc, GateDecision]]:
        docs, presets = [], []
        for text in texts:
            doc = self.nlp.make_doc(text)
            for comp in self.presetters:
                doc = comp(doc)
            presets.append(doc.to_array(SENT_START) if len(doc) else numpy.zeros(0, dtype=numpy.int32))
            docs.append(doc)
        docs = list(self.senter.pipe(docs, batch_size=self.batch_size))
        plans, pieces = [], []
        for doc, preset in zip(docs, presets):
            starts = _sentence_starts(doc)
            decision = self.gate.decide(doc, starts)
            runs = _kept_runs(starts, decision.keep, len(doc))
            plans.append((doc, starts, decision, runs))
            for lo, hi in runs:
                pieces.append(_piece(doc, lo, hi, preset))
            self._count(starts, decision, runs, len(doc))
        for _, proc in self.components:
            pieces = list(proc.pipe(pieces, batch_size=self.batch_size)) if hasattr(proc, "pipe") \
                else [proc(p) for p in pieces]
        out, k = [], 0
        for doc, starts, decision, runs in plans:
            parsed = pieces[k : k + len(runs)]
            k += len(runs)
            out.append((self._merge(doc, starts, runs, parsed), decision))
        return out

    def _merge(self, doc: Doc, starts: list[int], runs: list[tuple[int, int]], parsed: list[Doc]) -> Doc:
        n = len(doc)
        if not n:
            return doc
        arr = numpy.zeros((n, len(_ATTRS)), dtype=numpy.int64)
        # flat trees for every sentence: token -> its sentence's first token
        idx = numpy.arange(n)
        first = numpy.asarray(starts, dtype=numpy.int64)[numpy.searchsorted(starts, idx, side="right") - 1]
        arr[:, _HEAD_COL] = first - idx
        arr[:, _DEP_COL] = numpy.where(first == idx, self._root, self._dep).astype(numpy.uint64).view(numpy.int64)
        arr[:, _IOB_COL] = 2  # outside any entity
        for (lo, hi), piece in zip(runs, parsed):
            arr[lo:hi] = piece.to_array(_ATTRS).view(numpy.int64)
        doc.from_array(_ATTRS, arr.view(numpy.uint64))
        return doc

    def _count(self, starts, decision: GateDecision, runs, n: int) -> None:
        self.stats.sentences += len(starts)
        self.stats.kept_sentences += int(decision.keep.sum())
        self.stats.tokens += n
        self.stats.kept_tokens += sum(hi - lo for lo, hi in runs)


def _sentence_starts(doc: Doc) -> list[int]:
    if not len(doc):
        return []
    flags = doc.to_array(SENT_START)
    flags[0] = 1
    return numpy.flatnonzero(flags == 1).tolist()


def _kept_runs(starts: list[int], keep: numpy.ndarray, n: int) -> list[tuple[int, int]]:
    """Token ranges of consecutive kept sentences."""
    runs: list[tuple[int, int]] = []
    ends = [*starts[1:], n]
    for i, kept in enumerate(keep):
        if not kept:
            continue
        if runs and runs[-1][1] == starts[i]:
            runs[-1] = (runs[-1][0], ends[i])
        else:
            runs.append((starts[i], ends[i]))
    return runs


def _piece(doc: Doc, lo: int, hi: int, preset: numpy.ndarray) -> Doc:
    """A new Doc of tokens ``lo:hi``, with the dateline's and the cap's preset sentence starts."""
    span = doc[lo:hi]
    words = [t.text for t in span]
    spaces = [bool(t.whitespace_) for t in span]
    flags = preset[lo:hi]
    sent_starts = [True if f == 1 else False if f == -1 else None for f in flags.tolist()]
    sent_starts[0] = True
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
