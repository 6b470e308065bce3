"""The trigger lexicon: data files of verb, noun and adjective patterns that map to CAMEO codes.

The lexicon lives in ``heron/data/triggers`` (see the README there for the format):

* ``NN-*.yaml``: one file per CAMEO root, a list of pattern *rows*. A row names one or more
  trigger lemmas and the constraints that must hold around the trigger in the dependency parse
  (particle, preposition, object head, xcomp verb, modifier, host verb); it expands to one
  :class:`TriggerPattern` per lemma, with the stable id ``ROW_ID/LEMMA``.
* ``_frames.yaml``: the embedding classes (what happens to an event embedded under "urge X to",
  "threatened to", "refused to", "said that", ...), their code tables, the light verbs that
  lend their subject to a nominal event, and the cue words for optimistic/pessimistic comments.

:func:`load_lexicon` validates everything and raises :class:`heron.errors.DictionaryError` naming
the file and line of the first problem. The built-in lexicon is cached.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from heron.errors import DictionaryError
from heron.events.ontology_bridge import known_code

POS_KINDS = ("verb", "noun", "adj")
#: Argument slots a row may name for its source or target.
SLOT_NAMES = frozenset({"subj", "dobj", "dative", "poss", "mod", "host", "between", "xsubj"})
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


@dataclass(frozen=True, slots=True)
class TriggerPattern:
    """One trigger lemma with its constraints and argument frame (one expanded row)."""

    id: str
    code: str
    pos: str  # verb | noun | adj
    lemma: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    pobj: tuple[tuple[str, frozenset[str]], ...] = ()
    xcomp: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    host: frozenset[str] = frozenset()
    reciprocal: bool = False
    embeds: str | None = None
    standalone: bool = True
    patient_poss: bool = False
    file: str = ""
    line: int = 0

    @property
    def specificity(self) -> int:
        """How many constraints the pattern adds to its bare lemma (more wins).

        A ``pobj`` constraint counts twice: it names the preposition and its object (several
        prepositions in one row are alternatives).
        """
        return (2 if self.pobj else 0) + sum(
            1 for part in (self.prt, self.prep, self.obj, self.xcomp, self.mod, self.host) if part
        )

    def rank(self) -> tuple[int, bool]:
        """Sort key, most specific first; on a tie a row naming the object beats one naming only a
        preposition or particle ("withdraw inspectors from" is 1662, not the bare "withdraw from")."""
        return -self.specificity, not self.obj

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class EmbeddingClass:
    """What an embedding trigger ("urge", "threaten", "refuse", "say") does to the event under it.

    ``table`` maps an embedded code (tried as the full code, then its 3-digit parent, then its root)
    to the code that replaces it; a ``None`` value drops the embedded event. ``unmapped`` says what
    happens when no entry applies: ``keep`` the embedded event (with ``modality``), emit the
    embedding trigger's ``base`` code instead, or ``drop`` both.
    """

    name: str
    via: tuple[str, ...]
    table: Mapping[str, str | None]
    unmapped: str
    modality: str
    target_from: tuple[str, ...]  # order to pick the target: "own" slots, "embedded" target, "embedded_source"
    emit_base: bool = False  # with unmapped "keep": emit the embedding row's own code as well

    def lookup(self, code: str) -> tuple[bool, str | None]:
        """(found, replacement) for an embedded code."""
        for key in (code, code[:3], code[:2]):
            if key in self.table:
                return True, self.table[key]
        return False, None


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    patterns: tuple[TriggerPattern, ...]
    classes: Mapping[str, EmbeddingClass]
    light_verbs: frozenset[str]
    future_class: str | None  # embedding class applied to events told in the future tense
    optimism: frozenset[str]
    pessimism: frozenset[str]
    sources: tuple[str, ...]  # files it was read from
    version: str
    future_conflict_class: str | None = None  # class applied to conflict its own source announces
    quantity_nouns: frozenset[str] = frozenset()  # "tons" in "tons of aid": the object is "aid"
    agent_nouns: frozenset[str] = frozenset()  # "workers" in "aid workers": the trigger is a label
    agent_suffix_exceptions: frozenset[str] = frozenset()  # "-er" nouns that are not people ("border")
    index: Mapping[tuple[str, str], tuple[TriggerPattern, ...]] = field(repr=False, default_factory=dict)

    def __len__(self) -> int:
        return len(self.patterns)

    def is_agent_noun(self, lemma: str, text: str) -> bool:
        """A noun for people or a body ("workers", "agency", "negotiators"): a trigger noun that
        only modifies one is a label, not an event ("aid workers")."""
        if lemma in self.agent_nouns or text in self.agent_nouns:
            return True
        if lemma in self.agent_suffix_exceptions or text in self.agent_suffix_exceptions:
            return False
        return len(lemma) >= 6 and lemma.endswith(("er", "or", "ist", "ers", "ors", "ists"))

    def lookup(self, pos: str, lemma: str) -> tuple[TriggerPattern, ...]:
        return self.index.get((pos, lemma), ())

    def by_id(self, pattern_id: str) -> TriggerPattern:
        for p in self.patterns:
            if p.id == pattern_id:
                return p
        raise KeyError(pattern_id)

    def roots(self) -> set[str]:
        return {p.code[:2] for p in self.patterns}


# --------------------------------------------------------------------------------------------
# reading files with line numbers


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records the 1-based line of every mapping under the key ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_rows(name: str, text: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows and top-level document of a YAML or JSONL lexicon file."""
    if name.endswith(".jsonl"):
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
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
            slot in SLOT_NAMES or (slot.startswith("pobj:") and _LEMMA_RE.match(slot[5:]) is not None)
        )
        if not ok:
            raise DictionaryError(
                f"{where}: '{key}' has unknown slot {slot!r}; use one of {sorted(SLOT_NAMES)} or pobj:PREP"
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
    embeds = row.get("embeds")
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


def _builtin_files() -> list[tuple[str, str]]:
    root = resources.files("heron.data") / "triggers"
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml", ".jsonl")):
            out.append((f"triggers/{entry.name}", entry.read_text(encoding="utf-8")))
    return out


def _compile(files: list[tuple[str, str]]) -> TriggerLexicon:
    frames = [(n, t) for n, t in files if Path(n).name.startswith("_")]
    rows_files = [(n, t) for n, t in files if not Path(n).name.startswith("_")]
    classes: dict[str, EmbeddingClass] = {}
    future_class: str | None = None
    future_conflict_class: str | None = None
    light: set[str] = set()
    quantity: set[str] = set()
    agents: set[str] = set()
    not_agents: set[str] = set()
    optimism: set[str] = set()
    pessimism: set[str] = set()
    for fname, text in frames:
        _, doc = _read_rows(fname, text)
        classes.update(_build_classes(doc, fname))
        if "future_class" in doc:
            future_class = doc["future_class"]
            if future_class not in classes:
                raise DictionaryError(f"{fname}:1: future_class {future_class!r} is not a class in this file")
        if "future_conflict_class" in doc:
            future_conflict_class = doc["future_conflict_class"]
            if future_conflict_class not in classes:
                raise DictionaryError(
                    f"{fname}:1: future_conflict_class {future_conflict_class!r} is not a class in this file"
                )
        light |= _words(doc, "light_verbs", fname)
        quantity |= _words(doc, "quantity_nouns", fname)
        agents |= _words(doc, "agent_nouns", fname)
        not_agents |= _words(doc, "agent_suffix_exceptions", fname)
        optimism |= _words(doc, "optimism", fname)
        pessimism |= _words(doc, "pessimism", fname)
    patterns: list[TriggerPattern] = []
    seen: dict[str, str] = {}
    for fname, text in rows_files:
        rows, _ = _read_rows(fname, text)
        for row in rows:
            if not isinstance(row, dict):
                raise DictionaryError(f"{fname}: each pattern row must be a mapping, got {row!r}")
            for pat in _expand_row(row, fname, classes):
                if pat.id in seen:
                    raise DictionaryError(f"{pat.where}: pattern id {pat.id!r} already used at {seen[pat.id]}")
                seen[pat.id] = pat.where
                patterns.append(pat)
    index: dict[tuple[str, str], list[TriggerPattern]] = {}
    for pat in patterns:
        index.setdefault((pat.pos, pat.lemma), []).append(pat)
    # most specific first; the file order breaks ties (sorted() is stable)
    frozen_index = {k: tuple(sorted(v, key=TriggerPattern.rank)) for k, v in index.items()}
    digest = hashlib.sha1()
    for name, text in files:
        digest.update(name.encode())
        digest.update(text.encode())
    return TriggerLexicon(
        patterns=tuple(patterns),
        classes=classes,
        light_verbs=frozenset(light),
        future_class=future_class,
        future_conflict_class=future_conflict_class,
        quantity_nouns=frozenset(quantity),
        agent_nouns=frozenset(agents),
        agent_suffix_exceptions=frozenset(not_agents),
        optimism=frozenset(optimism),
        pessimism=frozenset(pessimism),
        sources=tuple(n for n, _ in files),
        version=digest.hexdigest()[:12],
        index=frozen_index,
    )


@functools.lru_cache(maxsize=1)
def _builtin() -> TriggerLexicon:
    return _compile(_builtin_files())


def load_lexicon(extra: Sequence[Path] = ()) -> TriggerLexicon:
    """The built-in trigger lexicon, plus the user's ``extra`` files (YAML or JSONL rows).

    Raises :class:`DictionaryError` (naming file and line) for any invalid row. Extra rows come
    after the built-in ones, so on equal specificity a built-in pattern wins; give an extra row a
    more specific constraint to override.
    """
    if not extra:
        return _builtin()
    files = _builtin_files()
    for path in extra:
        path = Path(path)
        try:
            files.append((str(path), path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise DictionaryError(f"{path}: cannot read trigger file ({exc.strerror})") from None
    return _compile(files)
