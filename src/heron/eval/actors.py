"""Actor accuracy on gold actors (the PLOVER records of the cameo-manual set).

Two views, each matched by text overlap with the gold ``actorText``:

``mentions``
    Did the actor stage find the actor at all, and code it right? A gold actor is *covered* when
    one of our actor mentions overlaps its words in the sentence (character spans).
``events``
    Did the events carry it in the right role? A gold source (target) is *covered* when one of our
    events has a source (target) whose words overlap the gold actor's words.

Among covered actors: *country* is right when our country key equals the gold's (ISO3 with the
usual CAMEO aliases folded; IGOs and groups by their code prefix, "IGO", "IMG"); *sector* is right
when the gold's first sector is among ours, or when neither side has a sector. Gold actors coded
"***" (unknown) are left out of the country score.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from heron.eval.gold import GoldActor, GoldItem
from heron.eval.predict import Prediction

_WORD = re.compile(r"[A-Za-z0-9]+")
_STOP = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "s", "its", "his", "her", "their", "by", "with"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def _span(text: str, phrase: str) -> tuple[int, int] | None:
    i = text.lower().find(phrase.lower())
    return (i, i + len(phrase)) if i >= 0 and phrase else None


@dataclass(slots=True)
class ActorTally:
    gold: int = 0
    covered: int = 0
    country_total: int = 0
    country_correct: int = 0
    sector_correct: int = 0
    country_errors: Counter = field(default_factory=Counter)  # (gold, ours) -> n
    not_found: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def r(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {"gold_actors": self.gold, "covered": self.covered, "coverage": r(self.covered, self.gold),
                "country_accuracy": r(self.country_correct, self.country_total),
                "country_scored": self.country_total,
                "sector_accuracy": r(self.sector_correct, self.covered),
                "country_errors": [{"gold": g, "ours": o, "n": n} for (g, o), n in self.country_errors.most_common(10)],
                "wrong_examples": self.wrong[:10], "not_found_examples": self.not_found[:10]}

    def score(self, item: GoldItem, actor: GoldActor, country: str | None, sectors: Sequence[str],
              found: bool, what: str) -> None:
        self.gold += 1
        if not found:
            self.not_found.append({"id": item.id, "actor": actor.text,
                                   "gold": f"{actor.code or '-'} {'/'.join(actor.sectors)}".strip()})
            return
        self.covered += 1
        ok_sector = (actor.sectors[0] in sectors) if actor.sectors else not sectors
        self.sector_correct += int(ok_sector)
        if actor.country is not None:
            self.country_total += 1
            if country == actor.country:
                self.country_correct += 1
            else:
                self.country_errors[(actor.country, country or "-")] += 1
        if (actor.country is not None and country != actor.country) or not ok_sector:
            self.wrong.append({"id": item.id, "actor": actor.text,
                               "gold": f"{actor.code or '-'} {'/'.join(actor.sectors)}".strip(),
                                "ours": f"{country or '-'} {'/'.join(sectors)}".strip(), "matched": what})


def actor_accuracy(items: Sequence[GoldItem], preds: Sequence[Prediction]) -> dict[str, Any]:
    mentions, events = ActorTally(), ActorTally()
    for item, pred in zip(items, preds, strict=True):
        for actor in item.actors:
            _score_mention(mentions, item, pred, actor)
            _score_event_role(events, item, pred, actor)
    return {"mentions": mentions.to_dict(), "events": events.to_dict()}


def _score_mention(tally: ActorTally, item: GoldItem, pred: Prediction, actor: GoldActor) -> None:
    span = _span(item.text, actor.text)
    words = _words(actor.text)
    best, best_rank = None, None
    for m in pred.mentions:
        if span is not None:
            overlap = min(span[1], m.end) - max(span[0], m.start)
        else:
            overlap = len(words & _words(m.text))
        if overlap <= 0:
            continue
        rank = (m.country == actor.country, overlap)
        if best_rank is None or rank > best_rank:
            best, best_rank = m, rank
    tally.score(item, actor, best.country if best else None, best.sectors if best else (), best is not None,
                best.text if best else "")


def _score_event_role(tally: ActorTally, item: GoldItem, pred: Prediction, actor: GoldActor) -> None:
    words = _words(actor.text)
    best, best_rank = None, None
    for e in pred.events:
        text, country, sectors = ((e.source_text, e.source_country, e.source_sectors) if actor.role == "source"
                                  else (e.target_text, e.target_country, e.target_sectors))
        overlap = len(words & _words(text or ""))
        if not overlap:
            continue
        rank = (country == actor.country, overlap, e.confidence)
        if best_rank is None or rank > best_rank:
            best, best_rank = (text, country, sectors), rank
    tally.score(item, actor, best[1] if best else None, best[2] if best else (), best is not None,
                best[0] if best else "")
