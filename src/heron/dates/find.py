"""Time expressions in a parsed sentence: the rules' matches plus spaCy's DATE/TIME entities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from heron.nlp.context import governing_verb
from heron.dates.fallback import parse_with_dateparser
from heron.dates.resolve import Hit, scan, to_dateref
from heron.dates.rules import Context
from heron.records import DateRef

# Words that make the time expression after them a deadline ("pledged to double trade by 2030").
_DEADLINE = re.compile(r"\b(by|no later than|in time for)\s+$", re.IGNORECASE)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
# Verbs whose complement lies ahead: "is scheduled for Oct. 28", "plans to visit on Monday".
_FUTURE_HEADS = frozenset(
    {"schedule", "plan", "due", "set", "expect", "intend", "hope", "aim", "promise", "vow", "prepare", "threaten"}
)
_PERFECT_AUX = frozenset({"have", "has", "had", "'ve"})
# A bare year that spaCy reads as a number ("in 2000 homes") is not a date.
_NUMBER_ENTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _governing_verb(tok: Token) -> Token | None:
    return governing_verb(tok, max_steps=5)


def clause_tense(span: Span) -> str | None:
    """'future', 'past' or None for the clause that governs ``span`` (a time expression)."""
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & _FUTURE_AUX or verb.lemma_ in _FUTURE_HEADS:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_HEADS:
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if verb.tag_ == "VBN" and words & _PERFECT_AUX:
        return "past"
    return None


def find_dates(sent: Span, *, published: date | None, ents: Sequence[Span] | None = None,
               doc_text: str | None = None) -> list[DateRef]:
    """Time expressions in ``sent``, resolved against ``published``, in text order.

    Durations ("four days", "the past four and half years") and ages ("25-year-old") are left
    out: they are not points in time. Offsets are character offsets in the Doc's text.
    ``ents`` (the sentence's entities) and ``doc_text`` (the Doc's text) save recomputing them
    when the caller has them already.
    """
    base = sent.start_char
    text = sent.text if doc_text is None else doc_text[base:sent.end_char]
    hits = scan(text)
    found = [_resolve_hit(h, sent, published, text) for h in hits]
    for ent in (sent.ents if ents is None else ents):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char - base, ent.end_char - base
        if any(h.start < e and s < h.end for h in hits):
            continue
        inner = scan(ent.text, whole=True)
        if inner:
            best = max(inner, key=lambda h: h.end - h.start)
            found.append(_resolve_hit(best.shifted(s), sent, published, text))
        elif (res := parse_with_dateparser(ent.text, published)) is not None:
            found.append(to_dateref(ent.text, ent.start_char, ent.end_char, res, published))
    return sorted((ref for ref in found if ref is not None), key=lambda r: r.start)


def _is_number(span: Span) -> bool:
    """A bare year that is really a count: spaCy says so, or it counts a plural noun ("in 2000 homes")."""
    if any(t.ent_type_ in _NUMBER_ENTS for t in span):
        return True
    last = span[-1]
    after_the = span.start > 0 and span.doc[span.start - 1].lower_ == "the"
    return not after_the and last.dep_ == "nummod" and last.head.i > last.i and last.head.tag_ == "NNS"


def _resolve_hit(hit: Hit, sent: Span, published: date | None, sent_text: str) -> DateRef | None:
    doc = sent.doc
    start, end = sent.start_char + hit.start, sent.start_char + hit.end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if hit.rule.year_only and _is_number(span):
        return None
    res = hit.resolve(Context(published, clause_tense(span)))
    if res is None:
        return None
    ref = to_dateref(sent_text[hit.start:hit.end], start, end, res, published)
    why = _target_reason(ref, sent_text[:hit.start], published)
    if why:
        ref = replace(ref, target=True, reason=f"{ref.reason}; {why}" if ref.reason else why)
    return ref


def _target_reason(ref: DateRef, before: str, published: date | None) -> str:
    """Why ``ref`` is a target date (a deadline, or after publication), or "" when it is not."""
    if ref.value is None:
        return ""
    if published is not None and ref.value > published:
        return "after the publication date: a target date, not when the act happened"
    deadline = _DEADLINE.search(before)
    if deadline and ref.precision != "day":  # "by 2030", "by the end of March"; "had left by Friday" stays
        return f"'{deadline.group(1).lower()}': a deadline, not when the act happened"
    return ""
