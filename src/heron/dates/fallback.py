"""dateparser, as a last resort for date-like expressions the rules do not know.

dateparser is slow and will read almost anything as a date ("four days" -> four days ago), so it
only sees text that names a month or looks like a numeric date, and always with a fixed
RELATIVE_BASE (never "now": results must not depend on when Heron runs). It works offline.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from heron.dates.periods import month_end
from heron.dates.rules import Resolution

_DATE_LIKE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?|\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
# Used only where a year is written out, so the base never shows in a result.
_NEUTRAL_BASE = date(2000, 1, 1)


@lru_cache(maxsize=64)
def _parser(base: date) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def parse_with_dateparser(text: str, published: date | None) -> Resolution | None:
    if not _DATE_LIKE.search(text):
        return None
    if published is None and not _HAS_YEAR.search(text):
        return Resolution(None, "none", "dateparser: no year given and the publication date is unknown")
    data = _parser(published or _NEUTRAL_BASE).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return Resolution(date(d.year, 1, 1), "year", "dateparser: year", last_day=date(d.year, 12, 31))
    if data.period in ("month", "week"):
        v = d.replace(day=1)
        return Resolution(v, "month", f"dateparser: {data.period}", last_day=month_end(v))
    return Resolution(d, "day", "dateparser: day", last_day=d)
