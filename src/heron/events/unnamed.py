"""Material conflict with a victim but no named perpetrator ("ten men were shot dead in X",
"six rangers were killed in a tank attack", "two students were abducted").

PETRARCH's dyad rule drops an event without a source. An analyst lists these first: the
casualty report is the news, whoever did it. Under ``Settings.require_dyad`` Heron therefore keeps
an event that has a target and no source when its code is material conflict, CAMEO roots
:data:`UNNAMED_ROOTS` (assault, fight, mass violence) or an arrest / detention / abduction code
(:data:`UNNAMED_CODES`), or is the release of named captives (0841, :data:`UNNAMED_RELEASE_CODES`:
"two Russian citizens were released from captivity"); the source stays None and the reason says
"perpetrator not named" ("liberator not named" for a release).
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
#: a release (0841) told in the passive with the freed named and no liberator ("two hostages were
#: freed", "prisoners were released from captivity"): the release is the news. Kept only when the
#: freed are named as such: the row's object is a captive noun (prisoners, hostages) or the
#: argument is itself a mention; not an actor found inside a thing released ("the Iranian film").
UNNAMED_RELEASE_CODES = ("0841",)

NOTE = "perpetrator not named (kept: material conflict with a victim)"
RELEASE_NOTE = "liberator not named (kept: a release of named captives)"


def unnamed_note(code: str) -> str:
    """The reason's note for a kept event with an unknown source."""
    return RELEASE_NOTE if code.startswith(UNNAMED_RELEASE_CODES) else NOTE


def unnamed_kept(code: str, source: Actor | None, target: Actor | None, *, freed_named: bool = False) -> bool:
    """Is this an event to keep with an unknown source (module docstring)?"""
    if source is not None or target is None:
        return False
    if code[:2] in UNNAMED_ROOTS or code.startswith(UNNAMED_CODES):
        return True
    return freed_named and code.startswith(UNNAMED_RELEASE_CODES)
