"""Real-news dev-set miss classes (issue 10): criticism coded as a statement, unconventional
violence against non-combatants coded as war, a future contract signing as a bare intent, and
targets the act's own words leave implicit. Texts written for these tests."""

from __future__ import annotations

import pytest

from heron.events.unconventional import noncombatant
from heron.records import Actor


@pytest.fixture(scope="module")
def code(coded):
    return lambda text: [(e.source_code, e.cameo_code, e.target_code) for e in coded(text).events]


@pytest.mark.parametrize("text, expected", [
    ("Iran dismissed the American offer as a trick.", ("IRN", "111", "USA")),
    ("The Kremlin dismissed the British proposal as propaganda on Monday.", ("RUSGOV", "111", "GBR")),
    ("The Labour party branded the tax cut a betrayal of workers.", (None, "111", None)),
    ("Modi took a swipe at the Pakistani government.", ("INDGOV", "111", "PAKGOV")),
])
def test_criticism_is_not_a_statement(code, text, expected):
    events = code(text)
    assert events, text
    src, c, tgt = expected
    assert any(e[1] == c and (src is None or e[0] == src) and (tgt is None or e[2] == tgt) for e in events), events
    assert not any(e[1] in ("010", "012", "120") for e in events), events


@pytest.mark.parametrize("text, target", [
    ("Gunmen killed five villagers in a market in Borno state on Monday.", "NGACVL"),
    ("Rebels killed three teachers at a school in North Kivu.", "CODEDU"),
])
def test_killing_non_combatants_is_unconventional_violence(code, text, target):
    events = [e for e in code(text) if e[2] == target]
    assert events and all(e[1].startswith("18") for e in events), code(text)


@pytest.mark.parametrize("text", [
    "Turkish troops killed ten Kurdish fighters near the border.",
    "Maoist insurgents killed two policemen in Chhattisgarh.",
    "Syrian soldiers killed four Turkish farmers near the border.",
])
def test_killing_armed_parties_stays_conventional_force(code, text):
    events = [e for e in code(text) if e[1][:2] in ("18", "19")]
    assert events and all(e[1] == "190" for e in events), events  # armed parties, or a state's force


def test_noncombatant_sectors():
    assert noncombatant(Actor(name="villagers", code="NGACVL", country="NGA", sectors=("CVL",)))
    assert not noncombatant(Actor(name="police", code="INDCOP", country="IND", sectors=("COP",)))
    assert not noncombatant(None)


def test_a_future_contract_signing_is_an_intent_to_cooperate_economically(code):
    events = code("A French company will sign contracts with China next week.")
    assert ("FRABUS", "0311", "CHN") in events and ("CHN", "0311", "FRABUS") in events, events


def test_a_future_rejection_is_a_rejection_not_a_threat(code):
    events = code("Venezuela will reject any American proposal that limits its oil exports.")
    assert ("VEN", "120", "USA") in events, events
    assert not any(e[1].startswith("13") for e in events), events


def test_a_state_of_emergency_is_over_the_declaring_country(code):
    events = code("The Thai government declared a state of emergency on Friday.")
    assert ("THAGOV", "1724", "THA") in events, events


def test_a_claim_of_responsibility_targets_the_victims_and_names_the_attacker(code):
    events = code("Hamas claimed responsibility for the killing of two Israeli soldiers.")
    claims = [e for e in events if e[1] == "015"]
    assert claims and all(e[2] == "ISRMIL" for e in claims), events
    attacks = [e for e in events if e[1][:2] in ("18", "19") and e[2] == "ISRMIL"]
    assert attacks and all(e[0] == claims[0][0] for e in attacks), events


def test_killings_by_criminals_are_unconventional_violence(code):
    events = [e for e in code("Criminals killed two soldiers in Michoacan.") if e[0] == "MEXCRM"]
    assert events and all(e[1] == "180" for e in events), events
