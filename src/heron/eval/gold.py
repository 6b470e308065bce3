"""Gold-set readers: every format becomes a list of :class:`GoldItem`.

Formats (``detect_format`` picks one from the path and the first record; ``--format`` overrides):

``cameo-manual``
    JSONL, one sentence a line: ``text``, ``cameo_code`` (may be null), ``pentaclass_conflibert``
    (may be null) and ``plover``: a list of PLOVER gold records (``event``, ``mode``, ``source`` /
    ``target`` lists of ``{actorText, code, sector}``). A sentence's CAMEO code and its first
    PLOVER record describe the same event and are merged; compound actors (two sources) become one
    gold event per source x target pair, as event coders emit them. The codebook's commentary
    after " Note:" is cut from the text; where it says that two events are coded (reciprocal,
    compound actor, or "two linked events (0861 and 074)"), the sentence gets two gold events.
``conflibert``
    TSV without header: ``sentence <TAB> PentaClass`` (0 statement, 1 verbal cooperation,
    2 material cooperation, 3 verbal conflict, 4 material conflict).
``petrarch``
    PETRARCH unit-test records: the XML file (``<Sentence id= category= date=>`` with
    ``<EventCoding sourcecode= targetcode= eventcode=>``, ``noevents`` or ``error``) or its
    flattened JSONL (``id, category, date, text, events: [{source, target, code}], flags,
    config``), or the folder holding them. The folder's ``PETR.Validate.actors.txt`` /
    ``.agents.txt`` are the actor dictionaries these records need (see ``GoldSet.actor_files``).
``indiapolice``
    IndiaPoliceEvents ``sents.jsonl`` (``doc_id, sent_id, sent_text, sent_labels``) or its folder;
    dates come from ``metadata.jsonl`` beside it when present. Labels only, no events.
``lgl``
    LGL geoparsing XML; scored by :func:`heron.eval.lgl.score_lgl`, not read here.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from heron.errors import GoldFormatError

FORMATS = ("cameo-manual", "conflibert", "petrarch", "indiapolice", "lgl")

#: Country codes that some gold sets (and CAMEO) spell differently from ISO 3166 alpha-3.
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GER": "DEU", "ROM": "ROU", "UK": "GBR",
                   "SUD": "SDN", "DRC": "COD", "BUL": "BGR", "SWZ": "SWZ"}

_CODE_RE = re.compile(r"^\d{2,4}$")
_PETRARCH_CODE_RE = re.compile(r"^\d{2}[0-9A-Z]{0,2}$")  # the Validate verbs use test codes like "174K"
_ACTOR_CODE_RE = re.compile(r"^[A-Z]{3}")
_NOTE_RE = re.compile(r"\s+Note:\s+(.*)$", re.S)
_TWO_EVENTS_RE = re.compile(r"(?i)\btwo\s+(?:\S+\s+){0,3}?events\b")
_CODE_PAIR_RE = re.compile(r"\((\d{2,4}) and (\d{2,4})\)")


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
    single_label: bool = False  # one main event per sentence (cameo-manual, ConfliBERT)
    labels: tuple[str, ...] = ()  # label names, for label sets


# -- helpers ------------------------------------------------------------------------------------
def country_key(country: str | None, code: str | None = None) -> str | None:
    """A comparable country key: ISO3 (aliases folded), else the first three letters of a code."""
    if country:
        c = country.strip().upper()
        return COUNTRY_ALIASES.get(c, c) or None
    if code:
        m = _ACTOR_CODE_RE.match(code.strip())
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


def _derive_from_code(ev: GoldEvent) -> None:
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


def _bad(path: Path, line: int | None, why: str) -> GoldFormatError:
    where = f"{path}:{line}" if line is not None else str(path)
    return GoldFormatError(f"{where}: {why}. Check the file, or pass --format to choose another reader.")


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise _bad(path, None, f"cannot read ({exc.strerror or exc})") from exc
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _bad(path, n, f"invalid JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise _bad(path, n, "expected a JSON object")
            yield n, obj


def _parse_date(value: Any) -> date | None:
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
def _gold_actors(path: Path, n: int, value: Any, role: str) -> list[GoldActor] | None:
    """PLOVER source/target list -> actors; None when the record does not give the role."""
    if value is None:
        return None
    if isinstance(value, str):  # a stray string where a list belongs: treat as not given
        return None
    if not isinstance(value, list):
        raise _bad(path, n, f"plover {role} must be a list of actors")
    out = []
    for a in value:
        if not isinstance(a, dict) or "actorText" not in a:
            raise _bad(path, n, f"plover {role} actor needs actorText")
        code = (a.get("code") or "").strip()
        country = None if code in ("", "***", "---") else country_key(code)
        out.append(GoldActor(text=str(a["actorText"]), country=country,
                             sectors=split_sectors(a.get("sector")), code=code, role=role))
    return out


def read_cameo_manual(path: Path) -> list[GoldItem]:
    items = []
    for n, obj in _jsonl(path):
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _bad(path, n, "missing 'text'")
        code = obj.get("cameo_code")
        if code is not None:
            code = str(code).strip()
            if not _CODE_RE.match(code):
                raise _bad(path, n, f"cameo_code {code!r} is not a 2-4 digit CAMEO code")
        penta = obj.get("pentaclass_conflibert")
        if penta is not None and (not isinstance(penta, int) or not 0 <= penta <= 4):
            raise _bad(path, n, f"pentaclass_conflibert {penta!r} is not 0..4")
        plover = obj.get("plover") or []
        if not isinstance(plover, list):
            raise _bad(path, n, "'plover' must be a list")
        if code is None and not plover:
            raise _bad(path, n, "neither cameo_code nor plover records")
        events: list[GoldEvent] = []
        actors: list[GoldActor] = []
        for k, rec in enumerate(plover):
            if not isinstance(rec, dict) or not rec.get("event"):
                raise _bad(path, n, "plover record needs 'event'")
            srcs = _gold_actors(path, n, rec.get("source"), "source")
            tgts = _gold_actors(path, n, rec.get("target"), "target")
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
            _derive_from_code(ev)
        items.append(GoldItem(id=f"cm-{n}", text=text.strip(), events=events, actors=actors,
                              origin=f"{path}:{n}"))
    return items


# -- ConfliBERT ---------------------------------------------------------------------------------
def read_conflibert(path: Path) -> list[GoldItem]:
    items = []
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise _bad(path, None, f"cannot read ({exc.strerror or exc})") from exc
    with handle:
        for n, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise _bad(path, n, f"expected 'sentence<TAB>class', found {len(parts)} field(s)")
            text, label = parts[0].strip(), parts[1].strip()
            if not label.isdigit() or not 0 <= int(label) <= 4:
                if n == 1 and not label.isdigit():  # a header row
                    continue
                raise _bad(path, n, f"class {label!r} is not a PentaClass 0..4")
            if not text:
                raise _bad(path, n, "empty sentence")
            items.append(GoldItem(id=f"cb-{n}", text=text, events=[GoldEvent(penta=int(label))],
                                  origin=f"{path}:{n}"))
    return items


# -- PETRARCH unit tests ------------------------------------------------------------------------
def _petrarch_event(path: Path, line: int | None, src: Any, tgt: Any, code: Any) -> GoldEvent:
    if not code or not _PETRARCH_CODE_RE.match(str(code).strip()):
        raise _bad(path, line, f"event code {code!r} is not a CAMEO code")
    src, tgt, code = str(src or "").strip(), str(tgt or "").strip(), str(code).strip()

    def country(c: str) -> str | None:
        return None if not c or c.startswith(("---", "###", '"')) else country_key(None, c)

    def sectors(c: str) -> tuple[str, ...]:
        return () if c.startswith('"') else split_sectors(c[3:])

    ev = GoldEvent(code=code, source_code=src or None, target_code=tgt or None,
                   source_country=country(src), target_country=country(tgt),
                   source_sectors=sectors(src), target_sectors=sectors(tgt),
                   actors_known=True, codes_known=True)
    _derive_from_code(ev)
    return ev


def _require_dyad(config: Any) -> bool | None:
    if isinstance(config, dict) and "require_dyad" in config:
        return str(config["require_dyad"]).strip().lower() == "true"
    return None


def read_petrarch_jsonl(path: Path) -> list[GoldItem]:
    items = []
    for n, obj in _jsonl(path):
        for key in ("id", "text", "events"):
            if key not in obj:
                raise _bad(path, n, f"missing {key!r}")
        if not isinstance(obj["events"], list):
            raise _bad(path, n, "'events' must be a list")
        events = []
        for e in obj["events"]:
            if not isinstance(e, dict):
                raise _bad(path, n, "each event must be an object {source, target, code}")
            events.append(_petrarch_event(path, n, e.get("source"), e.get("target"), e.get("code")))
        items.append(GoldItem(id=str(obj["id"]), text=" ".join(str(obj["text"]).split()),
                              published=_parse_date(obj.get("date")), events=events,
                              group=str(obj.get("category") or "") or None,
                              require_dyad=_require_dyad(obj.get("config")), origin=f"{path}:{n}"))
    return items


def read_petrarch_xml(path: Path) -> list[GoldItem]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise _bad(path, exc.position[0] if exc.position else None, f"XML error ({exc})") from exc
    except OSError as exc:
        raise _bad(path, None, f"cannot read ({exc.strerror or exc})") from exc
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
            raise _bad(path, None, f"<Sentence id={sid!r}> needs an id and a <Text>")
        events = []
        for ec in el.findall("EventCoding"):
            if ec.get("noevents") is not None or ec.get("error") is not None:
                continue
            events.append(_petrarch_event(path, None, ec.get("sourcecode"), ec.get("targetcode"),
                                          ec.get("eventcode")))
        items.append(GoldItem(id=sid, text=" ".join(text_el.text.split()),
                              published=_parse_date(el.get("date")), events=events,
                              group=el.get("category") or None, require_dyad=_require_dyad(config),
                              origin=f"{path}#{sid}"))
    if not items:
        raise _bad(path, None, "no <Sentence> records")
    return items


def _petrarch_dicts(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(p for p in folder.glob("*.txt")
                        if p.name.endswith((".actors.txt", ".agents.txt"))))


# -- IndiaPoliceEvents --------------------------------------------------------------------------
INDIAPOLICE_LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")


def read_indiapolice(path: Path) -> list[GoldItem]:
    dates: dict[str, date | None] = {}
    meta = path.parent / "metadata.jsonl"
    if meta.exists():
        for _, obj in _jsonl(meta):
            dates[str(obj.get("doc_id"))] = _parse_date(obj.get("date"))
    items = []
    for n, obj in _jsonl(path):
        for key in ("doc_id", "sent_id", "sent_text", "sent_labels"):
            if key not in obj:
                raise _bad(path, n, f"missing {key!r}")
        labels = obj["sent_labels"]
        if not isinstance(labels, list) or any(lab not in INDIAPOLICE_LABELS for lab in labels):
            raise _bad(path, n, f"sent_labels {labels!r} must be a list of {', '.join(INDIAPOLICE_LABELS)}")
        doc = str(obj["doc_id"])
        text = " ".join(str(obj["sent_text"]).split())
        items.append(GoldItem(id=f"ipe-{doc}-{obj['sent_id']}", text=text, published=dates.get(doc),
                              labels=tuple(sorted(set(labels))), group=doc, origin=f"{path}:{n}"))
    return items


# -- detection and loading ----------------------------------------------------------------------
def _first_record(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    return line.strip()
    except OSError:
        pass
    return ""


def detect_format(path: str | Path) -> str:
    """Guess the gold format from the path name and, failing that, from the first record."""
    p = Path(path)
    if p.is_dir():
        names = {c.name for c in p.iterdir()}
        if "sents.jsonl" in names:
            return "indiapolice"
        if any(n.endswith(".records.xml") or n.startswith("petrarch") for n in names):
            return "petrarch"
        if any(n.endswith(".tsv") for n in names):
            return "conflibert"
        raise GoldFormatError(f"{p}: cannot tell the gold format of this folder; pass --format")
    name = p.name.lower()
    if name.endswith(".tsv"):
        return "conflibert"
    head = _first_record(p)
    if name.endswith(".xml"):
        if "lgl" in name:
            return "lgl"
        with p.open(encoding="utf-8", errors="replace") as handle:
            start = handle.read(20000)
        if "<articles" in start or "<toponym" in start:
            return "lgl"
        if "<Sentence" in start or "<Validation" in start:
            return "petrarch"
    if name.endswith((".jsonl", ".json")) and head.startswith("{"):
        try:
            obj = json.loads(head)
        except json.JSONDecodeError:
            obj = {}
        if "cameo_code" in obj or "plover" in obj:
            return "cameo-manual"
        if "sent_labels" in obj:
            return "indiapolice"
        if "events" in obj and "id" in obj:
            return "petrarch"
    if "\t" in head and head.rsplit("\t", 1)[-1].strip().isdigit():
        return "conflibert"
    raise GoldFormatError(f"{p}: cannot tell the gold format from its name or first record; pass --format "
                          f"({' | '.join(FORMATS)})")


def load_gold(path: str | Path, fmt: str = "auto", *, limit: int | None = None) -> GoldSet:
    """Read a gold set. ``fmt`` is one of :data:`FORMATS` or ``auto``."""
    p = Path(path)
    if not p.exists():
        raise GoldFormatError(f"{p}: no such file or folder")
    fmt = detect_format(p) if fmt in ("auto", "", None) else fmt
    if fmt not in FORMATS:
        raise GoldFormatError(f"unknown gold format {fmt!r}; use one of: auto, {', '.join(FORMATS)}")
    actor_files: tuple[Path, ...] = ()
    if fmt == "cameo-manual":
        items = read_cameo_manual(p)
    elif fmt == "conflibert":
        if p.is_dir():
            p = next(iter(sorted(p.glob("*class*.tsv")) or sorted(p.glob("*.tsv"))), p)
        items = read_conflibert(p)
    elif fmt == "petrarch":
        if p.is_dir():
            folder = p
            jsonl = sorted(folder.glob("*.jsonl"))
            xml = sorted(folder.glob("*.records.xml"))
            if jsonl:
                p = jsonl[0]
            elif xml:
                p = xml[0]
            else:
                raise GoldFormatError(f"{folder}: no PETRARCH records (*.jsonl or *.records.xml)")
        actor_files = _petrarch_dicts(p.parent)
        items = read_petrarch_xml(p) if p.suffix.lower() == ".xml" else read_petrarch_jsonl(p)
    elif fmt == "indiapolice":
        if p.is_dir():
            p = p / "sents.jsonl"
            if not p.exists():
                raise GoldFormatError(f"{p}: missing; IndiaPoliceEvents needs sents.jsonl")
        items = read_indiapolice(p)
    else:  # lgl is scored by the geo scorer
        raise GoldFormatError(f"{p}: LGL gold is scored with heron.eval.lgl.score_lgl, not read as events")
    if limit is not None:
        items = items[:max(limit, 0)]
    return GoldSet(format=fmt, path=p, items=items, actor_files=actor_files,
                   single_label=fmt in ("cameo-manual", "conflibert"),
                   labels=INDIAPOLICE_LABELS if fmt == "indiapolice" else ())
