"""Round-4 gaps (sentences written for these tests): new trigger families (compensation, letting
people return, inspectors sent in, aid handed over), a compound naming the thing in the object
("the peacekeeping mission"), a passive "by" agent the parser hung elsewhere in the clause, and the
host country of a visit named only as a place."""

from __future__ import annotations

import pytest

from heron.events import EventCoder
from heron.events.attribution import stray_agent
from heron.events.matcher import TriggerMatcher
from heron.events.ontology_bridge import needs_target
from heron.events.places import host_place, place_country

from .helpers import nlp, parse
from .test_events_round3 import _check
from .test_events_sentences import Case, _code, _show


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


# --- class 1: trigger families --------------------------------------------------------------------

FAMILIES = [
    Case("Uganda paid compensation to 67 British nationals.",
         {"Uganda": "UGA", "British nationals": "GBRCVL"}, [("080", "UGA", "GBRCVL")]),
    Case("Chevron compensated the villagers for the oil spill.",
         {"Chevron": "USABUS", "the villagers": "ECUCVL"}, [("080", "USABUS", "ECUCVL")]),
    Case("The government allowed the refugees to return to their villages.",
         {"The government": "SDNGOV", "the refugees": "SDNREF"}, [("0833", "SDNGOV", "SDNREF")]),
    Case("The IAEA has dispatched inspectors to Iran.",
         {"The IAEA": "IGOUNOIAE", "Iran": "IRN"}, [("0862", "IRN", "IGOUNOIAE")], absent=["074"]),
    Case("Swiss doctors handed over 700 kg of medicine to the Red Crescent.",
         {"Swiss doctors": "CHEMED", "the Red Crescent": "NGOIRC"}, [("073", "CHEMED", "NGOIRC")]),
]


@pytest.mark.parametrize("case", FAMILIES, ids=[c.text[:50] for c in FAMILIES])
def test_trigger_families(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_future_permission_to_return_is_intent(coder: EventCoder) -> None:
    _check(Case("Turkey will allow the Kurdish refugees to return home.",
                {"Turkey": "TUR", "the Kurdish refugees": "IRQREF"}, [("0343", "TUR", "IRQREF")]), coder)


# --- class 2: a compound in the object names the thing --------------------------------------------

COMPOUND = [
    Case("The United Nations sent a peacekeeping mission to Mali.",
         {"The United Nations": "IGOUNO", "Mali": "MLI"}, [("074", "IGOUNO", "MLI")]),
    Case("Egypt opened the Rafah border crossing to Gaza.",
         {"Egypt": "EGY", "Gaza": "PSE"}, [("0872", "EGY", "PSE")]),
]


@pytest.mark.parametrize("case", COMPOUND, ids=[c.text[:50] for c in COMPOUND])
def test_compound_object(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_compound_object_head_is_part_of_the_trigger() -> None:
    doc = parse("The United Nations sent a peacekeeping mission to Mali.")
    matches = TriggerMatcher(EventCoder(nlp().vocab).lexicon).find(next(iter(doc.sents)))
    m = next(m for m in matches if m.token.lower_ == "sent")
    assert m.obj is not None and m.obj.lower_ == "peacekeeping"
    assert m.obj_head is not None and m.obj_head.lower_ == "mission"
    assert "mission" in [t.lower_ for t in m.trigger_tokens]


def test_object_head_still_wins_over_compound() -> None:
    # "aid" is the object's head here: no compound lookup needed, no head added to the trigger
    doc = parse("Japan delivered food aid to Nepal.")
    matches = TriggerMatcher(EventCoder(nlp().vocab).lexicon).find(next(iter(doc.sents)))
    m = next(m for m in matches if m.token.lower_ == "delivered")
    assert m.obj_head is None


# --- class 3: passive agent attached elsewhere ----------------------------------------------------


def test_stray_agent_on_coordinated_participle() -> None:
    doc = parse("Two journalists were arrested and charged by Egyptian police.")
    verb = next(t for t in doc if t.lower_ == "arrested")
    by = next(t for t in doc if t.lower_ == "by")
    assert by.head is not verb  # the case under test: the parser hangs the agent on "charged"
    agent = stray_agent(verb)
    assert agent is not None and agent.lower_ == "police"


def test_stray_agent_gives_the_source(coder: EventCoder) -> None:
    _check(Case("Two journalists were arrested and charged by Egyptian police.",
                {"Two journalists": "JRN", "Egyptian police": "EGYCOP"}, [("173", "EGYCOP", "JRN")]), coder)


def test_active_verb_has_no_stray_agent() -> None:
    doc = parse("Rebels attacked the convoy guarded by Kenyan troops.")
    verb = next(t for t in doc if t.lower_ == "attacked")
    assert stray_agent(verb) is None


# --- class 4: the host of a visit named only as a place ------------------------------------------

VISITS = [
    Case("The British foreign secretary arrived in Zimbabwe on Monday.",
         {"The British foreign secretary": "GBRGOV"}, [("042", "GBRGOV", "ZWE")]),
    Case("Putin visited Harare last week.", {"Putin": "RUSGOV"}, [("042", "RUSGOV", "ZWE")]),
    Case("The Chinese premier flew to Tehran on Sunday.", {"The Chinese premier": "CHNGOV"}, [("042", "CHNGOV", "IRN")]),
]


@pytest.mark.parametrize("case", VISITS, ids=[c.text[:50] for c in VISITS])
def test_visit_host_from_place(case: Case, coder: EventCoder) -> None:
    events = _check(case, coder)
    ev = next(e for e in events if e.cameo_code == "042")
    assert "place (host country)" in ev.reason


def test_visit_home_is_no_event(coder: EventCoder) -> None:
    events = _code(Case("The Iranian president returned to Tehran.", {"The Iranian president": "IRNGOV"}), coder)
    assert not [e for e in events if e.target is not None and e.target.code == "IRN"], _show(events)


def test_named_actor_target_beats_place(coder: EventCoder) -> None:
    _check(Case("Putin visited Erdogan in Ankara.", {"Putin": "RUSGOV", "Erdogan": "TURGOV"},
                [("042", "RUSGOV", "TURGOV")]), coder)


def test_place_country_lookup() -> None:
    assert place_country("Harare").country == "ZWE"
    assert place_country("Zimbabwe").country == "ZWE"
    assert place_country("Tuesday") is None


def test_host_place_skips_non_places() -> None:
    doc = parse("The envoy went to the meeting.")
    lex = EventCoder(nlp().vocab).lexicon
    m = next(m for m in TriggerMatcher(lex).find(next(iter(doc.sents))) if m.token.lower_ == "went")
    assert host_place(m, sentence_index=0) is None


# --- class 5: ontology ----------------------------------------------------------------------------


def test_violating_a_ceasefire_needs_no_target() -> None:
    assert needs_target("196") is False
    assert needs_target("190") is True
