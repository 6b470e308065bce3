"""Material acts that name no target actor take the country of the place where they are done."""

from __future__ import annotations

import pytest

from heron.pipeline import Coder, code_text


@pytest.fixture(scope="module")
def lenient(coder) -> Coder:
    """A coder without the dyad rule, sharing the session coder's loaded model and dictionaries."""
    return coder.with_dyad_rule(False)


def _events(text, coder):
    return [(e.cameo_code, e.source_code, e.target_code, e.reason) for e in code_text(text, coder=coder).events]


def test_aid_in_a_named_country_targets_it(coder):
    events = _events("Germany gave 352.5 million euros to promote economic development in Ethiopia.", coder)
    assert any(c.startswith("07") and s == "DEU" and t == "ETH" and "place of the act" in r for c, s, t, r in events)


def test_blockade_of_a_region_targets_its_country(coder):
    events = _events("The Sudanese government imposed blockades in parts of west Darfur.", coder)
    assert any(c == "191" and s.startswith("SDN") and t == "SDN" for c, s, t, _ in events)


def test_talks_in_a_city_do_not_target_its_country(coder):
    events = _events("Iranian and Russian diplomats held talks in Geneva on Monday.", coder)
    assert events, "the talks themselves are coded"
    assert all(t != "CHE" for _, _, t, _ in events)


def test_the_dateline_is_no_target(lenient):
    # the dyad rule off, so the blockade is coded whether or not a target is found
    events = _events("KABUL, Afghanistan - The Taliban imposed a blockade on the highway.", lenient)
    assert [c for c, _, _, _ in events] == ["191"]
    assert all("place of the act" not in r for _, _, _, r in events)


def test_an_agentless_arrest_is_the_place_s(coder):
    events = _events("Two American journalists were arrested in Iran on Monday.", coder)
    assert any(c.startswith("17") and s == "IRN" and t.startswith("USA") and "no agent named" in r
               for c, s, t, r in events)


def test_a_nationality_is_no_place_of_the_act(lenient):
    events = _events("A roadside bomb killed one U.S. soldier on Sunday.", lenient)
    assert events, "the bombing is coded (with no source)"
    assert all(s is None for _, s, _, _ in events)


def test_a_named_agent_is_kept(coder):
    events = _events("Two American journalists were arrested by Iraqi police in Iran.", coder)
    assert any(c.startswith("17") and s.startswith("IRQ") for c, s, _, _ in events)
    assert all(s != "IRN" for _, s, _, _ in events)
