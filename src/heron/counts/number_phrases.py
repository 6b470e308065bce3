"""Number phrases in a parsed sentence: where a number starts and ends, with its qualifier.

"more than 240,000", "a dozen", "between 20 and 30", "tens of thousands": each is read as one
:class:`NumberPhrase`; money, percentages, times, ages and bare years are left out. Whether the
number counts people is decided in kinds.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from heron.counts.numbers import QUALIFIERS, SCALES, SUFFIX_QUALIFIERS, VAGUE_FEW, VAGUE_PLURALS, parse_number

_NOT_COUNT_ENTS = frozenset({"MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
# spaCy sometimes calls a plain count a DATE ("Between 20 and 30 people"): a DATE or TIME entity
# only rules the number out when it holds more than the number ("20 days", "March 20").
_TIME_ENTS = frozenset({"DATE", "TIME"})
_AFTER_NOT_COUNT = frozenset({"percent", "%", "per", "pc", "year", "years", "o'clock", "a.m.", "p.m.", "am", "pm"})
_MAX_QUALIFIER_TOKENS = 4

def _is_number_word(tok: Token) -> bool:
    low = tok.lower_
    return (tok.like_num and tok.ent_type_ != "ORDINAL") or low in SCALES or low in VAGUE_PLURALS or low == "half"


@dataclass(slots=True)
class NumberPhrase:
    first: int  # token index where the phrase (qualifier included) starts
    start: int  # first token of the number itself
    end: int  # one past its last token (suffix qualifier included)
    value: int
    qualifier: str
    top: Token  # the number's syntactic head


def number_phrases(sent: Span, ents: Sequence[Span], candidates: list[int]) -> list[NumberPhrase]:
    doc, out = sent.doc, []
    by_token = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    i = sent.start
    for cand in candidates:  # the token loop, visiting only tokens that can start a number
        if cand < i:
            continue
        i = cand
        if not _is_number_word(doc[i]):
            i += 1
            continue
        j = _number_end(sent, i)
        start = i
        # "a dozen", "half a million", "several hundred"
        if start > sent.start and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in SCALES:
            start -= 1
        for few in VAGUE_FEW:
            n = len(few.split())
            if start - n >= sent.start and doc[start - n : start].text.lower() == few:
                start -= n
                break
        end = j
        for suffix in SUFFIX_QUALIFIERS:
            n = len(suffix.split())
            if doc[end : end + n].text.lower() == suffix:
                end += n
                break
        first = _qualifier_start(sent, start)
        i = j
        if _not_a_count(sent, first, start, end, by_token):
            continue
        parsed = parse_number(doc[first:end].text)
        if parsed is None:
            continue
        out.append(NumberPhrase(first, start, end, parsed[0], parsed[1], _top(doc[start:end])))
    return out


def _joins(doc: Doc, j: int, stop: int, i: int) -> int:
    """How many tokens from ``j`` join the number begun at ``i`` to more of it (0: none)."""
    word, prev = doc[j].lower_, doc[j - 1].lower_
    nxt = doc[j + 1] if j + 1 < stop else None
    if nxt is None:
        return 0
    if word in ("a", "an") and (nxt.lower_ == "half" or prev == "half"):  # "one and a half million", "half a million"
        return 1
    if word == "and" and doc[j + 1 : j + 3].text.lower() == "a half":
        return 1
    if not _is_number_word(nxt):
        return 0
    before = doc[i - 1].lower_ if i > 0 else ""
    if word == "-":
        return 1
    if word == "and":  # "one hundred and twenty", "between 20 and 30"; not "12 and 30 were wounded"
        return 1 if prev in SCALES or before == "between" else 0
    if word in ("to", "or"):  # "20 to 30", "two or three"; not "rose from 12 to 40"
        return 0 if before == "from" else 1
    if word == "of":  # "tens of thousands"
        return 1 if nxt.lower_ in VAGUE_PLURALS or nxt.lower_ in SCALES else 0
    return 0


def _number_end(sent: Span, i: int) -> int:
    doc, stop = sent.doc, sent.end
    j = i + 1
    while j < stop:
        if _is_number_word(doc[j]):
            j += 1
        elif (n := _joins(doc, j, stop, i)) and j + n < stop:
            j += n
        else:
            break
    return j


def _qualifier_start(sent: Span, start: int) -> int:
    doc = sent.doc
    for n in range(_MAX_QUALIFIER_TOKENS, 0, -1):
        if start - n < sent.start:
            continue
        words = doc[start - n : start].text.lower()
        if words in QUALIFIERS or words == "between":
            return start - n
    return start


def _not_a_count(sent: Span, first: int, start: int, end: int, ents: dict[int, Span]) -> bool:
    doc = sent.doc
    span = doc[start:end]
    for t in span:
        ent = ents.get(t.i)
        if ent is not None and (
            ent.label_ in _NOT_COUNT_ENTS or (ent.label_ in _TIME_ENTS and (ent.start < first or ent.end > end))
        ):
            return True
    before = doc[start - 1] if start > sent.start else None
    after = doc[end] if end < sent.end else None
    if before is not None and (before.is_currency or before.lower_ in ("no", "no.", "number", "#")):
        return True
    if after is not None and (after.lower_ in _AFTER_NOT_COUNT or after.is_currency):
        return True
    if (
        after is not None
        and after.text == "-"
        and end + 1 < sent.end
        and doc[end + 1].lower_ in ("year", "hour", "day")
    ):
        return True
    # a bare year ("in 2011") that spaCy did not label
    return len(span) == 1 and span[0].text.isdecimal() and len(span[0].text) == 4 and 1800 <= int(span[0].text) <= 2100


def _top(span: Span) -> Token:
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return outside[-1] if outside else span.root
