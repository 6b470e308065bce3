"""Round 10 (issue 10, wrong code with the right actors): a hope about what someone else will do is
an optimistic comment (013), not the hoper's intent; pressing someone to act is a demand for that
act (10x), bare pressure stays coercion (170). Sentences written for these tests."""

from __future__ import annotations

import pytest

from heron.events import EventCoder

from .helpers import nlp
from .test_events_round3 import _check
from .test_events_sentences import Case


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


HOPES = [
    # someone else is to act: the hoper comments (013), about the one who would act
    Case("Japan hopes that China will resume talks with South Korea.",
         {"Japan": "JPN", "China": "CHN", "South Korea": "KOR"}, [("013", "JPN", "CHN")], absent=["03"]),
    Case("Canada expressed hope that Brazil would join the trade pact.",
         {"Canada": "CAN", "Brazil": "BRA"}, [("013", "CAN", "BRA")], absent=["03"]),
    Case("The minister said he hoped more donors would send aid to Chad.",
         {"Chad": "TCD", "The minister": "GOV"}, [("013", None, None)], absent=["03", "07"]),
    # the hoper is to act: still an intent
    Case("Japan hopes to resume talks with South Korea.",
         {"Japan": "JPN", "South Korea": "KOR"}, [("036", "JPN", "KOR")], absent=["013"]),
    Case("Japan hopes it will resume talks with South Korea.",
         {"Japan": "JPN", "South Korea": "KOR"}, [("036", "JPN", "KOR")], absent=["013"]),
]


@pytest.mark.parametrize("case", HOPES, ids=[c.text[:50] for c in HOPES])
def test_hope_about_another_is_a_comment(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


PRESSURE = [
    Case("The Kenyan government has been pressuring teachers to call off their strike.",
         {"The Kenyan government": "KENGOV", "teachers": "KENEDU"}, [("1052", "KENGOV", "KENEDU")],
         absent=["17", "08"]),
    Case("Beijing pressured Manila to release the fishermen.",
         {"Beijing": "CHN", "Manila": "PHL"}, [("1053", "CHN", "PHL")], absent=["17"]),
    # no act asked for, or one the demand table does not map: coercion, as before
    Case("France pressured Germany.", {"France": "FRA", "Germany": "DEU"}, [("170", "FRA", "DEU")]),
]


@pytest.mark.parametrize("case", PRESSURE, ids=[c.text[:50] for c in PRESSURE])
def test_pressure_to_act_is_a_demand(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


OFFERS = [
    # troops offered to another country: an offer of military protection (0334), not a mobilization
    Case("Brazil has offered to send troops to Haiti to help restore order.",
         {"Brazil": "BRA", "Haiti": "HTI"}, [("0334", "BRA", "HTI")], absent=["15"]),
    Case("Turkey offered to send 500 soldiers to Somalia.",
         {"Turkey": "TUR", "Somalia": "SOM"}, [("0334", "TUR", "SOM")], absent=["15"]),
    # other offers as before
    Case("Japan offered to mediate between Sudan and Chad.",
         {"Japan": "JPN", "Sudan": "SDN", "Chad": "TCD"}, [("039", "JPN", None)]),
]


@pytest.mark.parametrize("case", OFFERS, ids=[c.text[:50] for c in OFFERS])
def test_offer_to_send_troops_is_an_offer(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_plan_to_send_troops_stays_force_posture(coder: EventCoder) -> None:
    case = Case("Russia plans to send troops to the border.", {"Russia": "RUS"}, [("154", "RUS", None)],
                absent=["033"])
    _check(case, coder)


APPROVALS = [
    # approving an act that is the approver's to carry out codes the act
    Case("A Spanish court approved the extradition of a Colombian businessman to the United States.",
         {"A Spanish court": "ESPJUD", "a Colombian businessman": "COLBUS"}, [("063", "ESPJUD", None)],
         absent=["05"]),
    Case("The Security Council approved the deployment of peacekeepers to Haiti.",
         {"The Security Council": "IGOUNOGOV", "Haiti": "HTI"}, [("074", "IGOUNOGOV", "HTI")], absent=["05"]),
    Case("The Security Council authorized the deployment of an observer team to Yemen.",
         {"The Security Council": "IGOUNOGOV", "Yemen": "YEM"}, [("074", "IGOUNOGOV", "YEM")], absent=["05"]),
    # refusing it stays a rejection
    Case("The court rejected the extradition of the Chilean suspect to Peru.",
         {"The court": "PERJUD", "the Chilean suspect": "CHLCRM"}, [("1213", "PERJUD", None)], absent=["06"]),
]


@pytest.mark.parametrize("case", APPROVALS, ids=[c.text[:50] for c in APPROVALS])
def test_approved_act_is_the_act(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


ATTACK_SUBJECTS = [
    # the attack itself as the subject of a generic kill verb: one event, the attack's code
    Case("A suicide bombing in Kabul killed 12 Afghan soldiers on Monday.",
         {"Afghan soldiers": "AFGMIL"}, [("1831", None, "AFGMIL")], absent=["190"]),
    Case("A car bomb killed three Iraqi policemen.", {"Iraqi policemen": "IRQCOP"},
         [("1832", None, "IRQCOP")], absent=["190"]),
    # a generic attack noun leaves the verb generic
    Case("The attack killed five Kenyan soldiers.", {"Kenyan soldiers": "KENMIL"}, [("190", None, "KENMIL")]),
]


@pytest.mark.parametrize("case", ATTACK_SUBJECTS, ids=[c.text[:50] for c in ATTACK_SUBJECTS])
def test_attack_as_subject_refines_the_kill(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


TOPICS = [
    # what talks are about is not an event of its own
    Case("Israel and Lebanon renewed negotiations on an Israeli troop withdrawal from Lebanon.",
         {"Israel": "ISR", "Lebanon#0": "LBN", "Israeli": "ISRMIL"}, [("046", "ISR", "LBN"), ("046", "LBN", "ISR")],
         absent=["087"]),
    Case("Sudan and Chad held talks over the release of prisoners.",
         {"Sudan": "SDN", "Chad": "TCD"}, [("040", "SDN", "TCD")], absent=["084"]),
    # an act outside the talks' phrase stays
    Case("The two sides met after the withdrawal of Israeli troops from Gaza.",
         {"Israeli troops": "ISRMIL", "Gaza": "PSE"}, [("087", "ISRMIL", None)]),
]


@pytest.mark.parametrize("case", TOPICS, ids=[c.text[:50] for c in TOPICS])
def test_topic_of_talks_is_not_an_event(case: Case, coder: EventCoder) -> None:
    _check(case, coder)
