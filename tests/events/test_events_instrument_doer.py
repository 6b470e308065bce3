"""Who acted, when the act's subject is a quantity of attacks or a weapon done "by" someone (issue 10,
class 5): "a series of airstrikes by Russian jets killed ..." is Russia's act, "shells fired by
Syrian troops killed ..." the troops'. Sentences written for these tests."""

from __future__ import annotations

import pytest

from heron.events import EventCoder

from .helpers import nlp
from .test_events_round3 import _check
from .test_events_sentences import Case


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


CASES = [
    # a quantity noun holding the attacks, the doer's nationality on the weapon named by "by"
    Case("A series of airstrikes by Russian jets killed dozens of fighters near Aleppo.",
         {"fighters": "SYRREB"}, [("195", "RUS", "SYRREB")]),
    # the weapon as subject, its doer the agent of "fired by"
    Case("Shells fired by Syrian troops killed four farmers in the village.",
         {"Syrian troops": "SYRMIL", "four farmers": "SYRCVL"}, [("190", "SYRMIL", "SYRCVL")]),
    # in a passive: "killed in a series of raids by Nigerian soldiers"
    Case("Three villagers were killed in a series of raids by Nigerian soldiers.",
         {"Three villagers": "NGACVL", "Nigerian soldiers": "NGAMIL"}, [("190", "NGAMIL", "NGACVL")]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:40])
def test_doer_of_the_instrument_is_the_source(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_a_weapon_with_no_owner_names_no_source(coder: EventCoder) -> None:
    # "by a roadside bomb": a weapon nobody is named for gives no doer (the bomb is no actor)
    events = _check(Case("Two soldiers were wounded by a roadside bomb near the border.",
                         {"Two soldiers": "AFGMIL"}, [("18", None, "AFGMIL")]), coder)
    assert all(e.source is None for e in events if e.cameo_code.startswith("18"))


def test_fighters_are_people_not_aircraft(coder: EventCoder) -> None:
    # "fighters" as the subject are combatants: no air strike (195); "fighter jets" still are aircraft
    _check(Case("Islamic State fighters killed twelve villagers near Mosul.",
                {"Islamic State fighters": "IMGMUSISI", "twelve villagers": "IRQCVL"},
                [("18", "IMGMUSISI", "IRQCVL")], absent=["195"]), coder)
    _check(Case("Israeli fighter jets killed five militants in Gaza.",
                {"Israeli": "ISR", "five militants": "PSEREB"}, [("195", None, "PSEREB")]), coder)
