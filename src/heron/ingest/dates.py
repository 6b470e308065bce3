"""Publication dates: ISO dates and the formats news feeds commonly use.

``parse_published`` is strict about one thing: the value must name a day (year, month and day).
Relative words ("yesterday", "2 hours ago") are refused, since their meaning would depend on the
day Heron happens to run. Times and time zones are accepted and dropped: the date is the one
written (``2015-10-22T23:30:00-05:00`` is 22 October), not converted to UTC.

Ambiguous all-number dates: ``03/04/2015`` with slashes is read month first (US style);
``03.04.2015`` and ``03-04-2015`` day first. When one part is over 12 there is no ambiguity.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

from heron.errors import InputError

log = logging.getLogger(__name__)

_HINT = (
    "give the day it was published as an ISO date such as 2015-10-22 "
    "(also accepted: '22 October 2015', 'Oct 22, 2015', '10/22/2015', "
    "'Thu, 22 Oct 2015 10:33:00 GMT', '2015-10-22T10:33:00Z')"
)

_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,])")
_XYY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:$|[T\s,])")
_LABEL = re.compile(
    r"^(?:first\s+|last\s+)?(?:published|updated|posted|modified|dated?)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(ago|yesterday|today|tomorrow|now|last|next|this|hence|in \d+)\b", re.IGNORECASE
)


def parse_published(value: str) -> date:
    """Read a publication date; raise ``InputError`` (with a hint) when it names no day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = str(value).strip()
    text = _LABEL.sub("", raw).strip()
    found = _parse(text) if text else None
    if found is None:
        shown = raw if len(raw) <= 80 else raw[:77] + "..."
        raise InputError(f"cannot read {shown!r} as a publication date: {_HINT}")
    return found


def _parse(text: str) -> date | None:
    # 1. ISO 8601 (also the compact 20151022), with or without a time and offset.
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("z", "Z")).date()
    except ValueError:
        pass
    # 2. All-number dates with separators.
    m = _YMD.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _XYY.match(text)
    if m:
        a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        if a > 12:
            return _make(year, b, a)
        if b > 12 or sep == "/":
            return _make(year, a, b)
        return _make(year, b, a)
    if text.isdigit():
        return None  # a bare year or a timestamp in a string: not a day we can trust
    # 3. RFC 2822 (RSS pubDate, e-mail): "Thu, 22 Oct 2015 10:33:00 +0000".
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    # 4. Written-out dates, in English or another language dateparser knows.
    if _RELATIVE.search(text):
        return None
    return _dateparser(text)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> date | None:
    import dateparser  # slow to import: only when the fast paths fail

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "MDY",
    }
    try:
        found = dateparser.parse(text, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r", text, exc_info=True)
        return None
    return found.date() if found is not None else None


def coerce_published(value: Any, origin: str) -> date | None:
    """The ``published`` value of an input record, or None (with a warning) when unreadable.

    Strings go through ``parse_published``; a JSON number is read as a Unix timestamp in seconds
    (milliseconds when it is too big to be seconds), taken as a UTC date. An unreadable date does
    not drop the article: it is kept without a date and a warning is logged.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        pass
    elif isinstance(value, (int, float)):
        seconds = value / 1000 if abs(value) > 100_000_000_000 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            pass
    elif isinstance(value, str):
        try:
            return parse_published(value)
        except InputError:
            pass
    log.warning(
        "%s: cannot read the published date %r; the article is kept without a date", origin, value
    )
    return None
