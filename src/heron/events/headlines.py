"""One event where the headline and the body report the same one.

"Israel strikes Gaza targets. GAZA (Wire) - Israeli warplanes struck Hamas targets ..." reports
one attack. The body's event has the richer arguments (the actor's sector, the date, the place
its clause names), so the headline's is dropped when a body event has the same CAMEO root and
an actor in common (a country, or the same actor code, on either side). A headline event the
body does not repeat is kept. Which sentences are the headline: :mod:`heron.nlp.headlines`.
"""

from __future__ import annotations

import logging
from collections.abc import Container, Sequence

from heron.records import Event

log = logging.getLogger(__name__)


def _actors(e: Event) -> set[str]:
    """What identifies an event's parties: their countries and their codes' first three letters."""
    out = {x for x in (e.source_country, e.target_country) if x}
    out |= {c[:3] for c in (e.source_code, e.target_code) if c and not c.startswith("---")}
    return out


def repeats(headline_event: Event, body_event: Event) -> bool:
    """Whether a body event reports the headline's event: same root, an actor in common."""
    return (headline_event.cameo_root == body_event.cameo_root
            and bool(_actors(headline_event) & _actors(body_event)))


def drop_headline_repeats(events: Sequence[Event], headline: Container[int]) -> tuple[list[Event], dict[str, str]]:
    """The events without the headline's ones that the body repeats (``headline`` holds the
    headline's sentence indices), and for each dropped event id the body event kept for it."""
    body = [e for e in events if e.sentence_index not in headline]
    kept: list[Event] = []
    replaced: dict[str, str] = {}
    for e in events:
        if e.sentence_index in headline:
            twin = next((b for b in body if repeats(e, b)), None)
            if twin is not None:
                log.debug("headline event %s %s repeated by sentence %d: dropped", e.cameo_code,
                          e.trigger, twin.sentence_index)
                replaced[e.event_id] = twin.event_id
                continue
        kept.append(e)
    return kept, replaced
