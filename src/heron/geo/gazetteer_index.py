"""The gazetteer's records and its name index: :class:`GazEntry`, :class:`Gazetteer` (lookup by
name, id, country, division) and :func:`name_key`, the normalised form names are indexed by.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

FEATURE_COUNTRY = "country"
FEATURE_ADMIN1 = "admin1"
FEATURE_CITY = "city"
FEATURE_REGION = "region"
FEATURE_ADMIN2 = "admin2"  # second-level divisions: US counties, parishes and boroughs

_FEATURES = (FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_CITY, FEATURE_REGION, FEATURE_ADMIN2)



@dataclass(frozen=True, slots=True)
class GazEntry:
    geonameid: int  # GeoNames id; negative for Heron's own regions (no GeoNames entry)
    name: str
    country: str  # ISO 3166-1 alpha-3 ("" for continents)
    admin1: str | None  # GeoNames admin1 code within the country ("TX", "24"), None for countries
    latitude: float
    longitude: float
    population: int
    feature: str  # country | admin1 | city | region | admin2


# --------------------------------------------------------------------------------------------
# name keys


_PUNCT_RE = re.compile(r"[.,]")
_DASH_RE = re.compile(r"[\u2010-\u2015\-_/]")
_QUOTE_RE = re.compile(r"[\u2018\u2019\u02bc\u02bb`´]")
_SPACE_RE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Normalised lookup key: accents folded, case-folded, dots and commas dropped, dashes as spaces."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _QUOTE_RE.sub("'", s)
    s = _PUNCT_RE.sub("", s)
    s = _DASH_RE.sub(" ", s)
    s = _SPACE_RE.sub(" ", s).strip().casefold()
    if s.startswith("the "):
        s = s[4:]
    return s


_ABBREVIATIONS = (("saint", "st"), ("sainte", "ste"), ("mount", "mt"), ("fort", "ft"))
_ABBREV_RE = re.compile(r"\b(" + "|".join(w for pair in _ABBREVIATIONS for w in pair) + r")\b")
_ABBREV_SWAP = {a: b for pair in _ABBREVIATIONS for a, b in (pair, pair[::-1])}


def abbreviation_variants(key: str) -> set[str]:
    """The name key with "saint"/"st", "sainte"/"ste", "mount"/"mt", "fort"/"ft" written the
    other way ("saint paul" -> "st paul", "mt pleasant" -> "mount pleasant"): news copy writes
    them short, GeoNames mostly long."""
    if not _ABBREV_RE.search(key):
        return set()
    return {_ABBREV_RE.sub(lambda m: _ABBREV_SWAP[m.group(1)], key)} - {key}


def _is_latin_name(s: str) -> bool:
    """A plausible English-text alternate name: Latin script, starts upper-case, not a short code."""
    if len(s) < 3 or not s[0].isupper():
        return False
    if s.isupper() and len(s) <= 4:  # IATA-style codes: "PAR", "LON"
        return False
    for ch in s:
        if ord(ch) >= 0x250 and not unicodedata.category(ch).startswith(("Z", "P")):
            return False
    return True


# Suffixes stripped from division names to make extra keys ("Kunduz Province" -> "Kunduz").
_DIVISION_SUFFIXES = (
    " province", " governorate", " region", " department", " county", " district", " oblast",
    " krai", " kray", " state", " division", " prefecture", " voivodeship", " municipality",
    " city", " area", " republic", " autonomous region", " parish", " territory",
)


def _division_keys(name: str) -> set[str]:
    key = name_key(name)
    keys = {key}
    for suf in _DIVISION_SUFFIXES:
        if key.endswith(suf) and len(key) > len(suf) + 2:
            keys.add(key[: -len(suf)])
    for pre in ("republic of ", "city of ", "county of ", "region of "):
        if key.startswith(pre):
            keys.add(key[len(pre):])
    return keys


# --------------------------------------------------------------------------------------------
# the gazetteer


class Gazetteer:
    """Columnar store of entries plus a name index.

    ``lookup`` is case-insensitive and folds accents; it searches names and alternate names.
    """

    def __init__(self, columns: dict, index: dict[str, tuple[int, ...]], stats: dict) -> None:
        self._ids: list[int] = columns["ids"]
        self._names: list[str] = columns["names"]
        self._countries: list[str] = columns["countries"]
        self._admin1: list[str | None] = columns["admin1"]
        self._lat: list[float] = columns["lat"]
        self._lon: list[float] = columns["lon"]
        self._pop: list[int] = columns["pop"]
        self._feat: list[int] = columns["feat"]
        self._index = index
        self.stats = stats
        self._by_id: dict[int, int] | None = None
        self._country_row: dict[str, int] = {}
        self._admin1_row: dict[tuple[str, str], int] = {}
        for row, feat in enumerate(self._feat):
            if feat == 0:
                self._country_row[self._countries[row]] = row
            elif feat == 1:
                self._admin1_row[(self._countries[row], self._admin1[row] or "")] = row

    def __len__(self) -> int:
        return len(self._ids)

    def _entry(self, row: int) -> GazEntry:
        return GazEntry(
            geonameid=self._ids[row],
            name=self._names[row],
            country=self._countries[row],
            admin1=self._admin1[row],
            latitude=self._lat[row],
            longitude=self._lon[row],
            population=self._pop[row],
            feature=_FEATURES[self._feat[row]],
        )

    def lookup(self, name: str) -> list[GazEntry]:
        """Every entry whose name or alternate name matches ``name`` (case-insensitive, accents
        folded): countries, then divisions, then places, then regions; within each, entries
        matched by their own name before those matched by an alternate name, larger first.
        "Kunduz Province", "Lviv Oblast": a division word at the end limits the answer to
        first-level divisions."""
        return [self._entry(r) for r, _ in self.lookup_rows(name)]

    def lookup_rows(self, name: str) -> list[tuple[int, bool]]:
        """(row, matched-by-own-name) pairs, in ``lookup`` order."""
        key = name_key(name)
        rows = self._index.get(key)
        if rows is None:
            for suf in _DIVISION_SUFFIXES:
                if key.endswith(suf) and len(key) > len(suf) + 2:
                    base = self._index.get(key[: -len(suf)], ())
                    # the division word was written: the division matches by its own name
                    # ("Kunduz city": the city)
                    want = 2 if suf == " city" else 1
                    rows = tuple(r if r >= 0 else -r - 1 for r in base if self._feat[r if r >= 0 else -r - 1] == want)
                    if rows:
                        break
            else:
                rows = ()
        return [(r, True) if r >= 0 else (-r - 1, False) for r in rows or ()]

    def matched_by_name(self, name: str) -> list[tuple[GazEntry, bool]]:
        """Like ``lookup``, with a flag: True where ``name`` is the entry's own name (or a short
        form of it), False where it is only an alternate name."""
        return [(self._entry(r), own) for r, own in self.lookup_rows(name)]

    def has_name(self, name: str) -> bool:
        """Is ``name`` itself a key (no division-word stripping)?"""
        return name_key(name) in self._index

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup_rows(name))

    def by_id(self, geonameid: int) -> GazEntry | None:
        if self._by_id is None:
            self._by_id = {gid: row for row, gid in enumerate(self._ids)}
        row = self._by_id.get(geonameid)
        return None if row is None else self._entry(row)

    def country(self, iso3: str) -> GazEntry | None:
        row = self._country_row.get(iso3)
        return None if row is None else self._entry(row)

    def entries(self) -> Iterator[GazEntry]:
        """Every entry, in index order (countries, divisions, places, regions as built)."""
        return (self._entry(r) for r in range(len(self._ids)))

    def countries(self) -> list[GazEntry]:
        return [self._entry(r) for r in self._country_row.values()]

    def admin1(self, iso3: str, code: str) -> GazEntry | None:
        row = self._admin1_row.get((iso3, code))
        return None if row is None else self._entry(row)
