"""Ordinary people, parties and rebels named by what they are ("two men", "22 miners", "a teenage girl"): actors
with the CAMEO sector of the noun (CVL, LAB, EDU, CRM) and the country of the sentence, so that
"police arrested two men" is a dyad and not an event dropped for want of a target. Not idioms
or adjectives ("in person", "individual rights") and not the "international community"."""

from __future__ import annotations

import pytest

from tests.actors.mention_cases import check_case

CASES: list[tuple[str, str, object, dict]] = [
    ("Indian police detained two men in northern India.", "men", "INDCVL", {}),
    ("Soldiers in Peru held 14 miners overnight.", "miners", "PERLAB", {}),
    ("A boy was hurt in Kabul on Friday.", "boy", "AFGCVL", {}),
    ("The victims were buried in a village in Pakistan.", "victims", "PAKCVL", {}),
    ("Factory employees in Dhaka walked out at noon.", "employees", "BGDLAB", {}),
    ("Lecturers at the college in Accra refused to teach.", "Lecturers", "GHAEDU", {}),
    ("Six persons were hurt when the bus overturned in Nigeria.", "persons", "NGACVL", {}),
    ("A known gangster was seen in Colombia.", "gangster", "COLCRM", {}),
    ("The Jordanian royal family hosted the envoy.", "royal family", "JORGOVELI", {"text": "The Jordanian royal family"}),
    # parties and rebels named the way the news names them
    ("The Tories attacked the budget in parliament.", "Tories", "GBRPTY", {}),
    ("Lib Dems voted against the bill.", "Lib Dems", "GBRPTY", {}),
    ("The CPI Maoist called a strike in Jharkhand.", "CPI Maoist", "INDREB", {}),
    ("Maoists ambushed a patrol in India on Monday.", "Maoists", "INDREB", {}),
    # a continent's adjective on an act: CAMEO's region code
    ("Tehran turned down a European offer on Monday.", "European", "EUR", {}),
    # US title abbreviations before a name: one token in the text, a role like "governor"
    ("Gov. Alma Reyes vetoed the bill on Friday.", "Alma Reyes", "---GOV", {"text": "Gov. Alma Reyes"}),
    ("Sen. Tom Okafor opposed the nominee.", "Tom Okafor", "---LEG", {"text": "Sen. Tom Okafor"}),
    ("Rep. Dana Whitfield wrote to the agency.", "Dana Whitfield", "---LEG", {}),
    # organisations the tables do not know, coded from the head of their name
    ("The Bureau of Land Management fined the ranchers.", "Bureau of Land Management", "---GOV", {}),
    ("The Coalition for Clean Water sued the city council.", "Coalition for Clean Water", "---OPP", {}),
    # not people
    ("The minister will attend in person in Rome.", "person", None, {}),
    ("The court in Oslo upheld individual rights.", "individual", None, {}),
    ("The international community urged calm in Juba.", "community", None, {}),
]


@pytest.mark.parametrize("text,phrase,expected,extra", CASES, ids=[f"{i:02d}-{c[1]}" for i, c in enumerate(CASES)])
def test_generic_people_case(tools, text, phrase, expected, extra):
    check_case(tools, text, phrase, expected, extra)
