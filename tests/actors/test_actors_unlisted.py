"""Actors no table lists: organisations coded from their names, religious and ethnic groups,
historic seats of government, hyphenated backers ("US-led"), misspelt country names.

Cases are (text, phrase, expected code or None, extra) as in test_actors_mentions_table; the
organisations and people are invented, so the code must come from the words of the name.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.actors.mention_cases import check_case

from heron.actors.unlisted import CountrySlips, one_slip, org_words

CASES: list[tuple[str, str, object, dict]] = [
    # -- organisations by the head noun of their name ---------------------------------------
    ("The Awami Unity League boycotted the election.", "Awami Unity League", "---PTY",
     {"name": "Awami Unity League"}),
    ("The Progressive Democratic Alliance demanded an inquiry into the vote.", "Progressive Democratic Alliance",
     "---PTY", {}),
    ("The Zambian Patriotic Forum accused the government of fraud.", "Zambian Patriotic Forum", "ZMBOPP", {}),
    ("The Kenya Landowners Association condemned the budget cuts.", "Kenya Landowners Association", "KENNGO", {}),
    # a role word in the name stays ("Nurses": health workers), the head adds its sector
    ("The Kenya Nurses Association condemned the budget cuts.", "Kenya Nurses Association", "KENHLHNGO", {}),
    ("The National Reconciliation Council dissolved parliament in Bamako.", "National Reconciliation Council",
     "MLIGOV", {}),
    ("The Amani Brigades claimed the bombing of the convoy.", "Amani Brigades", "---REB", {}),
    # a keyword in the name overrides the head: rebels, labour
    ("The Ogaden Liberation Army ambushed a patrol near the border.", "Ogaden Liberation Army", "ETHREB", {}),
    ("The Kosovo Liberation Army attacked a Serbian police post.", "Kosovo Liberation Army", "XKXREB", {}),
    ("The Revolutionary Patriotic Front released forty hostages.", "Revolutionary Patriotic Front", "---REB", {}),
    ("The Ghanaian Labour Congress called a national strike.", "Ghanaian Labour Congress", "GHALAB", {}),
    # ... but not a party's: a party is a party
    ("The Revolutionary Socialist Party won the by-election.", "Revolutionary Socialist Party", "---PTY", {}),
    # the sentence's place gives the country
    ("The Movement for Renewal staged a rally in Harare.", "Movement for Renewal", "ZWEOPP", {}),
    # known bodies keep their table codes
    ("The US Congress passed the bill on Tuesday.", "US Congress", "USALEG", {}),
    ("The African Union sent observers.", "African Union", "IGOAFRAFU", {}),
    # -- religious communities and radicals -------------------------------------------------
    ("Sunnis demanded a bigger share of the ministries.", "Sunnis", "---CVLMOSSUN", {}),
    ("Shiites in Iraq marched through the holy city.", "Shiites", "IRQCVLMOSSHI", {}),
    ("Lebanese Christians rejected the proposal.", "Lebanese Christians", "LBNCVLCHR", {}),
    ("Islamic fundamentalists attacked a police station.", "fundamentalists", "---RADMOS", {}),
    ("Egyptian Islamists called for a boycott.", "Egyptian Islamists", "EGYRAD", {}),
    # -- ethnic peoples of one state ----------------------------------------------------------
    ("A group of Yoruba chiefs urged calm after the riots.", "Yoruba chiefs", "NGA", {"country": "NGA"}),
    ("Igbos protested against the arrests.", "Igbos", "NGACVL", {}),
    ("Chechens attacked a checkpoint.", "Chechens", "RUS", {"country": "RUS"}),
    # -- historic seats of government as the state ------------------------------------------
    ("Bonn protested to Moscow about the expulsions.", "Bonn", "DEU", {"by": "metonym"}),
    ("Rangoon rejected the United Nations report.", "Rangoon", "MMR", {}),
    ("The rally took place in Bonn.", "Bonn", None, {}),
    # -- a country hyphenated before a participle acts through the noun -------------------
    ("US-led forces bombed the bridge at dawn.", "US-led forces", "USAMIL", {}),
    ("Iranian-backed militias shelled the village.", "Iranian-backed militias", "IRNUAF", {}),
    ("The Saudi-led coalition struck the port.", "Saudi-led coalition", "SAUMIL", {}),
    # -- a rank word as an adjective is no officer -------------------------------------------
    ("Unions called a general strike on Monday.", "general", None, {}),
    ("Brigadier General Tom Ruto inspected the troops.", "Tom Ruto", "---MIL", {}),
    # -- misspelt country names: one slip from exactly one country --------------------------
    ("Ethopia accused Eritrea of shelling the border town.", "Ethopia", "ETH", {}),
    ("Roland Okafor said the deal would hold.", "Roland Okafor", None, {}),
]


@pytest.mark.parametrize(("text", "phrase", "expected", "extra"), CASES,
                         ids=[f"{i:03d}-{c[1]}" for i, c in enumerate(CASES)])
def test_unlisted_case(tools, text, phrase, expected, extra):
    check_case(tools, text, phrase, expected, {"coref": False, **extra}, published=date(1995, 6, 1))


def test_org_words_table_reads():
    words = org_words()
    assert words.heads["league"] == ("PTY",)
    assert "party" in words.strong and "front" not in words.strong
    assert words.keywords["liberation"] == ("REB",)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("ethopia", "ethiopia", True),   # a letter dropped
    ("ethiopiaa", "ethiopia", True),  # a letter added
    ("ethiapia", "ethiopia", True),  # a letter changed
    ("etihopia", "ethiopia", True),  # two letters swapped
    ("ethiopia", "ethiopia", False),  # the same word is no slip
    ("etiopa", "ethiopia", False),  # two slips
])
def test_one_slip(a, b, expected):
    assert one_slip(a, b) is expected
    assert one_slip(b, a) is expected


def test_country_slips_need_one_candidate_and_length(tools):
    _, finder = tools
    slips = CountrySlips(finder.knowledge)
    assert slips.match("Venezuala") == "venezuela"
    assert slips.match("Zambia") is None  # a name itself, not a slip
    assert slips.match("Sambia") is None  # Gambia or Zambia: ambiguous
    assert slips.match("Irak") is None  # too short to trust
    assert slips.match("Roland", min_length=7) is None  # a person's name one slip from Poland
