"""News datelines: moved to :mod:`heron.nlp.dateline` (the parse needs them, and ``heron.nlp``
does not depend on ``heron.geo``); the names stay importable from here."""

from heron.nlp.dateline import Dateline, dateline_of, find_dateline

__all__ = ["Dateline", "dateline_of", "find_dateline"]
