"""Assassination (CAMEO 186) instead of a generic killing: one prominent person killed.

"Militants shot dead a local politician", "gunmen murdered the mayor": CAMEO codes the targeted
killing of a political leader or official as 186. A generic kill code (``generic`` in
``data/ranking/assassination.yaml``) told by a killing verb, whose target is a single person of a
leading sector (``leaders``) and no combatant one, by an attacker that is not a state's force,
becomes ``code`` (186). Several victims ("killed five councillors") stay a killing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from heron.events.ranking_tables import load_ranking_table
from heron.events.unconventional import _sectors, state_force, unconventional_rule
from heron.records import Actor


@dataclass(frozen=True, slots=True)
class AssassinationRule:
    code: str
    generic: frozenset[str]
    kill_verbs: frozenset[str]
    leaders: frozenset[str]


@lru_cache(maxsize=1)
def assassination_rule() -> AssassinationRule:
    return load_ranking_table("assassination.yaml", AssassinationRule)


def _killing(verb: Token, rule: AssassinationRule) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in rule.kill_verbs:
        return True
    return lemma == "shoot" and any(c.lower_ == "dead" for c in verb.children)  # "shot dead"


def _one_person(actor: Actor) -> bool:
    """A named person, or a singular role noun ("a local politician", not "councillors")."""
    if actor.kind == "person":
        return True
    role = (actor.role or "").lower()
    return bool(role) and actor.name.lower().split()[-1:] == role.split()[-1:]


def assassination_code(code: str, target: Actor | None, verb: Token, *, source: Actor | None = None,
                       source_named: bool = True) -> tuple[str, str]:
    """186 with a note for the event's reason, or ``code`` unchanged and "" (module docstring)."""
    rule = assassination_rule()
    if code not in rule.generic or target is None or not _killing(verb, rule):
        return code, ""
    secs = _sectors(target)
    if not secs & rule.leaders or secs & unconventional_rule().combatant or not _one_person(target):
        return code, ""
    if source_named and state_force(source):
        return code, ""
    return rule.code, f"a leading person killed ({target.code}): {code} -> {rule.code}"
