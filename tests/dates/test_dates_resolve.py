"""resolve_date: one time expression resolved against the publication date (no spaCy needed)."""

from __future__ import annotations

from datetime import date

import pytest

import heron.dates.resolve as resolve_module
from heron.dates import resolve_date

THU = date(2015, 10, 22)  # a Thursday

# (expression, published, tense, value, precision, historical)
CASES = [
    # weekdays: the most recent such day on or before publication; the same weekday is that day
    ("on Wednesday", THU, None, date(2015, 10, 21), "day", False),
    ("Wednesday", THU, "past", date(2015, 10, 21), "day", False),
    ("on Thursday", THU, None, date(2015, 10, 22), "day", False),
    ("on Friday", THU, None, date(2015, 10, 16), "day", False),
    ("late Sunday night", THU, None, date(2015, 10, 18), "day", False),
    ("on Friday", THU, "future", date(2015, 10, 23), "day", False),
    ("on Thursday", THU, "future", date(2015, 10, 22), "day", False),
    ("next Monday", THU, None, date(2015, 10, 26), "day", False),
    ("next Thursday", THU, None, date(2015, 10, 29), "day", False),
    ("last Thursday", THU, None, date(2015, 10, 15), "day", False),
    ("last Tuesday", THU, None, date(2015, 10, 20), "day", False),
    ("this coming Saturday", THU, None, date(2015, 10, 24), "day", False),
    ("on sunday", THU, None, date(2015, 10, 18), "day", False),  # lower-cased copy
    # days named from publication
    ("yesterday", THU, None, date(2015, 10, 21), "day", False),
    ("today", THU, None, THU, "day", False),
    ("earlier today", THU, None, THU, "day", False),
    ("this morning", THU, None, THU, "day", False),
    ("tonight", THU, None, THU, "day", False),
    ("last night", THU, None, date(2015, 10, 21), "day", False),
    ("tomorrow", THU, None, date(2015, 10, 23), "day", False),
    ("the day before yesterday", THU, None, date(2015, 10, 20), "day", False),
    # weeks and weekends: month precision, in the month holding the week's Thursday
    ("last week", THU, None, date(2015, 10, 1), "month", False),
    ("last week", date(2015, 11, 2), None, date(2015, 10, 1), "month", False),
    ("next week", date(2015, 10, 28), None, date(2015, 11, 1), "month", False),
    ("earlier this week", THU, None, date(2015, 10, 1), "month", False),
    ("over the weekend", THU, None, date(2015, 10, 1), "month", False),
    # months and years from publication
    ("last month", THU, None, date(2015, 9, 1), "month", False),
    ("earlier this month", THU, None, date(2015, 10, 1), "month", False),
    ("next month", THU, None, date(2015, 11, 1), "month", False),
    ("last month", date(2015, 1, 10), None, date(2014, 12, 1), "month", False),
    ("last year", THU, None, date(2014, 1, 1), "year", True),
    ("earlier this year", THU, None, date(2015, 1, 1), "year", False),
    ("next year", THU, None, date(2016, 1, 1), "year", False),
    ("the end of the year", THU, None, date(2015, 1, 1), "year", False),
    # month and day: year from publication, previous year when more than a month ahead
    ("on Oct. 28", THU, None, date(2015, 10, 28), "day", False),
    ("Oct. 28", THU, "past", date(2014, 10, 28), "day", True),
    ("Oct. 28", THU, "future", date(2015, 10, 28), "day", False),
    ("October 20th", THU, None, date(2015, 10, 20), "day", False),
    ("Dec. 28", THU, None, date(2014, 12, 28), "day", True),
    ("Jan. 10", date(2015, 12, 20), None, date(2016, 1, 10), "day", False),
    ("28 October", THU, "past", date(2014, 10, 28), "day", True),
    ("the 3rd of October", THU, None, date(2015, 10, 3), "day", False),
    ("Thursday, Oct. 15", THU, None, date(2015, 10, 15), "day", False),
    ("Sept. 11", date(2002, 3, 10), None, date(2001, 9, 11), "day", True),
    ("march 13", date(2002, 3, 10), None, date(2002, 3, 13), "day", False),  # lower-cased copy
    ("Feb. 29", THU, "past", date(2012, 2, 29), "day", True),  # the last leap year
    # months alone
    ("since late September", THU, None, date(2015, 9, 1), "month", False),
    ("in September", THU, None, date(2015, 9, 1), "month", False),
    ("in August", THU, None, date(2015, 8, 1), "month", True),
    ("in March", THU, None, date(2015, 3, 1), "month", True),
    ("in November", THU, None, date(2015, 11, 1), "month", False),
    ("in January", THU, None, date(2015, 1, 1), "month", True),
    ("last October", THU, None, date(2014, 10, 1), "month", True),
    ("last September", THU, None, date(2015, 9, 1), "month", False),
    ("mid-October", THU, None, date(2015, 10, 1), "month", False),
    ("LAST APRIL", THU, None, date(2015, 4, 1), "month", True),
    # absolute dates
    ("October 28, 2015", THU, None, date(2015, 10, 28), "day", False),
    ("28 October 2015", THU, None, date(2015, 10, 28), "day", False),
    ("2015-10-20", THU, None, date(2015, 10, 20), "day", False),
    ("in March 2011", THU, None, date(2011, 3, 1), "month", True),
    ("since March 2011", THU, None, date(2011, 3, 1), "month", True),
    ("in 2011", THU, None, date(2011, 1, 1), "year", True),
    ("2011", THU, None, date(2011, 1, 1), "year", True),
    ("in early 2014", THU, None, date(2014, 1, 1), "year", True),
    ("the 1994 genocide", THU, None, date(1994, 1, 1), "year", True),
    ("the 1990s", THU, None, date(1990, 1, 1), "year", True),
    ("the summer of 2014", THU, None, date(2014, 1, 1), "year", True),
    # time ago
    ("three years ago", THU, None, date(2012, 1, 1), "year", True),
    ("a year ago", date(2015, 1, 15), None, date(2014, 1, 1), "year", True),
    ("a decade ago", THU, None, date(2005, 1, 1), "year", True),
    ("six months ago", THU, None, date(2015, 4, 1), "month", True),
    ("two weeks ago", THU, None, date(2015, 10, 1), "month", False),
    ("two days ago", THU, None, date(2015, 10, 20), "day", False),
    ("several years ago", THU, None, None, "none", True),
    ("a few days ago", THU, None, None, "none", False),
]


@pytest.mark.parametrize(("text", "published", "tense", "value", "precision", "historical"), CASES)
def test_resolve_date(text, published, tense, value, precision, historical):
    ref = resolve_date(text, published=published, tense=tense)
    assert (ref.value, ref.precision, ref.historical) == (value, precision, historical), ref.reason
    assert ref.text == text and (ref.start, ref.end) == (0, len(text))
    assert ref.reason


@pytest.mark.parametrize(
    ("text", "value", "precision", "historical"),
    [
        # without a publication date only absolute dates get a value
        ("on Wednesday", None, "none", False),
        ("yesterday", None, "none", False),
        ("last month", None, "none", False),
        ("Oct. 28", None, "none", False),
        ("since late September", None, "none", False),
        ("in March 2011", date(2011, 3, 1), "month", False),
        ("October 28, 2015", date(2015, 10, 28), "day", False),
        ("2011", date(2011, 1, 1), "year", False),
        ("the 1994 genocide", date(1994, 1, 1), "year", False),
        # "years ago" is historical whatever the publication date
        ("three years ago", None, "none", True),
    ],
)
def test_without_publication_date(text, value, precision, historical):
    ref = resolve_date(text, published=None)
    assert (ref.value, ref.precision, ref.historical) == (value, precision, historical)
    if value is None:
        assert "unknown" in ref.reason


def test_reasons_say_how():
    assert "since" in resolve_date("since late September", published=THU).reason
    assert "Mon 2015-10-12" in resolve_date("last week", published=THU).reason
    assert "future" in resolve_date("on Friday", published=THU, tense="future").reason


@pytest.mark.parametrize("text", ["25-year-old", "48-hour", "four days", "the past four and half years", "Ramadan", ""])
def test_not_points_in_time(text):
    ref = resolve_date(text, published=THU)
    assert (ref.value, ref.precision) == (None, "none")


def test_dateparser_reads_what_the_rules_do_not():
    ref = resolve_date("28/10/2015", published=THU)
    assert (ref.value, ref.precision) == (date(2015, 10, 28), "day")
    assert ref.reason.startswith("dateparser")


def test_dateparser_never_uses_today():
    # no publication date and no year: dateparser would read it against "now"
    ref = resolve_date("the 3rd of Oct", published=None)
    assert ref.value is None


def test_common_forms_never_reach_dateparser(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("dateparser was called")

    monkeypatch.setattr(resolve_module, "parse_with_dateparser", fail)
    for text, published, *_ in CASES:
        resolve_date(text, published=published)
