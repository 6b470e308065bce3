"""Matching PETRARCH verb patterns on a spaCy sentence (the format is in petrarch_verbs.py).

This approximates PETRARCH's linear (TABARI-style) matcher on spaCy tokens:

* a word in a pattern matches a token whose lower-cased text or lemma is that word;
* a blank between two elements allows up to :data:`GAP` tokens in between, ``_`` none;
* ``+`` (target), ``$`` (source), ``%`` (compound actor) and ``^`` (skip) each take one noun
  phrase: a spaCy noun chunk, or a single noun, proper noun, pronoun or number; ``+`` and ``$``
  report the phrase's head token;
* the words before ``*`` are matched backwards from the verb, those after it forwards, with
  backtracking, so the nearest placement that satisfies the whole pattern is taken;
* a token that spaCy does not tag VERB or AUX is coded only through a pattern, never by the
  default code alone (PETRARCH codes only parser-identified verbs);
* a verb in several blocks ("SHOT" twice) gets the best pattern of all of them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Iterator

from spacy.tokens import Span, Token

#: Most tokens a blank between two pattern elements may skip.
GAP = 6

#: Element kinds that take a noun phrase.
SLOTS = frozenset({"target", "source", "compound", "skip"})


@dataclass(frozen=True, slots=True)
class Elem:
    """One element of a pattern: ``kind`` is "words", "verb" or one of :data:`SLOTS`.
    ``phrases`` holds the alternatives of a "words" element (a word, or a synset's members),
    each a run of contiguous lower-case tokens. ``joined``: touches the element before it."""

    kind: str
    phrases: tuple[tuple[str, ...], ...] = ()
    joined: bool = False


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """``- BEFORE * AFTER [CODE]``; ``code`` None is the null code ``---``."""

    before: tuple[Elem, ...]
    star_joined: bool  # "IN_*": the verb touches the element before it
    after: tuple[Elem, ...]
    code: str | None
    text: str
    line: int
    needs: tuple[frozenset[str], ...] = ()  # per words element: its possible first words

    @staticmethod
    def needs_of(elems) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(ph[0] for ph in e.phrases) for e in elems if e.kind == "words")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb of a block: ``head`` is the word that must be the verb token, ``before`` and
    ``after`` the other words of a multi-word verb ("WIRE_+TAP", "+BREAK_DOWN")."""

    head: str
    forms: frozenset[str]
    before: tuple[Elem, ...]
    head_joined: bool
    after: tuple[Elem, ...]
    code: str | None
    text: str
    line: int
    block: int


@dataclass(frozen=True, slots=True)
class VerbHit:
    """A coded verb: ``pattern`` and ``line`` are the pattern line that matched, or the verb's
    own line when its default code applies."""

    verb: Token
    code: str
    target: Token | None
    source: Token | None
    pattern: str
    line: int


def word_alternatives(word: str) -> list[tuple[str, ...]]:
    """Ways spaCy may tokenize one dictionary word: "PEACE-KEEPING" is one token or
    "peace - keeping"; "DON'T" is "do n't"."""
    w = word.lower()
    alts = [(w,)]
    if "-" in w.strip("-") or w.endswith("-") and len(w) > 1:
        alts.append(tuple(p for p in re.split(r"(-)", w) if p))
    if w.endswith("n't") and len(w) > 3:
        alts.append((w[:-3], "n't"))
    return alts


def phrase_alternatives(words: list[str]) -> list[tuple[str, ...]]:
    out = []
    for combo in itertools.product(*(word_alternatives(w) for w in words)):
        out.append(tuple(itertools.chain.from_iterable(combo)))
    return out


_BARE = VerbPattern((), False, (), None, "", 0)


def sequence(pattern: VerbPattern, entry: VerbEntry) -> tuple[list[Elem], int]:
    """The pattern with the entry's multi-word context around ``*``, and the verb's index."""
    before = list(pattern.before)
    if entry.before:
        before.append(replace(entry.before[0], joined=pattern.star_joined))
        before.extend(entry.before[1:])
        verb_joined = entry.head_joined
    else:
        verb_joined = pattern.star_joined
    seq = before + [Elem("verb", joined=verb_joined)] + list(entry.after) + list(pattern.after)
    return seq, len(before)


class _Sent:
    """Per-sentence lookups: lower-cased forms, lemmas and noun phrases by first/last token."""

    def __init__(self, sent: Span) -> None:
        self.toks = list(sent)
        self.n = len(self.toks)
        self.low = [t.lower_ for t in self.toks]
        self.lem = [t.lemma_.lower() for t in self.toks]
        self.vocab = set(self.low) | set(self.lem)
        base = sent.start
        self.np_from: dict[int, list[tuple[int, int]]] = {}
        self.np_to: dict[int, list[tuple[int, int]]] = {}
        try:
            chunks = [(c.start - base, c.end - 1 - base, c.root.i - base) for c in sent.noun_chunks]
        except ValueError:  # no dependency parse
            chunks = []
        for s, e, h in chunks:
            if 0 <= s <= e < self.n:
                self.np_from.setdefault(s, []).append((e, h))
                self.np_to.setdefault(e, []).append((s, h))
        for i, t in enumerate(self.toks):
            if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                self.np_from.setdefault(i, []).append((i, i))
                self.np_to.setdefault(i, []).append((i, i))

    def word(self, i: int, w: str) -> bool:
        return self.low[i] == w or self.lem[i] == w

    def fits_forward(self, e: Elem, s: int) -> Iterator[tuple[int, int, int | None]]:
        """(last token, literal tokens, head) for each way ``e`` can start at token ``s``."""
        if e.kind == "words":
            for ph in e.phrases:
                end = s + len(ph) - 1
                if end < self.n and all(self.word(s + k, w) for k, w in enumerate(ph)):
                    yield end, len(ph), None
        else:
            for end, head in self.np_from.get(s, ()):
                yield end, 0, head

    def fits_backward(self, e: Elem, end: int) -> Iterator[tuple[int, int, int | None]]:
        """(first token, literal tokens, head) for each way ``e`` can end at token ``end``."""
        if e.kind == "words":
            for ph in e.phrases:
                s = end - len(ph) + 1
                if s >= 0 and all(self.word(s + k, w) for k, w in enumerate(ph)):
                    yield s, len(ph), None
        else:
            for s, head in self.np_to.get(end, ()):
                yield s, 0, head


_Result = tuple[int, int, int, dict]  # literal tokens, slots, skipped tokens, {kind: head index}


def _forward(S: _Sent, seq: list[Elem], i: int, pos: int) -> _Result | None:
    if i == len(seq):
        return 0, 0, 0, {}
    e = seq[i]
    last = pos + 1 if e.joined else min(pos + 1 + GAP, S.n - 1)
    for s in range(pos + 1, last + 1):
        if s >= S.n:
            break
        for end, lit, head in S.fits_forward(e, s):
            r = _forward(S, seq, i + 1, end)
            if r is not None:
                return _add(r, e, lit, head, s - pos - 1)
    return None


def _backward(S: _Sent, seq: list[Elem], i: int, pos: int) -> _Result | None:
    if i < 0:
        return 0, 0, 0, {}
    e = seq[i]
    first = pos - 1 if seq[i + 1].joined else max(pos - 1 - GAP, 0)
    for end in range(pos - 1, first - 1, -1):
        if end < 0:
            break
        for s, lit, head in S.fits_backward(e, end):
            r = _backward(S, seq, i - 1, s)
            if r is not None:
                return _add(r, e, lit, head, pos - 1 - end)
    return None


def _add(r: _Result, e: Elem, lit: int, head: int | None, gap: int) -> _Result:
    binds = r[3]
    if head is not None and e.kind in ("target", "source"):
        binds = {**binds, e.kind: head}
    return r[0] + lit, r[1] + (e.kind in SLOTS), r[2] + gap, binds


def match_at(S: _Sent, v: int, pattern: VerbPattern, entry: VerbEntry):
    """``pattern`` (with ``entry``'s multi-word context) around token ``v``: None, or
    (score, {kind: head index}) where score = (literal tokens, slots, '_' joins, -skipped)."""
    seq, vi = sequence(pattern, entry)
    back = _backward(S, seq, vi - 1, v)
    if back is None:
        return None
    fwd = _forward(S, seq, vi + 1, v)
    if fwd is None:
        return None
    joins = sum(e.joined for e in seq)
    return (back[0] + fwd[0], back[1] + fwd[1], joins, -(back[2] + fwd[2])), {**back[3], **fwd[3]}


def match_sentence(sent: Span, index: dict[str, list[VerbEntry]], blocks: list) -> list[VerbHit]:
    """At most one hit per token whose form or lemma is a dictionary verb (see VerbDictionary)."""
    S = _Sent(sent)
    hits: list[VerbHit] = []
    for v, tok in enumerate(S.toks):
        found = index.get(S.low[v], []) + (index.get(S.lem[v], []) if S.lem[v] != S.low[v] else [])
        if not found:
            continue
        entries = list({id(e): e for e in found}.values())
        best = None  # (key, code, binds, text, line)
        for entry in entries:
            for pat in blocks[entry.block].patterns:
                if not all(n & S.vocab for n in pat.needs):  # a quick pre-check
                    continue
                r = match_at(S, v, pat, entry)
                if r is not None and (best is None or r[0] + (-pat.line,) > best[0]):
                    best = (r[0] + (-pat.line,), pat.code, r[1], pat.text, pat.line)
        if best is None and tok.pos_ in ("VERB", "AUX"):  # the verb's own (or its block's) code
            for entry in entries:
                r = match_at(S, v, _BARE, entry)
                key = r and (r[0][0], entry.code is not None, r[0][3], -entry.line)
                if r is not None and (best is None or key > best[0]):
                    best = (key, entry.code, {}, entry.text, entry.line)
        if best is None or best[1] is None:
            continue
        binds = best[2]
        hits.append(
            VerbHit(
                verb=tok,
                code=best[1],
                target=S.toks[binds["target"]] if "target" in binds else None,
                source=S.toks[binds["source"]] if "source" in binds else None,
                pattern=best[3],
                line=best[4],
            )
        )
    return hits
