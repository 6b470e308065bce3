"""parse_number: number phrases as news copy writes them."""

from __future__ import annotations

import pytest

from heron.counts import parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 240,000", (240_000, "more than")),
        ("four million", (4_000_000, "exact")),
        ("4 million", (4_000_000, "exact")),
        ("4.5 million", (4_500_000, "exact")),
        ("around 4 million", (4_000_000, "around")),
        ("Around 8 million", (8_000_000, "around")),
        ("at least eight", (8, "at least")),
        ("no fewer than 12", (12, "at least")),
        ("over 100", (100, "more than")),
        ("upwards of 300", (300, "more than")),
        ("about 20", (20, "around")),
        ("some 500,000", (500_000, "around")),
        ("an estimated 10,000", (10_000, "around")),
        ("roughly 70", (70, "around")),
        ("nearly 3,000", (3_000, "nearly")),
        ("almost 50", (50, "nearly")),
        ("up to 1,000", (1_000, "up to")),
        ("as many as 16", (16, "up to")),
        ("fewer than ten", (10, "fewer than")),
        ("12 or more", (12, "at least")),
        ("between 90 and 100", (90, "between")),
        ("90 to 100", (90, "between")),
        ("two or three", (2, "between")),
        ("two to three thousand", (2_000, "between")),
        ("about 90 to 100", (90, "around")),
        ("a dozen", (12, "exact")),
        ("half a dozen", (6, "exact")),
        ("more than a dozen", (12, "more than")),
        ("dozens", (24, "dozens")),
        ("scores", (40, "scores")),
        ("hundreds", (200, "hundreds")),
        ("thousands", (2_000, "thousands")),
        ("Tens of thousands", (20_000, "tens of thousands")),
        ("hundreds of thousands", (200_000, "hundreds of thousands")),
        ("millions", (2_000_000, "millions")),
        ("several hundred", (300, "several hundred")),
        ("a few thousand", (3_000, "a few thousand")),
        ("one hundred and twenty", (120, "exact")),
        ("a hundred", (100, "exact")),
        ("half a million", (500_000, "exact")),
        ("one and a half million", (1_500_000, "exact")),
        ("twenty-five", (25, "exact")),
        ("Twelve", (12, "exact")),
        ("one", (1, "exact")),
        ("1,200", (1_200, "exact")),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$4 million",
        "4 million dollars",
        "40 percent",
        "40%",
        "52-48",
        "first",
        "a",
        "tens",
        "4.5",
        "killed",
        "",
        "£300",
    ],
)
def test_not_a_count(text):
    assert parse_number(text) is None
