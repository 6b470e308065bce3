"""Reading and validating trigger lexicon files: YAML/JSONL rows with line numbers, row
expansion into :class:`TriggerPattern`, and the embedding classes of ``_frames.yaml``.

Every problem raises :class:`heron.errors.DictionaryError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

from heron.errors import DictionaryError, file_lines
from heron.events.lexicon_model import EmbeddingClass, TriggerPattern
from heron.events.ontology_bridge import known_code

POS_KINDS = ("verb", "noun", "adj")
#: Argument slots a row may name for its source or target.
SLOT_NAMES = frozenset({"subj", "dobj", "dative", "poss", "mod", "host", "party", "between", "xsubj"})
ROW_KEYS = frozenset(
    {
        "id",
        "code",
        "verb",
        "noun",
        "adj",
        "prt",
        "prep",
        "obj",
        "pobj",
        "xcomp",
        "mod",
        "host",
        "source",
        "target",
        "reciprocal",
        "embeds",
        "standalone",
        "patient_poss",
        "clause_code",
        "note",
    }
)
CLASS_KEYS = frozenset({"via", "tables", "unmapped", "modality", "target_from", "emit_base", "note"})
UNMAPPED = frozenset({"keep", "base", "drop"})
MODALITIES = frozenset({"asserted", "intended", "hypothetical", "historical", "future", "refused"})
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_LEMMA_RE = re.compile(r"^[^\W\d_](?:[^\W_]|['-])*$")
_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_VIA_RE = re.compile(r"^(xcomp|ccomp|dobj|advcl|pcomp:[a-z]+|pobj:[a-z]+)$")

DEFAULT_SOURCE = {"verb": ("subj",), "noun": ("between", "poss", "mod", "pobj:by", "host"), "adj": ("subj",)}
DEFAULT_TARGET = {
    "verb": ("dobj", "dative"),
    "noun": ("pobj:against", "pobj:on", "pobj:with", "pobj:to", "pobj:toward", "pobj:at"),
    "adj": ("pobj:about", "pobj:over", "pobj:with", "pobj:toward"),
}


# --------------------------------------------------------------------------------------------
# reading files with line numbers


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that records the 1-based line of every mapping under the key ``__line__``.

    libyaml's C loader where PyYAML has it (its wheels do): the same documents and marks, and the
    built-in lexicon parses in about a third of the time (1.9 -> 0.6 s at every process start)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_rows(name: str, text: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows and top-level document of a YAML or JSONL lexicon file."""
    if name.endswith(".jsonl"):
        rows = []
        for n, line in enumerate(file_lines(text), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DictionaryError(f"{name}:{n}: invalid JSON ({exc.msg}); one pattern object per line") from None
            if not isinstance(row, dict):
                raise DictionaryError(f"{name}:{n}: expected a JSON object with id, code and verb/noun/adj")
            row["__line__"] = n
            rows.append(row)
        return rows, {}
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise DictionaryError(f"{name}:{line}: invalid YAML ({getattr(exc, 'problem', exc)})") from None
    if doc is None:
        return [], {}
    if not isinstance(doc, dict):
        raise DictionaryError(f"{name}:1: expected a mapping with a 'patterns' list")
    rows = doc.get("patterns") or []
    if not isinstance(rows, list):
        raise DictionaryError(f"{name}:{doc.get('__line__', 1)}: 'patterns' must be a list of rows")
    return rows, doc


def _strings(value: Any, where: str, key: str, *, lemma: bool = True) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise DictionaryError(f"{where}: '{key}' must be a word or a non-empty list of words")
    out = []
    for item in value:
        if not isinstance(item, str) or (lemma and (not _LEMMA_RE.match(item) or item != item.lower())):
            raise DictionaryError(
                f"{where}: '{key}' has {item!r}; lemmas are lower-case words (letters, ' and - only)"
            )
        out.append(item)
    return frozenset(out)


def _slots(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise DictionaryError(f"{where}: '{key}' must be a list of argument slots")
    for slot in value:
        ok = isinstance(slot, str) and (
            slot in SLOT_NAMES or (slot.startswith(("pobj:", "opobj:")) and _LEMMA_RE.match(slot.split(":", 1)[1]) is not None)
        )
        if not ok:
            raise DictionaryError(
                f"{where}: '{key}' has unknown slot {slot!r}; use one of {sorted(SLOT_NAMES)}, pobj:PREP or opobj:PREP"
            )
    return tuple(value)


def _expand_row(row: dict[str, Any], fname: str, classes: Mapping[str, Any]) -> list[TriggerPattern]:
    line = row.get("__line__", 0)
    where = f"{fname}:{line}"
    unknown = set(row) - ROW_KEYS - {"__line__"}
    if unknown:
        raise DictionaryError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(ROW_KEYS)}")
    row_id = row.get("id")
    if not isinstance(row_id, str) or not _ID_RE.match(row_id):
        raise DictionaryError(f"{where}: every row needs an 'id' (lower-case letters, digits, . _ -)")
    code = row.get("code")
    if isinstance(code, int):
        raise DictionaryError(f"{where}: code {code} must be quoted (\"0{code}\") to keep leading zeros")
    if not isinstance(code, str) or not _CODE_RE.match(code):
        raise DictionaryError(f"{where}: code {code!r} is not a CAMEO event code (2-4 digits, root 01-20)")
    if not known_code(code):
        raise DictionaryError(f"{where}: code {code!r} is not in the CAMEO ontology")
    kinds = [k for k in POS_KINDS if k in row]
    if len(kinds) != 1:
        raise DictionaryError(f"{where}: a row names its trigger lemmas under exactly one of verb, noun, adj")
    pos = kinds[0]
    _strings(row[pos], where, pos)  # validates the lemmas; the order below keeps the row's own
    pobj_raw = row.get("pobj")
    pobj: list[tuple[str, frozenset[str]]] = []
    if pobj_raw is not None:
        if not isinstance(pobj_raw, dict):
            raise DictionaryError(f"{where}: 'pobj' must map a preposition to object lemmas, e.g. {{for: [aid]}}")
        for prep, words in pobj_raw.items():
            if prep == "__line__":
                continue
            if not isinstance(prep, str) or not _LEMMA_RE.match(prep):
                raise DictionaryError(f"{where}: 'pobj' key {prep!r} is not a preposition")
            pobj.append((prep, _strings(words, where, f"pobj.{prep}")))
    clause_code = row.get("clause_code")
    if clause_code is not None and (
        not isinstance(clause_code, str) or not _CODE_RE.match(clause_code) or not known_code(clause_code)
    ):
        raise DictionaryError(f"{where}: clause_code {clause_code!r} is not a quoted CAMEO code")
    embeds = row.get("embeds")
    if clause_code is not None and embeds is None:
        raise DictionaryError(f"{where}: clause_code needs 'embeds' (it codes the trigger's empty clause)")
    if embeds is not None and embeds not in classes:
        raise DictionaryError(f"{where}: embeds {embeds!r} is not a class in _frames.yaml ({sorted(classes)})")
    for flag in ("reciprocal", "standalone", "patient_poss"):
        if flag in row and not isinstance(row[flag], bool):
            raise DictionaryError(f"{where}: '{flag}' must be true or false")
    prep = _strings(row.get("prep"), where, "prep")
    source = _slots(row["source"], where, "source") if "source" in row else DEFAULT_SOURCE[pos]
    if "target" in row:
        target = _slots(row["target"], where, "target")
    else:  # the preposition a row requires is where its target is, unless it says otherwise
        target = tuple(f"pobj:{p}" for p in sorted(prep)) + DEFAULT_TARGET[pos]
    common = dict(
        code=code,
        pos=pos,
        source=source,
        target=target,
        prt=_strings(row.get("prt"), where, "prt"),
        prep=prep,
        obj=_strings(row.get("obj"), where, "obj"),
        pobj=tuple(pobj),
        xcomp=_strings(row.get("xcomp"), where, "xcomp"),
        mod=_strings(row.get("mod"), where, "mod"),
        host=_strings(row.get("host"), where, "host"),
        reciprocal=bool(row.get("reciprocal", False)),
        embeds=embeds,
        standalone=bool(row.get("standalone", True)),
        patient_poss=bool(row.get("patient_poss", False)),
        clause_code=clause_code,
        file=fname,
        line=line,
    )
    ordered = row[pos] if isinstance(row[pos], list) else [row[pos]]
    return [TriggerPattern(id=f"{row_id}/{lemma}", lemma=lemma, **common) for lemma in ordered]


def _build_classes(doc: dict[str, Any], fname: str) -> dict[str, EmbeddingClass]:
    tables_raw = doc.get("tables") or {}
    tables: dict[str, dict[str, str | None]] = {}
    for name, table in tables_raw.items():
        if name == "__line__":
            continue
        line = table.get("__line__", 0) if isinstance(table, dict) else 0
        if not isinstance(table, dict):
            raise DictionaryError(f"{fname}:{line}: table {name!r} must map codes to codes")
        out: dict[str, str | None] = {}
        for key, value in table.items():
            if key == "__line__":
                continue
            for c in (key, value):
                if c is not None and (not isinstance(c, str) or not _CODE_RE.match(c) or not known_code(c)):
                    raise DictionaryError(
                        f"{fname}:{line}: table {name!r} has {c!r}; codes are quoted CAMEO codes (null drops)"
                    )
            out[key] = value
        tables[name] = out
    classes: dict[str, EmbeddingClass] = {}
    for name, spec in (doc.get("classes") or {}).items():
        if name == "__line__":
            continue
        line = spec.get("__line__", 0) if isinstance(spec, dict) else 0
        where = f"{fname}:{line}"
        if not isinstance(spec, dict):
            raise DictionaryError(f"{where}: class {name!r} must be a mapping")
        unknown = set(spec) - CLASS_KEYS - {"__line__"}
        if unknown:
            raise DictionaryError(f"{where}: class {name!r} has unknown key(s) {sorted(unknown)}")
        via = tuple(spec.get("via") or ())
        if not via or not all(isinstance(v, str) and _VIA_RE.match(v) for v in via):
            raise DictionaryError(f"{where}: class {name!r} needs 'via': xcomp, ccomp, dobj, advcl, pobj:P, pcomp:P")
        merged: dict[str, str | None] = {}
        for tname in spec.get("tables") or ():
            if tname not in tables:
                raise DictionaryError(f"{where}: class {name!r} uses unknown table {tname!r}")
            for k, v in tables[tname].items():
                merged.setdefault(k, v)
        unmapped = spec.get("unmapped", "base")
        if unmapped not in UNMAPPED:
            raise DictionaryError(f"{where}: class {name!r}: unmapped must be one of {sorted(UNMAPPED)}")
        modality = spec.get("modality", "asserted")
        if modality not in MODALITIES:
            raise DictionaryError(f"{where}: class {name!r}: modality must be one of {sorted(MODALITIES)}")
        target_from = tuple(spec.get("target_from") or ("own", "embedded"))
        if not set(target_from) <= {"own", "embedded", "embedded_source"}:
            raise DictionaryError(f"{where}: class {name!r}: target_from takes own, embedded, embedded_source")
        emit_base = spec.get("emit_base", False)
        if not isinstance(emit_base, bool):
            raise DictionaryError(f"{where}: class {name!r}: emit_base must be true or false")
        classes[name] = EmbeddingClass(name, via, merged, unmapped, modality, target_from, emit_base)
    return classes


def _words(doc: dict[str, Any], key: str, fname: str) -> frozenset[str]:
    return _strings(doc.get(key), f"{fname}:{doc.get('__line__', 1)}", key)
