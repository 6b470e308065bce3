"""Symmetric events (issue 10, class 2): meetings, talks, negotiations, agreements and cooperation
between A and B are coded A->B and B->A with the same code, never one direction only, whatever the
form: "A and B discussed", "A negotiated a deal with B", "A, B sign deal" (a headline), "an
agreement between A and B", "the two ministers discussed" (the pair named before). Sentences and
articles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from heron.events import EventCoder
from heron.records import Article, EventCandidate

from .helpers import nlp
from .test_events_sentences import Case, _code, _matches, _show


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


def _one_way(events: list[EventCandidate]) -> list[EventCandidate]:
    """Events of a symmetric row (the reason says "reciprocal") whose mirror image is missing."""
    have = {(e.cameo_code, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}
    return [
        e for e in events
        if "reciprocal" in e.reason and e.source and e.target
        and (e.cameo_code, e.target.code, e.source.code) not in have
    ]


PAIR = {"Iran": "IRN", "Russia": "RUS"}

SYMMETRIC = [
    Case("Iran and Russia discussed the crisis in Syria.", {**PAIR, "Syria": "SYR"}, [("040", "IRN", "RUS")]),
    Case("Iran negotiated a new gas deal with Russia.", PAIR, [("046", "IRN", "RUS")]),
    Case("Iran and Russia negotiated a new gas deal.", PAIR, [("046", "IRN", "RUS")]),
    Case("Iran, Russia sign energy deal", PAIR, [("057", "IRN", "RUS")]),
    Case("Iran, Russia agree to boost trade.", PAIR, [("03", "IRN", "RUS")]),
    Case("Iran, Russia hold talks on Syria", {**PAIR, "Syria": "SYR"}, [("040", "IRN", "RUS")]),
    Case("An agreement between Iran and Russia was signed in Moscow on Monday.", PAIR, [("057", "IRN", "RUS")]),
    Case("The foreign ministers of Iran and Russia discussed the nuclear deal.",
         {"Iran": "IRNGOV", "Russia": "RUSGOV"}, [("040", "IRNGOV", "RUSGOV")]),
    # already coded both ways before this work: kept as guards
    Case("Iran held talks with Russia on Monday.", PAIR, [("040", "IRN", "RUS")]),
    Case("The Iranian president meets the Russian president in Tehran.",
         {"The Iranian president": "IRNGOV", "the Russian president": "RUSGOV"}, [("040", "IRNGOV", "RUSGOV")]),
    Case("Iran and Russia signed an agreement on energy.", PAIR, [("057", "IRN", "RUS")]),
]


@pytest.mark.parametrize("case", SYMMETRIC, ids=[c.text[:50] for c in SYMMETRIC])
def test_symmetric_act_in_both_directions(case: Case, coder: EventCoder) -> None:
    events = _code(case, coder)
    code, a, b = case.expect[0]
    assert any(_matches(e, (code, a, b)) for e in events), f"missing {code} {a}->{b}:\n{_show(events)}"
    assert any(_matches(e, (code, b, a)) for e in events), f"missing {code} {b}->{a}:\n{_show(events)}"
    assert not _one_way(events), f"one direction only:\n{_show(_one_way(events))}"


def test_topic_of_talks_is_no_party(coder: EventCoder) -> None:
    """ "talks on Syria", "discussed the crisis in Syria": Syria is what was talked about."""
    for text in ("Iran, Russia hold talks on Syria", "Iran and Russia discussed the crisis in Syria."):
        events = _code(Case(text, {**PAIR, "Syria": "SYR"}), coder)
        assert not [e for e in events if e.cameo_code.startswith("04") and "SYR" in (e.source.code, e.target.code)], _show(events)


def test_symmetric_nominal_under_a_statement(coder: EventCoder) -> None:
    """Class 1 and 2 together: the nominal meeting under "said" is coded both ways."""
    events = _code(Case("The Qatari emir said after a meeting with the Omani sultan that the Gulf was calm.",
                        {"The Qatari emir": "QATGOV", "the Omani sultan": "OMNGOV"}), coder)
    assert any(_matches(e, ("040", "QATGOV", "OMNGOV")) for e in events), _show(events)
    assert any(_matches(e, ("040", "OMNGOV", "QATGOV")) for e in events), _show(events)
    assert not _one_way(events), _show(events)


def test_one_sided_acts_stay_one_sided(coder: EventCoder) -> None:
    """A visit, an appeal and a threat are one side's acts: no mirror image."""
    for text, actors, code in (("Iran's president visited Russia.", {"Iran's president": "IRNGOV", "Russia": "RUS"}, "042"),
                               ("Iran urged Russia to negotiate.", PAIR, "02"),
                               ("Iran threatened Russia with sanctions.", PAIR, "13")):
        events = _code(Case(text, actors), coder)
        assert events and not [e for e in events if e.cameo_code.startswith(code) and e.source.code == "RUS"], _show(events)


# --- whole articles: "the two sides", "both countries" ------------------------------------------------


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - heron.pipeline.Coder
    from heron.pipeline import Coder

    return Coder()


def _article(pipeline, text: str) -> list[tuple[int, str | None, str, str | None]]:  # noqa: ANN001
    coded = pipeline.code_article(Article(id="t-symmetric", text=text, published=date(2021, 3, 9)))
    return [(e.sentence_index, e.source_code, e.cameo_code, e.target_code) for e in coded.events]


def _countries(events, sentence: int, root: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(s[:3], t[:3]) for i, s, c, t in events if i == sentence and c.startswith(root) and s and t}


def test_article_the_two_ministers(pipeline) -> None:  # noqa: ANN001
    text = (
        "Iran's foreign minister met his Russian counterpart in Moscow on Monday.\n"
        "The two ministers discussed regional security and the war in Syria."
    )
    events = _article(pipeline, text)
    assert {("IRN", "RUS"), ("RUS", "IRN")} <= _countries(events, 0, "04"), events
    assert {("IRN", "RUS"), ("RUS", "IRN")} <= _countries(events, 1, "04"), events


def test_article_both_countries_sign(pipeline) -> None:  # noqa: ANN001
    text = (
        "Egypt and Sudan held talks in Cairo on Tuesday.\n"
        "Both countries signed an agreement on water sharing.\n"
        "The two sides discussed the dam on the Nile."
    )
    events = _article(pipeline, text)
    assert {("EGY", "SDN"), ("SDN", "EGY")} <= _countries(events, 0, "04"), events
    assert {("EGY", "SDN"), ("SDN", "EGY")} <= _countries(events, 1, "05"), events
    assert {("EGY", "SDN"), ("SDN", "EGY")} <= _countries(events, 2, "04"), events


def test_article_headline_and_body(pipeline) -> None:  # noqa: ANN001
    text = (
        "Chile, Peru sign fishing accord\n\n"
        "LIMA – Chile negotiated a fishing accord with Peru on Friday."
    )
    events = _article(pipeline, text)
    both = {("CHL", "PER"), ("PER", "CHL")}
    assert both <= _countries(events, 0, "05"), events
    body = max(i for i, *_ in events)  # the dateline may be a sentence of its own
    assert body > 0 and both <= _countries(events, body, "04"), events


def test_partners_pair_up_only_when_nobody_else_is_named(coder: EventCoder) -> None:
    """ "a stranger met Chile and Peru": the stranger met them, they did not meet each other."""
    events = _code(Case("A stranger met Chile and Peru in Lima.", {"Chile": "CHL", "Peru": "PER"}), coder)
    assert not [e for e in events if e.source and e.target and {e.source.code, e.target.code} == {"CHL", "PER"}], _show(events)


def test_a_clause_before_the_comma_is_no_listed_subject(coder: EventCoder) -> None:
    """ "Palestinian youths threw stones at soldiers, officials said": the youths said nothing."""
    events = _code(Case("Palestinian youths resorted to throwing stones at the soldiers, officials said on Sunday.",
                        {"Palestinian youths": "PSECVL", "the soldiers": "ISRMIL", "officials": "ISRGOV"}), coder)
    assert not [e for e in events if e.cameo_code.startswith("01") and e.source.code == "PSECVL"], _show(events)


def test_mutual_cooperation_by_several_is_toward_each_other(coder: EventCoder) -> None:
    events = _code(Case("Chile and Peru pledged closer cooperation.", {"Chile": "CHL", "Peru": "PER"}), coder)
    assert any(_matches(e, ("032", "CHL", "PER")) for e in events), _show(events)
    assert any(_matches(e, ("032", "PER", "CHL")) for e in events), _show(events)
    # one pledger toward a named partner stays one-sided; aid pledged by two is not to each other
    events = _code(Case("Chile pledged closer cooperation with Peru.", {"Chile": "CHL", "Peru": "PER"}), coder)
    assert not any(_matches(e, ("03", "PER", "CHL")) for e in events), _show(events)
    events = _code(Case("Chile and Peru pledged aid.", {"Chile": "CHL", "Peru": "PER"}), coder)
    assert not any(e.target is not None for e in events), _show(events)
