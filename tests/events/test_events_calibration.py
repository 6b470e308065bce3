"""Calibrated confidence (issue 10.7): the shipped map keeps the order of raw scores, the fit
follows the share correct per bin, and coding applies the map."""

from __future__ import annotations

import random

from heron.eval.reliability import Scored, expected_calibration_error, fit_knots, reliability
from heron.events.calibration import _ends, calibrate, knots, raw_scores
from heron.pipeline import code_text


def test_the_shipped_map_is_strictly_increasing_and_keeps_the_order_of_scores():
    pts = knots()
    assert pts, "data/ranking/calibration.yaml is missing"
    assert all(x0 < x1 and y0 < y1 for (x0, y0), (x1, y1) in zip(pts, pts[1:]))
    raw = [round(0.05 + 0.001 * i, 3) for i in range(931)]  # every raw score the coder can give
    cal = [calibrate(r) for r in raw]
    assert all(a < b for a, b in zip(cal, cal[1:]))
    assert all(0.0 <= c <= 1.0 for c in cal)


def _synthetic(seed: int, n: int = 3000) -> list[Scored]:
    """Raw scores whose true share correct is raw**2 (over-confident in the middle)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        raw = rng.uniform(0.3, 0.95)
        out.append(Scored(str(i), round(raw, 3), rng.random() < raw ** 2, False))
    return out


def test_the_fit_brings_the_bins_to_their_share_correct_on_held_out_data():
    train, test = _synthetic(1), _synthetic(2)
    pts = _ends(tuple(fit_knots(train)))
    before = expected_calibration_error(reliability(test))
    after = expected_calibration_error(reliability(
        [Scored(e.item_id, calibrate(e.confidence, pts), e.correct, e.main) for e in test]))
    assert before > 0.1 and after < 0.05, (before, after)


def test_a_small_bin_moves_the_map_little():
    few = [Scored(str(i), 0.85, False, False) for i in range(3)]  # three wrong events at 0.85
    many = [Scored(f"m{i}", 0.55, i % 2 == 0, False) for i in range(100)]
    (x0, y0), (x1, y1) = fit_knots(many + few)
    assert x1 == 0.85 and y1 > y0 and y1 > 0.6


def test_coding_applies_the_map(coder):
    text = "Cuba condemned the new American sanctions on its banks."
    calibrated = {e.cameo_code: e.confidence for e in code_text(text, coder=coder).events}
    with raw_scores():
        raw = {e.cameo_code: e.confidence for e in code_text(text, coder=coder).events}
    assert calibrated.keys() == raw.keys()
    assert all(calibrated[k] == calibrate(raw[k]) for k in raw)
