"""Material cooperation (issue 10, CAMEO roots 06-08): property and cultural goods handed back to
their owner (0842), releases told in the passive with no liberator (0841), sanctions and tariffs
eased (085), aid given "with" (X provided Y with weapons, 070-073), donors as the predicate of a
copula (070), aid distributed or teams deployed (073), peacekeepers deployed in the passive (074),
joint war games and taking part in exercises (062), expertise shared (060), forces demobilised in the
passive (0873). Sentences written for these tests."""

from __future__ import annotations

import pytest

from heron.events import EventCoder
from heron.events.unnamed import unnamed_kept, unnamed_note
from heron.records import Actor

from .helpers import nlp
from .test_events_round3 import _check
from .test_events_sentences import Case


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


RETURN_PROPERTY = [
    Case("Canada returned forty stolen statues to Mali.", {"Canada": "CAN", "Mali": "MLI"},
         [("0842", "CAN", "MLI")]),
    Case("Dozens of looted antiquities were returned to Iraq by the Swiss police.",
         {"Iraq": "IRQ", "the Swiss police": "CHECOP"}, [("0842", "CHECOP", "IRQ")]),
    Case("Germany handed back a collection of bronze sculptures to Nigeria.",
         {"Germany": "DEU", "Nigeria": "NGA"}, [("0842", "DEU", "NGA")]),
    Case("Japan returned the seized turtles to Indonesia.", {"Japan": "JPN", "Indonesia": "IDN"},
         [("0842", "JPN", "IDN")]),
    Case("Italy returned an ancient manuscript to the Greek government.",
         {"Italy": "ITA", "the Greek government": "GRCGOV"}, [("0842", "ITA", "GRCGOV")]),
    # going back somewhere, firing back, a verdict: nothing handed back
    Case("The French minister returned to Algeria on Monday.", {"The French minister": "FRAGOV", "Algeria": "DZA"},
         [], absent=["08"]),
    Case("Israeli troops returned fire at Hezbollah gunmen.", {"Israeli troops": "ISRMIL", "Hezbollah gunmen": "LBNREB"},
         [], absent=["08"]),
    # a document released is published, a building restored repaired: nothing handed back
    Case("The Chilean parties released a document on wages.", {"The Chilean parties": "CHLPTY"}, [], absent=["0842"]),
    Case("Egypt restored the old buildings of the Greek embassy.", {"Egypt": "EGY", "Greek": "GRC"}, [],
         absent=["0842"]),
    # people handed back stay a release
    Case("Iran returned the British sailors to Britain.", {"Iran": "IRN", "British sailors": "GBRMIL", "Britain": "GBR"},
         [("0841", "IRN", None)], absent=["0842"]),
]


@pytest.mark.parametrize("case", RETURN_PROPERTY, ids=[c.text[:50] for c in RETURN_PROPERTY])
def test_returning_property_is_0842(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


RELEASES = [
    # the freed are named, the liberator is not: kept with no source
    Case("Dozens of Kenyan prisoners have been freed from captivity.", {"Kenyan prisoners": "KENCVL"},
         [("0841", None, "KENCVL")]),
    Case("Three Ukrainians have been released from captivity in Libya.", {"Three Ukrainians": "UKRCVL", "Libya": "LBY"},
         [("0841", None, "UKRCVL")]),
    # a thing released is no captive: "the Iranian film" only has an actor inside it
    Case("The Iranian film was released in cinemas last week.", {"Iranian": "IRN"}, [], absent=["08"]),
]


@pytest.mark.parametrize("case", RELEASES, ids=[c.text[:50] for c in RELEASES])
def test_agentless_release_is_kept(case: Case, coder: EventCoder) -> None:
    events = _check(case, coder)
    for e in events:
        if e.cameo_code == "0841" and e.source is None:
            assert "liberator not named" in e.reason


def test_unnamed_release_rule() -> None:
    freed = Actor(name="prisoners", code="KENCVL", country="KEN", kind="country")
    assert unnamed_kept("0841", None, freed, freed_named=True)
    assert not unnamed_kept("0841", None, freed)  # an actor only found inside the thing released
    assert unnamed_kept("190", None, freed)  # material conflict as before
    assert not unnamed_kept("073", None, freed, freed_named=True)  # other cooperation still needs its giver
    assert unnamed_note("0841").startswith("liberator") and unnamed_note("190").startswith("perpetrator")


SANCTIONS = [
    Case("UN sanctions on Libya were lifted last year.", {"UN": "IGOUNO", "Libya": "LBY"}, [("085", "IGOUNO", "LBY")]),
    Case("Canada cut tariffs on Mexican steel.", {"Canada": "CAN", "Mexican": "MEX"}, [("085", "CAN", "MEX")]),
    Case("The European Union eased its embargo against Cuba.", {"The European Union": "IGOEUREEC", "Cuba": "CUB"},
         [("085", "IGOEUREEC", "CUB")]),
]


@pytest.mark.parametrize("case", SANCTIONS, ids=[c.text[:50] for c in SANCTIONS])
def test_easing_sanctions_is_085(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


AID = [
    Case("Britain supplied Kenya with weapons and ammunition.", {"Britain": "GBR", "Kenya": "KEN"},
         [("072", "GBR", "KEN")]),
    Case("The World Bank provided Ghana with loans worth $200 million.", {"The World Bank": "IGOUNODEVWBK", "Ghana": "GHA"},
         [("071", "IGOUNODEVWBK", "GHA")]),
    Case("Qatar provided the refugees in Chad with food and blankets.", {"Qatar": "QAT", "the refugees": "TCDREF"},
         [("073", "QAT", "TCDREF")]),
    Case("Chile distributed tents and blankets to the flood victims in Peru.",
         {"Chile": "CHL", "the flood victims": "PERCVL"}, [("073", "CHL", "PERCVL")]),
    Case("Turkey deployed doctors to the quake zone in Syria.", {"Turkey": "TUR", "Syria": "SYR"}, [("073", "TUR", None)]),
    Case("Norway is the largest donor of humanitarian aid to Sudan.", {"Norway": "NOR", "Sudan": "SDN"},
         [("07", "NOR", "SDN")]),
    Case("Norway remains a major donor to Sudan.", {"Norway": "NOR", "Sudan": "SDN"}, [("070", "NOR", "SDN")]),
    Case("Sweden contributed 30 million euros to the UN fund for Yemen.", {"Sweden": "SWE", "the UN": "IGOUNO"},
         [("071", "SWE", None)]),
    Case("The Swedish government's assistance package included tents for Chad.",
         {"The Swedish government": "SWEGOV", "Chad": "TCD"}, [("070", "SWEGOV", None)]),
    Case("Canadian helicopters began the shipment of water to the flood victims in Bolivia.",
         {"Canadian": "CAN", "the flood victims": "BOLCVL"}, [("073", "CAN", "BOLCVL")]),
    Case("The World Bank mobilized $2 billion for Nepal.", {"The World Bank": "IGOUNODEVWBK", "Nepal": "NPL"},
         [("071", "IGOUNODEVWBK", "NPL")], absent=["15"]),
    Case("The Dutch government is one of the largest donors to Mali.",
         {"The Dutch government": "NLDGOV", "Mali": "MLI"}, [("070", "NLDGOV", "MLI")]),
    # troops mobilised stay a build-up
    Case("Russia mobilised troops near Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"}, [("154", "RUS", None)],
         absent=["07"]),
    Case("Gaza received medicine and blankets from Egypt.", {"Gaza": "PSE", "Egypt": "EGY"}, [("073", "EGY", "PSE")],
         absent=["04"]),
    Case("The refugees in Chad received food last week.", {"The refugees": "TCDREF", "Chad": "TCD"}, [],
         absent=["04", "07"]),
    # promising money is still a pledge (0331), a donor that does nothing here is no event
    Case("Japan pledged five million dollars to Nepal.", {"Japan": "JPN", "Nepal": "NPL"}, [("0331", "JPN", "NPL")],
         absent=["07"]),
    Case("Donors from Sweden met in Oslo.", {"Sweden": "SWE"}, [], absent=["07"]),
]


@pytest.mark.parametrize("case", AID, ids=[c.text[:50] for c in AID])
def test_aid_given(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


PEACEKEEPERS = [
    Case("The African Union peacekeepers were deployed to Somalia.",
         {"The African Union peacekeepers": "IGOAFRAFUMIL", "Somalia": "SOM"}, [("074", "IGOAFRAFUMIL", "SOM")]),
]


@pytest.mark.parametrize("case", PEACEKEEPERS, ids=[c.text[:50] for c in PEACEKEEPERS])
def test_peacekeepers_deployed(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


EXERCISES = [
    Case("Peru and Chile held joint war games last month.", {"Peru and Chile": ("PER", "CHL")},
         [("062", "PER", "CHL"), ("062", "CHL", "PER")]),
    Case("Egypt and Jordan participated in the naval exercise.", {"Egypt and Jordan": ("EGY", "JOR")},
         [("062", "EGY", "JOR"), ("062", "JOR", "EGY")]),
    Case("India joined the drills with France.", {"India": "IND", "France": "FRA"},
         [("062", "IND", "FRA"), ("062", "FRA", "IND")]),
    Case("Greece took part in the exercise with Cyprus.", {"Greece": "GRC", "Cyprus": "CYP"},
         [("062", "GRC", "CYP")]),
    Case("The war games were staged by Japanese and Indian forces.",
         {"Japanese and Indian forces": ("JPNMIL", "INDMIL")}, [("062", "JPNMIL", "INDMIL"), ("062", "INDMIL", "JPNMIL")]),
    # one side's war games have no partner: no military cooperation
    Case("Iran launched war games near Iraqi waters.", {"Iran": "IRN", "Iraqi": "IRQ"}, [], absent=["06"]),
]


EXPERTISE = [
    Case("Cuba has been sharing expertise with Venezuela.", {"Cuba": "CUB", "Venezuela": "VEN"}, [("060", "CUB", "VEN")]),
    Case("India and Japan exchanged technology.", {"India and Japan": ("IND", "JPN")},
         [("060", "IND", "JPN"), ("060", "JPN", "IND")]),
    # information shared stays intelligence sharing
    Case("Kenya shared information with Uganda.", {"Kenya": "KEN", "Uganda": "UGA"}, [("064", "KEN", "UGA")],
         absent=["060"]),
]


@pytest.mark.parametrize("case", EXPERTISE, ids=[c.text[:50] for c in EXPERTISE])
def test_sharing_expertise_is_060(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


@pytest.mark.parametrize("case", EXERCISES, ids=[c.text[:50] for c in EXERCISES])
def test_joint_exercises_are_062(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


DEMOBILIZED = [
    # the passive with no agent: the force itself is demobilised (CAMEO 0873)
    Case("Half of the Kurdish fighters have been demobilized since the accord.", {"the Kurdish fighters": "IRQREB"},
         [("0873", "IRQREB", None)]),
    Case("The Angolan rebels were disarmed last year.", {"The Angolan rebels": "AGOREB"}, [("0873", "AGOREB", None)]),
    # an agent named stays the source
    Case("The army disarmed the rebels in Aceh.", {"The army": "IDNMIL", "the rebels": "IDNREB"},
         [("0873", "IDNMIL", None)]),
]


@pytest.mark.parametrize("case", DEMOBILIZED, ids=[c.text[:50] for c in DEMOBILIZED])
def test_agentless_demobilization(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


CANDIDACY = [
    # letting a politician run lifts the bar on them (CAMEO 0812)
    Case("The Zambian court allowed the opposition leader to run for president.",
         {"The Zambian court": "ZMBJUD", "the opposition leader": "ZMBOPP"}, [("0812", "ZMBJUD", "ZMBOPP")]),
    Case("Uganda's electoral commission permitted Besigye to contest the election.",
         {"Uganda's electoral commission": "UGAGOV", "Besigye": "UGAOPP"}, [("0812", "UGAGOV", "UGAOPP")]),
    # letting people go home stays the right of return
    Case("Egypt allowed Gaza residents to return to their homes.", {"Egypt": "EGY", "Gaza residents": "PSECVL"},
         [("0833", "EGY", "PSECVL")], absent=["0812"]),
]


@pytest.mark.parametrize("case", CANDIDACY, ids=[c.text[:50] for c in CANDIDACY])
def test_allowing_a_candidate_is_0812(case: Case, coder: EventCoder) -> None:
    _check(case, coder)
