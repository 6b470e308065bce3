"""What a speaker says *another* actor must or needs to do is a demand (10x) or an appeal (02x)
to that actor, not the other actor's own act or intent; acts coordinated with an embedded act fall
under the same trigger (issue 10: CAMEO manual and ConfliBERT misses)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(coded):
    return lambda text: [(e.cameo_code, e.source_code, e.target_code) for e in coded(text).events]


def test_needs_to_said_of_another_is_an_appeal(code):
    found = code("The French president said Italy needs to release the detained fishermen.")
    assert any(c.startswith("02") and s == "FRAGOV" and t == "ITA" for c, s, t in found), found
    assert not any(c.startswith("03") for c, _, _ in found), found


def test_must_agree_said_of_another_is_a_demand(code):
    found = code("Sudanese rebels announced that the government must agree to a new constitution.")
    assert ("100", "SDNREB", "SDNGOV") in found, found
    assert not any(c == "019" for c, _, _ in found), found


def test_own_need_stays_the_speakers_own(code):
    # "we need to": the speaker's own clause is no appeal to anyone
    found = code("Kenya said it needs to import more maize.")
    assert not any(c.startswith("02") for c, _, _ in found), found


def test_acts_coordinated_under_agree_are_intents_too(code):
    found = code("Malaysia agreed to reopen its border and grant asylum to refugees from Myanmar.")
    assert found and all(c.startswith("03") for c, _, _ in found), found


def test_acts_coordinated_under_accuse_are_one_accusation(code):
    found = code("The rebels accused the army of burning and looting villages in Darfur.")
    assert [c[:2] for c, _, _ in found] == ["11"], found
