"""``heron eval``: score the coder on gold sets.

    from heron.eval import evaluate
    report = evaluate("../shared/gold/cameo-manual-examples.jsonl")   # a JSON-able dict
    report["main"]["root"]["accuracy"]

Modules: :mod:`heron.eval.gold` (readers, one per format), :mod:`heron.eval.predict` (one batched
coder run), :mod:`heron.eval.metrics` (P/R/F1 per level, main-event accuracy, confusion, worst
misses, PETRARCH pass rates), :mod:`heron.eval.labels` (IndiaPoliceEvents label mapping),
:mod:`heron.eval.actors` (actor accuracy), :mod:`heron.eval.report` (the report dict; the CLI renders it).
The LGL geoparsing scorer is :func:`heron.eval.lgl.score_lgl`; the real-news dev set (whole
articles of a corpus against Heron's own annotations) is :func:`heron.eval.gold_news.evaluate_news`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from heron.eval.gold import FORMATS, GoldEvent, GoldItem, GoldSet, detect_format, load_gold

__all__ = ["FORMATS", "GoldEvent", "GoldItem", "GoldSet", "detect_format", "evaluate", "load_gold"]


def evaluate(path: str | Path, fmt: str = "auto", *, limit: int | None = None,
             actor_files: Sequence[Path] = (), verb_files: Sequence[Path] = (),
             require_dyad: bool = True, model: str | None = None,
             worst: int = 10, progress: Callable[[int], None] | None = None,
             annotations: str | Path | None = None, fast: bool = False) -> dict[str, Any]:
    """Read a gold set, code its sentences in one batched run, and score them.

    ``annotations`` (news format only) names the annotation file for a news corpus; by default
    the one Heron ships for a corpus of that file name. ``fast`` parses only the sentences
    the gate keeps (:mod:`heron.nlp.gate`); LGL always parses every sentence (it scores the
    geoparser on whole texts).
    """
    if annotations is not None and fmt in ("auto", "", None):
        fmt = "news"
    fmt = detect_format(path) if fmt in ("auto", "", None) else fmt
    if fmt == "lgl":
        return _lgl(path, limit)
    if fmt == "news":
        from heron.eval.gold_news import evaluate_news

        return evaluate_news(path, annotations=annotations, limit=limit, actor_files=tuple(actor_files),
                             verb_files=tuple(verb_files), require_dyad=require_dyad, model=model,
                             worst=worst, progress=progress, fast=fast)
    from heron.eval.predict import predict
    from heron.eval.report import build_report

    gold = load_gold(path, fmt, limit=limit)
    files = tuple(gold.actor_files) + tuple(Path(p) for p in actor_files)
    verbs = tuple(gold.verb_files) + tuple(Path(p) for p in verb_files)
    preds, seconds = predict(gold.items, actor_files=files, verb_files=verbs, require_dyad=require_dyad,
                             model=model, progress=progress, fast=fast)
    settings = {"actor_files": [str(p) for p in files], "verb_files": [str(p) for p in verbs],
                "require_dyad": require_dyad, "model": model, "limit": limit, "fast": fast}
    return build_report(gold, preds, seconds=seconds, worst=worst, settings=settings)


def _lgl(path: str | Path, limit: int | None) -> dict[str, Any]:
    from heron.eval.lgl import score_lgl  # written by the geo engineer; imported only when asked for

    scores = score_lgl(Path(path), limit=limit)
    if is_dataclass(scores):
        data = asdict(scores)
    elif isinstance(scores, dict):
        data = dict(scores)
    else:
        data = {k: v for k, v in vars(scores).items() if not k.startswith("_")}
    return {"format": "lgl", "path": str(path), "lgl": data}
