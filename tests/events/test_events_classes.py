"""Error classes of the event coder, one test group per class (sentences written for these tests):
the main event over the saying, targets found outside the row's own slots, the author of a
document, measure phrases, announced harm as a threat, failed and broken agreements, wishes that
ask someone else to act, and the object row over the bare preposition row.
"""

from __future__ import annotations

import pytest

from heron.events import EventCoder, load_lexicon
from heron.records import EventCandidate

from .helpers import nlp
from .test_events_sentences import Case, _code, _matches, _show


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


def _main(events: list[EventCandidate]) -> EventCandidate:
    assert events, "no event coded"
    return max(events, key=lambda e: e.confidence)


# --- class 2: the saying never outranks what was said -------------------------------------------


def test_reported_event_outranks_the_saying(coder: EventCoder) -> None:
    events = _code(Case("Chilean officials said Brazil lifted its sanctions against Paraguay.",
                        {"Chilean officials": "CHLGOV", "Brazil": "BRA", "Paraguay": "PRY"}), coder)
    main = _main(events)
    assert main.cameo_code.startswith("08") and main.source.code == "BRA", _show(events)
    assert main.reported_by is not None


def test_saying_is_not_coded_over_an_event_dropped_for_its_dyad(coder: EventCoder) -> None:
    """The signing under "said" has a source but no partner; it is dropped, and the saying with it."""
    events = _code(Case("Reporters in Lima said Chile signed the treaty on Monday.",
                        {"Reporters": "PERMED", "Chile": "CHL", "Lima": "PER"}), coder)
    assert not [e for e in events if e.cameo_code.startswith("01")], _show(events)


def test_bare_saying_is_still_coded(coder: EventCoder) -> None:
    events = _code(Case("Kenya told Uganda that the weather was fine.", {"Kenya": "KEN", "Uganda": "UGA"}), coder)
    assert any(_matches(e, ("010", "KEN", "UGA")) for e in events), _show(events)


# --- class 1: targets the row's own slots miss ----------------------------------------------------


@pytest.mark.parametrize("case", [
    Case("Hezbollah threatened to deliver a crushing blow to Israel.",
         {"Hezbollah": "LBNREBHEZ", "Israel": "ISR"}, [("13", "LBNREBHEZ", "ISR")]),
    Case("Riot police used tear gas to disperse the students.",
         {"Riot police": "ZWECOP", "the students": "ZWEEDU"}, [("17", "ZWECOP", "ZWEEDU")]),
    Case("Moldova threatened to secede from the federation of Russia.",
         {"Moldova": "MDA", "Russia": "RUS"}, [("13", "MDA", "RUS")]),
], ids=["prep-of-embedded", "purpose-clause", "of-phrase"])
def test_fallback_targets(case: Case, coder: EventCoder) -> None:
    events = _code(case, coder)
    exp = case.expect[0]
    hit = [e for e in events if _matches(e, exp)]
    assert hit, f"missing {exp} in:\n{_show(events)}"
    assert "fallback" in hit[0].reason


def test_fallback_never_targets_the_source_itself(coder: EventCoder) -> None:
    """"its nationals" is Libya again: no Libya -> Libya event (and none at all under require_dyad)."""
    events = _code(Case("Libya offered to hand over two of its nationals.", {"Libya": "LBY", "its": "LBY"}), coder)
    assert not [e for e in events if e.target is not None and e.target.code == "LBY"], _show(events)


def test_document_speaks_for_its_author(coder: EventCoder) -> None:
    events = _code(Case("The Kurdish party issued a statement demanding that Turkey release the prisoners.",
                        {"The Kurdish party": "TURPTY", "Turkey": "TUR"}), coder)
    assert any(e.cameo_code.startswith("10") and e.source.code == "TURPTY" for e in events), _show(events)


# --- measure phrases ---------------------------------------------------------------------------


def test_measure_phrase_carries_the_noun(coder: EventCoder) -> None:
    events = _code(Case("Japan sent 3,000 tons of food aid to Nepal.", {"Japan": "JPN", "Nepal": "NPL"}), coder)
    assert any(_matches(e, ("07", "JPN", "NPL")) for e in events), _show(events)
    lex = load_lexicon()
    assert {"tons", "thousands"} <= lex.quantity_nouns


# --- class 3: modality: announced harm, failure, broken promises --------------------------------


def test_announced_future_harm_is_a_threat(coder: EventCoder) -> None:
    events = _code(Case("Turkey said it will impose sanctions on Syria.",
                        {"Turkey": "TUR", "it": "TUR", "Syria": "SYR"}), coder)
    assert any(_matches(e, ("1312", "TUR", "SYR")) for e in events), _show(events)
    assert not [e for e in events if e.cameo_code.startswith("16")]


def test_future_harm_told_by_others_is_not_their_threat(coder: EventCoder) -> None:
    events = _code(Case("Greek officials said Turkey will impose sanctions on Syria.",
                        {"Greek officials": "GRCGOV", "Turkey": "TUR", "Syria": "SYR"}), coder)
    assert not [e for e in events if e.cameo_code.startswith("13")], _show(events)
    hit = [e for e in events if _matches(e, ("163", "TUR", "SYR"))]
    assert hit and hit[0].modality == "future", _show(events)


def test_announced_withdrawal_of_inspectors_is_a_threat(coder: EventCoder) -> None:
    """The object row (inspectors: 1662) beats the bare "withdraw from" row (087); announced, it is 136."""
    events = _code(Case("The agency chief announced that he will withdraw the inspectors from Iran.",
                        {"The agency chief": "IGOUNOIAE", "he": "IGOUNOIAE", "Iran": "IRN"}), coder)
    assert any(_matches(e, ("136", "IGOUNOIAE", "IRN")) for e in events), _show(events)
    assert not [e for e in events if e.cameo_code.startswith(("03", "08"))]


def test_object_row_beats_preposition_row(coder: EventCoder) -> None:
    events = _code(Case("Russia withdrew its inspectors from Georgia.", {"Russia": "RUS", "Georgia": "GEO"}), coder)
    assert any(_matches(e, ("1662", "RUS", "GEO")) for e in events), _show(events)


def test_failed_agreement_is_a_breakdown(coder: EventCoder) -> None:
    events = _code(Case("Serbia and Kosovo failed to reach an agreement on Monday.",
                        {"Serbia and Kosovo": ("SRB", "XKX")}), coder)
    assert any(_matches(e, ("164", "SRB", "XKX")) for e in events), _show(events)
    assert not [e for e in events if e.cameo_code.startswith(("03", "05"))]


def test_failed_act_is_not_emitted(coder: EventCoder) -> None:
    events = _code(Case("Egypt failed to attack Libya.", {"Egypt": "EGY", "Libya": "LBY"}), coder)
    assert events == [], _show(events)


@pytest.mark.parametrize("text", [
    "Kenya reneged on its promise to Somalia.",
    "Kenya broke its promise to Somalia.",
])
def test_broken_promise_is_a_rejection(text: str, coder: EventCoder) -> None:
    events = _code(Case(text, {"Kenya": "KEN", "Somalia": "SOM"}), coder)
    assert any(_matches(e, ("12", "KEN", "SOM")) for e in events), _show(events)
    assert not [e for e in events if e.cameo_code.startswith("03")]


def test_wish_for_another_to_act_is_an_appeal(coder: EventCoder) -> None:
    events = _code(Case("Poland wants Germany to release the prisoners.", {"Poland": "POL", "Germany": "DEU"}), coder)
    assert any(_matches(e, ("02", "POL", "DEU")) for e in events), _show(events)
    assert not [e for e in events if e.cameo_code.startswith("03")]
