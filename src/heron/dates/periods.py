"""Calendar facts and small date arithmetic shared by the date rules."""

from __future__ import annotations

from datetime import date, timedelta

# Month names as written in news copy (full names and agency abbreviations, with or without ".").
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip

# A reference whose last possible day lies more than this many days before publication is
# "historical": background, not news of the day.
HISTORICAL_DAYS = 31

# A month-day or month with no year and no tense to go by is placed in the publication year
# (or the next one) when that puts it at most this many days after publication; else in the past.
UPCOMING_DAYS = 31


def add_months(d: date, n: int) -> date:
    """The first day of the month ``n`` months after ``d``'s month."""
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def month_end(d: date) -> date:
    return add_months(d, 1) - timedelta(days=1)


def week_start(d: date) -> date:
    """Monday of ``d``'s (ISO) week."""
    return d - timedelta(days=d.weekday())


def fmt_day(d: date) -> str:
    return f"{d:%a} {d.isoformat()}"
