"""Round-3 error classes (sentences written for these tests): an objectless preposition whose noun
phrase the parser made a clause subject, actors two levels inside a noun phrase (also an event noun
as subject), gerunds under a predicate adjective ("guilty of violating"), and a bare sector
modifier that must yield to a named actor; plus the coder-module split keeping its API."""

from __future__ import annotations

import pytest

from heron.events import EventCoder
from heron.events.matcher import prep_objects
from heron.records import EventCandidate

from .helpers import actor, make_mention, nlp, parse
from .test_events_sentences import Case, _code, _matches, _show


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


def _check(case: Case, coder: EventCoder) -> list[EventCandidate]:
    events = _code(case, coder)
    for exp in case.expect:
        assert any(_matches(e, exp) for e in events), f"missing {exp} in:\n{_show(events)}"
    for code in case.absent:
        assert not [e for e in events if e.cameo_code.startswith(code)], _show(events)
    return events


# --- class 1: objectless preposition (parse slip) -------------------------------------------------


def test_dangling_preposition_takes_the_next_noun_phrase() -> None:
    doc = parse("Peru has granted asylum to five Panamanian army officers holed up in an embassy.")
    to = next(t for t in doc if t.lower_ == "to")
    objs = list(prep_objects(to))
    if not any(c.dep_ == "pobj" for c in to.children):  # the slip this class is about
        assert [o.text for o in objs] == ["officers"]
    else:
        assert "officers" in [o.text for o in objs]


def test_dangling_preposition_gives_the_target(coder: EventCoder) -> None:
    _check(Case("Peru has granted asylum to five Panamanian army officers holed up in an embassy.",
                {"Peru": "PER", "Panamanian army officers": "PANMIL"}, [("075", "PER", "PANMIL")]), coder)


def test_preposition_with_its_object_is_unchanged() -> None:
    doc = parse("Chile sent food to the refugees in the camp.")
    to = next(t for t in doc if t.lower_ == "to")
    assert [o.text for o in prep_objects(to)] == ["refugees"]


# --- class 2: an actor two levels inside the argument's noun phrase -------------------------------

DEEP = [
    # the victim's position is reported: an assassination (CAMEO 186, round 11), the target indirect
    Case("Rebels killed the deputy chief of Iraq's border police.",
         {"Rebels": "IRQREB", "Iraq": "IRQ"}, [("186", "IRQREB", "IRQ")]),
    Case("Recent Kenyan drone strikes have killed six commanders of the Shabaab militia.",
         {"Kenyan": "KEN", "Shabaab": "SOMREB"}, [("19", "KEN", "SOMREB")]),
    Case("Eritrean officials will meet U.N. envoy Kofi Annan in Asmara next week.",
         {"Eritrean officials": "ERIGOV", "U.N.": "IGOUNO"}, [("03", "ERIGOV", "IGOUNO")]),
]


@pytest.mark.parametrize("case", DEEP, ids=[c.text[:50] for c in DEEP])
def test_actor_two_levels_down(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_deep_argument_is_indirect(coder: EventCoder) -> None:
    events = _check(DEEP[0], coder)
    ev = next(e for e in events if _matches(e, DEEP[0].expect[0]))
    assert "indirect" in ev.reason


# --- class 3: gerund under a predicate adjective ---------------------------------------------------

ADJ = [
    Case("The Sudanese army is guilty of violating the ceasefire with the rebels.",
         {"The Sudanese army": "SDNMIL", "the rebels": "SDNREB"}, [("196", "SDNMIL", "SDNREB")]),
    Case("Ethiopian troops are responsible for killing three Kenyan traders.",
         {"Ethiopian troops": "ETHMIL", "Kenyan traders": "KENBUS"}, [("19", "ETHMIL", "KENBUS")]),
]


@pytest.mark.parametrize("case", ADJ, ids=[c.text[:50] for c in ADJ])
def test_subject_through_predicate_adjective(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


# --- class 4: a bare sector modifier yields to the named actors -----------------------------------


def test_bare_sector_modifier_yields_to_host_subject(coder: EventCoder) -> None:
    text = "Jordan and the United States began joint military exercises in the desert."
    doc = parse(text)
    mentions = [
        make_mention(doc, "Jordan and the United States", actor("JOR"), actor("USA")),
        make_mention(doc, "military", actor("---MIL", "military", country=None, kind="sector")),
    ]
    sent = next(iter(doc.sents))
    events = coder.code_sentence(sent, mentions, sentence_index=0)
    pairs = {(e.source.code, e.target.code) for e in events if e.cameo_code.startswith("06") and e.source and e.target}
    assert ("JOR", "USA") in pairs and ("USA", "JOR") in pairs, _show(events)
    assert not any(e.source and e.source.code == "---MIL" for e in events), _show(events)


def test_sector_modifier_still_used_when_nothing_else(coder: EventCoder) -> None:
    text = "Police raids continued in the city."
    doc = parse(text)
    mentions = [make_mention(doc, "Police", actor("---COP", "police", country=None, kind="sector"))]
    events = EventCoder(nlp().vocab, require_dyad=False).code_sentence(next(iter(doc.sents)), mentions, sentence_index=0)
    assert any(e.source is not None and e.source.code == "---COP" for e in events), _show(events)


# --- the split keeps the public API ---------------------------------------------------------------


def test_coder_module_api() -> None:
    import inspect

    from heron.events import coder as coder_module

    sig = inspect.signature(coder_module.EventCoder.code_sentence)
    assert list(sig.parameters)[:3] == ["self", "sent", "mentions"]
    assert sig.parameters["sentence_index"].kind is inspect.Parameter.KEYWORD_ONLY
    assert sig.parameters["published"].default is None
