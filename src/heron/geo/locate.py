"""Where an event happened.

Rules, in order (each event's ``location_reason`` names the one that fired):

1. ``visit host``: a visit (042) happened where it went: the place that is the visit's object or
   in its to/in/into phrase ("visited Pyongyang" under a SEOUL dateline is in Pyongyang).
2. ``clause``: the place its clause names: of the article's places that lie in the sentence and
   are used as places (role "location"; a place standing for a government, role "actor", is
   never an event's location), the one closest to the trigger in the dependency tree, preferring
   names introduced by a locative preposition ("in Tehran", "near the border town of X", "in the
   northern province of Kunduz"). A place that only says whose an actor or thing is ("US drone
   strike", "Syria's army": a place name overlapping an actor mention, not under a preposition)
   is no place of the act.
3. ``article's place of the action``: the place of the article's first event located by rule 1
   or by rule 2 through a preposition (the body's before the headline's), for events whose
   sentence names none
   (:func:`settle_article_places`); a country that holds the dateline city yields to the city.
   With no dateline and no event placed so, an article that names one place only (however often)
   puts its events there (``the article's only place``).
4. ``dateline``: the city the report was filed from, only when nothing in the article places the
   action elsewhere; with no dateline, ``(None, "none")``.

``trigger_index`` is the trigger's token index in the Doc (``token.i``), not within the
sentence.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import replace

from heron.records import Event, Place

_LOC_PREPS = {
    "in", "at", "near", "across", "into", "inside", "outside", "throughout", "around", "within",
    "from", "to", "toward", "towards", "through", "along", "onto", "off", "nearby", "beyond",
}


def _path_length(a, b) -> int:
    """Edges between two tokens in the dependency tree."""
    anc_a = {a.i: 0}
    d = 0
    t = a
    while t.head.i != t.i:
        t = t.head
        d += 1
        anc_a[t.i] = d
    d = 0
    t = b
    while True:
        if t.i in anc_a:
            return d + anc_a[t.i]
        if t.head.i == t.i:
            return d + 1000  # different trees (should not happen within a sentence)
        t = t.head
        d += 1


def _preposition(tok) -> str | None:
    """The locative preposition that governs this name, climbing through "the province of",
    conjunctions and appositions."""
    hops = 0
    while hops < 6:
        hops += 1
        if tok.dep_ in ("conj", "appos", "compound"):
            tok = tok.head
            continue
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ == "of":
                # "the (northern) province of Kunduz": continue from "province"
                tok = prep.head
                continue
            return prep.lower_
        return None
    return None


#: codes whose place is where the act went (a visit), not where its actor is
VISIT_CODES = frozenset({"042"})
#: prepositions that name where a visit went
VISIT_PREPS = frozenset({"to", "in", "into"})
#: reasons of the rules that place an event by its own sentence
CLAUSE_REASONS = ("visit host", "clause")
ARTICLE_REASON = "article's place of the action"
DATELINE_ONLY = "dateline (the article places the action nowhere else)"
ONLY_PLACE_REASON = "the article's only place"


def _destination(head, trigger) -> str | None:
    """How ``head`` names where ``trigger`` (a visit) went: its object, or its to/in/into phrase."""
    tok = head
    for _ in range(6):
        if tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i == trigger.i:
        return f"{trigger.text} ..."
    if tok.dep_ == "pobj" and tok.head.lower_ in VISIT_PREPS:
        prep = tok.head
        if prep.head.i == trigger.i or (prep.head.head.i == trigger.i and prep.head.dep_ in ("dobj", "prt")):
            return f"{trigger.text} {prep.lower_} ..."
    return None


def locate_event(
    sent,
    *,
    trigger_index: int,
    places: Sequence[Place],
    dateline: Place | None,
    code: str | None = None,
    actor_tokens: Container[int] = (),
) -> tuple[Place | None, str]:
    """The event's place and why: ("visit host: ..."), ("clause: ..."), ("dateline"), or
    (None, "none"). ``code`` (the event's CAMEO code) lets a visit go where it went;
    ``actor_tokens`` (token indices of actor mentions) mark place names that say whose."""
    doc = sent.doc
    s_start, s_end = sent.start_char, sent.end_char
    in_sent = [
        p for p in places
        if p.role == "location" and s_start <= p.start < s_end and p.latitude is not None
    ]
    if 0 <= trigger_index < len(doc):
        trigger = doc[trigger_index]
    else:
        trigger = sent.root
    best: tuple[tuple, Place, str] | None = None
    for p in in_sent:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if code in VISIT_CODES:
            went = _destination(head, trigger)
            if went is not None:
                return p, f"visit host: '{p.text}' ({went})"
        prep = _preposition(head)
        locative = prep in _LOC_PREPS
        if not locative and any(t.i in actor_tokens for t in span):
            continue  # "US drone strike", "Syria's army": whose, not where
        dist = _path_length(trigger, head)
        # closest in the tree first; at a tie, the locative one, then the smaller (city before
        # province before country), then the nearer in the text
        size = {"city": 0, "admin1": 1, "region": 3, "country": 2}.get(p.feature, 1)
        key = (0 if locative else 1, dist, size, abs(head.i - trigger.i))
        why = f"clause: '{p.text}'" + (f" ({prep} ...)" if locative else "") + f", {dist} arcs from the trigger"
        if best is None or key < best[0]:
            best = (key, p, why)
    if best is not None:
        return best[1], best[2]
    if dateline is not None:
        return dateline, "dateline"
    return None, "none"


def settle_article_places(events: Sequence[Event], *, places: Sequence[Place], dateline: Place | None,
                          headline: Container[int] = ()) -> list[Event]:
    """Rules 3 and 4 over a whole article: an event its sentence does not place takes the
    article's place of the action (the first event placed by its own sentence, the body's before
    the headline's); the dateline stays only where nothing else places the action."""
    # a place under a preposition ("in Aleppo") or a visit's destination establishes the article's
    # place; a bare name in the clause may say whose ("the Medellin cartel") rather than where
    placed = [e for e in events if e.location_reason.startswith(CLAUSE_REASONS[0])
              or (e.location_reason.startswith(CLAUSE_REASONS[1]) and " ...)," in e.location_reason)]
    first = next((e for e in placed if e.sentence_index not in headline), placed[0] if placed else None)
    only = _only_place(places) if first is None and dateline is None else None
    fallback = DATELINE_ONLY
    if first is not None and dateline is not None and first.location_country == dateline.country:
        feature = next((p.feature for p in places if p.name == first.location_name
                        and p.latitude == first.latitude and p.longitude == first.longitude), None)
        if feature == "country":  # "Syria" in a DAMASCUS story: the dateline city is the finer place
            fallback = f"dateline (within '{first.location_name}', sentence {first.sentence_index})"
            first = None
    out: list[Event] = []
    for e in events:
        if e.location_reason in ("dateline", "none"):
            if first is not None:
                e = replace(e, location_name=first.location_name, location_country=first.location_country,
                            latitude=first.latitude, longitude=first.longitude,
                            location_reason=f"{ARTICLE_REASON}: '{first.location_name}' (sentence {first.sentence_index})")
            elif only is not None:
                e = replace(e, location_name=only.name, location_country=only.country, latitude=only.latitude,
                            longitude=only.longitude,
                            location_reason=f"{ONLY_PLACE_REASON}: '{only.name}' (sentence {only.sentence_index})")
            elif e.location_reason == "dateline":
                e = replace(e, location_reason=fallback)
        out.append(e)
    return out


def _only_place(places: Sequence[Place]) -> Place | None:
    """The one place an undatelined article names as a place (however often), when no event's
    own sentence placed the action: a report from one town names that town ("... in downtown San
    Salvador" in a transcript whose killings are told without a place)."""
    found = {(p.name, p.latitude, p.longitude): p for p in places if p.role == "location" and p.country}
    return next(iter(found.values())) if len(found) == 1 else None
