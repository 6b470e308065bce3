"""Material conflict with a victim but no named perpetrator ("ten men were shot dead in X",
"six rangers were killed in a tank attack", "two students were abducted").

PETRARCH's dyad rule drops an event without a source. An analyst lists these first: the
casualty report is the news, whoever did it. Under ``Settings.require_dyad`` Heron therefore keeps
an event that has a target and no source when its code is material conflict, CAMEO roots
:data:`UNNAMED_ROOTS` (assault, fight, mass violence) or an arrest / detention / abduction code
(:data:`UNNAMED_CODES`); the source stays None and the reason says "perpetrator not named".
``Settings(unnamed_perpetrator=False)`` restores the strict rule.

Nothing else changes: an event with neither side, a reciprocal one ("the fighting in Sudan" has
no side at all when neither party is named), or a verbal or cooperative event without a source,
is still dropped; such events rank below any event of the sentence that names its source
(:func:`heron.events.ranking.confidence` gives a named source its bonus).
"""

from __future__ import annotations

from heron.records import Actor

#: assault (18), fight (19), unconventional mass violence (20)
UNNAMED_ROOTS = frozenset({"18", "19", "20"})
#: arrest, detain or charge (173 and below); abductions are 181, under root 18
UNNAMED_CODES = ("173",)

NOTE = "perpetrator not named (kept: material conflict with a victim)"


def unnamed_kept(code: str, source: Actor | None, target: Actor | None) -> bool:
    """Is this an event to keep with an unknown source (module docstring)?"""
    return source is None and target is not None and (code[:2] in UNNAMED_ROOTS or code.startswith(UNNAMED_CODES))
