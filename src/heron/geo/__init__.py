"""Offline geoparsing: gazetteer, datelines, place resolution with reasons, event location.

    from heron.geo import load_gazetteer, find_dateline, geoparse, locate_event
    places = geoparse(doc, article_id="a1", actor_countries=["IRN", "RUS"])
    place, why = locate_event(sent, trigger_index=tok.i, places=places, dateline=dateline_place)

See ``heron/data/geo/README.md`` for the data and the method.
"""

from heron.geo.dateline import Dateline, dateline_of, find_dateline
from heron.geo.gazetteer import GazEntry, Gazetteer, load_gazetteer
from heron.geo.geoparse import geoparse
from heron.geo.locate import locate_event, settle_article_places

__all__ = [
    "Dateline",
    "GazEntry",
    "Gazetteer",
    "dateline_of",
    "find_dateline",
    "geoparse",
    "load_gazetteer",
    "locate_event",
    "settle_article_places",
]
