"""Scores: precision/recall/F1 at several levels, main-event accuracy, confusion, worst misses.

Event-level matching is per sentence: the gold events and the predicted events of one item are
reduced to a key for the level (e.g. ``(root,)`` or ``(source country, target country, root)``)
and matched as multisets, so a sentence with two gold ``04`` events needs two predicted ones.
An item is scored at a level only when every one of its gold events has that level's fields
(the cameo-manual set has CAMEO codes for some sentences and PLOVER records for others), or when
it expects no event at all (PETRARCH ``noevents`` records: every prediction is a false positive).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from heron.eval.gold import GoldEvent, GoldItem
from heron.eval.predict import PredEvent, Prediction

Key = tuple[Any, ...]


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    items: int = 0  # items scored at this level

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Sequence[Key], pred: Sequence[Key]) -> None:
        g, p = Counter(gold), Counter(pred)
        tp = sum((g & p).values())
        self.tp += tp
        self.fp += sum(p.values()) - tp
        self.fn += sum(g.values()) - tp
        self.items += 1

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "items": self.items,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    title: str
    gold: Callable[[GoldEvent], Key | None]  # None: the gold does not say
    pred: Callable[[PredEvent], Key]


def _all(*values: Any) -> bool:
    return all(v is not None for v in values)


LEVELS: dict[str, Level] = {lv.name: lv for lv in (
    Level("root", "CAMEO root",
          lambda g: (g.root,) if g.root else None, lambda p: (p.root,)),
    Level("code", "exact CAMEO code",
          lambda g: (g.code,) if g.code else None, lambda p: (p.code,)),
    Level("dyad_root", "dyad (src+tgt country) + root",
          lambda g: (g.source_country, g.target_country, g.root) if g.actors_known and g.root else None,
          lambda p: (p.source_country, p.target_country, p.root)),
    Level("dyad_codes", "src code + tgt code (any event)",
          lambda g: (g.source_code, g.target_code) if g.codes_known else None,
          lambda p: (p.source_code, p.target_code)),
    Level("event", "src code + tgt code + code",
          lambda g: (g.source_code, g.target_code, g.code) if g.codes_known and g.code else None,
          lambda p: (p.source_code, p.target_code, p.code)),
    Level("plover", "PLOVER type",
          lambda g: (g.plover_type,) if g.plover_type else None, lambda p: (p.plover_type,)),
    Level("quad", "QuadClass",
          lambda g: (g.quad,) if g.quad is not None else None, lambda p: (p.quad,)),
    Level("penta", "PentaClass",
          lambda g: (g.penta,) if g.penta is not None else None, lambda p: (p.penta,)),
)}


def score_levels(items: Sequence[GoldItem], preds: Sequence[Prediction],
                 levels: Sequence[str] = tuple(LEVELS)) -> dict[str, PRF]:
    """Precision/recall/F1 per level; levels that no gold event speaks to are left out."""
    out: dict[str, PRF] = {}
    for name in levels:
        lv = LEVELS[name]
        prf, seen = PRF(), 0
        for item, pred in zip(items, preds, strict=True):
            gold = [lv.gold(g) for g in item.events]
            if any(k is None for k in gold):
                continue
            seen += len(gold)
            prf.add(gold, [lv.pred(p) for p in pred.events])
        if seen:
            out[name] = prf
    return out


# -- single-label sets --------------------------------------------------------------------------
@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


def main_accuracy(items: Sequence[GoldItem], preds: Sequence[Prediction],
                  levels: Sequence[str] = ("code", "root", "plover", "quad", "penta")) -> dict[str, Accuracy]:
    """Accuracy of the main (highest-confidence) event against the sentence's gold event.

    No predicted event counts as a miss. ``root_any``: the gold root is among *any* predicted
    event's roots (a lenient view: the right event was found but not ranked first).
    """
    out: dict[str, Accuracy] = {}
    for name in levels:
        lv, acc = LEVELS[name], Accuracy()
        for key, main in _gold_and_main(items, preds, lv):
            acc.total += 1
            acc.correct += int(main is not None and lv.pred(main) == key)
        if acc.total:
            out[name] = acc
    anyroot = Accuracy()
    for item, pred in zip(items, preds, strict=True):
        if item.events and item.events[0].root:
            anyroot.total += 1
            anyroot.correct += int(item.events[0].root in {e.root for e in pred.events})
    if anyroot.total:
        out["root_any"] = anyroot
    return out


def no_event_rate(items: Sequence[GoldItem], preds: Sequence[Prediction]) -> Accuracy:
    """How many gold items that expect an event got none (correct = got none)."""
    acc = Accuracy()
    for item, pred in zip(items, preds, strict=True):
        if item.events:
            acc.total += 1
            acc.correct += int(not pred.events)
    return acc


def confusion(items: Sequence[GoldItem], preds: Sequence[Prediction], level: str = "root") -> dict[str, Counter]:
    """gold main value -> Counter of predicted main values ("none" when nothing was coded)."""
    lv = LEVELS[level]
    table: dict[str, Counter] = defaultdict(Counter)
    for key, main in _gold_and_main(items, preds, lv):
        table[_label(key)][_label(lv.pred(main)) if main is not None else "none"] += 1
    return dict(sorted(table.items()))


def _gold_and_main(items: Sequence[GoldItem], preds: Sequence[Prediction], lv):  # noqa: ANN202
    """(gold key of the item's first event, predicted main event or None) for every item whose
    first gold event has a value at level ``lv``."""
    for item, pred in zip(items, preds, strict=True):
        if not item.events:
            continue
        key = lv.gold(item.events[0])
        if key is not None:
            yield key, pred.main()


def _label(key: Key) -> str:
    return "/".join("-" if k is None else str(k) for k in key)


def per_class(table: dict[str, Counter]) -> list[dict[str, Any]]:
    """Per gold class: n, correct, recall, precision of that class as a prediction, top confusion."""
    predicted: Counter = Counter()
    for row in table.values():
        predicted.update(row)
    rows = []
    for gold, row in table.items():
        n, ok = sum(row.values()), row.get(gold, 0)
        wrong = [(k, v) for k, v in row.most_common() if k != gold]
        rows.append({"gold": gold, "n": n, "correct": ok, "recall": round(ok / n, 4) if n else 0.0,
                     "precision": round(ok / predicted[gold], 4) if predicted[gold] else 0.0,
                     "top_confusion": f"{wrong[0][0]} ({wrong[0][1]})" if wrong else ""})
    return rows


def top_confusions(table: dict[str, Counter], n: int = 10) -> list[tuple[str, str, int]]:
    pairs = [(g, p, c) for g, row in table.items() for p, c in row.items() if p != g]
    return sorted(pairs, key=lambda t: (-t[2], t[0], t[1]))[:n]


# -- worst misses -------------------------------------------------------------------------------
def _polarity(penta: int | None) -> int:
    if penta is None or penta == 0:
        return 0
    return 1 if penta in (1, 2) else -1


def miss_severity(gold: GoldEvent, main: PredEvent | None) -> tuple[float, str] | None:
    """How bad the main prediction is for this gold event; None when it is right."""
    if main is None:
        return 1.0, "no event coded"
    gp, pp = _polarity(gold.penta), _polarity(main.penta)
    if gp and pp and gp != pp:
        return 3.0, "cooperation/conflict flipped"
    if gold.root is not None:
        if main.root != gold.root:
            return 2.0, "wrong root"
        if gold.code is not None and main.code != gold.code:
            return 0.5, "right root, wrong code"
        return None
    if gold.penta is not None and main.penta != gold.penta:
        return 2.0, "wrong class"
    if gold.plover_type is not None and main.plover_type != gold.plover_type:
        return 2.0, "wrong PLOVER type"
    return None


def worst_misses(items: Sequence[GoldItem], preds: Sequence[Prediction], n: int = 10) -> list[dict[str, Any]]:
    rows = []
    for item, pred in zip(items, preds, strict=True):
        if not item.events:
            continue
        gold, main = item.events[0], pred.main()
        sev = miss_severity(gold, main)
        if sev is None:
            continue
        gap = abs((_goldstein(gold.code) or 0.0) - (main.goldstein or 0.0)) if main and gold.code else 0.0
        rows.append({
            "id": item.id, "severity": sev[0], "why": sev[1], "text": item.text,
            "gold": _describe_gold(gold), "predicted": _describe_pred(main),
            "others": [f"{e.code} {e.name}" for e in pred.events if e is not main][:4], "_gap": gap,
        })
    rows.sort(key=lambda r: (-r["severity"], -r["_gap"], r["id"]))
    for r in rows:
        del r["_gap"]
    return rows[:n]


def _goldstein(code: str | None) -> float | None:
    if not code:
        return None
    try:
        from heron.ontology import load_ontology

        return load_ontology().get(code).goldstein
    except Exception:
        return None


def _code_name(code: str | None) -> str:
    if not code:
        return ""
    try:
        from heron.ontology import load_ontology

        return load_ontology().get(code).name
    except Exception:
        return ""


PENTA_NAMES = {0: "statement", 1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def _describe_gold(g: GoldEvent) -> str:
    parts = []
    if g.code:
        parts.append(f"{g.code} {_code_name(g.code)}".strip())
    elif g.penta is not None:
        parts.append(f"penta {g.penta} ({PENTA_NAMES.get(g.penta, '?')})")
    if g.plover_type:
        parts.append(g.plover_type)
    if g.actors_known:
        parts.append(f"{g.source_code or g.source_country or '-'} -> {g.target_code or g.target_country or '-'}")
    return "; ".join(parts)


def _describe_pred(p: PredEvent | None) -> str:
    if p is None:
        return "(none)"
    who = f"{p.source_code or '-'} -> {p.target_code or '-'}"
    return f"{p.code} {p.name} [penta {p.penta}] {who} trigger={p.trigger!r} conf={p.confidence:.2f}"


# -- PETRARCH pass rates ------------------------------------------------------------------------
def record_passes(item: GoldItem, pred: Prediction) -> bool:
    """A PETRARCH unit test passes when the coded (source, target, code) triples equal the expected ones."""
    lv = LEVELS["event"]
    return Counter(lv.gold(g) for g in item.events) == Counter(lv.pred(p) for p in pred.events)


def pass_rates(items: Sequence[GoldItem], preds: Sequence[Prediction]) -> dict[str, Accuracy]:
    """Pass rate per group (PETRARCH category) plus ``ALL``."""
    out: dict[str, Accuracy] = defaultdict(Accuracy)
    for item, pred in zip(items, preds, strict=True):
        ok = record_passes(item, pred)
        for key in (item.group or "-", "ALL"):
            out[key].total += 1
            out[key].correct += int(ok)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == "ALL", kv[0])))


def failed_records(items: Sequence[GoldItem], preds: Sequence[Prediction], n: int = 10) -> list[dict[str, Any]]:
    rows = []
    lv = LEVELS["event"]
    for item, pred in zip(items, preds, strict=True):
        if record_passes(item, pred):
            continue
        rows.append({"id": item.id, "group": item.group, "text": item.text,
                     "expected": [" ".join(str(k or "-") for k in lv.gold(g)) for g in item.events],
                     "coded": [" ".join(str(k or "-") for k in lv.pred(p)) for p in pred.events]})
    return rows[:n]
