"""Where a phrase's people live when the phrase names no country of its own.

CAMEO codes "rebels in the Ivory Coast" as Ivorian rebels and "opposition groups in Zimbabwe" as
Zimbabwean opposition: a place attached to a group ("in", "of", "throughout") gives its country.
Failing that, a sentence that names exactly one place where things happen ("... in Abidjan")
gives that place's country to its unplaced state actors and named office holders ("President
Laurent Gbagbo extended the curfew in Abidjan"), the way a dateline does for a whole article.
Places reached by travel ("arrived in Paris") or venues ("talks in Geneva") do not count.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from spacy.tokens import Token

from heron.actors.knowledge import ActorEntry

if TYPE_CHECKING:  # pragma: no cover
    from heron.actors.mention_parts import _Group
    from heron.actors.mentions import MentionFinder

PLACE_KINDS = frozenset({"country", "capital", "region"})


def bare_place(g: _Group) -> ActorEntry | None:
    """The place a group names at its head when it is only a place (no role, no name)."""
    if g.sectors or g.counterpart:
        return None
    head = g.head
    for span, entries in g.entries:
        if span.start <= head.i < span.end:
            for e in entries:
                if e.kind in PLACE_KINDS and e.country:
                    return e
                if e.kind not in ("demonym",):
                    return None
    return None


def places_of(finder: MentionFinder, groups: list[_Group]) -> dict[int, ActorEntry]:
    """Head token -> place entry, for the groups that are places where something happens."""
    out = {}
    for g in groups:
        e = bare_place(g)
        if e is not None and finder._is_place(g.head):
            out[g.head.i] = e
    return out


def sentence_places(places: dict[int, ActorEntry], doc, sent_of: list[int], words) -> dict[int, ActorEntry]:
    """Sentence number -> the place entry of its places' one country (none when they are of two
    countries, or when one is a destination or a venue: "arrived in Paris", "talks in Geneva")."""
    found: dict[int, dict[str, ActorEntry | None]] = defaultdict(dict)
    for i, e in places.items():
        host = _prep_host(doc[i])
        low = host.lemma_.lower() if host is not None else ""
        if low in words["from_place_heads"] or low in words["venue_nouns"] or low == "visit" or (
                host is not None and host.lower_ in words["venue_nouns"]):
            found[sent_of[i]][""] = None  # spoils the sentence's place
        else:
            found[sent_of[i]].setdefault(e.country, e)
    return {n: next(iter(cs.values())) for n, cs in found.items() if len(cs) == 1 and "" not in cs}


def _prep_host(tok: Token) -> Token | None:
    """The word a place's preposition attaches to ("arrived" of "arrived in Paris")."""
    while tok.dep_ in ("compound", "amod", "nmod", "conj") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return None
    return tok.head.head


def residence(finder: MentionFinder, g: _Group) -> ActorEntry | None:
    """A place attached to the group's head by "in", "of", "throughout" ...: where its people are."""
    preps = finder.words["residence_prepositions"]
    for child in g.head.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj":
                e = finder._places.get(pobj.i)
                if e is not None:
                    return e
    return None


def attached_place(g: _Group) -> ActorEntry | None:
    """A place entry merged into the group through a preposition ("Albanians of southern Serbia")."""
    head = g.head
    for span, entries in g.entries:
        if span.start <= head.i < span.end:
            continue
        e = next((x for x in entries if x.kind in PLACE_KINDS and x.country), None)
        if e is None:
            continue
        tok = span.root
        for _ in range(6):
            if tok.i == head.i or tok.head.i == tok.i:
                break
            if tok.dep_ == "prep":
                return e
            tok = tok.head
    return None
