"""The cheap first pass: which sentences of an article can carry an event, and so need parsing.

Most news sentences code nothing: a sentence that names no actor, or uses no word of the trigger
lexicon, cannot yield an event, whatever its parse. The gate looks at a Doc that was only
tokenized and split into sentences (spaCy's small ``senter``, a fraction of the parser's cost) and
keeps a sentence when

* it has an **actor candidate**: a match of the actor, case-sensitive and sector phrase matchers
  the mention finder already compiled (countries, demonyms, capitals, IGOs, groups, people, "police",
  "minister"), a pronoun or pair noun coreference can resolve ("he", "they", "the two sides"), a
  capitalised head or keyword of an organisation's name ("Front", "League", "Liberation": the words
  :mod:`heron.actors.unlisted` codes unlisted organisations by), an acronym, or a word that the
  article introduced as a name next to such a match ("Minister Alexander Novak" and "Novak, the
  Russian minister" make "Novak" a candidate in every sentence of the article), **and**
* it has a **trigger candidate**: a word whose spelling is an inflected form of a lemma of the
  trigger lexicon, the forms generated once from the lemmatizer's own rule and exception tables
  (``said``, ``met``, ``talks``, ``strikes``), **or**
* it has a **count candidate**: a number next to a word of the counts lexicon ("240,000 ... died").

The tests are vectorised: one ``to_array`` of lower-case ids per Doc and a binary search in the
compiled id sets, plus the three PhraseMatchers. What the gate drops is never parsed; see
:mod:`heron.nlp.partial` for how the kept sentences are parsed and put back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH, LIKE_NUM, LOWER
from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: words after a sector or actor phrase that are not names ("minister said", "police in")
_NOT_NAMES = frozenset({"the", "a", "an", "and", "of", "in", "on", "for", "to", "said", "says", "at", "but",
                        "as", "by", "with", "from", "after", "before", "when", "while", "if", "it", "this"})
#: what may stand between a name and the phrase after it ("Novak, the Russian minister")
_NAME_GAP = frozenset({",", "the", "a", "an"})


def inflected_forms(lemma: str, pos: str, lemmatizer) -> frozenset[str]:
    """Every spelling the rule lemmatizer would map to ``lemma`` as a ``pos`` ("verb", "noun",
    "adj"): the lemma itself, that part of speech's suffix rules run backwards ("attack" ->
    "attacks", "attacked", "attacking"; "agree" -> "agreed") and its exceptions ("meet" -> "met")."""
    lemma = lemma.lower()
    forms = {lemma}
    tables = _tables(lemmatizer)
    for old, new in tables.rules.get(pos, ()):
        if lemma.endswith(new):
            forms.add(lemma[: len(lemma) - len(new)] + old)
    forms.update(tables.exceptions.get((pos, lemma), ()))
    if pos == "verb" and len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" \
            and lemma[-3] not in "aeiou":  # doubled final consonant: "stopped", "banning"
        forms.update((lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"))
    return frozenset(forms)


def any_forms(words: Iterable[str], lemmatizer) -> frozenset[str]:
    """The spellings of ``words`` as any part of speech (constraint words: "talks", "strikes")."""
    return frozenset(f for w in words for pos in _POS for f in inflected_forms(w, pos, lemmatizer))


_POS = ("verb", "noun", "adj")


@dataclass(frozen=True, slots=True)
class _Tables:
    rules: dict[str, tuple[tuple[str, str], ...]]
    exceptions: dict[tuple[str, str], frozenset[str]]  # (pos, lemma) -> irregular spellings


_TABLES: dict[int, _Tables] = {}


def _tables(lemmatizer) -> _Tables:
    """The lemmatizer's rule and exception tables, inverted once per lemmatizer."""
    key = id(lemmatizer)
    if key not in _TABLES:
        lookups = getattr(lemmatizer, "lookups", None)
        rules: dict[str, tuple[tuple[str, str], ...]] = {}
        exceptions: dict[tuple[str, str], set[str]] = {}
        if lookups is not None and lookups.has_table("lemma_rules"):
            strings = lemmatizer.vocab.strings
            raw_rules, raw_exc = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc", {})
            for pos in _POS:
                rules[pos] = tuple((old, new) for old, new in raw_rules.get(strings[pos], ()))
                for form, lemmas in (raw_exc.get(strings[pos]) or {}).items():
                    for lemma in lemmas:
                        exceptions.setdefault((pos, lemma), set()).add(form)
        _TABLES[key] = _Tables(rules, {k: frozenset(v) for k, v in exceptions.items()})
    return _TABLES[key]


class TriggerIndex:
    """Spelling -> what else the sentence must contain for one of its patterns to be possible.

    A pattern that constrains its object, host verb, particle, modifier, complement or
    prepositional object ("hold *talks*", "launch *air* strikes", "take *into custody*") can only
    match where those words are in the sentence; a bare pattern ("said", "attacked") needs nothing.
    """

    def __init__(self, lexicon, lemmatizer, vocab) -> None:
        self.vocab = vocab
        cache: dict[frozenset[str], frozenset[int]] = {}

        def ids(words) -> frozenset[int]:
            key = frozenset(words)
            if key not in cache:
                cache[key] = frozenset(vocab.strings.add(w) for w in any_forms(key, lemmatizer))
            return cache[key]

        needs: dict[int, set[tuple[frozenset[int], ...]]] = {}
        for (pos, lemma), patterns in lexicon.index.items():
            for pattern in patterns:
                req = [ids(w) for w in (pattern.obj, pattern.host, pattern.prt, pattern.mod, pattern.xcomp) if w]
                for prep, objects in pattern.pobj:
                    req.append(ids([prep] if isinstance(prep, str) else prep))
                    if objects:
                        req.append(ids(objects))
                for form in inflected_forms(lemma, pos, lemmatizer):
                    needs.setdefault(vocab.strings.add(form), set()).add(tuple(req))
        # a spelling with one bare pattern needs nothing else
        self.needs = {k: (() if () in v else tuple(v)) for k, v in needs.items()}
        self.ids = numpy.fromiter(sorted(self.needs), dtype=numpy.uint64)

    def possible(self, candidates: Iterable[int], words: set[int]) -> bool:
        """Whether one of the candidate spellings (lower-case ids) can match, given the sentence's words."""
        for c in candidates:
            reqs = self.needs[c]
            if not reqs:
                return True
            if any(all(r & words for r in req) for req in reqs):
                return True
        return False


@dataclass(frozen=True, slots=True)
class GateDecision:
    """Per sentence of the cheap Doc: kept or not, and why (for the explain view and tests)."""

    keep: numpy.ndarray  # bool, one per sentence
    reasons: tuple[str, ...]  # "actor+trigger", "count", or "" where dropped


class SentenceGate:
    """Compiled once per Coder; ``decide`` is called for every tokenized, sentence-split Doc."""

    def __init__(self, vocab, *, matchers: Iterable, triggers: TriggerIndex, count_words: Iterable[str],
                 pronouns: Iterable[str], name_words: Iterable[str] = ()) -> None:
        self.matchers = tuple(matchers)
        self.triggers = triggers
        self._name_word = _ids(vocab, name_words)
        self._count = _ids(vocab, count_words)
        self._pronoun = _ids(vocab, pronouns)
        self.vocab = vocab

    def decide(self, doc: Doc, sent_starts: list[int]) -> GateDecision:
        """``sent_starts``: the first token of each sentence, in order (sentence 0 starts at 0)."""
        n = len(doc)
        if not n:
            return GateDecision(numpy.zeros(0, dtype=bool), ())
        arr = doc.to_array([LOWER, IS_TITLE, LIKE_NUM, IS_UPPER, IS_ALPHA, LENGTH])
        lower = arr[:, 0]
        starts = numpy.asarray(sent_starts, dtype=numpy.int64)
        sent_of = numpy.searchsorted(starts, numpy.arange(n), side="right") - 1
        n_sents = len(starts)

        title = arr[:, 1] == 1
        actor = _member(lower, self._pronoun)
        # an organisation the tables do not list, named by its head or keyword ("Liberation Front")
        actor |= title & _member(lower, self._name_word)
        # an acronym (defined earlier, "the Kosovo Liberation Army (KLA)", or a known one)
        actor |= (arr[:, 3] == 1) & (arr[:, 4] == 1) & (arr[:, 5] >= 2) & (arr[:, 5] <= 6)
        name_ids: set[int] = set()
        for matcher in self.matchers:
            for _, s, e in matcher(doc):
                actor[s] = True
                # capitalised words next to the phrase are names the article introduces:
                # "Minister Alexander Novak", "Alexander Novak, the Russian minister"
                j = e
                while j < n and j < e + 4 and title[j] and doc[j].lower_ not in _NOT_NAMES:
                    name_ids.add(int(lower[j]))
                    j += 1
                j = s - 1
                while j >= 0 and j >= s - 5 and (title[j] or doc[j].lower_ in _NAME_GAP):
                    if title[j] and doc[j].lower_ not in _NOT_NAMES:
                        name_ids.add(int(lower[j]))
                    j -= 1
        if name_ids:
            actor |= _member(lower, numpy.unique(numpy.fromiter(name_ids, dtype=numpy.uint64))) & (arr[:, 1] == 1)
        trigger = _member(lower, self.triggers.ids)
        count = _member(lower, self._count)
        number = arr[:, 2] == 1

        def per_sentence(mask: numpy.ndarray) -> numpy.ndarray:
            return numpy.bincount(sent_of[mask], minlength=n_sents) > 0

        has_actor = per_sentence(actor)
        has_count = per_sentence(count) & per_sentence(number)
        event = numpy.zeros(n_sents, dtype=bool)
        ends = [*sent_starts[1:], n]
        for si in numpy.flatnonzero(has_actor & per_sentence(trigger)).tolist():
            lo, hi = sent_starts[si], ends[si]
            cands = lower[lo:hi][trigger[lo:hi]].tolist()
            event[si] = self.triggers.possible(cands, set(lower[lo:hi].tolist()))
        keep = event | has_count
        reasons = tuple("actor+trigger" if e else "count" if c else "" for e, c in zip(event, has_count))
        return GateDecision(keep, reasons)


def _member(values: numpy.ndarray, sorted_ids: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin`` for a sorted id array, by binary search: ``isin`` hashes the whole id array
    again on every call, which on short texts costs more than the rest of the gate."""
    if not len(sorted_ids):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(sorted_ids, values), len(sorted_ids) - 1)
    return sorted_ids[at] == values


def _ids(vocab, words: Iterable[str]) -> numpy.ndarray:
    return numpy.fromiter(sorted({vocab.strings.add(w.lower()) for w in words if w}), dtype=numpy.uint64)
