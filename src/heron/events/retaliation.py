"""Whom a retaliation is against: "Maoists opened fire on a police team. The police retaliated"
(or "When the Maoists opened fire, the police retaliated"): a use of force back (190) whose
sentence names no target is against the one who attacked the retaliator just before, in an
earlier act of the same sentence or of the sentence before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from heron.records import Actor, EventCandidate

#: the row that reports a retaliation with no target of its own (19-fight.yaml)
RETALIATION_ROWS = ("fight.retaliate-bare/",)
VIOLENT_ROOTS = ("18", "19", "20")


#: a state's armed services count as one side: "commandos" attacked, the "security forces" retaliated
SECURITY_SECTORS = frozenset({"MIL", "COP"})


def _same_side(a: Actor, b: Actor) -> bool:
    if a.code == b.code:
        return True
    if not (a.country and a.country == b.country):
        return False
    sa, sb = set(a.sectors), set(b.sectors)
    return bool(sa & sb) or bool(sa & SECURITY_SECTORS and sb & SECURITY_SECTORS)


def _attacker(e: EventCandidate, retaliator: Actor) -> Actor | None:
    """The source of ``e`` when ``e`` is an attack on the retaliator (or on nobody named)."""
    if e.cameo_code[:2] not in VIOLENT_ROOTS or e.source is None or _same_side(e.source, retaliator):
        return None
    if e.target is not None and not _same_side(e.target, retaliator) and not (
            e.target.code == e.target.country == retaliator.country):  # "opened fire in Bihar": only the place
        return None
    return e.source


def link_retaliations(events: Sequence[EventCandidate], before: Sequence[EventCandidate] = ()) -> list[EventCandidate]:
    """Give each targetless retaliation in ``events`` (one sentence) the attacker of an earlier act
    in the sentence, else of ``before`` (the sentence before), latest first; one with no such act
    is dropped (the coder keeps it only for this link)."""
    out = list(events)
    for k, e in enumerate(out):
        if (e.target is not None or e.source is None or not e.pattern_id.startswith(RETALIATION_ROWS)
                or e.cameo_code[:2] != "19"):
            continue
        if e.modality != "asserted":  # "speculation that Russia would retaliate": no act to link
            out[k] = None
            continue
        earlier = [x for x in out if x is not None and x.trigger_start < e.trigger_start]
        for x in sorted(earlier, key=lambda x: -x.trigger_start) + list(reversed(before)):
            who = _attacker(x, e.source)
            if who is not None:
                out[k] = dataclasses.replace(e, target=who, target_text=x.source_text,
                                             reason=f"{e.reason}; target: who attacked them before ({x.trigger!r})")
                break
        else:
            out[k] = None  # nobody attacked them just before: the dyad rule drops it after all
    return [e for e in out if e is not None]
