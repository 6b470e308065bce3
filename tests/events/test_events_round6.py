"""Round-6 direct forms (sentences written for these tests) for the 02x / 03x / 10x / 12x / 13x codes
that were reached only through embedding, plus three fixes: "in protest against X" gives the
protest's aim, a raid is an attack, and voiced optimism is a comment (013)."""

from __future__ import annotations

import pytest

from heron.events import EventCoder

from .helpers import nlp
from .test_events_round3 import _check
from .test_events_sentences import Case


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


DIRECT = [
    Case("Lisbon asked Madrid for the extradition of the two bankers.", {"Lisbon": "PRT", "Madrid": "ESP"},
         [("0213", "PRT", "ESP")]),
    Case("Chile called for closer diplomatic ties with Peru.", {"Chile": "CHL", "Peru": "PER"},
         [("022", "CHL", "PER")]),
    Case("Moscow urged Kiev to make concessions.", {"Moscow": "RUS", "Kiev": "UKR"}, [("025", "RUS", "UKR")]),
    Case("The rebels called for the release of their comrades held by Bogota.",
         {"The rebels": "COLREB", "Bogota": "COLGOV"}, [("0253", "COLREB", None)], absent=["084"]),
    Case("The Red Cross called on Damascus to grant access to the besieged towns.",
         {"The Red Cross": "NGOHLH", "Damascus": "SYRGOV"}, [("0255", "NGOHLH", "SYRGOV")]),
    Case("The junta promised an end to the curfew in Yangon.", {"The junta": "MMRMIL"}, [("0351", "MMRMIL", None)]),
    Case("Ankara demanded concessions from Athens.", {"Ankara": "TUR", "Athens": "GRC"}, [("105", "TUR", "GRC")],
         absent=["025"]),
    Case("Belgrade demanded closer relations with Moscow.", {"Belgrade": "SRB", "Moscow": "RUS"},
         [("102", "SRB", "RUS")]),
    Case("Hanoi demanded an end to the sanctions imposed by Washington.",
         {"Hanoi": "VNM", "Washington": "USA"}, [("1054", "VNM", None)], absent=["1056"]),
    Case("The dockers' union rejected an end to the strike.", {"The dockers' union": "FRALAB"},
         [("1242", "FRALAB", None)]),
    Case("The military council refused the lifting of the curfew.", {"The military council": "SDNMIL"},
         [("1241", "SDNMIL", None)]),
]


@pytest.mark.parametrize("case", DIRECT, ids=[c.text[:50] for c in DIRECT])
def test_direct_form(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


THREATS = [
    # the embedded act decides: aid, talks, mediation, peacekeepers, ties
    Case("Tokyo threatened to suspend aid to Rangoon.", {"Tokyo": "JPN", "Rangoon": "MMR"}, [("1311", "JPN", "MMR")]),
    Case("Tehran threatened to suspend negotiations with Paris.", {"Tehran": "IRN", "Paris": "FRA"},
         [("134", "IRN", "FRA")], absent=["1311"]),
    Case("Cairo threatened to end its mediation between Fatah and Hamas.",
         {"Cairo": "EGY", "Fatah": "PSEFTH", "Hamas": "PSEREBHMS"}, [("135", "EGY", None)], absent=["1311"]),
    Case("Moscow threatened to withdraw its peacekeepers from Abkhazia.", {"Moscow": "RUS", "Abkhazia": "GEO"},
         [("136", "RUS", None)], absent=["1311"]),
    Case("Ankara threatened to cut ties with Vienna.", {"Ankara": "TUR", "Vienna": "AUT"}, [("1313", "TUR", "AUT")]),
    Case("Moscow threatened Tbilisi with an attack.", {"Moscow": "RUS", "Tbilisi": "GEO"}, [("1384", "RUS", "GEO")]),
    Case("Moscow threatened Tbilisi with invasion.", {"Moscow": "RUS", "Tbilisi": "GEO"}, [("1382", "RUS", "GEO")]),
]


@pytest.mark.parametrize("case", THREATS, ids=[c.text[:50] for c in THREATS])
def test_threat_takes_the_embedded_act(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_in_protest_against_gives_the_aim(coder: EventCoder) -> None:
    _check(Case("Nurses marched in protest against the pension cuts.", {"Nurses": "GBRMED"},
                [("1412", "GBRMED", None)]), coder)


def test_in_protest_of_a_decision_targets_its_author(coder: EventCoder) -> None:
    _check(Case("Farmers rallied in protest of the ministry's decision.",
                {"Farmers": "INDAGR", "the ministry": "INDGOV"}, [("1412", "INDAGR", "INDGOV")]), coder)


def test_mounted_raid_is_an_attack_not_an_arrest(coder: EventCoder) -> None:
    _check(Case("Soldiers mounted a raid on the insurgents in the hills.",
                {"Soldiers": "AFGMIL", "the insurgents": "AFGINS"}, [("19", "AFGMIL", "AFGINS")], absent=["17"]),
           coder)


def test_voiced_optimism_is_a_comment(coder: EventCoder) -> None:
    _check(Case("Seoul voiced optimism about the talks with Pyongyang.", {"Seoul": "KOR", "Pyongyang": "PRK"},
                [("013", "KOR", None)], absent=["03"]), coder)


def test_expressed_hope_for_talks_is_still_an_intent(coder: EventCoder) -> None:
    _check(Case("Seoul expressed hope for talks with Pyongyang.", {"Seoul": "KOR", "Pyongyang": "PRK"},
                [("036", "KOR", "PRK")]), coder)
