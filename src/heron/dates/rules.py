"""Cheap regular-expression rules for time expressions, and how each one resolves.

Each rule is a compiled pattern plus a function that turns a match into a :class:`Resolution`
given the publication date and, where the caller knows it, the tense of the clause. The group
``x`` (when a pattern has one) is the expression itself; text around it is context only
("in 2011" -> the expression is "2011").

Conventions:

* ``precision`` is one of day | month | year | none. A month-precision value is the first of
  the month, a year-precision value is 1 January. Weeks and weekends are coarser than a day
  and finer than a month: they get month precision (the month holding the week's Thursday, or
  the weekend's Saturday); the reason names the exact days.
* ``last_day`` is the last day the expression can denote; a reference is historical when that
  day lies more than ``HISTORICAL_DAYS`` before publication.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from heron.dates.periods import (
    HISTORICAL_DAYS,
    MONTHS,
    SMALL_NUMBERS,
    UPCOMING_DAYS,
    WEEKDAYS,
    add_months,
    fmt_day,
    month_end,
    week_start,
)


@dataclass(frozen=True, slots=True)
class Resolution:
    value: date | None
    precision: str  # day | month | year | none
    reason: str
    last_day: date | None = None  # last day the expression can denote
    historical: bool | None = None  # set where it holds whatever the publication date


@dataclass(frozen=True, slots=True)
class Context:
    published: date | None
    tense: str | None = None  # "past" | "future" | None (unknown)


Resolver = Callable[[re.Match[str], Context], Resolution | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    whole_only: bool = False  # only when it spans a whole expression (an NER entity, resolve_date's input)
    year_only: bool = False  # a bare year: the caller checks it is not a count ("in 2000 homes")


def is_historical(res: Resolution, published: date | None) -> bool:
    if res.historical is not None:
        return res.historical
    if published is None or res.last_day is None:
        return False
    return res.last_day < published - timedelta(days=HISTORICAL_DAYS)


# ---------------------------------------------------------------- pattern pieces

_FULL_MONTHS = "January|February|April|June|July|August|September|October|November|December"
_SHORT_MONTHS = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# Next to a day or a year a month name is safe in any case ("march 13" in lower-cased copy) ...
_MON = rf"(?P<mon>{_FULL_MONTHS}|March|May|{_SHORT_MONTHS})"
# ... alone, "May", "March" and the abbreviations must be capitalised ("may" the verb, "march" the noun).
_MON_BARE = rf"(?P<mon>{_FULL_MONTHS}|(?-i:March|May|MARCH|MAY|{_SHORT_MONTHS}|{_SHORT_MONTHS.upper()}))"
_WDS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD = rf"(?P<wd>{_WDS})"
_WD_PREFIX = rf"(?:(?:{_WDS}),?\s+)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
_MOD = r"(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
_PREP = r"(?:in|since|from|until|till|by|during|before|after|through|throughout|between|and|to)"
_NOT_NUMBER_AFTER = r"(?![,.]?\d|\s*(?:%|percent\b|per\s+cent\b))"
_N = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
_VAGUE_N = r"a\s+few|few|several|some|many|a\s+couple\s+of"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _mon(m: re.Match[str]) -> int:
    return MONTHS[m["mon"].lower().rstrip(".")]


def _mod_note(m: re.Match[str]) -> str:
    mod = m.groupdict().get("mod")
    return f" ({' '.join(mod.lower().split())}: precision kept at the whole period)" if mod else ""


def _no_pub(what: str) -> Resolution:
    return Resolution(None, "none", f"{what}: relative to the publication date, which is unknown")


# ---------------------------------------------------------------- absolute dates


def _day(y: int, m: int, d: int, reason: str) -> Resolution | None:
    try:
        v = date(y, m, d)
    except ValueError:
        return None
    return Resolution(v, "day", reason, last_day=v)


def _iso(m: re.Match[str], ctx: Context) -> Resolution | None:
    return _day(int(m["y"]), int(m["m"]), int(m["d"]), "absolute: ISO date")


def _full(m: re.Match[str], ctx: Context) -> Resolution | None:
    return _day(int(m["y"]), _mon(m), int(m["d"]), "absolute: day, month and year")


def _month_year(m: re.Match[str], ctx: Context) -> Resolution:
    v = date(int(m["y"]), _mon(m), 1)
    return Resolution(v, "month", "absolute: month and year" + _mod_note(m), last_day=month_end(v))


def _year(m: re.Match[str], ctx: Context) -> Resolution:
    y = int(m["y"])
    return Resolution(date(y, 1, 1), "year", "absolute: year" + _mod_note(m), last_day=date(y, 12, 31))


def _decade(m: re.Match[str], ctx: Context) -> Resolution:
    y = int(m["dec"])
    return Resolution(
        date(y, 1, 1),
        "year",
        f"absolute: the {y}s, dated by the decade's first year" + _mod_note(m),
        last_day=date(y + 9, 12, 31),
    )


# ---------------------------------------------------------------- dates that need the publication year


def _pick(candidates: list[date], pub: date, tense: str | None, last: Callable[[date], date]) -> tuple[date, str]:
    """Choose among the same month(-day) in neighbouring years (29 February may be in one only)."""
    if tense == "future":
        ahead = [c for c in candidates if last(c) >= pub]
        return (min(ahead) if ahead else max(candidates)), "future tense: the first on or after publication"
    if tense == "past":
        limit, why = pub, "past tense: the latest on or before publication"
    else:
        limit, why = pub + timedelta(days=UPCOMING_DAYS), f"the latest at most {UPCOMING_DAYS} days after publication"
    before = [c for c in candidates if c <= limit]
    return (max(before) if before else min(candidates)), why


def _month_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    if ctx.published is None:
        return _no_pub("month and day without a year")
    mon, d, py = _mon(m), int(m["d"]), ctx.published.year
    candidates = [date(y, mon, d) for y in range(py - 4, py + 2) if 1 <= d <= monthrange(y, mon)[1]]
    if not candidates:
        return None
    v, why = _pick(candidates, ctx.published, ctx.tense, lambda c: c)
    return Resolution(v, "day", f"month and day, year from publication: {why}", last_day=v)


def _month(m: re.Match[str], ctx: Context) -> Resolution | None:
    pub = ctx.published
    if pub is None:
        return _no_pub("month without a year")
    mon = _mon(m)
    rel = " ".join((m.groupdict().get("rel") or "").lower().split())
    candidates = [date(y, mon, 1) for y in (pub.year - 1, pub.year, pub.year + 1)]
    this_month = pub.replace(day=1)
    if rel in ("last", "this past"):
        v, why = max(c for c in candidates if c < this_month), f"'{rel}': the latest before the publication month"
    elif rel in ("next", "this coming"):
        v, why = min(c for c in candidates if c > this_month), f"'{rel}': the first after the publication month"
    elif rel == "this":
        v, why = date(pub.year, mon, 1), "'this': in the publication year"
    else:
        v, why = _pick(candidates, pub, ctx.tense, month_end)
    return Resolution(v, "month", f"month, year from publication: {why}" + _mod_note(m), last_day=month_end(v))


def _weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    pub = ctx.published
    name = m["wd"].capitalize()
    if pub is None:
        return _no_pub(name)
    wd = WEEKDAYS[name.lower()]
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    rel = " ".join((m["rel"] or "").lower().split())
    if rel in ("last", "past", "this past"):
        v, why = pub - timedelta(days=back or 7), f"'{rel} {name}': the most recent {name} before publication"
    elif rel in ("next", "coming", "this coming"):
        v, why = pub + timedelta(days=ahead or 7), f"'{rel} {name}': the first {name} after publication"
    elif ctx.tense == "future":
        v, why = pub + timedelta(days=ahead), f"{name}, future tense: the first {name} on or after publication"
    else:
        v, why = pub - timedelta(days=back), f"{name}: the most recent {name} on or before publication"
    return Resolution(v, "day", f"{why} ({fmt_day(pub)})", last_day=v)


_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "the day before yesterday": -2,
    "tomorrow": 1, "the day after tomorrow": 2,
}  # fmt: skip


def _day_word(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = " ".join(m["w"].lower().split())
    if ctx.published is None:
        return _no_pub(f"'{word}'")
    v = ctx.published + timedelta(days=_DAY_WORDS[word])
    return Resolution(v, "day", f"'{word}': publication day {_DAY_WORDS[word]:+d}", last_day=v)


def _coarse_week(first: date, last: date, what: str, anchor: date) -> Resolution:
    """A week or weekend: month precision, in the month holding ``anchor``."""
    return Resolution(
        anchor.replace(day=1),
        "month",
        f"{what} ({fmt_day(first)} to {fmt_day(last)}): coarser than a day, so month precision",
        last_day=last,
    )


def _period(m: re.Match[str], ctx: Context) -> Resolution | None:
    pub = ctx.published
    rel = " ".join((m["rel"] or "this").lower().split()).removeprefix("the ")
    unit = m["unit"].lower()
    if pub is None:
        return _no_pub(f"'{rel} {unit}'")
    step = {"last": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    note = _mod_note(m)
    if unit == "week":
        monday = week_start(pub) + timedelta(weeks=step)
        return _coarse_week(monday, monday + timedelta(days=6), f"'{rel} week'{note}", monday + timedelta(days=3))
    if unit == "weekend":
        saturday = week_start(pub) + timedelta(weeks=step, days=5)
        return _coarse_week(saturday, saturday + timedelta(days=1), f"'{rel} weekend'{note}", saturday)
    if unit == "month":
        v = add_months(pub, step)
        return Resolution(v, "month", f"'{rel} month': publication month {step:+d}{note}", last_day=month_end(v))
    y = pub.year + step
    return Resolution(
        date(y, 1, 1), "year", f"'{rel} year': publication year {step:+d}{note}", last_day=date(y, 12, 31)
    )


def _the_weekend(m: re.Match[str], ctx: Context) -> Resolution | None:
    pub = ctx.published
    if pub is None:
        return _no_pub("'the weekend'")
    if ctx.tense == "future":
        saturday = pub + timedelta(days=(5 - pub.weekday()) % 7) if pub.weekday() != 6 else pub - timedelta(days=1)
        what = "'the weekend', future tense: the first weekend not over at publication"
    else:
        saturday = week_start(pub) + timedelta(days=5)
        if saturday > pub:
            saturday -= timedelta(weeks=1)
        what = "'the weekend': the most recent weekend begun by publication"
    return _coarse_week(saturday, saturday + timedelta(days=1), what, saturday)


def _ago(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit = m["unit"].lower()
    word = " ".join(m["n"].lower().split())
    n = int(word) if word.isdecimal() else SMALL_NUMBERS.get(word)
    # Some references are historical whatever the publication date: two months ago or more.
    surely_old = unit in ("year", "decade") or (unit == "month" and (n is None or n >= 2))
    if n is None:
        return Resolution(
            None, "none", f"'{word} {unit}s ago': too vague to date", historical=True if surely_old else None
        )
    pub = ctx.published
    if pub is None:
        res = _no_pub(f"'{m['x']}'")
        return Resolution(None, "none", res.reason, historical=True if surely_old else None)
    hist = True if surely_old else None
    if unit == "day":
        v = pub - timedelta(days=n)
        return Resolution(v, "day", f"{n} days before publication", last_day=v, historical=hist)
    if unit == "week":
        d = pub - timedelta(weeks=n)
        return Resolution(
            d.replace(day=1),
            "month",
            f"{n} weeks before publication ({fmt_day(d)}): month precision",
            last_day=d,
            historical=hist,
        )
    if unit == "month":
        v = add_months(pub, -n)
        return Resolution(v, "month", f"{n} months before publication", last_day=month_end(v), historical=hist)
    years = n * (10 if unit == "decade" else 1)
    y = pub.year - years
    return Resolution(
        date(y, 1, 1), "year", f"{years} years before publication", last_day=date(y, 12, 31), historical=hist
    )


# ---------------------------------------------------------------- the rule table (order breaks ties)

RULES: tuple[Rule, ...] = (
    Rule("iso", _c(rf"\b(?P<x>{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d))\b"), _iso),
    Rule("month-day-year", _c(rf"\b(?P<x>{_WD_PREFIX}{_MON}\s+{_DAY},?\s+{_YEAR})\b"), _full),
    Rule("day-month-year", _c(rf"\b(?P<x>{_WD_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR})\b"), _full),
    Rule("month-day", _c(rf"\b(?P<x>{_WD_PREFIX}{_MON}\s+{_DAY})\b(?!\s*[:.]?\d)"), _month_day),
    Rule("day-month", _c(rf"\b(?P<x>{_WD_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON})(?!\w)"), _month_day),
    Rule("month-year", _c(rf"\b(?P<x>{_MOD}{_MON}\s+(?:of\s+)?{_YEAR})\b"), _month_year),
    Rule("month", _c(rf"\b{_PREP}\s+(?P<x>{_MOD}{_MON_BARE})(?!\w)(?!\s*\d)"), _month),
    Rule(
        "month", _c(rf"\b(?P<x>(?P<rel>last|next|this\s+past|this\s+coming|this)\s+{_MON_BARE})(?!\w)(?!\s*\d)"), _month
    ),
    Rule("month", _c(rf"\b(?P<x>(?P<mod>early|late|mid)[\s-]+{_MON_BARE})(?!\w)(?!\s*\d)"), _month),
    Rule("month", _c(rf"^\s*(?P<x>{_MOD}{_MON_BARE})\s*$"), _month, whole_only=True),
    Rule("decade", _c(rf"\b(?P<x>(?:the\s+)?{_MOD}(?P<dec>1[89]\d0|20\d0)'?s)\b"), _decade),
    Rule("year", _c(rf"\b{_PREP}\s+(?P<x>{_MOD}{_YEAR})\b{_NOT_NUMBER_AFTER}"), _year, year_only=True),
    Rule("year", _c(rf"\b(?P<x>(?P<mod>early|late|mid)[\s-]+{_YEAR})\b{_NOT_NUMBER_AFTER}"), _year, year_only=True),
    Rule("year", _c(rf"\bthe\s+(?P<x>{_YEAR})\s+(?=[a-z])"), _year, year_only=True),
    Rule("year", _c(rf"^\s*(?P<x>{_MOD}{_YEAR})\s*$"), _year, whole_only=True, year_only=True),
    Rule(
        "season",
        _c(rf"\b(?P<x>(?:the\s+)?{_MOD}(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR})\b"),
        _year,
    ),
    Rule(
        "weekday",
        _c(
            rf"\b(?P<x>(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past)\s+)?(?:(?:early|late)\s+)?"
            rf"{_WD}(?:\s+(?:morning|afternoon|evening|night))?)\b"
        ),
        _weekday,
    ),
    Rule(
        "day-word",
        _c(
            r"\b(?P<x>(?:(?:earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)"
            r"|last\s+night|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
            r"(?:\s+(?:morning|afternoon|evening|night))?)\b"
        ),
        _day_word,
    ),
    Rule(
        "period",
        _c(
            r"\b(?P<x>(?:(?P<mod>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            r"|the\s+middle\s+of)[\s-]+)?(?P<rel>last|this|next|the\s+coming|coming|the\s+current)\s+"
            r"(?P<unit>week|weekend|month|year))\b"
        ),
        _period,
    ),
    Rule(
        "period",
        _c(
            r"\b(?P<x>(?P<mod>the\s+end|the\s+beginning|the\s+start|the\s+middle)\s+of\s+the\s+(?P<rel>)(?P<unit>month|year))\b"
        ),
        _period,
    ),
    Rule("weekend", _c(r"\b(?:over|at|during|on|for)\s+(?P<x>the\s+weekend)\b"), _the_weekend),
    Rule(
        "ago",
        _c(rf"\b(?P<x>(?P<n>{_N}|{_VAGUE_N})\s+(?P<unit>day|week|month|year|decade)s?\s+ago)\b"),
        _ago,
    ),
    # Last resort inside a DATE entity the rules above do not read ("fiscal 2014", "Ramadan 2014").
    Rule("year", _c(rf"(?<![\d/.-])(?P<x>{_YEAR})(?![\d/-]|\.\d)"), _year, whole_only=True, year_only=True),
)
