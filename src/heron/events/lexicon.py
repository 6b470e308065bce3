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
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from heron.errors import DictionaryError
from heron.events.lexicon_model import EmbeddingClass, TriggerLexicon, TriggerPattern
from heron.events.lexicon_rows import (
    CLASS_KEYS,
    DEFAULT_SOURCE,
    DEFAULT_TARGET,
    MODALITIES,
    POS_KINDS,
    ROW_KEYS,
    SLOT_NAMES,
    UNMAPPED,
    _build_classes,
    _expand_row,
    _read_rows,
    _strings,
    _words,
)
from heron.events.ontology_bridge import known_code

__all__ = [
    "CLASS_KEYS",
    "DEFAULT_SOURCE",
    "DEFAULT_TARGET",
    "MODALITIES",
    "POS_KINDS",
    "ROW_KEYS",
    "SLOT_NAMES",
    "UNMAPPED",
    "EmbeddingClass",
    "TriggerLexicon",
    "TriggerPattern",
    "load_lexicon",
]

def _builtin_files() -> list[tuple[str, str]]:
    root = resources.files("heron.data") / "triggers"
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml", ".jsonl")):
            out.append((f"triggers/{entry.name}", entry.read_text(encoding="utf-8")))
    return out


#: word lists in _frames.yaml; each fills the TriggerLexicon field of the same name
WORD_LISTS = ("light_verbs", "quantity_nouns", "carrier_nouns", "money_nouns", "peacekeeping_words",
              "agent_nouns", "agent_suffix_exceptions", "optimism", "pessimism", "sending_verbs", "control_verbs",
              "thing_object_speech_verbs", "speech_object_nouns", "claim_verbs",
              "party_preps", "occasion_nouns", "topic_object_verbs", "mutual_nouns")


def _compile(files: list[tuple[str, str]]) -> TriggerLexicon:
    frames = [(n, t) for n, t in files if Path(n).name.startswith("_")]
    rows_files = [(n, t) for n, t in files if not Path(n).name.startswith("_")]
    classes: dict[str, EmbeddingClass] = {}
    future_class: str | None = None
    future_conflict_class: str | None = None
    words: dict[str, set[str]] = {key: set() for key in WORD_LISTS}
    topics: list[tuple[str, frozenset[str]]] = []
    weapons: list[tuple[str, frozenset[str]]] = []
    families: set[str] = set()
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
        for key in WORD_LISTS:
            words[key] |= _words(doc, key, fname)
        families |= _reform_families(doc, fname)
        topics.extend(_reform_topics(doc, fname))
        weapons.extend(_weapon_subjects(doc, fname))
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
        future_class=future_class,
        future_conflict_class=future_conflict_class,
        reform_topics=tuple(topics),
        reform_families=frozenset(families),
        weapon_subjects=tuple(weapons),
        **{key: frozenset(words[key]) for key in WORD_LISTS},
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


def _weapon_subjects(doc: dict, fname: str) -> list[tuple[str, frozenset[str]]]:
    out = []
    for code, cues in (doc.get("weapon_subjects") or {}).items():
        if code == "__line__":
            continue
        if not known_code(str(code)):
            raise DictionaryError(f"{fname}: 'weapon_subjects' has unknown code {code!r}")
        out.append((str(code), _words({"w": cues}, "w", fname)))
    return out


def _reform_families(doc: dict, fname: str) -> frozenset[str]:
    where = f"{fname}:{doc.get('__line__', 1)}"
    codes = _strings(doc.get("reform_families"), where, "reform_families", lemma=False)
    for c in codes:
        if not known_code(c) or len(c) != 3:
            raise DictionaryError(f"{where}: 'reform_families' has {c!r}; give known three-digit CAMEO codes")
    return codes


def _reform_topics(doc: dict, fname: str) -> list[tuple[str, frozenset[str]]]:
    where = f"{fname}:{doc.get('__line__', 1)}"
    out = []
    for digit, words in (doc.get("reform_topics") or {}).items():
        if digit == "__line__":
            continue
        cues = _strings(words, where, f"reform_topics.{digit}", lemma=False)
        if str(digit) not in ("1", "2", "3", "4") or any(w != w.lower() for w in cues):
            raise DictionaryError(f"{where}: 'reform_topics' maps a digit 1-4 to lower-case cue words")
        out.append((str(digit), cues))
    return out
