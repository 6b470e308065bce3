"""Run the coder over a gold set (one batched ``code_articles`` call) and keep what scoring needs."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from heron.eval.gold import GoldItem, country_key


@dataclass(slots=True)
class PredEvent:
    """The parts of a coded event that scoring compares (built from :class:`heron.records.Event`)."""

    code: str
    root: str
    penta: int | None = None
    quad: int | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    source_code: str | None = None
    source_country: str | None = None  # a country key (see gold.country_key)
    source_sectors: tuple[str, ...] = ()
    target_code: str | None = None
    target_country: str | None = None
    target_sectors: tuple[str, ...] = ()
    source_text: str = ""
    target_text: str = ""
    confidence: float = 0.5
    name: str = ""
    goldstein: float | None = None
    trigger: str = ""

    @classmethod
    def from_event(cls, e) -> PredEvent:
        return cls(code=e.cameo_code, root=e.cameo_root or e.cameo_code[:2], penta=e.penta_class,
                   quad=e.quad_class, plover_type=e.plover_type or None, plover_mode=e.plover_mode or None,
                   source_code=e.source_code, source_country=country_key(e.source_country, e.source_code),
                   source_sectors=tuple(e.source_sectors or ()), target_code=e.target_code,
                   target_country=country_key(e.target_country, e.target_code),
                   target_sectors=tuple(e.target_sectors or ()), source_text=e.source_text or "",
                   target_text=e.target_text or "", confidence=float(e.confidence), name=e.cameo_name,
                   goldstein=e.goldstein, trigger=e.trigger)


@dataclass(slots=True)
class PredMention:
    start: int
    end: int
    text: str
    country: str | None
    sectors: tuple[str, ...]
    code: str


@dataclass(slots=True)
class Prediction:
    """What the coder produced for one gold item."""

    item_id: str
    events: list[PredEvent] = field(default_factory=list)
    mentions: list[PredMention] = field(default_factory=list)
    counts: list[tuple[str, int]] = field(default_factory=list)  # (kind, value): ("killed", 3)

    def main(self) -> PredEvent | None:
        """The main event: the highest-confidence one (the first on ties); None when nothing was coded."""
        best = None
        for e in self.events:
            if best is None or e.confidence > best.confidence:
                best = e
        return best


def _from_coded(item_id: str, coded) -> Prediction:
    mentions = []
    for m in coded.mentions:
        for a in m.actors:
            mentions.append(PredMention(start=m.start, end=m.end, text=m.text,
                                        country=country_key(a.country, a.code),
                                        sectors=tuple(a.sectors), code=a.code))
    return Prediction(item_id=item_id, events=[PredEvent.from_event(e) for e in coded.events],
                      mentions=mentions, counts=[(c.kind, c.value) for c in coded.counts])


def predict(items: Sequence[GoldItem], *, actor_files: Sequence[Path] = (), verb_files: Sequence[Path] = (),
            require_dyad: bool = True,
            model: str | None = None, progress: Callable[[int], None] | None = None,
            fast: bool = False) -> tuple[list[Prediction], float]:
    """Code every item's text; returns the predictions (in item order) and the seconds it took.

    Items that carry their own ``require_dyad`` (PETRARCH records) are coded with that setting;
    all items with the same setting go through one coder in one batched call, and the coders share
    the parsed model and dictionaries.
    """
    from heron.pipeline import Coder
    from heron.records import Article
    from heron.settings import Settings

    t0 = time.perf_counter()
    groups: dict[bool, list[int]] = {}
    for i, item in enumerate(items):
        groups.setdefault(require_dyad if item.require_dyad is None else item.require_dyad, []).append(i)
    out: list[Prediction | None] = [None] * len(items)
    first: Coder | None = None
    for dyad, idx in groups.items():
        if first is None:
            coder = first = Coder(Settings(model=model, actor_files=tuple(actor_files),
                                           verb_files=tuple(verb_files), require_dyad=dyad, fast=fast))
        else:
            coder = first.with_dyad_rule(dyad)
        articles = (Article(id=items[i].id, text=items[i].text, published=items[i].published) for i in idx)
        for i, coded in zip(idx, coder.code_articles(articles)):
            out[i] = _from_coded(items[i].id, coded)
            if progress is not None:
                progress(1)
    preds = [p if p is not None else Prediction(items[i].id) for i, p in enumerate(out)]
    return preds, time.perf_counter() - t0

