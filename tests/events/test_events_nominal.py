"""Nominal events (issue 10, class 1): a meeting, call, visit or negotiation named by a noun is an
event of its own (CAMEO 04x) even when the clause's verb is a statement: "made the announcement
following a meeting with X", "said after a phone call with X", "spoke on the sidelines of a summit
with X". Its source is the subject of the clause the noun's phrase hangs on (or the noun's
possessor), its target the object of "with"/"to"; the reason says it came from a noun. Sentences and
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


def _both(events: list[EventCandidate], code: str, a: str, b: str) -> list[EventCandidate]:
    """The a->b and b->a events of ``code``; fails unless both are there."""
    ab = [e for e in events if _matches(e, (code, a, b))]
    ba = [e for e in events if _matches(e, (code, b, a))]
    assert ab and ba, f"want {code} {a}<->{b} in both directions:\n{_show(events)}"
    return ab + ba


# --- the noun is the event, whatever the clause's verb -----------------------------------------------


NOMINAL_PAIRS = [
    Case("The Iranian defence minister made the announcement following a meeting with the Russian defence minister.",
         {"The Iranian defence minister": "IRNGOVMIL", "the Russian defence minister": "RUSGOVMIL"},
         [("040", "IRNGOVMIL", "RUSGOVMIL")]),
    Case("The German chancellor said after a phone call with the Russian president that the crisis must end.",
         {"The German chancellor": "DEUGOV", "the Russian president": "RUSGOV"},
         [("041", "DEUGOV", "RUSGOV")]),
    Case("The Japanese prime minister spoke to reporters on the sidelines of a summit with the Korean president.",
         {"The Japanese prime minister": "JPNGOV", "the Korean president": "KORGOV"},
         [("040", "JPNGOV", "KORGOV")]),
    Case("Kenya's foreign minister gave a news conference after talks with his Ugandan counterpart.",
         {"Kenya's foreign minister": "KENGOV", "his Ugandan counterpart": "UGAGOV"},
         [("040", "KENGOV", "UGAGOV")]),
    Case("The Chilean president made the remarks at the conclusion of negotiations with Peru.",
         {"The Chilean president": "CHLGOV", "Peru": "PER"},
         [("046", "CHLGOV", "PER")]),
    Case("Ghana's president spoke warmly of Togo during talks with its leader in Accra.",
         {"Ghana's president": "GHAGOV", "Togo": "TGO", "its leader": "TGOGOV"},
         [("040", "GHAGOV", "TGOGOV")]),
]


@pytest.mark.parametrize("case", NOMINAL_PAIRS, ids=[c.text[:50] for c in NOMINAL_PAIRS])
def test_nominal_consultation_under_another_verb(case: Case, coder: EventCoder) -> None:
    events = _code(case, coder)
    code, a, b = case.expect[0]
    found = _both(events, code, a, b)
    for ev in found:
        assert ev.reason.startswith("noun "), ev.reason  # the reason says it came from a noun
        assert any(f"source from {s}" in ev.reason for s in ("party", "host", "poss")), ev.reason


def test_visit_noun_under_a_statement_is_one_way(coder: EventCoder) -> None:
    """A visit is the visitor's act (042) to the host; the host did not visit."""
    events = _code(Case("The French president said during a visit to China that trade would grow.",
                        {"The French president": "FRAGOV", "China": "CHN"}), coder)
    assert any(_matches(e, ("042", "FRAGOV", "CHN")) for e in events), _show(events)
    assert not any(_matches(e, ("042", "CHN", "FRAGOV")) for e in events), _show(events)


def test_statement_with_its_own_code_is_kept_beside_the_meeting(coder: EventCoder) -> None:
    """In addition to, not instead of: the optimistic statement (013) stays."""
    events = _code(Case("The Egyptian president said after talks with the Jordanian king that he was optimistic about peace.",
                        {"The Egyptian president": "EGYGOV", "the Jordanian king": "JORGOV", "he": "EGYGOV"}), coder)
    _both(events, "040", "EGYGOV", "JORGOV")
    assert any(e.cameo_code == "013" and e.source.code == "EGYGOV" for e in events), _show(events)


def test_statement_to_someone_is_kept_beside_the_visit(coder: EventCoder) -> None:
    events = _code(Case("The Palestinian president told the Arab League during a visit to Egypt that peace was far off.",
                        {"The Palestinian president": "PSEGOV", "the Arab League": "IGOARL", "Egypt": "EGY"}), coder)
    assert any(_matches(e, ("042", "PSEGOV", "EGY")) for e in events), _show(events)
    assert any(_matches(e, ("010", "PSEGOV", "IGOARL")) for e in events), _show(events)


def test_announcement_stays_beside_the_meeting_it_followed(coder: EventCoder) -> None:
    events = _code(NOMINAL_PAIRS[0], coder)
    assert any(e.cameo_code == "010" and e.source.code == "IRNGOVMIL" for e in events), _show(events)


def test_clause_subject_is_no_party_to_a_meeting_it_only_talks_about(coder: EventCoder) -> None:
    """ "voiced alarm over the talks between X and Y": the speaker was not at the talks."""
    events = _code(Case("The Peruvian minister voiced alarm over the talks between Chile and Bolivia.",
                        {"The Peruvian minister": "PERGOV", "Chile": "CHL", "Bolivia": "BOL"}), coder)
    _both(events, "040", "CHL", "BOL")
    assert not any(e.cameo_code.startswith("04") and e.source.code == "PERGOV" for e in events), _show(events)


def test_possessor_and_between_still_name_the_parties(coder: EventCoder) -> None:
    events = _code(Case("Nigeria's talks with Niger ended on Monday.", {"Nigeria": "NGA", "Niger": "NER"}), coder)
    _both(events, "040", "NGA", "NER")
    events = _code(Case("Talks between Nepal and Bhutan resumed in Delhi.", {"Nepal": "NPL", "Bhutan": "BTN"}), coder)
    _both(events, "040", "NPL", "BTN")


# --- whole articles through the full pipeline --------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - heron.pipeline.Coder
    from heron.pipeline import Coder

    return Coder()


def _article_events(pipeline, text: str) -> list[tuple[int, str | None, str, str | None, str]]:  # noqa: ANN001
    coded = pipeline.code_article(Article(id="t-nominal", text=text, published=date(2021, 3, 9)))
    return [(e.sentence_index, e.source_code, e.cameo_code, e.target_code, e.reason) for e in coded.events]


def test_article_meeting_after_a_statement(pipeline) -> None:  # noqa: ANN001
    text = (
        "Iran's foreign minister said on Monday that his country wanted closer ties with Turkey.\n"
        "He made the announcement following a meeting with Turkey's foreign minister in Tehran.\n"
        "The two ministers also discussed trade."
    )
    events = _article_events(pipeline, text)
    meet = [e for e in events if e[0] == 1 and e[2] == "040"]
    pairs = {(e[1], e[3]) for e in meet}
    assert ("IRNGOV", "TURGOV") in pairs and ("TURGOV", "IRNGOV") in pairs, events
    assert all("noun 'meeting'" in e[4] for e in meet), meet


def test_article_phone_call_and_visit(pipeline) -> None:  # noqa: ANN001
    text = (
        "France's president said after a phone call with Germany's chancellor that Europe must act.\n"
        "He spoke to reporters during his visit to Spain."
    )
    events = _article_events(pipeline, text)
    calls = {(e[1][:3], e[3][:3]) for e in events if e[0] == 0 and e[2] == "041" and e[1] and e[3]}
    assert {("FRA", "DEU"), ("DEU", "FRA")} <= calls, events
    visits = [e for e in events if e[0] == 1 and e[2] == "042"]
    assert any(e[1] and e[1].startswith("FRA") and e[3] == "ESP" for e in visits), events
