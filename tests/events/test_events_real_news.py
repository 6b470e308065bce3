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
* An act with no named agent that is "blamed on / attributed to" someone takes them as its source.
* A dharna (a sit-in protest, Indian English) is a demonstration (141).
* A bare retaliation is force back at whoever attacked the retaliator's side just before.
* A subject that names nobody ("no group has claimed responsibility", "none of them was hurt")
  negates the act.
* A claim of responsibility with no victim named is over the country of the attack's place.
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


# --- the one an act is blamed on -------------------------------------------------------------------

BLAMED = [
    Case("Five soldiers were killed in an ambush blamed on the rebels.",
         {"Five soldiers": "COLMIL", "the rebels": "COLREB"}, [("190", "COLREB", "COLMIL")]),
    Case("Two policemen were killed in an ambush attributed to the rebels.",
         {"Two policemen": "COLCOP", "the rebels": "COLREB"}, [("190", "COLREB", "COLCOP")]),
    Case("The murders of three priests were blamed on the army.",
         {"three priests": "SLVREL", "the army": "SLVMIL"}, [("18", "SLVMIL", "SLVREL")]),
]


@pytest.mark.parametrize("case", BLAMED, ids=[c.text[:50] for c in BLAMED])
def test_act_blamed_on_someone_takes_them_as_source(case: Case, coder: EventCoder) -> None:
    events = _check(case, coder)
    assert all(e.source is not None for e in events if e.cameo_code[:2] in ("18", "19")), events


# --- a dharna is a sit-in demonstration (141) ------------------------------------------------------

def test_dharna_is_a_demonstration(coder: EventCoder) -> None:
    _check(Case("Opposition workers staged a dharna outside the assembly.",
                {"Opposition workers": "INDOPP", "the assembly": "INDLEG"}, [("141", "INDOPP", None)]), coder)


# --- a retaliation is against the attackers of the sentence before -----------------------------------

def test_retaliation_is_against_who_attacked_just_before(code) -> None:
    coded = code("Maoists opened fire on a police team in Gadchiroli on Monday. "
                 "The police retaliated and the exchange of fire continued for an hour.")
    back = [e for e in coded.events if e.sentence_index == 1 and e.cameo_root == "19"]
    assert [(e.source_code, e.target_code) for e in back] == [("INDCOP", "INDREB")], _show(coded)


def test_retaliation_in_a_relative_clause(code) -> None:
    coded = code("Militants attacked an Indian army patrol which retaliated, killing a militant.")
    assert ("INDMIL", "INDREB") in _dyads(coded, "19"), _show(coded)


def test_retaliation_with_nobody_before_is_not_coded(code) -> None:
    coded = code("The police in Bihar retaliated.")
    assert not [e for e in coded.events if e.cameo_root == "19"], _show(coded)


def test_threatened_retaliation_stays_a_threat(code) -> None:
    coded = code("Pakistan said it would retaliate against India.")
    assert [e for e in coded.events if e.cameo_root == "13"], _show(coded)
    assert not [e for e in coded.events if e.cameo_root == "19"], _show(coded)


def test_retaliation_against_an_attack_earlier_in_the_sentence(code) -> None:
    coded = code("When the Maoists opened fire in Bihar, the police retaliated.")
    assert ("INDCOP", "INDREB") in _dyads(coded, "19"), _show(coded)


def test_the_security_forces_retaliate_for_their_commandos(code) -> None:
    coded = code("Maoists opened fire on a team of Indian commandos in Gadchiroli. "
                 "The Indian Security Forces retaliated.")
    back = [e for e in coded.events if e.sentence_index == 1 and e.cameo_root == "19"]
    assert [(e.source_code[:3], e.target_code) for e in back] == [("IND", "INDREB")], _show(coded)


# --- a subject that names nobody negates the act ----------------------------------------------------

NOBODY = [
    Case("No militant group has claimed responsibility for the attack.", {"militant group": "INDREB"}, [],
         absent=["015"]),
    Case("None of the rebel groups has taken responsibility for the bombing.", {"the rebel groups": "COLREB"}, [],
         absent=["015"]),
    Case("No country has recognised the new government.", {"country": "XXX", "the new government": "AFGGOV"}, [],
         absent=["0"]),
    # the nobody of another clause with its own subject does not negate it
    Case("No officer wants trouble in his district, so the police encourage peace committees.",
         {"the police": "INDCOP", "peace committees": "INDCVL"}, [("02", "INDCOP", "INDCVL")]),
    # a named claimant still claims
    Case("The rebel group has claimed responsibility for the attack on the police.",
         {"The rebel group": "INDREB", "the police": "INDCOP"}, [("015", "INDREB", "INDCOP")]),
]


@pytest.mark.parametrize("case", NOBODY, ids=[c.text[:50] for c in NOBODY])
def test_nobody_as_subject_negates(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_nobody_hurt_is_no_assault(code) -> None:
    coded = code("Maoists attacked a police camp in Bihar. None of the policemen was hurt.")
    assert not [e for e in coded.events if e.sentence_index == 1], _show(coded)


# --- a claim with no victim named is over the country of the attack's place --------------------------

def test_claim_of_an_attack_in_a_country_targets_it(code) -> None:
    coded = code("The Islamic State group has claimed responsibility for the attack in Spain, according to a statement.")
    claims = [e for e in coded.events if e.cameo_code == "015"]
    assert [e.target_code for e in claims] == ["ESP"], _show(coded)


def test_claim_of_victims_keeps_the_victims(code) -> None:
    coded = code("The Maoists claimed responsibility for the killing of five policemen in Bihar.")
    claims = [e for e in coded.events if e.cameo_code == "015"]
    assert [e.target_code for e in claims] == ["INDCOP"], _show(coded)
