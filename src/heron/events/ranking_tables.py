"""Reading the word tables of ``data/ranking/*.yaml`` into frozen records.

Each table has a ``code`` (the CAMEO code its rule assigns) and word lists; a record class names
the lists it reads, and a list the file leaves out is empty.
"""

from __future__ import annotations

from dataclasses import fields
from importlib import resources
from typing import TypeVar

import yaml

T = TypeVar("T")


def load_ranking_table(name: str, cls: type[T]) -> T:
    """``data/ranking/<name>`` as a ``cls``: ``code`` a string, every other field a frozenset of
    the strings listed under its name."""
    text = (resources.files("heron.data") / "ranking" / name).read_text(encoding="utf-8")
    doc = yaml.safe_load(text) or {}
    values = {f.name: (str(doc["code"]) if f.name == "code" else frozenset(str(w) for w in doc.get(f.name) or ()))
              for f in fields(cls)}
    return cls(**values)
