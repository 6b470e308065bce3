"""Reader for the ``cameo-manual`` gold set (format: gold.py's docstring)."""

from __future__ import annotations

import re
from pathlib import Path

from heron.eval.gold_records import (
    CAMEO_CODE_RE,
    GoldActor,
    GoldEvent,
    GoldItem,
    derive_from_code,
    gold_actors,
    gold_error,
    jsonl_records,
)

_NOTE_RE = re.compile(r"\s+Note:\s+(.*)$", re.S)
_TWO_EVENTS_RE = re.compile(r"(?i)\btwo\s+(?:\S+\s+){0,3}?events\b")
_CODE_PAIR_RE = re.compile(r"\((\d{2,4}) and (\d{2,4})\)")



def read_cameo_manual(path: Path) -> list[GoldItem]:
    items = []
    for n, obj in jsonl_records(path):
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            raise gold_error(path, n, "missing 'text'")
        code = obj.get("cameo_code")
        if code is not None:
            code = str(code).strip()
            if not CAMEO_CODE_RE.match(code):
                raise gold_error(path, n, f"cameo_code {code!r} is not a 2-4 digit CAMEO code")
        penta = obj.get("pentaclass_conflibert")
        if penta is not None and (not isinstance(penta, int) or not 0 <= penta <= 4):
            raise gold_error(path, n, f"pentaclass_conflibert {penta!r} is not 0..4")
        plover = obj.get("plover") or []
        if not isinstance(plover, list):
            raise gold_error(path, n, "'plover' must be a list")
        if code is None and not plover:
            raise gold_error(path, n, "neither cameo_code nor plover records")
        events: list[GoldEvent] = []
        actors: list[GoldActor] = []
        for k, rec in enumerate(plover):
            if not isinstance(rec, dict) or not rec.get("event"):
                raise gold_error(path, n, "plover record needs 'event'")
            srcs = gold_actors(path, n, rec.get("source"), "source")
            tgts = gold_actors(path, n, rec.get("target"), "target")
            actors.extend(srcs or [])
            actors.extend(tgts or [])
            base = dict(code=code if k == 0 else None, penta=penta if k == 0 else None,
                        plover_type=str(rec["event"]).upper(), plover_mode=rec.get("mode") or None)
            known = srcs is not None and not isinstance(rec.get("target"), str)
            for s in srcs or [None]:
                for t in tgts or [None]:
                    events.append(GoldEvent(
                        **base,
                        source_country=s.country if s else None, source_sectors=s.sectors if s else (),
                        target_country=t.country if t else None, target_sectors=t.sectors if t else (),
                        source_code=s.code if s else None, target_code=t.code if t else None,
                        source_text=s.text if s else "", target_text=t.text if t else "",
                        actors_known=known and (s is None or s.country is not None)
                        and (t is None or t.country is not None)))
        note = _NOTE_RE.search(text)
        if note:
            text = text[:note.start()]
        if not events:
            events.append(GoldEvent(code=code, penta=penta))
            if note and code and _TWO_EVENTS_RE.search(note.group(1)) and \
                    not re.search(r"(?i)\b(three|four|five|six|seven|eight)\s+events\b", note.group(1)):
                pair = _CODE_PAIR_RE.search(note.group(1))
                if pair:
                    events = [GoldEvent(code=pair.group(1), penta=penta if pair.group(1) == code else None),
                              GoldEvent(code=pair.group(2), penta=penta if pair.group(2) == code else None)]
                elif "linked" not in note.group(1):
                    events.append(GoldEvent(code=code, penta=penta))
        for ev in events:
            derive_from_code(ev)
        items.append(GoldItem(id=f"cm-{n}", text=text.strip(), events=events, actors=actors,
                              origin=f"{path}:{n}"))
    return items
