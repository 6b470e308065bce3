"""News datelines: the place (and sometimes agency and date) a story opens with.

Forms recognised, at the start of the text or of one of its first lines:

    TEHRAN (Tasnim) –
    KUNDUZ, Afghanistan (Reuters) -
    WASHINGTON —
    BEIRUT, Lebanon, Oct. 3 (AP) --
    SAN'A, Yemen, March 3 (Xinhua) --
    Kabul, Afghanistan (Reuters) -     (title case only with an agency or a region)
    Moscow, 12 March (AFP):            (a day-first date; a colon ends it too)

An agency alone ("AFP -") is no dateline: it says who filed the story, not where.

Offsets are character offsets in the text given. This lives in ``heron.nlp`` (the ``heron_dateline``
component marks the dateline as a sentence before the parser runs); ``heron.geo.dateline`` re-exports it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

# How far into the text a dateline may start (a title line may come first).
_MAX_START = 400

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# a dash that ends a dateline: a long dash, "--", or a hyphen with a space on one side
# ("KABUL -", "(Reuters)-"); never a hyphen inside a word ("US-China")
_DASH = r"(?:\s*(?:--|–|—|―)|\s+-|(?<=\))-|-(?=\s)|\s*:(?=\s))"
# upper-case place: "TEHRAN", "SAN'A", "NEW YORK", "ST. LOUIS", "KUALA LUMPUR", "PORT-AU-PRINCE"
_UPPER_PLACE = r"[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,3}"
_TITLE_PLACE = r"[A-Z][a-zà-ÿ'’.\-]+(?:\s+[A-Z][a-zà-ÿ'’.\-]+){0,2}"
_REGION = r"[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3}"
# "Nov. 9", "Oct. 3, 2015", and the day-first form "12 March" ("Moscow, 12 March (AFP):")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_AGENCY = r"\((?P<agency>[^()\n]{1,40})\)"

_UPPER_RE = re.compile(
    rf"(?P<place>{_UPPER_PLACE})"
    rf"(?:\s*,\s*(?P<region>{_REGION}))?"
    rf"(?:\s*,\s*(?P<date>{_DATE}))?"
    rf"(?:\s*{_AGENCY})?"
    rf"{_DASH}\s*"
)
_TITLE_RE = re.compile(
    rf"(?P<place>{_TITLE_PLACE})"
    rf"(?:\s*,\s*(?P<region>{_REGION}))?"
    rf"(?:\s*,\s*(?P<date>{_DATE}))?"
    rf"\s*{_AGENCY}"
    rf"{_DASH}\s*"
)

# All-caps words that open a text but are not places.
_NOT_PLACES = {
    "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "WATCH",
    "VIDEO", "PHOTOS", "LIVE", "URGENT", "FLASH", "CORRECTION", "REFILE", "NEWS", "REPORT",
    "COMMENT", "FEATURE", "INTERVIEW", "FACTBOX", "TIMELINE", "WRAPUP", "ADVISORY", "NOTE",
}


@functools.lru_cache(maxsize=1)
def _agencies() -> frozenset[str]:
    """News agency names that open a story on their own ("AFP -"): data/geo/news_agencies.txt."""
    text = (Path(__file__).resolve().parent.parent / "data" / "geo" / "news_agencies.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # the whole dateline as written, dash included
    start: int
    end: int
    place: str  # "TEHRAN"
    place_start: int
    place_end: int
    region: str | None = None  # "Afghanistan", "Lebanon", "Calif."
    region_start: int | None = None
    region_end: int | None = None
    agency: str | None = None  # "Reuters", "Tasnim", "AP"
    date_text: str | None = None  # "Oct. 3"


def _line_starts(text: str) -> list[tuple[int, bool]]:
    """Where a dateline may start: each of the first lines, and (upper-case datelines only)
    after a headline sentence run into the body on the same line ("Title. MANSFIELD — ...")."""
    starts = [(0, True)]
    for m in re.finditer(r"\n", text[:_MAX_START]):
        starts.append((m.end(), True))
    for m in re.finditer(r"[.!?]\s+(?=[A-Z]{3})", text[:_MAX_START]):
        starts.append((m.end(), False))
    return sorted(set(starts))


def _all_caps(text: str) -> bool:
    """Whether a text is written in capitals throughout (nine letters in ten or more)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 40 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


# words no place name in a dateline is made of ("THE CAMILIST UNION -", "ATTENTION, YOUR ATTENTION:")
_FUNCTION_WORDS = frozenset({"THE", "A", "AN", "OF", "TO", "WHO", "WHICH", "THAT", "THIS", "YOUR", "OUR",
                             "WE", "I", "AND", "FOR", "ON", "AGAINST", "ACCORDING", "MUCH"})


def _speech_intro(m: re.Match, *, line_start: bool) -> bool:
    """In an all-caps text (wire transcripts), what introduces speech rather than a dateline:
    "CRISTIANI SAID:", "THE REPORT READS:", "... LISTENERS. SOLDIERS --" (a bare place opens a
    line, ends with a dash and is made of name words)."""
    if m.group("date"):
        return False
    if not line_start or m.group().rstrip().endswith(":"):
        return True
    words = " ".join(x for x in (m.group("place"), m.group("region"), m.group("agency")) if x).replace(",", " ").split()
    region_words = len((m.group("region") or "").split())
    return region_words > 2 or any(w.strip("'.()") in _FUNCTION_WORDS for w in words)


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text`` (or one of its first lines), or None."""
    if not text:
        return None
    shouting = _all_caps(text[:_MAX_START])
    for ls, line_start in _line_starts(text):
        # skip leading blanks on the line
        i = ls
        while i < len(text) and text[i] in " \t\r\ufeff":
            i += 1
        if i >= min(len(text), ls + _MAX_START):
            continue
        for rx, upper in ((_UPPER_RE, True), (_TITLE_RE, False)):
            if not upper and not line_start:
                continue
            m = rx.match(text, i)
            if not m:
                continue
            place = m.group("place").rstrip(" .")
            if upper:
                words = place.replace("’", "'").split()
                if not any(len(w.strip("'.-")) >= 2 for w in words):
                    continue
                if words[0] in _NOT_PLACES or (len(words) == 1 and words[0] in _agencies()):
                    continue
                # a fully upper-case headline line ("IRAN TALKS - ...") is not a dateline
                # unless followed by a region, an agency, or a dash right after one or two words
                if len(words) > 3 and not (m.group("agency") or m.group("region")):
                    continue
            else:
                if not (m.group("agency") or m.group("region")):
                    continue
            if shouting and _speech_intro(m, line_start=line_start):
                continue
            region = m.group("region")
            if region is not None:
                region = region.rstrip(" ")
            agency = m.group("agency")
            end = m.end()
            # drop trailing whitespace from the dateline span
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            return Dateline(
                text=text[m.start():end],
                start=m.start(),
                end=end,
                place=place,
                place_start=m.start("place"),
                place_end=m.start("place") + len(place),
                region=region,
                region_start=m.start("region") if region is not None else None,
                region_end=(m.start("region") + len(region)) if region is not None else None,
                agency=agency.strip() if agency else None,
                date_text=m.group("date"),
            )
    return None


_USER_DATA_KEY = "heron.dateline"


def dateline_of(doc, *, text: str | None = None) -> Dateline | None:
    """The Doc's dateline, found once and kept in ``doc.user_data``.

    The ``heron_dateline`` component, the geoparser and the pipeline all need it; this way the
    text is scanned once per article. ``text`` saves rebuilding ``doc.text``.
    """
    cached = doc.user_data.get(_USER_DATA_KEY)
    if cached is None:
        cached = (find_dateline(doc.text if text is None else text),)
        doc.user_data[_USER_DATA_KEY] = cached
    return cached[0]
