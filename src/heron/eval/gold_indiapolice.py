"""Reader for IndiaPoliceEvents ``sents.jsonl`` (format: gold.py's docstring)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from heron.eval.gold_records import GoldItem, gold_error, jsonl_records, parse_gold_date

# -- IndiaPoliceEvents --------------------------------------------------------------------------
INDIAPOLICE_LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")


def read_indiapolice(path: Path) -> list[GoldItem]:
    dates: dict[str, date | None] = {}
    meta = path.parent / "metadata.jsonl"
    if meta.exists():
        for _, obj in jsonl_records(meta):
            dates[str(obj.get("doc_id"))] = parse_gold_date(obj.get("date"))
    items = []
    for n, obj in jsonl_records(path):
        for key in ("doc_id", "sent_id", "sent_text", "sent_labels"):
            if key not in obj:
                raise gold_error(path, n, f"missing {key!r}")
        labels = obj["sent_labels"]
        if not isinstance(labels, list) or any(lab not in INDIAPOLICE_LABELS for lab in labels):
            raise gold_error(path, n, f"sent_labels {labels!r} must be a list of {', '.join(INDIAPOLICE_LABELS)}")
        doc = str(obj["doc_id"])
        text = " ".join(str(obj["sent_text"]).split())
        items.append(GoldItem(id=f"ipe-{doc}-{obj['sent_id']}", text=text, published=dates.get(doc),
                              labels=tuple(sorted(set(labels))), group=doc, origin=f"{path}:{n}"))
    return items
