"""Targets an act's own words leave implicit.

* A state of emergency or a curfew (CAMEO 1723, 1724) declared by a government with no place or
  people named is imposed on its own country: "Iraq's interim government declared a state of
  emergency" -> IRQGOV 1724 IRQ.
* A claim of responsibility (015) for an attack named in the same sentence takes the attack's
  victims as its target, and the attack, when nobody else is named for it, takes the claimant as
  its source: "the Maoists claimed responsibility for the killing of seven policemen" -> Maoists
  015 police, and Maoists 18x police.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from heron.events.attribution import Argument
from heron.events.places import builtin_knowledge
from heron.records import EventCandidate, Mention

#: codes imposed on the people of the country that declares them, when no other target is named
OWN_PEOPLE_CODES = frozenset({"1723", "1724"})
CLAIM_CODE = "015"
#: the rows of a claim of responsibility (01-statement.yaml); with no victim named the claim is over
#: the country of the attack's place ("claimed responsibility for the Cambrils attack in Spain")
CLAIM_ROWS = ("stmt.claim-responsibility/",)
#: the reason's words for a target taken from the place of the act (coder.py)
PLACE_TARGET_NOTE = "place of the act (fallback)"
#: the reason's words for a source taken from the place of an act with no agent named (coder.py)
PLACE_SOURCE_NOTE = "place of the act, no agent named"
#: roots of the attacks a claim of responsibility is about
ATTACK_ROOTS = frozenset({"18", "19", "20"})


def own_country_target(source: Argument, doc: Doc, *, sentence_index: int) -> Argument | None:
    """The source's own country, as a target mention over the source's words (None when the
    source is not of one country)."""
    countries = {a.country for men in source.mentions for a in men.actors if a.country}
    if len(countries) != 1:
        return None
    iso3 = countries.pop()
    entry = builtin_knowledge().country(iso3)
    if entry is None:
        return None
    men = source.mentions[0]
    span = doc[men.tok_start:men.tok_end]
    mention = Mention.over(span, (entry.to_actor(),), sentence_index=sentence_index, resolved_by="context")
    return Argument([mention], "source's own country (state of emergency, curfew)", False)


def link_claims(events: Sequence[EventCandidate]) -> list[EventCandidate]:
    """Claims of responsibility and the attacks they claim, in one sentence (module docstring)."""
    claims = [e for e in events if e.cameo_code == CLAIM_CODE and e.source is not None]
    if not claims:
        return list(events)
    attacks = [e for e in events if e.cameo_code[:2] in ATTACK_ROOTS and e.trigger_start > min(
        c.trigger_start for c in claims)]
    if not attacks:
        return list(events)
    out: list[EventCandidate] = []
    seen: set[tuple] = set()
    for e in events:
        if e.cameo_code == CLAIM_CODE and e.source is not None and (e.target is None or PLACE_TARGET_NOTE in e.reason):
            victims = [a for a in attacks if a.target is not None and a.trigger_start > e.trigger_start]
            if victims:
                v = victims[0]
                e = dataclasses.replace(e, target=v.target, target_text=v.target_text,
                                        reason=f"{e.reason}; target: the victims of the claimed {v.trigger!r}")
        elif e in attacks and (e.source is None or PLACE_SOURCE_NOTE in e.reason):
            # the place's country stood in for an agent nobody named; the claimant is named
            claim = next((c for c in claims if c.trigger_start < e.trigger_start), None)
            if claim is not None:
                e = dataclasses.replace(e, source=claim.source, source_text=claim.source_text,
                                        reason=f"{e.reason}; source: who claimed responsibility "
                                               f"({claim.trigger!r})")
        key = (e.cameo_code, e.trigger_start, e.source.code if e.source else None,
               e.target.code if e.target else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out
