"""Material conflict with a victim and no named perpetrator is kept under the dyad rule, with
source None and a reason that says so (issue 10, real-news miss "nothing coded for the article")."""

from __future__ import annotations

import pytest

from heron.events.unnamed import NOTE, unnamed_kept
from heron.pipeline import code_text
from heron.records import Actor

VICTIMS = Actor(name="villagers", code="---CVL", sectors=("CVL",), kind="sector")
POLICE = Actor(name="police", code="---COP", sectors=("COP",), kind="sector")


@pytest.mark.parametrize("code", ["180", "1823", "190", "193", "195", "202", "173", "181"])
def test_material_conflict_with_a_victim_is_kept(code):
    assert unnamed_kept(code, None, VICTIMS)


@pytest.mark.parametrize("code", ["010", "111", "112", "130", "172", "042", "0841"])
def test_other_codes_still_need_their_source(code):
    assert not unnamed_kept(code, None, VICTIMS)


def test_a_named_source_or_a_missing_victim_is_not_this_rule():
    assert not unnamed_kept("190", POLICE, VICTIMS)
    assert not unnamed_kept("190", None, None)


@pytest.fixture(scope="module")
def strict(coder):
    """The same coder with the strict PETRARCH rule (Settings.unnamed_perpetrator=False)."""
    from heron.events.coder import EventCoder

    fresh = coder.with_dyad_rule(True)
    vars(fresh)["event_coder"] = EventCoder(coder.nlp.vocab, require_dyad=True, unnamed_perpetrator=False)
    return fresh


def _unnamed(text, coder):
    return [e for e in code_text(text, coder=coder).events if e.source_code is None]


def test_villagers_shot_dead_by_nobody_named(coder):
    events = _unnamed("Five villagers were shot dead on Tuesday.", coder)
    assert events and events[0].cameo_root in ("18", "19")
    assert events[0].target_code.endswith("CVL")
    assert NOTE in events[0].reason and "no source" in events[0].reason


def test_journalists_detained_by_nobody_named(coder):
    events = _unnamed("Two journalists were detained on Monday.", coder)
    assert [(e.cameo_code, e.target_code) for e in events] == [("173", "---MED")]
    assert "perpetrator not named" in events[0].reason


def test_a_verbal_event_without_a_source_is_still_dropped(coder):
    assert code_text("Two journalists were criticized on Monday.", coder=coder).events == []


def test_the_strict_rule_drops_them(strict):
    assert _unnamed("Five villagers were shot dead on Tuesday.", strict) == []
    assert _unnamed("Two journalists were detained on Monday.", strict) == []


def test_a_named_perpetrator_still_wins_the_sentence(coder):
    events = code_text("Rebels shot dead five villagers on Tuesday.", coder=coder).events
    assert events and all(e.source_code is not None for e in events)


def test_fighting_with_no_party_named_is_no_unnamed_attack(coder):
    events = code_text("Aid groups voiced alarm over the fighting near Juba.", coder=coder).events
    assert not [e for e in events if e.cameo_root == "19"]
