"""A country's name the NER cuts in two ("DR" + "Congo") is joined again before places are
resolved, so "DR Congo" is the Democratic Republic (COD), never the Republic of the Congo (COG).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import place_for


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Six park rangers in DR Congo's eastern forests were killed on Sunday.", "DR Congo", "COD"),
        ("Rebels in DR Congo attacked a village near the border.", "DR Congo", "COD"),
        ("Troops from DR Congo crossed the border.", "DR Congo", "COD"),
        # without the prefix the name stays the Republic of the Congo
        ("Rebels in the Congo attacked a village near the border.", "Congo", "COG"),
        # whole names are untouched
        ("Fighting in South Sudan spread to Sudan.", "South Sudan", "SSD"),
    ],
)
def test_split_country_names_joined(parse, text, name, country):
    _, places = parse(text)
    assert place_for(places, name).country == country


def test_no_join_with_an_ordinary_word(parse):
    # a capitalised word before a place that does not make a country's name with it stays apart
    _, places = parse("In Kenya, police arrested two men.")
    assert place_for(places, "Kenya").country == "KEN"
    assert not any(p.text == "In Kenya" for p in places)
