"""The host of a visit named only as a place: "arrived in Zimbabwe", "visited Harare".

CAMEO codes the host country as the target of a visit (042). The mention finder does not make
actors of locative places on purpose ("talks in Geneva" are not talks with Switzerland), so the
coder looks at the visit's own place words instead: a GPE entity that is the object of the visit
verb or of its "to"/"in"/"into" phrase, whose country the actor tables know (a country or a
capital). Such a target is indirect.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from spacy.tokens import Span, Token

from heron.events.matcher import Match, grammatical_object, prep_objects, preps
from heron.records import Mention

log = logging.getLogger(__name__)

#: codes whose target is the host when only a place is named (make a visit)
HOST_PLACE_CODES = frozenset({"042"})
PLACE_PREPS = ("to", "in", "into")
PLACE_LABELS = frozenset({"GPE"})
#: actor-table kinds that stand for a country when named as a place
COUNTRY_KINDS = frozenset({"country", "capital"})


@functools.lru_cache(maxsize=1)
def _knowledge():
    from heron.actors.knowledge import load_builtin

    return load_builtin()


@functools.lru_cache(maxsize=4096)
def place_country(name: str):
    """The builtin actor entry of a country or capital named ``name`` (None when unknown)."""
    entry = _knowledge().resolve(name)
    if entry is None or entry.kind not in COUNTRY_KINDS or not entry.country:
        return None
    return entry


def place_tokens(match: Match) -> list[Token]:
    """The words naming where a visit went: its object, then its to/in/into phrases."""
    anchors = [match.token] if match.host is None else [match.token, match.host]
    out: list[Token] = []
    if match.pattern.pos == "verb":
        obj = grammatical_object(match.token)
        if obj is not None:
            out.append(obj)
    for a in anchors:
        for word in PLACE_PREPS:
            for p in preps(a, word):
                out.extend(prep_objects(p))
    return out


def host_place(match: Match, *, sentence_index: int, exclude_countries: Sequence[str] = ()) -> Mention | None:
    """A mention standing for the country a visit went to, built from a place name in the parse."""
    for tok in place_tokens(match):
        ent = _entity(tok)
        if ent is None:
            continue
        entry = place_country(ent.text)
        if entry is None or entry.country in exclude_countries:
            continue
        country = _knowledge().country(entry.country) or entry
        actor = country.to_actor()
        log.debug("visit host from place %r -> %s", ent.text, actor.code)
        return Mention.over(ent, (actor,), sentence_index=sentence_index, resolved_by="context")
    return None


def _entity(tok: Token) -> Span | None:
    for t in (tok, *tok.conjuncts):
        if t.ent_type_ in PLACE_LABELS:
            for ent in t.doc.ents:
                if ent.start <= t.i < ent.end:
                    return ent
    return None
