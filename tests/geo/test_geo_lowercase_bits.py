"""Short lower-case words are no places: in text whose capitals were lost or restored only in
part ("la mar province"), "la" is not Louisiana. Sentences written for these tests."""

from __future__ import annotations


def test_a_short_lower_case_word_is_no_state(parse):
    _, places = parse("The army clashed with rebels in the chilhua region, la mar province, on Monday.")
    assert not any(p.country == "USA" for p in places)


def test_a_cased_name_still_counts(parse):
    _, places = parse("The army clashed with rebels near Lima on Monday.")
    assert any(p.country == "PER" for p in places)
