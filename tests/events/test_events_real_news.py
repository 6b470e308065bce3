"""Issue 10 (real news, whole articles): constructions that recur in the news-mixed dev articles.
Sentences written for these tests.

* An event noun whose parties' phrase hangs on a verb that only says it happened ("a gun battle
  *took place / broke out between* X and Y", "clashes erupted between ...") is that fight, both ways.
* "an exchange of fire (between X and Y / with X)" is small-arms fighting (193), both ways.
* Parties named in a between-phrase are each other's targets; the place of the fight is no party.
* "took place in X" is not "take in" (an arrest).
* A killing told as a noun with its weapon in an in-phrase ("the killing of seven policemen in an
  IED explosion") is coded as that attack; a claimed attack takes the claimant as its source, even
  where the place's country stood in for the missing agent.
"""

from __future__ import annotations

from datetime import date

import pytest

from heron.events import EventCoder
from heron.pipeline import code_text

from .helpers import nlp
from .test_events_round3 import _check
from .test_events_sentences import Case


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


@pytest.fixture(scope="module")
def code():
    from heron.pipeline import Coder

    pipeline = Coder()

    def run(text: str):
        return code_text(text, published=date(2024, 3, 5), coder=pipeline)

    return run


def _dyads(coded, root: str) -> set[tuple[str | None, str | None]]:
    return {(e.source_code, e.target_code) for e in coded.events if e.cameo_code.startswith(root)}


def _show(coded) -> list[tuple]:
    return [(e.sentence_index, e.cameo_code, e.source_code, e.target_code, e.trigger) for e in coded.events]


# --- fights told as happening between two parties ---------------------------------------------------

OCCURRED = [
    Case("A gun battle broke out between the rebels and the army.",
         {"the rebels": "SLVREB", "the army": "SLVMIL"}, [("193", "SLVREB", "SLVMIL"), ("193", "SLVMIL", "SLVREB")]),
    Case("A fierce gun battle took place between the rebels and the army on Monday.",
         {"the rebels": "SLVREB", "the army": "SLVMIL"}, [("193", "SLVREB", "SLVMIL"), ("193", "SLVMIL", "SLVREB")]),
    Case("Heavy clashes erupted between the police and the protesters.",
         {"the police": "INDCOP", "the protesters": "INDCVL"}, [("190", "INDCOP", "INDCVL")]),
    Case("An exchange of fire took place between the army and the militants.",
         {"the army": "INDMIL", "the militants": "INDREB"}, [("193", "INDMIL", "INDREB"), ("193", "INDREB", "INDMIL")]),
    Case("There was an exchange of fire between the police and the Maoists.",
         {"the police": "INDCOP", "the Maoists": "INDREB"}, [("193", "INDCOP", "INDREB"), ("193", "INDREB", "INDCOP")]),
    # a meeting told the same way
    Case("A meeting took place between Putin and Erdogan.",
         {"Putin": "RUSGOV", "Erdogan": "TURGOV"}, [("040", "RUSGOV", "TURGOV")], absent=["17"]),
    # an exchange of anything else is no fight
    Case("The two countries agreed on an exchange of prisoners.", {}, [], absent=["19"]),
]


@pytest.mark.parametrize("case", OCCURRED, ids=[c.text[:50] for c in OCCURRED])
def test_fight_that_took_place_between_two_parties(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_parties_between_are_each_others_targets_not_the_place(code) -> None:
    coded = code("A gun battle broke out between Maoists and the police in Bihar on Monday.")
    assert _dyads(coded, "19") == {("INDREB", "INDCOP"), ("INDCOP", "INDREB")}, _show(coded)


def test_clashes_in_a_city_are_not_with_the_country(code) -> None:
    coded = code("There were clashes between guerrillas and government troops in San Salvador.")
    dyads = _dyads(coded, "19")
    assert dyads, _show(coded)
    assert not [d for d in dyads if "SLV" in d], _show(coded)  # the bare country is no party


def test_exchanged_fire_in_a_state_pairs_the_parties(code) -> None:
    coded = code("Maoists and the police exchanged fire in Bihar.")
    assert _dyads(coded, "19") == {("INDREB", "INDCOP"), ("INDCOP", "INDREB")}, _show(coded)


def test_took_place_in_is_no_arrest(code) -> None:
    coded = code("The attack took place in Khar, the main town of Bajaur.")
    assert not [e for e in coded.events if e.cameo_root == "17"], _show(coded)
    coded = code("The meeting took place in Sochi.")
    assert not [e for e in coded.events if e.cameo_root == "17"], _show(coded)


# --- a killing by a weapon, and the claimed attack ---------------------------------------------------

KILLINGS = [
    Case("The killing of two soldiers in a roadside bombing angered the public.",
         {"two soldiers": "INDMIL"}, [("1833", None, "INDMIL")], absent=["190"]),
    Case("The Maoists claimed responsibility for the killing of seven policemen in an IED explosion.",
         {"The Maoists": "INDREB", "seven policemen": "INDCOP"},
         [("015", "INDREB", "INDCOP"), ("183", "INDREB", "INDCOP")], absent=["190"]),
]


@pytest.mark.parametrize("case", KILLINGS, ids=[c.text[:50] for c in KILLINGS])
def test_killing_noun_takes_the_weapon_of_its_phrase(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_claimed_killing_takes_the_claimant_not_the_place(code) -> None:
    coded = code("The Maoists have claimed responsibility for the killing of five policemen in a bomb blast in Bihar.")
    claims = [e for e in coded.events if e.cameo_code == "015"]
    attacks = [e for e in coded.events if e.cameo_root == "18"]
    assert claims and attacks, _show(coded)
    assert {e.source_code for e in attacks} == {claims[0].source_code}, _show(coded)
    assert all(e.source_code != "IND" for e in attacks), _show(coded)  # not the place's country
    assert not [e for e in coded.events if e.cameo_code == "190"], _show(coded)
