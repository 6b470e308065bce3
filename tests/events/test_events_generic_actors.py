"""Acts on ordinary people named by what they are ("two men", "22 miners") are dyads: the noun is
an actor of its sector (CVL, LAB) in the sentence's country, so the event is not dropped for want
of a target (issue 10, real-news misses "no target")."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(coded):
    return lambda text: coded(text).events


@pytest.mark.parametrize("text,want", [
    ("Police in Nepal arrested three men on Tuesday.", ("173", "NPLCOP", "NPLCVL")),
    ("Soldiers in Peru detained 30 striking miners near the pit.", ("173", "PERMIL", "PERLAB")),
    ("Gunmen in Afghanistan shot dead two girls on their way to school.", ("180", None, "AFGCVL")),
])
def test_act_on_ordinary_people(code, text, want):
    root_code, src, tgt = want
    found = [(e.cameo_code, e.source_code, e.target_code) for e in code(text)]
    assert any(c.startswith(root_code[:2]) and (src is None or s == src) and t == tgt for c, s, t in found), found


def test_agentless_arrest_reported_by_the_police_is_theirs(code):
    found = [(e.cameo_code, e.source_code) for e in code("Four men were arrested in Nepal on Monday, police said.")]
    assert ("173", "NPLCOP") in found, found
    # not an act of violence the police only report
    found = [(e.cameo_code, e.source_code) for e in code("Two men were stabbed in Nepal on Monday, police said.")]
    assert not any(s and "COP" in s and c.startswith("18") for c, s in found), found


def test_succumbing_to_injuries_is_no_yielding(code):
    found = [e.cameo_code for e in code("A wounded villager in Nepal succumbed to his injuries, police said.")]
    assert not any(c.startswith("08") for c in found), found


@pytest.mark.parametrize("text,root,src", [
    ("Norway has provided $40 million in humanitarian aid this year.", "07", "NOR"),
    ("The United States suspended military aid on Tuesday.", "16", "USA"),
    ("The Danish government expressed support for the reform plan on Friday.", "05", "DNKGOV"),
])
def test_endorsements_aid_and_cuts_are_kept_with_their_source_alone(code, text, root, src):
    found = [(e.cameo_code, e.source_code, e.target_code) for e in code(text)]
    assert any(c.startswith(root) and s == src for c, s, _ in found), found


def test_other_acts_still_need_a_target(code):
    # a meeting with nobody named is not kept
    assert not [e for e in code("Norway held talks on Tuesday.") if e.cameo_code.startswith("04")]


def test_a_bare_help_is_not_aid_without_a_recipient(code):  # no object: the source alone is not enough
    found = [e.cameo_code for e in code("Egypt welcomed the Chinese role to help end the long war there.")]
    assert not any(c.startswith("07") for c in found), found
