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


RALLY = [
    # support asked of another for a third party: rallying support on its behalf (CAMEO 053)
    Case("The Arab League urged the United Nations to support the Somali government.",
         {"The Arab League": "IGOARL", "the United Nations": "IGOUNO", "the Somali government": "SOMGOV"},
         [("053", "IGOARL", "SOMGOV")], absent=["022"]),
    Case("Brazil called on its neighbours to back Bolivia.", {"Brazil": "BRA", "Bolivia": "BOL"},
         [("053", "BRA", "BOL")]),
    # support for the one asking, or for nobody named: an appeal for diplomatic backing
    Case("Ghana urged Nigeria to support Ghana.", {"Ghana#0": "GHA", "Nigeria": "NGA", "Ghana#1": "GHA"},
         [("022", "GHA", "NGA")], absent=["053"]),
]


@pytest.mark.parametrize("case", RALLY, ids=[c.text[:50] for c in RALLY])
def test_support_asked_for_a_third_party_is_053(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


ACTS = [
    # acts told by rows that were missing
    Case("Morocco reimposed a blockade on the rebel town.", {"Morocco": "MAR", "the rebel town": "ESHREB"},
         [("191", "MAR", "ESHREB")]),
    Case("The provincial government ordered patrols by police in the capital.",
         {"The provincial government": "PAKGOV", "police": "PAKCOP"}, [("153", "PAKGOV", None)], absent=["10"]),
    Case("Riot police blocked a march by opposition supporters in Minsk.",
         {"Riot police": "BLRCOP", "opposition supporters": "BLROPP"}, [("17", "BLRCOP", "BLROPP")], absent=["14"]),
    Case("Police prevented the students' rally in Ankara.",
         {"Police": "TURCOP", "students": "TUREDU"}, [("17", "TURCOP", "TUREDU")], absent=["14"]),
    # the reduction of relations named by a noun
    Case("Chile announced a suspension of air links with Peru.", {"Chile": "CHL", "Peru": "PER"},
         [("160", "CHL", "PER")], absent=["010"]),
    Case("Morocco announced the severance of diplomatic relations with Iran.", {"Morocco": "MAR", "Iran": "IRN"},
         [("161", "MAR", "IRN")], absent=["010"]),
    # "part of" only counts what is acted on
    Case("The United States suspended part of its military aid to Egypt.", {"The United States": "USA", "Egypt": "EGY"},
         [("1622", "USA", "EGY")]),
    # an understanding reached *to* do something is the intent to do it
    Case("Israel and Jordan reached an understanding to resume talks.", {"Israel": "ISR", "Jordan": "JOR"},
         [("036", "ISR", "JOR"), ("036", "JOR", "ISR")], absent=["019"]),
    Case("Iran and Iraq reached a consensus on the issue.", {"Iran": "IRN", "Iraq": "IRQ"},
         [("019", "IRN", "IRQ")], absent=["03"]),
]


@pytest.mark.parametrize("case", ACTS, ids=[c.text[:50] for c in ACTS])
def test_missing_rows(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_circumstance_of_a_demand_neither_blocks_nor_is_consumed(coder: EventCoder) -> None:
    # "as he left for ..." tells when the speaker spoke: the demand stands, and his trip is his own
    case = Case("The British minister reiterated that Libya must hand over the bombers as he left on a trip "
                "to Egypt to seek support.",
                {"The British minister": "GBRGOV", "Libya": "LBY", "Egypt": "EGY", "he": "GBRGOV"},
                [("10", "GBRGOV", "LBY"), ("042", "GBRGOV", "EGY")])
    _check(case, coder)


PREPARED = [
    # an armed force readying an attack: a display of military power (CAMEO 150)
    Case("The Serbian army prepared to resume shelling the rebel villages.",
         {"The Serbian army": "SRBMIL", "the rebel villages": "SRBREB"}, [("150", "SRBMIL", "SRBREB")], absent=["13"]),
    Case("Russian troops are preparing for an assault on the town.", {"Russian troops": "RUSMIL", "the town": "UKR"},
         [("150", "RUSMIL", None)], absent=["13", "18"]),
    # being prepared (willing) to do harm is still a threat; preparing cooperation an intent
    Case("The army is prepared to attack the rebel town.", {"The army": "SRBMIL", "the rebel town": "SRBREB"},
         [("13", "SRBMIL", "SRBREB")], absent=["150"]),
    Case("Iran is preparing to send aid to Syria.", {"Iran": "IRN", "Syria": "SYR"}, [("033", "IRN", "SYR")]),
]


@pytest.mark.parametrize("case", PREPARED, ids=[c.text[:50] for c in PREPARED])
def test_attack_made_ready_is_a_display_of_force(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


OPPOSITION = [
    # others called on to oppose, condemn, reject or mobilize against a third party: CAMEO 113
    Case("Syria urged the Gulf states to condemn Israel.", {"Syria": "SYR", "the Gulf states": "GCC", "Israel": "ISR"},
         [("113", "SYR", "ISR")], absent=["020"]),
    Case("Iran called on the Muslim world to mobilize against Israel.", {"Iran": "IRN", "Israel": "ISR"},
         [("113", "IRN", "ISR")], absent=["15"]),
    # the one asked is the one to act on its own affair: an appeal as before
    Case("Syria urged Lebanon to condemn the bombing.", {"Syria": "SYR", "Lebanon": "LBN"},
         [("02", "SYR", "LBN")], absent=["113"]),
]


@pytest.mark.parametrize("case", OPPOSITION, ids=[c.text[:50] for c in OPPOSITION])
def test_opposition_asked_against_a_third_party_is_113(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


ARMED_AGAINST = [
    # arms made or bought in order to use them against a party: force threatened (CAMEO 138), of
    # mass destruction when the weapons are (1385)
    Case("The militia says it is producing chemical weapons to use against Ukraine.",
         {"The militia": "RUSREB", "it": "RUSREB", "Ukraine": "UKR"}, [("1385", "RUSREB", "UKR")], absent=["154"]),
    Case("The rebels bought rifles and weapons to use against the army.",
         {"The rebels": "COLREB", "the army": "COLMIL"}, [("138", "COLREB", "COLMIL")]),
    # without the purpose: an increase of weapons, as before
    Case("Pakistan is building missiles near the border with India.", {"Pakistan": "PAK", "India": "IND"},
         [("154", "PAK", None)], absent=["13"]),
]


@pytest.mark.parametrize("case", ARMED_AGAINST, ids=[c.text[:50] for c in ARMED_AGAINST])
def test_arms_made_to_use_against_a_party_are_a_threat(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


SETTLE = [
    # accepting the formula or compromise that would end a dispute: intent to settle (CAMEO 037)
    Case("Norway accepted a formula for settling its fishing dispute with Iceland.", {"Norway": "NOR", "Iceland": "ISL"},
         [("037", "NOR", None)], absent=["01"]),
    Case("Serbia accepted a compromise with Kosovo.", {"Serbia": "SRB", "Kosovo": "XKX"}, [("037", "SRB", "XKX")]),
]


@pytest.mark.parametrize("case", SETTLE, ids=[c.text[:50] for c in SETTLE])
def test_accepting_a_settlement_formula_is_037(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


MURDERED_IN = [
    # "murdered" names no means (CAMEO 1823 is a killing without weapons): the attack it happened in codes it
    Case("Two Indian soldiers were murdered in an attack on their convoy by the rebels.",
         {"Two Indian soldiers": "INDMIL", "the rebels": "INDREB"}, [("190", "INDREB", "INDMIL")], absent=["1823"]),
    Case("Two villagers were murdered in a bomb attack by the rebels.",
         {"Two villagers": "INDCVL", "the rebels": "INDREB"}, [("183", None, "INDCVL")], absent=["1823"]),
    # no attack named: the murder as before
    Case("Gunmen murdered two villagers in Kashmir.", {"Gunmen": "INDUAF", "two villagers": "INDCVL"},
         [("1823", "INDUAF", "INDCVL")]),
]


@pytest.mark.parametrize("case", MURDERED_IN, ids=[c.text[:50] for c in MURDERED_IN])
def test_murdered_in_an_attack_is_the_attack(case: Case, coder: EventCoder) -> None:
    _check(case, coder)
