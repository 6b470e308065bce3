"""The killing of one political leader or official by a non-state attacker is an assassination
(CAMEO 186), not a generic killing (issue 10: real-news and CAMEO-manual misses)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(coded):
    return lambda text: [(e.cameo_code, e.source_code, e.target_code) for e in coded(text).events]


@pytest.mark.parametrize("text", [
    "Unknown attackers murdered the mayor of a small town in Honduras on Sunday.",
    "Rebels shot dead a provincial governor in Burundi.",
])
def test_a_leader_killed_is_an_assassination(code, text):
    found = code(text)
    assert any(c == "186" for c, _, _ in found), found


@pytest.mark.parametrize("text", [
    "Troops killed the rebel commander in Mali.",       # an armed target, a state's force
    "Rebels killed two soldiers in Chad.",              # combatants
    "Gunmen attacked a politician in Kenya.",           # no killing
])
def test_other_killings_and_attacks_are_not(code, text):
    found = code(text)
    assert found and not any(c == "186" for c, _, _ in found), found
