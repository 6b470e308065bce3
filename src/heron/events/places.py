"""Targets named only as places.

The host of a visit: "arrived in Zimbabwe", "visited Harare".

CAMEO codes the host country as the target of a visit (042). The mention finder does not make
actors of locative places on purpose ("talks in Geneva" are not talks with Switzerland), so the
coder looks at the visit's own place words instead: a GPE entity that is the object of the visit
verb or of its "to"/"in"/"into" phrase, whose country the actor tables know (a country or a
capital). Such a target is indirect.

The place of a material act that names no target actor: "air strikes hit Eastern Ghouta",
"imposed blockades in west Darfur", "provided food to 300,000 people in northeast Nigeria". Its
country (from the geoparser's resolved places) stands for the people there, as ICEWS codes a
country's population as the target of acts done to it. Only places in the trigger's own clause,
resolved as locations (not the dateline), and only for material roots (aid, force posture, reduced
relations, coercion, assault, fighting, mass violence) and condolences; never for talks, other
statements or demands.

The place of an agentless act is its source of last resort: "was arrested in Lebanon" (by the
Lebanese authorities), "a roadside bombing near Samarra killed a US soldier" (as the CAMEO manual
codes such reports: the location's country). Only coercion and violence (roots 17-20), only when
the verb is passive without a "by" phrase or the trigger is a noun; the reason says so.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Container, Sequence

from spacy.tokens import Span, Token

from heron.events.matcher import Match, grammatical_object, prep_objects, preps
from heron.records import Mention, Place

log = logging.getLogger(__name__)

#: codes whose target is the host when only a place is named (make a visit)
HOST_PLACE_CODES = frozenset({"042"})
PLACE_PREPS = ("to", "in", "into")
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: roots whose act lands on the people of the place where it is done
PLACE_TARGET_ROOTS = frozenset({"07", "15", "16", "17", "18", "19", "20"})
#: roots whose agentless acts are the place's ("was arrested in Lebanon": by Lebanon's authorities)
PLACE_SOURCE_ROOTS = frozenset({"17", "18", "19", "20"})
#: other codes whose target may be the people of a named place ("condolences over the earthquake in Sichuan")
PLACE_TARGET_CODES = frozenset({"018"})
PLACE_LABELS = frozenset({"GPE"})
#: actor-table kinds that stand for a country when named as a place
COUNTRY_KINDS = frozenset({"country", "capital"})


@functools.lru_cache(maxsize=1)
def _knowledge():
    from heron.actors.dictionaries import load_builtin

    return load_builtin()


def builtin_knowledge():
    """The builtin actor tables, loaded once (places and instruments look names up in them)."""
    return _knowledge()


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
        log.debug("visit host from place %r -> %s", ent.text, entry.country)
        return _country_mention(ent, entry.country, sentence_index, fallback=entry)
    return None


def _country_mention(span: Span, iso3: str, sentence_index: int, *, fallback=None) -> Mention | None:
    """A mention over ``span`` standing for the country ``iso3`` (its canonical entry, else ``fallback``)."""
    entry = _knowledge().country(iso3) or fallback
    if entry is None:
        return None
    return Mention.over(span, (entry.to_actor(),), sentence_index=sentence_index, resolved_by="context")


def _entity(tok: Token) -> Span | None:
    for t in (tok, *tok.conjuncts):
        if t.ent_type_ in PLACE_LABELS:
            for ent in t.doc.ents:
                if ent.start <= t.i < ent.end:
                    return ent
    return None


def event_place_target(match: Match, places: Sequence[Place], *, sentence_index: int,
                       actor_tokens: Container[int] = ()) -> Mention | None:
    """A mention for the country of the nearest resolved place in the trigger's clause. A place
    name modifying an actor ("U.S. soldier", "Syria's army": ``actor_tokens`` are the tokens of
    actor mentions) says whose, not where: it is skipped ("the Darfur region" is kept)."""
    tok = match.token
    inside = {t.i for t in match.clause.subtree}
    doc = tok.doc
    best: tuple[int, Span, str] | None = None
    for p in places:
        if p.role != "location" or not p.country or p.sentence_index != sentence_index:
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or span.root.i not in inside:
            continue
        if span.root.dep_ in MODIFIER_DEPS and span.root.head.i in actor_tokens:
            continue
        dist = abs(span.root.i - tok.i)
        if best is None or dist < best[0]:
            best = (dist, span, p.country)
    if best is None:
        return None
    _, span, iso3 = best
    return _country_mention(span, iso3, sentence_index)
