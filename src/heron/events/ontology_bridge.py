"""The few ontology facts the event coder needs, read from :mod:`heron.ontology` when it is there.

``heron.ontology`` (the CAMEO/PLOVER tables) is the source of truth. Until it is importable the
coder falls back on a small rule: every well-formed code is accepted, and a code needs a target
unless it is a statement (01x, but not 018 condolences / 019 accord), a protest (14x), a show of
force (15x) or a unilateral truce or demobilisation (0871, 0873).
"""

from __future__ import annotations

import functools
from typing import Any

_NO_TARGET_PREFIXES = ("010", "011", "012", "013", "014", "015", "016", "017", "14", "15", "0871", "0873")


@functools.lru_cache(maxsize=1)
def _ontology() -> Any | None:
    try:
        from heron.ontology import load_ontology  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return load_ontology()
    except Exception:  # noqa: BLE001 - a broken table must not stop the coder; the fallback applies
        return None


def _entry(code: str) -> Any | None:
    onto = _ontology()
    if onto is None:
        return None
    try:
        return onto.get(code)
    except Exception:  # noqa: BLE001 - unknown code: OntologyError
        return False


def known_code(code: str) -> bool:
    """Whether ``code`` is a CAMEO code (always True for well-formed codes without the ontology)."""
    return _entry(code) is not False


def needs_target(code: str) -> bool:
    entry = _entry(code)
    if entry:
        return bool(entry.needs_target)
    if code in ("01", "018", "019"):
        return code != "01"
    return not code.startswith(_NO_TARGET_PREFIXES)
