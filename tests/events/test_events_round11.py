"""Round 11 (issue 10, wrong root): a demand's time or condition clause is no part of what is
demanded; a finding "concluded" is a statement; the expulsion or withdrawal of a mission (peacekeepers,
inspectors, an aid agency) is 166x, not the deportation of persons (174) nor a pull-back of hostile
troops (087); harm held out on an "if" / "unless" condition is a threat (13x). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from heron.events import EventCoder

from .helpers import nlp
from .test_events_round3 import _check
from .test_events_sentences import Case


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


OBLIGATIONS = [
    # what the other side "must" do, with a time clause of the speaker's own act after it: the demand
    Case("Tamil rebels declared that Colombo must accept federal reforms before they lay down their arms.",
         {"Tamil rebels": "LKAREB", "Colombo": "LKAGOV", "they": "LKAREB"}, [("10", "LKAREB", "LKAGOV")],
         absent=["08", "03"]),
    Case("The rebels said that the government must agree to constitutional changes before they demobilize.",
         {"The rebels": "COGREB", "the government": "COGGOV", "they": "COGREB"}, [("10", "COGREB", "COGGOV")],
         absent=["08"]),
    # a finding stated with "concluded" is a statement like "said"
    Case("The commission concluded that Israel must release the prisoners.",
         {"The commission": "IGOUNO", "Israel": "ISR"}, [("1053", "IGOUNO", "ISR")]),
    Case("A UN panel concluded that Sudan must allocate more funds to relief in Darfur.",
         {"A UN panel": "IGOUNO", "Sudan": "SDN"}, [("10", "IGOUNO", "SDN")], absent=["07"]),
]


@pytest.mark.parametrize("case", OBLIGATIONS, ids=[c.text[:50] for c in OBLIGATIONS])
def test_obligation_with_a_time_clause_is_a_demand(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_concluding_a_visit_says_nothing(coder: EventCoder) -> None:
    _check(Case("Iran concluded its visit to Russia.", {"Iran": "IRN", "Russia": "RUS"}, [("042", "IRN", "RUS")],
                absent=["01"]), coder)


MISSIONS = [
    Case("Khartoum forced the UN refugee agency out of Darfur.",
         {"Khartoum": "SDN", "the UN refugee agency": "IGOUNOREF"}, [("1663", "SDN", "IGOUNOREF")], absent=["174"]),
    Case("The Bosnian Serbs shipped two hundred UN peacekeepers out of the enclave.",
         {"The Bosnian Serbs": "BIHSRB", "UN peacekeepers": "IGOUNOMIL"}, [("1661", "BIHSRB", "IGOUNOMIL")],
         absent=["174"]),
    Case("The junta forced the UN observers out of the province.",
         {"The junta": "MMRMIL", "the UN observers": "IGOUNO"}, [("1662", "MMRMIL", "IGOUNO")], absent=["174"]),
    Case("Nigeria withdrew its peacekeeping force from Liberia.",
         {"Nigeria": "NGA", "Liberia": "LBR"}, [("1661", "NGA", "LBR")], absent=["08"]),
    # told for the future by its author: a threat to halt international involvement
    Case("Kenya will withdraw its peacekeeping force from Somalia.",
         {"Kenya": "KEN", "Somalia": "SOM"}, [("13", "KEN", "SOM")], absent=["08", "03"]),
    # persons deported and hostile troops pulled back stay as they were
    Case("Egypt deported the Sudanese refugees.", {"Egypt": "EGY", "the Sudanese refugees": "SDNREF"},
         [("174", "EGY", "SDNREF")], absent=["166"]),
    Case("Nigeria withdrew its troops from Liberia.", {"Nigeria": "NGA", "Liberia": "LBR"},
         [("087", "NGA", "LBR")], absent=["166"]),
]


@pytest.mark.parametrize("case", MISSIONS, ids=[c.text[:50] for c in MISSIONS])
def test_a_mission_pulled_out_is_166(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


CONDITIONS = [
    Case("Washington may impose sanctions on Caracas if the election is rigged.",
         {"Washington": "USA", "Caracas": "VEN"}, [("1312", "USA", "VEN")], absent=["16"]),
    # the condition is the threatener's own, whoever reports it
    Case("The European Union could suspend its mediation between Serbia and Kosovo unless both sides "
         "cooperate, a Dutch diplomat said.",
         {"The European Union": "IGOEU", "Serbia": "SRB", "Kosovo": "XKX", "a Dutch diplomat": "NLDGOV"},
         [("135", "IGOEU", None)], absent=["165"]),
    # no condition: a possibility, not a threat
    Case("Washington may impose sanctions on Caracas.", {"Washington": "USA", "Caracas": "VEN"},
         [("163", "USA", "VEN")], absent=["13"]),
    # a condition on an act that took place is no threat either
    Case("Russia cut gas supplies to Ukraine because Kiev did not pay.", {"Russia": "RUS", "Ukraine": "UKR", "Kiev": "UKR"},
         [("16", "RUS", "UKR")], absent=["13"]),
]


@pytest.mark.parametrize("case", CONDITIONS, ids=[c.text[:50] for c in CONDITIONS])
def test_harm_on_a_condition_is_a_threat(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


CANCELLED = [
    # CAMEO 161: the cancellation of meetings and visits reduces diplomatic relations; a refusal to
    # meet (125) is something else, and cancelled negotiations are 164
    Case("The Japanese foreign minister cancelled a planned trip to Seoul after the incident.",
         {"The Japanese foreign minister": "JPNGOV", "Seoul": "KOR"}, [("161", "JPNGOV", "KOR")], absent=["125"]),
    Case("Egypt scrapped a summit with Sudan.", {"Egypt": "EGY", "Sudan": "SDN"}, [("161", "EGY", "SDN")],
         absent=["125"]),
    Case("Egypt cancelled its negotiations with Sudan.", {"Egypt": "EGY", "Sudan": "SDN"}, [("164", "EGY", "SDN")]),
    Case("Egypt refused to meet the Sudanese envoy.", {"Egypt": "EGY", "the Sudanese envoy": "SDNGOV"},
         [("125", "EGY", "SDNGOV")]),
]


@pytest.mark.parametrize("case", CANCELLED, ids=[c.text[:50] for c in CANCELLED])
def test_cancelled_visit_reduces_relations(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


CHARGES = [
    Case("The Liberian rebel leader was indicted by the special court for atrocities against civilians.",
         {"The Liberian rebel leader": "LBRREB", "the special court": "IGOJUD"}, [("1124", "IGOJUD", "LBRREB")],
         absent=["17"]),
    Case("The tribunal charged the former general with genocide.",
         {"The tribunal": "IGOJUD", "the former general": "RWAMIL"}, [("1124", "IGOJUD", "RWAMIL")], absent=["17"]),
    # other charges, and arrests, stay 173
    Case("Police charged the former general with fraud.", {"Police": "KENCOP", "the former general": "KENMIL"},
         [("173", "KENCOP", "KENMIL")], absent=["112"]),
]


@pytest.mark.parametrize("case", CHARGES, ids=[c.text[:50] for c in CHARGES])
def test_charge_of_war_crimes_is_1124(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


TITLED = [
    # the victim's position told by a title, no actor word of its own: an assassination
    Case("Rebels killed the deputy governor of Colombia's Cauca province on Sunday.",
         {"Rebels": "COLREB", "Colombia": "COL"}, [("186", "COLREB", "COL")], absent=["190"]),
    Case("Militants murdered the chairman of Iraq's election commission.",
         {"Militants": "IRQREB", "Iraq": "IRQ"}, [("186", "IRQREB", None)]),
    # several victims, a state's force, or an ordinary victim: a killing as before
    Case("Rebels killed two mayors in the province.", {"Rebels": "COLREB"}, [], absent=["186"]),
    Case("Government troops killed the chief of the rebel group.",
         {"Government troops": "COLMIL", "the rebel group": "COLREB"}, [("19", "COLMIL", "COLREB")], absent=["186"]),
    Case("Rebels killed the driver of the minister.", {"Rebels": "COLREB", "the minister": "COLGOV"},
         [], absent=["186"]),
]


@pytest.mark.parametrize("case", TITLED, ids=[c.text[:50] for c in TITLED])
def test_titled_victim_is_assassinated(case: Case, coder: EventCoder) -> None:
    _check(case, coder)
