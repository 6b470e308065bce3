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
``news``
    A news corpus (JSONL with ``id`` and ``text``) that Heron ships hand annotations for
    (``heron/data/gold``), or any corpus with ``--annotations``; whole articles are coded and
    scored by :func:`heron.eval.gold_news.evaluate_news`, not read here.

One module per reader (gold_cameo, gold_conflibert, gold_petrarch, gold_indiapolice), the shared
records in gold_records; this module detects the format and dispatches.
"""

from __future__ import annotations

import json
from pathlib import Path

from heron.errors import GoldFormatError
from heron.eval.gold_cameo import read_cameo_manual
from heron.eval.gold_conflibert import read_conflibert
from heron.eval.gold_indiapolice import INDIAPOLICE_LABELS, read_indiapolice
from heron.eval.gold_petrarch import _petrarch_dicts, _petrarch_verbs, read_petrarch_jsonl, read_petrarch_xml
from heron.eval.gold_records import (
    COUNTRY_ALIASES,
    GoldActor,
    GoldEvent,
    GoldItem,
    GoldSet,
    country_key,
    split_sectors,
)

__all__ = [
    "FORMATS",
    "COUNTRY_ALIASES",
    "INDIAPOLICE_LABELS",
    "GoldActor",
    "GoldEvent",
    "GoldItem",
    "GoldSet",
    "country_key",
    "detect_format",
    "load_gold",
    "read_cameo_manual",
    "read_conflibert",
    "read_indiapolice",
    "read_petrarch_jsonl",
    "read_petrarch_xml",
    "split_sectors",
]


FORMATS = ("cameo-manual", "conflibert", "petrarch", "indiapolice", "lgl", "news")


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
        from heron.eval.gold_news import is_news_corpus

        if "text" in obj and "id" in obj and is_news_corpus(p):
            return "news"
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
    verb_files: tuple[Path, ...] = ()  # PETRARCH verb dictionaries the records' codes come from
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
        verb_files = _petrarch_verbs(p.parent)
        items = read_petrarch_xml(p) if p.suffix.lower() == ".xml" else read_petrarch_jsonl(p)
    elif fmt == "indiapolice":
        if p.is_dir():
            p = p / "sents.jsonl"
            if not p.exists():
                raise GoldFormatError(f"{p}: missing; IndiaPoliceEvents needs sents.jsonl")
        items = read_indiapolice(p)
    elif fmt == "news":
        raise GoldFormatError(f"{p}: a news corpus is scored with heron.eval.gold_news.evaluate_news, "
                              f"not read as sentences")
    else:  # lgl is scored by the geo scorer
        raise GoldFormatError(f"{p}: LGL gold is scored with heron.eval.lgl.score_lgl, not read as events")
    if limit is not None:
        items = items[:max(limit, 0)]
    return GoldSet(format=fmt, path=p, items=items, actor_files=actor_files, verb_files=verb_files,
                   single_label=fmt in ("cameo-manual", "conflibert"),
                   labels=INDIAPOLICE_LABELS if fmt == "indiapolice" else ())
