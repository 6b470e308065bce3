"""Who acted (issue 10, class 5): the nationality of an instrument or a force is the source,
before any rule that takes the country of the place; the engaged party is the target, not the
place; institutions take their country from context. Texts written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(coded):
    return lambda text: coded(text).events


def _violent(events):
    return [e for e in events if e.cameo_root in ("18", "19", "20")]


@pytest.mark.parametrize("text, source", [
    ("Seven civilians were killed in a NATO air strike in Kunduz province.", "IGOWSTNAT"),
    ("Three farmers were killed in an Israeli tank shelling near Rafah.", "ISR"),
    ("Israeli tank shelling killed four people in a village near Jenin.", "ISR"),
    ("Russian warplanes bombed a market in Idlib on Tuesday.", "RUS"),
    ("A US drone strike killed three militants in Kandahar.", "USA"),
    ("Two fishermen were wounded by Indian gunfire off the coast of Sri Lanka.", "IND"),
    # the raid is Russia's: the children, subject of "died", did not raid
    ("Two children died in a Russian air raid on a market in Idlib.", "RUS"),
])
def test_the_instrument_gives_the_source(code, text, source):
    events = _violent(code(text))
    assert events, text
    assert all((e.source_code or "").startswith(source) for e in events), [(e.source_code, e.cameo_code) for e in events]


def test_the_engaged_party_is_the_target(code):
    events = _violent(code("Rebels engaged Filipino peacekeepers in the Golan on Friday."))
    assert events and any(e.target_country == "PHL" and e.cameo_root == "19" for e in events), events


def test_court_in_a_country_issues_arrest_warrants(code):
    events = code("A court in Guyana issued arrest warrants for two Brazilians on Monday.")
    assert any(e.source_code == "GUYJUD" and e.cameo_code == "173" and (e.target_country or "") == "BRA"
               for e in events), [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_police_in_a_city(code):
    events = code("Police in Lagos arrested twelve protesters on Saturday.")
    assert any(e.source_code == "NGACOP" and e.cameo_code == "173" for e in events)


def test_foreign_ministry_spokesman(code):
    events = code("Iran's foreign ministry spokesman condemned the Israeli air strike on Damascus.")
    assert any(e.cameo_code.startswith("11") and (e.source_code or "").startswith("IRNGOV") for e in events), [
        (e.source_code, e.cameo_code, e.target_code) for e in events]


def test_engaged_in_is_taking_part_not_fighting(code):
    events = code("Serbian militia forces were engaged in ethnic cleansing against Albanian villagers in Kosovo.")
    assert not any(e.cameo_root == "19" and (e.target_country or "") == "SRB" for e in events), events
    assert any((e.source_country or "") == "SRB" and e.cameo_root == "20" for e in events), [
        (e.source_code, e.cameo_code, e.target_code) for e in events]


def test_the_spokesman_of_the_ministry_just_named(code):
    events = code("Iran's foreign ministry summoned the British ambassador on Sunday. "
                  "The spokesman condemned the decision by London.")
    later = [e for e in events if e.sentence_index == 1 and e.cameo_root == "11"]
    assert later and all((e.source_code or "").startswith("IRNGOV") for e in later), [
        (e.source_code, e.cameo_code, e.target_code) for e in events]


@pytest.mark.parametrize("text", [
    "Four people were killed in police firing in Ahmedabad on Tuesday.",
    "A boy was killed by police bullets near the mosque in Surat.",
])
def test_police_firing_and_police_bullets_name_the_police(code, text):
    events = _violent(code(text))
    assert events and all(e.source_code == "INDCOP" for e in events), [(e.source_code, e.reason) for e in events]
