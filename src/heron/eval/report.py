"""Put the scores together into one JSON-able report (the CLI prints it: heron.cli.eval_render)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from heron.eval.gold import GoldSet
from heron.eval.metrics import (
    LEVELS,
    confusion,
    failed_records,
    main_accuracy,
    no_event_rate,
    pass_rates,
    per_class,
    score_levels,
    top_confusions,
    worst_misses,
)
from heron.eval.predict import Prediction


def build_report(gold: GoldSet, preds: Sequence[Prediction], *, seconds: float = 0.0, worst: int = 10,
                 settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every score that applies to this gold set, as one plain dict (the ``--json`` output)."""
    items = gold.items
    n_pred = sum(len(p.events) for p in preds)
    report: dict[str, Any] = {
        "format": gold.format, "path": str(gold.path), "items": len(items),
        "gold_events": sum(len(i.events) for i in items), "predicted_events": n_pred,
        "seconds": round(seconds, 2),
        "items_per_second": round(len(items) / seconds, 1) if seconds > 0 else None,
        "settings": settings or {},
    }
    if gold.format == "indiapolice":
        from heron.eval.labels import __doc__ as mapping_doc
        from heron.eval.labels import SUMMARY, label_examples, label_scores

        report["labels"] = label_scores(items, preds)
        report["label_mapping"] = " ".join((mapping_doc or "").split())
        report["label_summary"] = SUMMARY
        report["label_examples"] = label_examples(items, preds, n=worst)
        report["sentences_with_police_events"] = sum(
            1 for p in preds if any(_police(e) for e in p.events))
        return report

    levels = score_levels(items, preds)
    report["levels"] = {name: {"title": LEVELS[name].title, **prf.to_dict()} for name, prf in levels.items()}
    if gold.single_label:
        report["main"] = {k: v.to_dict() for k, v in main_accuracy(items, preds).items()}
        report["no_event"] = no_event_rate(items, preds).to_dict()
        level = "root" if any(i.events and i.events[0].root for i in items) else "penta"
        table = confusion(items, preds, level)
        report["confusion"] = {"level": level, "table": {g: dict(row) for g, row in table.items()},
                               "per_class": per_class(table),
                               "top": [{"gold": g, "predicted": p, "n": n} for g, p, n in top_confusions(table)]}
        report["worst"] = worst_misses(items, preds, n=worst)
    if gold.format == "petrarch":
        report["categories"] = {k: v.to_dict() for k, v in pass_rates(items, preds).items()}
        report["failed"] = failed_records(items, preds, n=worst)
    if any(i.actors for i in items):
        from heron.eval.actors import actor_accuracy

        report["actors"] = actor_accuracy(items, preds)
    return report


def _police(e) -> bool:
    from heron.eval.labels import is_police

    return is_police(e)


# -- rendering ----------------------------------------------------------------------------------
