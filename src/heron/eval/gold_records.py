"""Gold records shared by every reader (:class:`GoldItem`, :class:`GoldEvent`, ...) and the
helpers the readers share (country codes, sectors, JSONL lines, dates, errors).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from heron.errors import GoldFormatError

#: Country codes that some gold sets (and CAMEO) spell differently from ISO 3166 alpha-3.
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GER": "DEU", "ROM": "ROU", "UK": "GBR",
                   "SUD": "SDN", "DRC": "COD", "BUL": "BGR", "SWZ": "SWZ"}

CAMEO_CODE_RE = re.compile(r"^\d{2,4}$")



ACTOR_CODE_RE = re.compile(r"^[A-Z]{3}")



@dataclass(slots=True)
class GoldActor:
    """One gold actor: the words in the sentence and how they are coded."""

    text: str
    country: str | None  # ISO3-ish country key ("USA"), or a group/IGO prefix ("IGO", "IMG"); None = unknown
    sectors: tuple[str, ...] = ()
    code: str = ""  # the gold code as written ("GBR", "DAGGOV", "IGO")
    role: str = ""  # "source" or "target"


@dataclass(slots=True)
class GoldEvent:
    """One expected event. ``None`` means the gold set does not say (not: "there is none")."""

    code: str | None = None  # exact CAMEO code "0332"
    root: str | None = None  # "03"
    penta: int | None = None  # 0..4
    quad: int | None = None  # 1..4
    plover_type: str | None = None
    plover_mode: str | None = None
    source_country: str | None = None
    source_sectors: tuple[str, ...] = ()
    target_country: str | None = None
    target_sectors: tuple[str, ...] = ()
    source_code: str | None = None  # full actor codes (PETRARCH: "DAGGOV", "---GOV")
    target_code: str | None = None
    source_text: str = ""
    target_text: str = ""
    actors_known: bool = False  # the gold says who the source and target are (a missing target = none)
    codes_known: bool = False  # source_code/target_code are the gold's full actor codes


@dataclass(slots=True)
class GoldItem:
    """One gold sentence (or short text) with what should be coded from it."""

    id: str
    text: str
    published: date | None = None
    events: list[GoldEvent] = field(default_factory=list)
    labels: tuple[str, ...] = ()  # sentence labels (IndiaPoliceEvents: KILL, ARREST, ...)
    actors: list[GoldActor] = field(default_factory=list)  # gold actors, for actor accuracy
    group: str | None = None  # PETRARCH category, IndiaPoliceEvents document id
    require_dyad: bool | None = None  # PETRARCH per-record setting
    origin: str = ""  # "path:line"


@dataclass(slots=True)
class GoldSet:
    format: str
    path: Path
    items: list[GoldItem]
    actor_files: tuple[Path, ...] = ()  # dictionaries the set needs (PETRARCH Validate)
    verb_files: tuple[Path, ...] = ()  # verb dictionaries its codes come from (PETRARCH Validate)
    single_label: bool = False  # one main event per sentence (cameo-manual, ConfliBERT)
    labels: tuple[str, ...] = ()  # label names, for label sets


# -- helpers ------------------------------------------------------------------------------------
def country_key(country: str | None, code: str | None = None) -> str | None:
    """A comparable country key: ISO3 (aliases folded), else the first three letters of a code."""
    if country:
        c = country.strip().upper()
        return COUNTRY_ALIASES.get(c, c) or None
    if code:
        m = ACTOR_CODE_RE.match(code.strip())
        if m:
            c = m.group(0)
            return COUNTRY_ALIASES.get(c, c)
    return None


def split_sectors(text: str | None) -> tuple[str, ...]:
    """CAMEO-style sector string -> 3-letter upper-case sector codes.

    "GOV" -> ("GOV",); "GOVMOS" -> ("GOV", "MOS"); "CVLalb" -> ("CVL",) (lower-case chunks are
    ethnic/religious modifiers and are dropped); "***" (unknown) -> ().
    """
    if not text:
        return ()
    out = []
    for i in range(0, len(text), 3):
        chunk = text[i:i + 3]
        if len(chunk) == 3 and chunk.isalpha() and chunk.isupper():
            out.append(chunk)
    return tuple(out)


def _ontology():
    from heron.ontology import load_ontology

    return load_ontology()


def derive_from_code(ev: GoldEvent) -> None:
    """Fill root, quad and (if absent) penta from the CAMEO code."""
    if not ev.code:
        return
    ev.root = ev.code[:2]
    try:
        info = _ontology().get(ev.code)
    except Exception:  # unknown code: keep the root only
        return
    ev.quad = info.quad_class
    if ev.penta is None:
        ev.penta = info.penta_class


def gold_error(path: Path, line: int | None, why: str) -> GoldFormatError:
    where = f"{path}:{line}" if line is not None else str(path)
    return GoldFormatError(f"{where}: {why}. Check the file, or pass --format to choose another reader.")


def jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise gold_error(path, None, f"cannot read ({exc.strerror or exc})") from exc
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise gold_error(path, n, f"invalid JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise gold_error(path, n, "expected a JSON object")
            yield n, obj


def parse_gold_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    s = str(value).strip()
    for fmt_len, parse in ((8, lambda v: date(int(v[:4]), int(v[4:6]), int(v[6:8]))),
                           (10, lambda v: date.fromisoformat(v))):
        if len(s) >= fmt_len:
            try:
                return parse(s[:fmt_len])
            except ValueError:
                continue
    return None


# -- cameo-manual -------------------------------------------------------------------------------
def gold_actors(path: Path, n: int, value: Any, role: str) -> list[GoldActor] | None:
    """PLOVER source/target list -> actors; None when the record does not give the role."""
    if value is None:
        return None
    if isinstance(value, str):  # a stray string where a list belongs: treat as not given
        return None
    if not isinstance(value, list):
        raise gold_error(path, n, f"plover {role} must be a list of actors")
    out = []
    for a in value:
        if not isinstance(a, dict) or "actorText" not in a:
            raise gold_error(path, n, f"plover {role} actor needs actorText")
        code = (a.get("code") or "").strip()
        country = None if code in ("", "***", "---") else country_key(code)
        out.append(GoldActor(text=str(a["actorText"]), country=country,
                             sectors=split_sectors(a.get("sector")), code=code, role=role))
    return out
