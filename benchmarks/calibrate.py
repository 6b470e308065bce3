#!/usr/bin/env python
"""Fit and check the confidence calibration (issue 10.7).

    python benchmarks/calibrate.py                  # reliability tables, raw vs calibrated, held out
    python benchmarks/calibrate.py --write          # ... and refit src/heron/data/ranking/calibration.yaml

The coder runs once with raw scores over the CAMEO manual examples (an event is correct when its
CAMEO root is the gold one) and ConfliBERT (correct when its PentaClass is). The map is fitted on
the CAMEO manual in two folds (odd / even sentences), and each fold's map is scored on the other
fold; ConfliBERT is scored with the map fitted on the whole CAMEO manual (it is never fitted on).
``--write`` ships that whole-set map.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from heron.eval.gold import load_gold
from heron.eval.predict import predict
from heron.eval.reliability import Scored, expected_calibration_error, fit_knots, reliability, scored_events
from heron.events.calibration import calibrate, raw_scores

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "gold"
OUT = REPO / "src" / "heron" / "data" / "ranking" / "calibration.yaml"


def mapped(events: list[Scored], points) -> list[Scored]:
    return [Scored(e.item_id, calibrate(e.confidence, points), e.correct, e.main) for e in events]


def table(title: str, events: list[Scored]) -> None:
    bins = reliability(events)
    print(f"{title}: {len(events)} events, ECE {expected_calibration_error(bins):.3f}")
    for b in bins:
        print(f"   [{b.low:.1f}, {b.high:.1f})  n={b.n:4d}  mean confidence {b.mean_confidence:.2f}  share correct {b.accuracy:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the whole-set map to the package data")
    args = ap.parse_args()
    cameo = load_gold(SHARED / "cameo-manual-examples.jsonl").items
    conflibert = load_gold(SHARED / "conflibert").items
    with raw_scores():
        cam_preds, _ = predict(cameo)
        cb_preds, _ = predict(conflibert)
    cam = scored_events(cameo, cam_preds, level="root")
    cb = scored_events(conflibert, cb_preds, level="penta")
    order = {item.id: i for i, item in enumerate(cameo)}
    folds = [[e for e in cam if order[e.item_id] % 2 == k] for k in (0, 1)]
    held_out = [e for k in (0, 1) for e in mapped(folds[1 - k], tuple(fit_knots(folds[k])))]
    whole = tuple(fit_knots(cam))
    table("CAMEO manual, root, raw", cam)
    table("CAMEO manual, root, calibrated (2-fold, held out)", held_out)
    table("CAMEO manual, root, main events only, raw", [e for e in cam if e.main])
    table("CAMEO manual, root, main events only, calibrated (held out)",
          [e for e in held_out if e.main])
    table("ConfliBERT, PentaClass, raw", cb)
    table("ConfliBERT, PentaClass, calibrated (CAMEO-manual map)", mapped(cb, whole))
    print("knots (raw -> calibrated):", ", ".join(f"{x:.3f}->{y:.3f}" for x, y in whole))
    if args.write:
        lines = ["# Confidence calibration: knots (raw score -> share of events with the right CAMEO root)",
                 "# of a strictly increasing piecewise-linear map, fitted on the CAMEO manual examples",
                 "# (../shared/gold) by benchmarks/calibrate.py --write; read by heron.events.calibration.",
                 "knots:"] + [f"  - [{x}, {y}]" for x, y in whole]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
