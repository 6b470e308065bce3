"""Is ``confidence`` calibrated? Reliability tables on gold sets, and the fit of the monotone map
that ``heron.events.calibration`` applies (issue 10.7).

An event counts as correct when its class matches the sentence's gold event at the finest level
the set gives (``root`` for the CAMEO manual, ``penta`` for ConfliBERT): of the events coded with
confidence in a bin, that share should be about the bin's mean confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from heron.eval.gold import GoldItem
from heron.eval.metrics import LEVELS
from heron.eval.predict import Prediction

#: bin edges of the reliability table
EDGES = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


@dataclass(frozen=True, slots=True)
class Scored:
    """One coded event: its confidence, whether its class is the gold one, and whether it is main."""

    item_id: str
    confidence: float
    correct: bool
    main: bool


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    n: int
    mean_confidence: float
    accuracy: float


def scored_events(items: Sequence[GoldItem], preds: Sequence[Prediction], *, level: str = "root") -> list[Scored]:
    """Every coded event of the items whose first gold event has a value at ``level``."""
    lv = LEVELS[level]
    out = []
    for item, pred in zip(items, preds, strict=True):
        if not item.events or (key := lv.gold(item.events[0])) is None:
            continue
        main = pred.main()
        out.extend(Scored(item.id, e.confidence, lv.pred(e) == key, e is main) for e in pred.events)
    return out


def reliability(events: Sequence[Scored], *, edges: Sequence[float] = EDGES) -> list[Bin]:
    bins = []
    for lo, hi in zip(edges, edges[1:]):
        inside = [e for e in events if lo <= e.confidence < hi]
        if inside:
            bins.append(Bin(lo, min(hi, 1.0), len(inside), sum(e.confidence for e in inside) / len(inside),
                            sum(e.correct for e in inside) / len(inside)))
    return bins


def expected_calibration_error(bins: Sequence[Bin]) -> float:
    """Mean |accuracy - confidence| over the bins, weighted by their sizes."""
    n = sum(b.n for b in bins)
    return sum(b.n * abs(b.accuracy - b.mean_confidence) for b in bins) / n if n else 0.0


def fit_knots(events: Sequence[Scored], *, edges: Sequence[float] = EDGES, min_slope: float = 0.1,
              prior: int = 10) -> list[tuple[float, float]]:
    """Knots (raw confidence -> share correct) of a strictly increasing piecewise-linear map.

    Each bin's share correct is shrunk toward its mean confidence by ``prior`` pseudo-events (a
    small bin does not move the map far), then pooled with its neighbours until the shares rise
    (pool adjacent violators), and every segment keeps a slope of at least ``min_slope`` so that
    events keep their order (ranking by confidence is unchanged)."""
    bins = reliability(events, edges=edges)
    # [sum of raw confidences, sum of (shrunk) correct, weight with the prior, events]
    pooled: list[list[float]] = []
    for b in bins:
        pooled.append([b.mean_confidence * b.n, b.accuracy * b.n + prior * b.mean_confidence, b.n + prior, b.n])
        while len(pooled) > 1 and pooled[-2][1] / pooled[-2][2] >= pooled[-1][1] / pooled[-1][2]:
            last = pooled.pop()
            pooled[-1] = [a + c for a, c in zip(pooled[-1], last)]
    knots = [(x_sum / n, y_sum / w) for x_sum, y_sum, w, n in pooled]
    knots.sort()
    fixed: list[tuple[float, float]] = []
    for x, y in knots:
        if fixed:
            px, py = fixed[-1]
            if x <= px:
                continue
            y = max(y, py + min_slope * (x - px))
        fixed.append((round(x, 4), round(min(y, 0.99), 4)))
    return fixed
