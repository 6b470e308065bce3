"""Reading numbers as news copy writes them: "more than 240,000", "four million", "dozens".

Conventions:

* A qualifier says how the number is meant: exact | more than | at least | around | nearly |
  up to | fewer than | between. Synonyms map onto these ("over" -> "more than", "some",
  "about", "an estimated" -> "around", "as many as" -> "up to", "almost" -> "nearly").
* A range ("90 to 100", "between 90 and 100", "two or three") gives its lower end, qualifier
  "between" (or the explicit qualifier: "about 90 to 100" -> "around").
* A vague quantity gives the smallest value it implies, and its own words as the qualifier:
  "dozens" -> 24, "scores" -> 40, "hundreds" -> 200, "thousands" -> 2,000, "tens of
  thousands" -> 20,000, "hundreds of thousands" -> 200,000, "millions" -> 2,000,000,
  "several hundred" / "a few hundred" -> 300. "a dozen" is 12, exact; "half a dozen" is 6.
* Money and percentages are not counts: "$4 million" and "40 percent" give None.
"""

from __future__ import annotations

import math
import re

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Words that multiply what comes before them ("four million", "two dozen", "a hundred").
SCALES: dict[str, int] = {
    "dozen": 12,
    "score": 20,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Plurals used as vague quantities, and the one-unit words that can start them ("tens of thousands").
VAGUE_PLURALS: dict[str, int] = {
    "dozens": 12,
    "scores": 20,
    "tens": 10,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
}
VAGUE_FEW = ("several", "a few", "a couple of")

# Qualifier phrases before the number, and what they normalise to.
QUALIFIERS: dict[str, str] = {
    "more than": "more than", "over": "more than", "well over": "more than", "just over": "more than",
    "upwards of": "more than", "in excess of": "more than", "above": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "not less than": "at least",
    "a minimum of": "at least",
    "around": "around", "about": "around", "approximately": "around", "roughly": "around", "some": "around",
    "an estimated": "around", "estimated": "around", "an approximate": "around", "circa": "around",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just short of": "nearly",
    "up to": "up to", "as many as": "up to", "at most": "up to", "no more than": "up to", "not more than": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
}  # fmt: skip
# ... and after it ("12 or more").
SUFFIX_QUALIFIERS: dict[str, str] = {"or more": "at least", "or so": "around", "plus": "more than"}

_QUAL_RE = re.compile(r"^(?P<q>" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)) + r")\s+")
_SUFFIX_RE = re.compile(r"[\s-]+(?P<q>" + "|".join(map(re.escape, SUFFIX_QUALIFIERS)) + r")$")
_NOT_A_COUNT = re.compile(
    r"[$€£¥₹%]|\b(?:us|usd|eur|gbp)\b|\b(?:dollars?|euros?|pounds?|yuan|yen|rupees?|rials?|riyals?|dinars?|"
    r"pesos?|rubles?|roubles?|percent|per\s+cent|percentage)\b"
)
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_RANGE = re.compile(r"^(?:between\s+)?(?P<a>.+?)\s*(?:\s(?:to|and|or)\s|-|–)\s*(?P<b>.+)$")


# More than the people alive: not a count of people (and too big for the store's BIGINT column).
MAX_COUNT = 10**10


def parse_number(text: str) -> tuple[int, str] | None:
    """``text`` as (value, qualifier), or None when it is not a count of things.

    "more than 240,000" -> (240000, "more than"); "four million" -> (4000000, "exact");
    "dozens" -> (24, "dozens"); "at least eight" -> (8, "at least"); "$4 million" -> None;
    a value over ``MAX_COUNT`` -> None.
    """
    found = _parse_number(text)
    return found if found is None or 0 <= found[0] <= MAX_COUNT else None


def _parse_number(text: str) -> tuple[int, str] | None:
    s = " ".join(text.lower().replace("\u2013", "-").split())
    if not s or _NOT_A_COUNT.search(s):
        return None
    qualifier = None
    if (m := _QUAL_RE.match(s)) is not None:
        qualifier, s = QUALIFIERS[m["q"]], s[m.end() :]
    if (m := _SUFFIX_RE.search(s)) is not None:
        qualifier, s = qualifier or SUFFIX_QUALIFIERS[m["q"]], s[: m.start()]
    if (vague := _vague(s)) is not None:
        return vague[0], qualifier or vague[1]
    value = _exact(s)
    if value is not None:
        return value, qualifier or "exact"
    if (m := _RANGE.match(s)) is not None:
        low, high = _exact(m["a"]), _exact(m["b"])
        scale = SCALES.get(m["b"].split()[-1], 1)
        if low is not None and high is not None and low < scale:
            low *= scale  # "two to three thousand": the upper end's scale applies to the lower
        if low is not None and high is not None and low < high:
            return low, qualifier or "between"
    return None


def _vague(s: str) -> tuple[int, str] | None:
    words = s.split()
    few = next((f for f in VAGUE_FEW if s.startswith(f + " ")), None)
    if few is not None:
        rest = s[len(few) + 1 :].split()
        if len(rest) == 1 and (rest[0] in SCALES or rest[0] in VAGUE_PLURALS):
            unit = SCALES.get(rest[0]) or VAGUE_PLURALS[rest[0]]
            return 3 * unit, s
        return None
    if not words or words[0] not in VAGUE_PLURALS:
        return None
    value = 2 * VAGUE_PLURALS[words[0]]
    rest = words[1:]
    while rest[:1] == ["of"] and len(rest) >= 2 and (rest[1] in VAGUE_PLURALS or rest[1] in SCALES):
        value *= VAGUE_PLURALS.get(rest[1]) or SCALES[rest[1]]
        rest = rest[2:]
    if rest or (words[0] == "tens" and len(words) == 1):
        return None
    return value, s


def _exact(s: str) -> int | None:
    """A single number in digits, words or both ("4.5 million", "one hundred and twenty")."""
    words = [w for w in re.split(r"[\s-]+", s.strip()) if w and w != "and"]
    if not words:
        return None
    if _DIGITS.match(words[0]):
        value = float(words[0].replace(",", ""))
        if not math.isfinite(value) or value > MAX_COUNT:
            return None
        for w in words[1:]:
            if w not in SCALES:
                return None
            value *= SCALES[w]
        return round(value) if value == int(value) or len(words) > 1 else None
    return _words(words)


def _words(words: list[str]) -> int | None:
    total, current = 0.0, 0.0
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w in UNITS:
            current += UNITS[w]
        elif w == "half":
            current += 0.5
        elif w in ("a", "an"):
            if nxt not in SCALES and nxt != "half":
                return None
            if i == 0 or words[i - 1] != "half":  # "half a million": the "a" adds nothing
                current += 1 if nxt in SCALES else 0
        elif w in SCALES:
            if SCALES[w] >= 1000:
                total, current = total + (current or 1) * SCALES[w], 0.0
            else:
                current = (current or 1) * SCALES[w]
        else:
            return None
    value = total + current
    return int(value) if value == int(value) else None
