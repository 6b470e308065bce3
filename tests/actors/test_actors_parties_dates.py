"""Parties and armed groups by country, and codes that depend on the article date."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def finder(nlp):
    from heron.actors.dictionaries import load_builtin
    from heron.actors.mentions import MentionFinder

    return nlp, MentionFinder(nlp, load_builtin())


def _code(finder, text: str, phrase: str, on: date | None) -> str | None:
    nlp, f = finder
    doc = nlp(text)
    start = text.index(phrase)
    end = start + len(phrase)
    hits = [m for m in f.find(doc, published=on) if m.start <= start and end <= m.end]
    if not hits:
        return None
    m = min(hits, key=lambda x: x.end - x.start)
    return m.actors[0].code if m.actors else None


CASES = [
    # (text, phrase, article date, expected code)
    ("The FIS called a general strike in Algiers.", "FIS", date(1991, 5, 25), "DZAOPP"),
    ("The banned FIS rejected the army's offer.", "FIS", date(1995, 1, 10), "DZAREB"),
    ("GIA gunmen attacked a village south of the capital.", "GIA", date(1997, 8, 29), "DZAREB"),
    ("Minister Tran Xuan Gia met the visiting delegation.", "Minister Tran Xuan Gia", date(1999, 3, 1), "---GOV"),
    ("The PPP said it would contest the election.", "PPP", date(2008, 1, 5), "PAKPTY"),
    ("Leaders of the PML-N walked out of the assembly.", "PML-N", date(2013, 6, 1), "PAKPTY"),
    ("The MQM called a strike in Karachi.", "MQM", date(2007, 5, 13), "PAKPTY"),
    ("The Lord's Resistance Army abducted dozens of children.", "Lord's Resistance Army", date(2003, 6, 1), "UGAREB"),
    ("The NRM won a majority in parliament.", "NRM", date(2016, 2, 20), "UGAGOV"),
    ("The Muslim Brotherhood called for protests.", "Muslim Brotherhood", date(2005, 11, 1), "EGYOPP"),
    ("The Revolutionary United Front seized the peacekeepers.", "Revolutionary United Front", date(2000, 5, 5),
     "SLEREB"),
    ("UNITA rebels shelled the town of Kuito.", "UNITA", date(1999, 3, 1), "AGOREB"),
    ("The government of Sindh ordered the schools closed.", "The government", date(2010, 8, 1), "PAKGOV"),
    # the Sudanese south before and after independence
    ("The SPLA attacked a garrison near the border.", "SPLA", date(1997, 3, 1), "SDNREB"),
    ("The SPLM said it would quit the unity government.", "SPLM", date(2007, 10, 11), "SDNGOV"),
    ("The SPLM said it would hold a party congress.", "SPLM", date(2015, 4, 1), "SSDGOV"),
    ("Juba rejected the proposal on Monday.", "Juba", date(1992, 7, 1), "SDN"),
    ("Juba rejected the proposal on Monday.", "Juba", date(2016, 7, 1), "SSD"),
    # a republic named in the text beats the federal office the table remembers
    ("Serbian President Vojislav Kostunica promised reforms.", "Serbian President Vojislav Kostunica",
     date(2001, 1, 10), "SRBGOV"),
    ("Yugoslav President Vojislav Kostunica promised reforms.", "Yugoslav President Vojislav Kostunica",
     date(2001, 1, 10), "YUGGOV"),
]


@pytest.mark.parametrize(("text", "phrase", "on", "expected"), CASES,
                         ids=[f"{i:02d}-{c[1]}-{c[2].year}" for i, c in enumerate(CASES)])
def test_party_and_dated_code(finder, text, phrase, on, expected):
    assert _code(finder, text, phrase, on) == expected


def test_siberia_is_not_a_slip_for_liberia(finder):
    code = _code(finder, "The blast in Siberia killed three workers.", "Siberia", date(2004, 1, 1))
    assert code in (None, "RUS")


def test_dated_country_phrase_without_a_date_takes_the_current_state():
    from heron.actors.dictionaries import load_builtin

    k = load_builtin()
    assert k.resolve("Juba").country == "SSD"
    assert k.resolve("Juba", on=date(2005, 1, 1)).country == "SDN"
    assert [e.country for e in k.lookup("South Sudanese", on=date(2000, 1, 1))] == ["SDN"]
