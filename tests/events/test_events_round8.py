"""Round 8: statements kept when the event under them lacked only a target, calls for punishment,
announced blockades, purpose clauses of sending verbs. Sentences written for these tests."""

from __future__ import annotations

import pytest

from heron.events import EventCoder

from .helpers import nlp
from .test_events_round3 import _check
from .test_events_round7 import _main
from .test_events_sentences import Case, _code, _show


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


FIXES = [
    # the event under "said" had its source (the speaker, through "they") but no target: the
    # statement is still coded
    Case("Kenyan officials said they agree with the proposal.", {"Kenyan officials": "KENGOV"},
         [("010", "KENGOV", None)]),
    # a sanction asked for with nobody named to impose it: verbal conflict with the punished side
    Case("The Peruvian bishops called for sanctions against Bolivia.",
         {"The Peruvian bishops": "PERREL", "Bolivia": "BOL"}, [("1312", "PERREL", "BOL")], absent=["02"]),
    Case("Norway urged sanctions on Myanmar over the crackdown.",
         {"Norway": "NOR", "Myanmar": "MMR"}, [("1312", "NOR", "MMR")], absent=["02"]),
    # a blockade its author announces for the future is a threat to blockade
    Case("The Chilean navy will impose a blockade on the Peruvian port.",
         {"The Chilean navy": "CHLMIL", "Peruvian": "PER"}, [("1381", "CHLMIL", None)], absent=["19"]),
]


@pytest.mark.parametrize("case", FIXES, ids=[c.text[:50] for c in FIXES])
def test_round8_fix(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_appeal_to_an_addressee_to_punish_stays_an_appeal(coder: EventCoder) -> None:
    case = Case("Norway urged the council to impose sanctions on Myanmar.",
                {"Norway": "NOR", "the council": "IGOUNO", "Myanmar": "MMR"})
    events = _code(case, coder)
    assert not [e for e in events if e.cameo_code.startswith("13")], _show(events)


PURPOSE = [
    (Case("The UN sent personnel to investigate the killings in Darfur.", {"The UN": "IGOUNO", "Darfur": "SDN"}), "09"),
    (Case("Kenya deployed troops to protect Somali refugees.", {"Kenya": "KEN", "Somali refugees": "SOMREF"}), "07"),
]


@pytest.mark.parametrize("case,root", PURPOSE, ids=[c.text[:50] for c, _ in PURPOSE])
def test_purpose_of_a_sending_verb_is_the_main_event(case: Case, root: str, coder: EventCoder) -> None:
    assert _main(case, coder).cameo_code.startswith(root), _show(_code(case, coder))
