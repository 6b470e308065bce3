"""Readers for the PETRARCH unit-test records, XML or flattened JSONL (format: gold.py's docstring)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from heron.eval.gold_records import (
    GoldEvent,
    GoldItem,
    country_key,
    derive_from_code,
    gold_error,
    jsonl_records,
    parse_gold_date,
    split_sectors,
)

_PETRARCH_CODE_RE = re.compile(r"^\d{2}[0-9A-Z]{0,2}$")  # the Validate verbs use test codes like "174K"



# -- PETRARCH unit tests ------------------------------------------------------------------------
def _petrarch_event(path: Path, line: int | None, src: Any, tgt: Any, code: Any) -> GoldEvent:
    if not code or not _PETRARCH_CODE_RE.match(str(code).strip()):
        raise gold_error(path, line, f"event code {code!r} is not a CAMEO code")
    src, tgt, code = str(src or "").strip(), str(tgt or "").strip(), str(code).strip()

    def country(c: str) -> str | None:
        return None if not c or c.startswith(("---", "###", '"')) else country_key(None, c)

    def sectors(c: str) -> tuple[str, ...]:
        return () if c.startswith('"') else split_sectors(c[3:])

    ev = GoldEvent(code=code, source_code=src or None, target_code=tgt or None,
                   source_country=country(src), target_country=country(tgt),
                   source_sectors=sectors(src), target_sectors=sectors(tgt),
                   actors_known=True, codes_known=True)
    derive_from_code(ev)
    return ev


def _require_dyad(config: Any) -> bool | None:
    if isinstance(config, dict) and "require_dyad" in config:
        return str(config["require_dyad"]).strip().lower() == "true"
    return None


def read_petrarch_jsonl(path: Path) -> list[GoldItem]:
    items = []
    for n, obj in jsonl_records(path):
        for key in ("id", "text", "events"):
            if key not in obj:
                raise gold_error(path, n, f"missing {key!r}")
        if not isinstance(obj["events"], list):
            raise gold_error(path, n, "'events' must be a list")
        events = []
        for e in obj["events"]:
            if not isinstance(e, dict):
                raise gold_error(path, n, "each event must be an object {source, target, code}")
            events.append(_petrarch_event(path, n, e.get("source"), e.get("target"), e.get("code")))
        items.append(GoldItem(id=str(obj["id"]), text=" ".join(str(obj["text"]).split()),
                              published=parse_gold_date(obj.get("date")), events=events,
                              group=str(obj.get("category") or "") or None,
                              require_dyad=_require_dyad(obj.get("config")), origin=f"{path}:{n}"))
    return items


def read_petrarch_xml(path: Path) -> list[GoldItem]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise gold_error(path, exc.position[0] if exc.position else None, f"XML error ({exc})") from exc
    except OSError as exc:
        raise gold_error(path, None, f"cannot read ({exc.strerror or exc})") from exc
    config: dict[str, str] = {}
    items = []
    # Document order matters: <Config> elements set options for the sentences after them.
    for el in root.iter():
        if el.tag == "Config" and el.get("option"):
            config[el.get("option", "")] = el.get("value", "")
        if el.tag != "Sentence":
            continue
        sid = el.get("id")
        text_el = el.find("Text")
        if not sid or text_el is None or not (text_el.text or "").strip():
            raise gold_error(path, None, f"<Sentence id={sid!r}> needs an id and a <Text>")
        events = []
        for ec in el.findall("EventCoding"):
            if ec.get("noevents") is not None or ec.get("error") is not None:
                continue
            events.append(_petrarch_event(path, None, ec.get("sourcecode"), ec.get("targetcode"),
                                          ec.get("eventcode")))
        items.append(GoldItem(id=sid, text=" ".join(text_el.text.split()),
                              published=parse_gold_date(el.get("date")), events=events,
                              group=el.get("category") or None, require_dyad=_require_dyad(config),
                              origin=f"{path}#{sid}"))
    if not items:
        raise gold_error(path, None, "no <Sentence> records")
    return items


def _petrarch_dicts(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(p for p in folder.glob("*.txt")
                        if p.name.endswith((".actors.txt", ".agents.txt"))))


def _petrarch_verbs(folder: Path) -> tuple[Path, ...]:
    """The verb dictionaries next to PETRARCH records (``*.verbs.txt``): their codes are the expected ones."""
    return tuple(sorted(folder.glob("*.verbs.txt")))
