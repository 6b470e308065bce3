"""Heron: political event data (CAMEO, PLOVER) from news text, offline."""

__version__ = "0.1.0"
