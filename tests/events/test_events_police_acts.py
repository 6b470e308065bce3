"""Police acts in lower-cased Indian news (issue 10, IndiaPoliceEvents): killing in police firing,
firing and tear gas named by what was fired, baton ("lathi") charges, arrests of people the actor
tables do not know, cases "booked" against people, and the police named as cops, constables or
the Rapid Action Force. Text goes through the whole pipeline (truecasing first), as the feed does.

Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def code(coded):
    return lambda text: coded(text, published=date(2002, 3, 5))


def _police(e) -> bool:
    return "COP" in (e.source_sectors or []) or "COP" in (e.source_code or "")[3:]


def _events(coded, prefix: str):
    return [e for e in coded.events if e.cameo_code.startswith(prefix)]


def _show(coded):
    return [(e.cameo_code, e.source_code, e.target_code, e.trigger) for e in coded.events]


# --- killed, dying or hurt in police firing -------------------------------------------------

@pytest.mark.parametrize("text", [
    "one person was killed in police firing in the walled city on tuesday.",
    "a youth perished in police firing.",
    "three villagers were injured in police firing at the market.",
])
def test_harm_in_police_firing_is_the_police_act(code, text):
    coded = code(text)
    force = [e for e in coded.events if e.cameo_root in ("18", "19")]
    assert force and all(_police(e) for e in force), _show(coded)
    assert all("COP" not in (e.target_code or "") for e in force), _show(coded)


def test_firing_as_a_noun_is_small_arms_fire(code):
    # the gerund "firing" with an owner and no object of its own reads as the noun row (193)
    coded = code("two persons were killed in police firing.")
    assert any(e.cameo_code == "193" and _police(e) for e in coded.events), _show(coded)


def test_dying_without_a_firing_is_no_event(code):
    coded = code("an old man died in the hospital on monday.")
    assert not [e for e in coded.events if e.cameo_root in ("18", "19", "20")], _show(coded)


# --- force told by what was fired ---------------------------------------------------------

@pytest.mark.parametrize("text,prefix", [
    ("the police opened fire in the air.", "193"),
    ("police have so far fired 900 rounds in the district.", "193"),
    ("the mob threw stones, forcing the police to open fire.", "193"),
    ("the police burst tear-gas shells near the temple.", "175"),
    ("police lobbed teargas shells and then opened fire.", "175"),
])
def test_firing_named_by_its_ammunition_needs_no_target(code, text, prefix):
    coded = code(text)
    assert any(_police(e) for e in _events(coded, prefix)), _show(coded)


def test_a_target_is_still_taken_when_named(code):
    coded = code("the police lobbed teargas shells at the mob.")
    assert any(_police(e) and e.target_code and "CVL" in e.target_code for e in _events(coded, "175")), _show(coded)


def test_firing_without_ammunition_or_target_is_not_kept(code):
    # a firing verb with neither a target nor what was fired stays under the dyad rule
    coded = code("the guard fired from the roof.")
    assert not _events(coded, "19"), _show(coded)


def test_a_purpose_clause_crowd_is_the_target(code):
    # the row names the crowd as its object: it is still the target ("dispersed the crowd")
    coded = code("the police fired in the air to disperse the crowd.")
    assert any(_police(e) and "CVL" in (e.target_code or "") for e in _events(coded, "175")), _show(coded)


# --- baton charges ------------------------------------------------------------------------

def test_lathi_charged_is_repression_not_a_legal_charge(code):
    coded = code("the police lathi-charged the crowd outside the collector's office.")
    assert any(_police(e) for e in _events(coded, "175")), _show(coded)
    assert not _events(coded, "173"), _show(coded)


def test_lathi_charge_as_a_noun(code):
    coded = code("police resorted to a lathi-charge on the protesters.")
    assert any(_police(e) for e in _events(coded, "175")), _show(coded)


def test_a_plain_charge_stays_a_legal_charge(code):
    coded = code("the police charged the two men with murder.")
    assert _events(coded, "173") and not _events(coded, "175"), _show(coded)


# --- arrests of people the actor tables do not know ------------------------------------------

@pytest.mark.parametrize("text", [
    "siddiqui was picked up by police from his residence on saturday.",
    "the police detained those who were shouting slogans.",
    "the arrests were made by the local police on thursday.",
])
def test_police_arrest_of_an_unlisted_person_is_kept(code, text):
    coded = code(text)
    assert any(_police(e) for e in _events(coded, "173")), _show(coded)


def test_an_arrest_of_nobody_named_is_not_kept(code):
    coded = code("the police wanted to arrest it.")
    assert not _events(coded, "173"), _show(coded)


def test_a_housewife_is_an_ordinary_person(code):
    coded = code("the police arrested a housewife in the old city.")
    assert any(_police(e) and "CVL" in (e.target_code or "") for e in _events(coded, "173")), _show(coded)


# --- cases booked against people ----------------------------------------------------------

def test_booked_people_is_a_charge(code):
    coded = code("the police have booked 62 people in the town.")
    assert any(_police(e) and "CVL" in (e.target_code or "") for e in _events(coded, "173")), _show(coded)


def test_booked_under_a_law_is_a_charge(code):
    coded = code("sixty people have been booked under the new act.")
    assert _events(coded, "173"), _show(coded)


def test_a_booked_flight_is_no_charge(code):
    coded = code("the minister booked a flight to delhi.")
    assert not _events(coded, "173"), _show(coded)


# --- who the police are ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "cops arrested two men near the station.",
    "the rapid action force detained ten youths.",
    "a constable arrested the two thieves.",
])
def test_police_named_otherwise(code, text):
    coded = code(text)
    assert any(_police(e) for e in _events(coded, "173")), _show(coded)


def test_in_person_is_still_no_actor(code):
    coded = code("the minister will attend in person.")
    assert not any(m.text.lower() == "person" for m in coded.mentions)


# --- victims told only as a number ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "97 died in police firing.",
    "the police killed two near the railway crossing.",
])
def test_violence_against_a_number_of_people_is_kept(code, text):
    coded = code(text)
    assert any(_police(e) for e in coded.events if e.cameo_root in ("18", "19")), _show(coded)


def test_a_pronoun_victim_waits_for_coreference(code):
    coded = code("the police killed them near the station.")
    assert not [e for e in coded.events if e.cameo_root in ("18", "19") and not e.target_code], _show(coded)


# --- arrest verbs in other senses -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "he said the sales were expected to pick up in delhi in the coming days.",
    "the leader apprehended that the march to ayodhya may cause riots.",
    "the vhp took out a symbolic march in ayodhya.",
])
def test_an_arrest_verb_that_holds_nobody_is_no_arrest(code, text):
    coded = code(text)
    assert not _events(coded, "173"), _show(coded)


def test_taken_in_for_questioning_is_still_an_arrest(code):
    coded = code("the police took him in for questioning.")
    assert any(_police(e) for e in _events(coded, "173")), _show(coded)


def test_charged_of_is_an_accusation(code):
    coded = code("the opposition leaders charged the bjp of instigating violence.")
    assert _events(coded, "112") and not _events(coded, "173"), _show(coded)


# --- arrests the police report ------------------------------------------------------------------

def test_arrests_told_by_a_police_officer_are_the_police_act(code):
    coded = code("the police commissioner said the arrests were made when the mob came out on the roads.")
    assert any(_police(e) for e in _events(coded, "173")), _show(coded)


def test_arrests_according_to_police_sources_are_the_police_act(code):
    coded = code("according to city police control room sources, a few preventive arrests were made.")
    assert any(_police(e) for e in _events(coded, "173")), _show(coded)


# --- charged with conduct ---------------------------------------------------------------------

def test_conduct_charged_by_a_politician_is_an_accusation(code):
    coded = code("the opposition charged the government with rigging the election.")
    assert _events(coded, "112") and not _events(coded, "173"), _show(coded)


def test_conduct_charged_by_the_police_is_a_legal_charge(code):
    coded = code("the police charged the two men with looting the shops.")
    assert any(_police(e) for e in _events(coded, "173")), _show(coded)


# --- the Hindu volunteers of the temple campaign; apprehensions are fears -------------------------

@pytest.mark.parametrize("text", [
    "police arrested 40 kar sevaks at the railway station.",
    "the police opened fire on the ramsevaks near the temple.",
])
def test_kar_sevaks_are_hindu_civilians(code, text):
    coded = code(text)
    hits = [e for e in coded.events if _police(e) and e.target_code and "HIN" in e.target_code]
    assert hits, _show(coded)


def test_apprehensions_are_no_arrest(code):
    coded = code("the restrictions were clamped in view of apprehensions of the arrival of hindus from the districts.")
    assert not _events(coded, "173"), _show(coded)
