"""Finding rule matches in text and resolving one expression."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from heron.dates.fallback import parse_with_dateparser
from heron.dates.rules import RULES, Context, Resolution, Rule, is_historical
from heron.records import DateRef

# "since"/"until" change what the expression means, so they belong to it.
_SPAN_WORD = re.compile(r"\b(since|until|till)\s+$", re.IGNORECASE)

# A cheap test that a rule cannot match: a word every match of the rule holds (rules by name; a
# rule not listed always runs). Most sentences hold no time expression at all, and the gates
# keep ``scan`` from running two dozen patterns over each of them.
_DIGIT = re.compile(r"\d")
_GATES: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(["iso", "month-day-year", "day-month-year", "month-day", "day-month", "month-year", "decade",
                     "year", "season"], _DIGIT),
    "month": re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE),
    "weekday": re.compile(r"day", re.IGNORECASE),
    "day-word": re.compile(r"day|night|tomorrow|morning|afternoon|evening", re.IGNORECASE),
    "period": re.compile(r"week|month|year", re.IGNORECASE),
    "weekend": re.compile(r"weekend", re.IGNORECASE),
    "ago": re.compile(r"ago", re.IGNORECASE),
}


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    span_word: str | None = None  # "since" | "until" | "till" when it was taken in

    def shifted(self, offset: int) -> Hit:
        return Hit(self.start + offset, self.end + offset, self.rule, self.match, self.span_word)

    def resolve(self, ctx: Context) -> Resolution | None:
        res = self.rule.resolve(self.match, ctx)
        if res is None or self.span_word is None:
            return res
        what = "start" if self.span_word == "since" else "end"
        return Resolution(
            res.value,
            res.precision,
            f"'{self.span_word}': {what} of a span; {res.reason}",
            res.last_day,
            res.historical,
        )


def scan(text: str, *, whole: bool = False) -> list[Hit]:
    """Rule matches in ``text``, leftmost-longest, not overlapping, in text order.

    ``whole`` says the text is one expression (an NER entity): rules that only make sense then
    (a bare "2011" or "September") apply too.
    """
    found: list[tuple[int, int, int, re.Match[str]]] = []
    open_gates: dict[re.Pattern[str], bool] = {}
    for order, rule in enumerate(RULES):
        if rule.whole_only and not whole:
            continue
        gate = _GATES.get(rule.name)
        if gate is not None:
            passed = open_gates.get(gate)
            if passed is None:
                passed = open_gates[gate] = gate.search(text) is not None
            if not passed:
                continue
        for m in rule.pattern.finditer(text):
            start, end = m.span("x")
            found.append((start, -(end - start), order, m))
    hits: list[Hit] = []
    taken_until = -1
    for start, neg_len, order, m in sorted(found, key=lambda f: (f[0], f[1], f[2])):
        if start < taken_until:
            continue
        end = start - neg_len
        span_word = None
        sw = _SPAN_WORD.search(text, 0, start)
        if sw is not None:
            span_word, start = sw.group(1).lower(), sw.start()
        hits.append(Hit(start, end, RULES[order], m, span_word))
        taken_until = end
    return hits


def to_dateref(text: str, start: int, end: int, res: Resolution, published: date | None) -> DateRef:
    return DateRef(
        text=text,
        start=start,
        end=end,
        value=res.value,
        precision=res.precision,
        historical=is_historical(res, published),
        reason=res.reason,
    )


def resolve_expression(text: str, published: date | None, tense: str | None = None) -> Resolution | None:
    """The longest rule match in ``text`` resolved, else dateparser's reading, else None."""
    ctx = Context(published, tense)
    for hit in sorted(scan(text, whole=True), key=lambda h: h.start - h.end):
        res = hit.resolve(ctx)
        if res is not None:
            return res
    return parse_with_dateparser(text, published)


def resolve_date(text: str, *, published: date | None, tense: str | None = None) -> DateRef:
    """Resolve one time expression ("on Wednesday", "since late September", "the 1994 genocide").

    ``tense`` ("past" | "future"), where known, decides between the last and the next Monday or
    October 28; without it a weekday is the most recent one on or before publication. The
    DateRef spans the whole of ``text``; without a publication date only absolute dates get a
    value. An expression that is not understood comes back with precision "none".
    """
    res = resolve_expression(text, published, tense)
    if res is None:
        res = Resolution(None, "none", "not a time expression Heron can resolve")
    return to_dateref(text, 0, len(text), res, published)
