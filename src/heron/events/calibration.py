"""Calibrated confidence: the coder's raw score (``ranking.confidence``) mapped through a strictly
increasing piecewise-linear function, so that of the events coded with confidence about p, about
a share p has the right CAMEO root. The knots live in ``data/ranking/calibration.yaml`` and are
refitted by ``benchmarks/calibrate.py`` (held-out tables in its output and the README). The map
keeps the order of scores, so which event ranks first never changes."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources

import yaml

_state = {"raw": False}


@lru_cache(maxsize=1)
def knots() -> tuple[tuple[float, float], ...]:
    """(raw, calibrated) points, raw ascending, both strictly increasing; () when none are shipped."""
    path = resources.files("heron.data") / "ranking" / "calibration.yaml"
    if not path.is_file():
        return ()
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    pts = tuple((float(x), float(y)) for x, y in doc.get("knots", ()))
    return _ends(pts) if pts else ()


def _ends(pts: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
    """Anchor the map at 0 -> 0 and 1 -> just above the last knot (capped at 1)."""
    out = list(pts)
    if out[0][0] > 0:
        out.insert(0, (0.0, 0.0))
    if out[-1][0] < 1:
        x, y = out[-1]
        out.append((1.0, min(1.0, max(y + 0.1 * (1 - x), y + 1e-3))))
    return tuple(out)


def calibrate(raw: float, points: tuple[tuple[float, float], ...] | None = None) -> float:
    pts = knots() if points is None else points
    if _state["raw"] or not pts:
        return raw
    xs = [x for x, _ in pts]
    i = min(max(bisect_right(xs, raw) - 1, 0), len(pts) - 2)
    (x0, y0), (x1, y1) = pts[i], pts[i + 1]
    y = y0 + (y1 - y0) * (raw - x0) / (x1 - x0)
    return round(max(0.0, min(1.0, y)), 4)


@contextmanager
def raw_scores() -> Iterator[None]:
    """Code with the raw, uncalibrated score (for refitting the map)."""
    before = _state["raw"]
    _state["raw"] = True
    try:
        yield
    finally:
        _state["raw"] = before
