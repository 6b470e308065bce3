"""IndiaPoliceEvents: map coded events to the sentence labels KILL / ARREST / FAIL / FORCE / ANY_ACTION.

The gold labels answer "did the police ... ?" questions, so every label needs an event whose
*source* is the police. The mapping (documented here and in the report):

* police source: the event's source has sector ``COP`` (in its sectors or its code), or its
  source words name the police ("police", "policemen", "cops", "constable", ...).
* ``KILL``: a police event coded ``1823`` (kill by physical assault), ``186`` (assassinate),
  or root ``20`` (mass violence); or a police event of root ``18``/``19`` (assault, fight) in a
  sentence where a *killed* count was found ("police firing killed two").
* ``ARREST``: a police event coded ``173`` (arrest, detain), or a ``173`` event with no named
  source ("five men were arrested": the agent of an arrest is the police), or an *arrested*
  count ("12 were held") in the sentence.
* ``FORCE``: ``KILL``, or a police event coded ``171`` (seize or destroy property), ``175``
  (violent repression), or of root ``18``, ``19``, ``20``. (``173`` arrests are not force in this
  gold set, whose FORCE is "killed or used other force".)
* ``ANY_ACTION``: any event with the police as source (the gold label also covers
  "police did something else", so it is wider than KILL/ARREST/FORCE).
* ``FAIL`` (police failed to act) has no CAMEO counterpart: never predicted; its recall is 0 by
  construction and it is reported apart from the mapped labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from heron.eval.gold import GoldItem
from heron.eval.metrics import PRF
from heron.eval.predict import PredEvent, Prediction

MAPPED = ("KILL", "ARREST", "FORCE", "ANY_ACTION")
UNMAPPED = ("FAIL",)

_POLICE_WORDS = re.compile(r"\b(police\w*|cops?|constables?|constabulary|sub-inspectors?|inspectors?|"
                           r"havildars?|rapid action force|raf|srp|crpf|sho|dsp|ssp|dcp|acp)\b", re.I)


def is_police(e: PredEvent) -> bool:
    if "COP" in e.source_sectors:
        return True
    code = (e.source_code or "")[3:]
    if any(code[i:i + 3] == "COP" for i in range(0, len(code), 3)):
        return True
    return bool(e.source_text and _POLICE_WORDS.search(e.source_text))


SUMMARY = ("police-sourced events only; KILL = 1823/186/20x, or 18x/19x with a killed count; "
           "ARREST = 173 (police or no named source) or an arrested count; FORCE = KILL or 171/175/18x/19x/20x; "
           "ANY_ACTION = any police-sourced event (or an arrest); FAIL has no CAMEO counterpart (not predicted)")


def predicted_labels(pred: Prediction) -> set[str]:
    kinds = {k for k, v in pred.counts if v}
    labels: set[str] = set()
    if "arrested" in kinds or any(e.code.startswith("173") and not e.source_code and not e.source_text
                                  for e in pred.events):
        labels |= {"ARREST", "ANY_ACTION"}
    police = [e for e in pred.events if is_police(e)]
    if not police:
        return labels
    labels.add("ANY_ACTION")
    for e in police:
        if e.code == "1823" or e.code.startswith("186") or e.root == "20" or \
                (e.root in ("18", "19") and "killed" in kinds):
            labels.add("KILL")
        if e.code.startswith("173"):
            labels.add("ARREST")
        if e.code.startswith(("171", "175")) or e.root in ("18", "19", "20"):
            labels.add("FORCE")
    if "KILL" in labels:
        labels.add("FORCE")
    return labels


def label_scores(items: Sequence[GoldItem], preds: Sequence[Prediction],
                 labels: Sequence[str] = MAPPED + UNMAPPED) -> dict[str, dict[str, Any]]:
    """Per label: sentence-level and document-level (item.group) precision/recall/F1."""
    sent = {lab: PRF() for lab in labels}
    doc_gold: dict[str, set[str]] = {}
    doc_pred: dict[str, set[str]] = {}
    for item, pred in zip(items, preds, strict=True):
        got = predicted_labels(pred)
        for lab in labels:
            sent[lab].add([lab] if lab in item.labels else [], [lab] if lab in got else [])
        doc = item.group or item.id
        doc_gold.setdefault(doc, set()).update(item.labels)
        doc_pred.setdefault(doc, set()).update(got)
    out = {}
    for lab in labels:
        d = PRF()
        for doc, gold in doc_gold.items():
            d.add([lab] if lab in gold else [], [lab] if lab in doc_pred[doc] else [])
        out[lab] = {"sentence": sent[lab].to_dict(), "document": d.to_dict(),
                    "gold_sentences": sent[lab].tp + sent[lab].fn, "mapped": lab in MAPPED}
    return out


def label_examples(items: Sequence[GoldItem], preds: Sequence[Prediction], n: int = 10) -> list[dict[str, Any]]:
    """Sentences where the predicted labels differ from the gold (misses first, then false alarms)."""
    misses, alarms = [], []
    for item, pred in zip(items, preds, strict=True):
        got = predicted_labels(pred) & set(MAPPED)
        gold = set(item.labels) & set(MAPPED)
        if got == gold:
            continue
        row = {"id": item.id, "text": item.text, "gold": sorted(gold), "predicted": sorted(got),
               "events": [f"{e.code} {e.name} {e.source_code or '-'}->{e.target_code or '-'}" for e in pred.events][:4]}
        (misses if gold - got else alarms).append(row)
    shown_alarms = alarms[: n // 2]
    shown_misses = misses[: n - len(shown_alarms)]
    shown_alarms = alarms[: n - len(shown_misses)]
    return shown_misses + shown_alarms
