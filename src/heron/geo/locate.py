"""Where an event happened: the place attached to its trigger in the sentence, else the dateline.

``locate_event(sent, trigger_index=..., places=..., dateline=...)`` looks at the article's
places that lie in ``sent`` and are used as places (role "location"; a place standing for a
government, role "actor", is never an event's location), and picks the one closest to the
trigger in the dependency tree, preferring names introduced by a locative preposition ("in
Tehran", "near the border town of X", "in the northern province of Kunduz"). With none, the
dateline stands in ("reported from there"); with no dateline, ``(None, "none")``.

``trigger_index`` is the trigger's token index in the Doc (``token.i``), not within the
sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from heron.records import Place

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


def locate_event(
    sent,
    *,
    trigger_index: int,
    places: Sequence[Place],
    dateline: Place | None,
) -> tuple[Place | None, str]:
    """The event's place and why: ("in-sentence: ..."), ("dateline"), or (None, "none")."""
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
        prep = _preposition(head)
        locative = prep in _LOC_PREPS
        dist = _path_length(trigger, head)
        # closest in the tree first; at a tie, the locative one, then the smaller (city before
        # province before country), then the nearer in the text
        size = {"city": 0, "admin1": 1, "region": 3, "country": 2}.get(p.feature, 1)
        key = (0 if locative else 1, dist, size, abs(head.i - trigger.i))
        why = f"in-sentence: '{p.text}'" + (f" ({prep} ...)" if locative else "") + f", {dist} arcs from the trigger"
        if best is None or key < best[0]:
            best = (key, p, why)
    if best is not None:
        return best[1], best[2]
    if dateline is not None:
        return dateline, "dateline"
    return None, "none"
