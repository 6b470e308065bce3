"""Unconventional violence against non-combatants (CAMEO 18x) instead of conventional force (19x).

"Gunmen killed five villagers", "rebels shot dead a local politician": CAMEO codes violence aimed
at unarmed civilians as root 18 and keeps root 19 for conventional force between armed parties.
A generic kill or shooting code (``generic`` in ``data/ranking/unconventional.yaml``) whose
target actor is of a non-combatant sector, and none of a combatant one, by an attacker that is
not a state's force ("Syrian soldiers killed three civilians" stays 190), or whose source is a
criminal (``unconventional_sources``: "gunmen", "assailants" coded CRM), becomes ``code`` (180),
unless the act's own words name a conventional weapon or battle ("air strikes killed 13
civilians" stays conventional force: CAMEO's aerial-weapons code, not an assault).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from heron.events.ranking_tables import load_ranking_table
from heron.records import Actor


@dataclass(frozen=True, slots=True)
class UnconventionalRule:
    code: str
    generic: frozenset[str]
    noncombatant: frozenset[str]
    combatant: frozenset[str]
    unconventional_sources: frozenset[str]
    state: frozenset[str]
    conventional_words: frozenset[str]


@lru_cache(maxsize=1)
def unconventional_rule() -> UnconventionalRule:
    return load_ranking_table("unconventional.yaml", UnconventionalRule)


def _sectors(actor: Actor) -> set[str]:
    secs = set(actor.sectors)
    code = actor.code or ""
    secs |= {code[i:i + 3] for i in range(3, len(code) - 2, 3)}
    return secs


def noncombatant(actor: Actor | None, rule: UnconventionalRule | None = None) -> bool:
    """Is ``actor`` an unarmed party (civilians, teachers, a politician), and no armed one?"""
    if actor is None:
        return False
    rule = rule or unconventional_rule()
    secs = _sectors(actor)
    return bool(secs & rule.noncombatant) and not secs & rule.combatant


def state_force(actor: Actor | None, rule: UnconventionalRule | None = None) -> bool:
    """Is ``actor`` a state's armed force or government, or a state or IGO named bare?"""
    if actor is None:
        return False
    rule = rule or unconventional_rule()
    secs = _sectors(actor)
    if not secs:
        return actor.kind in ("country", "igo")
    return bool(secs & rule.state)


def unconventional_code(code: str, target: Actor | None, clause: Token, *,
                        source: Actor | None = None, source_named: bool = True) -> tuple[str, str]:
    """The 18x code for a generic killing of non-combatants by a non-state or unnamed attacker, or
    by criminals, in ``clause`` (module docstring), with a note for the event's reason; else
    ``code`` unchanged and "". ``source_named`` is False when the source is only the place's country."""
    rule = unconventional_rule()
    if code not in rule.generic:
        return code, ""
    if noncombatant(target, rule) and not (source_named and state_force(source, rule)):
        why = f"against non-combatants ({target.code})"
    elif source is not None and _sectors(source) & rule.unconventional_sources:
        why = f"by criminals ({source.code})"
    else:
        return code, ""
    words = {w for t in clause.subtree for w in (t.lower_, t.lemma_.lower())}
    if words & rule.conventional_words:
        return code, ""
    return rule.code, f"{why}: {code} -> {rule.code}"
