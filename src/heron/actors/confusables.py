"""Names that contain another country's name, or that name more than one actor: which one is meant.

The table is ``data/actors/confusable_names.csv`` (see the README there). Two kinds of rows:

* a phrase with one row always means that actor, and being longer it wins over the country name
  inside it: "New Mexico" is the United States, never Mexico; "Niger State" is Nigeria's;
  "Gulf of Guinea" and "Congo River" are no actor (``---``) and only block "Guinea" and "Congo";
* a phrase with several rows is read from its context: each row (a reading) lists cue words
  ("Atlanta", "Gov.", "Tbilisi") and ``@XXX`` cues (another mention of country XXX in the
  article). A cue near the phrase weighs 4, in its sentence 2, elsewhere in the article 1; the
  reading with the most weight wins and a tie goes to the first row. So "Georgia" is the
  country unless the article speaks of Atlanta or a governor; "Congo" and "Congolese" are DR
  Congo unless Brazzaville is about; "the North" is North Korea in an article about the Koreas
  and no actor elsewhere.

:class:`ConfusableNames` runs inside the mention finder, on the dictionary matches of one
document, before they are grouped into mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from heron.actors.codes import _read_table, norm_key
from heron.actors.entries import ActorEntry
from heron.errors import DictionaryError

__all__ = ["Reading", "ConfusableName", "ConfusableNames", "confusable_names"]

TABLE = "confusable_names.csv"
PROVENANCE = f"builtin:{TABLE}"
NEAR_TOKENS = 3
NEAR, SENTENCE, ARTICLE = 4, 2, 1
#: entry kinds a table reading may replace (a user's person or group of the same name is left alone)
PLACE_KINDS = frozenset({"country", "capital", "region", "demonym", "null"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One actor a confusable phrase may mean, and the cues that say so."""

    code: str  # a country code, or "---" (not an actor)
    words: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # "@XXX" cues: another mention of that country
    note: str = ""

    @property
    def null(self) -> bool:
        return self.code == "---"


@dataclass(frozen=True, slots=True)
class ConfusableName:
    phrase: str  # as written in the table
    readings: tuple[Reading, ...]  # the first is the reading when no cue speaks

    @property
    def contextual(self) -> bool:
        return len(self.readings) > 1


@lru_cache(maxsize=1)
def confusable_names() -> dict[str, ConfusableName]:
    """The table, by normalised phrase (read once)."""
    rows: dict[str, list[tuple[str, Reading]]] = {}
    for lineno, r in _read_table(TABLE):
        phrase, code = r["phrase"], r["code"].strip().upper()
        if not phrase or not code:
            raise DictionaryError(f"builtin:{TABLE}:{lineno}: phrase and code are required")
        if code != "---" and not re.fullmatch(r"[A-Z]{3}", code):
            raise DictionaryError(f"builtin:{TABLE}:{lineno}: code {code!r} is not a country code or ---")
        cues = [c.strip() for c in r.get("cues", "").split(";") if c.strip()]
        reading = Reading(code=code, words=tuple(c for c in cues if not c.startswith("@")),
                          countries=tuple(c[1:].upper() for c in cues if c.startswith("@")), note=r.get("note", ""))
        rows.setdefault(norm_key(phrase), []).append((phrase, reading))
    return {key: ConfusableName(phrase=v[0][0], readings=tuple(rd for _, rd in v)) for key, v in rows.items()}


def _capitals_kept(phrase: str, text: str) -> bool:
    """Every capital of the phrase after its first letter is a capital in the text ("the North",
    "The North", not "the north"; "New Mexico", not "new mexico")."""
    pw, tw = phrase.split(), text.split()
    if len(pw) != len(tw):
        return True
    return all(not pc.isupper() or tc.isupper()
               for i, (p, t) in enumerate(zip(pw, tw)) for j, (pc, tc) in enumerate(zip(p, t)) if (i, j) != (0, 0))


def _cue_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


class ConfusableNames:
    """Applies the table to one document's dictionary matches (built once per mention finder)."""

    def __init__(self, nlp, knowledge) -> None:
        self.names = confusable_names()
        self.knowledge = knowledge
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("CONFUSABLE", list(nlp.tokenizer.pipe(sorted({n.phrase for n in self.names.values()}))))
        self._patterns = {rd: _cue_pattern(rd.words) for n in self.names.values() for rd in n.readings}

    def resolve(self, doc: Doc, found: dict[tuple[int, int], list[ActorEntry]]) -> None:
        """Rewrite ``found`` (token span -> entries) in place: confusable phrases get the entries
        of the reading their context chooses; a longer name blocks the country name inside it."""
        hits = []
        for _, s, e in self.matcher(doc):
            span = doc[s:e]
            name = self.names.get(norm_key(span.text))
            if name is not None and _capitals_kept(name.phrase, span.text):
                hits.append((span, name))
        if not hits:
            return
        cue_hits: dict[Reading, list[int]] = {}  # reading -> char offsets of its word cues in the text
        original = dict(found)
        for span, name in hits:
            key = (span.start, span.end)
            entries = original.get(key)
            if entries and any(x.kind not in PLACE_KINDS for x in entries):
                continue  # the dictionaries name someone else by it (a person, a group): theirs
            if entries is None and name.contextual and name.readings[0].null and not self._stands_alone(span, original):
                continue  # "the North Sea", "the South Korean navy": part of another name
            reading = self._choose(span, name, original, cue_hits)
            if reading.null:
                if entries is not None or not name.contextual:
                    found[key] = [self._entry(span, reading, kind="null")]
                continue
            found[key] = ([x for x in entries or () if x.country == reading.code]
                          or [self._entry(span, reading, kind="region")])

    # -- helpers -------------------------------------------------------------------------------
    def _stands_alone(self, span: Span, found: dict[tuple[int, int], list[ActorEntry]]) -> bool:
        """Not inside or overlapping another match, and not followed by a capitalised name word."""
        if any(s < span.end and span.start < e for s, e in found):
            return False
        doc = span.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is None or not (nxt.is_alpha and (nxt.is_title or nxt.is_upper))

    def _choose(self, span: Span, name: ConfusableName, found: dict[tuple[int, int], list[ActorEntry]],
                cue_hits: dict[Reading, list[int]]) -> Reading:
        if not name.contextual:
            return name.readings[0]
        doc = span.doc
        near_lo = doc[max(0, span.start - NEAR_TOKENS)].idx
        last = doc[min(len(doc), span.end + NEAR_TOKENS) - 1]
        near_hi = last.idx + len(last)
        sent = span.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc[:]
        s_lo, s_hi = sent.start_char, sent.end_char

        def weight(char: int) -> int:
            return NEAR if near_lo <= char < near_hi else SENTENCE if s_lo <= char < s_hi else ARTICLE

        # other mentions that name one country, and are not themselves confusable
        others = [(doc[s].idx, {x.country for x in es}) for (s, e), es in found.items()
                  if not (s < span.end and span.start < e) and norm_key(doc[s:e].text) not in self.names
                  and all(x.code.strip("-") for x in es)]
        scores = []
        for rd in name.readings:
            pos = cue_hits.get(rd)
            if pos is None:
                pat = self._patterns.get(rd)
                pos = cue_hits[rd] = [m.start() for m in pat.finditer(doc.text)] if pat else []
            score = sum(weight(p) for p in pos)
            score += sum(weight(p) for p, cs in others if len(cs) == 1 and next(iter(cs)) in rd.countries)
            scores.append(score)
        best = max(scores)
        if best == 0 or scores.count(best) > 1:
            return name.readings[0]
        return name.readings[scores.index(best)]

    def _entry(self, span: Span, reading: Reading, *, kind: str) -> ActorEntry:
        phrase = norm_key(span.text)
        if reading.null:
            return ActorEntry(phrase=phrase, name=span.text, code="---", country=None, sectors=(), kind="null",
                              provenance=PROVENANCE, surface=span.text)
        canonical = self.knowledge.country(reading.code)
        name = canonical.name if canonical is not None else reading.code
        code = canonical.code if canonical is not None else reading.code
        country = canonical.country if canonical is not None else reading.code
        return ActorEntry(phrase=phrase, name=name, code=code, country=country, sectors=(), kind=kind,
                          provenance=PROVENANCE, surface=span.text)
