"""parse_published: ISO dates and common news formats; InputError with a hint otherwise."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from heron.errors import InputError
from heron.ingest import parse_published

D = date(2015, 10, 22)


@pytest.mark.parametrize(
    "value",
    [
        "2015-10-22",
        " 2015-10-22 ",
        "20151022",
        "2015-10-22T10:33:00Z",
        "2015-10-22T10:33:00.123+03:30",
        "2015-10-22 10:33",
        "2015-10-22T23:30:00-05:00",  # the date as written, not converted to UTC
        "2015/10/22",
        "2015.10.22",
        "22.10.2015",
        "22/10/2015",
        "10/22/2015",
        "22-10-2015",
        "22 October 2015",
        "22 Oct 2015",
        "Oct 22, 2015",
        "October 22nd, 2015",
        "Thursday, October 22, 2015 10:33 AM",
        "Thu, 22 Oct 2015 10:33:00 GMT",
        "Thu, 22 Oct 2015 10:33:00 +0000",
        "Updated: 22 Oct 2015 14:02 GMT",
        "Published on October 22, 2015",
        "22. Oktober 2015",
        "22 octobre 2015",
    ],
)
def test_accepted_formats(value: str) -> None:
    assert parse_published(value) == D


def test_ambiguous_numeric_dates() -> None:
    assert parse_published("03/04/2015") == date(2015, 3, 4)  # slashes: month first
    assert parse_published("03.04.2015") == date(2015, 4, 3)  # dots: day first
    assert parse_published("03-04-2015") == date(2015, 4, 3)


def test_date_objects_pass_through() -> None:
    assert parse_published(D) == D
    assert parse_published(datetime(2015, 10, 22, 23, 59)) == D


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "yesterday",
        "2 days ago",
        "last Tuesday",
        "next week",
        "today",
        "not a date",
        "2015",
        "October 2015",
        "22 October",
        "2015-13-45",
        "2015-02-30",
        "1445472000",
        "32/10/2015",
    ],
)
def test_refused_with_hint(value: str) -> None:
    with pytest.raises(InputError) as info:
        parse_published(value)
    message = str(info.value)
    assert message.startswith("[E004]")
    assert "2015-10-22" in message  # the hint shows the expected form
    assert repr(value.strip()) in message


def test_long_value_is_shortened_in_the_message() -> None:
    with pytest.raises(InputError) as info:
        parse_published("x" * 500)
    assert len(str(info.value)) < 400
