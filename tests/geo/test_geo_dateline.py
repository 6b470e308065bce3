from __future__ import annotations

import pytest

from heron.geo import find_dateline


@pytest.mark.parametrize(
    "text, place, region, agency, date",
    [
        ("TEHRAN (Tasnim) – Iranian Defense Minister said", "TEHRAN", None, "Tasnim", None),
        ("KUNDUZ, Afghanistan (Reuters) - Taliban fighters", "KUNDUZ", "Afghanistan", "Reuters", None),
        ("WASHINGTON — The Senate voted", "WASHINGTON", None, None, None),
        ("BEIRUT, Lebanon, Oct. 3 (AP) -- Gunmen opened fire", "BEIRUT", "Lebanon", "AP", "Oct. 3"),
        ("NEW YORK (AP) — Stocks fell", "NEW YORK", None, "AP", None),
        ("ST. LOUIS, Mo. — A judge ruled", "ST. LOUIS", "Mo.", None, None),
        ("Kabul, Afghanistan (Reuters) - Officials said", "Kabul", "Afghanistan", "Reuters", None),
    ],
)
def test_dateline_forms(text, place, region, agency, date):
    d = find_dateline(text)
    assert d is not None
    assert d.place == place and text[d.place_start:d.place_end] == place
    assert d.region == region
    if region:
        assert text[d.region_start:d.region_end] == region
    assert d.agency == agency
    assert d.date_text == date
    assert d.start == 0 and text[d.start:d.end] == d.text
    assert d.text.rstrip()[-1] in "-–—"


def test_dateline_after_title_line():
    text = "Iran-Russia Defense Cooperation Vital\nTEHRAN (Tasnim) – Iranian Defense Minister"
    d = find_dateline(text)
    assert d is not None and d.place == "TEHRAN"
    assert text[d.place_start:d.place_end] == "TEHRAN"
    assert d.start == text.index("TEHRAN")


def test_dateline_after_headline_sentence_on_same_line():
    text = "Man charged in fire. MANSFIELD — A man was arrested"
    d = find_dateline(text)
    assert d is not None and text[d.place_start:d.place_end] == "MANSFIELD"


@pytest.mark.parametrize(
    "text",
    [
        "The minister said - nothing more.",
        "UPDATE 2-Iran says talks will go on",
        "Alexandria woman charged in connection with fire.",
        "",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text", ["US-China trade talks resumed.", "IRAN-IRAQ border reopened."])
def test_hyphen_inside_a_word_is_no_dateline(text):
    assert find_dateline(text) is None


def test_dash_variants():
    assert find_dateline("KABUL (Reuters)-Officials said").place == "KABUL"
    assert find_dateline("WASHINGTON—The Senate").place == "WASHINGTON"
