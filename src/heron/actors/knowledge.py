"""Heron's actor knowledge: who a phrase names, and which sector a role noun codes.

Nothing is read at import. This module does not know where knowledge comes from: the loaders
build it (:mod:`heron.actors.builtin` from Heron's own tables in ``heron/data/actors``, see the
README there; :mod:`heron.actors.petrarch` from PETRARCH/TABARI dictionaries;
:mod:`heron.actors.userdict` from a user's YAML/CSV file) and
:mod:`heron.actors.dictionaries` composes them (``load_builtin``, ``load_dictionary``).
Knowledge objects are immutable and combine with :meth:`ActorKnowledge.merged`, where later
sources override earlier ones for the same phrase.

Phrases
    ``ActorEntry.phrase`` is the natural surface form, lower-cased, with single spaces
    ("al-qaeda", "u.s.", "côte d'ivoire"). To build spaCy ``PhraseMatcher`` patterns, run the
    phrases through the pipeline's own tokenizer (``nlp.tokenizer.pipe(...)``): that gives
    exactly the tokens the text will have. ``ActorEntry.tokens`` is a tokenizer-free
    approximation of the same split ("al", "-", "qaeda"). Lookups are forgiving: case,
    accents, curly quotes, dash variants and spaces around hyphens/apostrophes/periods are
    normalised away, and a leading "the" is dropped when the phrase with it is unknown.

Case-sensitive phrases
    A few names are also common English words or pronouns ("US" / "us", "IS" / "is",
    "WHO" / "who", "Turkey" / "turkey", "Chad", "Jordan"). :meth:`ActorKnowledge.phrases`
    leaves those out (it is meant for a LOWER matcher); :meth:`ActorKnowledge.cased_phrases`
    gives their surface forms for an ORTH matcher. :func:`is_case_sensitive` says which.

Dates
    An entry may hold a date range (``valid_from``/``valid_to``, both inclusive, either open).
    ``lookup(phrase, on=d)`` keeps, for each source record (same provenance and name), the
    dated entries valid on ``d``; if none of them is, the record's undated entries (PETRARCH's
    fallback code, e.g. ``[AFGELI]`` after a list of dated ``AFGGOV`` terms). Without ``on`` all
    entries come back, open-ended and most recent first within each record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from heron.actors.codes import (  # noqa: F401 - re-exported: the public names live here too
    BUILTIN_FILES,
    CAMEO_EXTRA_COUNTRIES,
    CASE_SENSITIVE_WORDS,
    COUNTRY_CODES,
    _WS,
    REGION_CODES,
    clean_phrase,
    is_case_sensitive,
    norm_key,
    parse_date,
    pluralize,
    split_code,
    tokenize,
)
from heron.actors.entries import (  # noqa: F401 - re-exported: the entry types live here too
    ActorEntry,
    LayerBuilder,
    SectorEntry,
    _entry,
    _filter,
    _Layer,
    _order_key,
    _Raw,
)

__all__ = [
    "ActorEntry",
    "SectorEntry",
    "ActorKnowledge",
    "norm_key",
    "tokenize",
    "split_code",
    "is_case_sensitive",
    "COUNTRY_CODES",
    "REGION_CODES",
]



class ActorKnowledge:
    """Read-only actor and sector knowledge from one or more sources (later ones win)."""

    __slots__ = ("_layers",)

    def __init__(self, layers: Iterable[_Layer] = ()) -> None:
        self._layers: tuple[_Layer, ...] = tuple(layers)

    # -- sources -------------------------------------------------------------------------------
    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(layer.source for layer in self._layers)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Problems the loaders tolerated ("file:line: message"), all sources."""
        return tuple(w for layer in self._layers for w in layer.warnings)

    def merged(self, *others: ActorKnowledge) -> ActorKnowledge:
        """A new knowledge object: this one's sources, then ``others``'; later sources win."""
        layers = list(self._layers)
        for o in others:
            layers.extend(o._layers)
        return ActorKnowledge(layers)

    def __len__(self) -> int:
        return sum(len(v) for layer in self._layers for v in layer.actors.values())

    def __repr__(self) -> str:
        return f"ActorKnowledge(sources={list(self.sources)!r}, entries={len(self)})"

    # -- actors --------------------------------------------------------------------------------
    def phrases(self) -> Iterator[str]:
        """Every actor phrase that is safe to match case-insensitively, as its source writes it.

        Meant for ``PhraseMatcher(nlp.vocab, attr="LOWER")`` with patterns made by the
        pipeline's tokenizer (``nlp.tokenizer.pipe(kb.phrases())``). The phrases keep their
        source capitals on purpose: spaCy tokenizes "U.S." as one token but "u.s." as two, so
        lower-cased patterns would miss. Case-sensitive phrases ("US", "IS", "WHO", "Turkey")
        are left out: see :meth:`cased_phrases`. Null entries (PETRARCH ``[---]``, "not an
        actor") are included so a longer non-actor phrase can block a shorter actor inside it.
        """
        seen: dict[str, None] = {}
        for layer in self._layers:
            for raws in layer.actors.values():
                for r in raws:
                    if not r[11]:
                        seen.setdefault(r[9] or r[0])
        yield from seen

    def demonym_phrases(self) -> frozenset[str]:
        """Demonyms and country adjectives, lower-cased ("thai", "thais"): English writes them
        without accents, so an accented word that folds to one is a name ("Thaís"), not a people."""
        return frozenset((r[9] or r[0]).lower() for layer in self._layers
                         for raws in layer.actors.values() for r in raws if r[5] == "demonym")

    def cased_phrases(self) -> Iterator[str]:
        """Surface forms of the case-sensitive phrases, for an ``attr="ORTH"`` matcher.

        Each comes as written ("US", "Turkey") and, when different, in capitals ("TURKEY").
        """
        out: dict[str, None] = {}
        for layer in self._layers:
            for raws in layer.actors.values():
                for r in raws:
                    if r[11]:
                        surf = r[9]
                        if surf.islower():  # a source gave it lower-cased: assume Title case
                            surf = surf.title()
                        out.setdefault(surf)
                        out.setdefault(surf.upper())
        yield from out

    def _raws(self, key: str, on: date | None) -> list[ActorEntry]:
        for layer in reversed(self._layers):
            raws = layer.actors.get(key)
            if raws:
                hits = _filter(raws, on)
                if hits:
                    return hits
        return []

    def lookup(self, phrase: str, *, on: date | None = None) -> list[ActorEntry]:
        """Entries for ``phrase`` (case-insensitive), valid on ``on`` when given.

        The latest source that knows the phrase answers; if none of its entries is valid on
        ``on``, the next earlier source is asked. A leading "the" is dropped when the full
        phrase is unknown ("the Taliban" -> "taliban").
        """
        key = norm_key(phrase)
        if not key:
            return []
        hits = self._raws(key, on)
        if not hits and key.startswith("the "):
            hits = self._raws(key[4:], on)
        return hits

    def resolve(self, phrase: str, *, on: date | None = None) -> ActorEntry | None:
        """The single best entry for ``phrase``: the first of :meth:`lookup` that is not a
        null (``---``) entry, or None."""
        for e in self.lookup(phrase, on=on):
            return None if e.code == "---" else e
        return None

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and bool(self.lookup(phrase))

    def entries(self) -> Iterator[ActorEntry]:
        """Every actor entry of every source (for inspection and tests)."""
        for layer in self._layers:
            for raws in layer.actors.values():
                for r in raws:
                    yield _entry(r)

    def country(self, iso3: str) -> ActorEntry | None:
        """The canonical entry of a country, by ISO3 or CAMEO code ("IRN", "KSV", "TMP")."""
        code = iso3.strip().upper()
        for layer in reversed(self._layers):
            raw = layer.countries.get(code)
            if raw is not None:
                return _entry(raw)
        return None

    # -- sectors -------------------------------------------------------------------------------
    def sector_phrases(self) -> Iterator[str]:
        """Every sector phrase (lower-cased, singular and plural forms)."""
        seen: dict[str, None] = {}
        for layer in self._layers:
            for e in layer.sectors.values():
                seen.setdefault(e.phrase)
        yield from seen

    def sector(self, phrase: str) -> SectorEntry | None:
        """The sector entry for a role phrase ("Defence Ministers" -> GOV, MIL), latest source
        first; None when unknown."""
        key = norm_key(phrase)
        for layer in reversed(self._layers):
            e = layer.sectors.get(key)
            if e is not None:
                return e
        return None

    def sector_entries(self) -> Iterator[SectorEntry]:
        for layer in self._layers:
            yield from layer.sectors.values()
