"""Heron's actor knowledge: who a phrase names, and which sector a role noun codes.

Nothing is read at import. :func:`load_builtin` reads Heron's own tables (``heron/data/actors``,
see the README there); :func:`load_dictionary` reads a PETRARCH/TABARI dictionary or a user's
YAML/CSV file. Knowledge objects are immutable and combine with :meth:`ActorKnowledge.merged`,
where later sources override earlier ones for the same phrase.

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

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from heron.errors import DictionaryError

__all__ = [
    "ActorEntry",
    "SectorEntry",
    "ActorKnowledge",
    "load_builtin",
    "load_dictionary",
    "norm_key",
    "tokenize",
    "split_code",
    "is_case_sensitive",
    "COUNTRY_CODES",
    "REGION_CODES",
]

# ---------------------------------------------------------------------------------------------
# Codes

#: CAMEO country codes that are not ISO 3166-1 alpha-3 (current or historical states).
CAMEO_EXTRA_COUNTRIES = frozenset(
    {"KSV", "XKX", "TMP", "DDR", "USR", "SUN", "YUG", "SCG", "CSK", "FRY", "SRP", "ZAR", "ROM"}
)
#: CAMEO/Phoenix regional codes: not a country, so ``country`` stays None.
REGION_CODES = frozenset(
    {
        "AFR", "ASA", "BLK", "BAL", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
        "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", "NAM",
    }
)


@functools.lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    try:
        import pycountry

        codes = {c.alpha_3 for c in pycountry.countries}
    except Exception:  # pragma: no cover - pycountry is a dependency; stay usable without it
        codes = set()
    codes.update(_builtin_country_codes())
    return frozenset(codes)


class _CountryCodes:
    """Lazy set-like view: ISO3 codes (pycountry + Heron's table) plus CAMEO extras."""

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and (code in CAMEO_EXTRA_COUNTRIES or code in _iso3_codes())


COUNTRY_CODES = _CountryCodes()


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """Split a CAMEO actor code into (country, sectors).

    The country is the first three letters when they are an ISO3/CAMEO country code; the
    sectors are the following 3-letter chunks. Codes that start with something else (IGO, IMG,
    NGO, MNC, a region such as MEA) have no country, and all their chunks are returned as
    sectors: ``IMGMUSISI`` -> (None, ("IMG", "MUS", "ISI")). A tail that is not a multiple of
    three letters stays one chunk. The null code ``---`` gives (None, ()).
    """
    code = code.strip().upper()
    if not code or code.strip("-+") == "":
        return None, ()
    body = code
    country: str | None = None
    if len(code) >= 3 and code[:3] in COUNTRY_CODES:
        country, body = code[:3], code[3:]
    chunks = [body[i : i + 3] for i in range(0, len(body), 3)]
    if len(chunks) > 1 and len(chunks[-1]) < 3:
        tail = chunks.pop()
        chunks[-1] += tail
    return country, tuple(c for c in chunks if c)


# ---------------------------------------------------------------------------------------------
# Text normalisation

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "_": " ",
    }
)
_SPACE_AROUND = re.compile(r"\s*([-'/])\s*")
_SPACE_BEFORE_DOT = re.compile(r"\s+\.")
_WS = re.compile(r"\s+")


def clean_phrase(text: str) -> str:
    """The stored form of a phrase: lower-cased, quotes/dashes unified, single spaces."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip().lower()


def norm_key(text: str) -> str:
    """Lookup key: :func:`clean_phrase`, accents stripped, no spaces around ``- ' /`` or before
    a period ("Al - Qaeda" == "al-qaeda", "Côte d’Ivoire" == "cote d'ivoire", "U.S ." == "u.s.")."""
    s = clean_phrase(text)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = _SPACE_AROUND.sub(r"\1", s)
    s = _SPACE_BEFORE_DOT.sub(".", s)
    return s


_ABBREV = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]?\.?$")
_TITLE_ABBREV = frozenset(
    "st. mr. mrs. ms. dr. gen. col. lt. sgt. capt. gov. sen. rep. jr. sr. mt. ft. ave.".split()
)
_LEAD = "([{\"'"
_TRAIL = ")]}\"',;:!?."
_INFIX = re.compile(r"(?<=[^\W\d_])([-/\u2013\u2014])(?=[^\W\d_])")


@functools.lru_cache(maxsize=65536)
def tokenize(phrase: str) -> tuple[str, ...]:
    """Approximate spaCy's English tokenization of a phrase (no model needed).

    Abbreviations keep their periods ("U.S."), hyphens between letters are split off
    ("al", "-", "qaeda") but not between a letter and a digit ("g-20"), brackets, quotes and
    final punctuation are split off, a possessive "'s" is its own token. For matcher patterns
    prefer ``nlp.tokenizer``; this is for code that has no pipeline at hand. Note that spaCy
    itself splits a lower-case "u.s." into "u.s" and "."; this function does not.
    """
    out: list[str] = []
    for chunk in phrase.split():
        if _ABBREV.match(chunk) or chunk.lower() in _TITLE_ABBREV:
            out.append(chunk)
            continue
        lead: list[str] = []
        trail: list[str] = []
        while chunk and chunk[0] in _LEAD:
            lead.append(chunk[0])
            chunk = chunk[1:]
        while chunk and chunk[-1] in _TRAIL and not _ABBREV.match(chunk):
            trail.insert(0, chunk[-1])
            chunk = chunk[:-1]
        out.extend(lead)
        if chunk:
            poss = ""
            if chunk.lower().endswith(("'s", "\u2019s")) and len(chunk) > 2:
                chunk, poss = chunk[:-2], chunk[-2:]
            out.extend(p for p in _INFIX.split(chunk) if p)
            if poss:
                out.append(poss)
        out.extend(trail)
    return tuple(out)


#: Names that are also everyday English words (lower-cased). Phrases equal to one of these are
#: matched case-sensitively (see module docstring). Shared by every loader.
CASE_SENSITIVE_WORDS = frozenset(
    """
    us is it as at am an be by do go he if in me my no of on or so to up we
    and are can had has her him his its may not our out she the was way who will you let
    ai ap au car cis co pa pm raw sa se st un
    turkey guinea jersey polish pole poles china chile afghan panama bermuda
    trump bush brown rice young gates ford carter
    congress isis
    """.split()
)
# Acronyms equal to these words (US, IS, WHO, AU, UN, LeT) only match in capitals; so do
# country words that are also lower-case nouns (Turkey/turkey, China/china, Polish/polish)
# and surnames that are words (Trump, Bush, Rice). Names that are also first names (Chad,
# Jordan) are not here: capitals do not tell those apart.


def is_case_sensitive(phrase: str) -> bool:
    """Whether ``phrase`` must be matched with its capitals (it is also a common word)."""
    return clean_phrase(phrase) in CASE_SENSITIVE_WORDS


# ---------------------------------------------------------------------------------------------
# Entries


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


# ---------------------------------------------------------------------------------------------
# Built-in tables

_DATA_PACKAGE = "heron.data.actors"
BUILTIN_FILES = (
    "countries.csv",
    "country_names.csv",
    "regions.csv",
    "igos.csv",
    "groups.csv",
    "institutions.csv",
    "persons.csv",
    "sectors.csv",
)


def _read_table(name: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a built-in CSV with their 1-based line numbers; '#' lines are comments."""
    text = resources.files(_DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    rows: list[tuple[int, dict[str, str]]] = []
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    for rec in reader:
        lineno = reader.line_num
        if not rec or (rec[0].startswith("#")) or all(not c.strip() for c in rec):
            continue
        if header is None:
            header = [h.strip() for h in rec]
            continue
        if len(rec) > len(header):
            raise DictionaryError(
                f"builtin:{name}:{lineno}: {len(rec)} fields, header has {len(header)} "
                f"(quote fields that contain commas)"
            )
        rec = rec + [""] * (len(header) - len(rec))
        rows.append((lineno, {h: v.strip() for h, v in zip(header, rec)}))
    return rows


@functools.lru_cache(maxsize=1)
def _builtin_country_codes() -> frozenset[str]:
    try:
        rows = _read_table("countries.csv")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover
        return frozenset()
    return frozenset({r["iso3"] for _, r in rows} | {r["cameo"] for _, r in rows})


def parse_date(text: str, *, end: bool = False) -> date | None:
    """'2015', '2015-10', '2015-10-22' -> date; a year or month gives its first day, or with
    ``end=True`` its last day. Empty -> None. ValueError on anything else."""
    s = str(text).strip()
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s)
    if not m:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {s!r}")
    y = int(m.group(1))
    if m.group(3):
        return date(y, int(m.group(2)), int(m.group(3)))
    if m.group(2):
        mo = int(m.group(2))
        if not end:
            return date(y, mo, 1)
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(y, 12, 31) if end else date(y, 1, 1)


def _split_list(s: str) -> list[str]:
    return [p.strip() for p in re.split(r"[|;]", s) if p.strip()]


_NAME_KIND = {
    "name": "country",
    "short": "country",
    "demonym": "demonym",
    "demonym_plural": "demonym",
    "adjective": "demonym",
    "capital": "capital",
    "seat": "capital",
}


def _phrases_of(row: dict[str, str]) -> list[str]:
    """The name and aliases of a table row. A name ending in a "(qualifier)", such as
    "National Liberation Army (Colombia)", is a label only: it is not matched as a phrase."""
    out = [p for p in [row["name"], *_split_list(row.get("aliases", ""))] if not p.endswith(")")]
    return out


def _build_builtin() -> ActorKnowledge:
    b = LayerBuilder("builtin")

    def bad(name: str, lineno: int, msg: str) -> DictionaryError:
        return DictionaryError(f"builtin:{name}:{lineno}: {msg}")

    # countries -------------------------------------------------------------------------------
    names: dict[str, tuple[str, str]] = {}  # iso3 -> (canonical name, cameo)
    for lineno, r in _read_table("countries.csv"):
        iso3, cameo, name = r["iso3"], r["cameo"] or r["iso3"], r["name"]
        names[iso3] = (name, cameo)
        b.add_country(cameo, name, country=iso3, sectors=(), provenance="builtin:countries.csv")
    for lineno, r in _read_table("country_names.csv"):
        iso3, phrase, kind = r["iso3"], r["phrase"], r["kind"]
        if iso3 not in names:
            raise bad("country_names.csv", lineno, f"unknown iso3 {iso3!r}")
        if kind not in _NAME_KIND:
            raise bad("country_names.csv", lineno, f"unknown kind {kind!r}")
        name, cameo = names[iso3]
        sectors = tuple(_split_list(r.get("sectors", "")))
        b.add_actor(
            phrase,
            name=name,
            code=cameo + "".join(sectors),
            country=iso3,
            sectors=sectors,
            kind=_NAME_KIND[kind],
            provenance="builtin:country_names.csv",
        )

    # regions, IGOs, groups, institutions ------------------------------------------------------
    def table(fname: str, kind: str) -> None:
        for lineno, r in _read_table(fname):
            code = r["code"]
            if not code:
                raise bad(fname, lineno, "empty code")
            country = r.get("country") or None
            sectors = tuple(_split_list(r.get("sectors", "")))
            if not sectors and "sectors" not in r:
                sectors = split_code(code)[1]
            try:
                vf = parse_date(r.get("valid_from", ""))
                vt = parse_date(r.get("valid_to", ""), end=True)
            except ValueError as e:
                raise bad(fname, lineno, str(e)) from None
            for phrase in _phrases_of(r):
                b.add_actor(
                    phrase,
                    name=r["name"],
                    code=code,
                    country=country,
                    sectors=sectors,
                    kind=kind,
                    valid_from=vf,
                    valid_to=vt,
                    provenance=f"builtin:{fname}",
                    role=r.get("role") or None,
                )

    table("regions.csv", "region")
    table("igos.csv", "igo")
    table("groups.csv", "group")
    table("institutions.csv", "institution")

    # persons ---------------------------------------------------------------------------------
    for lineno, r in _read_table("persons.csv"):
        country = r["country"]
        sectors = tuple(_split_list(r["sectors"]))
        code = r.get("code") or (country + "".join(sectors))
        try:
            vf = parse_date(r["valid_from"])
            vt = parse_date(r["valid_to"], end=True)
        except ValueError as e:
            raise bad("persons.csv", lineno, str(e)) from None
        for phrase in _phrases_of(r):
            b.add_actor(
                phrase,
                name=r["name"],
                code=code,
                country=country or None,
                sectors=sectors,
                kind="person",
                valid_from=vf,
                valid_to=vt,
                provenance="builtin:persons.csv",
                role=r.get("role") or None,
            )

    # sectors ---------------------------------------------------------------------------------
    for lineno, r in _read_table("sectors.csv"):
        phrase = clean_phrase(r["phrase"])
        sectors = tuple(_split_list(r["sectors"]))
        if not phrase or not sectors:
            raise bad("sectors.csv", lineno, "phrase and sectors are required")
        person = r["person"].strip().lower() in {"1", "true", "yes", "y"}
        role = r.get("role") or phrase
        plural = r.get("plural", "")
        forms = [phrase]
        if plural and plural != "-":
            forms.append(clean_phrase(plural))
        elif not plural:
            forms.append(pluralize(phrase))
        for form in forms:
            if form and b._sectors.get(norm_key(form)) is None:
                b.add_sector(SectorEntry(form, sectors, role, person, "builtin:sectors.csv"))
    return ActorKnowledge([b.build()])


@functools.lru_cache(maxsize=1)
def load_builtin() -> ActorKnowledge:
    """Heron's own actor and sector tables (cached; read on first call)."""
    return _build_builtin()


# ---------------------------------------------------------------------------------------------
# Plurals (shared with the PETRARCH agents reader)

_NO_PLURAL_END = ("ese", "ss", "ics", "ry police", "police", "media", "people", "staff", "personnel")
_MAN_EXCEPTIONS = {"human", "german", "shaman", "ottoman", "talisman", "caiman", "roman"}


def pluralize(phrase: str) -> str:
    """Regular English plural of a phrase's last word ("defense minister" -> "defense
    ministers", "army" -> "armies", "congressman" -> "congressmen", "police" -> "")."""
    if not phrase:
        return ""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith(("police", "media", "people", "personnel", "staff", "clergy", "military")):
        return ""
    if low.endswith("man") and low not in _MAN_EXCEPTIONS:
        new = last[:-3] + ("MEN" if last.isupper() else "men")
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        new = last[:-1] + ("IES" if last.isupper() else "ies")
    elif low.endswith(("s", "sh", "ch", "x", "z")):
        new = last + ("ES" if last.isupper() else "es")
    else:
        new = last + ("S" if last.isupper() else "s")
    return f"{head} {new}" if head else new


def load_dictionary(path: str | Path, *, strict: bool = False) -> ActorKnowledge:
    """Read one dictionary file, choosing the reader by its name.

    ``*.actors.txt`` and ``*.agents.txt``: PETRARCH/TABARI actor and agent dictionaries
    (compiled once and cached, see :mod:`heron.actors.petrarch`); ``.yaml``/``.yml`` and
    ``.csv``: Heron's user format (see ``heron/data/actors/README.md``). A directory loads every
    dictionary file in it, in name order. Problems that make a line unreadable raise
    :class:`heron.errors.DictionaryError` naming the file and line; with ``strict=True`` the
    oddities tolerated in the Phoenix files (listed in ``.warnings``) raise as well.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted(
            f for f in p.iterdir()
            if f.name.lower().endswith((".actors.txt", ".agents.txt", ".yaml", ".yml"))
            or (f.suffix.lower() == ".csv")
        )
        if not files:
            raise DictionaryError(f"{p}: no dictionary files (*.actors.txt, *.agents.txt, .yaml, .csv)")
        out = ActorKnowledge()
        for f in files:
            out = out.merged(load_dictionary(f, strict=strict))
        return out
    if not p.exists():
        raise DictionaryError(f"{p}: no such file")
    low = p.name.lower()
    if low.endswith(".actors.txt") or low.endswith(".agents.txt"):
        from heron.actors.petrarch import load_petrarch

        return load_petrarch(p, strict=strict)
    if low.endswith((".yaml", ".yml", ".csv")):
        from heron.actors.userdict import load_user_dictionary

        return load_user_dictionary(p)
    raise DictionaryError(
        f"{p}: unknown dictionary type; name it *.actors.txt or *.agents.txt (PETRARCH), "
        f"or .yaml/.yml/.csv (Heron user format)"
    )

