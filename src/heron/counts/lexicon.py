"""Words that tie a number to a kind of casualty, by lemma (spaCy's lemmas, lower-cased).

The lists live in ``heron/data/counts/*.yaml`` (see the README there) and are read on first use
by :func:`count_lexicon`. The old upper-case names (``VERB_KINDS``, ``PERSON_NOUNS``, ...) still
resolve, lazily, through the module's ``__getattr__``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

KINDS = ("killed", "injured", "arrested", "displaced", "refugees", "missing", "kidnapped", "protesters")


@dataclass(frozen=True, slots=True)
class CountLexicon:
    """The count word lists; field comments are in the YAML files."""

    verb_kinds: dict[str, str]
    passive_only_kinds: dict[str, str]
    arrest_verbs: frozenset[str]
    subject_kinds: dict[str, str]
    adj_kinds: dict[str, str]
    noun_kinds: dict[str, str]
    nominal_kinds: dict[str, str]
    not_people: frozenset[str]
    hold_particles: frozenset[str]
    total_nouns: frozenset[str]
    protest_host_verbs: frozenset[str]
    protest_nouns: frozenset[str]
    toll_verbs: frozenset[str]
    life_verbs: frozenset[str]
    abroad_words: frozenset[str]
    population_nouns: frozenset[str]
    natural_death_words: frozenset[str]
    evict_verbs: frozenset[str]
    home_words: frozenset[str]
    modals: frozenset[str]
    irrealis_heads: frozenset[str]
    person_nouns: frozenset[str]
    security_nouns: frozenset[str]
    person_suffixes: tuple[str, ...]


def _read(name: str) -> dict:
    text = resources.files("heron").joinpath("data", "counts", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _by_word(by_kind: dict[str, list[str]]) -> dict[str, str]:
    """Invert ``kind: [words]`` into ``word -> kind``, refusing unknown kinds."""
    out: dict[str, str] = {}
    for kind, words in by_kind.items():
        if kind not in KINDS:
            raise ValueError(f"unknown count kind {kind!r} in data/counts")
        out.update(dict.fromkeys(words, kind))
    return out


@lru_cache(maxsize=1)
def count_lexicon() -> CountLexicon:
    kinds, cues, people = _read("kind_words.yaml"), _read("cue_words.yaml"), _read("person_nouns.yaml")
    words = {k: frozenset(v.split()) for k, v in {**cues, **people}.items() if k != "person_suffixes"}
    verb_kinds = _by_word(kinds["verb_kinds"])
    adj_kinds = _by_word(kinds["adj_kinds"])
    return CountLexicon(
        verb_kinds=verb_kinds,
        passive_only_kinds=_by_word(kinds["passive_only_kinds"]),
        # Verbs whose object can only be people: "47 ram sevaks were arrested" counts whatever
        # the noun ("sevak" is in no list), unless it is in not_people.
        arrest_verbs=frozenset(k for k, v in verb_kinds.items() if v == "arrested"),
        subject_kinds=_by_word(kinds["subject_kinds"]),
        adj_kinds=adj_kinds,
        noun_kinds={**adj_kinds, **_by_word(kinds["noun_kinds"])},
        nominal_kinds=_by_word(kinds["nominal_kinds"]),
        person_suffixes=tuple(cues["person_suffixes"].split()),
        **words,
    )


def __getattr__(name: str):
    """The pre-data-file constants (``VERB_KINDS`` ...), read lazily from :func:`count_lexicon`."""
    field = name.lower()
    if name.isupper() and field in CountLexicon.__dataclass_fields__:
        return getattr(count_lexicon(), field)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
