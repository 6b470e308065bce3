"""Assassination (CAMEO 186) instead of a generic killing: one prominent person killed.

"Militants shot dead a local politician", "gunmen murdered the mayor": CAMEO codes the targeted
killing of a political leader or official as 186. A generic kill code (``generic`` in
``data/ranking/assassination.yaml``) told by a killing verb, whose target is a single person of a
leading sector (``leaders``) and no combatant one, by an attacker that is not a state's force,
becomes ``code`` (186). Several victims ("killed five councillors") stay a killing.

The victim's position reported in so many words counts as well, when no actor of its own names the
victim: "guerrillas killed *the deputy chief* of X's militia", "gunmen shot dead *the mayor* of Y"
(CAMEO 186: coded so "because of the position the victim held"): one (singular) victim whose head
noun is a title of the table's ``titles``, killed by a non-state attacker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from heron.events.matcher import grammatical_object
from heron.events.ranking_tables import load_ranking_table
from heron.events.unconventional import _sectors, state_force, unconventional_rule
from heron.records import Actor


@dataclass(frozen=True, slots=True)
class AssassinationRule:
    code: str
    generic: frozenset[str]
    kill_verbs: frozenset[str]
    leaders: frozenset[str]
    titles: frozenset[str]  # a victim named by one of these holds a prominent position


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
                       source_named: bool = True, target_span: tuple[int, int] | None = None) -> tuple[str, str]:
    """186 with a note for the event's reason, or ``code`` unchanged and "" (module docstring)."""
    rule = assassination_rule()
    if code not in rule.generic or not _killing(verb, rule):
        return code, ""
    title = _titled_victim(verb, target_span, rule.titles)
    if title is not None:
        if target is not None and _sectors(target) & unconventional_rule().combatant:
            return code, ""
        if source_named and state_force(source):
            return code, ""
        return rule.code, f"the victim's position is reported ({title!r}): {code} -> {rule.code}"
    if target is None:
        return code, ""
    secs = _sectors(target)
    if not secs & rule.leaders or secs & unconventional_rule().combatant or not _one_person(target):
        return code, ""
    if source_named and state_force(source):
        return code, ""
    return rule.code, f"a leading person killed ({target.code}): {code} -> {rule.code}"


def _titled_victim(verb: Token, target_span: tuple[int, int] | None, titles: frozenset[str]) -> str | None:
    """The killed is one person named by a title and by no actor word of its own ("the deputy
    chief of X", "the town's mayor"; not "two ministers", not "the Iraqi minister", not a title that
    is itself the target's mention, "the opposition leader": the actor's sectors decide that)."""
    obj = grammatical_object(verb)
    if obj is None or obj.pos_ != "NOUN" or obj.tag_ != "NN" or obj.lemma_.lower() not in titles:
        return None
    if target_span is not None and target_span[0] <= obj.i < target_span[1]:
        return None
    if any(c.dep_ in ("nummod", "conj") or (c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.ent_type_))
           for c in obj.children):
        return None  # several, or an actor's own word on the title ("the Iraqi minister"): the actor rule
    return obj.lemma_.lower()
