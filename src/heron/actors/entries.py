"""Actor and sector entries, and the per-source layers they are stored in.

Split out of :mod:`heron.actors.knowledge` (which re-exports every name here). Entries are kept
as compact tuples (cheap to pickle) and turned into :class:`ActorEntry` objects on lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from heron.actors.codes import _WS, CASE_SENSITIVE_WORDS, clean_phrase, norm_key, split_code, tokenize

__all__ = ["ActorEntry", "SectorEntry", "LayerBuilder"]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One way a phrase can name an actor."""

    phrase: str  # lower-cased surface form, single spaces ("u.s.", "al-qaeda")
    name: str  # canonical name ("United States", "al-Qaeda", "Vladimir Putin")
    code: str  # CAMEO actor code ("USA", "IMGMUSALQ", "RUSGOV"); "---" = not an actor
    country: str | None  # ISO3 (or CAMEO country code); None for IGOs, transnational groups
    sectors: tuple[str, ...]
    kind: str  # country|demonym|capital|region|igo|group|institution|person|actor|null
    valid_from: date | None = None
    valid_to: date | None = None  # inclusive
    provenance: str = ""  # "builtin:countries.csv", "petrarch:Phoenix.Countries.actors.txt:1234"
    surface: str = ""  # the phrase as written in the source, capitals kept
    role: str | None = None  # persons: "president", "defense minister"
    case_sensitive: bool = False

    @property
    def tokens(self) -> tuple[str, ...]:
        """The phrase's tokens, lower-cased (split as spaCy splits the source spelling)."""
        return tuple(t.lower() for t in tokenize(self.surface or self.phrase))

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None

    def valid_on(self, on: date) -> bool:
        if self.valid_from is not None and on < self.valid_from:
            return False
        if self.valid_to is not None and on > self.valid_to:
            return False
        return True

    def to_actor(self, *, role: str | None = None, title: str | None = None):
        """This entry as a pipeline :class:`heron.records.Actor`."""
        from heron.records import Actor

        kind = {"demonym": "country", "capital": "country", "null": "country"}.get(self.kind, self.kind)
        return Actor(
            name=self.name,
            code=self.code,
            country=self.country,
            sectors=self.sectors,
            kind=kind,
            role=role if role is not None else self.role,
            title=title,
            provenance=self.provenance,
        )


@dataclass(frozen=True, slots=True)
class SectorEntry:
    """A role noun or phrase and the CAMEO sector codes it adds ("defense minister" -> GOV, MIL)."""

    phrase: str
    sectors: tuple[str, ...]
    role: str  # the singular role ("minister" for "ministers")
    person: bool  # a person ("minister", "soldiers") rather than a body ("ministry", "army")
    provenance: str
    prefix: bool = False  # PETRARCH "NGO~" codes: the sector goes before the actor's code

    @property
    def tokens(self) -> tuple[str, ...]:
        return tokenize(self.phrase)


# Compact storage: entries are kept as tuples (cheap to pickle and load) and turned into
# ActorEntry objects on lookup. Field order = ActorEntry's.
_Raw = tuple


def _entry(raw: _Raw) -> ActorEntry:
    return ActorEntry(*raw)


@dataclass(slots=True)
class _Layer:
    """What one source contributes."""

    source: str
    actors: dict[str, tuple[_Raw, ...]] = field(default_factory=dict)  # norm_key -> raws
    sectors: dict[str, SectorEntry] = field(default_factory=dict)  # norm_key -> entry
    countries: dict[str, _Raw] = field(default_factory=dict)  # ISO3 and CAMEO code -> raw
    warnings: tuple[str, ...] = ()


class LayerBuilder:
    """Collects entries for one source; used by all loaders."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._actors: dict[str, list[_Raw]] = {}
        self._sectors: dict[str, SectorEntry] = {}
        self._countries: dict[str, _Raw] = {}
        self.warnings: list[str] = []
        self._intern: dict[object, object] = {}

    def _i(self, v):
        if v is None:
            return None
        return self._intern.setdefault(v, v)

    def add_actor(
        self,
        phrase: str,
        *,
        name: str,
        code: str,
        kind: str,
        country: object = ...,  # str | None; ... = derive from the code
        sectors: tuple[str, ...] | None = None,
        valid_from: date | None = None,
        valid_to: date | None = None,
        provenance: str,
        role: str | None = None,
        case_sensitive: bool | None = None,
    ) -> None:
        surface = _WS.sub(" ", phrase.replace("_", " ")).strip()
        clean = clean_phrase(surface)
        if not clean:
            return
        key = norm_key(clean)
        code = code.strip().upper()
        if country is ... or sectors is None:
            c2, s2 = split_code(code)
            if country is ...:
                country = c2
            if sectors is None:
                sectors = s2
        if case_sensitive is None:
            case_sensitive = clean in CASE_SENSITIVE_WORDS
        i = self._i
        raw = (
            i(clean), i(name), i(code), i(country), i(tuple(sectors)), i(kind),
            valid_from, valid_to, i(provenance), i(surface), i(role), bool(case_sensitive),
        )
        self._actors.setdefault(key, []).append(raw)

    def add_country(self, code: str, raw_name: str, **kw) -> None:
        """Register the canonical entry for a country (under its ISO3 and CAMEO codes)."""
        self.add_actor(raw_name, name=raw_name, code=code, kind="country", **kw)
        raw = self._actors[norm_key(clean_phrase(raw_name))][-1]
        iso = kw.get("country") or code
        self._countries[iso.upper()] = raw
        self._countries.setdefault(code.upper(), raw)

    def add_sector(self, entry: SectorEntry) -> None:
        self._sectors[norm_key(entry.phrase)] = entry

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)

    def build(self) -> _Layer:
        actors = {}
        for k, v in self._actors.items():
            # drop entries that differ only in spelling or source ("Côte d'Ivoire" / "Cote d'Ivoire"
            # share a key): the first spelling stays
            seen: dict[tuple, _Raw] = {}
            for r in v:
                seen.setdefault(r[1:8] + r[10:], r)
            actors[k] = tuple(seen.values())
        return _Layer(
            source=self.source,
            actors=actors,
            sectors=dict(self._sectors),
            countries=dict(self._countries),
            warnings=tuple(self.warnings),
        )


def _order_key(raw: _Raw) -> tuple:
    # within a record: dated entries first, open-ended and most recent first; undated last
    vf, vt = raw[6], raw[7]
    dated = vf is not None or vt is not None
    return (0 if dated else 1, -(vt.toordinal() if vt else 10**7), -(vf.toordinal() if vf else 0))


def _filter(raws: Iterable[_Raw], on: date | None) -> list[ActorEntry]:
    groups: dict[tuple, list[_Raw]] = {}
    for r in raws:
        groups.setdefault((r[8], r[1]), []).append(r)
    out: list[ActorEntry] = []
    for rs in groups.values():
        if on is None:
            out.extend(_entry(r) for r in sorted(rs, key=_order_key))
            continue
        dated = [r for r in rs if r[6] is not None or r[7] is not None]
        hit = [
            r for r in dated if (r[6] is None or on >= r[6]) and (r[7] is None or on <= r[7])
        ]
        chosen = hit if hit else [r for r in rs if r[6] is None and r[7] is None]
        out.extend(_entry(r) for r in chosen)
    return out
