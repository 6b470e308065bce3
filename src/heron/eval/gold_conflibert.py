"""Reader for the ConfliBERT PentaClass TSV (format: gold.py's docstring)."""

from __future__ import annotations

from pathlib import Path

from heron.eval.gold_records import GoldEvent, GoldItem, gold_error

# -- ConfliBERT ---------------------------------------------------------------------------------
def read_conflibert(path: Path) -> list[GoldItem]:
    items = []
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise gold_error(path, None, f"cannot read ({exc.strerror or exc})") from exc
    with handle:
        for n, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise gold_error(path, n, f"expected 'sentence<TAB>class', found {len(parts)} field(s)")
            text, label = parts[0].strip(), parts[1].strip()
            if not label.isdigit() or not 0 <= int(label) <= 4:
                if n == 1 and not label.isdigit():  # a header row
                    continue
                raise gold_error(path, n, f"class {label!r} is not a PentaClass 0..4")
            if not text:
                raise gold_error(path, n, "empty sentence")
            items.append(GoldItem(id=f"cb-{n}", text=text, events=[GoldEvent(penta=int(label))],
                                  origin=f"{path}:{n}"))
    return items
